package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"
)

// chatRequest is the body the chat widget posts.
type chatRequest struct {
	// System lets the embedding page customise the assistant. Anyone who
	// can post to /chat can replace its instructions.
	System  string `json:"system"`
	Message string `json:"message"`
}

// defaultSystem is used when the page sends no instructions.
const defaultSystem = "You are the store's order assistant. Only discuss the signed-in customer's orders."

// lookupOrderTool declares lookup_order to the model.
var lookupOrderTool = openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
	Name:        "lookup_order",
	Description: openai.String("Look up the status of one of the customer's orders."),
	Parameters: shared.FunctionParameters{
		"type":       "object",
		"properties": map[string]any{"order_id": map[string]string{"type": "string"}},
		"required":   []string{"order_id"},
	},
})

// handleChat runs one chat turn, with a tool the model may call.
func (d *desk) handleChat(w http.ResponseWriter, r *http.Request) { // want `agent \(\*main\.desk\)\.handleChat dispatcher openai\-go: lookup_order`
	var in chatRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// The auth proxy in front of the service sets the customer's ID.
	customer := r.Header.Get("X-Customer-Id")
	if customer == "" {
		http.Error(w, "sign in first", http.StatusUnauthorized)
		return
	}
	system := defaultSystem
	if in.System != "" {
		system = in.System
	}
	ctx := r.Context()
	params := openai.ChatCompletionNewParams{
		Model: d.model,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(system), // want `BR205: the HTTP request reaches a system prompt through github\.com/openai/openai-go/v3\.SystemMessage.*`
			// Trap: the customer's own message in a user message.
			openai.UserMessage(in.Message),
		},
		Tools: []openai.ChatCompletionToolUnionParam{lookupOrderTool},
	}
	for turn := 0; turn < 4; turn++ {
		resp, err := d.ai.Chat.Completions.New(ctx, params)
		if err != nil || len(resp.Choices) == 0 {
			reply(w, "", fmt.Errorf("chat turn %d: %v", turn, err))
			return
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			reply(w, msg.Content, nil)
			return
		}
		params.Messages = append(params.Messages, msg.ToParam())
		for _, tc := range msg.ToolCalls {
			var out string
			switch tc.Function.Name {
			case "lookup_order": // want `tool lookup_order openai-go constant` `BR305: tool lookup_order\b.*`
				out, err = d.lookupOrder(ctx, customer, tc.Function.Arguments)
			default:
				err = fmt.Errorf("unknown tool %q", tc.Function.Name)
			}
			if err != nil {
				out = "error: " + err.Error()
			}
			params.Messages = append(params.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
	reply(w, "", fmt.Errorf("no answer after %d turns", 4))
}

// lookupOrder returns the status of one of the customer's orders.
func (d *desk) lookupOrder(ctx context.Context, customer, arguments string) (string, error) {
	var args struct {
		OrderID string `json:"order_id"`
	}
	if err := json.Unmarshal([]byte(arguments), &args); err != nil {
		return "", err
	}
	var (
		status  string
		total   int64
		updated time.Time
	)
	err := d.db.QueryRowContext(ctx, // want `lookup_order: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		"SELECT status, total_cents, updated_at FROM orders WHERE id = $1 AND customer_id = $2",
		args.OrderID, customer).Scan(&status, &total, &updated)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("order %s: %s, %d.%02d USD, updated %s", args.OrderID, status, total/100, total%100, updated.Format(time.DateOnly)), nil
}

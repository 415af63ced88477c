// Command support-naive is Acme Shop's customer-support agent, the first
// half of blastradius's README example. A customer's chat message goes to
// the model, which can look up their orders, refund them through Stripe and
// escalate to a human through the ticketing system.
//
// Everything is wired directly: the model chooses the refund's amount, and
// nothing confirms, bounds, paces or logs what it does. support-contained is
// the same agent with those mitigations. Diff the two:
//
//	diff testdata/support-naive/main.go testdata/support-contained/main.go
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/refund"
)

const (
	// ticketsURL is the ticketing system's API.
	ticketsURL = "https://tickets.internal.acme.example/api/v2"
	// maxTurns bounds the model calls for one customer message.
	maxTurns = 6

	systemPrompt = "You are Acme Shop's support assistant. Help the customer with their orders: " +
		"look them up, refund damaged or missing items, and escalate anything else to the support team."
)

// agent holds what the chat handler and its tools share.
type agent struct {
	llm  openai.Client
	db   *sql.DB
	http *http.Client
}

func main() {
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")
	// No driver is linked in: the example is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("SHOP_DATABASE_URL"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	a := &agent{
		llm:  openai.NewClient(),
		db:   db,
		http: &http.Client{Timeout: 15 * time.Second},
	}
	http.HandleFunc("POST /chat", a.handleChat)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

// handleChat answers one message of a customer's chat. The auth proxy in
// front of the service sets X-Customer-ID.
func (a *agent) handleChat(w http.ResponseWriter, r *http.Request) {
	customerID := r.Header.Get("X-Customer-ID")
	message := r.FormValue("message")
	if customerID == "" || message == "" {
		http.Error(w, "missing customer or message", http.StatusBadRequest)
		return
	}
	answer, err := a.reply(r.Context(), customerID, message)
	if err != nil {
		log.Printf("chat with customer %s: %v", customerID, err)
		http.Error(w, "the assistant is unavailable, please try again", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(map[string]string{"reply": answer}); err != nil {
		log.Printf("writing reply: %v", err)
	}
}

// object is the JSON schema of an object whose properties are all required.
func object(props map[string]any) openai.FunctionParameters {
	required := make([]string, 0, len(props))
	for name := range props {
		required = append(required, name)
	}
	return openai.FunctionParameters{"type": "object", "properties": props, "required": required}
}

var (
	str = map[string]string{"type": "string"}
	num = map[string]string{"type": "integer"}
)

// tools are the functions the model may call.
var tools = []openai.ChatCompletionToolUnionParam{
	openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:        "lookup_order",
		Description: openai.String("Look up one of the customer's orders: its status, total and date."),
		Parameters:  object(map[string]any{"order_id": str}),
	}),
	openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:        "issue_refund",
		Description: openai.String("Refund part or all of one of the customer's orders, in cents."),
		Parameters:  object(map[string]any{"order_id": str, "amount_cents": num}),
	}),
	openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:        "escalate_ticket",
		Description: openai.String("Hand the conversation to the human support team."),
		Parameters:  object(map[string]any{"summary": str, "priority": map[string]any{"type": "string", "enum": []string{"low", "normal", "urgent"}}}),
	}),
}

// reply runs the model on the customer's message, and the tools it calls,
// until it answers.
func (a *agent) reply(ctx context.Context, customerID, message string) (string, error) { // want `agent \(\*main\.agent\)\.reply dispatcher openai\-go: escalate_ticket, issue_refund, lookup_order`
	params := openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(systemPrompt),
			openai.UserMessage(message),
		},
		Tools: tools,
	}
	for range maxTurns {
		completion, err := a.llm.Chat.Completions.New(ctx, params)
		if err != nil {
			return "", fmt.Errorf("calling the model: %w", err)
		}
		msg := completion.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return msg.Content, nil
		}
		params.Messages = append(params.Messages, msg.ToParam())
		for _, tc := range msg.ToolCalls {
			var out string
			var err error
			switch tc.Function.Name {
			case "lookup_order": // want `tool lookup_order openai-go constant` `BR305: tool lookup_order is not logged with its arguments`
				out, err = a.lookupOrder(ctx, customerID, tc.Function.Arguments)
			case "issue_refund": // want `tool issue_refund openai-go constant` `BR304: tool issue_refund can move money with no rate limit` `BR305: tool issue_refund is not logged with its arguments`
				out, err = a.issueRefund(ctx, customerID, tc.Function.Arguments)
			case "escalate_ticket": // want `tool escalate_ticket openai-go constant` `BR305: tool escalate_ticket is not logged with its arguments`
				out, err = a.escalate(ctx, customerID, tc.Function.Arguments)
			default:
				err = fmt.Errorf("unknown tool %q", tc.Function.Name)
			}
			if err != nil {
				out = "error: " + err.Error()
			}
			params.Messages = append(params.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
	return "", errors.New("no answer after the maximum number of turns")
}

func (a *agent) lookupOrder(ctx context.Context, customerID, arguments string) (string, error) {
	var args struct {
		OrderID string `json:"order_id"`
	}
	if err := json.Unmarshal([]byte(arguments), &args); err != nil {
		return "", err
	}
	var status string
	var total int64
	var placed time.Time
	err := a.db.QueryRowContext(ctx, "SELECT status, total_cents, placed_at FROM orders WHERE id = $1 AND customer_id = $2", // want `lookup_order: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		args.OrderID, customerID).Scan(&status, &total, &placed)
	if errors.Is(err, sql.ErrNoRows) {
		return "no such order", nil
	}
	if err != nil {
		return "", fmt.Errorf("looking up order: %w", err)
	}
	return fmt.Sprintf("order %s: %s, $%d.%02d, placed %s", args.OrderID, status, total/100, total%100, placed.Format(time.DateOnly)), nil
}

func (a *agent) issueRefund(ctx context.Context, customerID, arguments string) (string, error) {
	var args struct {
		OrderID     string `json:"order_id"`
		AmountCents int64  `json:"amount_cents"`
	}
	if err := json.Unmarshal([]byte(arguments), &args); err != nil {
		return "", err
	}
	amount := args.AmountCents
	var chargeID string
	err := a.db.QueryRowContext(ctx, "SELECT charge_id FROM orders WHERE id = $1 AND customer_id = $2", // want `issue_refund: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		args.OrderID, customerID).Scan(&chargeID)
	if errors.Is(err, sql.ErrNoRows) {
		return "no such order", nil
	}
	if err != nil {
		return "", fmt.Errorf("looking up order: %w", err)
	}
	r, err := refund.New(&stripe.RefundParams{ // want `issue_refund: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)` `BR105: tool issue_refund: model-controlled input reaches the parameters of the payment github\.com/stripe/stripe-go/v82/refund\.New` `BR301: tool issue_refund can move money through github\.com/stripe/stripe-go/v82/refund\.New with no confirmation before it` `BR302: tool issue_refund: a model-chosen value reaches github\.com/stripe/stripe-go/v82/refund\.New with no limit on it`
		Charge: stripe.String(chargeID),
		Amount: stripe.Int64(amount),
		Reason: stripe.String(string(stripe.RefundReasonRequestedByCustomer)),
	})
	if err != nil {
		return "", fmt.Errorf("refunding: %w", err)
	}
	return fmt.Sprintf("refund %s issued: $%d.%02d", r.ID, r.Amount/100, r.Amount%100), nil
}

func (a *agent) escalate(ctx context.Context, customerID, arguments string) (string, error) {
	var args struct {
		Summary  string `json:"summary"`
		Priority string `json:"priority"`
	}
	if err := json.Unmarshal([]byte(arguments), &args); err != nil {
		return "", err
	}
	resp, err := a.post(ctx, "/tickets", map[string]any{
		"customer_id": customerID, "summary": args.Summary, "priority": args.Priority, "source": "support-assistant",
	})
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return "escalated: the support team will reply by e-mail", nil
}

// post sends v as JSON to the ticketing API.
func (a *agent) post(ctx context.Context, path string, v any) (*http.Response, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ticketsURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	// The model writes the ticket (the body), not where it goes.
	resp, err := a.http.Do(req) // want `escalate_ticket: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return nil, fmt.Errorf("ticketing API: %s", resp.Status)
	}
	return resp, nil
}

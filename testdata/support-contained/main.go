// Command support-contained is Acme Shop's customer-support agent, the
// second half of blastradius's README example. A customer's chat message
// goes to the model, which can look up their orders, refund them through
// Stripe and escalate to a human through the ticketing system.
//
// It is support-naive with its actions contained: every tool call is logged
// with its arguments, refunds are capped at $50 and approved by a support
// lead, and refunds and escalations share a rate limit. Diff the two:
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
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/refund"
	"golang.org/x/time/rate"
)

const (
	// ticketsURL is the ticketing system's API.
	ticketsURL = "https://tickets.internal.acme.example/api/v2"
	// maxRefundCents is the most one refund can move: $50. Larger refunds
	// are escalated.
	maxRefundCents = 50_00
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
	// actions paces refunds and escalations across all chats: one every
	// ten seconds, in bursts of three.
	actions *rate.Limiter
	// audit receives one line per tool call.
	audit *slog.Logger
}

func main() {
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")
	// No driver is linked in: the example is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("SHOP_DATABASE_URL"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	a := &agent{
		llm: openai.NewClient(),
		db:  db,
		// Approvals wait for a human: allow them ten minutes.
		http:    &http.Client{Timeout: 11 * time.Minute},
		actions: rate.NewLimiter(rate.Every(10*time.Second), 3),
		audit:   slog.New(slog.NewJSONHandler(os.Stderr, nil)),
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
			a.audit.InfoContext(ctx, "tool call", "customer", customerID, "tool", tc.Function.Name, "arguments", tc.Function.Arguments) // want `lookup_order: guard audit-log \(\*log/slog\.Logger\)\.InfoContext for db-read \(\*database/sql\.DB\)\.QueryRowContext` `issue_refund: guard audit-log \(\*log/slog\.Logger\)\.InfoContext for db-read \(\*database/sql\.DB\)\.QueryRowContext` `issue_refund: guard audit-log \(\*log/slog\.Logger\)\.InfoContext for network \(\*net/http\.Client\)\.Do` `issue_refund: guard audit-log \(\*log/slog\.Logger\)\.InfoContext for payment github\.com/stripe/stripe-go/v82/refund\.New` `escalate_ticket: guard audit-log \(\*log/slog\.Logger\)\.InfoContext for network \(\*net/http\.Client\)\.Do`
			var out string
			var err error
			switch tc.Function.Name {
			case "lookup_order": // want `tool lookup_order openai-go constant`
				out, err = a.lookupOrder(ctx, customerID, tc.Function.Arguments)
			case "issue_refund": // want `tool issue_refund openai-go constant`
				out, err = a.issueRefund(ctx, customerID, tc.Function.Arguments)
			case "escalate_ticket": // want `tool escalate_ticket openai-go constant`
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
	if amount > maxRefundCents {
		return "refunds above $50 need the support team: offer to escalate", nil
	}
	var chargeID string
	var total int64
	err := a.db.QueryRowContext(ctx, "SELECT charge_id, total_cents FROM orders WHERE id = $1 AND customer_id = $2", // want `issue_refund: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		args.OrderID, customerID).Scan(&chargeID, &total)
	if errors.Is(err, sql.ErrNoRows) {
		return "no such order", nil
	}
	if err != nil {
		return "", fmt.Errorf("looking up order: %w", err)
	}
	if amount > total { // want `issue_refund: guard limit comparison for payment github\.com/stripe/stripe-go/v82/refund\.New`
		return "the refund is larger than the order", nil
	}
	if err := a.actions.Wait(ctx); err != nil { // want `issue_refund: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for network \(\*net/http\.Client\)\.Do` `issue_refund: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for payment github\.com/stripe/stripe-go/v82/refund\.New` `issue_refund: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for db-read \(\*database/sql\.DB\)\.QueryRowContext \(not counted: after the sink\)`
		return "", err
	}
	approved, err := a.approveRefund(ctx, customerID, args.OrderID, amount) // want `issue_refund: guard confirmation \(\*example\.com/support-contained\.agent\)\.approveRefund for network \(\*net/http\.Client\)\.Do` `issue_refund: guard confirmation \(\*example\.com/support-contained\.agent\)\.approveRefund for payment github\.com/stripe/stripe-go/v82/refund\.New` `issue_refund: guard confirmation \(\*example\.com/support-contained\.agent\)\.approveRefund for db-read \(\*database/sql\.DB\)\.QueryRowContext \(not counted: after the sink\)`
	if err != nil {
		return "", err
	}
	if !approved {
		return "a support lead declined the refund", nil
	}
	r, err := refund.New(&stripe.RefundParams{ // want `issue_refund: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)`
		Charge: stripe.String(chargeID),
		Amount: stripe.Int64(amount),
		Reason: stripe.String(string(stripe.RefundReasonRequestedByCustomer)),
	})
	if err != nil {
		return "", fmt.Errorf("refunding: %w", err)
	}
	return fmt.Sprintf("refund %s issued: $%d.%02d", r.ID, r.Amount/100, r.Amount%100), nil
}

// approveRefund asks a support lead to approve a refund: it opens an
// approval request in the ticketing system, which holds the call until the
// lead approves or declines it in the ticket, or ten minutes pass.
//
//blastradius:guard confirmation
func (a *agent) approveRefund(ctx context.Context, customerID, orderID string, amount int64) (bool, error) {
	resp, err := a.post(ctx, "/approvals?wait=10m", map[string]any{
		"kind": "refund", "customer_id": customerID, "order_id": orderID, "amount_cents": amount,
	})
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var decision struct {
		Approved bool `json:"approved"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&decision); err != nil {
		return false, fmt.Errorf("reading the approval: %w", err)
	}
	return decision.Approved, nil
}

func (a *agent) escalate(ctx context.Context, customerID, arguments string) (string, error) {
	var args struct {
		Summary  string `json:"summary"`
		Priority string `json:"priority"`
	}
	if err := json.Unmarshal([]byte(arguments), &args); err != nil {
		return "", err
	}
	if err := a.actions.Wait(ctx); err != nil { // want `escalate_ticket: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for network \(\*net/http\.Client\)\.Do`
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
	// The model writes the ticket and the approval request (the body), not
	// where they go.
	resp, err := a.http.Do(req) // want `escalate_ticket: network \(\*net/http\.Client\)\.Do` `issue_refund: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return nil, fmt.Errorf("ticketing API: %s", resp.Status)
	}
	return resp, nil
}

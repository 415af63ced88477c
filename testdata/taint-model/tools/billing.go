package tools

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/refund"
)

// RefundRequest is the argument object of refund_order.
type RefundRequest struct {
	ChargeID    string `json:"charge_id"`
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
}

// refundOrder refunds any charge, for any amount, that the model names.
func (s *Server) refundOrder(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool refund_order mcp-go constant` `BR304: tool refund_order\b.*` `BR305: tool refund_order\b.*`
	var in RefundRequest
	if err := req.BindArguments(&in); err != nil {
		return mcp.NewToolResultErrorFromErr("bad arguments", err), nil
	}
	params := &stripe.RefundParams{
		Charge: stripe.String(in.ChargeID),
		Amount: stripe.Int64(in.AmountCents),
	}
	if in.Reason != "" {
		params.Reason = stripe.String(in.Reason)
	}
	params.Context = ctx
	r, err := refund.New(params) // want `refund_order: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)` `BR105: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New` `BR301: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New.*` `BR302: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("refund failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("refund %s: %s, %d cents", r.ID, r.Status, r.Amount)), nil
}

// maxGoodwillCents is the most goodwill_credit may refund.
const maxGoodwillCents = 2500

type chargeKey struct{}

// ContextWithCharge records the charge of the order a conversation is
// about; the session middleware calls it when the customer signs in.
func ContextWithCharge(ctx context.Context, chargeID string) context.Context {
	return context.WithValue(ctx, chargeKey{}, chargeID)
}

// goodwillCredit refunds a small amount the model chooses on the
// conversation's own order.
func (s *Server) goodwillCredit(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool goodwill_credit mcp-go constant` `BR304: tool goodwill_credit\b.*` `BR305: tool goodwill_credit\b.*`
	chargeID, ok := ctx.Value(chargeKey{}).(string)
	if !ok || chargeID == "" {
		return mcp.NewToolResultError("this conversation is not about an order"), nil
	}
	amount, err := req.RequireInt("amount_cents")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: the amount is bounded by a constant limit before it reaches Stripe.
	if amount <= 0 || amount > maxGoodwillCents { // want `goodwill_credit: guard limit comparison for payment github\.com/stripe/stripe-go/v82/refund\.New`
		return mcp.NewToolResultErrorf("goodwill credit must be between 1 and %d cents", maxGoodwillCents), nil
	}
	r, err := refund.New(&stripe.RefundParams{ // want `goodwill_credit: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)` `BR301: tool goodwill_credit\b.*github\.com/stripe/stripe-go/v82/refund\.New.*`
		Params: stripe.Params{Context: ctx},
		Charge: stripe.String(chargeID),
		Amount: stripe.Int64(int64(amount)),
		Reason: stripe.String(string(stripe.RefundReasonRequestedByCustomer)),
	})
	if err != nil {
		return mcp.NewToolResultErrorFromErr("refund failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("goodwill refund %s of %d cents", r.ID, r.Amount)), nil
}

package tools

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/payout"
	"github.com/stripe/stripe-go/v82/refund"
	"github.com/stripe/stripe-go/v82/transfer"
)

// maxPayoutCents bounds one vendor payment: $5,000.
const maxPayoutCents = 5_000_00

// payVendor bounds the amount, then runs the transfer inside a circuit
// breaker's Execute: the breaker is on the path and the sink runs inside
// it. The comparison is in payVendor and the transfer in its callback; it
// dominates the transfer all the same. The destination account is the
// model's, unchecked (BR105).
func (t *Tools) payVendor(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pay_vendor mcp-go constant` `BR305: tool pay_vendor is not logged with its arguments`
	account, err := req.RequireString("account_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	amount := int64(req.GetFloat("amount_cents", 0))
	if amount > maxPayoutCents { // want `pay_vendor: guard limit comparison for payment github\.com/stripe/stripe-go/v82/transfer\.New`
		return mcp.NewToolResultError("payments above $5,000 need the finance team"), nil
	}
	res, err := t.payouts.Execute(func() (any, error) { // want `pay_vendor: guard ratelimit \(\*github\.com/sony/gobreaker\.CircuitBreaker\)\.Execute for payment github\.com/stripe/stripe-go/v82/transfer\.New`
		return transfer.New(&stripe.TransferParams{ // want `pay_vendor: payment github\.com/stripe/stripe-go/v82/transfer\.New \(tainted\)` `BR105: tool pay_vendor: model-controlled input reaches the parameters of the payment github\.com/stripe/stripe-go/v82/transfer\.New` `BR301: tool pay_vendor can move money through github\.com/stripe/stripe-go/v82/transfer\.New with no confirmation before it`
			Amount:      stripe.Int64(amount),
			Currency:    stripe.String(string(stripe.CurrencyUSD)),
			Destination: stripe.String(account),
		})
	})
	if err != nil {
		return mcp.NewToolResultErrorFromErr("transfer failed", err), nil
	}
	return mcp.NewToolResultText("transfer " + res.(*stripe.Transfer).ID), nil
}

// payoutBalance checks only that the amount is positive. A lower bound
// bounds nothing the model can move, so it is not a limit.
func (t *Tools) payoutBalance(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool payout_balance mcp-go constant` `BR304: tool payout_balance can move money with no rate limit` `BR305: tool payout_balance is not logged with its arguments`
	amount := int64(req.GetFloat("amount_cents", 0))
	if amount <= 0 {
		return mcp.NewToolResultError("the amount must be positive"), nil
	}
	p, err := payout.New(&stripe.PayoutParams{ // want `payout_balance: payment github\.com/stripe/stripe-go/v82/payout\.New \(tainted\)` `BR105: tool payout_balance: model-controlled input reaches the parameters of the payment github\.com/stripe/stripe-go/v82/payout\.New` `BR301: tool payout_balance can move money through github\.com/stripe/stripe-go/v82/payout\.New with no confirmation before it` `BR302: tool payout_balance: a model-chosen value reaches github\.com/stripe/stripe-go/v82/payout\.New with no limit on it`
		Amount:   stripe.Int64(amount),
		Currency: stripe.String(string(stripe.CurrencyUSD)),
	})
	if err != nil {
		return mcp.NewToolResultErrorFromErr("payout failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("payout %s: %d cents", p.ID, p.Amount)), nil
}

// maxRefundCents bounds one refund: $200.
const maxRefundCents = 200_00

// refundOrder compares the model's amount with a fixed maximum before the
// refund: the comparison dominates refund.New, so the amount is limited.
// The charge is still the model's, unchecked: it can refund any customer's
// charge, up to the maximum (BR105).
func (t *Tools) refundOrder(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool refund_order mcp-go constant` `BR304: tool refund_order can move money with no rate limit` `BR305: tool refund_order is not logged with its arguments`
	charge, err := req.RequireString("charge_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	amount := int64(req.GetFloat("amount_cents", 0))
	if amount > maxRefundCents { // want `refund_order: guard limit comparison for payment github\.com/stripe/stripe-go/v82/refund\.New`
		return mcp.NewToolResultError(fmt.Sprintf("refunds above %d cents need a human", maxRefundCents)), nil
	}
	r, err := refund.New(&stripe.RefundParams{ // want `refund_order: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)` `BR105: tool refund_order: model-controlled input reaches the parameters of the payment github\.com/stripe/stripe-go/v82/refund\.New` `BR301: tool refund_order can move money through github\.com/stripe/stripe-go/v82/refund\.New with no confirmation before it`
		Charge: stripe.String(charge),
		Amount: stripe.Int64(amount),
	})
	if err != nil {
		return mcp.NewToolResultErrorFromErr("refund failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("refund %s: %d cents", r.ID, r.Amount)), nil
}

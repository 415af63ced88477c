package main

import (
	"context"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/charge"
	"github.com/stripe/stripe-go/v82/paymentintent"
	"github.com/stripe/stripe-go/v82/refund"
)

// refundOrder uses the package-level API (stripe.Key).
//
//blastradius:tool refund_order
func refundOrder(ctx context.Context, chargeID string) (string, error) { // want `tool refund_order directive directive` `BR304: tool refund_order\b.*` `BR305: tool refund_order\b.*`
	r, err := refund.New(&stripe.RefundParams{Charge: stripe.String(chargeID)}) // want `refund_order: payment github\.com/stripe/stripe-go/v82/refund\.New \(tainted\)` `BR105: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New` `BR301: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New.*` `BR302: tool refund_order\b.*github\.com/stripe/stripe-go/v82/refund\.New.*`
	if err != nil {
		return "", err
	}
	return r.ID, nil
}

// chargeCard uses the package-level API for a PaymentIntent and a Charge.
//
//blastradius:tool charge_card
func chargeCard(ctx context.Context, customer string) (string, error) { // want `tool charge_card directive directive` `BR304: tool charge_card\b.*` `BR305: tool charge_card\b.*`
	pi, err := paymentintent.New(&stripe.PaymentIntentParams{ // want `charge_card: payment github\.com/stripe/stripe-go/v82/paymentintent\.New \(tainted\)` `BR105: tool charge_card\b.*github\.com/stripe/stripe-go/v82/paymentintent\.New` `BR302: tool charge_card\b.*github\.com/stripe/stripe-go/v82/paymentintent\.New.*`
		Amount:   stripe.Int64(4999),
		Currency: stripe.String(string(stripe.CurrencyUSD)),
		Customer: stripe.String(customer),
	})
	if err != nil {
		return "", err
	}
	ch, err := charge.New(&stripe.ChargeParams{Amount: stripe.Int64(500), Currency: stripe.String("usd"), Customer: stripe.String(customer)}) // want `charge_card: payment github\.com/stripe/stripe-go/v82/charge\.New \(tainted\)` `BR105: tool charge_card\b.*github\.com/stripe/stripe-go/v82/charge\.New` `BR301: tool charge_card\b.*github\.com/stripe/stripe-go/v82/charge\.New.*` `BR302: tool charge_card\b.*github\.com/stripe/stripe-go/v82/charge\.New.*`
	if err != nil {
		return "", err
	}
	return pi.ID + " " + ch.ID, nil
}

// paySeller uses the stripe.Client API (V1 services). The service methods
// have value receivers, so the callee is (stripe.v1TransferService).Create.
//
//blastradius:tool pay_seller
func paySeller(ctx context.Context, account string) (string, error) { // want `tool pay_seller directive directive` `BR304: tool pay_seller\b.*` `BR305: tool pay_seller\b.*`
	t, err := sc.V1Transfers.Create(ctx, &stripe.TransferCreateParams{ // want `pay_seller: payment \(github\.com/stripe/stripe-go/v82\.v1TransferService\)\.Create \(tainted\)` `BR105: tool pay_seller\b.*\(github\.com/stripe/stripe-go/v82\.v1TransferService\)\.Create` `BR302: tool pay_seller\b.*\(github\.com/stripe/stripe-go/v82\.v1TransferService\)\.Create.*` `BR301: tool pay_seller can move money through \(github\.com/stripe/stripe-go/v82\.v1TransferService\)\.Create with no confirmation before it`
		Amount:      stripe.Int64(10000),
		Currency:    stripe.String("usd"),
		Destination: stripe.String(account),
	})
	if err != nil {
		return "", err
	}
	p, err := sc.V1Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Int64(10000), Currency: stripe.String("usd")}) // want `pay_seller: payment \(github\.com/stripe/stripe-go/v82\.v1PayoutService\)\.Create`
	if err != nil {
		return "", err
	}
	return t.ID + " " + p.ID, nil
}

// refundLegacy uses the deprecated client.API, whose fields are the
// per-resource clients.
//
//blastradius:tool refund_legacy
func refundLegacy(ctx context.Context, chargeID string) (string, error) { // want `tool refund_legacy directive directive` `BR304: tool refund_legacy\b.*` `BR305: tool refund_legacy\b.*`
	r, err := legacy.Refunds.New(&stripe.RefundParams{Charge: stripe.String(chargeID)}) // want `refund_legacy: payment \(github\.com/stripe/stripe-go/v82/refund\.Client\)\.New \(tainted\)` `BR105: tool refund_legacy\b.*\(github\.com/stripe/stripe-go/v82/refund\.Client\)\.New` `BR301: tool refund_legacy\b.*\(github\.com/stripe/stripe-go/v82/refund\.Client\)\.New.*` `BR302: tool refund_legacy\b.*\(github\.com/stripe/stripe-go/v82/refund\.Client\)\.New.*`
	if err != nil {
		return "", err
	}
	return r.ID, nil
}

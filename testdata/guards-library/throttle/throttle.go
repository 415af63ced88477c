// Package throttle is a team's shared helper, another module than the
// scanned one: its body is a dependency's, searched for guards but outside
// every tool's data flow.
package throttle

import (
	"context"

	"golang.org/x/time/rate"
)

// actions allows five destructive actions a second, across all tools.
var actions = rate.NewLimiter(5, 1)

// Wait blocks until the shared limiter allows one more action.
func Wait(ctx context.Context) error {
	return actions.Wait(ctx)
}

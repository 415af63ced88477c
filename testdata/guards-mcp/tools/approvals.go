package tools

import (
	"context"
	"errors"
)

// errDeclined is returned when an operator declines an action.
var errDeclined = errors.New("declined by an operator")

// Approvals is the queue of actions waiting for an operator. The operator
// console (not part of this fixture) takes each request with Next and
// answers it.
type Approvals struct {
	pending chan Request
}

// Request is one action waiting for an operator's answer.
type Request struct {
	Action string
	// Reply receives the operator's answer once: true approves.
	Reply chan<- bool
}

// NewApprovals returns an empty queue.
func NewApprovals() *Approvals {
	return &Approvals{pending: make(chan Request, 16)}
}

// Next returns the oldest pending request, for the operator console.
func (a *Approvals) Next(ctx context.Context) (Request, error) {
	select {
	case r := <-a.pending:
		return r, nil
	case <-ctx.Done():
		return Request{}, ctx.Err()
	}
}

// Require blocks until an operator approves action, and returns an error if
// the operator declines or ctx ends first. No catalogued SDK call is in it:
// the directive below is what makes it a confirmation.
//
//blastradius:guard confirmation
func (a *Approvals) Require(ctx context.Context, action string) error {
	reply := make(chan bool, 1)
	select {
	case a.pending <- Request{Action: action, Reply: reply}:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case ok := <-reply:
		if !ok {
			return errDeclined
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

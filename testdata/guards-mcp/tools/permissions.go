package tools

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
)

// Permissions asks the operator before an action the way an agent's own UI
// does, with no SDK call and no directive: Ask publishes the request to
// whoever watches (the operator console, not part of this fixture), keeps
// an answer channel under the request's ID, and waits; the console's
// Grant or Deny sends the answer. blastradius infers from that shape that
// Ask is a confirmation.
type Permissions struct {
	pending  sync.Map // request ID → chan bool
	requests chan PermissionRequest
	next     atomic.Int64
}

// PermissionRequest is one question for the operator.
type PermissionRequest struct {
	ID     string
	Action string
}

// NewPermissions returns a service with no request pending.
func NewPermissions() *Permissions {
	return &Permissions{requests: make(chan PermissionRequest, 16)}
}

// Requests is what the console watches.
func (p *Permissions) Requests() <-chan PermissionRequest { return p.requests }

// Ask waits for the operator's answer to action.
func (p *Permissions) Ask(action string) bool {
	id := fmt.Sprint(p.next.Add(1))
	answer := make(chan bool, 1)
	p.pending.Store(id, answer)
	defer p.pending.Delete(id)
	p.requests <- PermissionRequest{ID: id, Action: action}
	return <-answer
}

// Grant approves the request id.
func (p *Permissions) Grant(id string) {
	if ch, ok := p.pending.Load(id); ok {
		ch.(chan bool) <- true
	}
}

// Deny declines the request id.
func (p *Permissions) Deny(id string) {
	if ch, ok := p.pending.Load(id); ok {
		ch.(chan bool) <- false
	}
}

// endSessions signs a user out everywhere once the operator agrees.
func (t *Tools) endSessions(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool end_sessions mcp-go constant` `BR304: tool end_sessions can change the database with no rate limit` `BR305: tool end_sessions is not logged with its arguments`
	user, err := req.RequireString("user_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if !t.permissions.Ask("end every session of " + user) { // want `end_sessions: guard confirmation \(\*example\.com/guards-mcp/tools\.Permissions\)\.Ask for db-write \(\*database/sql\.DB\)\.ExecContext`
		return mcp.NewToolResultError("the operator declined"), nil
	}
	if _, err := t.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", user); err != nil { // want `end_sessions: db-write \(\*database/sql\.DB\)\.ExecContext`
		return mcp.NewToolResultErrorFromErr("sign-out failed", err), nil
	}
	return mcp.NewToolResultText("signed out " + user), nil
}

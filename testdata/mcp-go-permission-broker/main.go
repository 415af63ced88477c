// Command mcp-go-permission-broker asks its user before each action the
// way a coding agent's UI does: Request publishes the question, keeps the
// answer channel in the module's own generic map, and waits for the answer
// or for the call to be cancelled; the UI's Grant and Deny answer through
// one helper, handed true or false. Request is a confirmation.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// syncMap is the module's own map for concurrent use.
type syncMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func newSyncMap[K comparable, V any]() *syncMap[K, V] {
	return &syncMap[K, V]{m: map[K]V{}}
}

// Set keeps v under k.
func (s *syncMap[K, V]) Set(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
}

// Take removes and returns what is kept under k.
func (s *syncMap[K, V]) Take(k K) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	delete(s.m, k)
	return v, ok
}

// question is what the UI shows.
type question struct {
	ID     string
	Action string
}

// broker holds the questions the UI has not answered.
type broker struct {
	pending   *syncMap[string, chan bool]
	questions chan question
	next      atomic.Int64
}

// Request asks the user about action and waits for the answer.
func (b *broker) Request(ctx context.Context, action string) bool {
	id := fmt.Sprint(b.next.Add(1))
	answer := make(chan bool, 1)
	b.pending.Set(id, answer)
	b.questions <- question{ID: id, Action: action}
	select {
	case <-ctx.Done():
		b.pending.Take(id)
		return false
	case granted := <-answer:
		return granted
	}
}

// resolve answers the question id.
func (b *broker) resolve(id string, granted bool) {
	if ch, ok := b.pending.Take(id); ok {
		ch <- granted
	}
}

// Grant is the UI's yes.
func (b *broker) Grant(id string) { b.resolve(id, true) }

// Deny is the UI's no.
func (b *broker) Deny(id string) { b.resolve(id, false) }

type tools struct{ perms *broker }

func (t *tools) runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	line := req.GetString("command", "")
	if !t.perms.Request(ctx, "run "+line) { // want `run_command: guard confirmation \(\*example\.com/mcp-go-permission-broker\.broker\)\.Request for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("the user declined"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", line).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func (t *tools) deleteScratch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_scratch mcp-go constant` `BR304: tool delete_scratch can write files with no rate limit` `BR305: tool delete_scratch is not logged with its arguments`
	if !t.perms.Request(ctx, "clear the scratch directory") { // want `delete_scratch: guard confirmation \(\*example\.com/mcp-go-permission-broker\.broker\)\.Request for fs-write os\.RemoveAll`
		return mcp.NewToolResultError("the user declined"), nil
	}
	if err := os.RemoveAll("/var/tmp/agent-scratch"); err != nil { // want `delete_scratch: fs-write os\.RemoveAll`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("cleared"), nil
}

func main() {
	b := &broker{pending: newSyncMap[string, chan bool](), questions: make(chan question, 8)}
	go func() {
		// The UI: shows each question and answers with the user's choice.
		for q := range b.questions {
			fmt.Printf("%s? [y/N] ", q.Action)
			var reply string
			fmt.Scanln(&reply)
			if reply == "y" {
				b.Grant(q.ID)
			} else {
				b.Deny(q.ID)
			}
		}
	}()
	t := &tools{perms: b}
	s := server.NewMCPServer("broker", "1.0.0") // want `agent broker server mcp-go: delete_scratch, run_command`
	s.AddTool(mcp.NewTool("run_command"), t.runCommand)
	s.AddTool(mcp.NewTool("delete_scratch"), t.deleteScratch)
	_ = server.ServeStdio(s)
}

// Package conversation runs the tool calls kept with a conversation.
package conversation

import (
	"context"
	"encoding/json"

	"example.com/anthropic-tool-store/llm"
)

// Conversation runs tool calls with the tools its builder gives.
type Conversation struct {
	Tools *llm.Builder
}

// RunPending decodes the calls kept with the conversation and runs each
// by its name.
func (c *Conversation) RunPending(ctx context.Context, pending []byte, admin bool) ([]string, error) {
	var calls []llm.ToolCall
	if err := json.Unmarshal(pending, &calls); err != nil {
		return nil, err
	}
	store := c.Tools.Store(admin)
	var out []string
	for _, call := range calls {
		res, err := store.Resolve(ctx, call.Name, call.Arguments)
		if err != nil {
			res = err.Error()
		}
		out = append(out, res)
	}
	return out, nil
}

// Package adapter turns a Claude reply into the application's tool calls,
// to be kept with the conversation until the user approves them.
package adapter

import (
	"encoding/json"

	"github.com/anthropics/anthropic-sdk-go"

	"example.com/anthropic-tool-store/llm"
)

// Pending returns the reply's tool calls, serialised.
func Pending(msg *anthropic.Message) ([]byte, error) {
	var calls []llm.ToolCall
	for _, block := range msg.Content {
		if block.Type == "tool_use" {
			calls = append(calls, llm.ToolCall{ID: block.ID, Name: block.Name, Arguments: block.Input})
		}
	}
	return json.Marshal(calls)
}

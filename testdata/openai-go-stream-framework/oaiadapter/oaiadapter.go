// Package oaiadapter turns openai-go's streamed tool calls into calls of
// its own for whatever runs them: it reads the tool-call name, but looks no
// tool up, so it is a provider adapter, not a framework that dispatches.
package oaiadapter

import (
	"os"

	"github.com/openai/openai-go/v3"
)

// Call is a tool call, as the adapter hands it on.
type Call struct {
	Name string
	Args string
}

// Calls collects the tool calls of a stream's chunks.
func Calls(chunks []openai.ChatCompletionChunk) []Call {
	var out []Call
	for _, ch := range chunks {
		for _, c := range ch.Choices {
			for _, tc := range c.Delta.ToolCalls {
				if tc.Function.Name != "" {
					out = append(out, Call{Name: tc.Function.Name})
				}
			}
		}
	}
	return out
}

// ModelName is the model the adapter asks for, from its environment.
func ModelName() string {
	if m := os.Getenv("OPENAI_MODEL"); m != "" {
		return m
	}
	return "gpt-4.1"
}

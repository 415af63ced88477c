package agentkit

import (
	"context"
	"encoding/json"

	"github.com/openai/openai-go/v3"
)

type ToolSpec struct{ Name string }
type Tool interface {
	Spec() ToolSpec
	Execute(ctx context.Context, call ToolCallPart) (string, error)
}

type Part interface{ isPart() }
type ToolCallPart struct {
	Name     string
	ArgsJSON json.RawMessage
}

func (ToolCallPart) isPart() {}

type Provider interface{ Parts() []Part }
type stream struct{ chunks []openai.ChatCompletionChunk }

func NewOpenAI(chunks []openai.ChatCompletionChunk) Provider { return &stream{chunks} }

type acc struct{ name, args string }

// Parts accumulates the streamed tool calls and boxes them into []Part.
func (s *stream) Parts() []Part {
	accs := map[int64]*acc{}
	for _, ch := range s.chunks {
		for _, c := range ch.Choices {
			for _, tc := range c.Delta.ToolCalls {
				if accs[tc.Index] == nil {
					accs[tc.Index] = &acc{}
				}
				a := accs[tc.Index]
				if tc.Function.Name != "" {
					a.name = tc.Function.Name
				}
				a.args += tc.Function.Arguments
			}
		}
	}
	var parts []Part
	for _, a := range accs {
		parts = append(parts, ToolCallPart{Name: a.name, ArgsJSON: json.RawMessage(a.args)})
	}
	return parts
}

// Step runs the tools the model called, looked up by name.
func Step(ctx context.Context, p Provider, tools []Tool) { // want `agent agentkit\.Step dispatcher openai-go: Bash, model_info`
	toolMap := map[string]Tool{}
	for _, t := range tools {
		spec := t.Spec()
		toolMap[spec.Name] = t
	}
	for _, part := range p.Parts() {
		call, ok := part.(ToolCallPart)
		if !ok {
			continue
		}
		if t, ok := toolMap[call.Name]; ok {
			t.Execute(ctx, call)
		}
	}
}

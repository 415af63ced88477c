package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	openai "github.com/sashabaranov/go-openai"
)

// registry maps tool names to tools.
type registry struct {
	tools map[string]Tool
}

func newRegistry() *registry { return &registry{tools: map[string]Tool{}} }

// register adds a tool under its own name; the first one wins.
func (r *registry) register(t Tool) {
	name := t.Name()
	if _, ok := r.tools[name]; ok {
		return
	}
	r.tools[name] = t
}

func (r *registry) get(name string) (Tool, error) { // want `agent \(\*main\.registry\)\.get dispatcher go\-openai: get_weather, read_notes, run_command, think` `BR401: agent \(\*main\.registry\)\.get: read_notes returns private data \(os\.ReadFile\), get_weather returns untrusted content \(\(\*net/http\.Client\)\.Get\), run_command sends data where the model says \(os/exec\.CommandContext\);.*`
	t, ok := r.tools[name]
	if !ok {
		return nil, fmt.Errorf("unknown tool %q", name)
	}
	return t, nil
}

// execute runs the tool the model named, and logs the call first.
func (r *registry) execute(ctx context.Context, name string, args json.RawMessage) (string, error) {
	t, err := r.get(name)
	if err != nil {
		return "", err
	}
	log.Printf("tool %s called with %s", name, args) // want `get_weather: guard audit-log log\.Printf for network \(\*net/http\.Client\)\.Get` `read_notes: guard audit-log log\.Printf for fs-read os\.ReadFile` `run_command: guard audit-log log\.Printf for exec os/exec\.CommandContext`
	return t.Execute(ctx, args)
}

// definitions declares the registered tools to the model, and one more
// that no code runs.
func (r *registry) definitions() []openai.Tool {
	var out []openai.Tool
	for _, t := range r.tools {
		out = append(out, openai.Tool{Type: openai.ToolTypeFunction,
			Function: &openai.FunctionDefinition{Name: t.Name(), Description: t.Description()}})
	}
	return append(out, openai.Tool{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
		Name: "send_email", // want `declared send_email go-openai, never dispatched`
	}})
}

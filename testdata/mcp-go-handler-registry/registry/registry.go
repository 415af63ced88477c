// Package registry keeps tools by name, each with the function that runs
// it.
package registry

import (
	"context"
	"fmt"
	"sort"
)

// Tool describes a tool to the model.
type Tool struct {
	Name, Description string
}

// Handler runs a tool with the model's arguments.
type Handler func(ctx context.Context, args map[string]any) (string, error)

// Registry holds the tools and their handlers, both by name.
type Registry struct {
	tools    map[string]Tool
	handlers map[string]Handler
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{tools: map[string]Tool{}, handlers: map[string]Handler{}}
}

// Register adds a tool and the handler that runs it.
func (r *Registry) Register(t Tool, h Handler) {
	r.tools[t.Name] = t
	r.handlers[t.Name] = h
}

// List returns the tools, sorted by name.
func (r *Registry) List() []Tool {
	out := make([]Tool, 0, len(r.tools))
	for _, t := range r.tools {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Call runs the tool registered as name.
func (r *Registry) Call(ctx context.Context, name string, args map[string]any) (string, error) {
	h, ok := r.handlers[name]
	if !ok {
		return "", fmt.Errorf("no tool %q", name)
	}
	return h(ctx, args)
}

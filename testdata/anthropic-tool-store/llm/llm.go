// Package llm is the application's own tool layer: a descriptor pairing a
// name with a resolver, a store that looks descriptors up by the name of
// the model's call, and the tool call as the application keeps it.
package llm

import (
	"context"
	"encoding/json"
	"errors"
)

// ToolCall is a model's tool call as the application stores it between
// the reply and the user's approval: serialised with the conversation and
// decoded again before it runs.
type ToolCall struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments"`
}

// Resolver runs a tool with the model's arguments.
type Resolver func(ctx context.Context, args json.RawMessage) (string, error)

// Tool pairs a name with its resolver.
type Tool struct {
	Name        string
	Description string
	Resolver    Resolver
}

// Store holds the tools one conversation may use.
type Store struct {
	tools map[string]Tool
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{tools: map[string]Tool{}} }

// Add puts tools in the store under their names.
func (s *Store) Add(tools []Tool) {
	for _, t := range tools {
		s.tools[t.Name] = t
	}
}

// Resolve runs the tool the model named: the descriptor's resolver is the
// tool's handler.
func (s *Store) Resolve(ctx context.Context, name string, args json.RawMessage) (string, error) { // want `agent \(\*llm\.Store\)\.Resolve dispatcher anthropic: read_note, write_note`
	t, ok := s.tools[name]
	if !ok {
		return "", errors.New("unknown tool " + name)
	}
	return t.Resolver(ctx, args)
}

// Provider gives the tools of a conversation. The plugin's entry point
// chooses the implementation.
type Provider interface {
	Tools(admin bool) []Tool
}

// Builder makes the store of a conversation from the provider it holds.
type Builder struct {
	Provider Provider
}

// Store returns the store of a conversation.
func (b *Builder) Store(admin bool) *Store {
	s := NewStore()
	s.Add(b.Provider.Tools(admin))
	return s
}

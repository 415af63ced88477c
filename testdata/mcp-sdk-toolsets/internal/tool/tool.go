// Package tool is the server's own tool layer: a tool is a Def paired with
// a Handler in a Tool value, toolsets hand out slices of them, and the
// server converts each into an MCP tool (see server.go).
package tool

import "context"

// Params is what a handler gets: the request's arguments.
type Params struct {
	Ctx  context.Context
	Args map[string]any
}

// String returns the string argument name, or "".
func (p Params) String(name string) string {
	s, _ := p.Args[name].(string)
	return s
}

// Handler runs one tool.
type Handler func(p Params) (string, error)

// Def describes a tool to the model.
type Def struct {
	Name        string
	Description string
	ReadOnly    bool
}

// Tool pairs a description with its handler.
type Tool struct {
	Def Def
	Run Handler
}

// Set is a toolset.
type Set interface {
	Name() string
	Tools() []Tool
}

var sets []Set

// Register adds a toolset; toolsets register themselves in init.
func Register(s Set) { sets = append(sets, s) }

// Sets returns the registered toolsets.
func Sets() []Set { return sets }

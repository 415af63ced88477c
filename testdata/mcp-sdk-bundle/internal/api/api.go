// Package api is the server's own tool layer: every handler gets one
// bundle, Params, which embeds the call's context (so it is a context
// itself) next to the server's configuration, the client of the cluster
// the call targets, and the request.
package api

import "context"

// Request gives the arguments of the call.
type Request interface {
	Arguments() map[string]any
}

// Client runs commands in a cluster.
type Client interface {
	Namespace(ns string) string
	Run(ctx context.Context, ns string, argv []string) (string, error)
}

// Config is the server's configuration.
type Config interface {
	CAFile() string
}

// Params is everything a handler gets.
type Params struct {
	context.Context
	Config
	Client
	Request
}

// String returns the string argument name, or "".
func (p Params) String(name string) string {
	s, _ := p.Arguments()[name].(string)
	return s
}

// Handler runs one tool.
type Handler func(p Params) (string, error)

// Tool pairs a name with its handler.
type Tool struct {
	Name    string
	Handler Handler
}

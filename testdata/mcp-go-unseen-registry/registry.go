// Package registry serves the tools of a registry that its caller fills:
// the module registers no tool in it itself, so which value each entry
// holds is not in the code the scan sees. Serve makes one closure per
// listed tool that runs the registry's entry for its name.
//
// The names, read by an interface call on the registry's entries, are not
// seen either: taking every implementation of the interface for each entry
// would give each name every implementation's capabilities (echo would run
// commands). So the closure is one tool, named after itself, that can do
// what any entry can: what the scan can tell.
package registry

import (
	"context"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Tool is a tool of the registry.
type Tool interface {
	Definition() Definition
	Call(ctx context.Context, args map[string]any) (string, error)
}

// Definition describes a tool.
type Definition struct {
	Name string
}

// Registry holds tools by name.
type Registry struct {
	tools map[string]Tool
}

// Register adds a tool; the module itself never calls it.
func (r *Registry) Register(t Tool) {
	r.tools[t.Definition().Name] = t
}

// Call runs the tool of that name.
func (r *Registry) Call(ctx context.Context, name string, args map[string]any) (string, error) {
	return r.tools[name].Call(ctx, args)
}

// Serve registers every tool of the registry.
func Serve(s *server.MCPServer, r *Registry) { // want `agent parameter s of registry\.Serve server mcp\-go: Serve\$1`
	for _, t := range r.tools {
		name := t.Definition().Name
		s.AddTool(mcp.NewTool(name), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool Serve\$1 mcp\-go handler` `BR304: tool Serve\$1 can run processes with no rate limit` `BR305: tool Serve\$1 is not logged with its arguments`
			out, err := r.Call(ctx, name, req.GetArguments())
			if err != nil {
				return mcp.NewToolResultError(err.Error()), nil
			}
			return mcp.NewToolResultText(out), nil
		})
	}
}

// Echo answers with its arguments.
type Echo struct{}

func (Echo) Definition() Definition { return Definition{Name: "echo"} }

func (Echo) Call(ctx context.Context, args map[string]any) (string, error) {
	s, _ := args["text"].(string)
	return s, nil
}

// Shell runs a command.
type Shell struct{}

func (Shell) Definition() Definition { return Definition{Name: "shell"} }

func (Shell) Call(ctx context.Context, args map[string]any) (string, error) {
	cmd, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).Output() // want `Serve\$1: exec os/exec\.CommandContext` `BR301: tool Serve\$1 can run processes through os/exec\.CommandContext with no confirmation before it`
	return string(out), err
}

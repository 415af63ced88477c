// Package inventory holds the server's tools: an Entry pairs an mcp.Tool
// with a factory that makes its handler when the server starts, and
// register wraps that handler in an availability check before handing it
// to the SDK.
package inventory

import (
	"context"
	"encoding/json"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Factory makes a tool's handler from the server's dependencies.
type Factory func(deps any) mcp.ToolHandler

// Entry is one tool.
type Entry struct {
	Tool    mcp.Tool
	Factory Factory
	// Since is the oldest protocol version that may call the tool, or "".
	Since string
}

// New makes an entry whose handler decodes the arguments into In. The
// factory is a closure of this generic constructor: the same code for
// every tool, holding each tool's own handler.
func New[In any](t mcp.Tool, h func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, error)) Entry {
	return Entry{Tool: t, Factory: func(_ any) mcp.ToolHandler {
		return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			var in In
			if err := json.Unmarshal(req.Params.Arguments, &in); err != nil {
				return nil, err
			}
			return h(ctx, req, in)
		}
	}}
}

func (e *Entry) handler(deps any) mcp.ToolHandler { return e.Factory(deps) }

// available wraps next in a check of the client's protocol version, for
// the tools that need a recent one.
func (e *Entry) available(next mcp.ToolHandler) mcp.ToolHandler {
	if e.Since == "" {
		return next
	}
	return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if req.Session.InitializeParams().ProtocolVersion < e.Since {
			return &mcp.CallToolResult{IsError: true}, nil
		}
		return next(ctx, req)
	}
}

// Register registers every entry with the server.
func Register(s *mcp.Server, deps any, entries []Entry) {
	for _, e := range entries {
		e.register(s, deps)
	}
}

func (e *Entry) register(s *mcp.Server, deps any) {
	h := e.available(e.handler(deps))
	t := e.Tool
	s.AddTool(&t, h)
}

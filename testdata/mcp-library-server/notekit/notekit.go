// Package notekit is a library that serves tools: a ready-made MCP server
// over a directory of notes, and a helper that registers a plain function
// as a tool. An application that calls either serves those tools.
package notekit

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// NewNotesServer returns a server whose tools read the notes under root.
func NewNotesServer(root string) *server.MCPServer {
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp-go: count_notes, read_note, run_script, server_time` `BR402: agent notes: read_note returns private data \(os\.ReadFile\), run_script sends data where the model says \(os/exec\.CommandContext\); whoever s.*`
	h := &handler{root: root}
	s.AddTool(mcp.NewTool("read_note", mcp.WithString("name", mcp.Required())), h.readNote)
	s.AddTool(mcp.NewTool("count_notes"), h.countNotes)
	return s
}

// NewAdminServer serves a tool that removes every note. The application
// never calls it: its tool is not one the application serves.
func NewAdminServer(root string) *server.MCPServer {
	s := server.NewMCPServer("notes-admin", "1.0.0")
	s.AddTool(mcp.NewTool("wipe_notes"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := os.RemoveAll(root); err != nil {
			return nil, err
		}
		return mcp.NewToolResultText("wiped"), nil
	})
	return s
}

type handler struct{ root string }

func (h *handler) readNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant` `BR305: tool read_note is not logged with its arguments`
	data, err := os.ReadFile(filepath.Join(h.root, req.GetString("name", ""))) // want `read_note: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func (h *handler) countNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_notes mcp-go constant` `BR305: tool count_notes is not logged with its arguments`
	entries, err := os.ReadDir(h.root) // want `count_notes: fs-read os\.ReadDir`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(rune('0' + len(entries)%10))), nil
}

// Func is a tool as a plain function of the call's arguments.
type Func func(ctx context.Context, args map[string]any) (string, error)

// Register serves fn as the tool name on s.
func Register(s *server.MCPServer, name string, fn Func) {
	s.AddTool(mcp.NewTool(name), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, err := fn(ctx, req.GetArguments())
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(out), nil
	})
}

// Command mcp-sdk-prefixed-names is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tool names are typed constants that a
// method of its toolkit prefixes when the operator configures a prefix
// (several servers of one kind on one client). Each tool is named by its
// constant: the name it has when no prefix is set.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// ToolName is the name of one of the toolkit's tools.
type ToolName string

const (
	// ToolReadNote reads a note.
	ToolReadNote ToolName = "notes_read"
	// ToolDeleteNote deletes one.
	ToolDeleteNote ToolName = "notes_delete"
)

// Toolkit registers the note tools.
type Toolkit struct {
	dir    string
	prefix string
}

// toolName returns the tool's name with the configured prefix, if any.
func (t *Toolkit) toolName(name ToolName) string {
	if t.prefix != "" {
		return t.prefix + string(name)
	}
	return string(name)
}

// NoteArgs names a note.
type NoteArgs struct {
	Name string `json:"name"`
}

func (t *Toolkit) registerRead(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{Name: t.toolName(ToolReadNote)}, func(ctx context.Context, _ *mcp.CallToolRequest, a NoteArgs) (*mcp.CallToolResult, any, error) { // want `tool notes_read mcp-go-sdk constant` `BR305: tool notes_read is not logged with its arguments`
		b, err := os.ReadFile(t.dir + "/" + a.Name) // want `notes_read: fs-read os\.ReadFile \(tainted\)` `BR104: tool notes_read: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool notes_read returns the contents of a file read by os\.ReadFile to the model`
		if err != nil {
			return nil, nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil, nil
	})
}

func (t *Toolkit) registerDelete(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{Name: t.toolName(ToolDeleteNote)}, func(ctx context.Context, _ *mcp.CallToolRequest, a NoteArgs) (*mcp.CallToolResult, any, error) { // want `tool notes_delete mcp-go-sdk constant` `BR304: tool notes_delete can write files with no rate limit` `BR305: tool notes_delete is not logged with its arguments`
		return &mcp.CallToolResult{}, nil, os.Remove(t.dir + "/" + a.Name) // want `notes_delete: fs-write os\.Remove \(tainted\)` `BR104: tool notes_delete: model-controlled input reaches the file path of os\.Remove` `BR301: tool notes_delete can write files through os\.Remove with no confirmation before it`
	})
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "notes"}, nil) // want `agent notes server mcp-go-sdk: notes_delete, notes_read`
	t := &Toolkit{dir: "/srv/notes", prefix: os.Getenv("NOTES_TOOL_PREFIX")}
	t.registerRead(s)
	t.registerDelete(s)
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Command hintoptions is an MCP server whose tools say what they do in
// annotations set three ways: a ToolAnnotation literal that sets several
// hints, the SDK's hint options applied by the server's own tool builder
// in a loop, and options of the server's own that write the hint into the
// tool they are handed. Each tool's hints are its own, whichever way.
package main

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const notes = "/var/lib/notes"

func ptr(b bool) *bool { return &b }

// newTool assembles a tool the way a wrapper over the SDK does, applying
// the SDK's options itself.
func newTool(name string, opts ...mcp.ToolOption) mcp.Tool {
	t := mcp.Tool{Name: name, InputSchema: mcp.ToolInputSchema{Type: "object"}}
	for _, o := range opts {
		o(&t)
	}
	return t
}

// option is the server's own tool option.
type option func(*mcp.Tool)

// readOnly says whether a tool changes anything.
func readOnly(v bool) option {
	return func(t *mcp.Tool) { t.Annotations.ReadOnlyHint = &v }
}

// build applies the server's own options.
func build(name string, opts ...option) mcp.Tool {
	t := mcp.Tool{Name: name, InputSchema: mcp.ToolInputSchema{Type: "object"}}
	for _, o := range opts {
		o(&t)
	}
	return t
}

// pingTool is a tool kept in a package variable.
var pingTool = mcp.NewTool("ping_notes", mcp.WithReadOnlyHintAnnotation(true)) // want `ping_notes: hints read-only=true`

func main() {
	s := server.NewMCPServer("hintoptions", "1.0.0")                                                                                                    // want `agent hintoptions server mcp-go: archive_notes, clear_notes, count_notes, list_notes, ping_notes, prune_notes, reset_notes`
	s.AddTool(mcp.NewTool("prune_notes", mcp.WithToolAnnotation(mcp.ToolAnnotation{ReadOnlyHint: ptr(true), DestructiveHint: ptr(false)})), pruneNotes) // want `prune_notes: hints read-only=true destructive=false` `BR501: tool prune_notes declares readOnlyHint true but can change something: fs-write os\.Remove` `BR501: tool prune_notes declares destructiveHint false but can delete: fs-write os\.Remove`
	s.AddTool(newTool("list_notes", mcp.WithReadOnlyHintAnnotation(true)), listNotes)                                                                   // want `list_notes: hints read-only=true`
	s.AddTool(newTool("clear_notes", mcp.WithReadOnlyHintAnnotation(true)), clearNotes)                                                                 // want `clear_notes: hints read-only=true` `BR501: tool clear_notes declares readOnlyHint true but can change something: fs-write os\.RemoveAll`
	s.AddTool(build("count_notes", readOnly(true)), countNotes)                                                                                         // want `count_notes: hints read-only=true`
	s.AddTool(build("reset_notes", readOnly(true)), resetNotes)                                                                                         // want `reset_notes: hints read-only=true` `BR501: tool reset_notes declares readOnlyHint true but can change something: fs-write os\.WriteFile`
	s.AddTool(build("archive_notes", readOnly(false)), archiveNotes)                                                                                    // want `archive_notes: hints read-only=false`
	s.AddTool(pingTool, pingNotes)
	_ = server.ServeStdio(s)
}

func pruneNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool prune_notes mcp-go constant` `BR304: tool prune_notes can write files with no rate limit` `BR305: tool prune_notes is not logged with its arguments`
	return mcp.NewToolResultText("pruned"), os.Remove(notes + "/old") // want `prune_notes: fs-write os\.Remove` `BR301: tool prune_notes can write files through os\.Remove with no confirmation before it`
}

func listNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_notes mcp-go constant` `BR305: tool list_notes is not logged with its arguments`
	entries, err := os.ReadDir(notes) // want `list_notes: fs-read os\.ReadDir`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(entries[0].Name()), nil
}

func clearNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool clear_notes mcp-go constant` `BR304: tool clear_notes can write files with no rate limit` `BR305: tool clear_notes is not logged with its arguments`
	return mcp.NewToolResultText("cleared"), os.RemoveAll(notes) // want `clear_notes: fs-write os\.RemoveAll` `BR301: tool clear_notes can write files through os\.RemoveAll with no confirmation before it`
}

func countNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_notes mcp-go constant` `BR305: tool count_notes is not logged with its arguments`
	entries, err := os.ReadDir(notes) // want `count_notes: fs-read os\.ReadDir`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(rune('0' + len(entries)))), nil
}

func resetNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool reset_notes mcp-go constant` `BR304: tool reset_notes can write files with no rate limit` `BR305: tool reset_notes is not logged with its arguments`
	return mcp.NewToolResultText("reset"), os.WriteFile(notes+"/index", nil, 0o600) // want `reset_notes: fs-write os\.WriteFile` `BR301: tool reset_notes can write files through os\.WriteFile with no confirmation before it`
}

func archiveNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool archive_notes mcp-go constant` `BR304: tool archive_notes can write files with no rate limit` `BR305: tool archive_notes is not logged with its arguments`
	return mcp.NewToolResultText("archived"), os.Rename(notes, notes+".old") // want `archive_notes: fs-write os\.Rename` `BR301: tool archive_notes can write files through os\.Rename with no confirmation before it`
}

func pingNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping_notes mcp-go constant`
	return mcp.NewToolResultText("pong"), nil
}

// Command mcp-go-handler-switch registers a list of tool definitions in a
// loop and asks, for each, a function that switches on the tool's name for
// its handler: each handler is the tool its case names.
package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const notesDir = "/var/notes"

type handlers struct{}

type notes struct {
	mcp *server.MCPServer
	h   *handlers
}

// definitions are the tools the server offers, in the order it lists them.
func definitions() []mcp.Tool {
	return []mcp.Tool{
		mcp.NewTool("list_notes"),
		mcp.NewTool("read_note", mcp.WithString("name")),
		mcp.NewTool("delete_note", mcp.WithString("path")),
		mcp.NewTool("remove_note", mcp.WithString("path")),
	}
}

func main() {
	n := &notes{mcp: server.NewMCPServer("notes", "1.0.0"), h: &handlers{}} // want `agent notes server mcp-go: delete_note, list_notes, read_note, remove_note`
	n.register()
	if err := server.ServeStdio(n.mcp); err != nil {
		panic(err)
	}
}

func (n *notes) register() {
	for _, t := range definitions() {
		n.mcp.AddTool(t, n.handlerFor(t.Name))
	}
}

// handlerFor returns the handler of the tool of that name; delete_note
// and remove_note are one tool under two names.
func (n *notes) handlerFor(name string) server.ToolHandlerFunc {
	switch name {
	case "list_notes":
		return n.h.listNotes
	case "read_note":
		return n.h.readNote
	case "delete_note", "remove_note":
		return n.h.deleteNote
	default:
		panic("no handler for " + name)
	}
}

func (h *handlers) listNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_notes mcp-go constant` `BR305: tool list_notes is not logged with its arguments`
	entries, err := os.ReadDir(notesDir) // want `list_notes: fs-read os\.ReadDir`
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func (h *handlers) readNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant` `BR305: tool read_note is not logged with its arguments`
	b, err := os.ReadFile(filepath.Join(notesDir, filepath.Base(req.GetString("name", "")))) // want `read_note: fs-read os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func (h *handlers) deleteNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant` `tool remove_note mcp-go constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments` `BR304: tool remove_note can write files with no rate limit` `BR305: tool remove_note is not logged with its arguments`
	if err := os.Remove(req.GetString("path", "")); err != nil { // want `delete_note: fs-write os\.Remove \(tainted\)` `remove_note: fs-write os\.Remove \(tainted\)` `BR104: tool delete_note: model-controlled input reaches the file path of os\.Remove` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it` `BR104: tool remove_note: model-controlled input reaches the file path of os\.Remove` `BR301: tool remove_note can write files through os\.Remove with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

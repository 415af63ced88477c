package tools

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"example.com/mcp-go-tools/store"
)

// Notes serves the note tools. Its handlers are registered as method values.
type Notes struct {
	Dir   string
	Store store.Store
}

// Save is the save_note handler: a method value, n.Save. It reaches the sinks
// of store.FileStore through the Store interface.
func (n *Notes) Save(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note mcp-go constant` `BR304: tool save_note\b.*` `BR305: tool save_note\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultErrorFromErr("bad arguments", err), nil
	}
	if err := n.Store.Save(name, []byte(req.GetString("text", ""))); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("saved " + name), nil
}

// Ping is a method on the same receiver as Save but reaches nothing: the
// sinks of save_note must NOT be reported for ping.
func (n *Notes) Ping(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping mcp-go constant`
	return mcp.NewToolResultText("pong"), nil
}

// ReadNote returns the note called name. The read_note closure calls it.
func ReadNote(dir, name string) (string, error) {
	data, err := loadNote(filepath.Join(dir, name))
	return string(data), err
}

// SearchArgs are the typed arguments of search_notes.
type SearchArgs struct {
	Dir   string `json:"dir"`
	Query string `json:"query"`
}

// SearchNotes is the search_notes handler, wrapped by mcp.NewTypedToolHandler.
// It reaches loadNote only through the filepath.WalkDir callback.
func SearchNotes(ctx context.Context, req mcp.CallToolRequest, args SearchArgs) (*mcp.CallToolResult, error) { // want `tool search_notes mcp-go constant` `BR305: tool search_notes\b.*`
	var hits []string
	err := filepath.WalkDir(args.Dir, func(path string, d fs.DirEntry, err error) error { // want `search_notes: fs-read path/filepath\.WalkDir \(tainted\)` `BR104: tool search_notes\b.*path/filepath\.WalkDir`
		if err != nil || d.IsDir() {
			return err
		}
		data, err := loadNote(path)
		if err == nil && strings.Contains(string(data), args.Query) {
			hits = append(hits, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(strings.Join(hits, "\n")), nil
}

// loadNote is shared by read_note and search_notes, so both reach its sink.
func loadNote(path string) ([]byte, error) {
	return os.ReadFile(path) // want `read_note: fs-read os\.ReadFile \(tainted\)` `search_notes: fs-read os\.ReadFile` `BR104: tool read_note\b.*os\.ReadFile` `BR202: tool read_note\b.*os\.ReadFile.*`
}

// Command mcp-sdk-handler-factory is an MCP server built with the official
// modelcontextprotocol/go-sdk whose handlers are all made by factories: a
// function that takes the tool's operation (a function that writes its
// answer to an io.Writer and returns an error) and returns the closure the
// SDK calls, which runs the operation and returns what it wrote. Every
// tool's closure is the same function; each tool is its own operation.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

const notesDir = "/srv/notes"

// NoteInput names a note.
type NoteInput struct {
	Name string `json:"name"`
}

// textTool is a generic factory: one instance per input type, shared by
// every tool of that type.
func textTool[T any](op func(T, io.Writer) error) mcp.ToolHandlerFor[T, any] {
	return func(ctx context.Context, req *mcp.CallToolRequest, in T) (*mcp.CallToolResult, any, error) {
		var out bytes.Buffer
		if err := op(in, &out); err != nil {
			return nil, nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out.String()}}}, nil, nil
	}
}

// plainTool is the same factory without type parameters.
func plainTool(op func(NoteInput, io.Writer) error) mcp.ToolHandlerFor[NoteInput, any] {
	return func(ctx context.Context, req *mcp.CallToolRequest, in NoteInput) (*mcp.CallToolResult, any, error) {
		var out bytes.Buffer
		err := op(in, &out)
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out.String()}}}, nil, err
	}
}

// checked runs a check before the handler it wraps. The check returns
// only an error and is handed no writer: it is not the tool's work.
func checked(check func(NoteInput) error, next mcp.ToolHandlerFor[NoteInput, any]) mcp.ToolHandlerFor[NoteInput, any] {
	return func(ctx context.Context, req *mcp.CallToolRequest, in NoteInput) (*mcp.CallToolResult, any, error) {
		if err := check(in); err != nil {
			return nil, nil, err
		}
		return next(ctx, req, in)
	}
}

func listNotes(in NoteInput, w io.Writer) error { // want `tool list_notes mcp-go-sdk constant` `BR305: tool list_notes is not logged with its arguments`
	entries, err := os.ReadDir(notesDir) // want `list_notes: fs\-read os\.ReadDir`
	if err != nil {
		return err
	}
	for _, e := range entries {
		fmt.Fprintln(w, e.Name())
	}
	return nil
}

func deleteNote(in NoteInput, w io.Writer) error { // want `tool delete_note mcp-go-sdk constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments`
	if err := os.Remove(filepath.Join(notesDir, in.Name)); err != nil { // want `delete_note: fs\-write os\.Remove \(tainted\)` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it` `BR104: tool delete_note: model\-controlled input reaches the file path of os\.Remove`
		return err
	}
	fmt.Fprintln(w, "deleted")
	return nil
}

func readNote(in NoteInput, w io.Writer) error { // want `tool read_note mcp-go-sdk constant` `BR305: tool read_note is not logged with its arguments`
	data, err := os.ReadFile(filepath.Join(notesDir, filepath.Base(in.Name))) // want `read_note: fs\-read os\.ReadFile`
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func writeNote(in NoteInput, w io.Writer) error { // want `tool write_note mcp-go-sdk constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
	return os.WriteFile(filepath.Join(notesDir, filepath.Base(in.Name)), []byte("new note\n"), 0o600) // want `write_note: fs\-write os\.WriteFile` `BR301: tool write_note can write files through os\.WriteFile with no confirmation before it`
}

func hasName(in NoteInput) error {
	if in.Name == "" {
		return errors.New("name is required")
	}
	return nil
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "notes"}, nil) // want `agent notes server mcp-go-sdk: delete_note, list_notes, read_note, write_note`
	readOnly := &mcp.ToolAnnotations{ReadOnlyHint: true}        // want `list_notes: hints read-only=true` `read_note: hints read-only=true`
	mcp.AddTool(s, &mcp.Tool{Name: "list_notes", Annotations: readOnly}, textTool(listNotes))
	mcp.AddTool(s, &mcp.Tool{Name: "delete_note"}, textTool(deleteNote))
	mcp.AddTool(s, &mcp.Tool{Name: "read_note", Annotations: readOnly}, plainTool(readNote))
	mcp.AddTool(s, &mcp.Tool{Name: "write_note"}, checked(hasName, plainTool(writeNote)))
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

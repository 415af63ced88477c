package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"example.com/mcp-sdk-constructors/internal/inventory"
)

// deps is what the tools need; handlers get it from the context.
type deps struct {
	http *http.Client
}

type depsKey struct{}

func depsFrom(ctx context.Context) deps {
	d, _ := ctx.Value(depsKey{}).(deps)
	return d
}

// newTool wraps a handler that takes the dependencies into the generic
// constructor: a second closure per tool.
func newTool[In any](t mcp.Tool, h func(ctx context.Context, d deps, in In) (*mcp.CallToolResult, error)) inventory.Entry {
	return inventory.New(t, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, error) {
		return h(ctx, depsFrom(ctx), in)
	})
}

type pathArgs struct {
	Path string `json:"path"`
}

type urlArgs struct {
	URL string `json:"url"`
}

func readNote() inventory.Entry {
	return newTool(mcp.Tool{Name: "read_note", Description: "Read a note"},
		func(ctx context.Context, d deps, in pathArgs) (*mcp.CallToolResult, error) { // want `BR305: tool read_note is not logged with its arguments` `tool read_note mcp-go-sdk constant`
			b, err := os.ReadFile(filepath.Join("/srv/notes", filepath.Base(in.Path))) // want `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model` `read_note: fs-read os\.ReadFile`
			return text(string(b)), err
		})
}

func fetch() inventory.Entry {
	return newTool(mcp.Tool{Name: "fetch", Description: "Fetch a page"},
		func(ctx context.Context, d deps, in urlArgs) (*mcp.CallToolResult, error) { // want `BR305: tool fetch is not logged with its arguments` `tool fetch mcp-go-sdk constant`
			resp, err := d.http.Get(in.URL) // want `BR103: tool fetch: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get` `BR203: tool fetch returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions` `fetch: network \(\*net/http\.Client\)\.Get \(tainted\)`
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			return text(string(b)), err
		})
}

// deleteNote needs a recent client: its entry gets the availability check.
func deleteNote() inventory.Entry {
	e := newTool(mcp.Tool{Name: "delete_note", Description: "Delete a note"},
		func(ctx context.Context, d deps, in pathArgs) (*mcp.CallToolResult, error) { // want `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments` `tool delete_note mcp-go-sdk constant`
			return text("deleted"), os.Remove(filepath.Join("/srv/notes", filepath.Base(in.Path))) // want `BR301: tool delete_note can write files through os\.Remove with no confirmation before it` `delete_note: fs-write os\.Remove`
		})
	e.Since = "2025-06-18"
	return e
}

func text(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}
}

func allTools() []inventory.Entry {
	return []inventory.Entry{readNote(), fetch(), deleteNote()}
}

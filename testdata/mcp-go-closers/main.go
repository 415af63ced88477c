// Command closers is an MCP server over an object store whose helpers
// call the methods of the interface values they are handed: a tool that
// reads an object closes the file it opened through the same helper that
// a tool writing an object uses to rename its temporary file into place.
// Each tool gets what its own values' methods do.
package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"example.com/store"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const objects = "/var/lib/objects"

func main() {
	s := server.NewMCPServer("closers", "1.0.0") // want `agent closers server mcp-go: export_object, get_object, load_object, load_shared, read_from_dir, read_object, save_object, write_object`
	s.AddTool(mcp.NewTool("read_object"), readObject)
	s.AddTool(mcp.NewTool("write_object", mcp.WithString("text")), writeObject)
	s.AddTool(mcp.NewTool("load_object", mcp.WithString("path")), loadObject)
	s.AddTool(mcp.NewTool("get_object", mcp.WithString("name")), getObject)
	s.AddTool(mcp.NewTool("export_object", mcp.WithString("dir")), exportObject)
	s.AddTool(mcp.NewTool("load_shared", mcp.WithString("path")), loadShared)
	s.AddTool(mcp.NewTool("read_from_dir"), readFromDir)
	s.AddTool(mcp.NewTool("save_object", mcp.WithString("path")), saveObject)
	_ = server.ServeStdio(s)
}

func readObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_object mcp-go constant` `BR305: tool read_object is not logged with its arguments`
	b, err := store.ReadObject(objects + "/head")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func writeObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_object mcp-go constant` `BR304: tool write_object can write files with no rate limit` `BR305: tool write_object is not logged with its arguments`
	w, err := store.NewObjectWriter(objects, "head")
	if err != nil {
		return nil, err
	}
	if err := store.Copy(w, strings.NewReader(req.GetString("text", ""))); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("written"), nil
}

// loadObject has the library read the file at the model's path.
func loadObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool load_object mcp-go constant` `BR305: tool load_object is not logged with its arguments`
	b, err := store.Load(req.GetString("path", "")) // want `load_object: fs-read os\.ReadFile \(tainted\)` `BR104: tool load_object: model-controlled input reaches the file path of example\.com/store\.Load`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// getObject reads the object the model names under the library's own
// directory: where the path starts is the library's.
func getObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_object mcp-go constant` `BR305: tool get_object is not logged with its arguments`
	b, err := store.Get(req.GetString("name", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// exportObject writes into the directory the model gives.
func exportObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool export_object mcp-go constant` `BR304: tool export_object can write files with no rate limit` `BR305: tool export_object is not logged with its arguments`
	if err := store.Export(req.GetString("dir", ""), "head", []byte("object")); err != nil { // want `export_object: fs-write os\.WriteFile \(tainted\)` `BR104: tool export_object: model-controlled input reaches the file path of example\.com/store\.Export` `BR301: tool export_object can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("exported"), nil
}

// shared is the directory load_shared may read from.
const shared = "/srv/shared"

// loadShared confines the model's path to the shared directory before the
// library reads it.
func loadShared(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool load_shared mcp-go constant` `BR305: tool load_shared is not logged with its arguments`
	p := filepath.Clean(req.GetString("path", ""))
	if !strings.HasPrefix(p, shared+string(filepath.Separator)) { // want `load_shared: guard allowlist strings\.HasPrefix for fs-read os\.ReadFile`
		return nil, errors.New("outside the shared directory")
	}
	b, err := store.Load(p) // want `load_shared: fs-read os\.ReadFile`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// readFromDir reads an object through the store's file system interface:
// the file it closes is a store.File, never an object writer.
func readFromDir(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_from_dir mcp-go constant` `BR305: tool read_from_dir is not logged with its arguments`
	b, err := store.ReadFrom(store.Dir(objects), "head")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// saveObject has the library write the file at the model's path, through
// os.OpenFile.
func saveObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_object mcp-go constant` `BR304: tool save_object can write files with no rate limit` `BR305: tool save_object is not logged with its arguments`
	if err := store.Save(req.GetString("path", ""), []byte("object")); err != nil { // want `save_object: fs-write os\.OpenFile \(tainted\)` `BR104: tool save_object: model-controlled input reaches the file path of example\.com/store\.Save` `BR301: tool save_object can write files through os\.OpenFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

// Command closers is an MCP server over an object store whose helpers
// call the methods of the interface values they are handed: a tool that
// reads an object closes the file it opened through the same helper that
// a tool writing an object uses to rename its temporary file into place.
// Each tool gets what its own values' methods do.
package main

import (
	"context"
	"strings"

	"example.com/store"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const objects = "/var/lib/objects"

func main() {
	s := server.NewMCPServer("closers", "1.0.0") // want `agent closers server mcp-go: read_object, write_object`
	s.AddTool(mcp.NewTool("read_object"), readObject)
	s.AddTool(mcp.NewTool("write_object", mcp.WithString("text")), writeObject)
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

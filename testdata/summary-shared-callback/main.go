// Command summary-shared-callback has two tools, each calling a client of
// its own; the two clients hand their calls, as closures, to one support
// library. A summary is each client's, through its own code and its
// dependencies': the reading client's does not take the writing client's
// closure that the library also runs.
package main

import (
	"context"
	"log"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/deps/reader"
	"example.com/deps/writer"
)

func status(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool status mcp-go constant` `BR305: tool status is not logged with its arguments`
	s, err := reader.Status(ctx) // want `status: network net/http\.Get`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(s), nil
}

func save(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save mcp-go constant` `BR304: tool save can write files with no rate limit` `BR305: tool save is not logged with its arguments`
	if err := writer.Save(ctx, req.GetString("text", "")); err != nil { // want `save: fs-write os\.WriteFile` `BR301: tool save can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

func main() {
	s := server.NewMCPServer("reports", "1.0.0") // want `agent reports server mcp-go: save, status`
	s.AddTool(mcp.NewTool("status"), status)
	s.AddTool(mcp.NewTool("save", mcp.WithString("text")), save)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

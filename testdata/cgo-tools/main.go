// Command cgo-tools is an MCP server whose code uses cgo, directly
// (package native) and through a real cgo dependency (the SQLite driver).
// Its tools and their capabilities must be the same whether a C compiler is
// there or not; without one, the scan warns once.
package main

import (
	"context"
	"database/sql"
	"log"
	"strconv"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	_ "github.com/mattn/go-sqlite3"

	"example.com/cgo-tools/native"
)

func main() {
	db, err := sql.Open("sqlite3", "events.db")
	if err != nil {
		log.Fatal(err)
	}
	s := server.NewMCPServer("cgo-tools", "1.0.0") // want `agent cgo\-tools server mcp\-go: page_size, record_event, snapshot`
	s.AddTool(mcp.NewTool("page_size"), pageSize)
	s.AddTool(mcp.NewTool("snapshot", mcp.WithString("path", mcp.Required())), snapshot)
	s.AddTool(mcp.NewTool("record_event", mcp.WithString("name", mcp.Required())), recorder(db))
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func pageSize(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool page_size mcp-go constant`
	return mcp.NewToolResultText(strconv.Itoa(native.PageSize())), nil
}

func snapshot(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool snapshot mcp-go constant` `BR305: tool snapshot\b.*`
	data, err := native.Snapshot(req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func recorder(db *sql.DB) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool record_event mcp-go constant` `BR304: tool record_event\b.*` `BR305: tool record_event\b.*`
		_, err := db.ExecContext(ctx, "INSERT INTO events(name) VALUES (?)", req.GetString("name", "")) // want `record_event: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool record_event\b.*`
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText("recorded"), nil
	}
}

// Command guards-library is an MCP server whose tools take their rate
// limit from a helper in another module (./throttle, replaced in go.mod):
// the guard is found in a dependency's body, once per tool. Both tools
// must be reported as rate-limited (the second one's answer comes from the
// memo of the first's search).
package main

import (
	"context"
	"log"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/throttle"
)

const exportDir = "/srv/exports"

// deleteExport removes one export, after the shared limiter allows it.
func deleteExport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_export mcp-go constant` `BR305: tool delete_export is not logged with its arguments`
	name := req.GetString("name", "")
	if err := throttle.Wait(ctx); err != nil { // want `delete_export: guard ratelimit example\.com/throttle\.Wait for fs-write os\.Remove`
		return mcp.NewToolResultErrorFromErr("rate limited", err), nil
	}
	if err := os.Remove(filepath.Join(exportDir, filepath.Base(name))); err != nil { // want `delete_export: fs-write os\.Remove` `BR301: tool delete_export can write files through os\.Remove with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("deleting export", err), nil
	}
	return mcp.NewToolResultText("deleted " + name), nil
}

// purgeExports removes every export, after the same limiter allows it.
func purgeExports(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge_exports mcp-go constant` `BR305: tool purge_exports is not logged with its arguments`
	if err := throttle.Wait(ctx); err != nil { // want `purge_exports: guard ratelimit example\.com/throttle\.Wait for fs-write os\.RemoveAll`
		return mcp.NewToolResultErrorFromErr("rate limited", err), nil
	}
	if err := os.RemoveAll(exportDir); err != nil { // want `purge_exports: fs-write os\.RemoveAll` `BR301: tool purge_exports can write files through os\.RemoveAll with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("purging exports", err), nil
	}
	return mcp.NewToolResultText("purged"), nil
}

func main() {
	s := server.NewMCPServer("exports", "1.0.0") // want `agent exports server mcp\-go: delete_export, purge_exports`
	s.AddTool(mcp.NewTool("delete_export", mcp.WithString("name", mcp.Required())), deleteExport)
	s.AddTool(mcp.NewTool("purge_exports"), purgeExports)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// Command opaquesets is an MCP server whose fetcher logs pages when its
// settings say so; the settings come from an SDK the scan does not enter
// (opaque by the test's catalog), which sets them where the scan cannot
// see: the fetcher's logging branch is the tool's.
package main

import (
	"context"

	"example.com/fetcher"
	"example.com/sdk"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	settings := sdk.Configure()
	s := server.NewMCPServer("opaquesets", "1.0.0")                                                                          // want `agent opaquesets server mcp-go: fetch_status`
	s.AddTool(mcp.NewTool("fetch_status"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_status mcp-go constant` `BR304: tool fetch_status can write files with no rate limit` `BR305: tool fetch_status is not logged with its arguments`
		b, err := fetcher.Fetch(settings, "https://status.example.com/")
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(string(b)), nil
	})
	_ = server.ServeStdio(s)
}

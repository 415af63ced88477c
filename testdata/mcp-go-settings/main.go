// Command settings is an MCP server whose one tool fetches a page through
// an HTTP library (httplib) with settings of the program's: a cache
// directory, and options read from a configuration file. What the library
// does behind settings the program never sets (saving responses to a
// file, an offline mode reading cached pages, proxies) is not the tool's.
package main

import (
	"context"
	"encoding/json"
	"os"

	"example.com/httplib"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	var opts httplib.Options
	if b, err := os.ReadFile("settings.json"); err == nil {
		_ = json.Unmarshal(b, &opts)
	}
	c := httplib.New(httplib.WithCache(os.Getenv("CACHE_DIR")), httplib.WithOptions(&opts))
	s := server.NewMCPServer("settings", "1.0.0")                                                                                            // want `agent settings server mcp-go: fetch`
	s.AddTool(mcp.NewTool("fetch", mcp.WithString("url")), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch mcp-go constant` `BR304: tool fetch can run processes with no rate limit` `BR305: tool fetch is not logged with its arguments`
		body, err := c.Get(req.GetString("url", ""))
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(string(body)), nil
	})
	_ = server.ServeStdio(s)
}

// Command broken-dependency is an MCP server whose dependency,
// example.com/weather (a local replace), does not type-check. Its own code
// does: go/types reports the broken declaration once, in weather, and stays
// quiet where this package uses it (cacheEntries reads a field of an
// invalid type), which is the code that made SSA crash. The scan warns
// once about weather, reports read_config in full, and says which tools
// call into code that did not load.
package main

import (
	"context"
	"log"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/weather"
)

func main() {
	c := weather.New()
	s := server.NewMCPServer("broken-dependency", "1.0.0") // want `agent broken\-dependency server mcp\-go: cache_stats, delete_note, forecast, read_config`
	s.AddTool(mcp.NewTool("read_config"), readConfig)
	s.AddTool(mcp.NewTool("forecast", mcp.WithString("city", mcp.Required())), forecast(c))
	s.AddTool(mcp.NewTool("cache_stats"), cacheStats(c))
	addNoteTools(s)
	addCacheTools(s, c)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func readConfig(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_config mcp-go constant` `BR305: tool read_config\b.*`
	data, err := os.ReadFile("/etc/forecaster.conf") // want `read_config: fs-read os\.ReadFile` `BR202: tool read_config\b.*`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func forecast(c *weather.Client) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool forecast mcp-go constant`
		text, err := c.Forecast(req.GetString("city", ""))
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(text), nil
	}
}

func cacheStats(c *weather.Client) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cache_stats mcp-go constant`
		return mcp.NewToolResultText(cacheEntries(c)), nil
	}
}

// cacheEntries reads the field whose type did not resolve.
func cacheEntries(c *weather.Client) string {
	if c.Cache == nil {
		return "empty"
	}
	return "cached"
}

// addNoteTools declares a struct with a tagged field in its body: a tag is
// no expression, and the function, which touches no invalid type, is
// analysed like the others.
func addNoteTools(s *server.MCPServer) {
	var defaults struct {
		Dir string `json:"dir"`
	}
	defaults.Dir = "/srv/notes"
	s.AddTool(mcp.NewTool("delete_note", mcp.WithString("name", mcp.Required())), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments`
		return nil, os.Remove(filepath.Join(defaults.Dir, filepath.Base(req.GetString("name", "")))) // want `delete_note: fs-write os\.Remove` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it`
	})
}

// addCacheTools touches the field whose type did not resolve: its body is
// not analysed, and the scan says that the tools it registers are not seen.
func addCacheTools(s *server.MCPServer, c *weather.Client) {
	if c.Cache != nil {
		s.AddTool(mcp.NewTool("clear_cache"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return nil, os.RemoveAll("/var/cache/forecaster")
		})
	}
}

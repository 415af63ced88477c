// Command dependency-config serves two tools over a local library that
// reads the environment: one only configures itself through it, the other
// hands the model the variable it names.
package main

import (
	"context"
	"net/http"

	"example.com/settings"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("dependency-config", "1.0.0") // want `agent dependency\-config server mcp\-go: ping, show_var`
	s.AddTool(mcp.NewTool("ping"), ping)
	s.AddTool(mcp.NewTool("show_var", mcp.WithString("name", mcp.Required())), showVar)
	_ = server.ServeStdio(s)
}

// ping checks that the status service answers. The library reads its
// address from the environment under a name of its own: configuration, not
// env; the model sees only whether it answered.
func ping(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping mcp-go constant` `BR305: tool ping\b.*`
	ep := settings.Load("STATUS")
	resp, err := http.Get(ep.URL) // want `ping: network net/http\.Get`
	if err != nil {
		return mcp.NewToolResultText("down"), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText("up"), nil
}

// showVar returns the variable the model names: the library reads it, and
// the model chooses which.
func showVar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_var mcp-go constant` `BR305: tool show_var\b.*`
	return mcp.NewToolResultText(settings.Var(req.GetString("name", ""))), nil
}

// Command taint-dependency-sinks is an MCP server whose tools are a
// library's ready-made executors, adapted by one closure: the tools' code,
// sinks included, is the library's, and the model's input reaches those
// sinks there.
package main

import (
	"context"
	"log"

	"example.com/runner"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Executor is what the library's executors are to the application.
type Executor interface {
	Execute(ctx context.Context, params map[string]any) (string, error)
}

// adapt serves an executor as an MCP tool handler.
func adapt(ex Executor) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, err := ex.Execute(ctx, req.GetArguments())
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(out), nil
	}
}

func main() {
	s := server.NewMCPServer("dependency-sinks", "1.0.0") // want `agent dependency-sinks server mcp-go: helm, read_doc, read_safe_doc, uptime` `BR402: agent dependency-sinks: read_safe_doc returns private data \(os\.ReadFile\), helm sends data where the model says \(os/exec\.CommandContext\); .*`
	s.AddTool(mcp.NewTool("helm", mcp.WithString("command", mcp.Required())), adapt(&runner.Shell{Program: "helm"}))
	s.AddTool(mcp.NewTool("uptime", mcp.WithString("note")), adapt(runner.Uptime{}))
	s.AddTool(mcp.NewTool("read_doc", mcp.WithString("name", mcp.Required())), adapt(runner.Docs{Root: "/srv/docs"}))
	s.AddTool(mcp.NewTool("read_safe_doc", mcp.WithString("name", mcp.Required())), adapt(runner.CheckedDocs{Root: "/srv/docs"}))
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

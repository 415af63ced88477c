// Command agent is the main module of a go.work workspace. It imports the
// workspace's other module, example.com/workspace/toolkit, through the
// workspace alone: its go.mod does not require it.
package main

import (
	"context"
	"log"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/workspace/toolkit"
)

func main() {
	s := server.NewMCPServer("agent", "1.0.0") // want `BR402: agent agent: read_doc returns private data \(os\.ReadFile\), run_job sends data where the model says \(os/exec\.CommandContext\);.*` `agent agent server mcp\-go: read_doc, run_job`
	s.AddTool(mcp.NewTool("run_job", mcp.WithString("job")), runJob)
	toolkit.Register(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func runJob(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_job mcp-go constant` `BR304: tool run_job\b.*` `BR305: tool run_job\b.*`
	out, err := exec.CommandContext(ctx, "make", req.GetString("job", "all")).CombinedOutput() // want `run_job: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_job\b.*os/exec\.CommandContext, which runs make` `BR301: tool run_job\b.*os/exec\.CommandContext.*`
	if err != nil {
		return mcp.NewToolResultError(string(out)), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

package tools

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"example.com/ops-assistant/internal/shell"
)

// runShell runs whatever command the model asks for.
// TODO: restrict to an allowlist of diagnostic commands.
func (o *Ops) runShell(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_shell mcp-go constant` `BR304: tool run_shell\b.*` `BR305: tool run_shell\b.*`
	command, err := req.RequireString("command")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := shell.Run(ctx, command, 30*time.Second)
	if err != nil {
		return mcp.NewToolResultErrorFromErr(out, err), nil
	}
	return mcp.NewToolResultText(out), nil
}

func (o *Ops) getEnv(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_env mcp-go constant` `BR305: tool get_env\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(os.Getenv(name)), nil // want `get_env: env os\.Getenv \(tainted\)` `BR201: tool get_env\b.*os\.Getenv.*`
}

func (o *Ops) showConfig(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_config mcp-go constant` `BR305: tool show_config\b.*`
	var lines []string
	for _, kv := range os.Environ() { // want `show_config: env os\.Environ` `BR201: tool show_config\b.*os\.Environ.*`
		if strings.HasPrefix(kv, "OPS_") {
			lines = append(lines, kv)
		}
	}
	sort.Strings(lines)
	return mcp.NewToolResultText(strings.Join(lines, "\n")), nil
}

// serviceStatus is the one harmless tool: it reads nothing outside the
// process.
func (o *Ops) serviceStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool service_status mcp-go constant`
	return mcp.NewToolResultText(fmt.Sprintf("ops-assistant 0.4.2, up %s, %d goroutines",
		time.Since(o.started).Round(time.Second), runtime.NumGoroutine())), nil
}

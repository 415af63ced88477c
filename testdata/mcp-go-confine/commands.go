package main

import (
	"context"
	"errors"
	"os/exec"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// allowedTools are the programs run_tool may start.
var allowedTools = []string{"git", "go", "make"}

// splitCommand returns the argv of a command line, or an error unless its
// program is one of allowedTools: a validator of the argv.
func splitCommand(line string) ([]string, error) {
	argv := strings.Fields(line)
	if len(argv) == 0 || !slices.Contains(allowedTools, argv[0]) {
		return nil, errors.New("program not allowed")
	}
	return argv, nil
}

// runTool runs an allowed program directly, without a shell: the model
// picks its arguments, not what runs.
func (w *workspace) runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_tool mcp-go constant` `BR304: tool run_tool can run processes with no rate limit` `BR305: tool run_tool is not logged with its arguments`
	argv, err := splitCommand(req.GetString("command", ""))
	if err != nil { // want `run_tool: guard allowlist example\.com/mcp-go-confine\.splitCommand for exec os/exec\.CommandContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output() // want `run_tool: exec os/exec\.CommandContext` `BR301: tool run_tool can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runSwitch runs one of three programs chosen by a switch.
func (w *workspace) runSwitch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_switch mcp-go constant` `BR304: tool run_switch can run processes with no rate limit` `BR305: tool run_switch is not logged with its arguments`
	prog := req.GetString("program", "")
	switch prog {
	case "date", "uptime", "df": // want `run_switch: guard allowlist comparison for exec os/exec\.CommandContext`
	default:
		return mcp.NewToolResultError("unknown program"), nil
	}
	out, err := exec.CommandContext(ctx, prog, req.GetString("arg", "")).Output() // want `run_switch: exec os/exec\.CommandContext` `BR301: tool run_switch can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runLine allows a line whose first word is git, and hands the whole line
// to a shell: "git status; rm -rf ~" passes.
func (w *workspace) runLine(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_line mcp-go constant` `BR304: tool run_line can run processes with no rate limit` `BR305: tool run_line is not logged with its arguments`
	line := req.GetString("command", "")
	if !strings.HasPrefix(line, "git ") {
		return mcp.NewToolResultError("only git"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", line).Output() // want `run_line: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_line: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_line can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_line: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

package main

import (
	"context"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Tools that build a command line as a string and split it into words.

// run splits a command line and runs its first word.
func run(ctx context.Context, line string) (*mcp.CallToolResult, error) {
	parts := strings.Fields(line)
	if len(parts) == 0 {
		return nil, nil
	}
	out, err := exec.CommandContext(ctx, parts[0], parts[1:]...).CombinedOutput() // want `command_line: exec os/exec\.CommandContext \(tainted\)` `BR101: tool command_line: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool command_line can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool command_line: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return mcp.NewToolResultText(string(out)), err
}

// azCommand runs az with the model's words: its arguments, not a program.
func azCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool az_command mcp-go constant` `BR304: tool az_command can run processes with no rate limit` `BR305: tool az_command is not logged with its arguments`
	parts := strings.Fields("az " + req.GetString("args", ""))
	out, err := exec.CommandContext(ctx, parts[0], parts[1:]...).CombinedOutput() // want `az_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool az_command: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs az` `BR301: tool az_command can run processes through os/exec\.CommandContext with no confirmation before it`
	return mcp.NewToolResultText(string(out)), err
}

// commandLine runs the model's whole line: the program is the model's.
func commandLine(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool command_line mcp-go constant` `BR304: tool command_line can run processes with no rate limit` `BR305: tool command_line is not logged with its arguments`
	return run(ctx, req.GetString("line", ""))
}

func registerSplit(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("az_command", mcp.WithString("args")), azCommand)
	s.AddTool(mcp.NewTool("command_line", mcp.WithString("line")), commandLine)
	s.AddTool(mcp.NewTool("container_exec", mcp.WithString("command")), containerExec)
}

// containerExec checks the docker client named at the head of the model's
// line, then runs the rest of the line in a container: the first call's
// program is the code's (the line's first word is the constant "docker"),
// the second's command is the model's.
func containerExec(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool container_exec mcp-go constant` `BR304: tool container_exec can run processes with no rate limit` `BR305: tool container_exec is not logged with its arguments`
	words := strings.Fields("docker " + req.GetString("command", ""))
	if err := exec.CommandContext(ctx, words[0], "version").Run(); err != nil {
		return nil, err
	}
	args := append([]string{"exec", "app"}, words[1:]...)
	out, err := exec.CommandContext(ctx, "docker", args...).CombinedOutput() // want `container_exec: exec os/exec\.CommandContext \(tainted\)` `BR101: tool container_exec: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool container_exec can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool container_exec: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return mcp.NewToolResultText(string(out)), err
}

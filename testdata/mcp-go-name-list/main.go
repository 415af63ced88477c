// Command mcp-go-name-list registers one handler under each name of a
// list: a loop over constant names is one tool per name, with the handler
// it registers them all with. The programs those handlers run are the
// constants they were made with: the model chooses their arguments, not
// what runs, unless what runs is an interpreter.
package main

import (
	"context"
	"os"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// runner runs the program the tool is named after, with the model's
// arguments.
func runner(program string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool df mcp-go constant` `tool git_status mcp-go constant` `BR304: tool df can run processes with no rate limit` `BR305: tool df is not logged with its arguments` `BR304: tool git_status can run processes with no rate limit` `BR305: tool git_status is not logged with its arguments`
		out, err := exec.CommandContext(ctx, program, req.GetString("args", "")).Output() // want `df: exec os/exec\.CommandContext \(tainted\)` `git_status: exec os/exec\.CommandContext \(tainted\)` `BR101: tool df: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs one of df, git_status` `BR301: tool df can run processes through os/exec\.CommandContext with no confirmation before it` `BR101: tool git_status: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs one of df, git_status` `BR301: tool git_status can run processes through os/exec\.CommandContext with no confirmation before it`
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(string(out)), nil
	}
}

// interpreter runs the model's script with the interpreter it is made
// for: an interpreter's argument is a program of the model's.
func interpreter(program string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool script mcp-go constant` `BR304: tool script can run processes with no rate limit` `BR305: tool script is not logged with its arguments`
		out, err := exec.CommandContext(ctx, program, "-c", req.GetString("script", "")).Output() // want `script: exec os/exec\.CommandContext \(tainted\)` `BR101: tool script: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool script can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool script: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(string(out)), nil
	}
}

// status says the server is up, under every name it answers to.
func status(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool health mcp-go constant` `tool ping mcp-go constant` `tool status mcp-go handler`
	return mcp.NewToolResultText("ok"), nil
}

func main() {
	s := server.NewMCPServer("name-list", "1.0.0") // want `agent name-list server mcp-go: df, git_status, health, ping, script, status`
	for _, program := range []string{"git_status", "df"} {
		s.AddTool(mcp.NewTool(program, mcp.WithString("args")), runner(program))
	}
	s.AddTool(mcp.NewTool("script", mcp.WithString("script")), interpreter("bash"))
	for _, name := range []string{"ping", "health"} {
		s.AddTool(mcp.NewTool(name), status)
	}
	// A name from the environment is no constant: the tool is named after
	// its handler.
	s.AddTool(mcp.NewTool(os.Getenv("ALIAS")), status)
	_ = server.ServeStdio(s)
}

// Command mcp-go-dependency-validators checks the model's paths and
// programs with the functions of a library of its own, a dependency: a
// check made there confines as one made in the module does.
package main

import (
	"context"
	"os"
	"os/exec"

	"example.com/security"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const root = "/srv/projects"

// readProject reads a file the library confined to the projects.
func readProject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_project mcp-go constant` `BR305: tool read_project is not logged with its arguments`
	p, err := security.WithinRoot(req.GetString("path", ""), root)
	if err != nil { // want `read_project: guard allowlist example\.com/security\.WithinRoot for fs-read os\.ReadFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(p) // want `read_project: fs-read os\.ReadFile` `BR202: tool read_project returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// runScript runs a project's script with a shell the library allowed.
func runScript(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_script mcp-go constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
	shell := req.GetString("shell", "bash")
	if err := security.Shell(shell); err != nil { // want `run_script: guard allowlist example\.com/security\.Shell for exec os/exec\.CommandContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, shell, "/srv/projects/build.sh").CombinedOutput() // want `run_script: exec os/exec\.CommandContext` `BR301: tool run_script can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// tools are the programs runTool may start.
var tools = map[string]bool{"gofmt": true, "go": true}

// runTool runs a program a generic validator of the library allowed.
func runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_tool mcp-go constant` `BR304: tool run_tool can run processes with no rate limit` `BR305: tool run_tool is not logged with its arguments`
	prog := req.GetString("program", "gofmt")
	if err := security.Named(prog, tools); err != nil { // want `run_tool: guard allowlist example\.com/security\.Named for exec os/exec\.CommandContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, prog, "-l", "/srv/projects").CombinedOutput() // want `run_tool: exec os/exec\.CommandContext` `BR301: tool run_tool can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// readAny only checks that the path is not empty.
func readAny(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_any mcp-go constant` `BR305: tool read_any is not logged with its arguments`
	p := req.GetString("path", "")
	if err := security.NotEmpty(p); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(p) // want `read_any: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_any: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_any returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

func main() {
	s := server.NewMCPServer("dependency-validators", "1.0.0") // want `agent dependency-validators server mcp-go: read_any, read_project, run_script, run_tool`
	s.AddTool(mcp.NewTool("read_project", mcp.WithString("path")), readProject)
	s.AddTool(mcp.NewTool("run_script", mcp.WithString("shell")), runScript)
	s.AddTool(mcp.NewTool("read_any", mcp.WithString("path")), readAny)
	s.AddTool(mcp.NewTool("run_tool", mcp.WithString("program")), runTool)
	_ = server.ServeStdio(s)
}

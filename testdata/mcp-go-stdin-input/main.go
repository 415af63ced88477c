// Command mcp-go-stdin-input gives processes the model's text as their
// input, whole, through cmd.Stdin: a shell and a database's command-line
// client run what they read there (the sqlite3 client's .shell runs a
// program), and so does an interpreter named in a field set only to
// constants; jq, gofmt, and an interpreter given a script to run, read it as
// data.
package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func runScript(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_script mcp-go constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "bash", "-s")              // want `run_script: exec os/exec\.CommandContext`
	cmd.Stdin = strings.NewReader(req.GetString("script", "")) // want `run_script: exec \(\*os/exec\.Cmd\)\.Stdin \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.Stdin` `BR301: tool run_script can run processes through \(\*os/exec\.Cmd\)\.Stdin with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Stdin with no sandbox or allowlist`
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func querySQLite(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_sqlite mcp-go constant` `BR304: tool query_sqlite can run processes with no rate limit` `BR305: tool query_sqlite is not logged with its arguments`
	cmd := exec.Command("sqlite3", "/srv/app.db")               // want `query_sqlite: exec os/exec\.Command`
	cmd.Stdin = bytes.NewBufferString(req.GetString("sql", "")) // want `query_sqlite: exec \(\*os/exec\.Cmd\)\.Stdin \(tainted\)` `BR101: tool query_sqlite: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.Stdin` `BR301: tool query_sqlite can run processes through \(\*os/exec\.Cmd\)\.Stdin with no confirmation before it` `BR303: tool query_sqlite: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Stdin with no sandbox or allowlist`
	out, err := cmd.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func formatJSON(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool format_json mcp-go constant` `BR304: tool format_json can run processes with no rate limit` `BR305: tool format_json is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "jq", ".") // want `format_json: exec os/exec\.CommandContext` `BR301: tool format_json can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Stdin = strings.NewReader(req.GetString("json", ""))
	out, err := cmd.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runReport hands the model's text to a script the server names: the
// interpreter runs that script, which reads the text as its data.
func runReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_report mcp-go constant` `BR304: tool run_report can run processes with no rate limit` `BR305: tool run_report is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "python3", "-u", "/opt/tools/report.py") // want `run_report: exec os/exec\.CommandContext` `BR301: tool run_report can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Stdin = strings.NewReader(req.GetString("rows", ""))
	out, err := cmd.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runner runs code with the interpreter of its language, the code on the
// interpreter's input. The program is a field set only here: bash and
// python3 read their input as a program.
type runner struct {
	interpreter string
}

var (
	bashRunner   = &runner{interpreter: "bash"}
	pythonRunner = &runner{interpreter: "python3"}
)

func (r *runner) run(ctx context.Context, code string) (string, error) {
	cmd := exec.CommandContext(ctx, r.interpreter) // want `run_bash: exec os/exec\.CommandContext` `run_python: exec os/exec\.CommandContext`
	cmd.Stdin = strings.NewReader(code)            // want `run_bash: exec \(\*os/exec\.Cmd\)\.Stdin \(tainted\)` `run_python: exec \(\*os/exec\.Cmd\)\.Stdin \(tainted\)` `BR101: tool run_bash: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.Stdin` `BR101: tool run_python: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.Stdin` `BR301: tool run_bash can run processes through \(\*os/exec\.Cmd\)\.Stdin with no confirmation before it` `BR301: tool run_python can run processes through \(\*os/exec\.Cmd\)\.Stdin with no confirmation before it` `BR303: tool run_bash: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Stdin with no sandbox or allowlist` `BR303: tool run_python: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Stdin with no sandbox or allowlist`
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func runBash(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_bash mcp-go constant` `BR304: tool run_bash can run processes with no rate limit` `BR305: tool run_bash is not logged with its arguments`
	out, err := bashRunner.run(ctx, req.GetString("code", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

func runPython(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_python mcp-go constant` `BR304: tool run_python can run processes with no rate limit` `BR305: tool run_python is not logged with its arguments`
	out, err := pythonRunner.run(ctx, req.GetString("code", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

// Config is a code runner's configuration, exported (a decoder could set
// it too): the module's code sets its Binary to node, which runs its input.
type Config struct {
	Binary string
}

type configured struct{ cfg Config }

func newNodeRunner() *configured { return &configured{cfg: Config{Binary: "node"}} }

func runNode(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_node mcp-go constant` `BR304: tool run_node can run processes with no rate limit` `BR305: tool run_node is not logged with its arguments`
	r := newNodeRunner()
	cmd := exec.CommandContext(ctx, r.cfg.Binary)            // want `run_node: exec os/exec\.CommandContext`
	cmd.Stdin = strings.NewReader(req.GetString("code", "")) // want `run_node: exec \(\*os/exec\.Cmd\)\.Stdin \(tainted\)` `BR101: tool run_node: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.Stdin` `BR301: tool run_node can run processes through \(\*os/exec\.Cmd\)\.Stdin with no confirmation before it` `BR303: tool run_node: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Stdin with no sandbox or allowlist`
	out, err := cmd.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// formatter pipes text through a formatter set in a field: gofmt reads
// its input as the source to format, not as commands.
type formatter struct {
	program string
}

var goFormatter = &formatter{program: "gofmt"}

func formatGo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool format_go mcp-go constant` `BR304: tool format_go can run processes with no rate limit` `BR305: tool format_go is not logged with its arguments`
	cmd := exec.CommandContext(ctx, goFormatter.program) // want `format_go: exec os/exec\.CommandContext` `BR301: tool format_go can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Stdin = strings.NewReader(req.GetString("source", ""))
	out, err := cmd.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func main() {
	s := server.NewMCPServer("stdin-input", "1.0.0") // want `agent stdin-input server mcp-go: format_go, format_json, query_sqlite, run_bash, run_node, run_python, run_report, run_script`
	s.AddTool(mcp.NewTool("run_script"), runScript)
	s.AddTool(mcp.NewTool("query_sqlite"), querySQLite)
	s.AddTool(mcp.NewTool("format_json"), formatJSON)
	s.AddTool(mcp.NewTool("run_report"), runReport)
	s.AddTool(mcp.NewTool("run_bash"), runBash)
	s.AddTool(mcp.NewTool("run_python"), runPython)
	s.AddTool(mcp.NewTool("run_node"), runNode)
	s.AddTool(mcp.NewTool("format_go"), formatGo)
	_ = server.ServeStdio(s)
}

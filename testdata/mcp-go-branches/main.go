// Command mcp-go-branches registers its tools through an allowlist helper
// that calls the SDK's AddTool on two branches: once when no allowlist is
// set, once when the list names the tool. Each tool is one tool, however
// many branches register it.
package main

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// allowlist exposes the tools it names, or every tool when it names none.
type allowlist struct {
	names map[string]bool
	// experimental tools are offered only when the operator opts in.
	experimental bool
}

func newAllowlist() *allowlist {
	a := &allowlist{experimental: os.Getenv("EXPERIMENTAL") == "1"}
	if v := os.Getenv("TOOLS"); v != "" {
		a.names = map[string]bool{}
		for _, n := range strings.Split(v, ",") {
			a.names[n] = true
		}
	}
	return a
}

// add registers the tool on either branch: the branches choose nothing
// about whether the tool exists.
func (a *allowlist) add(s *server.MCPServer, t mcp.Tool, h server.ToolHandlerFunc) {
	if a.names == nil {
		s.AddTool(t, h)
		return
	}
	if a.names[t.Name] {
		s.AddTool(t, h)
	}
}

// addExperimental registers on either branch too, but only once the
// operator opted in: that condition holds for both.
func (a *allowlist) addExperimental(s *server.MCPServer, t mcp.Tool, h server.ToolHandlerFunc) {
	// want +1 `purge_path: gated by if a\.experimental \{`
	if a.experimental {
		if a.names == nil {
			s.AddTool(t, h)
		} else if a.names[t.Name] {
			s.AddTool(t, h)
		}
	}
}

func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "sh", "-c", req.GetString("cmd", "")).Output() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

func deletePath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_path mcp-go constant` `tool purge_path mcp-go constant` `BR304: tool delete_path can write files with no rate limit` `BR304: tool purge_path can write files with no rate limit` `BR305: tool delete_path is not logged with its arguments` `BR305: tool purge_path is not logged with its arguments`
	if err := os.RemoveAll(req.GetString("path", "")); err != nil { // want `delete_path: fs-write os\.RemoveAll \(tainted\)` `purge_path: fs-write os\.RemoveAll \(tainted\)` `BR104: tool delete_path: model-controlled input reaches the file path of os\.RemoveAll` `BR104: tool purge_path: model-controlled input reaches the file path of os\.RemoveAll` `BR301: tool delete_path can write files through os\.RemoveAll with no confirmation before it` `BR301: tool purge_path can write files through os\.RemoveAll with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

func readFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cat_file mcp-go constant` `tool read_file mcp-go constant` `BR305: tool cat_file is not logged with its arguments` `BR305: tool read_file is not logged with its arguments`
	b, err := os.ReadFile(req.GetString("path", "")) // want `cat_file: fs-read os\.ReadFile \(tainted\)` `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool cat_file: model-controlled input reaches the file path of os\.ReadFile` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool cat_file returns the contents of a file read by os\.ReadFile to the model` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func main() {
	s := server.NewMCPServer("branches", "1.0.0") // want `agent branches server mcp-go: cat_file, chmod_path, count_lines, delete_path, export_all, export_summary, peek_path, purge_path, read_file, run_command, stat_path, truncate_path, wipe_cache` `BR402: agent branches: export_all returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\); whoeve.*`
	a := newAllowlist()
	// A precondition that stops the program is no gate: the tools that
	// follow are registered whenever the server runs at all.
	if len(os.Args) > 2 {
		panic("usage: branches [config]")
	}
	// Nor is a flag that prints the version and stops.
	if os.Getenv("BRANCHES_VERSION") != "" {
		println("branches 1.0.0")
		return
	}
	registerReaders(s)
	registerMaintenance(s, a)
	registerExport(s, os.Getenv("FULL_EXPORT") == "1")
	registerChmod(s, a)
	// A helper that registers by name: its case is the tool's name, not
	// a gate.
	registerNamed(s, "count_lines")
	// Two tools through one helper: two tools, each once.
	a.add(s, mcp.NewTool("run_command", mcp.WithString("cmd")), runCommand)
	a.add(s, mcp.NewTool("delete_path", mcp.WithString("path")), deletePath)
	// One handler under two names: two tools.
	a.add(s, mcp.NewTool("read_file", mcp.WithString("path")), readFile)
	a.add(s, mcp.NewTool("cat_file", mcp.WithString("path")), readFile)
	// Registered on either branch of a helper that only runs them under a
	// condition: the condition gates the tool.
	a.addExperimental(s, mcp.NewTool("purge_path", mcp.WithString("path")), deletePath)
	// Registered unconditionally by a function that runs only under a
	// condition, at its one call: the condition gates the tool.
	// want +1 `truncate_path: gated by if !a\.readOnly\(\) \{`
	if !a.readOnly() {
		registerWriters(s)
	}
	_ = server.ServeStdio(s)
}

// readOnly reports whether the operator asked for reading tools only.
func (a *allowlist) readOnly() bool { return os.Getenv("READ_ONLY") == "1" }

// registerReaders registers the tools that only look.
func registerReaders(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("stat_path", mcp.WithString("path")), statPath)
}

func statPath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool stat_path mcp-go constant` `tool peek_path mcp-go constant`
	fi, err := os.Stat(req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fi.Name()), nil
}

// registerMaintenance registers a reading tool, then, unless the server
// is read-only, a writing one: the early return gates only the second.
func registerMaintenance(s *server.MCPServer, a *allowlist) {
	s.AddTool(mcp.NewTool("peek_path", mcp.WithString("path")), statPath)
	// want +1 `wipe_cache: gated by if a\.readOnly\(\) \{`
	if a.readOnly() {
		return
	}
	s.AddTool(mcp.NewTool("wipe_cache"), wipeCache)
}

func wipeCache(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool wipe_cache mcp-go constant` `BR304: tool wipe_cache can write files with no rate limit` `BR305: tool wipe_cache is not logged with its arguments`
	if err := os.RemoveAll("/var/cache/branches"); err != nil { // want `wipe_cache: fs-write os\.RemoveAll` `BR301: tool wipe_cache can write files through os\.RemoveAll with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("wiped"), nil
}

// registerExport registers one of two tools: the early return chooses
// between them, and gates both.
func registerExport(s *server.MCPServer, full bool) {
	// want +1 `export_all: gated by if full \{` `export_summary: gated by if full \{`
	if full {
		s.AddTool(mcp.NewTool("export_all"), exportAll)
		return
	}
	s.AddTool(mcp.NewTool("export_summary"), exportSummary)
}

func exportAll(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool export_all mcp-go constant` `BR305: tool export_all is not logged with its arguments`
	b, err := os.ReadFile("/var/lib/branches/all.csv") // want `export_all: fs-read os\.ReadFile` `BR202: tool export_all returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func exportSummary(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool export_summary mcp-go constant`
	return mcp.NewToolResultText("3 branches"), nil
}

// registerNamed registers the tool of that name.
func registerNamed(s *server.MCPServer, name string) {
	switch name {
	case "count_lines":
		registerCountLines(s)
	}
}

func registerCountLines(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("count_lines", mcp.WithString("text")), countLines)
}

func countLines(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_lines mcp-go constant`
	return mcp.NewToolResultText(strconv.Itoa(strings.Count(req.GetString("text", ""), "\n"))), nil
}

// registerWriters registers the tools that change files.
func registerWriters(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("truncate_path", mcp.WithString("path")), truncatePath)
}

func truncatePath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool truncate_path mcp-go constant` `BR304: tool truncate_path can write files with no rate limit` `BR305: tool truncate_path is not logged with its arguments`
	if err := os.Truncate(req.GetString("path", ""), 0); err != nil { // want `truncate_path: fs-write os\.Truncate \(tainted\)` `BR104: tool truncate_path: model-controlled input reaches the file path of os\.Truncate` `BR301: tool truncate_path can write files through os\.Truncate with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("truncated"), nil
}

// toolChmod is chmod_path's name, which the operator may list in
// DISABLED_TOOLS.
const toolChmod = "chmod_path"

// registerChmod registers chmod_path unless the operator switched it off by
// name: an early return whose condition names the tool gates that tool.
func registerChmod(s *server.MCPServer, a *allowlist) {
	// want +1 `chmod_path: gated by if a\.disabled\(toolChmod\) \{`
	if a.disabled(toolChmod) {
		return
	}
	s.AddTool(mcp.NewTool(toolChmod, mcp.WithString("path")), chmodPath)
}

// disabled reports whether the operator switched a tool off.
func (a *allowlist) disabled(name string) bool {
	return strings.Contains(os.Getenv("DISABLED_TOOLS"), name)
}

func chmodPath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool chmod_path mcp-go constant` `BR304: tool chmod_path can write files with no rate limit` `BR305: tool chmod_path is not logged with its arguments`
	if err := os.Chmod(req.GetString("path", ""), 0o600); err != nil { // want `chmod_path: fs-write os\.Chmod \(tainted\)` `BR104: tool chmod_path: model-controlled input reaches the file path of os\.Chmod` `BR301: tool chmod_path can write files through os\.Chmod with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("done"), nil
}

// Command script-file is an MCP server whose tools hand the model's text
// to a command through a file: a script an interpreter runs, a manifest
// kubectl applies. The file's name is the server's own; what the command
// reads from it is the model's. The traps write the model's text to one
// file and name another, or run a fixed script.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("scripts", "1.0.0") // want `agent scripts server mcp-go: apply_manifest, run_python, save_and_list`
	s.AddTool(mcp.NewTool("run_python", mcp.WithString("code")), runPython)
	s.AddTool(mcp.NewTool("apply_manifest", mcp.WithString("manifest")), applyManifest)
	s.AddTool(mcp.NewTool("save_and_list", mcp.WithString("note")), saveAndList)
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

// runPython writes the model's code into a temporary file and runs it:
// the model chooses what python3 runs.
func runPython(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_python mcp-go constant` `BR304: tool run_python can run processes with no rate limit` `BR305: tool run_python is not logged with its arguments`
	f, err := os.CreateTemp("", "tool-*.py") // want `run_python: fs-write os\.CreateTemp` `BR301: tool run_python can write files through os\.CreateTemp with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer func() {
		// The closure captures f: each use loads it anew.
		os.Remove(f.Name()) // want `run_python: fs-write os\.Remove`
	}()
	if _, err := f.WriteString(req.GetString("code", "")); err != nil {
		return nil, err
	}
	f.Close()
	out, err := exec.CommandContext(ctx, "python3", f.Name()).CombinedOutput() // want `run_python: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_python: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_python can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_python: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// applyManifest saves the model's manifest through a helper and has
// kubectl apply the file: the model chooses what the cluster runs.
func applyManifest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool apply_manifest mcp-go constant` `BR304: tool apply_manifest can run processes with no rate limit` `BR305: tool apply_manifest is not logged with its arguments`
	path := filepath.Join(os.TempDir(), "manifest.yaml")
	if err := save(path, req.GetString("manifest", "")); err != nil {
		return nil, err
	}
	return kubectl(ctx, "apply", "-f", path)
}

func save(path, text string) error {
	return os.WriteFile(path, []byte(text), 0o600) // want `apply_manifest: fs-write os\.WriteFile` `BR301: tool apply_manifest can write files through os\.WriteFile with no confirmation before it`
}

func kubectl(ctx context.Context, args ...string) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "kubectl", args...).CombinedOutput() // want `apply_manifest: exec os/exec\.CommandContext \(tainted\)` `BR101: tool apply_manifest: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool apply_manifest can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool apply_manifest: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// saveAndList writes the model's note to one file and lists another
// directory: the command reads nothing of the model's.
func saveAndList(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_and_list mcp-go constant` `BR304: tool save_and_list can run processes with no rate limit` `BR305: tool save_and_list is not logged with its arguments`
	notes := filepath.Join(os.TempDir(), "notes.txt")
	if err := os.WriteFile(notes, []byte(req.GetString("note", "")), 0o600); err != nil { // want `save_and_list: fs-write os\.WriteFile` `BR301: tool save_and_list can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	out, err := exec.CommandContext(ctx, "ls", "-l", "/var/lib/notes").CombinedOutput() // want `save_and_list: exec os/exec\.CommandContext` `BR301: tool save_and_list can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// Command notes is an example server kept in an SDK's own repository: its
// module path lies under mcp-go's, which the catalog calls opaque. The
// module being scanned is analysed whatever its path: its tools are found
// and their handlers entered.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const notesDir = "/srv/notes"

func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	out, err := shell(ctx, req.GetString("command", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(out), nil
}

// shell runs a script: a helper of the module, entered like the handler.
func shell(ctx context.Context, script string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", script).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func readNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant` `BR305: tool read_note is not logged with its arguments`
	b, err := os.ReadFile(filepath.Join(notesDir, filepath.Base(req.GetString("name", "")))) // want `read_note: fs-read os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func main() {
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp-go: read_note, run_command` `BR402: agent notes: read_note returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\); whoever .*`
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("command")), runCommand)
	s.AddTool(mcp.NewTool("read_note", mcp.WithString("name")), readNote)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

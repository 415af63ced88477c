// Command mcp-go-platform has tools whose code for other platforms, or
// behind a constant flag, never runs: SSA keeps those branches, the
// program go build makes never takes them.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// verbose is off in this build: its branch never runs.
const verbose = false

// homeDir asks the shell for the home directory on Plan 9 only; elsewhere
// it is fixed.
func homeDir() (string, error) {
	if runtime.GOOS == "plan9" {
		out, err := exec.Command("rc", "-c", "echo $home").Output()
		return string(out), err
	}
	return "/var/lib/notes", nil
}

func notesPath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool notes_path mcp\-go constant`
	home, err := homeDir()
	if err != nil {
		return nil, err
	}
	if verbose {
		_ = os.WriteFile("/tmp/notes-debug.log", []byte(home), 0o600)
	}
	return mcp.NewToolResultText(home + "/notes"), nil
}

// openTerminal starts the platform's terminal: one switch case per
// platform, of which only this build's runs.
func openTerminal(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool open_terminal mcp\-go constant` `BR304: tool open_terminal can run processes with no rate limit` `BR305: tool open_terminal is not logged with its arguments`
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "plan9":
		cmd = exec.CommandContext(ctx, "rio")
	case "aix":
		cmd = exec.CommandContext(ctx, "aixterm")
	default:
		cmd = exec.CommandContext(ctx, "xterm") // want `open_terminal: exec os/exec\.CommandContext` `BR301: tool open_terminal can run processes through os/exec\.CommandContext with no confirmation before it`
	}
	return mcp.NewToolResultText(cmd.Path), cmd.Start()
}

func main() {
	s := server.NewMCPServer("platform", "1.0.0") // want `agent platform server mcp\-go: notes_path, open_terminal`
	s.AddTool(mcp.NewTool("notes_path"), notesPath)
	s.AddTool(mcp.NewTool("open_terminal"), openTerminal)
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

// Command constants is an MCP server whose tools reach shared helpers
// that a parameter steers: a library's OpenFile whose flags say whether
// it reads or writes, a status report that runs a command only when asked
// to be verbose, a loader that switches on where a setting comes from.
// Each tool gets what the constants it passes let the helper do.
package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"example.com/vfs"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

var notes = vfs.New("/var/lib/notes")

func main() {
	s := server.NewMCPServer("constants", "1.0.0") // want `agent constants server mcp-go: brief_status, full_status, local_settings, note_tree, open_note, read_note, write_note`
	s.AddTool(mcp.NewTool("read_note"), readNote)
	s.AddTool(mcp.NewTool("write_note", mcp.WithString("text")), writeNote)
	s.AddTool(mcp.NewTool("open_note", mcp.WithNumber("flags")), openNote)
	s.AddTool(mcp.NewTool("brief_status"), briefStatus)
	s.AddTool(mcp.NewTool("full_status"), fullStatus)
	s.AddTool(mcp.NewTool("local_settings"), localSettings)
	s.AddTool(mcp.NewTool("note_tree"), noteTree)
	_ = server.ServeStdio(s)
}

// readNote opens the note to read it: the library's OpenFile neither
// creates a directory nor writes for it.
func readNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant` `BR305: tool read_note is not logged with its arguments`
	f, err := notes.Open("today")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 4096)
	n, _ := f.Read(b)
	return mcp.NewToolResultText(string(b[:n])), nil
}

// writeNote creates the note: the same OpenFile makes the directory and
// writes.
func writeNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_note mcp-go constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
	f, err := notes.Create("today")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	_, err = f.WriteString(req.GetString("text", ""))
	return mcp.NewToolResultText("saved"), err
}

// openNote opens the note with the model's flags: it may do both.
func openNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool open_note mcp-go constant` `BR304: tool open_note can write files with no rate limit` `BR305: tool open_note is not logged with its arguments`
	f, err := notes.OpenFile("today", int(req.GetFloat("flags", 0)), 0o644)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(f.Name()), f.Close()
}

func briefStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool brief_status mcp-go constant`
	return mcp.NewToolResultText(status(ctx, false)), nil
}

func fullStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool full_status mcp-go constant` `BR304: tool full_status can run processes with no rate limit` `BR305: tool full_status is not logged with its arguments`
	return mcp.NewToolResultText(status(ctx, true)), nil
}

// status reports the server's state, and the machine's when verbose.
func status(ctx context.Context, verbose bool) string {
	s := "ok"
	if !verbose {
		return s
	}
	out, _ := exec.CommandContext(ctx, "uname", "-a").Output() // want `full_status: exec os/exec\.CommandContext` `BR301: tool full_status can run processes through os/exec\.CommandContext with no confirmation before it`
	return s + "\n" + string(out)
}

func localSettings(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool local_settings mcp-go constant` `BR305: tool local_settings is not logged with its arguments`
	b, err := settings(ctx, "file")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// settings loads the settings from where source says.
func settings(ctx context.Context, source string) ([]byte, error) {
	switch source {
	case "file":
		return os.ReadFile("/etc/notes/settings.json") // want `local_settings: fs-read os\.ReadFile` `BR202: tool local_settings returns the contents of a file read by os\.ReadFile to the model`
	case "remote":
		resp, err := http.Get("https://config.example.com/notes.json")
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return nil, nil
	}
	return nil, nil
}

// noteTree lists the notes' tree, indented by depth: each level passes
// depth+1, a new constant, and nothing on depth ends the recursion; the
// search still ends (a function gets a bounded number of contexts).
func noteTree(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool note_tree mcp-go constant` `BR305: tool note_tree is not logged with its arguments`
	var names []string
	walk("/var/lib/notes", 0, &names)
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func walk(dir string, depth int, names *[]string) {
	entries, _ := os.ReadDir(dir) // want `note_tree: fs-read os\.ReadDir`
	for _, e := range entries {
		indent := ""
		if depth > 0 {
			indent = strings.Repeat("  ", depth)
		}
		*names = append(*names, indent+e.Name())
		if e.IsDir() {
			walk(filepath.Join(dir, e.Name()), depth+1, names)
		}
	}
}

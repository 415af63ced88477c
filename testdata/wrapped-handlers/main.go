// Command wrapped-handlers is an MCP server whose handlers are wrapped in
// the team's own middleware functions before registration, the usual shape
// of a real server: withLogging(name, handler), withTiming(handler),
// withLimit(handler), and a struct holding the handler in a field whose
// method is registered. Each tool must keep its own handler and sinks (the
// wrapper closure is shared by every tool it wraps), and a wrapper's guards
// count for the tools it wraps when they run before the handler.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/time/rate"
)

const notesDir = "/srv/notes"

// withLogging logs each call with its arguments, then runs the tool.
func withLogging(name string, next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		log.Printf("tool %s called with %v", name, req.GetArguments()) // want `list_notes: guard audit-log log\.Printf for fs-read os\.ReadDir` `purge_notes: guard audit-log log\.Printf for fs-write os\.RemoveAll` `read_note: guard audit-log log\.Printf for fs-read os\.ReadFile` `run_command: guard audit-log log\.Printf for exec os/exec\.CommandContext`
		return next(ctx, req)
	}
}

// withTiming logs how long the tool took: after it ran, too late to be an
// audit record of what it was asked to do.
func withTiming(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		start := time.Now()
		res, err := next(ctx, req)
		log.Printf("%v took %s", req.GetArguments(), time.Since(start)) // want `delete_note: guard audit-log log\.Printf for fs-write os\.Remove \(not counted: in a wrapper around the handler, after it\)`
		return res, err
	}
}

// destructive allows one destructive action a second.
var destructive = rate.NewLimiter(1, 1)

// withLimit waits for the limiter before it runs the tool.
func withLimit(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := destructive.Wait(ctx); err != nil { // want `purge_notes: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for fs-write os\.RemoveAll`
			return mcp.NewToolResultErrorFromErr("rate limited", err), nil
		}
		return next(ctx, req)
	}
}

func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit`
	out, err := exec.CommandContext(ctx, "sh", "-c", req.GetString("command", "")).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// readNote only reads: it must not inherit run_command's exec through
// the wrapper they share.
func readNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant`
	b, err := os.ReadFile(filepath.Join(notesDir, filepath.Base(req.GetString("name", "")))) // want `read_note: fs-read os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("reading note", err), nil
	}
	return mcp.NewToolResultText(string(b)), nil
}

func deleteNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments`
	if err := os.Remove(filepath.Join(notesDir, filepath.Base(req.GetString("name", "")))); err != nil { // want `delete_note: fs-write os\.Remove` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("deleting note", err), nil
	}
	return mcp.NewToolResultText("deleted"), nil
}

func purgeNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge_notes mcp-go constant`
	if err := os.RemoveAll(notesDir); err != nil { // want `purge_notes: fs-write os\.RemoveAll` `BR301: tool purge_notes can write files through os\.RemoveAll with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("purging notes", err), nil
	}
	return mcp.NewToolResultText("purged"), nil
}

func listNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_notes mcp-go constant`
	entries, err := os.ReadDir(notesDir) // want `list_notes: fs-read os\.ReadDir`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("listing notes", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(len(entries))), nil
}

// audited holds the handler it wraps in a field: its method value is
// registered, and each tool keeps its own handler.
type audited struct {
	name string
	next server.ToolHandlerFunc
}

func (a *audited) handle(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	log.Printf("tool %s called with %v", a.name, req.GetArguments()) // want `disk_usage: guard audit-log log\.Printf for exec os/exec\.CommandContext` `rotate_logs: guard audit-log log\.Printf for fs-write os\.Rename`
	return a.next(ctx, req)
}

func diskUsage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool disk_usage can run processes with no rate limit` `tool disk_usage mcp-go constant`
	out, err := exec.CommandContext(ctx, "du", "-sh", notesDir).Output() // want `BR301: tool disk_usage can run processes through os/exec\.CommandContext with no confirmation before it` `disk_usage: exec os/exec\.CommandContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("du", err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func rotateLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool rotate_logs can write files with no rate limit` `tool rotate_logs mcp-go constant`
	if err := os.Rename("/var/log/notes.log", "/var/log/notes.log.1"); err != nil { // want `BR301: tool rotate_logs can write files through os\.Rename with no confirmation before it` `rotate_logs: fs-write os\.Rename`
		return mcp.NewToolResultErrorFromErr("rotating", err), nil
	}
	return mcp.NewToolResultText("rotated"), nil
}

func main() {
	s := server.NewMCPServer("notes", "1.0.0") // want `BR402: agent notes: read_note returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\);.*` `agent notes server mcp\-go: delete_note, disk_usage, list_notes, purge_notes, read_note, rotate_logs, run_command`
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("command")), withLogging("run_command", runCommand))
	s.AddTool(mcp.NewTool("read_note", mcp.WithString("name")), withLogging("read_note", readNote))
	s.AddTool(mcp.NewTool("delete_note", mcp.WithString("name")), withTiming(deleteNote))
	// Wrappers nest: the limiter, then the log, then the tool.
	s.AddTool(mcp.NewTool("purge_notes"), withLimit(withLogging("purge_notes", purgeNotes)))
	// A table of server.ServerTool rows, wrapped the same way.
	s.AddTools(server.ServerTool{Tool: mcp.NewTool("list_notes"), Handler: withLogging("list_notes", listNotes)})
	// Wrappers that hold the handler in a struct field.
	s.AddTool(mcp.NewTool("disk_usage"), (&audited{name: "disk_usage", next: diskUsage}).handle)
	s.AddTool(mcp.NewTool("rotate_logs"), (&audited{name: "rotate_logs", next: rotateLogs}).handle)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
)

// A shell kept alive across calls: started once, with a worker goroutine
// that takes the commands from a queue (a channel kept in a field) and
// types each into the shell's stdin pipe. The tool only puts the model's
// command on the queue; no call leads from it to the write, and the
// command reaches the shell through the channel. The worker quotes each
// command as one word and has the shell eval it, to keep its output and
// status apart: the quotes do not make it text, eval runs it.

type job struct {
	line string
	done chan error
}

type queuedShell struct {
	stdin *os.File
	jobs  chan *job
}

var (
	shared     *queuedShell
	sharedOnce sync.Once
)

func sharedShell() *queuedShell {
	sharedOnce.Do(func() {
		shared = startQueued()
	})
	return shared
}

func startQueued() *queuedShell {
	cmd := exec.Command("bash", "-l") // want `run_queued: exec os/exec\.Command` `run_quiet: exec os/exec\.Command` `say: exec os/exec\.Command`
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil
	}
	if err := cmd.Start(); err != nil {
		return nil
	}
	q := &queuedShell{stdin: in.(*os.File), jobs: make(chan *job, 4)}
	go q.work()
	return q
}

func (q *queuedShell) work() {
	for j := range q.jobs {
		j.done <- q.typeLine(j.line)
	}
}

// typeLine has the shell eval one command line.
func (q *queuedShell) typeLine(line string) error {
	_, err := fmt.Fprintf(q.stdin, "eval %s > /tmp/out 2>&1; echo $? > /tmp/status\n", quote(line)) // want `run_queued: exec \(\*os/exec\.Cmd\)\.StdinPipe \(tainted\)` `BR101: tool run_queued: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool run_queued can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it` `BR303: tool run_queued: a model-chosen command reaches \(\*os/exec\.Cmd\)\.StdinPipe with no sandbox or allowlist`
	return err
}

func (q *queuedShell) run(line string) error {
	j := &job{line: line, done: make(chan error)}
	q.jobs <- j
	return <-j.done
}

// runQueued puts the model's command on the shell's queue.
func runQueued(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_queued mcp-go constant` `BR304: tool run_queued can run processes with no rate limit` `BR305: tool run_queued is not logged with its arguments`
	if err := sharedShell().run(req.GetString("command", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("queued"), nil
}

// The program a search runs is looked up on $PATH once, when the server
// starts, and kept in a package variable ("" when it is missing): the model
// chooses the pattern given to it, not what runs.
var finder string

func init() {
	p, err := exec.LookPath("fd")
	if err != nil {
		p = ""
	}
	finder = p
}

// findFiles runs the finder with the model's pattern as an option's value.
func findFiles(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool find_files mcp-go constant` `BR304: tool find_files can run processes with no rate limit` `BR305: tool find_files is not logged with its arguments`
	if finder == "" {
		return mcp.NewToolResultError("fd is not installed"), nil
	}
	out, err := exec.CommandContext(ctx, finder, "--glob", req.GetString("pattern", "")).Output() // want `find_files: exec os/exec\.CommandContext \(tainted\)` `BR101: tool find_files: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs fd` `BR301: tool find_files can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// The program is looked up on $PATH on first use, once: a package variable
// holds the function sync.OnceValue made of the lookup, and the tool calls
// it. What runs is what the lookup can return: locate, or nothing.
var locator = sync.OnceValue(func() string {
	p, err := exec.LookPath("locate")
	if err != nil {
		return ""
	}
	return p
})

// locateFiles runs the located program with the model's pattern as an
// option's value.
func locateFiles(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool locate_files mcp-go constant` `BR304: tool locate_files can run processes with no rate limit` `BR305: tool locate_files is not logged with its arguments`
	name := locator()
	if name == "" {
		return mcp.NewToolResultError("locate is not installed"), nil
	}
	out, err := exec.CommandContext(ctx, name, "--regex", req.GetString("pattern", "")).Output() // want `locate_files: exec os/exec\.CommandContext \(tainted\)` `BR101: tool locate_files: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs locate` `BR301: tool locate_files can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runQuiet has the shared shell eval the model's command, quoted in place:
// eval runs it.
func runQuiet(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_quiet mcp-go constant` `BR304: tool run_quiet can run processes with no rate limit` `BR305: tool run_quiet is not logged with its arguments`
	line := "eval '" + strings.ReplaceAll(req.GetString("command", ""), "'", `'\''`) + "' > /dev/null\n"
	if _, err := io.WriteString(sharedShell().stdin, line); err != nil { // want `run_quiet: exec \(\*os/exec\.Cmd\)\.StdinPipe \(tainted\)` `BR101: tool run_quiet: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool run_quiet can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it` `BR303: tool run_quiet: a model-chosen command reaches \(\*os/exec\.Cmd\)\.StdinPipe with no sandbox or allowlist`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("done"), nil
}

// say has the shared shell echo the model's text, quoted: one word of
// echo's, not a command.
func say(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool say mcp-go constant` `BR304: tool say can run processes with no rate limit` `BR305: tool say is not logged with its arguments`
	line := "echo '" + strings.ReplaceAll(req.GetString("text", ""), "'", `'\''`) + "'\n"
	if _, err := io.WriteString(sharedShell().stdin, line); err != nil { // want `say: exec \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool say can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("done"), nil
}

// repoStatus shows the status of the repository that holds the model's
// directory: git finds its top level, and the second git is given that
// path. What git printed is git's answer, not the model's text.
func repoStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool repo_status mcp-go constant` `BR304: tool repo_status can run processes with no rate limit` `BR305: tool repo_status is not logged with its arguments`
	find := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel") // want `repo_status: exec os/exec\.CommandContext` `BR301: tool repo_status can run processes through os/exec\.CommandContext with no confirmation before it`
	find.Dir = req.GetString("dir", ".")
	top, err := find.Output()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, "git", "-C", strings.TrimSpace(string(top)), "status", "--short").CombinedOutput()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

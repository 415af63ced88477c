// Command mcp-go-terminal gives the model a shell session: a bash started
// on a PTY when the server starts, kept in a struct field, into which the
// tools type. Another tool feeds the model's text to a calculator through
// its stdin pipe. What goes into a process's input runs there: writing is
// exec, and the model's text written there is a command (BR101). A last
// tool runs the model's command on another machine over SSH: network, and
// still the model's command. A shell kept alive behind a queue (queue.go)
// gets the model's command through a channel kept in a field, and a
// program looked up on $PATH when the server starts is still a fixed
// program: the model's pattern given to it is an argument, not a command.
// What a process prints is its answer: a path git printed is not the
// model's.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"

	"github.com/creack/pty"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// session is the shell the tools type into.
type session struct {
	term *os.File
}

func start() (*session, error) {
	f, err := pty.Start(exec.Command("bash", "-l"))
	if err != nil {
		return nil, err
	}
	return &session{term: f}, nil
}

// send types text into the terminal.
func (s *session) send(text string) error {
	_, err := io.WriteString(s.term, text) // want `run_in_terminal: exec github\.com/creack/pty\.Start \(tainted\)` `BR101: tool run_in_terminal: model-controlled input reaches the command of github\.com/creack/pty\.Start` `BR301: tool run_in_terminal can run processes through github\.com/creack/pty\.Start with no confirmation before it` `BR303: tool run_in_terminal: a model-chosen command reaches github\.com/creack/pty\.Start with no sandbox or allowlist` `grep_log: exec github\.com/creack/pty\.Start \(tainted\)` `save_file: exec github\.com/creack/pty\.Start \(tainted\)` `save_file: fs-write github\.com/creack/pty\.Start \(tainted\)` `show_file: exec github\.com/creack/pty\.Start \(tainted\)` `show_file: fs-read github\.com/creack/pty\.Start \(tainted\)` `BR101: tool grep_log: model-controlled input reaches the command of github\.com/creack/pty\.Start` `BR301: tool grep_log can run processes through github\.com/creack/pty\.Start with no confirmation before it` `BR303: tool grep_log: a model-chosen command reaches github\.com/creack/pty\.Start with no sandbox or allowlist` `BR101: tool save_file: model-controlled input reaches the command of github\.com/creack/pty\.Start` `BR301: tool save_file can run processes through github\.com/creack/pty\.Start with no confirmation before it` `BR303: tool save_file: a model-chosen command reaches github\.com/creack/pty\.Start with no sandbox or allowlist` `BR301: tool save_file can write files through github\.com/creack/pty\.Start with no confirmation before it` `BR101: tool show_file: model-controlled input reaches the command of github\.com/creack/pty\.Start` `BR301: tool show_file can run processes through github\.com/creack/pty\.Start with no confirmation before it` `BR303: tool show_file: a model-chosen command reaches github\.com/creack/pty\.Start with no sandbox or allowlist`
	return err
}

func main() {
	s, err := start()
	if err != nil {
		log.Fatal(err)
	}
	srv := server.NewMCPServer("terminal", "1.0.0") // want `agent terminal server mcp-go: calculate, find_files, grep_log, interrupt, list_remote, locate_files, paste, repo_status, restart_workers, run_in_container, run_in_terminal, run_queued, run_quiet, run_remote, save_file, say, show_file, size_in_container, stat_in_container, stop_units, tail_log, type_remote, uptime_of` `BR403: agent terminal: list_remote returns untrusted content .*uptime_of sends data where the model says \(golang\.org/x/crypto/ssh\.Dial\).*`
	srv.AddTool(mcp.NewTool("run_in_terminal", mcp.WithString("command", mcp.Required())), s.runInTerminal)
	srv.AddTool(mcp.NewTool("interrupt"), s.interrupt)
	srv.AddTool(mcp.NewTool("paste", mcp.WithString("text", mcp.Required())), s.paste)
	srv.AddTool(mcp.NewTool("calculate", mcp.WithString("expression", mcp.Required())), calculate)
	r := &remote{}
	if err := r.openShell(); err != nil {
		log.Fatal(err)
	}
	srv.AddTool(mcp.NewTool("run_remote", mcp.WithString("command", mcp.Required())), r.runRemote)
	srv.AddTool(mcp.NewTool("uptime_of", mcp.WithString("host", mcp.Required())), r.uptimeOf)
	srv.AddTool(mcp.NewTool("list_remote", mcp.WithString("dir", mcp.Required())), r.listRemote)
	srv.AddTool(mcp.NewTool("type_remote", mcp.WithString("line", mcp.Required())), r.typeRemote)
	srv.AddTool(mcp.NewTool("show_file", mcp.WithString("path", mcp.Required())), s.showFile)
	srv.AddTool(mcp.NewTool("save_file", mcp.WithString("path", mcp.Required()), mcp.WithString("content"), mcp.WithBoolean("overwrite")), s.saveFile)
	srv.AddTool(mcp.NewTool("grep_log", mcp.WithString("pattern", mcp.Required())), s.grepLog)
	srv.AddTool(mcp.NewTool("tail_log", mcp.WithString("path", mcp.Required())), tailLog)
	srv.AddTool(mcp.NewTool("run_in_container", mcp.WithString("script", mcp.Required())), r.runInContainer)
	srv.AddTool(mcp.NewTool("stat_in_container", mcp.WithString("path", mcp.Required())), r.statInContainer)
	srv.AddTool(mcp.NewTool("size_in_container", mcp.WithString("dir", mcp.Required())), r.sizeInContainer)
	srv.AddTool(mcp.NewTool("run_queued", mcp.WithString("command", mcp.Required())), runQueued)
	srv.AddTool(mcp.NewTool("run_quiet", mcp.WithString("command", mcp.Required())), runQuiet)
	srv.AddTool(mcp.NewTool("say", mcp.WithString("text", mcp.Required())), say)
	srv.AddTool(mcp.NewTool("repo_status", mcp.WithString("dir", mcp.Required())), repoStatus)
	srv.AddTool(mcp.NewTool("find_files", mcp.WithString("pattern", mcp.Required())), findFiles)
	srv.AddTool(mcp.NewTool("locate_files", mcp.WithString("pattern", mcp.Required())), locateFiles)
	srv.AddTool(mcp.NewTool("restart_workers", mcp.WithString("names", mcp.Required())), restartWorkers)
	srv.AddTool(mcp.NewTool("stop_units", mcp.WithString("names", mcp.Required())), stopUnits)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

// runInTerminal types the model's command and a newline: bash runs it.
func (s *session) runInTerminal(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_in_terminal mcp-go constant` `BR304: tool run_in_terminal can run processes with no rate limit` `BR305: tool run_in_terminal is not logged with its arguments`
	if err := s.send(req.GetString("command", "") + "\n"); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

// interrupt sends Ctrl-C: a fixed keystroke, still a process's input.
func (s *session) interrupt(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool interrupt mcp-go constant` `BR304: tool interrupt can run processes with no rate limit` `BR305: tool interrupt is not logged with its arguments`
	if _, err := s.term.Write([]byte{3}); err != nil { // want `interrupt: exec github\.com/creack/pty\.Start` `BR301: tool interrupt can run processes through github\.com/creack/pty\.Start with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("interrupted"), nil
}

// paste copies the model's text into the terminal, as if typed.
func (s *session) paste(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool paste mcp-go constant` `BR304: tool paste can run processes with no rate limit` `BR305: tool paste is not logged with its arguments`
	if _, err := io.Copy(s.term, strings.NewReader(req.GetString("text", ""))); err != nil { // want `paste: exec github\.com/creack/pty\.Start \(tainted\)` `BR101: tool paste: model-controlled input reaches the command of github\.com/creack/pty\.Start` `BR301: tool paste can run processes through github\.com/creack/pty\.Start with no confirmation before it` `BR303: tool paste: a model-chosen command reaches github\.com/creack/pty\.Start with no sandbox or allowlist`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("pasted"), nil
}

// calculate feeds the model's expression to bc on its stdin.
func calculate(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool calculate mcp-go constant` `BR304: tool calculate can run processes with no rate limit` `BR305: tool calculate is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "bc", "-l") // want `calculate: exec os/exec\.CommandContext`
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	fmt.Fprintln(stdin, req.GetString("expression", "")) // want `calculate: exec \(\*os/exec\.Cmd\)\.StdinPipe \(tainted\)` `BR101: tool calculate: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool calculate can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it` `BR303: tool calculate: a model-chosen command reaches \(\*os/exec\.Cmd\)\.StdinPipe with no sandbox or allowlist`
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("done"), nil
}

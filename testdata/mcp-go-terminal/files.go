package main

import (
	"context"
	"fmt"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
)

// The file tools type command lines built from templates into the shell:
// the program the template runs, or the file it redirects to, says what
// the line does with the file the model names.

// showFile types "cat -- PATH": cat reads the model's file.
func (s *session) showFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_file mcp-go constant` `BR304: tool show_file can run processes with no rate limit` `BR305: tool show_file is not logged with its arguments`
	if err := s.send(fmt.Sprintf("cat -- %s; echo done\n", req.GetString("path", ""))); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

// saveFile types a here-document into the model's file, appending or
// overwriting: the redirection writes the file the model names, and the
// document's lines are its content, not commands.
func (s *session) saveFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_file mcp-go constant` `BR304: tool save_file can run processes with no rate limit` `BR305: tool save_file is not logged with its arguments`
	redir := ">>"
	if req.GetBool("overwrite", false) {
		redir = ">"
	}
	line := fmt.Sprintf("cat <<'EOF' %s %s\n%s\nEOF\n", redir, req.GetString("path", ""), req.GetString("content", ""))
	if err := s.send(line); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

// grepLog types a search of a fixed log for the model's pattern: cat reads
// the operator's file, and grep, which reads no file it is given here, is
// not a file program.
func (s *session) grepLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool grep_log mcp-go constant` `BR304: tool grep_log can run processes with no rate limit` `BR305: tool grep_log is not logged with its arguments`
	if err := s.send(fmt.Sprintf("cat /var/log/build.log | grep -e %s\n", req.GetString("pattern", ""))); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

// tailLog runs "tail -n 50 PATH" with sh -c: tail reads the model's file.
func tailLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tail_log mcp-go constant` `BR304: tool tail_log can run processes with no rate limit` `BR305: tool tail_log is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "sh", "-c", "tail -n 50 "+req.GetString("path", "")).Output() // want `tail_log: exec os/exec\.CommandContext \(tainted\)` `tail_log: fs-read os/exec\.CommandContext \(tainted\)` `BR101: tool tail_log: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool tail_log can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool tail_log: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

package tools

import (
	"context"
	"fmt"
	"log/slog"
	"net/smtp"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// saveNote logs the call with its arguments before it writes: the log
// dominates the write. filepath.Base keeps the note in notesDir.
func (t *Tools) saveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note mcp-go constant` `BR304: tool save_note can write files with no rate limit`
	name := req.GetString("name", "")
	text := req.GetString("text", "")
	slog.Info("tool call", "tool", "save_note", "arguments", req.GetArguments()) // want `save_note: guard audit-log log/slog\.Info for fs-write os\.WriteFile`
	path := filepath.Join(t.notesDir, filepath.Base(name)+".md")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil { // want `save_note: fs-write os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("saving note", err), nil
	}
	return mcp.NewToolResultText("saved " + filepath.Base(path)), nil
}

// writeReport writes through an os.Root: whatever name the model gives,
// the file stays inside the reports directory, so the name is not the
// model's choice of file (not tainted).
func (t *Tools) writeReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_report mcp-go constant` `BR304: tool write_report can write files with no rate limit` `BR305: tool write_report is not logged with its arguments`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	body := req.GetString("markdown", "")
	if err := t.reports.WriteFile(name+".md", []byte(body), 0o644); err != nil { // want `write_report: fs-write \(\*os\.Root\)\.WriteFile` `write_report: guard sandbox os\.Root for fs-write \(\*os\.Root\)\.WriteFile` `BR301: tool write_report can write files through \(\*os\.Root\)\.WriteFile with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("writing report", err), nil
	}
	return mcp.NewToolResultText("wrote " + name + ".md"), nil
}

// oncallAddress is the only recipient of notify_oncall.
const oncallAddress = "oncall@platform.example.com"

// notifyOncall logs the page with its subject, but only after sending it:
// a failed or panicking send is never logged, so the log does not count.
func (t *Tools) notifyOncall(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool notify_oncall mcp-go constant` `BR304: tool notify_oncall can send e-mail with no rate limit` `BR305: tool notify_oncall is not logged with its arguments`
	subject := req.GetString("subject", "")
	body := req.GetString("body", "")
	msg := "To: " + oncallAddress + "\r\nSubject: [platform] " + subject + "\r\n\r\n" + body + "\r\n"
	if err := smtp.SendMail(t.mailRelay, nil, "platform-bot@platform.example.com", []string{oncallAddress}, []byte(msg)); err != nil { // want `notify_oncall: email net/smtp\.SendMail` `BR301: tool notify_oncall can send e-mail through net/smtp\.SendMail with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("sending mail", err), nil
	}
	slog.Info("paged on-call", "subject", subject) // want `notify_oncall: guard audit-log log/slog\.Info for email net/smtp\.SendMail \(not counted: after the sink\)`
	return mcp.NewToolResultText("on-call paged"), nil
}

// deleteNote checks the name with checkNote, which logs only the names it
// refuses: a log on the way that fails records no call, so the deletion is
// not audit-logged.
func (t *Tools) deleteNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments`
	name := filepath.Base(req.GetString("name", ""))
	if err := checkNote(name); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := os.Remove(filepath.Join(t.notesDir, name)); err != nil { // want `delete_note: fs-write os\.Remove` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("deleting note", err), nil
	}
	return mcp.NewToolResultText("deleted " + name), nil
}

// checkNote refuses a name that is not a Markdown note, and logs it.
func checkNote(name string) error {
	if !strings.HasSuffix(name, ".md") {
		slog.Warn("refused note name", "name", name)
		return fmt.Errorf("%s is not a note", name)
	}
	return nil
}

// archiveNote records the move with recordMove, which logs every call it
// is given before the rename runs: the move is audit-logged.
func (t *Tools) archiveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool archive_note mcp-go constant` `BR304: tool archive_note can write files with no rate limit`
	name := filepath.Base(req.GetString("name", ""))
	from := filepath.Join(t.notesDir, name)
	to := filepath.Join(t.notesDir, "archive", name)
	if err := recordMove(from, to); err != nil { // want `archive_note: guard audit-log example\.com/guards-mcp/tools\.recordMove for fs-write os\.Rename`
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := os.Rename(from, to); err != nil { // want `archive_note: fs-write os\.Rename` `BR301: tool archive_note can write files through os\.Rename with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("archiving note", err), nil
	}
	return mcp.NewToolResultText("archived " + name), nil
}

// recordMove logs a move before it is made, and refuses a move onto itself.
func recordMove(from, to string) error {
	slog.Info("moving note", "from", from, "to", to)
	if from == to {
		return fmt.Errorf("%s is already archived", from)
	}
	return nil
}

package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"google.golang.org/adk/agent"
	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
)

// CommandArgs are the arguments of run_command.
type CommandArgs struct {
	Command string   `json:"command"`
	Args    []string `json:"args,omitempty"`
}

// CommandResult is the result of run_command.
type CommandResult struct {
	Output string `json:"output"`
}

// runCommand is the run_command handler, a top-level function.
func runCommand(ctx agent.ToolContext, args CommandArgs) (CommandResult, error) { // want `tool run_command adk constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	out, err := exec.CommandContext(ctx, args.Command, args.Args...).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	return CommandResult{Output: string(out)}, err
}

// userStore looks users up; its lookup method is registered as a method
// value.
type userStore struct {
	db *sql.DB
}

// EmailArgs are the arguments of lookup_user.
type EmailArgs struct {
	Email string `json:"email"`
}

// User is the result of lookup_user.
type User struct {
	Name string `json:"name"`
}

func (s *userStore) lookup(ctx agent.ToolContext, args EmailArgs) (User, error) { // want `tool lookup_user adk constant` `BR305: tool lookup_user\b.*`
	var u User
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE email = $1", args.Email).Scan(&u.Name) // want `lookup_user: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return u, err
}

// PathArgs are the arguments of read_file.
type PathArgs struct {
	Path string `json:"path"`
}

// FileResult is the result of read_file.
type FileResult struct {
	Content string `json:"content"`
}

// newReadFileTool is a helper constructor: the handler is its closure.
func newReadFileTool(root string) (tool.Tool, error) {
	return functiontool.New(functiontool.Config{
		Name:        "read_file",
		Description: "Reads a file of the workspace.",
	}, func(ctx agent.ToolContext, args PathArgs) (FileResult, error) { // want `tool read_file adk constant` `BR305: tool read_file\b.*`
		data, err := os.ReadFile(filepath.Join(root, args.Path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
		return FileResult{Content: string(data)}, err
	})
}

// TimeResult is the result of current_time.
type TimeResult struct {
	Now string `json:"now"`
}

// currentTime reaches no sink.
func currentTime(ctx agent.ToolContext, _ struct{}) (TimeResult, error) { // want `tool current_time adk constant`
	return TimeResult{Now: time.Now().Format(time.RFC3339)}, nil
}

// deleteFile has the shape of a functiontool.Func but is never passed to
// functiontool.New: it is NOT a tool, and its os.Remove must NOT be reported.
func deleteFile(ctx agent.ToolContext, args PathArgs) (FileResult, error) {
	return FileResult{}, os.Remove(args.Path)
}

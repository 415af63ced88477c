package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"trpc.group/trpc-go/trpc-agent-go/tool"
)

// CommandInput is the input of run_command.
type CommandInput struct {
	Command string   `json:"command"`
	Args    []string `json:"args,omitempty"`
}

// runCommand is the run_command handler, a top-level function.
func runCommand(ctx context.Context, in CommandInput) (string, error) { // want `tool run_command trpc-agent-go constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	out, err := exec.CommandContext(ctx, in.Command, in.Args...).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	return string(out), err
}

// orderStore lists orders; its list method is registered as a method value.
type orderStore struct {
	db *sql.DB
}

// CustomerInput is the input of list_orders.
type CustomerInput struct {
	Customer string `json:"customer"`
}

func (s *orderStore) list(ctx context.Context, in CustomerInput) ([]string, error) { // want `tool list_orders trpc-agent-go constant` `BR305: tool list_orders\b.*`
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM orders WHERE customer = $1", in.Customer) // want `list_orders: db-read \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// currentTime reaches no sink.
func currentTime(ctx context.Context, _ struct{}) (string, error) { // want `tool current_time trpc-agent-go constant`
	return time.Now().Format(time.RFC3339), nil
}

// fileReader implements tool.CallableTool itself: Call is the handler and
// Declaration returns the name.
type fileReader struct {
	root string
}

func (r *fileReader) Declaration() *tool.Declaration {
	return &tool.Declaration{
		Name:        "read_file",
		Description: "Reads a file of the workspace.",
		InputSchema: &tool.Schema{
			Type:       "object",
			Properties: map[string]*tool.Schema{"path": {Type: "string"}},
			Required:   []string{"path"},
		},
	}
}

func (r *fileReader) Call(ctx context.Context, jsonArgs []byte) (any, error) { // want `tool read_file trpc-agent-go constant` `BR305: tool read_file\b.*`
	var in struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal(jsonArgs, &in); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(r.root, in.Path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

// shell implements tool.CallableTool but is never converted to an interface
// nor given to an agent: it is NOT a tool, and its exec.Command must NOT be
// reported.
type shell struct{}

func (shell) Declaration() *tool.Declaration {
	return &tool.Declaration{Name: "shell", Description: "Runs a shell command."}
}

func (shell) Call(ctx context.Context, jsonArgs []byte) (any, error) {
	return exec.Command("sh", "-c", string(jsonArgs)).CombinedOutput()
}

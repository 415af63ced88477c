package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/anthropics/anthropic-sdk-go"
)

// agent holds what the tools need.
type agent struct {
	db     *sql.DB
	logDir string
}

// input is the union of the tools' arguments.
type input struct {
	Cmd     string `json:"cmd"`
	Path    string `json:"path"`
	OrderID string `json:"order_id"`
	URL     string `json:"url"`
}

// runTools answers every tool_use block of a reply. Each case of the switch
// on the block's name is the tool of that name: only the case body, and what
// it calls, belongs to the tool.
func (a *agent) runTools(ctx context.Context, content []anthropic.ContentBlockUnion) []anthropic.ContentBlockParamUnion { // want `agent \(\*main\.agent\)\.runTools dispatcher anthropic: delete_file, get_time, lookup_order, read_file, run_command, tail_log` `BR402: agent \(\*main\.agent\)\.runTools: tail_log returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\);.*`
	// Code before the switch belongs to no tool: this os.Getenv must NOT be
	// reported.
	verbose := os.Getenv("AGENT_VERBOSE") != ""
	var results []anthropic.ContentBlockParamUnion
	for _, block := range content {
		if out, ok := a.webTool(ctx, block); ok {
			results = append(results, anthropic.NewToolResultBlock(block.ID, out, false))
			continue
		}
		switch block := block.AsAny().(type) {
		case anthropic.ToolUseBlock:
			var in input
			if err := json.Unmarshal(block.Input, &in); err != nil {
				results = append(results, anthropic.NewToolResultBlock(block.ID, err.Error(), true))
				continue
			}
			var out string
			var err error
			switch block.Name {
			case "run_command": // want `tool run_command anthropic constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
				var b []byte
				b, err = exec.CommandContext(ctx, "sh", "-c", in.Cmd).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
				out = string(b)
			case "read_file": // want `tool read_file anthropic constant` `BR305: tool read_file\b.*`
				out, err = readFile(in.Path)
			case "tail_log": // want `tool tail_log anthropic constant` `BR305: tool tail_log\b.*`
				out, err = readFile(filepath.Join(a.logDir, filepath.Base(in.Path)))
			case "lookup_order": // want `tool lookup_order anthropic constant` `BR305: tool lookup_order\b.*`
				out, err = a.lookupOrder(ctx, in.OrderID)
			case "get_time": // want `tool get_time anthropic constant`
				// The harmless tool: it reaches no sink.
				out = time.Now().Format(time.RFC3339)
			case "delete_file": // want `tool delete_file anthropic constant` `dispatched delete_file anthropic, never declared` `BR304: tool delete_file\b.*` `BR305: tool delete_file\b.*`
				err = os.Remove(in.Path) // want `delete_file: fs-write os\.Remove \(tainted\)` `BR104: tool delete_file\b.*os\.Remove` `BR301: tool delete_file\b.*os\.Remove.*`
			default:
				out, err = "unknown tool "+block.Name, nil
			}
			if err != nil {
				out = err.Error()
			}
			results = append(results, anthropic.NewToolResultBlock(block.ID, out, err != nil))
		}
	}
	// Code after the switch belongs to no tool either.
	if verbose {
		log.Printf("answered %d tool calls", len(results))
	}
	return results
}

// readFile is shared by read_file and tail_log, so both reach its sink. Only
// read_file passes it a path the model chooses: tail_log's goes through
// filepath.Base, and read_file's case must not lend it its own input.
func readFile(path string) (string, error) {
	b, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `tail_log: fs-read os\.ReadFile` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*` `BR202: tool tail_log\b.*os\.ReadFile.*`
	return string(b), err
}

// lookupOrder is the body of lookup_order.
func (a *agent) lookupOrder(ctx context.Context, id string) (string, error) {
	var status string
	err := a.db.QueryRowContext(ctx, "SELECT status FROM orders WHERE id = $1", id).Scan(&status) // want `lookup_order: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return status, err
}

// Package tools holds the handlers of the mcp-go-tools fixture, one per way
// of registering a tool with mcp-go.
package tools

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// RunCommand is the run_command handler: a plain top-level function.
func RunCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	cmd, err := req.RequireString("cmd")
	if err != nil {
		return mcp.NewToolResultErrorFromErr("bad arguments", err), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// NewQueryUsers returns the query_users handler, a closure over db: the
// handler is the func literal, not NewQueryUsers.
func NewQueryUsers(db *sql.DB) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_users mcp-go constant` `BR305: tool query_users\b.*`
		rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE team = $1", req.GetString("team", "")) // want `query_users: db-read \(\*database/sql\.DB\)\.QueryContext`
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return nil, err
			}
			names = append(names, name)
		}
		return mcp.NewToolResultText(strings.Join(names, ", ")), nil
	}
}

// ListDir is the list_dir handler, registered through AddTools.
func ListDir(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_dir mcp-go constant` `BR305: tool list_dir\b.*`
	entries, err := os.ReadDir(req.GetString("path", ".")) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir\b.*os\.ReadDir`
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

// FetchURL is the fetch_url handler, registered through AddTools.
func FetchURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_url mcp-go constant` `BR305: tool fetch_url\b.*`
	resp, err := http.Get(req.GetString("url", "")) // want `fetch_url: network net/http\.Get \(tainted\)` `BR103: tool fetch_url\b.*net/http\.Get` `BR203: tool fetch_url\b.*net/http\.Get.*`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// DeleteNote is the delete_note handler, declared with an mcp.Tool literal.
func DeleteNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant` `BR304: tool delete_note\b.*` `BR305: tool delete_note\b.*`
	if err := os.Remove(req.GetString("path", "")); err != nil { // want `delete_note: fs-write os\.Remove \(tainted\)` `BR104: tool delete_note\b.*os\.Remove` `BR301: tool delete_note\b.*os\.Remove.*`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// Whoami is registered under a name computed at run time, so the tool is
// named after its handler. The user's name, set by the system, is no
// secret.
func Whoami(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool \S+ mcp-go handler` `BR305: tool Whoami\b.*`
	return mcp.NewToolResultText(os.Getenv("USER")), nil // want `\S+: env os\.Getenv`
}

// ConfigArgs are the typed arguments of server_config.
type ConfigArgs struct {
	Key string `json:"key"`
}

// ConfigResult is the structured result of server_config.
type ConfigResult struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

var (
	configOnce sync.Once
	region     string
)

// ServerConfig is the server_config handler, wrapped by
// mcp.NewStructuredToolHandler. Its sink is in a sync.Once.Do callback.
func ServerConfig(ctx context.Context, req mcp.CallToolRequest, args ConfigArgs) (ConfigResult, error) { // want `tool server_config mcp-go constant` `BR305: tool server_config\b.*`
	configOnce.Do(func() {
		region = os.Getenv("REGION") // want `server_config: env os\.Getenv` `BR201: tool server_config\b.*os\.Getenv.*`
	})
	return ConfigResult{Key: "region", Value: region}, nil
}

// Tidy is the tidy handler. Its one call of a function value can reach two
// sinks, os.Remove and os.RemoveAll: each is a capability of the tool, with
// its own findings, whichever order the call graph lists them in.
func Tidy(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tidy mcp-go constant` `BR304: tool tidy\b.*` `BR305: tool tidy\b.*`
	remove := os.Remove
	if req.GetBool("recursive", false) {
		remove = os.RemoveAll
	}
	if err := remove(req.GetString("path", "")); err != nil { // want `tidy: fs-write os\.Remove \(tainted\)` `tidy: fs-write os\.RemoveAll \(tainted\)` `BR104: tool tidy\b.*os\.Remove` `BR104: tool tidy\b.*os\.RemoveAll` `BR301: tool tidy\b.*os\.Remove\b.*`
		return nil, err
	}
	return mcp.NewToolResultText("tidied"), nil
}

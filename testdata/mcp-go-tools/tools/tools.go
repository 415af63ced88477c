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
func RunCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant`
	cmd, err := req.RequireString("cmd")
	if err != nil {
		return mcp.NewToolResultErrorFromErr("bad arguments", err), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).CombinedOutput() // want `run_command: exec os/exec\.CommandContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// NewQueryUsers returns the query_users handler, a closure over db: the
// handler is the func literal, not NewQueryUsers.
func NewQueryUsers(db *sql.DB) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_users mcp-go constant`
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
func ListDir(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_dir mcp-go constant`
	entries, err := os.ReadDir(req.GetString("path", ".")) // want `list_dir: fs-read os\.ReadDir`
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
func FetchURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_url mcp-go constant`
	resp, err := http.Get(req.GetString("url", "")) // want `fetch_url: network net/http\.Get`
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
func DeleteNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_note mcp-go constant`
	if err := os.Remove(req.GetString("path", "")); err != nil { // want `delete_note: fs-write os\.Remove`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// Whoami is registered under a name computed at run time, so the tool is
// named after its handler.
func Whoami(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool \S+ mcp-go handler`
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
func ServerConfig(ctx context.Context, req mcp.CallToolRequest, args ConfigArgs) (ConfigResult, error) { // want `tool server_config mcp-go constant`
	configOnce.Do(func() {
		region = os.Getenv("REGION") // want `server_config: env os\.Getenv`
	})
	return ConfigResult{Key: "region", Value: region}, nil
}

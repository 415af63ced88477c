// Package tools holds opsbot's tool handlers, in package opsbot/tools.
package tools

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
)

// DiskUsage reports the size of the log directory: a fixed command.
func DiskUsage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool disk_usage mcp-go constant` `BR304: tool disk_usage\b.*` `BR305: tool disk_usage\b.*`
	out, err := exec.CommandContext(ctx, "du", "-sh", "/var/log").Output() // want `disk_usage: exec os/exec\.CommandContext` `BR301: tool disk_usage\b.*`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// ReadRunbook returns a runbook by name, confined to one directory by
// filepath.Base.
func ReadRunbook(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_runbook mcp-go constant` `BR305: tool read_runbook\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join("/srv/runbooks", filepath.Base(name))) // want `read_runbook: fs-read os\.ReadFile` `BR202: tool read_runbook\b.*`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

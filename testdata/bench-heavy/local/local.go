// Package local exposes host operations as MCP tools.
package local

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Register adds the host tools to s.
func Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("cmd")), runCommand)
	s.AddTool(mcp.NewTool("fetch_url", mcp.WithString("url")), fetchURL)
}

func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cmd, err := req.RequireString("cmd")
	if err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).CombinedOutput()
	if err != nil {
		return mcp.NewToolResultError(string(out)), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func fetchURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, req.GetString("url", ""), nil)
	if err != nil {
		return nil, err
	}
	r.Header.Set("User-Agent", os.Getenv("AGENT_UA"))
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

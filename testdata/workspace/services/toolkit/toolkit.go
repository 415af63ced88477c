// Package toolkit is a library module of the workspace: it registers a
// tool of its own on the agent's server.
package toolkit

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Register adds the toolkit's tools to s.
func Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("read_doc", mcp.WithString("name")), readDoc)
}

func readDoc(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_doc mcp-go constant` `BR305: tool read_doc\b.*`
	b, err := os.ReadFile(filepath.Join("docs", req.GetString("name", "index.md"))) // want `read_doc: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_doc\b.*os\.ReadFile` `BR202: tool read_doc\b.*os\.ReadFile.*`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

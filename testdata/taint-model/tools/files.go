package tools

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// readDocHandler returns the read_doc handler, a closure over the
// knowledge-base root. The article path is joined to the root as given, so
// "../../../etc/passwd" leaves it.
func readDocHandler(root string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_doc mcp-go constant` `BR305: tool read_doc\b.*`
		name, err := req.RequireString("path")
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		if !strings.HasSuffix(name, ".md") {
			name += ".md"
		}
		load := func() ([]byte, error) {
			return os.ReadFile(filepath.Join(root, name)) // want `read_doc: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_doc\b.*os\.ReadFile` `BR202: tool read_doc\b.*os\.ReadFile.*`
		}
		data, err := load()
		if errors.Is(err, os.ErrNotExist) {
			return mcp.NewToolResultErrorf("no article %s", name), nil
		}
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(string(data)), nil
	}
}

// archiveReport moves a report from the reports directory to the archive.
func (s *Server) archiveReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool archive_report mcp-go constant` `BR304: tool archive_report\b.*` `BR305: tool archive_report\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: filepath.Base keeps only the last element, so both paths stay in their fixed directories.
	name = filepath.Base(name)
	if name == "." || name == ".." {
		return mcp.NewToolResultError("name must be a file name"), nil
	}
	from := filepath.Join(s.cfg.ReportsDir, name)
	to := filepath.Join(s.cfg.ArchiveDir, name)
	if err := os.Rename(from, to); err != nil { // want `archive_report: fs-write os\.Rename` `BR301: tool archive_report\b.*os\.Rename.*`
		return mcp.NewToolResultErrorFromErr("archiving failed", err), nil
	}
	return mcp.NewToolResultText("archived " + name), nil
}

package tools

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

func (o *Ops) readFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_file mcp-go constant` `BR305: tool read_file\b.*`
	path, err := req.RequireString("path")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("reading file", err), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

func (o *Ops) writeFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_file mcp-go constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
	path, err := req.RequireString("path")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	content := req.GetString("content", "")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil { // want `write_file: fs-write os\.MkdirAll \(tainted\)` `BR104: tool write_file\b.*os\.MkdirAll` `BR301: tool write_file\b.*os\.MkdirAll.*`
		return mcp.NewToolResultErrorFromErr("creating directory", err), nil
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil { // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile`
		return mcp.NewToolResultErrorFromErr("writing file", err), nil
	}
	return mcp.NewToolResultText("wrote " + path), nil
}

// tailLogs keeps the last n lines of <logDir>/<service>.log. The service name
// is joined to the path as given, so "../../etc/passwd" works too.
func (o *Ops) tailLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tail_logs mcp-go constant` `BR305: tool tail_logs\b.*`
	service, err := req.RequireString("service")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	n := req.GetInt("lines", 100)
	f, err := os.Open(filepath.Join(o.logDir, service+".log")) // want `tail_logs: fs-read os\.Open \(tainted\)` `BR104: tool tail_logs\b.*os\.Open` `BR202: tool tail_logs\b.*os\.Open.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("opening log", err), nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return mcp.NewToolResultText(strings.Join(lines, "\n")), nil
}

package tools

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// appLog is the application's log file.
const appLog = "/var/log/platform/app.log"

// readAppLog returns the last lines of the application log, whatever they
// contain: request bodies, tokens, customer data.
func (s *Server) readAppLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_app_log mcp-go constant` `BR305: tool read_app_log\b.*`
	n := req.GetInt("lines", 200)
	f, err := os.Open(appLog) // want `read_app_log: fs-read os\.Open` `BR202: tool read_app_log\b.*os\.Open.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("opening the log", err), nil
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
	return mcp.NewToolResultText(strings.Join(lines, "\n")), sc.Err()
}

// readReport returns a whole report. filepath.Base keeps the model inside
// the reports directory; the contents still go back to the model.
func (s *Server) readReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_report mcp-go constant` `BR305: tool read_report\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(filepath.Join(s.cfg.ReportsDir, filepath.Base(name))) // want `read_report: fs-read os\.ReadFile` `BR202: tool read_report\b.*os\.ReadFile.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("no such report", err), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// countErrors reads the whole log but returns a number.
func (s *Server) countErrors(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_errors mcp-go constant` `BR305: tool count_errors\b.*`
	data, err := os.ReadFile(appLog) // want `count_errors: fs-read os\.ReadFile`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("reading the log", err), nil
	}
	// Trap: only a count of matching lines goes back to the model, not the log's contents.
	n := bytes.Count(data, []byte("level=error"))
	return mcp.NewToolResultText(fmt.Sprintf("%d errors in %s", n, appLog)), nil
}

// Settings are the assistant's tunables.
type Settings struct {
	MaxResults int      `json:"max_results"`
	Channels   []string `json:"channels"`
}

// reloadConfig rereads the settings file and keeps it for the other tools.
func (s *Server) reloadConfig(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool reload_config mcp-go constant` `BR305: tool reload_config\b.*`
	data, err := os.ReadFile(s.cfg.ConfigPath) // want `reload_config: fs-read os\.ReadFile`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("reading settings", err), nil
	}
	var set Settings
	if err := json.Unmarshal(data, &set); err != nil {
		return mcp.NewToolResultErrorFromErr("bad settings file", err), nil
	}
	// Trap: the contents reach only the log and the server's state; a JSON syntax error is not the file.
	log.Printf("reloaded %s: %s", s.cfg.ConfigPath, data)
	s.mu.Lock()
	s.settings = set
	s.mu.Unlock()
	return mcp.NewToolResultText("settings reloaded"), nil
}

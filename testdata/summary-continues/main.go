// Command summary-continues serves a log API through a client that the
// scan's catalog calls opaque (TestSummaryContinuesThroughHelpers): what
// its methods reach comes from their summaries.
package main

import (
	"context"
	"log"

	"example.com/logsclient"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

var client = logsclient.New("https://logs.example.com")

// tailLogs reads a job's logs: the summary of Tail reaches the read Logs
// names, and the helper that sends the built request continues it.
func tailLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tail_logs mcp-go constant` `BR305: tool tail_logs is not logged with its arguments`
	out, err := client.Tail(req.GetString("job", "")) // want `tail_logs: cloud-read \(\*example\.com/logsclient\.Client\)\.Logs \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(out), nil
}

// ping asks whether the service is up: a request that no catalogued call
// built, which is network traffic of its own.
func ping(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping mcp-go constant` `BR305: tool ping is not logged with its arguments`
	if err := client.Ping(); err != nil { // want `ping: network \(\*net/http\.Client\)\.Get`
		return nil, err
	}
	return mcp.NewToolResultText("up"), nil
}

// recentLogs reads through a helper that Fetch hands a request of its own
// too: a summary is one for every caller, and keeps the network call.
func recentLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool recent_logs mcp-go constant` `BR305: tool recent_logs is not logged with its arguments`
	out, err := client.Recent(req.GetString("job", "")) // want `recent_logs: cloud-read \(\*example\.com/logsclient\.Client\)\.Logs \(tainted\)` `recent_logs: network \(\*net/http\.Client\)\.Get`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(out), nil
}

// fetchPath reads any path of the service.
func fetchPath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_path mcp-go constant` `BR305: tool fetch_path is not logged with its arguments`
	out, err := client.Fetch(req.GetString("path", "/")) // want `fetch_path: network \(\*net/http\.Client\)\.Get`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(out), nil
}

func main() {
	s := server.NewMCPServer("logs", "1.0.0") // want `agent logs server mcp-go: fetch_path, ping, recent_logs, tail_logs`
	s.AddTool(mcp.NewTool("tail_logs", mcp.WithString("job")), tailLogs)
	s.AddTool(mcp.NewTool("ping"), ping)
	s.AddTool(mcp.NewTool("recent_logs", mcp.WithString("job")), recentLogs)
	s.AddTool(mcp.NewTool("fetch_path", mcp.WithString("path")), fetchPath)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

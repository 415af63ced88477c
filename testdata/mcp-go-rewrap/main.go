// Command mcp-go-rewrap registers its tools, then reads them back from the
// server and registers each again inside a wrapper that counts its calls:
// the tools are the ones made first, with the wrapper's code as theirs, and
// the wrapper is no tool of its own.
package main

import (
	"context"
	"log"
	"os"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

var calls, failures atomic.Int64

func readFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_file mcp-go constant` `BR305: tool read_file is not logged with its arguments`
	b, err := os.ReadFile(req.GetString("path", "")) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(b)), nil
}

func hostname(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool hostname mcp-go constant`
	h, err := os.Hostname()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(h), nil
}

// countCalls wraps every registered tool's handler.
func countCalls(s *server.MCPServer) {
	var wrapped []server.ServerTool
	for _, st := range s.ListTools() {
		next := st.Handler
		wrapped = append(wrapped, server.ServerTool{
			Tool: st.Tool,
			Handler: func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
				calls.Add(1)
				res, err := next(ctx, req)
				if err != nil || (res != nil && res.IsError) {
					failures.Add(1)
				}
				return res, err
			},
		})
	}
	s.SetTools(wrapped...)
}

func main() {
	s := server.NewMCPServer("files", "1.0.0") // want `agent files server mcp-go: hostname, read_file`
	s.AddTool(mcp.NewTool("read_file", mcp.WithString("path")), readFile)
	s.AddTool(mcp.NewTool("hostname"), hostname)
	countCalls(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-go-rewrap registers its tools, then reads them back from the
// server and registers each again inside a wrapper that counts its calls:
// the tools are the ones made first, and the wrapper is no tool of its
// own. A handler that calls what reflect returns is still a tool.
package main

import (
	"context"
	"log"
	"os"
	"reflect"
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

// clock's methods are tools registered by reflection.
type clock struct{}

func (clock) Uptime(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	b, err := os.ReadFile("/proc/uptime")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// reflectTool registers obj's method as a tool: the handler calls a
// function value that reflect returns itself, not one read back from the
// server, and it is the tool.
func reflectTool(s *server.MCPServer, name string, obj any, method string) {
	m := reflect.ValueOf(obj).MethodByName(method)
	s.AddTool(mcp.NewTool(name), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool uptime mcp-go constant`
		out := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(req)})
		res, _ := out[0].Interface().(*mcp.CallToolResult)
		err, _ := out[1].Interface().(error)
		return res, err
	})
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
	s := server.NewMCPServer("files", "1.0.0") // want `agent files server mcp-go: hostname, read_file, uptime`
	s.AddTool(mcp.NewTool("read_file", mcp.WithString("path")), readFile)
	s.AddTool(mcp.NewTool("hostname"), hostname)
	reflectTool(s, "uptime", clock{}, "Uptime")
	countCalls(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-go-proxy forwards a tool call to another MCP server through
// mcp-go's client: the remote tool runs where the operator configured, and
// what it answers comes back to the model.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type proxy struct{ upstream *client.Client }

// forward calls the upstream server's tool of the same name with the
// model's arguments.
func (p *proxy) forward(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search mcp\-go constant` `BR305: tool search is not logged with its arguments`
	up := mcp.CallToolRequest{}
	up.Params.Name = "search"
	up.Params.Arguments = req.GetArguments()
	return p.upstream.CallTool(ctx, up) // want `search: network \(\*github\.com/mark3labs/mcp\-go/client\.Client\)\.CallTool \(tainted\)` `BR203: tool search returns web content fetched by \(\*github\.com/mark3labs/mcp\-go/client\.Client\)\.CallTool to the model, where it can carry instructions`
}

func main() {
	up, err := client.NewStreamableHttpClient(os.Getenv("UPSTREAM_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	p := &proxy{upstream: up}
	s := server.NewMCPServer("proxy", "1.0.0") // want `agent proxy server mcp\-go: search`
	s.AddTool(mcp.NewTool("search"), p.forward)
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

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

// relay calls the upstream tool the request names: the names are the
// upstream server's, known only at run time.
func (p *proxy) relay(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool proxy\.relay mcp-go handler` `BR305: tool proxy\.relay is not logged with its arguments`
	up := mcp.CallToolRequest{}
	up.Params.Name = req.Params.Name
	up.Params.Arguments = req.GetArguments()
	return p.upstream.CallTool(ctx, up) // want `proxy\.relay: network \(\*github\.com/mark3labs/mcp-go/client\.Client\)\.CallTool \(tainted\)` `BR203: tool proxy\.relay returns web content fetched by \(\*github\.com/mark3labs/mcp-go/client\.Client\)\.CallTool to the model, where it can carry instructions`
}

// mirror registers relay for every tool the upstream lists, at start-up.
func (p *proxy) mirror(ctx context.Context, s *server.MCPServer) error {
	list, err := p.upstream.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		return err
	}
	for _, t := range list.Tools { // want `proxy\.relay: hints read-only=unknown destructive=unknown idempotent=unknown open-world=unknown`
		s.AddTool(t, p.relay)
	}
	return nil
}

// added registers relay again for a tool an operator adds later: the same
// handler, under a name no more fixed, is one tool.
func (p *proxy) added(s *server.MCPServer, t mcp.Tool) {
	s.AddTool(t, p.relay)
}

func main() {
	up, err := client.NewStreamableHttpClient(os.Getenv("UPSTREAM_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	p := &proxy{upstream: up}
	s := server.NewMCPServer("proxy", "1.0.0") // want `agent proxy server mcp-go: proxy\.relay, search`
	s.AddTool(mcp.NewTool("search"), p.forward)
	if err := p.mirror(context.Background(), s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	p.added(s, mcp.NewTool(os.Getenv("EXTRA_TOOL")))
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

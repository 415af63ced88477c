// Command mcp-sdk-goroutines is a gateway that asks its backends for their
// tools side by side, in an errgroup's goroutines, each appending what it
// built to a slice the caller owns, and registers the slice afterwards.
// A handler made inside a goroutine's closure is a tool as much as one
// made in the caller: one per backend of the gateway's list, named by it.
package main

import (
	"context"
	"os/exec"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"golang.org/x/sync/errgroup"
)

type entry struct {
	tool    *mcp.Tool
	handler mcp.ToolHandler
}

type gateway struct {
	server   *mcp.Server
	backends []string
}

// forward runs the backend's image for one call.
func (g *gateway) forward(image string) mcp.ToolHandler {
	return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool notes:2 mcp-go-sdk constant` `tool search:1 mcp-go-sdk constant` `BR304: tool notes:2 can run processes with no rate limit` `BR305: tool notes:2 is not logged with its arguments` `BR304: tool search:1 can run processes with no rate limit` `BR305: tool search:1 is not logged with its arguments`
		out, err := exec.CommandContext(ctx, "docker", "run", "--rm", image).Output() // want `notes:2: exec os/exec\.CommandContext` `search:1: exec os/exec\.CommandContext` `BR301: tool notes:2 can run processes through os/exec\.CommandContext with no confirmation before it` `BR301: tool search:1 can run processes through os/exec\.CommandContext with no confirmation before it`
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(out)}}}, nil
	}
}

// status reports the gateway's backends.
func (g *gateway) status(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool gateway_status mcp\-go\-sdk constant`
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "ok"}}}, nil
}

func (g *gateway) collect(ctx context.Context) ([]entry, error) {
	var (
		mu  sync.Mutex
		all []entry
	)
	group, _ := errgroup.WithContext(ctx)
	for _, image := range g.backends {
		group.Go(func() error {
			e := entry{tool: &mcp.Tool{Name: image}, handler: g.forward(image)}
			mu.Lock()
			all = append(all, e)
			mu.Unlock()
			return nil
		})
	}
	if err := group.Wait(); err != nil {
		return nil, err
	}
	all = append(all, entry{tool: &mcp.Tool{Name: "gateway_status"}, handler: g.status})
	return all, nil
}

func main() {
	ctx := context.Background()
	g := &gateway{server: mcp.NewServer(&mcp.Implementation{Name: "gateway"}, nil), backends: []string{"search:1", "notes:2"}} // want `agent gateway server mcp\-go\-sdk: gateway_status, notes:2, search:1`
	entries, err := g.collect(ctx)
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		g.server.AddTool(e.tool, e.handler)
	}
	_ = g.server.Run(ctx, &mcp.StdioTransport{})
}

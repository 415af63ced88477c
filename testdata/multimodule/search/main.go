// Command search is the other module of the repository.
package main

import (
	"context"
	"io"
	"log"
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("search", "1.0.0") // want `BR403: agent search: fetch_page returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_page sends data where the model says \(net/http\.NewRequestWithContext\);.*` `agent search server mcp\-go: fetch_page`
	s.AddTool(mcp.NewTool("fetch_page", mcp.WithString("url")), fetchPage)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func fetchPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_page mcp-go constant` `BR305: tool fetch_page\b.*`
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, req.GetString("url", ""), nil) // want `BR103: tool fetch_page\b.*net/http\.NewRequestWithContext`
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(r) // want `fetch_page: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_page\b.*\(\*net/http\.Client\)\.Do.*`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

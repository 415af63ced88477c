// Command dependency-config serves two tools over a local library that
// reads the environment and files: where only the library's configuration
// decides what it reads and nothing of it reaches the model, the reads are
// its own; where the model names what is read, or sees it, they are the
// tool's.
package main

import (
	"context"
	"net/http"
	"os"
	"strings"
	"time"

	"example.com/settings"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("dependency-config", "1.0.0") // want `agent dependency\-config server mcp\-go: define, ping, search, secure_ping, show_banner, show_var`
	s.AddTool(mcp.NewTool("ping"), ping)
	s.AddTool(mcp.NewTool("secure_ping"), securePing)
	s.AddTool(mcp.NewTool("search", mcp.WithString("query", mcp.Required())), (&searcher{}).search)
	s.AddTool(mcp.NewTool("show_banner"), showBanner)
	s.AddTool(mcp.NewTool("show_var", mcp.WithString("name", mcp.Required())), showVar)
	s.AddTool(mcp.NewTool("define", mcp.WithString("word", mcp.Required())), define)
	_ = server.ServeStdio(s)
}

// ping checks that the status service answers. The library reads its
// address from the environment under a name of its own: configuration, not
// env; the model sees only whether it answered.
func ping(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping mcp-go constant` `BR305: tool ping\b.*`
	ep := settings.Load("STATUS")
	resp, err := http.Get(ep.URL) // want `ping: network net/http\.Get`
	if err != nil {
		return mcp.NewToolResultText("down"), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText("up"), nil
}

// showVar returns the variable the model names: the library reads it, and
// the model chooses which.
func showVar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_var mcp-go constant` `BR305: tool show_var\b.*`
	return mcp.NewToolResultText(settings.Var(req.GetString("name", ""))), nil
}

// define looks the model's word up in a glossary: the model's word goes
// into the library's call and its answer comes back, but the variable the
// library reads on the way is its own, by a name the model cannot change,
// and its value reaches nothing the model sees. No env.
func define(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool define mcp-go constant`
	glossary := map[string]string{"mcp": "Model Context Protocol"}
	return mcp.NewToolResultText(settings.Lookup(glossary, req.GetString("word", ""))), nil
}

// securePing is ping over TLS: the library reads the certificate authority
// that its configuration names, a file that neither the model chooses nor
// sees. No fs-read.
func securePing(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool secure_ping mcp-go constant` `BR305: tool secure_ping\b.*`
	client, err := settings.Client("STATUS")
	if err != nil {
		return mcp.NewToolResultText("misconfigured"), nil
	}
	resp, err := client.Get("https://status.example.com/") // want `secure_ping: network \(\*net/http\.Client\)\.Get`
	if err != nil {
		return mcp.NewToolResultText("down"), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText("up"), nil
}

// showBanner hands the model the file that the library's configuration
// names: the model does not choose it, but it reads it.
func showBanner(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_banner mcp-go constant` `BR305: tool show_banner\b.*`
	return mcp.NewToolResultText(settings.Banner("MOTD")), nil
}

// Index answers searches; a plugin that the program loads provides it.
type Index interface {
	Search(ctx context.Context, query string) ([]string, error)
}

type searcher struct{ index Index }

// search gives the index as long as the operator's SEARCH_TIMEOUT allows:
// a deadline is no data, and what the index answers under it is not the
// setting. No env.
func (s *searcher) search(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search mcp-go constant`
	timeout, err := time.ParseDuration(os.Getenv("SEARCH_TIMEOUT"))
	if err != nil {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hits, err := s.index.Search(ctx, req.GetString("query", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(strings.Join(hits, "\n")), nil
}

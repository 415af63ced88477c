// Command mcp-sdk-hidden-fields is an MCP server built with the official
// modelcontextprotocol/go-sdk whose typed inputs carry fields tagged
// `json:"-"`: the SDK decodes the model's arguments with encoding/json,
// which never sets them, so they hold only what the program puts there.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/exec"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// OpenInput is a page to show; Browser is the program's, never the model's.
type OpenInput struct {
	Page    string `json:"page"`
	Browser string `json:"-"`
}

// FetchInput is a host to ask; Target is filled by the program from it.
type FetchInput struct {
	Host   string `json:"host"`
	Target string `json:"-"`
}

// openDocs runs the configured browser on a fixed page: whatever JSON the
// model sends, Browser is the operator's.
func openDocs(ctx context.Context, req *mcp.CallToolRequest, in OpenInput) (*mcp.CallToolResult, any, error) { // want `tool open_docs mcp-go-sdk constant` `BR304: tool open_docs can run processes with no rate limit` `BR305: tool open_docs is not logged with its arguments`
	if in.Browser == "" {
		in.Browser = os.Getenv("DOCS_BROWSER")
	}
	return nil, nil, exec.Command(in.Browser, "https://docs.example.com/").Run() // want `open_docs: exec os/exec\.Command` `BR301: tool open_docs can run processes through os/exec\.Command with no confirmation before it`
}

// fetchStatus puts the model's host in the hidden field itself: the field
// holds the model's data because the program stored it there.
func fetchStatus(ctx context.Context, req *mcp.CallToolRequest, in FetchInput) (*mcp.CallToolResult, any, error) { // want `tool fetch_status mcp-go-sdk constant` `BR305: tool fetch_status is not logged with its arguments`
	in.Target = "https://" + in.Host + "/status"
	resp, err := http.Get(in.Target) // want `fetch_status: network net/http\.Get \(tainted\)` `BR103: tool fetch_status: model-controlled input reaches the URL or address of net/http\.Get`
	if err != nil {
		return nil, nil, err
	}
	resp.Body.Close()
	return nil, nil, nil
}

// openPage gives the browser the page the model names: a field the JSON
// sets.
func openPage(ctx context.Context, req *mcp.CallToolRequest, in OpenInput) (*mcp.CallToolResult, any, error) { // want `tool open_page mcp-go-sdk constant` `BR304: tool open_page can run processes with no rate limit` `BR305: tool open_page is not logged with its arguments`
	return nil, nil, exec.Command("xdg-open", in.Page).Run() // want `open_page: exec os/exec\.Command \(tainted\)` `BR101: tool open_page: model-controlled input reaches the arguments of os/exec\.Command, which runs xdg-open` `BR301: tool open_page can run processes through os/exec\.Command with no confirmation before it`
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "hidden"}, nil) // want `agent hidden server mcp-go-sdk: fetch_status, open_docs, open_page`
	mcp.AddTool(s, &mcp.Tool{Name: "open_docs"}, openDocs)
	mcp.AddTool(s, &mcp.Tool{Name: "fetch_status"}, fetchStatus)
	mcp.AddTool(s, &mcp.Tool{Name: "open_page"}, openPage)
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

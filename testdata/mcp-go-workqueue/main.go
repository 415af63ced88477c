// Command mcp-go-workqueue is an MCP server whose tools make their calls
// one at a time: each call is a function put on a queue that one worker
// goroutine, started with the server, runs in turn. What the queued
// function does is the tool's: fetch_page fetches, purge_cache removes,
// and neither gets the other's capability through the shared queue.
package main

import (
	"context"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// serial runs the functions it is given one at a time.
type serial struct {
	queue chan func()
}

func newSerial() *serial {
	l := &serial{queue: make(chan func(), 16)}
	go l.work()
	return l
}

func (l *serial) work() {
	for fn := range l.queue {
		fn()
	}
}

// do queues fn and waits for its result.
func (l *serial) do(fn func() error) error {
	done := make(chan error, 1)
	l.queue <- func() { done <- fn() }
	return <-done
}

var (
	one      = newSerial()
	cacheDir = "/var/cache/pages"
)

func fetchPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_page mcp-go constant` `BR305: tool fetch_page is not logged with its arguments`
	url := req.GetString("url", "")
	var body []byte
	err := one.do(func() error {
		resp, err := http.Get(url) // want `fetch_page: network net/http\.Get \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.Get` `BR203: tool fetch_page returns web content fetched by net/http\.Get to the model, where it can carry instructions`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err = io.ReadAll(resp.Body)
		return err
	})
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(body)), nil
}

func purgeCache(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge_cache mcp-go constant` `BR304: tool purge_cache can write files with no rate limit` `BR305: tool purge_cache is not logged with its arguments`
	if err := one.do(func() error { return os.RemoveAll(cacheDir) }); err != nil { // want `purge_cache: fs-write os\.RemoveAll` `BR301: tool purge_cache can write files through os\.RemoveAll with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("purged"), nil
}

func main() {
	s := server.NewMCPServer("pages", "1.0.0") // want `agent pages server mcp-go: fetch_page, purge_cache` `BR403: agent pages: fetch_page returns untrusted content \(net/http\.Get\), fetch_page sends data where the model says \(net/http\.Get\); an instructi.*`
	s.AddTool(mcp.NewTool("fetch_page", mcp.WithString("url", mcp.Required())), fetchPage)
	s.AddTool(mcp.NewTool("purge_cache"), purgeCache)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

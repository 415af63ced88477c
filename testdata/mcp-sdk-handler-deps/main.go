// Command mcp-sdk-handler-deps is an MCP server built with the official
// modelcontextprotocol/go-sdk whose handlers are made by factories that
// take their dependencies in a struct of functions (a clock, a resolver,
// a runner, a probe), so that tests can replace them. The closure a
// factory returns is the tool's handler; the functions in the struct are
// services it calls, not layers around it.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// StatsArgs names a service and a window.
type StatsArgs struct {
	Service string `json:"service"`
	Minutes int    `json:"minutes"`
}

// statsDeps are the services a stats handler uses.
type statsDeps struct {
	now     func() time.Time
	resolve func(base, service string) (string, error)
	run     func(ctx context.Context, url string) (string, error)
	hasData func(ctx context.Context, args StatsArgs) (bool, error)
}

func resolveURL(base, service string) (string, error) {
	return base + "/stats/" + service, nil
}

func runQuery(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `service_stats: network \(\*net/http\.Client\)\.Do` `BR203: tool service_stats returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func alwaysData(ctx context.Context, args StatsArgs) (bool, error) { return args.Service != "", nil }

// NewStats builds the stats handler with its real dependencies.
func NewStats(base string) mcp.ToolHandlerFor[StatsArgs, any] {
	return newStats(base, statsDeps{
		now:     func() time.Time { return time.Now().UTC() },
		resolve: resolveURL,
		run:     runQuery,
		hasData: alwaysData,
	})
}

func newStats(base string, deps statsDeps) mcp.ToolHandlerFor[StatsArgs, any] {
	return func(ctx context.Context, _ *mcp.CallToolRequest, args StatsArgs) (*mcp.CallToolResult, any, error) { // want `tool service_stats mcp-go-sdk constant` `BR305: tool service_stats is not logged with its arguments`
		ok, err := deps.hasData(ctx, args)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "no data"}}}, nil, nil
		}
		url, err := deps.resolve(base, args.Service)
		if err != nil {
			return nil, nil, err
		}
		out, err := deps.run(ctx, fmt.Sprintf("%s?since=%s", url, deps.now().Add(-time.Duration(args.Minutes)*time.Minute).Format(time.RFC3339)))
		if err != nil {
			return nil, nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out}}}, nil, nil
	}
}

// NoteArgs names a note.
type NoteArgs struct {
	Name string `json:"name"`
}

// readNote is a plain handler beside them.
func readNote(ctx context.Context, _ *mcp.CallToolRequest, a NoteArgs) (*mcp.CallToolResult, any, error) { // want `tool read_note mcp-go-sdk constant` `BR305: tool read_note is not logged with its arguments`
	b, err := os.ReadFile("/srv/notes/" + a.Name) // want `read_note: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil, nil
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "stats"}, nil) // want `agent stats server mcp-go-sdk: read_note, service_stats`
	mcp.AddTool(s, &mcp.Tool{Name: "service_stats"}, NewStats("https://metrics.internal"))
	mcp.AddTool(s, &mcp.Tool{Name: "read_note"}, readNote)
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

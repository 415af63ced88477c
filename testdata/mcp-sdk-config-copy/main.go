// Command mcp-sdk-config-copy is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tools copy the server's configuration
// and override one field of the copy with the model's choice before
// handing it, by value, to the code that sends the request. Only the
// field the model set is the model's: a region sent in a header leaves
// the configured base URL the operator's; a host put in the base URL
// makes the URL the model's.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Config is the server's configuration.
type Config struct {
	BaseURL string
	Region  string
}

// SeriesInput is what the model chooses.
type SeriesInput struct {
	Region string `json:"region"`
	Host   string `json:"host"`
}

// fetchSeries sends the request the configuration describes.
func fetchSeries(ctx context.Context, cfg Config) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.BaseURL+"/series", nil) // want `BR103: tool series_at_host: model-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return err
	}
	req.Header.Set("X-Region", cfg.Region)
	resp, err := http.DefaultClient.Do(req) // want `series_at_host: network \(\*net/http\.Client\)\.Do \(tainted\)` `series_in_region: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func main() {
	cfg := Config{BaseURL: os.Getenv("SERIES_URL"), Region: "eu"}
	s := mcp.NewServer(&mcp.Implementation{Name: "series"}, nil) // want `agent series server mcp-go-sdk: series_at_host, series_in_region`

	mcp.AddTool(s, &mcp.Tool{Name: "series_in_region"}, func(ctx context.Context, req *mcp.CallToolRequest, in SeriesInput) (*mcp.CallToolResult, any, error) { // want `tool series_in_region mcp-go-sdk constant` `BR305: tool series_in_region is not logged with its arguments`
		regional := cfg
		regional.Region = in.Region
		return nil, nil, fetchSeries(ctx, regional)
	})
	mcp.AddTool(s, &mcp.Tool{Name: "series_at_host"}, func(ctx context.Context, req *mcp.CallToolRequest, in SeriesInput) (*mcp.CallToolResult, any, error) { // want `tool series_at_host mcp-go-sdk constant` `BR305: tool series_at_host is not logged with its arguments`
		elsewhere := cfg
		elsewhere.BaseURL = "https://" + in.Host
		return nil, nil, fetchSeries(ctx, elsewhere)
	})
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/anthropics/anthropic-sdk-go"
)

// webTool handles the web tools with an if-chain on the name that the
// content block union exposes directly. It reports whether it handled the
// block.
func (a *agent) webTool(ctx context.Context, block anthropic.ContentBlockUnion) (string, bool) { // want `agent \(\*main\.agent\)\.webTool dispatcher anthropic: fetch_url, read_env` `BR401: agent \(\*main\.agent\)\.webTool: read_env returns private data \(os\.Getenv\), fetch_url returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_url sends data where the model says \(net/http\.NewRequestWithContext\);.*`
	var in input
	_ = json.Unmarshal(block.Input, &in)
	if block.Name == "fetch_url" { // want `tool fetch_url anthropic constant` `BR305: tool fetch_url\b.*`
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL, nil) // want `BR103: tool fetch_url\b.*net/http\.NewRequestWithContext`
		if err != nil {
			return err.Error(), true
		}
		resp, err := http.DefaultClient.Do(req) // want `fetch_url: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_url returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
		if err != nil {
			return err.Error(), true
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body), true
	} else if block.Name == "read_env" { // want `tool read_env anthropic constant` `BR305: tool read_env\b.*`
		return os.Getenv(in.Path), true // want `read_env: env os\.Getenv \(tainted\)` `BR201: tool read_env returns a secret read by os\.Getenv to the model`
	}
	return "", false
}

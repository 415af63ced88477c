package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// docHosts are the hosts fetch_doc may read from.
var docHosts = map[string]bool{"pkg.go.dev": true, "go.dev": true}

// parseDocURL returns the parsed URL, or an error unless it is https on
// one of docHosts.
func parseDocURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "https" || !docHosts[u.Hostname()] {
		return nil, fmt.Errorf("%s is not a documentation host", u.Host)
	}
	return u, nil
}

func (w *workspace) fetchDoc(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_doc mcp-go constant` `BR305: tool fetch_doc is not logged with its arguments`
	u, err := parseDocURL(req.GetString("url", ""))
	if err != nil { // want `fetch_doc: guard allowlist example\.com/mcp-go-confine\.parseDocURL for network \(\*net/http\.Client\)\.Get`
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp, err := w.client.Get(u.String()) // want `fetch_doc: network \(\*net/http\.Client\)\.Get` `BR203: tool fetch_doc returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return mcp.NewToolResultText(string(body)), nil
}

// fetchStatus checks the scheme the model gives, then joins it with the
// host the model gives too: the check says nothing of the host.
func (w *workspace) fetchStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_status mcp-go constant` `BR305: tool fetch_status is not logged with its arguments`
	scheme := req.GetString("scheme", "")
	if scheme != "https" {
		return mcp.NewToolResultError("https only"), nil
	}
	resp, err := w.client.Get(scheme + "://" + req.GetString("host", "") + "/status") // want `fetch_status: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch_status: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText(strconv.Itoa(resp.StatusCode)), nil
}

// endpoint is where fetch_endpoint sends its request, both parts the
// model's.
type endpoint struct{ Scheme, Addr string }

// fetchEndpoint checks the endpoint's scheme field, then joins it with its
// address field: the check says nothing of the address.
func (w *workspace) fetchEndpoint(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_endpoint mcp-go constant` `BR305: tool fetch_endpoint is not logged with its arguments`
	ep := &endpoint{Scheme: req.GetString("scheme", ""), Addr: req.GetString("addr", "")}
	if ep.Scheme != "https" {
		return mcp.NewToolResultError("https only"), nil
	}
	resp, err := w.client.Get(ep.Scheme + "://" + ep.Addr) // want `fetch_endpoint: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch_endpoint: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText(strconv.Itoa(resp.StatusCode)), nil
}

// fetchAny checks only that the URL starts with https://go.dev, which
// https://go.dev.attacker.example also does.
func (w *workspace) fetchAny(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_any mcp-go constant` `BR305: tool fetch_any is not logged with its arguments`
	raw := req.GetString("url", "")
	if !strings.HasPrefix(raw, "https://go.dev") {
		return mcp.NewToolResultError("only go.dev"), nil
	}
	resp, err := w.client.Get(raw) // want `fetch_any: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch_any: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get` `BR203: tool fetch_any returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return mcp.NewToolResultText(string(body)), nil
}

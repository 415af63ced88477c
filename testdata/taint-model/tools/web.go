package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// fetchJob is one page download: where from and how much to keep.
type fetchJob struct {
	URL      string
	MaxBytes int64
}

// run downloads the page. Nothing checks where URL points: the model can
// reach the cloud metadata service or any internal host.
func (j fetchJob) run() (string, error) {
	resp, err := http.Get(j.URL) // want `fetch_url: network net/http\.Get \(tainted\)` `BR103: tool fetch_url\b.*net/http\.Get` `BR203: tool fetch_url\b.*net/http\.Get.*` `compare_status: network net/http\.Get \(tainted\)` `BR103: tool compare_status: model-controlled input reaches the URL or address of net/http\.Get`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, j.MaxBytes))
	if err != nil {
		return "", err
	}
	return string(body), nil
}

// fetchURL passes the model's URL through a job struct and its method.
func (s *Server) fetchURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_url mcp-go constant` `BR305: tool fetch_url\b.*`
	raw, err := req.RequireString("url")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	job := fetchJob{URL: raw, MaxBytes: 256 << 10}
	page, err := job.run()
	if err != nil {
		return mcp.NewToolResultErrorFromErr("fetch failed", err), nil
	}
	return mcp.NewToolResultText(page), nil
}

// checkLinks sends a HEAD request to every URL of the model's list.
func (s *Server) checkLinks(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool check_links mcp-go constant` `BR305: tool check_links\b.*`
	urls, err := req.RequireStringSlice("urls")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	var lines []string
	for _, u := range urls {
		resp, err := s.client.Head(u) // want `check_links: network \(\*net/http\.Client\)\.Head \(tainted\)` `BR103: tool check_links\b.*\(\*net/http\.Client\)\.Head`
		if err != nil {
			lines = append(lines, u+": unreachable")
			continue
		}
		resp.Body.Close()
		// Trap: only the status code goes back to the model, not the page (no BR203).
		lines = append(lines, fmt.Sprintf("%s: %d", u, resp.StatusCode))
	}
	return mcp.NewToolResultText(strings.Join(lines, "\n")), nil
}

// oncallWebhook is the pager's incoming webhook.
const oncallWebhook = "https://hooks.pager.example.com/v1/services/helpdesk/events"

// notifyOncall posts the model's message to the pager.
func (s *Server) notifyOncall(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool notify_oncall mcp-go constant` `BR305: tool notify_oncall\b.*`
	msg, err := req.RequireString("message")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	payload, err := json.Marshal(map[string]string{"summary": msg, "source": "helpdesk-assistant", "severity": "warning"})
	if err != nil {
		return nil, err
	}
	// Trap: the URL is a constant; the model only writes the body.
	resp, err := http.Post(oncallWebhook, "application/json", bytes.NewReader(payload)) // want `notify_oncall: network net/http\.Post`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("paging failed", err), nil
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return mcp.NewToolResultError("the pager rejected the event"), nil
	}
	return mcp.NewToolResultText("on-call paged"), nil
}

// statusHost serves the internal health endpoints.
const statusHost = "status.internal.example.com"

// serviceHealth requests a health endpoint the model names, on the status
// host only.
func (s *Server) serviceHealth(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool service_health mcp-go constant` `BR305: tool service_health\b.*`
	raw, err := req.RequireString("url")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return mcp.NewToolResultErrorFromErr("bad url", err), nil
	}
	// Trap: the parsed host must be the status host, so the request cannot go anywhere else.
	if u.Scheme != "https" || u.Host != statusHost { // want `service_health: guard allowlist comparison for network \(\*net/http\.Client\)\.Get`
		return mcp.NewToolResultErrorf("only https://%s/ may be checked", statusHost), nil
	}
	// Only the path on the status host is the model's: not tainted.
	resp, err := s.client.Get(u.String()) // want `service_health: network \(\*net/http\.Client\)\.Get`
	if err != nil {
		return mcp.NewToolResultText(u.Path + " is down"), nil
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return mcp.NewToolResultText(u.Path + " is up"), nil
	}
	return mcp.NewToolResultText(u.Path + " is degraded"), nil
}

// probeEndpoint checks that the model's URL answers. Only its scheme is
// checked: the host, an internal address or the cloud's metadata service,
// is still the model's.
func (s *Server) probeEndpoint(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool probe_endpoint mcp-go constant` `BR305: tool probe_endpoint\b.*`
	raw, err := req.RequireString("url")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return mcp.NewToolResultError("only http and https URLs"), nil
	}
	resp, err := s.client.Head(raw) // want `probe_endpoint: network \(\*net/http\.Client\)\.Head \(tainted\)` `BR103: tool probe_endpoint\b.*`
	if err != nil {
		return mcp.NewToolResultText("unreachable"), nil
	}
	resp.Body.Close()
	if resp.StatusCode >= 400 {
		return mcp.NewToolResultText("failing"), nil
	}
	return mcp.NewToolResultText("up"), nil
}

// compareStatus reads the service's own status page, then the page at the
// model's URL: the same sink twice, once the server's and once the
// model's. The capability is the model's, and is shown at the model's call.
func (s *Server) compareStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool compare_status mcp-go constant` `BR305: tool compare_status is not logged with its arguments`
	own, err := http.Get("https://status.example.com/api/summary") // want `BR203: tool compare_status returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("status failed", err), nil
	}
	own.Body.Close()
	theirs, err := fetchJob{URL: req.GetString("url", ""), MaxBytes: 64 << 10}.run()
	if err != nil {
		return mcp.NewToolResultErrorFromErr("fetch failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("ours: %s; theirs: %d bytes", own.Status, len(theirs))), nil
}

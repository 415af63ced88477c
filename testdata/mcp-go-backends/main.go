// Command mcp-go-backends queries metrics through a backend that a factory
// picks by the datasource's kind and returns as an interface: the backend
// it builds holds the model's project next to the configured base URL, and
// only what the model gave is the model's, field by field.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// backend runs a query against one kind of datasource.
type backend interface {
	Query(ctx context.Context, expr string) (string, error)
}

// cloudBackend sends queries to the configured server, for a project.
type cloudBackend struct {
	client  *http.Client
	baseURL string // configured
	project string // the model's, or the datasource's default
}

func newCloudBackend(project string) (*cloudBackend, error) {
	if project == "" {
		project = "default"
	}
	client, err := tlsClient(os.Getenv("METRICS_CA"))
	if err != nil {
		return nil, err
	}
	return &cloudBackend{client: client, baseURL: os.Getenv("METRICS_URL"), project: project}, nil
}

// tlsClient trusts the configured CA: the file configures the client, and
// what the server answers is not the file.
func tlsClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("no certificate in " + caFile)
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}, nil
}

func (b *cloudBackend) Query(ctx context.Context, expr string) (string, error) {
	return post(ctx, b.client, b.baseURL+"/api/query", `{"project":"`+b.project+`","expr":"`+expr+`"}`)
}

// remoteBackend sends queries to a server the model names.
type remoteBackend struct {
	client  *http.Client
	baseURL string
}

func (b *remoteBackend) Query(ctx context.Context, expr string) (string, error) {
	return post(ctx, b.client, b.baseURL+"/api/query", `{"expr":"`+expr+`"}`)
}

// backendFor picks the backend: its result is an interface holding the
// pointer each constructor returns.
func backendFor(kind, project, server string) (backend, error) {
	switch kind {
	case "cloud":
		return newCloudBackend(project)
	case "remote":
		return &remoteBackend{client: http.DefaultClient, baseURL: server}, nil
	}
	return nil, fmt.Errorf("unknown datasource kind %q", kind)
}

func post(ctx context.Context, client *http.Client, url, body string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body)) // want `BR103: tool query_remote: model\-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req) // want `query_metrics: network \(\*net/http\.Client\)\.Do` `query_remote: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool query_metrics returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions` `BR203: tool query_remote returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// queryMetrics queries the configured server for the model's project:
// the project goes after the host, and the base URL is not the model's.
func queryMetrics(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_metrics mcp\-go constant` `BR305: tool query_metrics is not logged with its arguments`
	b, err := backendFor("cloud", req.GetString("project", ""), "")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := b.Query(ctx, req.GetString("expr", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

// queryRemote queries the server the model names.
func queryRemote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_remote mcp\-go constant` `BR305: tool query_remote is not logged with its arguments`
	b, err := backendFor("remote", "", req.GetString("server", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := b.Query(ctx, req.GetString("expr", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

// apiRequest sends the model's endpoint to the configured server, once it
// has checked that the endpoint is a path: the request goes to that server.
func apiRequest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool api_request mcp\-go constant` `BR305: tool api_request is not logged with its arguments`
	endpoint := req.GetString("endpoint", "")
	if !strings.HasPrefix(endpoint, "/") {
		return mcp.NewToolResultError("the endpoint must be a path"), nil
	}
	status, err := send(ctx, os.Getenv("API_URL")+endpoint)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(status), nil
}

// apiRequestUnchecked does the same without the check: "@attacker.example"
// makes the configured URL the user part of another host's.
func apiRequestUnchecked(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool api_request_unchecked mcp\-go constant` `BR305: tool api_request_unchecked is not logged with its arguments`
	status, err := send(ctx, os.Getenv("API_URL")+req.GetString("endpoint", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(status), nil
}

// send sends a GET and returns the status.
func send(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil) // want `BR103: tool api_request_unchecked: model\-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `api_request: network \(\*net/http\.Client\)\.Do` `api_request_unchecked: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool api_request returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions` `BR203: tool api_request_unchecked returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return resp.Status, nil
}

func main() {
	srv := server.NewMCPServer("backends", "1.0.0") // want `agent backends server mcp\-go: api_request, api_request_unchecked, query_metrics, query_remote` `BR403: agent backends: api_request returns untrusted content \(\(\*net/http\.Client\)\.Do\), api_request_unchecked sends data where the model says \(net/http\.NewRequestWithContext\); an instruction in the untrusted content can make the model send out what it holds`
	srv.AddTool(mcp.NewTool("query_metrics", mcp.WithString("project"), mcp.WithString("expr")), queryMetrics)
	srv.AddTool(mcp.NewTool("query_remote", mcp.WithString("server"), mcp.WithString("expr")), queryRemote)
	srv.AddTool(mcp.NewTool("api_request", mcp.WithString("endpoint")), apiRequest)
	srv.AddTool(mcp.NewTool("api_request_unchecked", mcp.WithString("endpoint")), apiRequestUnchecked)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/mark3labs/mcp-go/mcp"
)

// registryBase is the package registry every lookup goes to.
const registryBase = "https://registry.example.com"

// callRegistry sends a GET for uri, a path under the registry's API
// version: whatever uri holds, the request goes to the registry.
func (w *workspace) callRegistry(ctx context.Context, version, uri string) (int, error) {
	u, err := url.Parse(fmt.Sprintf("%s/%s/%s", registryBase, version, uri))
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, err
	}
	resp, err := w.client.Do(req) // want `module_info: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func status(code int, err error) (*mcp.CallToolResult, error) {
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(code)), nil
}

// moduleInfo puts the model's module path in the path of a registry URL.
func (w *workspace) moduleInfo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool module_info mcp-go constant` `BR305: tool module_info is not logged with its arguments`
	name := req.GetString("module", "")
	return status(w.callRegistry(ctx, "v1", "modules/"+name))
}

// packageVersions concatenates the model's name after a constant host.
func (w *workspace) packageVersions(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool package_versions mcp-go constant` `BR305: tool package_versions is not logged with its arguments`
	resp, err := w.client.Get("https://proxy.example.com/" + req.GetString("module", "") + "/@v/list") // want `package_versions: network \(\*net/http\.Client\)\.Get` `BR203: tool package_versions returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp.Body.Close()
	return mcp.NewToolResultText(resp.Status), nil
}

// searchDocs puts the model's query, encoded, in the query of the
// configured documentation URL.
func (w *workspace) searchDocs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_docs mcp-go constant` `BR305: tool search_docs is not logged with its arguments`
	q := url.Values{"q": {req.GetString("query", "")}}
	return status(w.head(w.docs + "?" + q.Encode()))
}

// docPage puts the model's page in the path of a URL with a fixed host.
func (w *workspace) docPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool doc_page mcp-go constant` `BR305: tool doc_page is not logged with its arguments`
	u := url.URL{Scheme: "https", Host: "docs.example.com"}
	u.Path = req.GetString("page", "")
	return status(w.head(u.String()))
}

// joinedPage joins the model's page to the configured documentation URL.
func (w *workspace) joinedPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool joined_page mcp-go constant` `BR305: tool joined_page is not logged with its arguments`
	page, err := url.JoinPath(w.docs, req.GetString("page", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return status(w.head(page))
}

func (w *workspace) head(page string) (int, error) {
	resp, err := w.client.Head(page) // want `api_get: network \(\*net/http\.Client\)\.Head \(tainted\)` `doc_page: network \(\*net/http\.Client\)\.Head` `joined_page: network \(\*net/http\.Client\)\.Head` `mirror_status: network \(\*net/http\.Client\)\.Head \(tainted\)` `proxy_get: network \(\*net/http\.Client\)\.Head \(tainted\)` `search_docs: network \(\*net/http\.Client\)\.Head` `BR103: tool api_get: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Head` `BR103: tool mirror_status: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Head` `BR103: tool proxy_get: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Head` `mirror_path: network \(\*net/http\.Client\)\.Head \(tainted\)` `BR103: tool mirror_path: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Head`
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// mirrorStatus lets the model pick the host: a prefix that does not end
// the host confines nothing.
func (w *workspace) mirrorStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool mirror_status mcp-go constant` `BR305: tool mirror_status is not logged with its arguments`
	return status(w.head(fmt.Sprintf("https://%s/status", req.GetString("mirror", ""))))
}

// proxyGet lets the model pick the host and the port, then the path.
func (w *workspace) proxyGet(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool proxy_get mcp-go constant` `BR305: tool proxy_get is not logged with its arguments`
	target := "http://" + req.GetString("host", "") + ":8080/" + req.GetString("path", "")
	return status(w.head(target))
}

// apiGet takes the base URL from the model: the path after it is fixed,
// the host is not.
func (w *workspace) apiGet(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool api_get mcp-go constant` `BR305: tool api_get is not logged with its arguments`
	return status(w.head(fmt.Sprintf("%s/api/%s", req.GetString("base", ""), req.GetString("id", ""))))
}

// mirrorPath puts the model's mirror first in the URL by an explicit
// argument index, though it is the format's last operand.
func (w *workspace) mirrorPath(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool mirror_path mcp-go constant` `BR305: tool mirror_path is not logged with its arguments`
	return status(w.head(fmt.Sprintf("https://%[2]s/%[1]s", "index.html", req.GetString("mirror", ""))))
}

// Command api-client is an MCP server whose tools call a platform's API
// through its Go client library (cloudapi, a dependency): each tool's
// network call is the operation the library fixes for it, a read or a
// change, however the library builds it: a helper given the method, a
// builder that keeps it in a field, options that override a default GET,
// a host in a format, an endpoint behind an interface. The library's Fetch
// and PostJSON, and its generic request (R().Delete(url)), send a request
// to the URL their caller gives, and the server's own webhook client
// builds its requests itself: those stay network, and the model's when the
// URL handed to the library is the model's (fetch_page, get_url, download:
// the library's request goes where the model says). rpcapi's client only
// GETs and POSTs, as a client of procedures does (a search, a model, a
// metrics query): its methods say nothing of what a call does, and its
// calls stay network.
package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"example.com/cloudapi"
	"example.com/rpcapi"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type tools struct {
	api    *cloudapi.Client
	search *rpcapi.Client
	hook   *webhooks
	status string
}

func main() {
	t := &tools{api: cloudapi.New(), search: rpcapi.New(), hook: &webhooks{base: os.Getenv("HOOKS_URL"), http: &http.Client{}}, status: os.Getenv("STATUS_URL")}
	s := server.NewMCPServer("cloud", "1.0.0") // want `agent cloud server mcp-go: attach_volume, create_server, delete_server, delete_volume, download, fetch_doc_page, fetch_docs, fetch_page, get_server, get_url, inspect_server, list_servers, list_volumes, metric_series, notify, open_console, purge_hooks, query_volumes, rebuild_server, remove_hook, search_docs, search_servers, service_status, snapshot_server, status_page`
	s.AddTool(mcp.NewTool("get_server", mcp.WithString("id")), t.getServer)
	s.AddTool(mcp.NewTool("create_server", mcp.WithString("name")), t.createServer)
	s.AddTool(mcp.NewTool("list_servers", mcp.WithString("prefix")), t.listServers)
	s.AddTool(mcp.NewTool("inspect_server", mcp.WithString("id")), t.inspectServer)
	s.AddTool(mcp.NewTool("delete_server", mcp.WithString("id")), t.deleteServer)
	s.AddTool(mcp.NewTool("snapshot_server", mcp.WithString("id")), t.snapshotServer)
	s.AddTool(mcp.NewTool("rebuild_server", mcp.WithString("id")), t.rebuildServer)
	s.AddTool(mcp.NewTool("status_page"), t.statusPage)
	s.AddTool(mcp.NewTool("notify", mcp.WithString("text")), t.notify)
	s.AddTool(mcp.NewTool("remove_hook", mcp.WithString("id")), t.removeHook)
	s.AddTool(mcp.NewTool("purge_hooks"), t.purgeHooks)
	s.AddTool(mcp.NewTool("list_volumes"), t.listVolumes)
	s.AddTool(mcp.NewTool("delete_volume", mcp.WithString("id")), t.deleteVolume)
	s.AddTool(mcp.NewTool("open_console", mcp.WithString("id")), t.openConsole)
	s.AddTool(mcp.NewTool("metric_series", mcp.WithString("name")), t.metricSeries)
	s.AddTool(mcp.NewTool("search_docs", mcp.WithString("query")), t.searchDocs)
	s.AddTool(mcp.NewTool("service_status"), t.serviceStatus)
	s.AddTool(mcp.NewTool("search_servers", mcp.WithString("query")), t.searchServers)
	s.AddTool(mcp.NewTool("query_volumes"), t.queryVolumes)
	s.AddTool(mcp.NewTool("attach_volume", mcp.WithString("id")), t.attachVolume)
	s.AddTool(mcp.NewTool("fetch_page", mcp.WithString("url")), t.fetchPage)
	s.AddTool(mcp.NewTool("get_url", mcp.WithString("url")), t.getURL)
	s.AddTool(mcp.NewTool("download", mcp.WithString("url")), t.download)
	s.AddTool(mcp.NewTool("fetch_docs", mcp.WithString("url")), t.fetchDocs)
	s.AddTool(mcp.NewTool("fetch_doc_page", mcp.WithString("page")), t.fetchDocPage)
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

func (t *tools) getServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_server mcp-go constant` `BR305: tool get_server is not logged with its arguments`
	srv, err := t.api.Servers.Get(ctx, req.GetString("id", "")) // want `get_server: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(srv.Name), nil
}

func (t *tools) listServers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_servers mcp-go constant` `BR305: tool list_servers is not logged with its arguments`
	names, err := t.api.Servers.List(ctx, req.GetString("prefix", "")) // want `list_servers: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

// inspectServer lists the servers first, a read the model has no say in,
// then reads the one the model names: the model chooses what the tool
// reads, through the second call.
func (t *tools) inspectServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool inspect_server mcp-go constant` `BR305: tool inspect_server is not logged with its arguments`
	all, err := t.api.Servers.All(ctx)
	if err != nil {
		return nil, err
	}
	srv, err := t.api.Servers.Get(ctx, req.GetString("id", "")) // want `inspect_server: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(all), " servers; ", srv.Name)), nil
}

func (t *tools) createServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool create_server mcp-go constant` `BR304: tool create_server can change cloud resources with no rate limit` `BR305: tool create_server is not logged with its arguments`
	srv, err := t.api.Servers.Create(ctx, req.GetString("name", "")) // want `create_server: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool create_server can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(srv.ID), nil
}

func (t *tools) deleteServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_server mcp-go constant` `BR304: tool delete_server can change cloud resources with no rate limit` `BR305: tool delete_server is not logged with its arguments`
	if err := t.api.Servers.Delete(ctx, req.GetString("id", "")); err != nil { // want `delete_server: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool delete_server can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

func (t *tools) snapshotServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool snapshot_server mcp-go constant` `BR304: tool snapshot_server can change cloud resources with no rate limit` `BR305: tool snapshot_server is not logged with its arguments`
	if err := t.api.Snapshot(ctx, req.GetString("id", "")); err != nil { // want `snapshot_server: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool snapshot_server can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("snapshot started"), nil
}

// rebuildServer reads the server, then deletes it and creates it again:
// a read and a change through the same network call of the library.
func (t *tools) rebuildServer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool rebuild_server mcp-go constant` `BR304: tool rebuild_server can change cloud resources with no rate limit` `BR305: tool rebuild_server is not logged with its arguments`
	srv, err := t.api.Servers.Get(ctx, req.GetString("id", "")) // want `rebuild_server: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	if err := t.api.Servers.Delete(ctx, srv.ID); err != nil {
		return nil, err
	}
	srv, err = t.api.Servers.Create(ctx, srv.Name) // want `rebuild_server: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool rebuild_server can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(srv.ID), nil
}

// listVolumes lists volumes with the request's default method, a GET.
func (t *tools) listVolumes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_volumes mcp-go constant` `BR305: tool list_volumes is not logged with its arguments`
	if err := t.api.ListVolumes(ctx); err != nil { // want `list_volumes: cloud-read \(\*net/http\.Client\)\.Do`
		return nil, err
	}
	return mcp.NewToolResultText("listed"), nil
}

// deleteVolume deletes a volume: the client's option overrides its
// default GET with a DELETE.
func (t *tools) deleteVolume(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_volume mcp-go constant` `BR304: tool delete_volume can change cloud resources with no rate limit` `BR305: tool delete_volume is not logged with its arguments`
	if err := t.api.DeleteVolume(ctx, req.GetString("id", "")); err != nil { // want `delete_volume: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool delete_volume can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// openConsole opens a console session: a POST to a host the client holds.
func (t *tools) openConsole(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool open_console mcp-go constant` `BR304: tool open_console can change cloud resources with no rate limit` `BR305: tool open_console is not logged with its arguments`
	if err := t.api.OpenConsole(ctx, req.GetString("id", "")); err != nil { // want `open_console: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool open_console can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("opened"), nil
}

// metricSeries reads a metric through the client's endpoint, behind an
// interface.
func (t *tools) metricSeries(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool metric_series mcp-go constant` `BR305: tool metric_series is not logged with its arguments`
	series, err := t.api.Metrics.Series(ctx, req.GetString("name", "")) // want `metric_series: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(series)), nil
}

// statusPage has the library get the page the server's configuration
// names: the library sends the request it is given, no operation of its
// own; the server's code holds the URL, and its package, which deletes
// webhooks too, is a client of resources: its GET reads them.
func (t *tools) statusPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool status_page mcp-go constant` `BR305: tool status_page is not logged with its arguments`
	body, err := cloudapi.Fetch(ctx, t.status) // want `status_page: cloud-read \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// notify posts the model's text to the server's own webhook through the
// library's PostJSON: where it goes is the server's choice, not the
// library's. A POST of the module's own code says nothing of what it
// changes (a package of a server is often several services' client): it
// stays network.
func (t *tools) notify(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool notify mcp-go constant` `BR305: tool notify is not logged with its arguments`
	if err := cloudapi.PostJSON(ctx, t.hook.base+"/notify", map[string]string{"text": req.GetString("text", "")}); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("sent"), nil
}

func (t *tools) removeHook(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool remove_hook mcp-go constant` `BR305: tool remove_hook is not logged with its arguments` `BR304: tool remove_hook can change cloud resources with no rate limit`
	if err := t.hook.remove(ctx, req.GetString("id", "")); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("removed"), nil
}

// searchDocs queries a service whose client POSTs every call: the POST
// is no change that the code shows.
func (t *tools) searchDocs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_docs mcp-go constant` `BR305: tool search_docs is not logged with its arguments`
	hits, err := t.search.Search(ctx, req.GetString("query", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(hits)), nil
}

// serviceStatus reads the service's status: a GET of a client that
// manages no resources, network.
func (t *tools) serviceStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool service_status mcp-go constant` `BR305: tool service_status is not logged with its arguments`
	status, err := t.search.Status(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(status), nil
}

// purgeHooks deletes the server's webhooks through the library's generic
// request: the library sends the DELETE its caller fills in, to the
// server's own URL, and the DELETE changes them.
func (t *tools) purgeHooks(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge_hooks mcp-go constant` `BR305: tool purge_hooks is not logged with its arguments` `BR304: tool purge_hooks can change cloud resources with no rate limit`
	if err := cloudapi.R().Delete(t.hook.base + "/hooks"); err != nil { // want `purge_hooks: cloud-write \(\*net/http\.Client\)\.Do` `BR301: tool purge_hooks can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("purged"), nil
}

// webhooks is the server's own client of its webhook service: a DELETE it
// builds to the host it holds changes the service, as a library's would.
type webhooks struct {
	base string
	http *http.Client
}

func (w *webhooks) remove(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, w.base+"/hooks/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := w.http.Do(req) // want `remove_hook: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool remove_hook can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// fetchPage has the library get the page at the model's URL: the request
// goes wherever the model says.
func (t *tools) fetchPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_page mcp-go constant` `BR305: tool fetch_page is not logged with its arguments`
	body, err := cloudapi.Fetch(ctx, req.GetString("url", "")) // want `fetch_page: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of example\.com/cloudapi\.Fetch`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// getURL sends the model's URL through the library's generic request,
// whose method and URL are the fields the library sends.
func (t *tools) getURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_url mcp-go constant` `BR305: tool get_url is not logged with its arguments`
	if err := cloudapi.R().Get(req.GetString("url", "")); err != nil { // want `get_url: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR103: tool get_url: model-controlled input reaches the URL or address of \(\*example\.com/cloudapi\.HTTPRequest\)\.Get`
		return nil, err
	}
	return mcp.NewToolResultText("ok"), nil
}

// download has the library's http.Get fetch the model's URL.
func (t *tools) download(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool download mcp-go constant` `BR305: tool download is not logged with its arguments`
	n, err := cloudapi.Download(req.GetString("url", "")) // want `download: network net/http\.Get \(tainted\)` `BR103: tool download: model-controlled input reaches the URL or address of example\.com/cloudapi\.Download`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}

// docHosts are the hosts fetch_docs may read from.
var docHosts = map[string]bool{"docs.example.com": true}

// fetchDocs checks the model's URL's host against an allowlist before the
// library fetches it: confined.
func (t *tools) fetchDocs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_docs mcp-go constant` `BR305: tool fetch_docs is not logged with its arguments`
	raw := req.GetString("url", "")
	u, err := url.Parse(raw)
	if err != nil || !docHosts[u.Hostname()] { // want `fetch_docs: guard allowlist map lookup for network \(\*net/http\.Client\)\.Do`
		return mcp.NewToolResultError("not a documentation host"), nil
	}
	body, err := cloudapi.Fetch(ctx, u.String()) // want `fetch_docs: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// fetchDocPage puts the model's page after the server's own base: the
// host is the server's, the model chooses a path on it, which the GET
// reads.
func (t *tools) fetchDocPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_doc_page mcp-go constant` `BR305: tool fetch_doc_page is not logged with its arguments`
	body, err := cloudapi.Fetch(ctx, "https://docs.example.com/"+req.GetString("page", "")) // want `fetch_doc_page: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// searchServers POSTs a query to the servers' search endpoint: a read.
func (t *tools) searchServers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_servers mcp-go constant` `BR305: tool search_servers is not logged with its arguments`
	servers, err := t.api.Servers.Search(ctx, req.GetString("query", "")) // want `search_servers: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(servers))), nil
}

// queryVolumes submits the client's volume query: a read.
func (t *tools) queryVolumes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_volumes mcp-go constant` `BR305: tool query_volumes is not logged with its arguments`
	if err := t.api.QueryVolumes(ctx); err != nil { // want `query_volumes: cloud-read \(\*net/http\.Client\)\.Do`
		return nil, err
	}
	return mcp.NewToolResultText("queried"), nil
}

// attachVolume submits the client's attach operation: a change.
func (t *tools) attachVolume(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool attach_volume mcp-go constant` `BR304: tool attach_volume can change cloud resources with no rate limit` `BR305: tool attach_volume is not logged with its arguments`
	if err := t.api.AttachVolume(ctx, req.GetString("id", "")); err != nil { // want `attach_volume: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool attach_volume can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("attached"), nil
}

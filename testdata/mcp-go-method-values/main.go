// Command mcp-go-method-values registers tools whose handlers are methods
// handed on as values: through a wrapper that runs the method it is
// given, and through a field that holds a method as a seam for tests. A
// validator that holds a read lock while it checks a path returns its
// result through the locals a deferred unlock makes SSA keep; a fetch that
// checks the response's status confines nothing of the URL.
package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type kube struct {
	mu    sync.RWMutex
	roots []string
	// readFn reads a file; tests replace it.
	readFn func(ctx context.Context, name string) ([]byte, error)
}

func newKube() *kube {
	k := &kube{roots: []string{"/srv/manifests"}}
	k.readFn = k.defaultRead
	return k
}

// traced wraps a handler: the closure runs the method it is handed.
func traced(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := next(ctx, req)
		if err != nil {
			return mcp.NewToolResultError("failed"), nil
		}
		return res, nil
	}
}

func (k *kube) kubectl(ctx context.Context, args ...string) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "kubectl", args...).CombinedOutput() // want `get_resource: exec os/exec\.CommandContext \(tainted\)` `version: exec os/exec\.CommandContext` `BR101: tool get_resource: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs kubectl get` `BR301: tool get_resource can run processes through os/exec\.CommandContext with no confirmation before it` `BR301: tool version can run processes through os/exec\.CommandContext with no confirmation before it` `restart: exec os/exec\.CommandContext \(tainted\)` `BR101: tool restart: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs kubectl rollout` `BR301: tool restart can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// getResource runs kubectl get on the model's resource: the method value
// k.getResource is what the wrapper calls, with the model's request.
func (k *kube) getResource(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_resource mcp-go constant` `BR304: tool get_resource can run processes with no rate limit` `BR305: tool get_resource is not logged with its arguments`
	return k.kubectl(ctx, "get", req.GetString("resource", ""))
}

// restart restarts the model's deployment: a rollout takes no image and
// no command, so the model's word is an operand of kubectl rollout.
func (k *kube) restart(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool restart mcp-go constant` `BR304: tool restart can run processes with no rate limit` `BR305: tool restart is not logged with its arguments`
	return k.kubectl(ctx, "rollout", "restart", "deployment/"+req.GetString("name", ""))
}

// version runs a fixed command line.
func (k *kube) version(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool version mcp-go constant` `BR304: tool version can run processes with no rate limit` `BR305: tool version is not logged with its arguments`
	return k.kubectl(ctx, "version")
}

func (k *kube) defaultRead(ctx context.Context, name string) ([]byte, error) {
	return os.ReadFile(name) // want `read_manifest: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_manifest: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_manifest returns the contents of a file read by os\.ReadFile to the model`
}

// readManifest reads the model's path through the seam: the call of the
// method value runs the method with the model's path.
func (k *kube) readManifest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_manifest mcp-go constant` `BR305: tool read_manifest is not logged with its arguments`
	data, err := k.readFn(ctx, req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

// validate returns the clean form of p, or an error unless it lies in one
// of the roots; the roots can change while the server runs.
func (k *kube) validate(p string) (string, error) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	clean := filepath.Clean(p)
	for _, root := range k.roots {
		if clean == root || strings.HasPrefix(clean, root+string(filepath.Separator)) {
			return clean, nil
		}
	}
	return "", errors.New("outside the manifests")
}

// looseCheck holds the same lock, but only looks for "..": an absolute
// path goes anywhere.
func (k *kube) looseCheck(p string) (string, error) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if strings.Contains(p, "..") {
		return "", errors.New("no parent directories")
	}
	return p, nil
}

func (k *kube) readChecked(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_checked mcp-go constant` `BR305: tool read_checked is not logged with its arguments`
	p, err := k.validate(req.GetString("path", ""))
	if err != nil { // want `read_checked: guard allowlist \(\*example\.com/mcp-go-method-values\.kube\)\.validate for fs-read os\.ReadFile`
		return nil, err
	}
	data, err := os.ReadFile(p) // want `read_checked: fs-read os\.ReadFile` `BR202: tool read_checked returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func (k *kube) readLoose(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_loose mcp-go constant` `BR305: tool read_loose is not logged with its arguments`
	p, err := k.looseCheck(req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(p) // want `read_loose: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_loose: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_loose returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

// fetchOK fetches a page, and returns an error unless the server answers
// 200: the status says nothing of where the URL leads.
func (k *kube) fetchOK(ctx context.Context, raw string) ([]byte, error) {
	resp, err := http.Get(raw) // want `fetch_page: network net/http\.Get \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.Get`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return body, nil
}

// fetchPage fetches the model's URL, and asks it again for its headers
// once the page came.
func (k *kube) fetchPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_page mcp-go constant` `BR305: tool fetch_page is not logged with its arguments`
	raw := req.GetString("url", "")
	body, err := k.fetchOK(ctx, raw)
	if err != nil {
		return nil, err
	}
	head, err := http.Head(raw) // want `fetch_page: network net/http\.Head \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.Head` `BR203: tool fetch_page returns web content fetched by net/http\.Head to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	head.Body.Close()
	return mcp.NewToolResultText(head.Header.Get("Content-Type") + "\n" + string(body)), nil
}

func main() {
	k := newKube()
	srv := server.NewMCPServer("kube", "1.0.0") // want `agent kube server mcp-go: fetch_page, get_resource, read_checked, read_loose, read_manifest, restart, version` `BR401: agent kube: read_checked returns private data \(os\.ReadFile\), fetch_page returns untrusted content \(net/http\.Head\), fetch_page sends data where the model says \(net/http\.Get\); an instruction in the untrusted content can make the model read the private data and send it out`
	srv.AddTool(mcp.NewTool("get_resource", mcp.WithString("resource")), traced(k.getResource))
	srv.AddTool(mcp.NewTool("version"), traced(k.version))
	srv.AddTool(mcp.NewTool("restart", mcp.WithString("name")), k.restart)
	srv.AddTool(mcp.NewTool("read_manifest", mcp.WithString("path")), k.readManifest)
	srv.AddTool(mcp.NewTool("read_checked", mcp.WithString("path")), k.readChecked)
	srv.AddTool(mcp.NewTool("read_loose", mcp.WithString("path")), k.readLoose)
	srv.AddTool(mcp.NewTool("fetch_page", mcp.WithString("url")), k.fetchPage)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

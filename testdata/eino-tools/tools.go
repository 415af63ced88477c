package main

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/schema"
)

// CommandInput is the input of run_command.
type CommandInput struct {
	Command string   `json:"command"`
	Args    []string `json:"args,omitempty"`
}

// runCommand is the run_command handler, passed to utils.InferTool.
func runCommand(ctx context.Context, in CommandInput) (string, error) { // want `tool run_command eino constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	out, err := exec.CommandContext(ctx, in.Command, in.Args...).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	return string(out), err
}

// workspace serves files under root; readFile is registered as a method
// value.
type workspace struct {
	root string
}

// PathInput is the input of read_file.
type PathInput struct {
	Path string `json:"path"`
}

func (w *workspace) readFile(ctx context.Context, in PathInput) (string, error) { // want `tool read_file eino constant` `BR305: tool read_file\b.*`
	data, err := os.ReadFile(filepath.Join(w.root, in.Path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

// fetcher implements tool.InvokableTool itself: InvokableRun is the handler
// and Info returns the name.
type fetcher struct {
	client *http.Client
}

func (f *fetcher) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "fetch_url", Desc: "Fetches a URL."}, nil
}

func (f *fetcher) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) { // want `tool fetch_url eino constant` `BR305: tool fetch_url\b.*`
	var in struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal([]byte(argumentsInJSON), &in); err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL, nil) // want `BR103: tool fetch_url\b.*net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := f.client.Do(req) // want `fetch_url: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_url\b.*\(\*net/http\.Client\)\.Do.*`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// logged wraps a tool: its Info is the held tool's (a name method that
// returns two results, as eino's does), and its InvokableRun logs, then
// runs the held tool.
type logged struct {
	inner tool.InvokableTool
}

func (l *logged) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return l.inner.Info(ctx)
}

func (l *logged) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) {
	log.Printf("tool call: %s", argumentsInJSON)
	return l.inner.InvokableRun(ctx, argumentsInJSON, opts...)
}

// remover implements tool.InvokableTool but is never converted to an
// interface nor given to a ToolsNode: it is NOT a tool, and its os.Remove
// must NOT be reported.
type remover struct{}

func (remover) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "remove_file", Desc: "Removes a file."}, nil
}

func (remover) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) {
	return "", os.Remove(argumentsInJSON)
}

// removeFile is the remove_file handler: it interrupts the run to ask the
// user the first time, and removes the file only once the run is resumed
// with the user's yes (eino's human-in-the-loop interrupt).
func removeFile(ctx context.Context, in PathInput) (string, error) { // want `tool remove_file eino constant` `BR304: tool remove_file can write files with no rate limit` `BR305: tool remove_file is not logged with its arguments`
	if was, _, _ := tool.GetInterruptState[string](ctx); !was { // want `remove_file: guard confirmation github\.com/cloudwego/eino/components/tool\.GetInterruptState for fs-write os\.Remove`
		return "", tool.StatefulInterrupt(ctx, "remove "+in.Path+"?", in.Path) // want `remove_file: guard confirmation github\.com/cloudwego/eino/components/tool\.StatefulInterrupt for fs-write os\.Remove \(not counted: in a branch that can be skipped\)`
	}
	if _, has, yes := tool.GetResumeContext[bool](ctx); !has || !yes { // want `remove_file: guard confirmation github\.com/cloudwego/eino/components/tool\.GetResumeContext for fs-write os\.Remove`
		return "kept", nil
	}
	if err := os.Remove(filepath.Join("/srv/notes", filepath.Base(in.Path))); err != nil { // want `remove_file: fs-write os\.Remove`
		return "", err
	}
	return "removed", nil
}

// indexStats reads the statistics of the index its call options name.
// eino's call options (opts ...tool.Option) are the graph's, set by the
// application (tool.WrapImplSpecificOptFn, compose.WithToolsNodeOption),
// never the model's: the file it reads is the server's choice.
type indexStats struct{}

type indexOptions struct {
	dir string
}

// WithIndexDir sets the index directory of a run.
func WithIndexDir(dir string) tool.Option {
	return tool.WrapImplSpecificOptFn(func(o *indexOptions) { o.dir = dir })
}

func (indexStats) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "index_stats", Desc: "Reads the index's statistics."}, nil
}

func (indexStats) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) { // want `tool index_stats eino constant` `BR305: tool index_stats is not logged with its arguments`
	o := tool.GetImplSpecificOptions(&indexOptions{dir: "/var/lib/index"}, opts...)
	data, err := os.ReadFile(filepath.Join(o.dir, "stats.json")) // want `index_stats: fs-read os\.ReadFile` `BR202: tool index_stats returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

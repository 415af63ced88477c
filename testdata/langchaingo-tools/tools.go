package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tmc/langchaingo/tools"
)

// Shell runs a shell command. It has value receivers.
type Shell struct{}

func (Shell) Name() string { return "shell" }

func (Shell) Description() string { return "Runs a shell command and returns its output." }

func (Shell) Call(ctx context.Context, input string) (string, error) { // want `tool shell langchaingo constant` `BR304: tool shell\b.*` `BR305: tool shell\b.*`
	out, err := exec.CommandContext(ctx, "sh", "-c", input).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell\b.*os/exec\.CommandContext` `BR301: tool shell\b.*os/exec\.CommandContext.*` `BR303: tool shell\b.*os/exec\.CommandContext.*`
	return string(out), err
}

// FileReader reads a file under Root. It has pointer receivers.
type FileReader struct {
	Root string
}

func (*FileReader) Name() string { return "read_file" }

func (*FileReader) Description() string { return "Reads a file of the workspace." }

func (r *FileReader) Call(ctx context.Context, input string) (string, error) { // want `tool read_file langchaingo constant` `BR305: tool read_file\b.*`
	data, err := os.ReadFile(filepath.Join(r.Root, strings.TrimSpace(input))) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

// fetcher fetches a URL. It is only built by newFetcher.
type fetcher struct {
	client *http.Client
}

// newFetcher is a helper constructor: the conversion to tools.Tool happens
// here, not in main.
func newFetcher(client *http.Client) tools.Tool {
	return &fetcher{client: client}
}

func (f *fetcher) Name() string { return "fetch_url" }

func (f *fetcher) Description() string { return "Fetches a URL and returns the body." }

func (f *fetcher) Call(ctx context.Context, input string) (string, error) { // want `tool fetch_url langchaingo constant` `BR305: tool fetch_url\b.*`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSpace(input), nil) // want `BR103: tool fetch_url\b.*net/http\.NewRequestWithContext`
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

// Clock is a harmless tool: it reaches no sink.
type Clock struct{}

func (Clock) Name() string { return "clock" }

func (Clock) Description() string { return "Returns the current time." }

func (Clock) Call(ctx context.Context, input string) (string, error) { // want `tool clock langchaingo constant`
	return time.Now().Format(time.RFC3339), nil
}

// Eraser implements tools.Tool but is never converted to it nor handed to an
// agent: it is NOT a tool, and its os.RemoveAll must NOT be reported.
type Eraser struct{}

func (Eraser) Name() string { return "erase" }

func (Eraser) Description() string { return "Deletes a directory tree." }

func (Eraser) Call(ctx context.Context, input string) (string, error) {
	return "", os.RemoveAll(input)
}

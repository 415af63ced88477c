// Command mcp-sdk-named-registry serves the tools of its registry: one
// handler closure per registered name, which looks the tool up by that
// name when it is called. Each registered tool is a tool of its own, named
// by its definition, with its own capabilities, and with the hints its
// definition sets through the registry's own options.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"example.com/mcp-sdk-named-registry/registry"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type shellTool struct{}

func (shellTool) Definition() mcp.Tool {
	return newTool("shell", "Run a command line.", readOnly(true)) // want `shell: hints read-only=true` `BR501: tool shell declares readOnlyHint true but can change something: exec os/exec\.CommandContext`
}

func (shellTool) Execute(ctx context.Context, args map[string]any) (*mcp.CallToolResult, error) { // want `tool shell mcp-go-sdk constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	line, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", line).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(out)}}}, nil
}

type readTool struct{ root string }

func (t *readTool) Definition() mcp.Tool {
	return newTool("read_note", "Read a note.", readOnly(false)) // want `read_note: hints read-only=false`
}

func (t *readTool) Execute(ctx context.Context, args map[string]any) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go-sdk constant` `BR305: tool read_note is not logged with its arguments`
	data, err := os.ReadFile(t.root + "/notes.txt") // want `read_note: fs-read os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(data)}}}, nil
}

type clockTool struct{}

func (clockTool) Definition() mcp.Tool {
	return newTool("clock", "Say hello.", readOnly(true)) // want `clock: hints read-only=true`
}

func (clockTool) Execute(ctx context.Context, args map[string]any) (*mcp.CallToolResult, error) { // want `tool clock mcp-go-sdk constant`
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "hello"}}}, nil
}

func init() {
	registry.Register(shellTool{})
	registry.Register(&readTool{root: "/srv/notes"})
	registry.Register(clockTool{})
}

// handlerFor is the SDK handler of the tool registered as name: it looks
// the tool up on each call, so that a tool disabled since start-up is not
// run.
func handlerFor(name string) mcp.ToolHandler {
	return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		t, ok := registry.Get(name)
		if !ok {
			return nil, fmt.Errorf("tool %s is disabled", name)
		}
		args := map[string]any{}
		if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
			return nil, err
		}
		return t.Execute(ctx, args)
	}
}

// Store counts the notes of a bucket.
type Store interface {
	Count(ctx context.Context) (int, error)
}

type dirStore struct{ dir string }

func (d dirStore) Count(ctx context.Context) (int, error) {
	entries, err := os.ReadDir(d.dir) // want `count_notes: fs-read os\.ReadDir`
	return len(entries), err
}

func openStore(bucket string) Store { return dirStore{dir: "/srv/" + bucket} }

// countNotes opens the store of the bucket it was made for and uses it:
// a service got by a held name, not a tool the call is handed to.
func countNotes(bucket string) mcp.ToolHandler {
	return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_notes mcp-go-sdk constant` `BR305: tool count_notes is not logged with its arguments`
		n, err := openStore(bucket).Count(ctx)
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprint(n)}}}, nil
	}
}

// Fetcher downloads files from a host.
type Fetcher interface {
	Download(ctx context.Context, path string, w io.Writer) error
}

type httpFetcher struct{ host string }

func (f httpFetcher) Download(ctx context.Context, path string, w io.Writer) error {
	resp, err := http.Get("https://" + f.host + "/files/" + url.PathEscape(path)) // want `fetch_file: network net/http\.Get`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

func dial(host string) Fetcher { return httpFetcher{host: host} }

// fetchFile downloads, from the host it was made for, the file the model
// names into a buffer it hands the client as a writer: a client got by a
// held name and used, not a tool the call is handed to.
func fetchFile(host string) mcp.ToolHandler {
	return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_file mcp-go-sdk constant` `BR305: tool fetch_file is not logged with its arguments`
		var args struct {
			Path string `json:"path"`
		}
		if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := dial(host).Download(ctx, args.Path, &buf); err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: buf.String()}}}, nil
	}
}

// serveExtra registers, with the same factory, the tools an operator names
// in EXTRA_TOOLS: a registration that looks up the same registry, so the
// same values, under names the program does not declare.
func serveExtra(s *mcp.Server, factory func(string) mcp.ToolHandler) {
	for _, name := range strings.Split(os.Getenv("EXTRA_TOOLS"), ",") {
		s.AddTool(&mcp.Tool{Name: name}, factory(name))
	}
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "named-registry", Version: "1.0.0"}, nil) // want `agent named-registry server mcp-go-sdk: clock, count_notes, fetch_file, read_note, shell` `BR402: agent named-registry: read_note returns private data \(os\.ReadFile\), shell sends data where the model says \(os/exec\.CommandContext\); whoev.*`
	serveExtra(s, handlerFor)
	for _, name := range registry.Enabled() {
		t, _ := registry.Get(name)
		def := t.Definition()
		s.AddTool(&def, handlerFor(name))
	}
	s.AddTool(&mcp.Tool{Name: "count_notes"}, countNotes("notes"))
	s.AddTool(&mcp.Tool{Name: "fetch_file"}, fetchFile("files.example.com"))
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

package main

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/toolrunner"
)

var pathSchema = anthropic.BetaToolInputSchemaParam{
	Properties: map[string]any{"path": map[string]string{"type": "string"}},
	Required:   []string{"path"},
}

var orderSchema = []byte(`{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}`)

type pathInput struct {
	Path string `json:"path" jsonschema:"required"`
}

type commandInput struct {
	Cmd string `json:"cmd" jsonschema:"required,description=The shell command"`
}

// runCommand is the run_command handler: a top-level function.
func runCommand(ctx context.Context, in commandInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool run_command anthropic constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	out, err := exec.CommandContext(ctx, "sh", "-c", in.Cmd).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	return text(string(out)), err
}

type orderStore struct {
	db *sql.DB
}

type orderInput struct {
	ID string `json:"id"`
}

// lookup is the lookup_order handler: a method value, orders.lookup.
func (s *orderStore) lookup(ctx context.Context, in orderInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool lookup_order anthropic constant` `BR305: tool lookup_order\b.*`
	var status string
	err := s.db.QueryRowContext(ctx, "SELECT status FROM orders WHERE id = $1", in.ID).Scan(&status) // want `lookup_order: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return text(status), err
}

type urlInput struct {
	URL string `json:"url"`
}

// newFetchTool builds the fetch_url tool: the handler is the func literal,
// a closure over c, not newFetchTool.
func newFetchTool(c *http.Client) anthropic.BetaTool {
	return toolrunner.NewBetaTool("fetch_url", "Fetch a URL", anthropic.BetaToolInputSchemaParam{},
		func(ctx context.Context, in urlInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool fetch_url anthropic constant` `BR305: tool fetch_url\b.*`
			resp, err := c.Get(in.URL) // want `fetch_url: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch_url\b.*\(\*net/http\.Client\)\.Get` `BR203: tool fetch_url\b.*\(\*net/http\.Client\)\.Get.*`
			if err != nil {
				return text(""), err
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			return text(string(body)), err
		})
}

// fileTools builds one tool per row of a table.
func fileTools() []anthropic.BetaTool {
	var tools []anthropic.BetaTool
	for _, t := range []struct {
		name    string
		handler func(context.Context, pathInput) (anthropic.BetaToolResultBlockParamContentUnion, error)
	}{
		{"list_dir", listDir},
		{"remove_file", removeFile},
	} {
		tools = append(tools, toolrunner.NewBetaTool(t.name, "", pathSchema, t.handler))
	}
	return tools
}

func listDir(ctx context.Context, in pathInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool list_dir anthropic constant` `BR305: tool list_dir\b.*`
	entries, err := os.ReadDir(in.Path) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir\b.*os\.ReadDir`
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return text(strings.Join(names, "\n")), err
}

func removeFile(ctx context.Context, in pathInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool remove_file anthropic constant` `BR304: tool remove_file\b.*` `BR305: tool remove_file\b.*`
	return text("removed"), os.Remove(in.Path) // want `remove_file: fs-write os\.Remove \(tainted\)` `BR104: tool remove_file\b.*os\.Remove` `BR301: tool remove_file\b.*os\.Remove.*`
}

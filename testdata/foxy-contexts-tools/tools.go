package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/strowk/foxy-contexts/pkg/fxctx"
	"github.com/strowk/foxy-contexts/pkg/mcp"
)

func text(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []interface{}{mcp.TextContent{Type: "text", Text: s}}}
}

func str(args map[string]interface{}, k string) string {
	s, _ := args[k].(string)
	return s
}

// newRunScriptTool is handed to the builder: fx calls it, and the tool it
// returns runs the model's script.
func newRunScriptTool() fxctx.Tool {
	return fxctx.NewTool(
		&mcp.Tool{Name: "run_script"},
		func(ctx context.Context, args map[string]interface{}) *mcp.CallToolResult { // want `tool run_script foxy-contexts constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
			out, err := exec.CommandContext(ctx, "sh", "-c", str(args, "script")).CombinedOutput() // want `run_script: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_script can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
			if err != nil {
				return text(err.Error())
			}
			return text(string(out))
		},
	)
}

// newWriteNoteTool writes where the model says, inside the notes directory
// only by name.
func newWriteNoteTool() fxctx.Tool {
	dir := os.Getenv("NOTES_DIR")
	return fxctx.NewTool(
		&mcp.Tool{Name: "write_note"},
		func(ctx context.Context, args map[string]interface{}) *mcp.CallToolResult { // want `tool write_note foxy-contexts constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
			p := filepath.Join(dir, filepath.Base(str(args, "name")))
			if err := os.WriteFile(p, []byte(str(args, "text")), 0o600); err != nil { // want `write_note: fs-write os\.WriteFile` `BR301: tool write_note can write files through os\.WriteFile with no confirmation before it`
				return text(err.Error())
			}
			return text("saved")
		},
	)
}

// fetchPage is a tool type of the program's own: Callback runs it,
// GetMcpTool names it.
type fetchPage struct{ client *http.Client }

func (f *fetchPage) GetMcpTool() *mcp.Tool {
	return &mcp.Tool{Name: "fetch_page"}
}

func (f *fetchPage) Callback(ctx context.Context, args map[string]interface{}) *mcp.CallToolResult { // want `tool fetch_page foxy-contexts constant` `BR305: tool fetch_page is not logged with its arguments`
	resp, err := f.client.Get(str(args, "url")) // want `fetch_page: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get` `BR203: tool fetch_page returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions`
	if err != nil {
		return text(err.Error())
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return text(err.Error())
	}
	return text(fmt.Sprintf("%s", b))
}

func newFetchPageTool() fxctx.Tool {
	return &fetchPage{client: http.DefaultClient}
}

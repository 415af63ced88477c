// Command taint-dependency-helpers is an MCP server whose tools hand the
// model's input to small libraries before they act on it: a shell-word
// splitter and a third-party JSON decoder. What those libraries make of the
// input (the words, the decoded struct) is still the model's; a record a
// library is handed to fill in (index_note) is not made of it. A page a
// library summarises is still the page (page_summary).
package main

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"

	"example.com/indexer"
	"github.com/google/shlex"
	jsoniter "github.com/json-iterator/go"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// runCommand splits the model's command line into words and runs them
// without a shell.
func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	words, err := shlex.Split(req.GetString("command_line", ""))
	if err != nil || len(words) == 0 {
		return mcp.NewToolResultError("bad command line"), nil
	}
	out, err := exec.CommandContext(ctx, words[0], words[1:]...).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

type readArgs struct {
	Path string `json:"path"`
}

// readFile decodes its arguments with json-iterator, then reads the path.
func readFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_file mcp-go constant` `BR305: tool read_file is not logged with its arguments`
	raw, err := json.Marshal(req.GetArguments())
	if err != nil {
		return nil, err
	}
	var args readArgs
	if err := jsoniter.Unmarshal(raw, &args); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(args.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// indexNote scores the model's note with a library that fills a record it
// is handed: the record's path is the configuration's, not the model's.
func indexNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool index_note mcp-go constant` `BR304: tool index_note can write files with no rate limit` `BR305: tool index_note is not logged with its arguments`
	rec := &indexer.Record{Path: "/var/lib/notes/index"}
	indexer.Annotate(req.GetString("text", ""), rec)
	if err := os.WriteFile(rec.Path, []byte("indexed\n"), 0o644); err != nil { // want `index_note: fs-write os\.WriteFile` `BR301: tool index_note can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("indexed"), nil
}

// pageSummary fetches the status page and returns a library's summary of
// it: the summary is still the page, outside content.
func pageSummary(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool page_summary mcp-go constant` `BR305: tool page_summary is not logged with its arguments`
	resp, err := http.Get("https://status.example.com/") // want `page_summary: network net/http\.Get` `BR203: tool page_summary returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(indexer.Summary(string(body))), nil
}

func main() {
	s := server.NewMCPServer("helpers", "1.0.0") // want `agent helpers server mcp-go: index_note, page_summary, read_file, run_command` `BR401: agent helpers: read_file returns private data \(os\.ReadFile\), page_summary returns untrusted content \(net/http\.Get\), run_command sends dat.*`
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("command_line", mcp.Required())), runCommand)
	s.AddTool(mcp.NewTool("read_file", mcp.WithString("path", mcp.Required())), readFile)
	s.AddTool(mcp.NewTool("index_note", mcp.WithString("text", mcp.Required())), indexNote)
	s.AddTool(mcp.NewTool("page_summary"), pageSummary)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

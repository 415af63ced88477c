// Command taint-dependency-helpers is an MCP server whose tools hand the
// model's input to small libraries before they act on it: a shell-word
// splitter and a third-party JSON decoder. What those libraries make of the
// input (the words, the decoded struct) is still the model's; a record a
// library is handed to fill in (index_note) is not made of it. A page a
// library summarises is still the page (page_summary). A command line the
// library runs is the model's where the library runs it (rebuild_index); a
// fixed command it runs after logging the model's text is not
// (refresh_index).
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

// rebuildIndex hands the model's command line to the library, which runs
// it: the command is the model's where the library runs it.
func rebuildIndex(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool rebuild_index mcp-go constant` `BR304: tool rebuild_index can run processes with no rate limit` `BR305: tool rebuild_index is not logged with its arguments`
	out, err := indexer.Rebuild(ctx, req.GetString("command_line", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// refreshIndex hands the model's reason to a library that logs it and runs
// a fixed command: the command is not the model's.
func refreshIndex(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool refresh_index mcp-go constant` `BR304: tool refresh_index can run processes with no rate limit`
	out, err := indexer.Refresh(ctx, req.GetString("reason", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// storeNote hands the model's key to a library that writes the text to a
// file named by the key's hash: the path is not the model's. (The library
// is followed only to the processes it starts, so this holds also because
// file paths in dependencies are not followed.)
func storeNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool store_note mcp-go constant` `BR304: tool store_note can write files with no rate limit` `BR305: tool store_note is not logged with its arguments`
	if err := indexer.Store(req.GetString("key", ""), req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("stored"), nil
}

// scheduleIndex hands the model's command line to a library that runs it
// three calls deep: a limit of the analysis, not a safe tool (see
// indexer.Schedule).
func scheduleIndex(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool schedule_index mcp-go constant` `BR304: tool schedule_index can run processes with no rate limit` `BR305: tool schedule_index is not logged with its arguments`
	out, err := indexer.Schedule(ctx, req.GetString("command_line", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// probeHardware hands the model's device kind to a library whose helper
// picks one of two fixed programs from it: the command is not the model's.
func probeHardware(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool probe_hardware mcp-go constant` `BR304: tool probe_hardware can run processes with no rate limit` `BR305: tool probe_hardware is not logged with its arguments`
	out, err := indexer.Probe(ctx, req.GetString("kind", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func main() {
	s := server.NewMCPServer("helpers", "1.0.0") // want `agent helpers server mcp-go: index_note, page_summary, probe_hardware, read_file, rebuild_index, refresh_index, run_command, schedule_index, store_note` `BR401: agent helpers: read_file returns private data \(os\.ReadFile\), page_summary returns untrusted content \(net/http\.Get\), rebuild_index sends dat.*`
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("command_line", mcp.Required())), runCommand)
	s.AddTool(mcp.NewTool("read_file", mcp.WithString("path", mcp.Required())), readFile)
	s.AddTool(mcp.NewTool("index_note", mcp.WithString("text", mcp.Required())), indexNote)
	s.AddTool(mcp.NewTool("page_summary"), pageSummary)
	s.AddTool(mcp.NewTool("rebuild_index", mcp.WithString("command_line", mcp.Required())), rebuildIndex)
	s.AddTool(mcp.NewTool("refresh_index", mcp.WithString("reason")), refreshIndex)
	s.AddTool(mcp.NewTool("store_note", mcp.WithString("key", mcp.Required()), mcp.WithString("text")), storeNote)
	s.AddTool(mcp.NewTool("schedule_index", mcp.WithString("command_line", mcp.Required())), scheduleIndex)
	s.AddTool(mcp.NewTool("probe_hardware", mcp.WithString("kind")), probeHardware)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

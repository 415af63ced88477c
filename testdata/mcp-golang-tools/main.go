// Command mcp-golang-tools registers tools with github.com/metoro-io/mcp-golang,
// whose RegisterTool takes the name and a handler of any function type that
// the server calls by reflection with the model's arguments; the table's
// handlers go through a wrapper made by reflect.MakeFunc, which runs a
// response guard on what each handler returns.
package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"reflect"

	mcpgolang "github.com/metoro-io/mcp-golang"
	"github.com/metoro-io/mcp-golang/transport/stdio"
)

type runArgs struct {
	Command string `json:"command" jsonschema:"required,description=the command line to run"`
}

// runCommand runs the model's command line in a shell.
func runCommand(ctx context.Context, args runArgs) (*mcpgolang.ToolResponse, error) { // want `tool run_command mcp\-golang constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "sh", "-c", args.Command).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model\-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model\-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return mcpgolang.NewToolResponse(mcpgolang.NewTextContent(string(out))), nil
}

type readArgs struct {
	Path string `json:"path"`
}

// descriptor pairs a name with a handler, as servers that list their tools
// in a table do.
type descriptor struct {
	name    string
	handler any
	guard   responseGuard // nil: defaultGuard
}

// A responseGuard checks or trims what a handler returned before the model
// sees it. It is given the handler's response, not the model's request:
// it is no tool, and no layer a tool's request goes through.
type responseGuard func(name string, resp *mcpgolang.ToolResponse) (*mcpgolang.ToolResponse, error)

var defaultGuard = newGuard(nil, 20)

// newGuard makes a guard that applies modify, then refuses an answer of
// more than max parts.
func newGuard(modify responseGuard, max int) responseGuard {
	return func(name string, resp *mcpgolang.ToolResponse) (*mcpgolang.ToolResponse, error) {
		if modify != nil {
			var err error
			if resp, err = modify(name, resp); err != nil {
				return nil, err
			}
		}
		if resp != nil && len(resp.Content) > max {
			return nil, errors.New(name + ": answer too long")
		}
		return resp, nil
	}
}

// firstPart keeps the first part of an answer.
func firstPart(name string, resp *mcpgolang.ToolResponse) (*mcpgolang.ToolResponse, error) {
	if resp != nil && len(resp.Content) > 1 {
		resp.Content = resp.Content[:1]
	}
	return resp, nil
}

var table = []descriptor{
	{name: "read_note", handler: func(args readArgs) (*mcpgolang.ToolResponse, error) { // want `tool read_note mcp\-golang constant` `BR305: tool read_note is not logged with its arguments`
		data, err := os.ReadFile(args.Path) // want `read_note: fs\-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model\-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
		if err != nil {
			return nil, err
		}
		return mcpgolang.NewToolResponse(mcpgolang.NewTextContent(string(data))), nil
	}},
	{name: "delete_note", handler: func(args readArgs) (*mcpgolang.ToolResponse, error) { // want `tool delete_note mcp\-golang constant` `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments`
		if err := os.Remove(args.Path); err != nil { // want `delete_note: fs\-write os\.Remove \(tainted\)` `BR104: tool delete_note: model\-controlled input reaches the file path of os\.Remove` `BR301: tool delete_note can write files through os\.Remove with no confirmation before it`
			return nil, err
		}
		return mcpgolang.NewToolResponse(mcpgolang.NewTextContent("deleted")), nil
	}, guard: newGuard(firstPart, 1)},
}

// truncated wraps a handler of any function type in one of the same type,
// made by reflection, that calls it and runs the guard on its answer: each
// tool of the table keeps its own handler through it, and the guards are
// not handlers.
func truncated(name string, handler any, guard responseGuard) any {
	hv := reflect.ValueOf(handler)
	return reflect.MakeFunc(hv.Type(), func(in []reflect.Value) []reflect.Value {
		out := hv.Call(in)
		resp, ok := out[0].Interface().(*mcpgolang.ToolResponse)
		if !ok || resp == nil {
			return out
		}
		if guard == nil {
			guard = defaultGuard
		}
		guarded, err := guard(name, resp)
		if err != nil {
			out[1] = reflect.ValueOf(&err).Elem()
			return out
		}
		out[0] = reflect.ValueOf(guarded)
		return out
	}).Interface()
}

func main() {
	s := mcpgolang.NewServer(stdio.NewStdioServerTransport()) // want `agent mcp_golang\.NewServer server mcp\-golang: delete_note, read_note, run_command` `BR402: agent mcp_golang\.NewServer: read_note returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	if err := s.RegisterTool("run_command", "Run a shell command", runCommand); err != nil {
		panic(err)
	}
	for _, d := range table {
		if err := s.RegisterTool(d.name, "From the table", truncated(d.name, d.handler, d.guard)); err != nil {
			panic(err)
		}
	}
	select {}
}

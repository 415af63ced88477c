// Command mcp-go-reflect registers typed tool functions through an adapter
// that calls them by reflection, as typed-handler helpers do: the adapter
// makes the mcp-go handler, and each tool's own function is what runs.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type readArgs struct {
	Path string `json:"path"`
}

type saveArgs struct {
	Text string `json:"text"`
}

func readNote(ctx context.Context, a readArgs) (string, error) { // want `tool read_note mcp\-go constant` `BR305: tool read_note is not logged with its arguments`
	b, err := os.ReadFile(a.Path) // want `read_note: fs\-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model\-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func saveDraft(ctx context.Context, a saveArgs) (string, error) { // want `tool save_draft mcp\-go constant` `BR304: tool save_draft can write files with no rate limit` `BR305: tool save_draft is not logged with its arguments`
	return "saved", os.WriteFile("/var/lib/notes/draft.txt", []byte(a.Text), 0o600) // want `save_draft: fs\-write os\.WriteFile` `BR301: tool save_draft can write files through os\.WriteFile with no confirmation before it`
}

// typed turns a function of (context, arguments struct) into an mcp-go
// handler: the arguments are decoded into a new value of the function's
// second parameter type, and the function is called through reflection.
func typed[T any](fn func(context.Context, T) (string, error)) server.ToolHandlerFunc {
	fv := reflect.ValueOf(fn)
	argType := fv.Type().In(1)
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		raw, err := json.Marshal(req.Params.Arguments)
		if err != nil {
			return nil, err
		}
		args := reflect.New(argType)
		if err := json.Unmarshal(raw, args.Interface()); err != nil {
			return nil, err
		}
		out := fv.Call([]reflect.Value{reflect.ValueOf(ctx), args.Elem()})
		if err, _ := out[1].Interface().(error); err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(fmt.Sprint(out[0].Interface())), nil
	}
}

func main() {
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp\-go: read_note, save_draft`
	s.AddTool(mcp.NewTool("read_note"), typed(readNote))
	s.AddTool(mcp.NewTool("save_draft"), typed(saveDraft))
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

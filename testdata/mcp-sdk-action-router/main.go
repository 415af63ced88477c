// Command mcp-sdk-action-router is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tools each route a call to one of
// their actions: a factory makes, for a tool's name and its map of actions,
// a closure that looks the model's "action" up in the map, runs what it
// finds with the model's parameters, and formats the result with a
// formatter it holds. One closure serves every tool; each tool can do what
// its own actions do, not what another tool's can, and the formatter is no
// tool's work.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

const notesDir = "/srv/notes"

// Action is one thing a tool can do.
type Action struct {
	Run         func(ctx context.Context, params map[string]any) (any, error)
	Destructive bool
}

// RouterInput is what the model sends: an action and its parameters.
type RouterInput struct {
	Action string         `json:"action"`
	Params map[string]any `json:"params"`
}

// Formatter turns an action's result into the tool's answer.
type Formatter func(any) *mcp.CallToolResult

func jsonFormat(v any) *mcp.CallToolResult {
	b, _ := json.Marshal(v)
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}
}

// router makes the handler of one tool over its actions.
func router(name string, actions map[string]Action, format Formatter) mcp.ToolHandlerFor[RouterInput, any] {
	if format == nil {
		format = jsonFormat
	}
	return func(ctx context.Context, req *mcp.CallToolRequest, in RouterInput) (*mcp.CallToolResult, any, error) { // want `tool clock mcp-go-sdk constant` `tool notes mcp-go-sdk constant` `BR304: tool notes can write files with no rate limit` `BR305: tool notes is not logged with its arguments`
		action, ok := actions[in.Action]
		if !ok {
			return nil, nil, fmt.Errorf("%s: unknown action %q", name, in.Action)
		}
		res, err := action.Run(ctx, in.Params)
		if err != nil {
			return nil, nil, err
		}
		return format(res), nil, nil
	}
}

// addRouter registers a tool of actions.
func addRouter(s *mcp.Server, name string, actions map[string]Action) {
	mcp.AddTool(s, &mcp.Tool{Name: name}, router(name, actions, nil))
}

func listNotes(ctx context.Context, params map[string]any) (any, error) {
	entries, err := os.ReadDir(notesDir) // want `notes: fs-read os\.ReadDir`
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, nil
}

func deleteNote(ctx context.Context, params map[string]any) (any, error) {
	name, _ := params["name"].(string)
	return "deleted", os.Remove(filepath.Join(notesDir, name)) // want `notes: fs-write os\.Remove \(tainted\)` `BR104: tool notes: model-controlled input reaches the file path of os\.Remove` `BR301: tool notes can write files through os\.Remove with no confirmation before it`
}

func serverTime(ctx context.Context, params map[string]any) (any, error) {
	return "12:00", nil
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "router"}, nil) // want `agent router server mcp-go-sdk: clock, notes`
	addRouter(s, "notes", map[string]Action{
		"list":   {Run: listNotes},
		"delete": {Run: deleteNote, Destructive: true},
	})
	addRouter(s, "clock", map[string]Action{"now": {Run: serverTime}})
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

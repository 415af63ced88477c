package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/tmc/langchaingo/llms"
)

// object is a JSON schema for an object with the given string properties.
func object(props ...string) map[string]any {
	p := map[string]any{}
	for _, name := range props {
		p[name] = map[string]any{"type": "string"}
	}
	return map[string]any{"type": "object", "properties": p, "required": props}
}

// toolDefs declares the tools to the model.
var toolDefs = []llms.Tool{
	{Type: "function", Function: &llms.FunctionDefinition{
		Name:        "read_file",
		Description: "Read a file.",
		Parameters:  object("path"),
	}},
	{Type: "function", Function: &llms.FunctionDefinition{
		Name:        "get_time",
		Description: "Get the current time.",
		Parameters:  object(),
	}},
	{Type: "function", Function: &llms.FunctionDefinition{
		Name:        "run_shell",
		Description: "Run a shell command.",
		Parameters:  object("command"),
	}},
	{Type: "function", Function: &llms.FunctionDefinition{
		Name:        "write_file",
		Description: "Write a file.",
		Parameters:  object("path", "text"),
	}},
	{Type: "function", Function: &llms.FunctionDefinition{
		// Declared, but no code handles it: the model may call it in vain.
		Name:        "delete_file", // want `declared delete_file langchaingo, never dispatched`
		Description: "Delete a file.",
		Parameters:  object("path"),
	}},
}

// handler runs one tool call on the model's JSON arguments.
type handler func(ctx context.Context, args string) (string, error)

// readOnly holds the tools that change nothing, keyed by tool name.
var readOnly = map[string]handler{
	"read_file": readFile,
	"get_time": func(ctx context.Context, args string) (string, error) { // want `tool get_time langchaingo constant`
		return time.Now().Format(time.RFC3339), nil
	},
}

// callArgs are the arguments of every tool, decoded from the model's JSON.
type callArgs struct {
	Command string `json:"command"`
	Path    string `json:"path"`
	Text    string `json:"text"`
	OrderID string `json:"order_id"`
}

// runTool dispatches one tool call: first through the readOnly table, then
// through a switch on the name.
func runTool(ctx context.Context, tc llms.ToolCall) (string, error) { // want `agent main\.runTool dispatcher langchaingo: get_time, lookup_order, read_file, run_shell, write_file` `BR401: agent main\.runTool: read_file returns private data \(os\.ReadFile\), lookup_order returns untrusted content \(net/http\.Get\), run_shell sends data where the model says \(os/exec\.CommandContext\);.*`
	if h, ok := readOnly[tc.FunctionCall.Name]; ok {
		return h(ctx, tc.FunctionCall.Arguments)
	}
	var args callArgs
	if err := json.Unmarshal([]byte(tc.FunctionCall.Arguments), &args); err != nil {
		return "", err
	}
	switch tc.FunctionCall.Name {
	case "run_shell": // want `tool run_shell langchaingo constant` `BR304: tool run_shell\b.*` `BR305: tool run_shell\b.*`
		out, err := exec.CommandContext(ctx, "sh", "-c", args.Command).CombinedOutput() // want `run_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_shell\b.*os/exec\.CommandContext` `BR301: tool run_shell\b.*os/exec\.CommandContext.*` `BR303: tool run_shell\b.*os/exec\.CommandContext.*`
		return string(out), err
	case "write_file": // want `tool write_file langchaingo constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
		if err := writeFile(args.Path, args.Text); err != nil {
			return "", err
		}
		return "written", nil
	case "lookup_order": // want `tool lookup_order langchaingo constant` `dispatched lookup_order langchaingo, never declared` `BR305: tool lookup_order\b.*`
		// The order ID is in the path of a fixed host: it cannot send
		// the request elsewhere (no BR103). The status line the server
		// answers with is its text, and goes back to the model in the
		// llms.ToolCallResponse that main builds of this result.
		resp, err := http.Get("https://orders.example.com/v1/orders/" + args.OrderID) // want `lookup_order: network net/http\.Get` `BR203: tool lookup_order returns web content fetched by net/http\.Get to the model, where it can carry instructions`
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		return resp.Status, nil
	}
	return "", fmt.Errorf("unknown tool %q", tc.FunctionCall.Name)
}

// readFile is the read_file handler, called through the readOnly table.
func readFile(ctx context.Context, args string) (string, error) { // want `tool read_file langchaingo constant` `BR305: tool read_file\b.*`
	var a callArgs
	if err := json.Unmarshal([]byte(args), &a); err != nil {
		return "", err
	}
	data, err := os.ReadFile(a.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

// writeFile is called from the write_file case, so its sink belongs to
// write_file.
func writeFile(path, text string) error {
	return os.WriteFile(path, []byte(text), 0o644) // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile` `BR301: tool write_file\b.*os\.WriteFile.*`
}

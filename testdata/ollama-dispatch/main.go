// Command ollama-dispatch is a homelab assistant built on the Go client of
// ollama (package api). Ollama runs no tools: the app declares them in the
// chat request and dispatches each tool call inside the Chat callback, with a
// switch on the call's name that falls back to a map of handlers keyed by
// name (tools.go).
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/ollama/ollama/api"
)

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	a := newAgent(os.Getenv("HOMELAB_ROOT"))
	client, err := api.ClientFromEnvironment()
	if err != nil {
		log.Fatal(err)
	}

	stream := false
	req := &api.ChatRequest{
		Model:    "llama3.2",
		Stream:   &stream,
		Messages: []api.Message{{Role: "user", Content: os.Args[1]}},
		Tools:    declarations(),
	}
	for {
		var calls []api.ToolCall
		err := client.Chat(ctx, req, func(resp api.ChatResponse) error { // want `BR401: agent main\$1: motd returns private data \(os\.ReadFile\), http_get returns untrusted content \(net/http\.Get\), http_get sends data where the model says \(net/http\.Get\);.*` `agent main\$1 dispatcher ollama: disk_usage, get_time, hostname, http_get, motd, read_file, run_command, uptime`
			req.Messages = append(req.Messages, resp.Message)
			calls = resp.Message.ToolCalls
			for _, tc := range resp.Message.ToolCalls {
				var out string
				var err error
				// Each case of the switch on the call's name is the tool of
				// that name: only the case body, and what it calls, belongs
				// to the tool.
				switch tc.Function.Name {
				case "run_command": // want `tool run_command ollama constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
					var b []byte
					b, err = a.shell(ctx, str(tc.Function.Arguments, "cmd")).CombinedOutput()
					out = string(b)
				case "motd": // want `tool motd ollama constant` `BR305: tool motd\b.*`
					// The file's text goes back to the model in the
					// api.Message{Role: "tool"} below.
					var b []byte
					b, err = os.ReadFile("/etc/motd") // want `motd: fs-read os\.ReadFile` `BR202: tool motd returns the contents of a file read by os\.ReadFile to the model`
					out = string(b)
				default:
					h, ok := a.handlers[tc.Function.Name]
					if !ok {
						err = fmt.Errorf("unknown tool %q", tc.Function.Name)
						break
					}
					out, err = h(ctx, tc.Function.Arguments)
				}
				if err != nil {
					out = "error: " + err.Error()
				}
				req.Messages = append(req.Messages, api.Message{Role: "tool", ToolName: tc.Function.Name, ToolCallID: tc.ID, Content: out})
			}
			return nil
		})
		if err != nil {
			log.Fatal(err)
		}
		if len(calls) == 0 {
			printTranscript(req.Messages)
			return
		}
	}
}

// declarations declares the tools to the model. Every name here is
// dispatched, by the switch or through the map, except reboot.
func declarations() api.Tools {
	return api.Tools{
		{Type: "function", Function: api.ToolFunction{Name: "run_command", Description: "Run a shell command", Parameters: params("cmd")}},
		{Type: "function", Function: api.ToolFunction{Name: "read_file", Description: "Read a file", Parameters: params("path")}},
		{Type: "function", Function: api.ToolFunction{Name: "disk_usage", Description: "Sum the sizes of a directory", Parameters: params("path")}},
		{Type: "function", Function: api.ToolFunction{Name: "http_get", Description: "Fetch a URL", Parameters: params("url")}},
		{Type: "function", Function: api.ToolFunction{Name: "get_time", Description: "Tell the time"}},
		{Type: "function", Function: api.ToolFunction{Name: "motd", Description: "Read the message of the day"}},
		{Type: "function", Function: api.ToolFunction{Name: "uptime", Description: "Tell the host's uptime"}},
		{Type: "function", Function: api.ToolFunction{Name: "hostname", Description: "Tell the host's name"}},
		// Declared to the model, but no code handles it.
		{Type: "function", Function: api.ToolFunction{Name: "reboot", Description: "Reboot the host"}}, // want `declared reboot ollama, never dispatched`
	}
}

// params is the schema of a tool with one required string argument.
func params(name string) api.ToolFunctionParameters {
	props := api.NewToolPropertiesMap()
	props.Set(name, api.ToolProperty{Type: api.PropertyType{"string"}})
	return api.ToolFunctionParameters{Type: "object", Required: []string{name}, Properties: props}
}

// printTranscript switches on message roles, which are not tool names: no
// tool "user" or "assistant" may be reported.
func printTranscript(msgs []api.Message) {
	for _, m := range msgs {
		switch m.Role {
		case "user":
			fmt.Println(">", m.Content)
		case "assistant":
			fmt.Println("<", m.Content)
		}
	}
}

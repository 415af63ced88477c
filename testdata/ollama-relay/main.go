// Command ollama-relay streams a chat with ollama. The Chat callback relays
// the model's tool calls: it copies them into the program's own call type,
// for the engine to run later through its handler map, and while a call to
// "think" streams by it shows the thought. That comparison inside the
// streaming callback runs no tool: the engine's lookup does.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"

	"github.com/ollama/ollama/api"
)

// call is the engine's own tool call.
type call struct {
	name string
	args map[string]any
}

// relay copies ollama's tool calls into calls.
func relay(tcs []api.ToolCall) []call {
	var out []call
	for _, tc := range tcs {
		out = append(out, call{name: tc.Function.Name, args: tc.Function.Arguments.ToMap()})
	}
	return out
}

type handler func(ctx context.Context, args map[string]any) (string, error)

// handlers are the engine's tools, by name.
var handlers = map[string]handler{
	"think": func(ctx context.Context, args map[string]any) (string, error) { // want `tool think ollama constant`
		return "ok", nil
	},
	"list_files": func(ctx context.Context, args map[string]any) (string, error) { // want `BR304: tool list_files can run processes with no rate limit` `BR305: tool list_files is not logged with its arguments` `tool list_files ollama constant`
		out, err := exec.CommandContext(ctx, "ls", "/srv/share").Output() // want `BR301: tool list_files can run processes through os/exec\.CommandContext with no confirmation before it` `list_files: exec os/exec\.CommandContext`
		return string(out), err
	},
}

func main() { // want `agent main\.main dispatcher ollama: list_files, think`
	ctx := context.Background()
	client, err := api.ClientFromEnvironment()
	if err != nil {
		log.Fatal(err)
	}
	var calls []call
	req := &api.ChatRequest{Model: "llama3.2", Messages: []api.Message{{Role: "user", Content: os.Args[1]}}}
	err = client.Chat(ctx, req, func(resp api.ChatResponse) error {
		for _, tc := range resp.Message.ToolCalls {
			if tc.Function.Name == "think" {
				fmt.Println("thinking:", tc.Function.Arguments.String())
			}
		}
		calls = append(calls, relay(resp.Message.ToolCalls)...)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range calls {
		h, ok := handlers[c.name]
		if !ok {
			continue
		}
		out, err := h(ctx, c.args)
		fmt.Println(out, err)
	}
}

// Command go-openai-registry is an assistant whose tools implement its own
// Tool interface (each embedding a baseTool built with its name), kept in a
// registry and run by the name in the model's tool call, after the call
// has been copied into the assistant's own call type. A streaming relay
// copies calls too, and peeks at their names to show progress: that peek
// runs no tool.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

// call is the assistant's own tool call: the engine dispatches these.
type call struct {
	id, name, args string
}

// fromMessage copies the model's tool calls into calls.
func fromMessage(m openai.ChatCompletionMessage) []call {
	var out []call
	for _, tc := range m.ToolCalls {
		out = append(out, call{id: tc.ID, name: tc.Function.Name, args: tc.Function.Arguments})
	}
	return out
}

// streamCalls relays a streamed completion: it assembles each tool call
// from its deltas and hands it on. While the model streams a call to
// "think" it prints a hint; the comparison runs no tool.
func streamCalls(ctx context.Context, client *openai.Client, req openai.ChatCompletionRequest, out chan<- call) error {
	stream, err := client.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return err
	}
	defer stream.Close()
	cur := &call{}
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		for _, tc := range resp.Choices[0].Delta.ToolCalls {
			if tc.Function.Name == "think" {
				fmt.Print("thinking…")
			}
			cur.name += tc.Function.Name
			cur.args += tc.Function.Arguments
		}
	}
	out <- *cur
	return nil
}

func run(ctx context.Context, client *openai.Client, reg *registry, prompt string) error {
	msgs := []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}}
	for {
		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
			Model: openai.GPT4o, Messages: msgs, Tools: reg.definitions()})
		if err != nil {
			return err
		}
		msg := resp.Choices[0].Message
		msgs = append(msgs, msg)
		calls := fromMessage(msg)
		if len(calls) == 0 {
			fmt.Println(msg.Content)
			return nil
		}
		for _, c := range calls {
			out, err := reg.execute(ctx, c.name, json.RawMessage(c.args))
			if err != nil {
				out = err.Error()
			}
			msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleTool, Content: out, ToolCallID: c.id})
		}
	}
}

func main() {
	ctx := context.Background()
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	reg := newRegistry()
	reg.register(newNotesTool("/srv/notes.txt"))
	reg.register(newWeatherTool())
	reg.register(&thinkTool{baseTool: newBaseTool("think", "Think step by step")})
	if os.Getenv("ALLOW_SHELL") == "1" { // want `run_command: gated by if os\.Getenv\("ALLOW_SHELL"\) == "1" \{.*`
		reg.register(newShellTool("/tmp"))
	}
	if len(os.Args) > 2 && os.Args[1] == "-stream" {
		ch := make(chan call, 1)
		if err := streamCalls(ctx, client, openai.ChatCompletionRequest{Model: openai.GPT4o, Stream: true}, ch); err != nil {
			log.Fatal(err)
		}
		c := <-ch
		out, err := runQuick(ctx, quickTools(), c)
		if err != nil {
			out, err = reg.execute(ctx, c.name, json.RawMessage(c.args))
		}
		fmt.Println(out, err)
		return
	}
	if err := run(ctx, client, reg, os.Args[1]); err != nil {
		log.Fatal(err)
	}
}

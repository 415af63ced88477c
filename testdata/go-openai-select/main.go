// Command go-openai-select is an agent that picks the tool a model's call
// names in a loop, and runs it after the loop: the selected value, not the
// loop's, is what runs. The agent is built by a constructor that returns
// it as a service, and run through that service.
package main

import (
	"context"
	"fmt"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

// Service runs the agent.
type Service interface {
	Run(ctx context.Context, prompt string) error
}

type agent struct {
	client *openai.Client
	tools  []Tool
	// helpers are looked up by a function that returns the match.
	helpers []Tool
}

// NewAgent returns the agent as a service.
func NewAgent(client *openai.Client, tools []Tool) Service {
	return &agent{client: client, tools: tools, helpers: []Tool{pingTool{}}}
}

func (a *agent) Run(ctx context.Context, prompt string) error { // want `agent \(\*main\.agent\)\.Run dispatcher go\-openai: ping, shell, write_note` `BR403: agent \(\*main\.agent\)\.Run: ping returns untrusted content \(net/http\.Get\), shell sends data where the model says \(os/exec\.CommandContext\);.*`
	resp, err := a.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    openai.GPT4o,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
	if err != nil {
		return err
	}
	var calls []Call
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		calls = append(calls, Call{ID: tc.ID, Name: tc.Function.Name, Input: tc.Function.Arguments})
	}
	for _, call := range calls {
		var tool Tool
		for _, t := range a.tools {
			if t.Info().Name == call.Name {
				tool = t
				break
			}
		}
		if tool == nil {
			tool = a.helper(call.Name)
		}
		if tool == nil {
			continue
		}
		out, err := tool.Run(ctx, call)
		if err != nil {
			return err
		}
		fmt.Println(out)
	}
	return nil
}

// helper returns the helper tool the model named, or nil.
func (a *agent) helper(name string) Tool {
	for _, t := range a.helpers {
		if t.Info().Name == name {
			return t
		}
	}
	return nil
}

func main() {
	var svc Service = NewAgent(openai.NewClient(os.Getenv("OPENAI_API_KEY")), []Tool{shellTool{}, &noteTool{dir: "/var/notes"}})
	if err := svc.Run(context.Background(), "hello"); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

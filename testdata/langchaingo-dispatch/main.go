// Command langchaingo-dispatch runs tools by hand with langchaingo's
// lower-level llms API: it declares functions with llms.WithTools, and
// dispatches each llms.ToolCall the model returns on tc.FunctionCall.Name,
// through a table of read-only handlers and a switch.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/openai"
)

func main() {
	ctx := context.Background()
	llm, err := openai.New()
	if err != nil {
		log.Fatal(err)
	}
	system, err := newMessage(llms.ChatMessageTypeSystem, "You are a careful operator.")
	if err != nil {
		log.Fatal(err)
	}
	user, err := newMessage(llms.ChatMessageTypeHuman, strings.Join(os.Args[1:], " "))
	if err != nil {
		log.Fatal(err)
	}
	history := []llms.MessageContent{system, user}

	for range 5 {
		resp, err := llm.GenerateContent(ctx, history, llms.WithTools(toolDefs))
		if err != nil {
			log.Fatal(err)
		}
		choice := resp.Choices[0]
		if len(choice.ToolCalls) == 0 {
			fmt.Println(choice.Content)
			return
		}
		calls := llms.MessageContent{Role: llms.ChatMessageTypeAI}
		for _, tc := range choice.ToolCalls {
			calls.Parts = append(calls.Parts, tc)
		}
		history = append(history, calls)
		for _, tc := range choice.ToolCalls {
			out, err := runTool(ctx, tc)
			if err != nil {
				out = "error: " + err.Error()
			}
			history = append(history, llms.MessageContent{
				Role: llms.ChatMessageTypeTool,
				Parts: []llms.ContentPart{llms.ToolCallResponse{
					ToolCallID: tc.ID,
					Name:       tc.FunctionCall.Name,
					Content:    out,
				}},
			})
		}
	}
}

// newMessage builds a message for role. Its switch is on a message role, not
// on a tool name: no case is a tool, and the os.ReadFile in the system case
// must NOT be reported.
func newMessage(role llms.ChatMessageType, text string) (llms.MessageContent, error) {
	switch role {
	case llms.ChatMessageTypeSystem:
		if data, err := os.ReadFile("system_prompt.txt"); err == nil {
			text = string(data)
		}
	case llms.ChatMessageTypeHuman:
		text = strings.TrimSpace(text)
	}
	return llms.TextParts(role, text), nil // want `BR204: .*github\.com/tmc/langchaingo/llms\.TextParts.*`
}

// Command anthropic-dispatch is a support agent built on the Messages API of
// anthropic-sdk-go. The SDK registers nothing: the app declares its tools with
// anthropic.ToolParam literals and dispatches each tool_use block by its name,
// with a switch (dispatch.go) and with an if-chain (web.go).
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"

	"github.com/anthropics/anthropic-sdk-go"
)

// tools declares the tools to the model. Every name here is dispatched in
// dispatch.go or web.go, except send_report.
func tools() []anthropic.ToolUnionParam {
	path := anthropic.ToolInputSchemaParam{Properties: map[string]any{"path": map[string]string{"type": "string"}}}
	return []anthropic.ToolUnionParam{
		{OfTool: &anthropic.ToolParam{
			Name:        "run_command",
			Description: anthropic.String("Run a shell command"),
			InputSchema: anthropic.ToolInputSchemaParam{Properties: map[string]any{"cmd": map[string]string{"type": "string"}}},
		}},
		{OfTool: &anthropic.ToolParam{Name: "read_file", InputSchema: path}},
		{OfTool: &anthropic.ToolParam{Name: "tail_log", InputSchema: path}},
		{OfTool: &anthropic.ToolParam{Name: "lookup_order", InputSchema: anthropic.ToolInputSchemaParam{}}},
		{OfTool: &anthropic.ToolParam{Name: "get_time", InputSchema: anthropic.ToolInputSchemaParam{}}},
		{OfTool: &anthropic.ToolParam{Name: "fetch_url", InputSchema: anthropic.ToolInputSchemaParam{}}},
		{OfTool: &anthropic.ToolParam{Name: "read_env", InputSchema: anthropic.ToolInputSchemaParam{}}},
		// Declared to the model, but no code handles it.
		{OfTool: &anthropic.ToolParam{Name: "send_report", InputSchema: anthropic.ToolInputSchemaParam{}}}, // want `declared send_report anthropic, never dispatched`
	}
}

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	db, err := sql.Open("postgres", os.Getenv("ORDERS_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	a := &agent{db: db, logDir: "/var/log/shop"}

	client := anthropic.NewClient()
	params := anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(os.Args[1]))},
		Tools:     tools(),
	}
	for {
		msg, err := client.Messages.New(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		params.Messages = append(params.Messages, msg.ToParam())
		// Not a tool dispatch: StopReason is not a tool name, so no tool
		// "tool_use" or "end_turn" may be reported.
		switch msg.StopReason {
		case anthropic.StopReasonToolUse:
			params.Messages = append(params.Messages, anthropic.NewUserMessage(a.runTools(ctx, msg.Content)...))
		case anthropic.StopReasonEndTurn:
			printTranscript(params.Messages)
			return
		default:
			log.Fatalf("stopped: %s", msg.StopReason)
		}
	}
}

// printTranscript switches on message roles, which are not tool names: no
// tool "user" or "assistant" may be reported.
func printTranscript(msgs []anthropic.MessageParam) {
	for _, m := range msgs {
		switch m.Role {
		case anthropic.MessageParamRoleUser:
			fmt.Print("> ")
		case anthropic.MessageParamRoleAssistant:
			fmt.Print("< ")
		}
		for _, c := range m.Content {
			if t := c.GetText(); t != nil {
				fmt.Println(*t)
			}
		}
	}
}

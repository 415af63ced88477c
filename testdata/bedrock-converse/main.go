// Command bedrock-converse is an ops bot built on the Converse API of Amazon
// Bedrock (aws-sdk-go-v2 service/bedrockruntime). Bedrock runs no tools: the
// app declares them as types.ToolSpecification{Name: aws.String(...)} and
// dispatches each tool-use block on aws.ToString of its Name (tools.go).
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/document"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
)

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	b := &bot{workDir: os.Getenv("OPSBOT_DIR"), metricsURL: "http://metrics.internal/api/v1/query"}
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	client := bedrockruntime.NewFromConfig(cfg)

	messages := []types.Message{{
		Role:    types.ConversationRoleUser,
		Content: []types.ContentBlock{&types.ContentBlockMemberText{Value: os.Args[1]}},
	}}
	for {
		out, err := client.Converse(ctx, &bedrockruntime.ConverseInput{
			ModelId:    aws.String("anthropic.claude-3-5-sonnet-20240620-v1:0"),
			Messages:   messages,
			ToolConfig: toolConfig(),
		})
		if err != nil {
			log.Fatal(err)
		}
		msg := out.Output.(*types.ConverseOutputMemberMessage).Value
		messages = append(messages, msg)
		// Not a tool dispatch: StopReason is not a tool name, so no tool
		// "tool_use" or "end_turn" may be reported.
		switch out.StopReason {
		case types.StopReasonToolUse:
			messages = append(messages, types.Message{Role: types.ConversationRoleUser, Content: b.runTools(ctx, msg.Content)})
		case types.StopReasonEndTurn:
			for _, block := range msg.Content {
				if text, ok := block.(*types.ContentBlockMemberText); ok {
					fmt.Println(text.Value)
				}
			}
			return
		default:
			log.Fatalf("stopped: %s", out.StopReason)
		}
	}
}

// toolConfig declares the tools to the model. The names go through
// aws.String. Every name here is dispatched in tools.go, except scale_cluster.
func toolConfig() *types.ToolConfiguration {
	return &types.ToolConfiguration{Tools: []types.Tool{
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("run_command"),
			Description: aws.String("Run a shell command in the work directory"),
			InputSchema: schema("cmd"),
		}},
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("read_file"),
			InputSchema: schema("path"),
		}},
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("write_file"),
			InputSchema: schema("path", "text"),
		}},
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("query_metrics"),
			InputSchema: schema("query"),
		}},
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("lookup_env"),
			InputSchema: schema("name"),
		}},
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("get_time"),
			InputSchema: schema(),
		}},
		// Declared to the model, but no code handles it.
		&types.ToolMemberToolSpec{Value: types.ToolSpecification{
			Name:        aws.String("scale_cluster"), // want `declared scale_cluster bedrock, never dispatched`
			InputSchema: schema("replicas"),
		}},
	}}
}

// schema is the JSON schema of a tool whose arguments are all strings.
func schema(args ...string) types.ToolInputSchema {
	props := map[string]any{}
	for _, a := range args {
		props[a] = map[string]string{"type": "string"}
	}
	return &types.ToolInputSchemaMemberJson{Value: document.NewLazyDocument(map[string]any{
		"type":       "object",
		"properties": props,
		"required":   args,
	})}
}

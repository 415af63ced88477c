// Command azopenai-dispatch is an assistant on the Azure OpenAI SDK
// (github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai). The program declares
// its tools with ChatCompletionsFunctionToolDefinitionFunction{Name:
// to.Ptr("x")} and dispatches each function tool call with a switch on the
// name the model gave (a *string).
package main

import (
	"context"
	"encoding/json"
	"log"
	"os"
	"os/exec"

	"github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
)

func tool(name string) azopenai.ChatCompletionsToolDefinitionClassification {
	return &azopenai.ChatCompletionsFunctionToolDefinition{
		Function: &azopenai.ChatCompletionsFunctionToolDefinitionFunction{Name: to.Ptr(name)}, // want `declared delete_file azopenai, never dispatched`
	}
}

func main() { // want `agent main\.main dispatcher azopenai: read_file, run_command`
	ctx := context.Background()
	client, err := azopenai.NewClientWithKeyCredential(os.Getenv("AZURE_OPENAI_ENDPOINT"), azcore.NewKeyCredential(os.Getenv("AZURE_OPENAI_KEY")), nil)
	if err != nil {
		log.Fatal(err)
	}
	opts := azopenai.ChatCompletionsOptions{
		DeploymentName: to.Ptr("gpt-4o"),
		Messages:       []azopenai.ChatRequestMessageClassification{&azopenai.ChatRequestUserMessage{Content: azopenai.NewChatRequestUserMessageContent("hello")}},
		Tools: []azopenai.ChatCompletionsToolDefinitionClassification{
			&azopenai.ChatCompletionsFunctionToolDefinition{
				Function: &azopenai.ChatCompletionsFunctionToolDefinitionFunction{Name: to.Ptr("read_file")},
			},
			tool("run_command"),
			// Declared to the model, never dispatched: the mismatch report names it.
			tool("delete_file"),
		},
	}
	resp, err := client.GetChatCompletions(ctx, opts, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, choice := range resp.Choices {
		for _, tc := range choice.Message.ToolCalls {
			fc, ok := tc.(*azopenai.ChatCompletionsFunctionToolCall)
			if !ok {
				continue
			}
			var args map[string]string
			if err := json.Unmarshal([]byte(*fc.Function.Arguments), &args); err != nil {
				continue
			}
			switch *fc.Function.Name {
			case "read_file": // want `tool read_file azopenai constant` `BR305: tool read_file is not logged with its arguments`
				data, err := os.ReadFile(args["path"]) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile`
				if err != nil {
					continue
				}
				log.Printf("%d bytes", len(data))
			case "run_command": // want `tool run_command azopenai constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
				if err := exec.CommandContext(ctx, "sh", "-c", args["command"]).Run(); err != nil { // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
					log.Print(err)
				}
			}
		}
	}
}

// Command openai-go-v1 is an assistant built on openai-go v1, whose tool
// calls are the plain struct openai.ChatCompletionMessageToolCall (v2 and v3
// use a union). The program dispatches with a switch on the function name:
// each case is a tool.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"

	"github.com/openai/openai-go"
)

// params is the JSON schema of an object with one string property.
func params(name string) openai.FunctionParameters {
	return openai.FunctionParameters{
		"type":       "object",
		"properties": map[string]any{name: map[string]string{"type": "string"}},
	}
}

func main() { // want `BR403: agent main\.main: http_get returns untrusted content \(net/http\.Get\), http_get sends data where the model says \(net/http\.Get\);.*` `agent main\.main dispatcher openai\-go: add, get_setting, http_get, kubectl`
	ctx := context.Background()
	client := openai.NewClient()
	req := openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Is the staging deploy healthy?")},
		Tools: []openai.ChatCompletionToolParam{
			{Function: openai.FunctionDefinitionParam{Name: "kubectl", Parameters: params("args")}},
			{Function: openai.FunctionDefinitionParam{Name: "http_get", Parameters: params("url")}},
			{Function: openai.FunctionDefinitionParam{Name: "get_setting", Parameters: params("key")}},
			{Function: openai.FunctionDefinitionParam{Name: "add"}},
		},
	}
	for {
		completion, err := client.Chat.Completions.New(ctx, req)
		if err != nil {
			log.Fatal(err)
		}
		msg := completion.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			fmt.Println(msg.Content)
			return
		}
		req.Messages = append(req.Messages, msg.ToParam())
		for _, tc := range msg.ToolCalls {
			var args map[string]string
			if err := json.Unmarshal([]byte(tc.Function.Arguments), &args); err != nil {
				req.Messages = append(req.Messages, openai.ToolMessage("bad arguments", tc.ID))
				continue
			}
			var out string
			switch tc.Function.Name {
			case "kubectl": // want `tool kubectl openai-go constant` `BR304: tool kubectl\b.*` `BR305: tool kubectl\b.*`
				out = kubectl(ctx, args["args"])
			case "http_get": // want `tool http_get openai-go constant` `BR305: tool http_get\b.*`
				out = httpGet(args["url"])
			case "get_setting": // want `tool get_setting openai-go constant`
				out = setting(args["key"])
			case "add": // want `tool add openai-go constant`
				// The harmless tool: no sink.
				out = args["a"] + args["b"]
			default:
				out = "unknown tool"
			}
			req.Messages = append(req.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
}

func kubectl(ctx context.Context, args string) string {
	out, err := exec.CommandContext(ctx, "kubectl", args).CombinedOutput() // want `kubectl: exec os/exec\.CommandContext \(tainted\)` `BR101: tool kubectl\b.*os/exec\.CommandContext` `BR301: tool kubectl\b.*os/exec\.CommandContext.*` `BR303: tool kubectl\b.*os/exec\.CommandContext.*`
	if err != nil {
		return err.Error()
	}
	return string(out)
}

func httpGet(url string) string {
	resp, err := http.Get(url) // want `http_get: network net/http\.Get \(tainted\)` `BR103: tool http_get\b.*net/http\.Get` `BR203: tool http_get\b.*net/http\.Get.*`
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	return resp.Status
}

func setting(key string) string {
	// A switch on the deployment, not on a tool name: "prod" and "dev" are
	// not tools.
	switch os.Getenv("APP_ENV") { // a setting by its constant name: not env
	case "prod":
		return "redacted"
	case "dev":
		return key
	}
	return ""
}

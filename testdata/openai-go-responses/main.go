// Command openai-go-responses is an assistant built on the openai-go v3
// Responses API. The program declares function tools with
// responses.FunctionToolParam and dispatches each function call with an
// if-chain on responses.ResponseFunctionToolCall.Name: each branch is a tool.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
)

// app holds what the tools share.
type app struct {
	db     *sql.DB
	client *http.Client
}

func main() {
	ctx := context.Background()
	db, err := sql.Open("postgres", "postgres://localhost/crm")
	if err != nil {
		log.Fatal(err)
	}
	a := &app{db: db, client: http.DefaultClient}
	client := openai.NewClient()

	params := responses.ResponseNewParams{
		Model: openai.ChatModelGPT4o,
		Input: responses.ResponseNewParamsInputUnion{OfString: openai.String("Close the ticket of customer 42.")},
		Tools: []responses.ToolUnionParam{
			{OfFunction: &responses.FunctionToolParam{
				Name:       "grep_logs",
				Parameters: map[string]any{"type": "object", "properties": map[string]any{"pattern": map[string]string{"type": "string"}}},
			}},
			{OfFunction: &responses.FunctionToolParam{Name: "close_ticket"}},
			{OfFunction: &responses.FunctionToolParam{Name: "notify_webhook"}},
			{OfFunction: &responses.FunctionToolParam{Name: "echo"}},
		},
	}
	for {
		resp, err := client.Responses.New(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		var outputs responses.ResponseInputParam
		for _, item := range resp.Output {
			// A switch on the item type, not on a tool name: "message" and
			// "function_call" are not tools.
			switch item.Type {
			case "message":
				fmt.Println(resp.OutputText())
			case "function_call":
				call := item.AsFunctionCall()
				out, err := a.call(ctx, call)
				if err != nil {
					out = "error: " + err.Error()
				}
				outputs = append(outputs, responses.ResponseInputItemUnionParam{
					OfFunctionCallOutput: &responses.ResponseInputItemFunctionCallOutputParam{
						CallID: openai.String(call.CallID),
						Output: responses.ResponseInputItemFunctionCallOutputOutputUnionParam{OfString: openai.String(out)},
					},
				})
			}
		}
		if len(outputs) == 0 {
			return
		}
		params.PreviousResponseID = openai.String(resp.ID)
		params.Input = responses.ResponseNewParamsInputUnion{OfInputItemList: outputs}
	}
}

// call runs the function the model called.
func (a *app) call(ctx context.Context, call responses.ResponseFunctionToolCall) (string, error) { // want `agent \(\*main\.app\)\.call dispatcher openai\-go: close_ticket, echo, grep_logs, notify_webhook`
	var args map[string]string
	if err := json.Unmarshal([]byte(call.Arguments), &args); err != nil {
		return "", err
	}
	if call.Name == "grep_logs" { // want `tool grep_logs openai-go constant` `BR304: tool grep_logs\b.*` `BR305: tool grep_logs\b.*`
		out, err := exec.CommandContext(ctx, "grep", "-r", args["pattern"], "/var/log/app").Output() // want `grep_logs: exec os/exec\.CommandContext \(tainted\)` `BR101: tool grep_logs\b.*os/exec\.CommandContext, which runs grep` `BR301: tool grep_logs\b.*os/exec\.CommandContext.*`
		return string(out), err
	} else if call.Name == "close_ticket" { // want `tool close_ticket openai-go constant` `BR304: tool close_ticket\b.*` `BR305: tool close_ticket\b.*`
		return a.closeTicket(ctx, args["id"])
	} else if call.Name == "notify_webhook" { // want `tool notify_webhook openai-go constant` `BR305: tool notify_webhook\b.*`
		return a.notify(args["url"])
	} else if call.Name == "echo" { // want `tool echo openai-go constant`
		// The harmless tool: no sink.
		return args["text"], nil
	}
	return "", fmt.Errorf("unknown function %q", call.Name)
}

func (a *app) closeTicket(ctx context.Context, id string) (string, error) {
	_, err := a.db.ExecContext(ctx, "UPDATE tickets SET status = 'closed' WHERE id = $1", id) // want `close_ticket: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool close_ticket\b.*\(\*database/sql\.DB\)\.ExecContext.*`
	return "closed", err
}

func (a *app) notify(url string) (string, error) {
	token := os.Getenv("WEBHOOK_TOKEN")                                // a setting by its constant name: not env
	resp, err := a.client.Post(url+"?token="+token, "text/plain", nil) // want `notify_webhook: network \(\*net/http\.Client\)\.Post \(tainted\)` `BR103: tool notify_webhook\b.*\(\*net/http\.Client\)\.Post`
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return resp.Status, nil
}

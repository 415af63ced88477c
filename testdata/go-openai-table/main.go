// Command go-openai-table is an agent whose tools are rows of a table of
// its own descriptors, a name beside a function: it runs the row whose
// name the model's call gives, found by a loop that compares the name
// field. A second loop compares names ignoring case. A table that no loop
// compares with a model's call holds no tool.
package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Tool pairs the name the model calls with the function that runs it.
type Tool struct {
	Name        string
	Description string
	Run         func(ctx context.Context, args string) (string, error)
}

var tools = []Tool{
	{Name: "shell", Description: "run a command", Run: runShell},
	{Name: "read_file", Description: "read a file", Run: readFile},
}

// helpers are rows held by pointer, looked up ignoring case.
var helpers = []*Tool{
	{Name: "fetch", Run: fetch},
}

// retired tools are kept for the record and never given to the model.
var retired = []Tool{
	{Name: "wipe", Run: wipe},
}

func runShell(ctx context.Context, args string) (string, error) { // want `tool shell go-openai constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "sh", "-c", args).Output() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func readFile(ctx context.Context, args string) (string, error) { // want `tool read_file go-openai constant` `BR305: tool read_file is not logged with its arguments`
	b, err := os.ReadFile(args) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func fetch(ctx context.Context, args string) (string, error) { // want `tool fetch go-openai constant` `BR305: tool fetch is not logged with its arguments`
	resp, err := http.Get(args) // want `fetch: network net/http\.Get \(tainted\)` `BR103: tool fetch: model-controlled input reaches the URL or address of net/http\.Get` `BR203: tool fetch returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func wipe(ctx context.Context, args string) (string, error) {
	return "", os.RemoveAll(args)
}

func run(ctx context.Context, client *openai.Client, prompt string) ([]string, error) { // want `agent main\.run dispatcher go-openai: fetch, read_file, shell` `BR401: agent main\.run: read_file returns private data \(os\.ReadFile\), fetch returns untrusted content \(net/http\.Get\), fetch sends data where the model says \(net/http\.Get\); an instruction in the untrusted content can make the model read the private data and send it out`
	resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    openai.GPT4o,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
	if err != nil {
		return nil, err
	}
	var results []string
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		for _, t := range tools {
			if t.Name == tc.Function.Name {
				out, err := t.Run(ctx, tc.Function.Arguments)
				if err != nil {
					out = err.Error()
				}
				results = append(results, out)
			}
		}
		for _, h := range helpers {
			if strings.EqualFold(h.Name, tc.Function.Name) {
				out, _ := h.Run(ctx, tc.Function.Arguments)
				results = append(results, out)
			}
		}
	}
	return results, nil
}

func main() {
	for _, t := range retired {
		println(t.Name)
	}
	if _, err := run(context.Background(), openai.NewClient(os.Getenv("OPENAI_API_KEY")), "hello"); err != nil {
		os.Exit(1)
	}
}

// Command openai-go-chat is an assistant built on openai-go v3 Chat
// Completions. The SDK registers nothing: the program declares its tools to
// the model and dispatches the model's tool calls with a switch on the
// function name. Each case of that switch is a tool.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"
)

func main() { // want `BR401: agent main\.main: read_file returns private data \(os\.ReadFile\), fetch_status returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_status sends data where the model says \(net/http\.NewRequestWithContext\);.*` `agent main\.main dispatcher openai\-go: count_jobs, current_time, delete_file, fetch_status, read_file, run_command`
	ctx := context.Background()
	// Set-up in main belongs to no tool: this os.Getenv must not be reported.
	dsn := os.Getenv("ASSISTANT_DSN")
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	client := openai.NewClient()

	params := openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Why is the disk on build-7 full?")},
		Tools: []openai.ChatCompletionToolUnionParam{
			openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
				Name:        "run_command",
				Description: openai.String("Run a shell command on the build host."),
				Parameters:  stringParam("cmd"),
			}),
			openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
				Name:       "read_file",
				Parameters: stringParam("path"),
			}),
			// openai.FunctionDefinitionParam is an alias of shared.FunctionDefinitionParam.
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
				Name:       "count_jobs",
				Parameters: stringParam("status"),
			}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
				Name:       "fetch_status",
				Parameters: stringParam("url"),
			}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
				Name: "current_time",
			}),
			// Declared to the model, but no case of the switch below handles it.
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
				Name:       "restart_service", // want `declared restart_service openai-go, never dispatched`
				Parameters: stringParam("service"),
			}),
		},
	}

	for turn := 0; turn < 8; turn++ {
		completion, err := client.Chat.Completions.New(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		choice := completion.Choices[0]
		// A switch on the finish reason, not on a tool name: its cases are
		// not tools.
		switch choice.FinishReason {
		case "stop":
			fmt.Println(choice.Message.Content)
			return
		case "length":
			log.Fatal("the reply was cut off")
		}
		params.Messages = append(params.Messages, choice.Message.ToParam())

		for _, tc := range completion.Choices[0].Message.ToolCalls {
			// Code before the switch is in no case: this os.Getenv must not
			// be reported.
			if os.Getenv("ASSISTANT_TRACE") != "" {
				log.Printf("tool call %s(%s)", tc.Function.Name, tc.Function.Arguments)
			}
			var out string
			var err error
			switch tc.Function.Name {
			case "run_command": // want `tool run_command openai-go constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
				out, err = runCommand(ctx, tc.Function.Arguments)
			case "read_file": // want `tool read_file openai-go constant` `BR305: tool read_file\b.*`
				out, err = readFile(tc.Function.Arguments)
			case "count_jobs": // want `tool count_jobs openai-go constant` `BR305: tool count_jobs\b.*`
				out, err = countJobs(ctx, db, tc.Function.Arguments)
			case "fetch_status": // want `tool fetch_status openai-go constant` `BR305: tool fetch_status\b.*`
				out, err = fetchStatus(ctx, tc.Function.Arguments)
			case "current_time": // want `tool current_time openai-go constant`
				// The harmless tool: no sink.
				out = time.Now().UTC().Format(time.RFC3339)
			case "delete_file": // want `tool delete_file openai-go constant` `dispatched delete_file openai-go, never declared` `BR304: tool delete_file\b.*` `BR305: tool delete_file\b.*`
				// Handled, but never declared to the model.
				out, err = deleteFile(tc.Function.Arguments)
			default:
				err = fmt.Errorf("unknown tool %q", tc.Function.Name)
			}
			if err != nil {
				out = "error: " + err.Error()
			}
			params.Messages = append(params.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
}

// stringParam is the JSON schema of an object with one string property.
func stringParam(name string) shared.FunctionParameters {
	return shared.FunctionParameters{
		"type":       "object",
		"properties": map[string]any{name: map[string]string{"type": "string"}},
		"required":   []string{name},
	}
}

// arg decodes the model's JSON arguments and returns one string property.
func arg(arguments, name string) (string, error) {
	var m map[string]string
	if err := json.Unmarshal([]byte(arguments), &m); err != nil {
		return "", err
	}
	return m[name], nil
}

func runCommand(ctx context.Context, arguments string) (string, error) {
	cmd, err := arg(arguments, "cmd")
	if err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	return string(out), err
}

func readFile(arguments string) (string, error) {
	path, err := arg(arguments, "path")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

func countJobs(ctx context.Context, db *sql.DB, arguments string) (string, error) {
	status, err := arg(arguments, "status")
	if err != nil {
		return "", err
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM jobs WHERE status = $1", status).Scan(&n) // want `count_jobs: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return fmt.Sprint(n), err
}

func fetchStatus(ctx context.Context, arguments string) (string, error) {
	url, err := arg(arguments, "url")
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil) // want `BR103: tool fetch_status\b.*net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `fetch_status: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_status\b.*\(\*net/http\.Client\)\.Do.*`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return string(body), err
}

func deleteFile(arguments string) (string, error) {
	path, err := arg(arguments, "path")
	if err != nil {
		return "", err
	}
	if err := os.Remove(path); err != nil { // want `delete_file: fs-write os\.Remove \(tainted\)` `BR104: tool delete_file\b.*os\.Remove` `BR301: tool delete_file\b.*os\.Remove.*`
		return "", err
	}
	return "deleted " + path, nil
}

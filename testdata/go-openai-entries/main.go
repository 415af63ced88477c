// Command go-openai-entries keeps its tools in a registry whose entries
// hold each tool beside what the registry knows of it (whether it is
// enabled, how long a hidden one stays callable, a hook that runs before
// it). The model's tool-call name looks an entry up; the tool in it runs
// inside a recover wrapper.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"

	openai "github.com/sashabaranov/go-openai"
)

// Tool is what the registry runs.
type Tool interface {
	Name() string
	Execute(ctx context.Context, args map[string]any) string
}

// Hook runs before a tool does.
type Hook interface {
	Before(ctx context.Context, name string) error
}

// entry is what the registry keeps of a tool.
type entry struct {
	hook    Hook
	tool    Tool
	enabled bool
	ttl     int
}

// auditHook logs each call: it is no tool.
type auditHook struct{}

func (auditHook) Before(ctx context.Context, name string) error {
	fmt.Fprintln(os.Stderr, "calling", name)
	return nil
}

type registry struct {
	entries map[string]*entry
}

func (r *registry) register(t Tool) {
	r.entries[t.Name()] = &entry{hook: auditHook{}, tool: t, enabled: true}
}

// get returns the tool registered under name, if it is enabled, once its
// hook has run.
func (r *registry) get(ctx context.Context, name string) (Tool, bool) { // want `agent \(\*main\.registry\)\.get dispatcher go-openai: read_file, shell` `BR402: agent \(\*main\.registry\)\.get: read_file returns private data \(os\.ReadFile\), shell sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	e, ok := r.entries[name]
	if !ok || !e.enabled {
		return nil, false
	}
	if err := e.hook.Before(ctx, name); err != nil {
		return nil, false
	}
	return e.tool, true
}

// execute runs the tool, turning a panic into an error message.
func (r *registry) execute(ctx context.Context, name string, args map[string]any) (result string) {
	t, ok := r.get(ctx, name)
	if !ok {
		return fmt.Sprintf("tool %q not found", name)
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				result = fmt.Sprint("tool crashed: ", p)
			}
		}()
		result = t.Execute(ctx, args)
	}()
	return result
}

type shellTool struct{}

func (shellTool) Name() string { return "shell" }

func (shellTool) Execute(ctx context.Context, args map[string]any) string { // want `tool shell go-openai constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	line, _ := args["command"].(string)
	out, _ := exec.CommandContext(ctx, "sh", "-c", line).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out)
}

type readTool struct{}

func (readTool) Name() string { return "read_file" }

func (readTool) Execute(ctx context.Context, args map[string]any) string { // want `tool read_file go-openai constant` `BR305: tool read_file is not logged with its arguments`
	p, _ := args["path"].(string)
	b, err := os.ReadFile(p) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func main() {
	r := &registry{entries: map[string]*entry{}}
	r.register(shellTool{})
	r.register(readTool{})
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	resp, err := client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: openai.GPT4o})
	if err != nil || len(resp.Choices) == 0 {
		return
	}
	for _, call := range resp.Choices[0].Message.ToolCalls {
		var args map[string]any
		_ = json.Unmarshal([]byte(call.Function.Arguments), &args)
		fmt.Println(r.execute(context.Background(), call.Function.Name, args))
	}
}

// Command go-openai-toolcall is an assistant whose registry of tools (its
// own Tool interface) turns the model's tool call into a ToolCall that
// holds the tool it looked up; the ToolCall runs it later. Each session
// works on a clone of the registry, and a plugin is registered under a
// name computed at start-up.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"

	openai "github.com/sashabaranov/go-openai"
)

// Tool is the assistant's own tool interface.
type Tool interface {
	Name() string
	Run(ctx context.Context, args map[string]any) (any, error)
	IsInteractive(args map[string]any) (bool, error)
}

// Tools is the registry, keyed by the name the model calls.
type Tools struct {
	tools map[string]Tool
}

// Register files a tool under its name; a plugin under a unique one.
func (t *Tools) Register(tool Tool) {
	name := tool.Name()
	if p, ok := tool.(*pluginTool); ok {
		name = "plugin_" + p.id
	}
	t.tools[name] = tool
}

// Clone copies the registry for one session.
func (t *Tools) Clone() *Tools {
	c := &Tools{tools: map[string]Tool{}}
	for name, tool := range t.tools {
		c.tools[name] = tool
	}
	return c
}

// ToolCall is a call the model asked for, with the tool that runs it.
type ToolCall struct {
	tool Tool
	name string
	args map[string]any
}

// Parse looks the tool up by the name in the model's call.
func (t *Tools) Parse(name string, args map[string]any) (*ToolCall, error) { // want `agent \(\*main\.Tools\)\.Parse dispatcher go-openai: bash, pluginTool.Run, read_file` `BR401: agent \(\*main\.Tools\)\.Parse: read_file returns private data \(os\.ReadFile\), pluginTool.Run returns untrusted content \(net/http\.Get\), bash sends da.*`
	tool := t.tools[name]
	if tool == nil {
		return nil, fmt.Errorf("no tool %q", name)
	}
	return &ToolCall{tool: tool, name: name, args: args}, nil
}

// Interactive asks the tool whether the call needs a terminal.
func (c *ToolCall) Interactive() bool {
	ok, _ := c.tool.IsInteractive(c.args)
	return ok
}

// Invoke runs the call.
func (c *ToolCall) Invoke(ctx context.Context) (any, error) {
	return c.tool.Run(ctx, c.args)
}

type bashTool struct{}

func (bashTool) Name() string { return "bash" }

func (bashTool) Run(ctx context.Context, args map[string]any) (any, error) { // want `tool bash go-openai constant` `BR304: tool bash can run processes with no rate limit` `BR305: tool bash is not logged with its arguments`
	command, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, "bash", "-c", command).CombinedOutput() // want `bash: exec os/exec\.CommandContext \(tainted\)` `BR101: tool bash: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool bash can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool bash: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func (bashTool) IsInteractive(args map[string]any) (bool, error) { return false, nil }

type readTool struct{}

func (readTool) Name() string { return "read_file" }

func (readTool) Run(ctx context.Context, args map[string]any) (any, error) { // want `tool read_file go-openai constant` `BR305: tool read_file is not logged with its arguments`
	path, _ := args["path"].(string)
	b, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func (readTool) IsInteractive(args map[string]any) (bool, error) { return false, nil }

// pluginTool forwards the call to a plugin's endpoint; its name is the
// plugin's, known at start-up only.
type pluginTool struct {
	id, url string
}

func (p *pluginTool) Name() string { return "plugin_" + p.id }

func (p *pluginTool) Run(ctx context.Context, args map[string]any) (any, error) { // want `tool pluginTool.Run go-openai handler` `BR305: tool pluginTool.Run is not logged with its arguments`
	resp, err := http.Get(p.url) // want `pluginTool.Run: network net/http\.Get` `BR203: tool pluginTool.Run returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func (p *pluginTool) IsInteractive(args map[string]any) (bool, error) { return false, nil }

func main() {
	ctx := context.Background()
	registry := &Tools{tools: map[string]Tool{}}
	registry.Register(bashTool{})
	registry.Register(readTool{})
	registry.Register(&pluginTool{id: os.Getenv("PLUGIN_ID"), url: os.Getenv("PLUGIN_URL")})
	session := registry.Clone()
	if os.Getenv("SHARED_REGISTRY") != "" {
		session = registry
	}

	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	msgs := []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: os.Args[1]}}
	for {
		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: openai.GPT4o, Messages: msgs})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		m := resp.Choices[0].Message
		msgs = append(msgs, m)
		if len(m.ToolCalls) == 0 {
			fmt.Println(m.Content)
			return
		}
		for _, tc := range m.ToolCalls {
			var args map[string]any
			if err := json.Unmarshal([]byte(tc.Function.Arguments), &args); err != nil {
				continue
			}
			call, err := session.Parse(tc.Function.Name, args)
			if err != nil || call.Interactive() {
				continue
			}
			out, err := call.Invoke(ctx)
			if err != nil {
				out = err.Error()
			}
			msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleTool, ToolCallID: tc.ID, Content: fmt.Sprint(out)})
		}
	}
}

// Command anthropic-registry-iface is an agent whose tools live in a
// registry that the dispatcher holds behind the registry's own interface
// (a field of type Registry, so that a test can put a fake there): the
// tools go in through Registry.Register and come out through Registry.Get,
// looked up by the name in the model's tool_use block.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"os"
	"os/exec"

	"github.com/anthropics/anthropic-sdk-go"
)

// Tool is the application's tool interface.
type Tool interface {
	Name() string
	Execute(ctx context.Context, input json.RawMessage) (string, error)
}

// Registry keeps the tools by name.
type Registry interface {
	Register(t Tool) error
	Get(name string) (Tool, error)
}

type toolRegistry struct{ tools map[string]Tool }

// NewRegistry returns an empty registry, as the interface.
func NewRegistry() Registry { return &toolRegistry{tools: map[string]Tool{}} }

func (r *toolRegistry) Register(t Tool) error {
	r.tools[t.Name()] = t
	return nil
}

func (r *toolRegistry) Get(name string) (Tool, error) { // want `agent \(\*main\.toolRegistry\)\.Get dispatcher anthropic: bash, read_file` `BR402: agent \(\*main\.toolRegistry\)\.Get: read_file returns private data \(os\.ReadFile\), bash sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	t, ok := r.tools[name]
	if !ok {
		return nil, errors.New("no tool " + name)
	}
	return t, nil
}

type bashTool struct{}

func (bashTool) Name() string { return "bash" }

func (bashTool) Execute(ctx context.Context, input json.RawMessage) (string, error) { // want `tool bash anthropic constant` `BR304: tool bash can run processes with no rate limit` `BR305: tool bash is not logged with its arguments`
	var in struct{ Command string }
	if err := json.Unmarshal(input, &in); err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "bash", "-c", in.Command).CombinedOutput() // want `bash: exec os/exec\.CommandContext \(tainted\)` `BR101: tool bash: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool bash can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool bash: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

type readTool struct{}

func (readTool) Name() string { return "read_file" }

func (readTool) Execute(ctx context.Context, input json.RawMessage) (string, error) { // want `tool read_file anthropic constant` `BR305: tool read_file is not logged with its arguments`
	var in struct{ Path string }
	if err := json.Unmarshal(input, &in); err != nil {
		return "", err
	}
	b, err := os.ReadFile(in.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

// dispatcher runs the model's tool calls.
type dispatcher struct{ registry Registry }

func (d *dispatcher) run(ctx context.Context, block anthropic.ToolUseBlock) anthropic.ContentBlockParamUnion {
	t, err := d.registry.Get(block.Name)
	if err != nil {
		return anthropic.NewToolResultBlock(block.ID, err.Error(), true)
	}
	out, err := t.Execute(ctx, block.Input)
	if err != nil {
		return anthropic.NewToolResultBlock(block.ID, err.Error(), true)
	}
	return anthropic.NewToolResultBlock(block.ID, out, false)
}

func main() {
	ctx := context.Background()
	d := &dispatcher{registry: NewRegistry()}
	for _, t := range []Tool{bashTool{}, readTool{}} {
		if err := d.registry.Register(t); err != nil {
			log.Fatal(err)
		}
	}
	client := anthropic.NewClient()
	params := anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(os.Args[1]))},
	}
	for {
		msg, err := client.Messages.New(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		params.Messages = append(params.Messages, msg.ToParam())
		var results []anthropic.ContentBlockParamUnion
		for _, block := range msg.Content {
			if tu, ok := block.AsAny().(anthropic.ToolUseBlock); ok {
				results = append(results, d.run(ctx, tu))
			}
		}
		if len(results) == 0 {
			return
		}
		params.Messages = append(params.Messages, anthropic.NewUserMessage(results...))
	}
}

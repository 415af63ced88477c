// Command cogito-tools is an agent on github.com/mudler/cogito whose tools
// are actions of its own: each is wrapped in an adapter that implements
// cogito's ToolDefinitionInterface, naming the tool by the action's
// definition and running the action's Run. A tool written directly
// against cogito's interface sits beside them.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/mudler/cogito"
	"github.com/mudler/cogito/clients"
	openai "github.com/sashabaranov/go-openai"
)

// cogitoTool adapts an Action to cogito: one adapter type for every
// action, so the tools are the actions it holds.
type cogitoTool struct {
	action Action
	ctx    context.Context
}

func (c *cogitoTool) Tool() openai.Tool {
	return openai.Tool{Type: openai.ToolTypeFunction, Function: c.action.Definition().ToFunctionDefinition()}
}

func (c *cogitoTool) Execute(args map[string]any) (string, any, error) {
	out, err := c.action.Run(c.ctx, ActionParams(args))
	return out, nil, err
}

// clockTool implements cogito's interface itself.
type clockTool struct{}

func (clockTool) Tool() openai.Tool {
	return openai.Tool{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{Name: "get_time"}}
}

func (clockTool) Execute(args map[string]any) (string, any, error) { // want `tool get_time cogito constant`
	return time.Now().String(), nil, nil
}

// actionConfig is what the operator set for a kind of action: a custom
// action is called "custom" unless renamed.
func actionConfig(kind string) map[string]string {
	cfg := map[string]string{}
	if kind == "custom" {
		cfg["name"] = "custom"
	}
	if v := os.Getenv(kind + "_TOOL_NAME"); v != "" {
		cfg["name"] = v
	}
	return cfg
}

// weatherArgs are the model's arguments to get_weather.
type weatherArgs struct {
	City string `json:"city"`
}

// weatherRunner is run by cogito's own ToolDefinition, which decodes the
// model's arguments into a weatherArgs.
type weatherRunner struct {
	client *http.Client
}

func (w weatherRunner) Run(args weatherArgs) (string, any, error) { // want `tool get_weather cogito constant` `BR305: tool get_weather is not logged with its arguments`
	resp, err := w.client.Get("https://weather.example/v1?city=" + url.QueryEscape(args.City)) // want `get_weather: network \(\*net/http\.Client\)\.Get` `BR203: tool get_weather returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions`
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), nil, err
}

// toCogito wraps every action for cogito, next to the tools written
// against cogito's own interface and its generic definition.
func toCogito(ctx context.Context, actions []Action) []cogito.ToolDefinitionInterface {
	var out []cogito.ToolDefinitionInterface
	for _, a := range actions {
		out = append(out, &cogitoTool{action: a, ctx: ctx})
	}
	weather := cogito.NewToolDefinition(weatherRunner{client: http.DefaultClient}, weatherArgs{}, "get_weather", "Tell the weather in a city")
	return append(out, clockTool{}, weather)
}

// options are the agent's settings; Option sets some of them.
type options struct {
	actions []Action
}

// Option is a functional option of newAgent.
type Option func(*options)

// WithActions gives the agent actions.
func WithActions(actions ...Action) Option {
	return func(o *options) { o.actions = append(o.actions, actions...) }
}

// agent holds its settings: its actions reach cogito from there.
type agent struct {
	opts *options
}

func newAgent(opts ...Option) *agent {
	o := &options{}
	for _, opt := range opts {
		opt(o)
	}
	return &agent{opts: o}
}

func (a *agent) ask(ctx context.Context, prompt string) (string, error) {
	llm := clients.NewOpenAILLM("gpt-4o", os.Getenv("OPENAI_API_KEY"), "")
	f := cogito.NewEmptyFragment().AddMessage("user", prompt)
	f, err := cogito.ExecuteTools(llm, f, cogito.WithTools(toCogito(ctx, a.opts.actions)...)) // want `agent cogito\.WithTools agent cogito: fetch_url, get_time, get_weather, read_notes, run_command, save_note` `BR401: agent cogito\.WithTools: read_notes returns private data \(os\.ReadFile\), get_weather returns untrusted content \(\(\*net/http\.Client\)\.Get.*`
	if err != nil {
		return "", err
	}
	// cogito ran the tools; when the last one the model called was the
	// shell, keep the transcript. The comparison runs no tool.
	if n := len(f.Messages); n >= 2 && len(f.Messages[n-2].ToolCalls) > 0 {
		switch f.Messages[n-2].ToolCalls[0].Function.Name {
		case "run_command":
			if err := os.WriteFile("transcript.txt", []byte(f.LastMessage().Content), 0o600); err != nil {
				return "", err
			}
		}
	}
	return f.LastMessage().Content, nil
}

func main() {
	ctx := context.Background()
	if len(os.Args) > 1 && os.Args[1] == "wipe" {
		runLocal(ctx, &wipeAction{path: "notes.txt"})
		return
	}
	a := newAgent(
		WithActions(newShellAction(actionConfig("shell")), fetchAction{}),
		WithActions(&notesAction{path: "notes.txt"}, &saveAction{dir: "notes"}),
	)
	out, err := a.ask(ctx, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out)
}

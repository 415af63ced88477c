package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
)

// Tool is the assistant's own tool interface: the registry runs whichever
// implementation the model names.
type Tool interface {
	Name() string
	Description() string
	Execute(ctx context.Context, args json.RawMessage) (string, error)
}

// baseTool is what every tool embeds: its name and description.
type baseTool struct {
	name, description string
}

func newBaseTool(name, description string) baseTool {
	return baseTool{name: name, description: description}
}

func (b *baseTool) Name() string        { return b.name }
func (b *baseTool) Description() string { return b.description }

// shellTool runs a command; the name comes from newBaseTool.
type shellTool struct {
	baseTool
	dir string
}

func newShellTool(dir string) *shellTool {
	return &shellTool{baseTool: newBaseTool("run_command", "Run a shell command"), dir: dir}
}

func (t *shellTool) Execute(ctx context.Context, args json.RawMessage) (string, error) { // want `BR304: tool run_command can run processes with no rate limit` `tool run_command go-openai constant`
	var in struct {
		Command string `json:"command"`
	}
	if err := json.Unmarshal(args, &in); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", in.Command) // want `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist` `run_command: exec os/exec\.CommandContext \(tainted\)`
	cmd.Dir = t.dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// notesDef is a package-level description, copied into each notesTool.
var notesDef = baseTool{name: "read_notes", description: "Read the notes"}

type notesTool struct {
	baseTool
	path string
}

func newNotesTool(path string) *notesTool { return &notesTool{baseTool: notesDef, path: path} }

func (t *notesTool) Execute(ctx context.Context, args json.RawMessage) (string, error) { // want `tool read_notes go-openai constant`
	b, err := os.ReadFile(t.path) // want `BR202: tool read_notes returns the contents of a file read by os\.ReadFile to the model` `read_notes: fs-read os\.ReadFile`
	return string(b), err
}

type weatherTool struct {
	baseTool
	client *http.Client
}

func newWeatherTool() *weatherTool {
	return &weatherTool{baseTool: newBaseTool("get_weather", "Tell the weather in a city"), client: http.DefaultClient}
}

func (t *weatherTool) Execute(ctx context.Context, args json.RawMessage) (string, error) { // want `tool get_weather go-openai constant`
	var in struct {
		City string `json:"city"`
	}
	if err := json.Unmarshal(args, &in); err != nil {
		return "", err
	}
	resp, err := t.client.Get("https://weather.example/v1?city=" + url.QueryEscape(in.City)) // want `BR203: tool get_weather returns web content fetched by \(\*net/http\.Client\)\.Get to the model, where it can carry instructions` `get_weather: network \(\*net/http\.Client\)\.Get`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// thinkTool lets the model think aloud: no side effect.
type thinkTool struct {
	baseTool
	thoughts []string
}

func (t *thinkTool) Execute(ctx context.Context, args json.RawMessage) (string, error) { // want `tool think go-openai constant`
	t.thoughts = append(t.thoughts, string(args))
	return "noted", nil
}

// purgeTool is written but never registered: not a tool.
type purgeTool struct{ baseTool }

func (t *purgeTool) Execute(ctx context.Context, args json.RawMessage) (string, error) {
	return "", os.RemoveAll("/srv/notes")
}

// Tools lists the tools a test may want, registered or not.
func Tools() []Tool { return []Tool{&purgeTool{baseTool: newBaseTool("purge", "Purge")}} }

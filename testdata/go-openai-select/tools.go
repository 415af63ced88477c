package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
)

// ToolInfo describes a tool to the model.
type ToolInfo struct {
	Name        string
	Description string
}

// Call is a model's tool call, copied from the provider's response.
type Call struct {
	ID, Name, Input string
}

// Tool is the application's own tool interface: the agent selects one by
// comparing Info().Name with the model's call, then runs it.
type Tool interface {
	Info() ToolInfo
	Run(ctx context.Context, call Call) (string, error)
}

type shellTool struct{}

func (shellTool) Info() ToolInfo { return ToolInfo{Name: "shell", Description: "run a command"} }

func (shellTool) Run(ctx context.Context, call Call) (string, error) { // want `tool shell go\-openai constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	var p struct{ Command string }
	if err := json.Unmarshal([]byte(call.Input), &p); err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", p.Command).Output() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model\-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model\-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

type noteTool struct{ dir string }

func (t *noteTool) Info() ToolInfo { return ToolInfo{Name: "write_note"} }

func (t *noteTool) Run(ctx context.Context, call Call) (string, error) { // want `tool write_note go\-openai constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
	return "saved", os.WriteFile(t.dir+"/note.txt", []byte(call.Input), 0o600) // want `write_note: fs\-write os\.WriteFile` `BR301: tool write_note can write files through os\.WriteFile with no confirmation before it`
}

type pingTool struct{}

func (pingTool) Info() ToolInfo { return ToolInfo{Name: "ping"} }

func (pingTool) Run(ctx context.Context, call Call) (string, error) { // want `tool ping go\-openai constant` `BR305: tool ping is not logged with its arguments`
	resp, err := http.Get("https://status.example.com/ping") // want `ping: network net/http\.Get` `BR203: tool ping returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

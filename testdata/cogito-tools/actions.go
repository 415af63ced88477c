package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	openai "github.com/sashabaranov/go-openai"
)

// Action is the agent's own kind of tool: the agent hands each one to
// cogito through an adapter (cogitoTool), so that which action runs is
// chosen by the name in the model's tool call.
type Action interface {
	Run(ctx context.Context, params ActionParams) (string, error)
	Definition() ActionDefinition
}

// ActionParams are the model's arguments to an action.
type ActionParams map[string]any

// Unmarshal decodes the arguments into v.
func (p ActionParams) Unmarshal(v any) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// ActionDefinition describes an action to the model.
type ActionDefinition struct {
	Name        ActionName
	Description string
}

// ActionName is the name of an action.
type ActionName string

// ToFunctionDefinition is the declaration that the adapter gives cogito.
func (d ActionDefinition) ToFunctionDefinition() *openai.FunctionDefinition {
	return &openai.FunctionDefinition{Name: string(d.Name), Description: d.Description}
}

// shellAction runs a command; an operator may rename it in the agent's
// configuration, and its default name is what the model sees otherwise.
type shellAction struct {
	customName string
}

func newShellAction(config map[string]string) *shellAction {
	return &shellAction{customName: config["name"]}
}

func (a *shellAction) Definition() ActionDefinition {
	name := "run_command"
	if a.customName != "" {
		name = a.customName
	}
	return ActionDefinition{Name: ActionName(name), Description: "Run a shell command"}
}

func (a *shellAction) Run(ctx context.Context, params ActionParams) (string, error) { // want `tool run_command cogito constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	in := struct {
		Command string `json:"command"`
	}{}
	if err := params.Unmarshal(&in); err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", in.Command).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

// fetchAction fetches a page the model names.
type fetchAction struct{}

func (fetchAction) Definition() ActionDefinition {
	return ActionDefinition{Name: "fetch_url", Description: "Fetch a web page"}
}

func (fetchAction) Run(ctx context.Context, params ActionParams) (string, error) { // want `tool fetch_url cogito constant` `BR305: tool fetch_url is not logged with its arguments`
	u, _ := params["url"].(string)
	resp, err := http.Get(u) // want `fetch_url: network net/http\.Get \(tainted\)` `BR103: tool fetch_url: model-controlled input reaches the URL or address of net/http\.Get` `BR203: tool fetch_url returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// notesAction reads the agent's notes file.
type notesAction struct{ path string }

func (a *notesAction) Definition() ActionDefinition {
	return ActionDefinition{Name: "read_notes", Description: "Read the notes"}
}

func (a *notesAction) Run(ctx context.Context, params ActionParams) (string, error) { // want `tool read_notes cogito constant` `BR305: tool read_notes is not logged with its arguments`
	b, err := os.ReadFile(a.path) // want `read_notes: fs-read os\.ReadFile` `BR202: tool read_notes returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

// saveAction keeps the model's text in a file named by its hash: the model
// chooses what is written, not where.
type saveAction struct{ dir string }

func (a *saveAction) Definition() ActionDefinition {
	return ActionDefinition{Name: "save_note", Description: "Save a note"}
}

func (a *saveAction) Run(ctx context.Context, params ActionParams) (string, error) { // want `tool save_note cogito constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	text, _ := params["text"].(string)
	sum := sha256.Sum256([]byte(text))
	name := hex.EncodeToString(sum[:]) + ".txt"
	return name, os.WriteFile(filepath.Join(a.dir, name), []byte(text), 0o600) // want `save_note: fs-write os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
}

// wipeAction removes the notes: the agent builds it for its command line,
// never hands it to cogito, so it is no tool.
type wipeAction struct{ path string }

func (a *wipeAction) Definition() ActionDefinition {
	return ActionDefinition{Name: "wipe_notes", Description: "Remove the notes"}
}

func (a *wipeAction) Run(ctx context.Context, params ActionParams) (string, error) {
	return "", os.Remove(a.path)
}

// runLocal runs an action outside any model: the command line's own use.
func runLocal(ctx context.Context, a Action) {
	out, err := a.Run(ctx, nil)
	fmt.Println(out, err)
}

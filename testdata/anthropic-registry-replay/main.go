// Command anthropic-registry-replay is an agent whose tool interface has
// two methods of the same signature, both handed the model's tool_use
// block: Run answers a tool call of the current turn, and Restore re-applies
// the local state of a call from a saved transcript when a session resumes
// (it skips what Run did outside the process). The registry is looked up by
// the block's name at both places; the tool's handler is Run, whose answer
// becomes the tool result, not Restore, which sorts first by name.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/anthropics/anthropic-sdk-go"
)

// Env is what the program hands every tool beside the block.
type Env struct {
	Dir   string
	notes map[string]string
}

// Tool is the application's tool interface.
type Tool interface {
	Name() string
	// Run performs the call and returns what the model is told.
	Run(ctx context.Context, block anthropic.ToolUseBlock, env *Env) (string, error)
	// Restore redoes the in-memory part of a past call.
	Restore(ctx context.Context, block anthropic.ToolUseBlock, env *Env) error
}

type toolbox struct{ byName map[string]Tool }

func (b *toolbox) add(t Tool) { b.byName[t.Name()] = t }

func (b *toolbox) find(name string) (Tool, error) { // want `agent \(\*main\.toolbox\)\.find dispatcher anthropic: draft_note, save_note, shell`
	t, ok := b.byName[name]
	if !ok {
		return nil, errors.New("unknown tool " + name)
	}
	return t, nil
}

type noteInput struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// draftNote keeps a note in memory: Restore does the same as Run.
type draftNote struct{}

func (draftNote) Name() string { return "draft_note" }

func (draftNote) Run(ctx context.Context, block anthropic.ToolUseBlock, env *Env) (string, error) { // want `tool draft_note anthropic constant`
	var in noteInput
	if err := json.Unmarshal(block.Input, &in); err != nil {
		return "", err
	}
	env.notes[in.Title] = in.Text
	return "drafted", nil
}

func (draftNote) Restore(ctx context.Context, block anthropic.ToolUseBlock, env *Env) error {
	var in noteInput
	if err := json.Unmarshal(block.Input, &in); err != nil {
		return err
	}
	env.notes[in.Title] = in.Text
	return nil
}

// saveNote writes a note to disk: the file is still there on resume.
type saveNote struct{}

func (saveNote) Name() string { return "save_note" }

func (saveNote) Run(ctx context.Context, block anthropic.ToolUseBlock, env *Env) (string, error) { // want `tool save_note anthropic constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	var in noteInput
	if err := json.Unmarshal(block.Input, &in); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(env.Dir, in.Title), []byte(in.Text), 0o600); err != nil { // want `save_note: fs-write os\.WriteFile \(tainted\)` `BR104: tool save_note: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
		return "", err
	}
	return "saved", nil
}

func (saveNote) Restore(ctx context.Context, block anthropic.ToolUseBlock, env *Env) error {
	return nil // written by the first run
}

// shell runs a command: not run again on resume.
type shell struct{}

func (shell) Name() string { return "shell" }

func (shell) Run(ctx context.Context, block anthropic.ToolUseBlock, env *Env) (string, error) { // want `tool shell anthropic constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	var in struct {
		Command string `json:"command"`
	}
	if err := json.Unmarshal(block.Input, &in); err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", in.Command).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func (shell) Restore(ctx context.Context, block anthropic.ToolUseBlock, env *Env) error {
	return nil
}

// answer runs a tool call of the current turn: its answer goes back to the
// model.
func answer(ctx context.Context, b *toolbox, env *Env, block anthropic.ToolUseBlock) anthropic.ContentBlockParamUnion {
	t, err := b.find(block.Name)
	if err != nil {
		return anthropic.NewToolResultBlock(block.ID, err.Error(), true)
	}
	out, err := t.Run(ctx, block, env)
	if err != nil {
		return anthropic.NewToolResultBlock(block.ID, err.Error(), true)
	}
	return anthropic.NewToolResultBlock(block.ID, out, false)
}

// resume re-applies the tool calls of a saved transcript; their answers
// are in it already.
func resume(ctx context.Context, b *toolbox, env *Env, saved []anthropic.Message) error {
	for _, msg := range saved {
		for _, block := range msg.Content {
			tu, ok := block.AsAny().(anthropic.ToolUseBlock)
			if !ok {
				continue
			}
			t, err := b.find(tu.Name)
			if err != nil {
				return err
			}
			if err := t.Restore(ctx, tu, env); err != nil {
				return err
			}
		}
	}
	return nil
}

func main() {
	ctx := context.Background()
	env := &Env{Dir: os.TempDir(), notes: map[string]string{}}
	b := &toolbox{byName: map[string]Tool{}}
	for _, t := range []Tool{draftNote{}, saveNote{}, shell{}} {
		b.add(t)
	}
	if len(os.Args) > 2 {
		var saved []anthropic.Message
		data, err := os.ReadFile(os.Args[2])
		if err != nil {
			log.Fatal(err)
		}
		if err := json.Unmarshal(data, &saved); err != nil {
			log.Fatal(err)
		}
		if err := resume(ctx, b, env, saved); err != nil {
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
				results = append(results, answer(ctx, b, env, tu))
			}
		}
		if len(results) == 0 {
			return
		}
		params.Messages = append(params.Messages, anthropic.NewUserMessage(results...))
	}
}

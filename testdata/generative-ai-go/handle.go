package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/google/generative-ai-go/genai"
)

// helper holds what the functions need.
type helper struct {
	notesDir string
}

// handle runs one function call and returns the response the model reads.
// Each branch of the if-chain on the call's name is the tool of that name:
// only the branch body, and what it calls, belongs to the tool. The
// arguments are read through the closure arg: what it returns is the
// model's.
func (h *helper) handle(ctx context.Context, fc genai.FunctionCall) map[string]any { // want `agent \(\*main\.helper\)\.handle dispatcher generative\-ai\-go: check_url, read_note, save_note, shell, word_count`
	arg := func(key string) string {
		s, _ := fc.Args[key].(string)
		return s
	}
	if fc.Name == "shell" { // want `tool shell generative-ai-go constant` `BR304: tool shell\b.*` `BR305: tool shell\b.*`
		out, err := exec.CommandContext(ctx, "bash", "-c", arg("cmd")).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell\b.*os/exec\.CommandContext` `BR301: tool shell\b.*os/exec\.CommandContext.*` `BR303: tool shell\b.*os/exec\.CommandContext.*`
		return result(string(out), err)
	}
	if fc.Name == "read_note" { // want `tool read_note generative-ai-go constant` `BR305: tool read_note\b.*`
		b, err := os.ReadFile(h.notePath(arg("name"))) // want `read_note: fs-read os\.ReadFile`
		return result(string(b), err)
	}
	if fc.Name == "save_note" { // want `tool save_note generative-ai-go constant` `BR304: tool save_note\b.*` `BR305: tool save_note\b.*`
		err := os.WriteFile(h.notePath(arg("name")), []byte(arg("text")), 0o644) // want `save_note: fs-write os\.WriteFile` `BR301: tool save_note\b.*os\.WriteFile.*`
		return result("saved", err)
	}
	if fc.Name == "check_url" { // want `tool check_url generative-ai-go constant` `BR305: tool check_url\b.*`
		resp, err := http.Head(arg("url")) // want `check_url: network net/http\.Head \(tainted\)` `BR103: tool check_url\b.*net/http\.Head`
		if err != nil {
			return result("", err)
		}
		resp.Body.Close()
		return result(resp.Status, nil)
	}
	if fc.Name == "word_count" { // want `tool word_count generative-ai-go constant`
		// The harmless tool: it reaches no sink.
		return map[string]any{"words": len(strings.Fields(arg("text")))}
	}
	return result("", os.ErrNotExist)
}

// notePath is shared by read_note and save_note; it reaches no sink.
func (h *helper) notePath(name string) string {
	return filepath.Join(h.notesDir, filepath.Base(name)+".md")
}

func result(out string, err error) map[string]any {
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"output": out}
}

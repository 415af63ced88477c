// Command react-json-agent is an agent without an SDK that asks a model,
// over an OpenAI-compatible HTTP API, to answer in the ReAct format as
// text: {"thought": ..., "action": ..., "action_input": ...}. It decodes
// the answer itself and runs the action the model names. A second loop
// speaks the {"tool": ..., "tool_input": ...} variant, and a third the
// one whose action is an object, {"thought": ..., "action": {"name": ...,
// "input": ...}}, looked up in a registry of tools. The model's words
// choose what runs: each action is a tool.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
)

// step is one ReAct step as the model writes it.
type step struct {
	Thought     string `json:"thought"`
	Action      string `json:"action"`
	ActionInput string `json:"action_input"`
}

// toolCall is the other variant.
type toolCall struct {
	Tool      string            `json:"tool"`
	ToolInput map[string]string `json:"tool_input"`
}

// answer is the variant whose action is an object.
type answer struct {
	Thought string `json:"thought"`
	Action  struct {
		Name  string `json:"name"`
		Input string `json:"input"`
	} `json:"action"`
}

// runner is a tool of the registry.
type runner interface {
	Run(input string) (string, error)
}

type diskUsage struct{}

// Run reports the disk usage of the directory the model names.
func (diskUsage) Run(input string) (string, error) { // want `tool disk_usage custom constant` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments`
	out, err := exec.Command("du", "-sh", input).Output() // want `disk_usage: exec os/exec\.Command \(tainted\)` `BR101: tool disk_usage: model-controlled input reaches the arguments of os/exec\.Command, which runs du` `BR301: tool disk_usage can run processes through os/exec\.Command with no confirmation before it`
	return string(out), err
}

type readLog struct{}

// Run reads the log the model names.
func (readLog) Run(input string) (string, error) { // want `tool read_log custom constant` `BR305: tool read_log is not logged with its arguments`
	b, err := os.ReadFile("/var/log/app/" + input) // want `read_log: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_log: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_log returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

// registry holds the tools by the names the model is told.
var registry = map[string]runner{
	"disk_usage": diskUsage{},
	"read_log":   readLog{},
}

// verdict is a classification the model writes; its label names no action
// input, and the program runs nothing the model chose with it.
type verdict struct {
	Label string `json:"label"`
	Score int    `json:"score"`
}

// complete sends the prompt and returns the text of the model's answer.
func complete(prompt string) (string, error) {
	body, _ := json.Marshal(map[string]any{"model": "local", "messages": []map[string]string{{"role": "user", "content": prompt}}})
	resp, err := http.Post("http://localhost:11434/v1/chat/completions", "application/json", bytes.NewReader(body)) // want `agent main\.registryLoop: middleware network net/http\.Post`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Choices) == 0 {
		return "", fmt.Errorf("no answer: %v", err)
	}
	return out.Choices[0].Message.Content, nil
}

func react(goal string) (string, error) { // want `agent main\.react dispatcher custom: search, shell`
	prompt := goal
	for i := 0; i < 5; i++ {
		text, err := complete(prompt)
		if err != nil {
			return "", err
		}
		var s step
		if err := json.Unmarshal([]byte(text), &s); err != nil {
			return text, nil
		}
		var observation string
		switch s.Action {
		case "search": // want `tool search custom constant` `BR305: tool search is not logged with its arguments`
			resp, err := http.Get("https://search.example.com/?q=" + s.ActionInput) // want `search: network net/http\.Get`
			if err != nil {
				return "", err
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			observation = string(b)
		case "shell": // want `tool shell custom constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
			out, _ := exec.Command("sh", "-c", s.ActionInput).CombinedOutput() // want `shell: exec os/exec\.Command \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.Command` `BR301: tool shell can run processes through os/exec\.Command with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.Command with no sandbox or allowlist`
			observation = string(out)
		case "finish":
			return s.ActionInput, nil
		}
		prompt += "\nObservation: " + observation
	}
	return "", nil
}

func toolLoop(goal string) error { // want `agent main\.toolLoop dispatcher custom: write_note`
	text, err := complete(goal)
	if err != nil {
		return err
	}
	var c toolCall
	if err := json.Unmarshal([]byte(text), &c); err != nil {
		return err
	}
	if c.Tool == "write_note" { // want `tool write_note custom constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
		return os.WriteFile("/srv/notes/"+c.ToolInput["name"], []byte(c.ToolInput["text"]), 0o600) // want `write_note: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_note: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool write_note can write files through os\.WriteFile with no confirmation before it`
	}
	return nil
}

func registryLoop(goal string) (string, error) { // want `agent main\.registryLoop dispatcher custom: disk_usage, read_log` `BR402: agent main\.registryLoop: read_log returns private data \(os\.ReadFile\), disk_usage sends data where the model says \(os/exec\.Command\); whoever steers the model can make it send the private data out`
	text, err := complete(goal)
	if err != nil {
		return "", err
	}
	var a answer
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		return text, nil
	}
	t, ok := registry[a.Action.Name]
	if !ok {
		return "", fmt.Errorf("no tool %q", a.Action.Name)
	}
	return t.Run(a.Action.Input)
}

func classify(text string) error {
	answer, err := complete("Classify: " + text)
	if err != nil {
		return err
	}
	var v verdict
	if err := json.Unmarshal([]byte(answer), &v); err != nil {
		return err
	}
	if v.Label == "urgent" {
		fmt.Println("urgent:", text)
	}
	return nil
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "tool" {
		_ = toolLoop(os.Args[2])
		return
	}
	if len(os.Args) > 2 && os.Args[1] == "registry" {
		out, _ := registryLoop(os.Args[2])
		fmt.Println(out)
		return
	}
	if len(os.Args) > 2 && os.Args[1] == "classify" {
		_ = classify(os.Args[2])
		return
	}
	answer, err := react(strings.Join(os.Args[1:], " "))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(answer)
}

// Command custom-call-args is an agent that talks to a local model server
// over HTTP with its own types, and hands each tool call's name and
// arguments to a function that switches on the name: the arguments that
// function is handed are the model's.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"time"
)

type message struct {
	Role      string     `json:"role"`
	Content   string     `json:"content"`
	ToolCalls []toolCall `json:"tool_calls,omitempty"`
}

type toolCall struct {
	Function callFunction `json:"function"`
}

type callFunction struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

type chatResponse struct {
	Message message `json:"message"`
}

func chat(msgs []message) (chatResponse, error) {
	var out chatResponse
	body, err := json.Marshal(map[string]any{"model": "llama3", "messages": msgs})
	if err != nil {
		return out, err
	}
	resp, err := http.Post("http://localhost:11434/api/chat", "application/json", bytes.NewReader(body))
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

func main() {
	msgs := []message{{Role: "user", Content: os.Args[1]}}
	for turn := 0; turn < 10; turn++ {
		resp, err := chat(msgs)
		if err != nil {
			fmt.Println(err)
			return
		}
		msgs = append(msgs, resp.Message)
		if len(resp.Message.ToolCalls) == 0 {
			fmt.Println(resp.Message.Content)
			return
		}
		for _, tc := range resp.Message.ToolCalls {
			msgs = append(msgs, message{Role: "tool", Content: executeTool(tc.Function.Name, tc.Function.Arguments)})
		}
	}
}

// executeTool runs the tool the model named with the arguments it gave.
func executeTool(name string, args map[string]any) string { // want `agent main\.executeTool dispatcher custom: clock, read_file, run_shell`
	switch name {
	case "run_shell": // want `tool run_shell custom constant` `BR304: tool run_shell can run processes with no rate limit` `BR305: tool run_shell is not logged with its arguments`
		command, _ := args["command"].(string)
		out, err := exec.Command("bash", "-c", command).CombinedOutput() // want `run_shell: exec os/exec\.Command \(tainted\)` `BR101: tool run_shell: model-controlled input reaches the command of os/exec\.Command` `BR301: tool run_shell can run processes through os/exec\.Command with no confirmation before it` `BR303: tool run_shell: a model-chosen command reaches os/exec\.Command with no sandbox or allowlist`
		if err != nil {
			return "Error: " + err.Error()
		}
		return string(out)
	case "read_file": // want `tool read_file custom constant` `BR305: tool read_file is not logged with its arguments`
		path, _ := args["path"].(string)
		b, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile`
		if err != nil {
			return "Error: " + err.Error()
		}
		return string(b)
	case "clock": // want `tool clock custom constant`
		return time.Now().Format(time.RFC3339)
	}
	return "Error: unknown tool " + name
}

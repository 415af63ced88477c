// Command scout is an agent that talks to an OpenAI-compatible chat API over
// plain HTTP with its own types: the tool calls it decodes ({"id",
// "function": {"name", "arguments"}}) and the tool messages it sends back
// ({"role": "tool", "tool_call_id", "content"}) are written as the protocol
// writes them. What a tool's case produces reaches the model through the
// message built after the switch, trimmed by a helper on the way.
package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

// ToolCall is a tool call of the assistant's message.
type ToolCall struct {
	ID       string `json:"id"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

// Message is a chat message; a tool's answer names the call it answers.
type Message struct {
	Role       string     `json:"role"`
	Content    string     `json:"content,omitempty"`
	ToolCalls  []ToolCall `json:"tool_calls,omitempty"`
	ToolCallID string     `json:"tool_call_id,omitempty"`
}

type chatResponse struct {
	Choices []struct {
		Message Message `json:"message"`
	} `json:"choices"`
}

// clamp keeps the first n bytes of a result.
func clamp(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// runTool answers one tool call with the tool message the model reads.
func runTool(tc ToolCall) Message { // want `agent main\.runTool dispatcher custom: check_file, fetch_page, read_file` `BR401: agent main\.runTool: read_file returns private data \(os\.ReadFile\), fetch_page returns untrusted content \(net/http\.Get\), fetch_page sends data where the model says \(net/http\.Get\); an instruction in the untrusted content can make the model read the private data and send it out`
	var args struct {
		Path string `json:"path"`
		URL  string `json:"url"`
	}
	if err := json.Unmarshal([]byte(tc.Function.Arguments), &args); err != nil {
		return Message{Role: "tool", ToolCallID: tc.ID, Content: "bad arguments: " + err.Error()}
	}
	var result string
	switch tc.Function.Name {
	case "read_file": // want `tool read_file custom constant` `BR305: tool read_file is not logged with its arguments`
		data, err := os.ReadFile(args.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
		if err != nil {
			result = err.Error()
			break
		}
		result = string(data)
	case "check_file": // want `tool check_file custom constant` `BR305: tool check_file is not logged with its arguments`
		// Reads the file but answers only whether it could.
		if _, err := os.ReadFile(args.Path); err != nil { // want `check_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool check_file: model-controlled input reaches the file path of os\.ReadFile`
			result = "missing"
		} else {
			result = "present"
		}
	case "fetch_page": // want `tool fetch_page custom constant` `BR305: tool fetch_page is not logged with its arguments`
		resp, err := http.Get(args.URL) // want `fetch_page: network net/http\.Get \(tainted\)` `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.Get` `BR203: tool fetch_page returns web content fetched by net/http\.Get to the model, where it can carry instructions`
		if err != nil {
			result = err.Error()
			break
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		result = string(body)
	default:
		result = "unknown tool " + tc.Function.Name
	}
	return Message{Role: "tool", ToolCallID: tc.ID, Content: clamp(result, 4000)}
}

func main() {
	history := []Message{{Role: "user", Content: "Summarise README.md"}}
	for {
		body, _ := json.Marshal(map[string]any{"model": "gpt-4.1", "messages": history})
		resp, err := http.Post("https://api.openai.com/v1/chat/completions", "application/json", bytes.NewReader(body))
		if err != nil {
			return
		}
		var out chatResponse
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || len(out.Choices) == 0 {
			return
		}
		reply := out.Choices[0].Message
		history = append(history, reply)
		if len(reply.ToolCalls) == 0 {
			return
		}
		for _, tc := range reply.ToolCalls {
			history = append(history, runTool(tc))
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

// This file is an agent that calls the Anthropic Messages API with
// net/http and decodes the answer itself: each tool_use block, {"id":
// ..., "name": ..., "input": ...}, runs the tool its name selects.

type contentBlock struct {
	Type  string          `json:"type"`
	ID    string          `json:"id,omitempty"`
	Name  string          `json:"name,omitempty"`
	Input json.RawMessage `json:"input,omitempty"`
	Text  string          `json:"text,omitempty"`
}

type messagesResponse struct {
	Content    []contentBlock `json:"content"`
	StopReason string         `json:"stop_reason"`
}

// workflowStep names a step of a job the program runs by itself: a name
// and an input without an id, not a tool call.
type workflowStep struct {
	Name  string          `json:"name"`
	Input json.RawMessage `json:"input"`
}

var agentTools = map[string]func(ctx context.Context, input json.RawMessage) (string, error){
	"fetch_page": fetchPage,
}

var steps = map[string]func(input json.RawMessage) error{
	"cleanup": func(json.RawMessage) error { return os.RemoveAll(os.TempDir() + "/jobs") },
}

func fetchPage(ctx context.Context, input json.RawMessage) (string, error) { // want `tool fetch_page custom constant` `BR305: tool fetch_page is not logged with its arguments`
	var in struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(input, &in); err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL, nil) // want `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `fetch_page: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_page returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// step asks the model for its next move and runs the tools it calls.
func step(ctx context.Context, history []map[string]any) ([]map[string]any, error) { // want `agent main\.step dispatcher custom: fetch_page` `BR403: agent main\.step: fetch_page returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_page sends data where the model says \(net/http\.NewRequestWithContext\); an instruction in the untrusted content can make the model send out what it holds`
	body, _ := json.Marshal(map[string]any{"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": history})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.anthropic.com/v1/messages", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", os.Getenv("ANTHROPIC_API_KEY"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out messagesResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	var results []map[string]any
	for _, b := range out.Content {
		if b.Type != "tool_use" {
			continue
		}
		run, ok := agentTools[b.Name]
		if !ok {
			continue
		}
		text, err := run(ctx, b.Input)
		if err != nil {
			text = err.Error()
		}
		results = append(results, map[string]any{"type": "tool_result", "tool_use_id": b.ID, "content": text})
	}
	return results, nil
}

// runJob runs the steps of a job file.
func runJob(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var job []workflowStep
	if err := json.Unmarshal(data, &job); err != nil {
		return err
	}
	for _, s := range job {
		if f, ok := steps[s.Name]; ok {
			if err := f(s.Input); err != nil {
				return err
			}
		}
	}
	return nil
}

// upstream runs tool calls on another server.
type upstream struct{ url string }

func (u *upstream) call(ctx context.Context, name string, input json.RawMessage) (string, error) {
	body, _ := json.Marshal(map[string]any{"name": name, "arguments": input})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.url+"/call", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func (u *upstream) refresh(ctx context.Context) string {
	text, _ := u.call(ctx, "list_tools", nil)
	return text
}

// relay hands every tool call to the upstream server and, after one that
// installs a server there, asks for the list of tools again: a comparison
// made once the call has been handed on selects nothing.
func relay(ctx context.Context, u *upstream, out messagesResponse) []string {
	var texts []string
	for _, b := range out.Content {
		text, err := u.call(ctx, b.Name, b.Input)
		if err == nil && b.Name == "install_server" {
			texts = append(texts, u.refresh(ctx))
		}
		texts = append(texts, text)
	}
	return texts
}

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// The server's third transport decodes each message into a map as the
// second does, but hands the tool call on in a struct of its own that it
// fills by hand with params["name"] and params["arguments"]: the struct is
// the call, whether it has the protocol's JSON tags or none, and the
// function that switches on its name runs the tools, with the arguments
// as the model's input.

// invocation is a tool call as the server passes it around: no JSON
// tags, it is never decoded.
type invocation struct {
	Tool  string
	Input map[string]any
}

// toolRequest has the protocol's tags, and is filled by hand all the same.
type toolRequest struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

// promptRequest are the params of prompts/get, decoded into a struct: a
// name and arguments of any JSON, as a tool call's. A prompt is text for
// the model, not a tool.
type promptRequest struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

type handwrittenServer struct {
	prompts map[string]func(args map[string]any) (string, error)
}

func newHandwrittenServer() *handwrittenServer {
	return &handwrittenServer{prompts: map[string]func(map[string]any) (string, error){
		"review": func(args map[string]any) (string, error) {
			b, err := os.ReadFile("prompts/review.txt")
			return fmt.Sprint(string(b), args["topic"]), err
		},
	}}
}

func (s *handwrittenServer) handle(msg map[string]any) (any, error) { // want `agent \(\*main\.handwrittenServer\)\.handle dispatcher custom: purge_cache, tail_log`
	method, _ := msg["method"].(string)
	params, ok := msg["params"].(map[string]any)
	if !ok {
		return nil, errors.New("params must be an object")
	}
	switch method {
	case "tools/call":
		// Field by field into a struct without tags, handed to a
		// method that switches on its name.
		var inv invocation
		if name, ok := params["name"].(string); ok {
			inv.Tool = name
		}
		if args, ok := params["arguments"].(map[string]any); ok {
			inv.Input = args
		} else {
			inv.Input = map[string]any{}
		}
		return s.invoke(inv)
	case "tools/call-tagged":
		// A literal of the tagged struct, handed to a method that hands
		// its name and arguments to another that switches.
		name, _ := params["name"].(string)
		args, _ := params["arguments"].(map[string]any)
		return s.relay(toolRequest{Name: name, Arguments: args})
	case "tools/call-inline":
		// Switched on in place: the struct's name, then the map's.
		var inv invocation
		inv.Tool, _ = params["name"].(string)
		inv.Input, _ = params["arguments"].(map[string]any)
		switch inv.Tool {
		case "purge_cache": // want `tool purge_cache custom constant` `BR304: tool purge_cache can write files with no rate limit` `BR305: tool purge_cache is not logged with its arguments`
			dir, _ := inv.Input["dir"].(string)
			return nil, os.RemoveAll(dir) // want `purge_cache: fs-write os\.RemoveAll \(tainted\)` `BR104: tool purge_cache: model-controlled input reaches the file path of os\.RemoveAll` `BR301: tool purge_cache can write files through os\.RemoveAll with no confirmation before it`
		}
		name, _ := params["name"].(string)
		args, _ := params["arguments"].(map[string]any)
		switch name {
		case "tail_log": // want `tool tail_log custom constant` `BR304: tool tail_log can run processes with no rate limit` `BR305: tool tail_log is not logged with its arguments`
			file, _ := args["file"].(string)
			out, err := exec.Command("tail", "-n", "20", file).Output() // want `tail_log: exec os/exec\.Command \(tainted\)` `tail_log: fs-read os/exec\.Command \(tainted\)` `BR101: tool tail_log: model-controlled input reaches the arguments of os/exec\.Command, which runs tail` `BR301: tool tail_log can run processes through os/exec\.Command with no confirmation before it`
			return string(out), err
		}
		return nil, fmt.Errorf("unknown tool %q", name)
	case "prompts/get":
		return s.prompt(msg)
	}
	return nil, fmt.Errorf("unknown method %q", method)
}

// invoke runs the tool the invocation names.
func (s *handwrittenServer) invoke(inv invocation) (any, error) { // want `agent \(\*main\.handwrittenServer\)\.invoke dispatcher custom: run_script, show_file`
	switch inv.Tool {
	case "run_script": // want `tool run_script custom constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
		script, _ := inv.Input["script"].(string)
		out, err := exec.Command("sh", "-c", script).CombinedOutput() // want `run_script: exec os/exec\.Command \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of os/exec\.Command` `BR301: tool run_script can run processes through os/exec\.Command with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches os/exec\.Command with no sandbox or allowlist`
		return string(out), err
	case "show_file": // want `tool show_file custom constant` `BR305: tool show_file is not logged with its arguments`
		path, _ := inv.Input["path"].(string)
		b, err := os.ReadFile(path) // want `show_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool show_file: model-controlled input reaches the file path of os\.ReadFile`
		return string(b), err
	}
	return nil, fmt.Errorf("unknown tool %q", inv.Tool)
}

// relay hands the call's name and arguments on.
func (s *handwrittenServer) relay(req toolRequest) (any, error) {
	return s.runNamed(req.Name, req.Arguments)
}

func (s *handwrittenServer) runNamed(name string, args map[string]any) (any, error) { // want `agent \(\*main\.handwrittenServer\)\.runNamed dispatcher custom: save_note`
	switch name {
	case "save_note": // want `tool save_note custom constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
		path, _ := args["path"].(string)
		text, _ := args["text"].(string)
		return nil, os.WriteFile(path, []byte(text), 0o644) // want `save_note: fs-write os\.WriteFile \(tainted\)` `BR104: tool save_note: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
	}
	return nil, fmt.Errorf("unknown tool %q", name)
}

// prompt answers prompts/get from the registry of prompts: what it runs
// writes the prompt's text, and selects no tool.
func (s *handwrittenServer) prompt(msg map[string]any) (any, error) {
	raw, err := json.Marshal(msg["params"])
	if err != nil {
		return nil, err
	}
	var req promptRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		return nil, err
	}
	p, ok := s.prompts[req.Name]
	if !ok {
		return nil, fmt.Errorf("unknown prompt %q", req.Name)
	}
	return p(req.Arguments)
}

// serveHandwritten answers the messages on stdin with the third
// transport.
func serveHandwritten() {
	s := newHandwrittenServer()
	in := bufio.NewScanner(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var msg map[string]any
		if err := json.Unmarshal(in.Bytes(), &msg); err != nil {
			continue
		}
		res, err := s.handle(msg)
		if err != nil {
			_ = enc.Encode(map[string]any{"id": msg["id"], "error": err.Error()})
			continue
		}
		_ = enc.Encode(map[string]any{"id": msg["id"], "result": res})
	}
}

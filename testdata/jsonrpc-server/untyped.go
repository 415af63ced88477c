package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// The server's second transport decodes each message into a map, as
// hand-written servers often do, and reads the tool call's params["name"]
// next to params["arguments"]. Its tools are implementations of its own
// Tool interface, held in a registry keyed by name.

// Tool is what the untyped server's registry holds.
type Tool interface {
	Execute(args map[string]interface{}) (string, error)
}

type deleteFileTool struct{}

func (deleteFileTool) Execute(args map[string]interface{}) (string, error) { // want `tool delete_file custom constant` `BR304: tool delete_file can write files with no rate limit` `BR305: tool delete_file is not logged with its arguments`
	path, _ := args["path"].(string)
	return "deleted", os.Remove(path) // want `delete_file: fs-write os\.Remove \(tainted\)` `BR104: tool delete_file: model-controlled input reaches the file path of os\.Remove` `BR301: tool delete_file can write files through os\.Remove with no confirmation before it`
}

type listDirTool struct{}

func (listDirTool) Execute(args map[string]interface{}) (string, error) { // want `tool list_dir custom constant` `BR305: tool list_dir is not logged with its arguments`
	dir, _ := args["dir"].(string)
	entries, err := os.ReadDir(dir) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir: model-controlled input reaches the file path of os\.ReadDir`
	return fmt.Sprint(len(entries), " entries"), err
}

type untypedServer struct {
	tools map[string]Tool
	// prompts answers prompts/get, whose params are a name and
	// arguments too: a prompt is text for the model, not a tool.
	prompts map[string]func(args map[string]interface{}) string
}

func newUntypedServer() *untypedServer {
	s := &untypedServer{
		tools: map[string]Tool{},
		prompts: map[string]func(map[string]interface{}) string{
			"summarize": func(args map[string]interface{}) string { return fmt.Sprint("Summarize ", args["topic"]) },
		},
	}
	s.tools["delete_file"] = deleteFileTool{}
	s.tools["list_dir"] = listDirTool{}
	return s
}

func (s *untypedServer) handleMessage(msg map[string]interface{}) (any, error) {
	method, _ := msg["method"].(string)
	params, _ := msg["params"].(map[string]interface{})
	switch method {
	case "tools/call":
		return s.handleToolCall(params)
	case "prompts/get":
		return s.handlePromptGet(params)
	}
	return nil, fmt.Errorf("unknown method %q", method)
}

func (s *untypedServer) handleToolCall(params map[string]interface{}) (any, error) { // want `agent \(\*main\.untypedServer\)\.handleToolCall dispatcher custom: delete_file, list_dir`
	name, ok := params["name"].(string)
	if !ok {
		return nil, errors.New("missing tool name")
	}
	tool, ok := s.tools[name]
	if !ok {
		return nil, fmt.Errorf("unknown tool %s", name)
	}
	args, _ := params["arguments"].(map[string]interface{})
	return tool.Execute(args)
}

func (s *untypedServer) handlePromptGet(params map[string]interface{}) (any, error) {
	name, _ := params["name"].(string)
	prompt, ok := s.prompts[name]
	if !ok {
		return nil, fmt.Errorf("unknown prompt %s", name)
	}
	args, _ := params["arguments"].(map[string]interface{})
	return prompt(args), nil
}

// serveUntyped answers the messages on stdin with the untyped server.
func serveUntyped() {
	s := newUntypedServer()
	in := bufio.NewScanner(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var msg map[string]interface{}
		if err := json.Unmarshal(in.Bytes(), &msg); err != nil {
			continue
		}
		res, err := s.handleMessage(msg)
		if err != nil {
			_ = enc.Encode(map[string]any{"id": msg["id"], "error": err.Error()})
			continue
		}
		_ = enc.Encode(map[string]any{"id": msg["id"], "result": res})
	}
}

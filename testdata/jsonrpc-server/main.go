// Command jsonrpc-server speaks MCP over stdio without an SDK: it decodes
// each tools/call itself, {"name": ..., "arguments": ...} as the protocol
// writes it, and runs the tool the name selects from its own table. With
// "agent", it is an agent that decodes the Anthropic Messages API's
// tool_use blocks itself (agent.go).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
)

type request struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// callParams are the params of tools/call.
type callParams struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

// tool is a row of the server's table.
type tool struct {
	Description string
	Run         func(args map[string]any) (string, error)
}

var tools = map[string]tool{
	"read_file": {Description: "Read a file", Run: readFile},
	"uptime":    {Description: "How long the host has run", Run: uptime},
}

func readFile(args map[string]any) (string, error) { // want `tool read_file custom constant` `BR305: tool read_file is not logged with its arguments`
	path, _ := args["path"].(string)
	b, err := os.ReadFile(path) // want `read_file: fs\-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model\-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func uptime(args map[string]any) (string, error) { // want `tool uptime custom constant` `BR304: tool uptime can run processes with no rate limit` `BR305: tool uptime is not logged with its arguments`
	out, err := exec.Command("uptime").Output() // want `uptime: exec os/exec\.Command` `BR301: tool uptime can run processes through os/exec\.Command with no confirmation before it`
	return string(out), err
}

// promptParams are the params of prompts/get: a name and arguments too,
// under another key; a prompt is text, not a tool.
type promptParams struct {
	Name string            `json:"name"`
	Args map[string]string `json:"args"`
}

var prompts = map[string]func(map[string]string) string{
	"greet": func(args map[string]string) string { return "Hello " + args["who"] },
}

func handle(req request) (any, error) { // want `agent main\.handle dispatcher custom: read_file, uptime`
	switch req.Method {
	case "tools/call":
		var p callParams
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		t, ok := tools[p.Name]
		if !ok {
			return nil, errors.New("unknown tool " + p.Name)
		}
		return t.Run(p.Arguments)
	case "prompts/get":
		var p promptParams
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		if f, ok := prompts[p.Name]; ok {
			return f(p.Args), nil
		}
		return nil, errors.New("unknown prompt " + p.Name)
	}
	return nil, fmt.Errorf("unknown method %q", req.Method)
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "job" {
		_ = runJob(os.Args[2])
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "untyped" {
		serveUntyped()
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "handwritten" {
		serveHandwritten()
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "agent" {
		_, _ = step(context.Background(), nil)
		return
	}
	in := bufio.NewScanner(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			continue
		}
		res, err := handle(req)
		if err != nil {
			_ = enc.Encode(map[string]any{"id": req.ID, "error": err.Error()})
			continue
		}
		_ = enc.Encode(map[string]any{"id": req.ID, "result": res})
	}
}

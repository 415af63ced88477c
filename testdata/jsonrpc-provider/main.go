// Command jsonrpc-provider speaks MCP over stdio without an SDK, as
// jsonrpc-server does, but hands each tools/call to a provider interface
// that its registry implements: the name reaches the registry's lookup
// through an interface method and an accessor. Its prompts/get has the same
// {"name", "arguments"} shape, with string arguments: prompts are text, not
// tools.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
)

type request struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type callParams struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

type Response struct{ Text string }

// promptParams are the params of prompts/get: MCP gives a prompt's
// arguments as strings.
type promptParams struct {
	Name      string            `json:"name"`
	Arguments map[string]string `json:"arguments"`
}

// PromptProvider renders prompts.
type PromptProvider interface {
	Render(name string, args map[string]string) (string, error)
}

type prompts struct {
	byName map[string]func(map[string]string) string
}

func (p *prompts) Render(name string, args map[string]string) (string, error) {
	f, ok := p.byName[name]
	if !ok {
		return "", fmt.Errorf("no prompt %s", name)
	}
	return f(args), nil
}

type ToolProvider interface {
	Execute(ctx context.Context, name string, args map[string]any) (Response, error)
}

type Handler func(args map[string]any) (Response, error)

type Tool struct {
	Description string
	Handler     Handler
}

type Registry struct{ tools map[string]Tool }

func NewRegistry() *Registry { return &Registry{tools: map[string]Tool{}} }

func (r *Registry) Register(name string, t Tool) { r.tools[name] = t }

func (r *Registry) Get(name string) (Tool, bool) { // want `agent \(\*main\.Registry\)\.Get dispatcher custom: read_file, uptime`
	t, ok := r.tools[name]
	return t, ok
}

func (r *Registry) Execute(ctx context.Context, name string, args map[string]any) (Response, error) {
	t, ok := r.Get(name)
	if !ok {
		return Response{}, fmt.Errorf("no tool %s", name)
	}
	return t.Handler(args)
}

func ReadFileTool() Tool {
	return Tool{Description: "read", Handler: func(args map[string]any) (Response, error) { // want `tool read_file custom constant` `BR305: tool read_file is not logged with its arguments`
		p, _ := args["path"].(string)
		b, err := os.ReadFile(p) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
		return Response{Text: string(b)}, err
	}}
}

func UptimeTool() Tool {
	return Tool{Description: "uptime", Handler: func(args map[string]any) (Response, error) { // want `tool uptime custom constant` `BR304: tool uptime can run processes with no rate limit` `BR305: tool uptime is not logged with its arguments`
		out, err := exec.Command("uptime").Output() // want `uptime: exec os/exec\.Command` `BR301: tool uptime can run processes through os/exec\.Command with no confirmation before it`
		return Response{Text: string(out)}, err
	}}
}

type Server struct {
	tools   ToolProvider
	prompts PromptProvider
}

func (s *Server) handleToolCall(req request) (any, error) {
	var p callParams
	if err := json.Unmarshal(req.Params, &p); err != nil {
		return nil, err
	}
	return s.tools.Execute(context.Background(), p.Name, p.Arguments)
}

func (s *Server) handle(req request) (any, error) {
	switch req.Method {
	case "tools/call":
		return s.handleToolCall(req)
	case "prompts/get":
		var p promptParams
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		return s.prompts.Render(p.Name, p.Arguments)
	}
	return nil, fmt.Errorf("unknown method %q", req.Method)
}

func main() {
	reg := NewRegistry()
	reg.Register("read_file", ReadFileTool())
	reg.Register("uptime", UptimeTool())
	pr := &prompts{byName: map[string]func(map[string]string) string{
		"review": func(args map[string]string) string { return "Review " + args["file"] },
	}}
	s := &Server{tools: reg, prompts: pr}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var req request
		if json.Unmarshal(in.Bytes(), &req) == nil {
			_, _ = s.handle(req)
		}
	}
}

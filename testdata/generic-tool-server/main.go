// Command generic-tool-server speaks MCP over stdio without an SDK. Its
// tools are made by a generic constructor from a name and a method value
// (NewServerTool("bash", s.bash)), kept in a map under the name their
// definition gives, and run by a method of that map, which a generic
// helper decodes each request for: the helper is handed the method value
// s.tools.Call.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
)

// CallToolRequest is what tools/call sends.
type CallToolRequest struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments,omitempty"`
}

// Tool is a tool's definition, as tools/list shows it.
type Tool struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

type ServerTool interface {
	Definition() Tool
	Invoke(ctx context.Context, call CallToolRequest) (string, error)
}

// ServerTools are the tools by name.
type ServerTools map[string]ServerTool

func NewServerTools(tools ...ServerTool) ServerTools {
	out := make(ServerTools, len(tools))
	for _, t := range tools {
		out[t.Definition().Name] = t
	}
	return out
}

// Call runs the tool the request names.
func (s ServerTools) Call(ctx context.Context, call CallToolRequest) (string, error) { // want `agent \(main\.ServerTools\)\.Call dispatcher custom: bash, date, read` `BR402: agent \(main\.ServerTools\)\.Call: read returns private data \(os\.ReadFile\), bash sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	t, ok := s[call.Name]
	if !ok {
		return "", fmt.Errorf("unknown tool %q", call.Name)
	}
	return t.Invoke(ctx, call)
}

type serverTool[In, Out any] struct {
	def Tool
	run func(ctx context.Context, in In) (Out, error)
}

func NewServerTool[In, Out any](name, description string, run func(ctx context.Context, in In) (Out, error)) ServerTool {
	return &serverTool[In, Out]{def: Tool{Name: name, Description: description}, run: run}
}

func (t *serverTool[In, Out]) Definition() Tool { return t.def }

// Invoke decodes the arguments into the tool's input type.
func (t *serverTool[In, Out]) Invoke(ctx context.Context, call CallToolRequest) (string, error) { // want `tool bash custom constant` `tool date custom constant` `tool read custom constant` `BR304: tool bash can run processes with no rate limit` `BR305: tool bash is not logged with its arguments` `BR304: tool date can run processes with no rate limit` `BR305: tool date is not logged with its arguments` `BR305: tool read is not logged with its arguments`
	var in In
	b, err := json.Marshal(call.Arguments)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return "", err
	}
	out, err := t.run(ctx, in)
	return fmt.Sprint(out), err
}

type bashParams struct {
	Command string `json:"command"`
}

type readParams struct {
	Path string `json:"path"`
}

type server struct {
	tools ServerTools
	shell string
}

func (s *server) bash(ctx context.Context, p bashParams) (string, error) {
	out, err := exec.CommandContext(ctx, s.shell, "-c", p.Command).CombinedOutput() // want `bash: exec os/exec\.CommandContext \(tainted\)` `BR101: tool bash: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool bash can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool bash: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func (s *server) read(ctx context.Context, p readParams) (string, error) {
	b, err := os.ReadFile(p.Path) // want `read: fs-read os\.ReadFile \(tainted\)` `BR104: tool read: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func (s *server) date(ctx context.Context, _ struct{}) (string, error) {
	out, err := exec.CommandContext(ctx, "date").Output() // want `date: exec os/exec\.CommandContext` `BR301: tool date can run processes through os/exec\.CommandContext with no confirmation before it`
	return string(out), err
}

type message struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// Invoke decodes a message's params into the handler's payload type and
// runs the handler.
func Invoke[T any, R any](ctx context.Context, msg message, handler func(ctx context.Context, payload T) (R, error)) (any, error) {
	var payload T
	if len(msg.Params) > 0 {
		if err := json.Unmarshal(msg.Params, &payload); err != nil {
			return nil, err
		}
	}
	return handler(ctx, payload)
}

func (s *server) onMessage(ctx context.Context, msg message) (any, error) {
	switch msg.Method {
	case "tools/call":
		return Invoke(ctx, msg, s.tools.Call)
	case "tools/list":
		var defs []Tool
		for _, t := range s.tools {
			defs = append(defs, t.Definition())
		}
		return defs, nil
	}
	return nil, fmt.Errorf("unknown method %q", msg.Method)
}

func main() {
	s := &server{shell: "bash"}
	s.tools = NewServerTools(
		NewServerTool("bash", "Run a shell command", s.bash),
		NewServerTool("read", "Read a file", s.read),
		NewServerTool("date", "The date", s.date),
	)
	in := bufio.NewScanner(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var msg message
		if err := json.Unmarshal(in.Bytes(), &msg); err != nil {
			continue
		}
		res, err := s.onMessage(context.Background(), msg)
		if err != nil {
			_ = enc.Encode(map[string]any{"id": msg.ID, "error": err.Error()})
			continue
		}
		_ = enc.Encode(map[string]any{"id": msg.ID, "result": res})
	}
}

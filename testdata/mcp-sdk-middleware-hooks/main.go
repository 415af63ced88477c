// Command mcp-sdk-middleware-hooks is an MCP server built with the official
// modelcontextprotocol/go-sdk whose toolkit wraps every handler in its
// middlewares: each middleware's Before runs ahead of the handler, and its
// After is handed the handler's result and error once the handler is done.
// The hooks are no tools: they run for every tool, on what the tool's own
// handler returned.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Call is what the middlewares see of a tool call.
type Call struct {
	Tool  string
	Input any
}

// Middleware runs around every tool call.
type Middleware interface {
	Before(ctx context.Context, c *Call) (context.Context, error)
	After(ctx context.Context, c *Call, result *mcp.CallToolResult, handlerErr error) (*mcp.CallToolResult, error)
}

// Audit appends each finished call to a file.
type Audit struct{ path string }

// Before does nothing.
func (a *Audit) Before(ctx context.Context, c *Call) (context.Context, error) { return ctx, nil }

// After records the call and hands its result on.
func (a *Audit) After(ctx context.Context, c *Call, result *mcp.CallToolResult, handlerErr error) (*mcp.CallToolResult, error) {
	f, err := os.OpenFile(a.path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600) // want `run_script: fs-write os\.OpenFile` `show_status: fs-write os\.OpenFile` `BR301: tool run_script can write files through os\.OpenFile with no confirmation before it` `BR301: tool show_status can write files through os\.OpenFile with no confirmation before it`
	if err != nil {
		return result, handlerErr
	}
	defer f.Close()
	fmt.Fprintf(f, "%s %v %v\n", c.Tool, c.Input, handlerErr)
	return result, handlerErr
}

// Hooks is a middleware made of functions.
type Hooks struct {
	AfterFn func(ctx context.Context, c *Call, result *mcp.CallToolResult, handlerErr error) (*mcp.CallToolResult, error)
}

// Before does nothing.
func (h Hooks) Before(ctx context.Context, c *Call) (context.Context, error) { return ctx, nil }

// After runs AfterFn, if there is one.
func (h Hooks) After(ctx context.Context, c *Call, result *mcp.CallToolResult, handlerErr error) (*mcp.CallToolResult, error) {
	if h.AfterFn != nil {
		return h.AfterFn(ctx, c, result, handlerErr)
	}
	return result, handlerErr
}

// Handler is a tool's handler before it is typed for the SDK.
type Handler func(ctx context.Context, req *mcp.CallToolRequest, input any) (*mcp.CallToolResult, any, error)

// Toolkit registers its tools wrapped in its middlewares.
type Toolkit struct {
	middlewares []Middleware
}

// wrap runs every middleware's Before, the handler, and every After in
// reverse order on what the handler returned.
func (t *Toolkit) wrap(name string, handler Handler) Handler {
	if len(t.middlewares) == 0 {
		return handler
	}
	return func(ctx context.Context, req *mcp.CallToolRequest, input any) (*mcp.CallToolResult, any, error) {
		c := &Call{Tool: name, Input: input}
		var err error
		for _, m := range t.middlewares {
			ctx, err = m.Before(ctx, c)
			if err != nil {
				return nil, nil, err
			}
		}
		result, extra, handlerErr := handler(ctx, req, input)
		for i := len(t.middlewares) - 1; i >= 0; i-- {
			result, err = t.middlewares[i].After(ctx, c, result, handlerErr) // want `run_script: guard audit-log \(example\.com/mcp-sdk-middleware-hooks\.Middleware\)\.After for exec os/exec\.CommandContext \(not counted: in a wrapper around the handler, after it\)` `run_script: guard audit-log \(example\.com/mcp-sdk-middleware-hooks\.Middleware\)\.After for fs-write os\.OpenFile \(not counted: in a wrapper around the handler, after it\)` `show_status: guard audit-log \(example\.com/mcp-sdk-middleware-hooks\.Middleware\)\.After for fs-write os\.OpenFile \(not counted: in a wrapper around the handler, after it\)`
			if err != nil {
				return nil, nil, err
			}
		}
		return result, extra, nil
	}
}

// ScriptInput names a script to run.
type ScriptInput struct {
	Script string `json:"script"`
}

// Empty is a tool's input.
type Empty struct{}

func text(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}
}

func (t *Toolkit) registerRunScript(s *mcp.Server) {
	base := func(ctx context.Context, req *mcp.CallToolRequest, input any) (*mcp.CallToolResult, any, error) { // want `tool run_script mcp-go-sdk constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
		in, _ := input.(ScriptInput)
		out, err := exec.CommandContext(ctx, "sh", "-c", in.Script).Output() // want `run_script: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_script can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
		return text(string(out)), nil, err
	}
	wrapped := t.wrap("run_script", base)
	mcp.AddTool(s, &mcp.Tool{Name: "run_script"}, func(ctx context.Context, req *mcp.CallToolRequest, in ScriptInput) (*mcp.CallToolResult, any, error) {
		return wrapped(ctx, req, in)
	})
}

func (t *Toolkit) registerShowStatus(s *mcp.Server) {
	base := func(ctx context.Context, req *mcp.CallToolRequest, input any) (*mcp.CallToolResult, any, error) { // want `tool show_status mcp-go-sdk constant` `BR304: tool show_status can write files with no rate limit` `BR305: tool show_status is not logged with its arguments`
		host, err := os.Hostname()
		return text(host), nil, err
	}
	wrapped := t.wrap("show_status", base)
	mcp.AddTool(s, &mcp.Tool{Name: "show_status"}, func(ctx context.Context, req *mcp.CallToolRequest, in Empty) (*mcp.CallToolResult, any, error) {
		return wrapped(ctx, req, in)
	})
}

func main() {
	t := &Toolkit{middlewares: []Middleware{
		&Audit{path: "/var/log/tools.log"},
		Hooks{AfterFn: func(ctx context.Context, c *Call, result *mcp.CallToolResult, handlerErr error) (*mcp.CallToolResult, error) {
			log.Printf("%s done", c.Tool)
			return result, handlerErr
		}},
	}}
	s := mcp.NewServer(&mcp.Implementation{Name: "hooks"}, nil) // want `agent hooks server mcp-go-sdk: run_script, show_status`
	t.registerRunScript(s)
	t.registerShowStatus(s)
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-go-name-lookup registers each tool of its registry with one
// shared mcp-go handler, which looks the called tool up by the name in the
// request and hands it to a helper that runs it. Each registered value is
// a tool of its own, with its own method as the handler: the helper runs
// only the value the handler looked up.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Tool is the application's own tool interface.
type Tool interface {
	Name() string
	Run(ctx context.Context, args map[string]any) (string, error)
}

// Executor runs a command line somewhere: a service the tools use, not a
// tool.
type Executor interface {
	Execute(ctx context.Context, command string) (string, error)
}

type localExecutor struct{}

func (localExecutor) Execute(ctx context.Context, command string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", command).Output() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

type dryRun struct{}

func (dryRun) Execute(ctx context.Context, command string) (string, error) {
	return "would run: " + command, nil
}

// runOn hands a command to an executor and gives back what it answers.
func runOn(ctx context.Context, e Executor, command string) (string, error) {
	return e.Execute(ctx, command)
}

type shellTool struct{ executor Executor }

func newShellTool(e Executor) *shellTool { return &shellTool{executor: e} }

func (*shellTool) Name() string { return "shell" }

func (t *shellTool) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool shell mcp-go constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	command, _ := args["command"].(string)
	return runOn(ctx, t.executor, command)
}

type readTool struct{}

func (readTool) Name() string { return "read_file" }

func (readTool) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool read_file mcp-go constant` `BR305: tool read_file is not logged with its arguments`
	path, _ := args["path"].(string)
	data, err := os.ReadFile(path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

type registry struct{ tools map[string]Tool }

func (r *registry) add(t Tool)              { r.tools[t.Name()] = t }
func (r *registry) lookup(name string) Tool { return r.tools[name] }

// Prompter shows a sign-in instruction to whoever called the tool.
type Prompter interface{ Show(msg string) }

type callerPrompter struct{ tool string }

func (p *callerPrompter) Show(msg string) { fmt.Println(p.tool + ": " + msg) }

// Authenticator signs the server in before a tool runs: a service the
// handler uses, handed a piece of the request, not a tool.
type Authenticator interface {
	Authenticate(ctx context.Context, p Prompter) (string, error)
}

type deviceFlow struct{ endpoint string }

func (d *deviceFlow) Authenticate(ctx context.Context, p Prompter) (string, error) {
	out, err := exec.CommandContext(ctx, "gh", "auth", "login", "--hostname", d.endpoint).Output() // want `agent name-lookup: middleware exec os/exec\.CommandContext`
	p.Show(string(out))
	return string(out), err
}

type mcpServer struct {
	reg  *registry
	auth Authenticator
	s    *server.MCPServer
}

// authorize signs in, showing the instructions to the tool's caller.
func (m *mcpServer) authorize(ctx context.Context, req mcp.CallToolRequest, a Authenticator) (string, error) {
	return a.Authenticate(ctx, &callerPrompter{tool: req.Params.Name})
}

// handle runs the registered tool the request names.
func (m *mcpServer) handle(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, err := m.authorize(ctx, req, m.auth); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	t := m.reg.lookup(req.Params.Name)
	if t == nil {
		return mcp.NewToolResultError(fmt.Sprintf("no tool %q", req.Params.Name)), nil
	}
	return m.runTool(ctx, req, t)
}

// runTool runs a tool with the request's arguments.
func (m *mcpServer) runTool(ctx context.Context, req mcp.CallToolRequest, t Tool) (*mcp.CallToolResult, error) {
	out, err := t.Run(ctx, req.GetArguments())
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

func main() {
	reg := &registry{tools: map[string]Tool{}}
	reg.add(newShellTool(localExecutor{}))
	reg.add(readTool{})
	m := &mcpServer{reg: reg, auth: &deviceFlow{endpoint: "github.com"}, s: server.NewMCPServer("name-lookup", "1.0.0")} // want `agent name-lookup server mcp-go: read_file, shell` `BR402: agent name-lookup: read_file returns private data \(os\.ReadFile\), shell sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	for _, t := range reg.tools {
		m.s.AddTool(mcp.NewTool(t.Name()), m.handle)
	}
	_, _ = runOn(context.Background(), dryRun{}, "true")
	_ = server.ServeStdio(m.s)
}

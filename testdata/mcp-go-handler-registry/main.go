// Command mcp-go-handler-registry keeps its tools in a registry of its own,
// by name with the function that runs each, and serves them through one
// mcp-go handler per name that asks the registry to run the tool of that
// name. Each registered function is a tool of its own.
package main

import (
	"context"
	"os"
	"os/exec"

	"example.com/mcp-go-handler-registry/registry"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func runCommand(ctx context.Context, args map[string]any) (string, error) { // want `tool run_command mcp-go constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
	line, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", line).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func readNotes(ctx context.Context, args map[string]any) (string, error) { // want `tool read_notes mcp-go constant` `BR305: tool read_notes is not logged with its arguments`
	data, err := os.ReadFile("/srv/notes.txt") // want `read_notes: fs-read os\.ReadFile` `BR202: tool read_notes returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

// registerProgram registers, as name, a tool that runs program with no
// word of the model's: one closure, made for each name.
func registerProgram(reg *registry.Registry, name, program string) {
	reg.Register(registry.Tool{Name: name, Description: "Run " + program + "."}, func(ctx context.Context, args map[string]any) (string, error) { // want `tool disk_usage mcp-go constant` `tool uptime mcp-go constant` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments` `BR304: tool uptime can run processes with no rate limit` `BR305: tool uptime is not logged with its arguments`
		out, err := exec.CommandContext(ctx, program).Output() // want `disk_usage: exec os/exec\.CommandContext` `uptime: exec os/exec\.CommandContext` `BR301: tool disk_usage can run processes through os/exec\.CommandContext with no confirmation before it` `BR301: tool uptime can run processes through os/exec\.CommandContext with no confirmation before it`
		return string(out), err
	})
}

func register(reg *registry.Registry) {
	registerProgram(reg, "disk_usage", "df")
	registerProgram(reg, "uptime", "uptime")
	reg.Register(registry.Tool{Name: "run_command", Description: "Run a command line."}, runCommand)
	reg.Register(registry.Tool{Name: "read_notes", Description: "Read the notes."}, readNotes)
	reg.Register(registry.Tool{Name: "echo", Description: "Say it back."}, func(ctx context.Context, args map[string]any) (string, error) { // want `tool echo mcp-go constant`
		text, _ := args["text"].(string)
		return text, nil
	})
}

// decorate applies options to a result: options it is handed, called with
// a value it is handed, are no tool the handler wraps.
func decorate(r *mcp.CallToolResult, opts ...func(*mcp.CallToolResult)) *mcp.CallToolResult {
	for _, o := range opts {
		o(r)
	}
	return r
}

// withFooter adds the tool's name to a result, and notes that it ran.
func withFooter(name string) func(*mcp.CallToolResult) {
	return func(r *mcp.CallToolResult) {
		_ = os.WriteFile("/var/log/tools/last", []byte(name), 0o644) // want `agent handler-registry: middleware fs-write os\.WriteFile`
		r.Content = append(r.Content, mcp.NewTextContent("-- "+name))
	}
}

// serve registers, for each tool of the registry, a handler that runs the
// tool of that name.
func serve(s *server.MCPServer, reg *registry.Registry) {
	for _, t := range reg.List() {
		name := t.Name
		s.AddTool(mcp.NewTool(name, mcp.WithDescription(t.Description)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			out, err := reg.Call(ctx, name, req.GetArguments())
			if err != nil {
				return mcp.NewToolResultError(err.Error()), nil
			}
			return decorate(mcp.NewToolResultText(out), withFooter(name)), nil
		})
	}
}

func main() {
	reg := registry.New()
	register(reg)
	s := server.NewMCPServer("handler-registry", "1.0.0") // want `agent handler-registry server mcp-go: disk_usage, echo, read_notes, run_command, uptime` `BR402: agent handler-registry: read_notes returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\); whoever steers the model can make it send the private data out`
	serve(s, reg)
	_ = server.ServeStdio(s)
}

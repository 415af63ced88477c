// Command mcp-go-iface-adapter registers each tool as one adapter closure
// around a value of the application's own Runner interface. The adapter is
// shared; what each tool does is its runner's: echo does nothing, shell
// runs the model's command, notes reads a configured file, remove_note
// removes the model's note through a second adapter that logs the call.
// None of them gets another's capabilities through the shared adapter.
// count_notes is a handler that uses a store it holds: the store is a
// service of the handler's, not the tool it adapts. disk_usage is a
// function converted to a Runner (http.HandlerFunc's shape); token_size is
// handed the server's configuration next to the model's arguments by an
// adapter whose own code writes a file the request names.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Runner is a tool's behaviour, apart from the protocol.
type Runner interface {
	Run(ctx context.Context, args map[string]any) (string, error)
}

type echoRunner struct{}

func (echoRunner) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool echo mcp-go constant`
	text, _ := args["text"].(string)
	return text, nil
}

type shellRunner struct{ shell string }

func (r *shellRunner) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool shell mcp-go constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	command, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, r.shell, "-c", command).CombinedOutput() // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

type notesRunner struct{ root string }

func (r notesRunner) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool notes mcp-go constant` `BR305: tool notes is not logged with its arguments`
	data, err := os.ReadFile(filepath.Join(r.root, "notes.txt")) // want `notes: fs-read os\.ReadFile` `BR202: tool notes returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

type removeRunner struct{ root string }

func (r removeRunner) Run(ctx context.Context, args map[string]any) (string, error) { // want `tool remove_note mcp-go constant` `BR304: tool remove_note can write files with no rate limit`
	name, _ := args["name"].(string)
	return "removed", os.Remove(filepath.Join(r.root, name)) // want `remove_note: fs-write os\.Remove \(tainted\)` `BR104: tool remove_note: model-controlled input reaches the file path of os\.Remove` `BR301: tool remove_note can write files through os\.Remove with no confirmation before it`
}

// audited logs each call, then runs the runner it holds.
type audited struct{ inner Runner }

func (a *audited) Run(ctx context.Context, args map[string]any) (string, error) {
	log.Printf("tool call %v", args) // want `remove_note: guard audit-log log\.Printf for fs-write os\.Remove`
	return a.inner.Run(ctx, args)
}

// Store counts the notes.
type Store interface {
	Count(ctx context.Context) (int, error)
}

type dirStore struct{ dir string }

func (d dirStore) Count(ctx context.Context) (int, error) {
	entries, err := os.ReadDir(d.dir) // want `count_notes: fs-read os\.ReadDir`
	return len(entries), err
}

func countNotes(st Store) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_notes mcp-go constant` `BR305: tool count_notes is not logged with its arguments`
		n, err := st.Count(ctx)
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(fmt.Sprint(n)), nil
	}
}

// RunnerFunc is a function used as a Runner: its Run calls it.
type RunnerFunc func(ctx context.Context, args map[string]any) (string, error)

func (f RunnerFunc) Run(ctx context.Context, args map[string]any) (string, error) {
	return f(ctx, args)
}

// diskUsage is a function converted to a Runner.
func diskUsage() Runner {
	return RunnerFunc(func(ctx context.Context, args map[string]any) (string, error) { // want `tool disk_usage mcp-go constant` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments`
		dir, _ := args["dir"].(string)
		out, err := exec.CommandContext(ctx, "du", "-sh", dir).CombinedOutput() // want `disk_usage: exec os/exec\.CommandContext \(tainted\)` `BR101: tool disk_usage: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs du` `BR301: tool disk_usage can run processes through os/exec\.CommandContext with no confirmation before it`
		return string(out), err
	})
}

// Config is the server's configuration, which adaptWithConfig hands its
// runners next to the model's arguments.
type Config struct {
	TokenPath string
	AuditDir  string
}

// ConfiguredRunner is a runner that is also handed the configuration.
type ConfiguredRunner interface {
	Run(ctx context.Context, args map[string]any, cfg *Config) (string, error)
}

type tokenRunner struct{}

// Run reads the token file the configuration names: the path is the
// operator's, not the model's.
func (tokenRunner) Run(ctx context.Context, args map[string]any, cfg *Config) (string, error) { // want `tool token_size mcp-go constant` `BR304: tool token_size can write files with no rate limit` `BR305: tool token_size is not logged with its arguments`
	data, err := os.ReadFile(cfg.TokenPath) // want `token_size: fs-read os\.ReadFile`
	return fmt.Sprint(len(data)), err
}

// adaptWithConfig records who called in a file named by the request (the
// adapter's own code is the tool's), then runs the runner with the
// configuration.
func adaptWithConfig(r ConfiguredRunner, cfg *Config) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if f, err := os.Create(filepath.Join(cfg.AuditDir, req.GetString("caller", ""))); err == nil { // want `token_size: fs-write os\.Create \(tainted\)` `BR104: tool token_size: model-controlled input reaches the file path of os\.Create` `BR301: tool token_size can write files through os\.Create with no confirmation before it`
			f.Close()
		}
		out, err := r.Run(ctx, req.GetArguments(), cfg)
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(out), nil
	}
}

// adapt serves a runner as an MCP tool handler.
func adapt(r Runner) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, err := r.Run(ctx, req.GetArguments())
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(out), nil
	}
}

func main() {
	s := server.NewMCPServer("runners", "1.0.0") // want `agent runners server mcp-go: count_notes, disk_usage, echo, memory_info, notes, remove_note, shell, token_size` `BR402: agent runners: memory_info returns private data \(os\.ReadFile\), shell sends data where the model says \(os/exec\.CommandContext\); whoever steers t.*`
	s.AddTool(mcp.NewTool("echo", mcp.WithString("text")), adapt(echoRunner{}))
	s.AddTool(mcp.NewTool("shell", mcp.WithString("command")), adapt(&shellRunner{shell: "/bin/sh"}))
	s.AddTool(mcp.NewTool("notes"), adapt(notesRunner{root: "/srv/notes"}))
	s.AddTool(mcp.NewTool("remove_note", mcp.WithString("name")), adapt(&audited{inner: removeRunner{root: "/srv/notes"}}))
	s.AddTool(mcp.NewTool("count_notes"), countNotes(dirStore{dir: "/srv/notes"}))
	s.AddTool(mcp.NewTool("disk_usage", mcp.WithString("dir")), adapt(diskUsage()))
	s.AddTool(mcp.NewTool("memory_info"), memoryInfo)
	cfg := &Config{TokenPath: "/etc/runners/token", AuditDir: "/var/log/runners"}
	s.AddTool(mcp.NewTool("token_size", mcp.WithString("caller")), adaptWithConfig(tokenRunner{}, cfg))
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// memoryInfo runs, inside its handler, the Runner a factory makes: a
// function converted to a RunnerFunc, whose Run calls that function only,
// not every function the program converts (disk_usage's command).
func memoryInfo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool memory_info mcp-go constant` `BR305: tool memory_info is not logged with its arguments`
	out, err := memRunner().Run(ctx, req.GetArguments())
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(out), nil
}

func memRunner() Runner {
	return RunnerFunc(func(ctx context.Context, args map[string]any) (string, error) {
		b, err := os.ReadFile("/proc/meminfo") // want `memory_info: fs-read os\.ReadFile` `BR202: tool memory_info returns the contents of a file read by os\.ReadFile to the model`
		return string(b), err
	})
}

package main

import (
	"context"
	"io"
	"io/fs"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ollama/ollama/api"
)

// toolFunc is a handler in the agent's map.
type toolFunc func(ctx context.Context, args api.ToolCallFunctionArguments) (string, error)

// agent holds the map of handlers keyed by tool name: each value is the
// tool named by its key.
type agent struct {
	root     string
	handlers map[string]toolFunc
}

func newAgent(root string) *agent {
	a := &agent{root: root}
	a.handlers = map[string]toolFunc{
		// A method value.
		"read_file": a.readFile,
		// A top-level function.
		"disk_usage": diskUsage,
		// A func literal.
		"http_get": func(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool http_get ollama constant` `BR305: tool http_get\b.*`
			resp, err := http.Get(str(args, "url")) // want `http_get: network net/http\.Get \(tainted\)` `BR103: tool http_get\b.*net/http\.Get` `BR203: tool http_get\b.*net/http\.Get.*`
			if err != nil {
				return "", err
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			return string(b), err
		},
	}
	// An entry added after the literal: the harmless tool.
	a.handlers["get_time"] = func(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool get_time ollama constant`
		return time.Now().Format(time.RFC3339), nil
	}
	// Entries wrapped in the agent's own logging wrapper: each keeps its
	// own handler, and hostname does not inherit uptime's file read.
	a.handlers["uptime"] = logged("uptime", uptime)
	a.handlers["hostname"] = logged("hostname", hostname)
	return a
}

// logged logs a tool call with its arguments, then runs the tool.
func logged(name string, next toolFunc) toolFunc {
	return func(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) {
		log.Printf("%s %v", name, args) // want `uptime: guard audit-log log\.Printf for fs-read os\.ReadFile`
		return next(ctx, args)
	}
}

func uptime(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool uptime ollama constant`
	b, err := os.ReadFile("/proc/uptime") // want `uptime: fs-read os\.ReadFile` `BR202: tool uptime returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func hostname(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool hostname ollama constant`
	return "ollama-agent", nil
}

// shell builds the command of run_command. It is called only from that case
// of the switch, so its sink belongs to run_command.
func (a *agent) shell(ctx context.Context, cmd string) *exec.Cmd {
	c := exec.CommandContext(ctx, "sh", "-c", cmd) // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
	c.Dir = a.root
	return c
}

func (a *agent) readFile(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool read_file ollama constant` `BR305: tool read_file\b.*`
	b, err := os.ReadFile(filepath.Join(a.root, str(args, "path"))) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(b), err
}

func diskUsage(ctx context.Context, args api.ToolCallFunctionArguments) (string, error) { // want `tool disk_usage ollama constant` `BR305: tool disk_usage\b.*`
	var total int64
	err := filepath.WalkDir(str(args, "path"), func(path string, d fs.DirEntry, err error) error { // want `disk_usage: fs-read path/filepath\.WalkDir \(tainted\)` `BR104: tool disk_usage\b.*path/filepath\.WalkDir`
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	return strconv.FormatInt(total, 10), err
}

// str reads a string argument of a tool call.
func str(args api.ToolCallFunctionArguments, key string) string {
	v, _ := args.Get(key)
	s, _ := v.(string)
	return s
}

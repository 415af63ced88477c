// Package runner is a library of ready-made tool executors (a command-line
// runner, document readers): the sinks are in its code, not the
// application's.
package runner

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Shell runs command lines of one program.
type Shell struct {
	Program string
}

// Execute runs params["command"], prefixed with the shell's program unless
// it already starts with it: a prefix of the line, not a check of what
// runs.
func (s *Shell) Execute(ctx context.Context, params map[string]any) (string, error) { // want `tool helm mcp-go constant` `BR304: tool helm can run processes with no rate limit` `BR305: tool helm is not logged with its arguments`
	line, ok := params["command"].(string)
	if !ok {
		return "", fmt.Errorf("command: not a string")
	}
	if !strings.HasPrefix(line, s.Program) {
		line = s.Program + " " + line
	}
	return s.run(ctx, line)
}

func (s *Shell) run(ctx context.Context, line string) (string, error) {
	parts := strings.Fields(line)
	if len(parts) == 0 {
		return "", nil
	}
	out, err := exec.CommandContext(ctx, parts[0], parts[1:]...).CombinedOutput() // want `helm: exec os/exec\.CommandContext \(tainted\)` `BR101: tool helm: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool helm can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool helm: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

// Uptime runs a fixed program; the note is only logged.
type Uptime struct{}

// Execute runs uptime.
func (Uptime) Execute(ctx context.Context, params map[string]any) (string, error) { // want `tool uptime mcp-go constant` `BR304: tool uptime can run processes with no rate limit`
	log.Printf("uptime asked: %v", params["note"])          // want `uptime: guard audit-log log\.Printf for exec os/exec\.CommandContext`
	out, err := exec.CommandContext(ctx, "uptime").Output() // want `uptime: exec os/exec\.CommandContext` `BR301: tool uptime can run processes through os/exec\.CommandContext with no confirmation before it`
	return string(out), err
}

// Docs reads the documents under Root.
type Docs struct {
	Root string
}

// Execute reads params["name"] under the root: a join is not a check, a
// name with ".." leaves the root.
func (d Docs) Execute(ctx context.Context, params map[string]any) (string, error) { // want `tool read_doc mcp-go constant` `BR305: tool read_doc is not logged with its arguments`
	name, _ := params["name"].(string)
	data, err := os.ReadFile(filepath.Join(d.Root, name)) // want `read_doc: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_doc: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_doc returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

// CheckedDocs reads the documents under Root whose names stay in it.
type CheckedDocs struct {
	Root string
}

// Execute reads params["name"] under the root if it is a local name.
func (d CheckedDocs) Execute(ctx context.Context, params map[string]any) (string, error) { // want `tool read_safe_doc mcp-go constant` `BR305: tool read_safe_doc is not logged with its arguments`
	name, _ := params["name"].(string)
	if !filepath.IsLocal(name) { // want `read_safe_doc: guard allowlist path/filepath\.IsLocal for fs-read os\.ReadFile`
		return "", fmt.Errorf("%s: not a local name", name)
	}
	data, err := os.ReadFile(filepath.Join(d.Root, name)) // want `read_safe_doc: fs-read os\.ReadFile` `BR202: tool read_safe_doc returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

// Package toolkit is a library of ready-made eino tools, in a module of its
// own: an application hands its types to an agent, and the SDK runs them.
package toolkit

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"time"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/schema"
)

// Shell runs the command line the model writes.
type Shell struct{ Dir string }

// NewShell returns a shell tool that runs commands in dir.
func NewShell(dir string) *Shell { return &Shell{Dir: dir} }

func (s *Shell) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "shell", Desc: "Run a command line"}, nil
}

func (s *Shell) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) { // want `tool shell eino constant` `BR304: tool shell can run processes with no rate limit` `BR305: tool shell is not logged with its arguments`
	var in struct {
		Command string `json:"command"`
	}
	if err := json.Unmarshal([]byte(argumentsInJSON), &in); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", in.Command) // want `shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	cmd.Dir = s.Dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Clock tells the time.
type Clock struct{}

func (Clock) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "clock", Desc: "The time"}, nil
}

func (Clock) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) { // want `tool clock eino constant`
	return time.Now().Format(time.RFC3339), nil
}

// Eraser removes a directory tree: a tool of the library that the
// application never hands to an agent.
type Eraser struct{}

func (Eraser) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "erase_tree", Desc: "Remove a directory"}, nil
}

func (Eraser) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) {
	return "", os.RemoveAll(argumentsInJSON)
}

// Package shell is a toolset whose one tool exists only when the operator
// turns it on.
package shell

import (
	"os"
	"os/exec"

	"example.com/mcp-sdk-toolsets/internal/tool"
)

type set struct{}

func init() { tool.Register(set{}) }

func (set) Name() string { return "shell" }

func (set) Tools() []tool.Tool {
	var ret []tool.Tool
	if os.Getenv("ENABLE_SHELL") == "1" { // want `run_command: gated by if os\.Getenv\("ENABLE_SHELL"\) == "1" \{.*`
		ret = append(ret, tool.Tool{Def: tool.Def{Name: "run_command"}, Run: run})
	}
	return ret
}

func run(p tool.Params) (string, error) { // want `BR304: tool run_command can run processes with no rate limit` `tool run_command mcp-go-sdk constant`
	out, err := exec.CommandContext(p.Ctx, "sh", "-c", p.String("command")).CombinedOutput() // want `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist` `run_command: exec os/exec\.CommandContext \(tainted\)`
	return string(out), err
}

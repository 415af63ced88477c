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
	if os.Getenv("ENABLE_SHELL") == "1" { // want `run_command: gated by if os\.Getenv\("ENABLE_SHELL"\) == "1" \{`
		ret = append(ret, tool.Tool{Def: tool.Def{Name: "run_command"}, Run: run})
	}
	return ret
}

func run(p tool.Params) (string, error) { // want `tool run_command mcp-go-sdk constant` `BR304: tool run_command\b`
	out, err := exec.CommandContext(p.Ctx, "sh", "-c", p.String("command")).CombinedOutput() // want `run_command: exec os/exec\.CommandContext` `BR101: tool run_command\b` `BR301: tool run_command\b` `BR303: tool run_command\b`
	return string(out), err
}

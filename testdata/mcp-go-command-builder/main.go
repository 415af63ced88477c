// Command mcp-go-command-builder runs its command lines through a fluent
// builder that keeps the program in a field: each tool fixes its program
// where it makes the builder, but one tool gives it the model's program. A
// tool's own builder says what it runs, whatever another tool's runs.
package main

import (
	"context"
	"log"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// CommandBuilder builds one command line.
type CommandBuilder struct {
	command string
	args    []string
}

func NewCommandBuilder(command string) *CommandBuilder {
	return &CommandBuilder{command: command}
}

func (cb *CommandBuilder) WithArgs(args ...string) *CommandBuilder {
	cb.args = append(cb.args, args...)
	return cb
}

func (cb *CommandBuilder) Execute(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, cb.command, cb.args...).CombinedOutput() // want `cilium_status: exec os/exec\.CommandContext \(tainted\)` `helm_list: exec os/exec\.CommandContext \(tainted\)` `run_program: exec os/exec\.CommandContext \(tainted\)` `BR101: tool cilium_status: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs cilium` `BR301: tool cilium_status can run processes through os/exec\.CommandContext with no confirmation before it` `BR101: tool helm_list: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs helm` `BR301: tool helm_list can run processes through os/exec\.CommandContext with no confirmation before it` `BR101: tool run_program: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_program can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_program: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func result(out string, err error) (*mcp.CallToolResult, error) {
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

// ciliumStatus runs cilium status for the model's namespace: the model
// chooses an operand of cilium's.
func ciliumStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cilium_status mcp-go constant` `BR304: tool cilium_status can run processes with no rate limit` `BR305: tool cilium_status is not logged with its arguments`
	return result(NewCommandBuilder("cilium").WithArgs("status", "--namespace", req.GetString("namespace", "")).Execute(ctx))
}

// helmList lists the releases of the model's namespace.
func helmList(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool helm_list mcp-go constant` `BR304: tool helm_list can run processes with no rate limit` `BR305: tool helm_list is not logged with its arguments`
	return result(NewCommandBuilder("helm").WithArgs("list", "-n", req.GetString("namespace", "")).Execute(ctx))
}

// runProgram runs the program the model names.
func runProgram(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_program mcp-go constant` `BR304: tool run_program can run processes with no rate limit` `BR305: tool run_program is not logged with its arguments`
	return result(NewCommandBuilder(req.GetString("program", "")).WithArgs(req.GetString("arg", "")).Execute(ctx))
}

func main() {
	s := server.NewMCPServer("cluster", "1.0.0") // want `agent cluster server mcp-go: agent_status, az_command, cilium_status, command_line, container_exec, helm_list, helm_status, kube_verb, pod_exec, pod_logs, pod_shell, run_program`
	s.AddTool(mcp.NewTool("cilium_status", mcp.WithString("namespace")), ciliumStatus)
	s.AddTool(mcp.NewTool("helm_list", mcp.WithString("namespace")), helmList)
	s.AddTool(mcp.NewTool("run_program", mcp.WithString("program"), mcp.WithString("arg")), runProgram)
	s.AddTool(mcp.NewTool("pod_logs", mcp.WithString("pod"), mcp.WithString("namespace")), podLogs)
	s.AddTool(mcp.NewTool("pod_exec", mcp.WithString("pod"), mcp.WithString("command")), podExec)
	s.AddTool(mcp.NewTool("helm_status", mcp.WithString("release")), helmStatus)
	s.AddTool(mcp.NewTool("agent_status", mcp.WithString("command")), agentStatus)
	s.AddTool(mcp.NewTool("pod_shell", mcp.WithString("command")), podShell)
	s.AddTool(mcp.NewTool("kube_verb", mcp.WithString("verb"), mcp.WithString("resource")), kubeVerb)
	registerSplit(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

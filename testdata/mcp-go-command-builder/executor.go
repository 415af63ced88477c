package main

import (
	"context"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// Executor runs a command line. Tests put a fake one in the context; the
// server runs the process.
type Executor interface {
	Exec(ctx context.Context, command string, args ...string) ([]byte, error)
}

type processExecutor struct{}

func (processExecutor) Exec(ctx context.Context, command string, args ...string) ([]byte, error) {
	return exec.CommandContext(ctx, command, args...).CombinedOutput() // want `helm_status: exec os/exec\.CommandContext \(tainted\)` `kube_verb: exec os/exec\.CommandContext \(tainted\)` `pod_exec: exec os/exec\.CommandContext \(tainted\)` `pod_logs: exec os/exec\.CommandContext \(tainted\)` `BR101: tool helm_status: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs helm` `BR301: tool helm_status can run processes through os/exec\.CommandContext with no confirmation before it` `BR101: tool kube_verb: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool kube_verb can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool kube_verb: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist` `BR101: tool pod_exec: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool pod_exec can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool pod_exec: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist` `BR101: tool pod_logs: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs kubectl logs` `BR301: tool pod_logs can run processes through os/exec\.CommandContext with no confirmation before it` `agent_status: exec os/exec\.CommandContext \(tainted\)` `pod_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool agent_status: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs kubectl exec -- agent-dbg` `BR301: tool agent_status can run processes through os/exec\.CommandContext with no confirmation before it` `BR101: tool pod_shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool pod_shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool pod_shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
}

type executorKey struct{}

func executorFrom(ctx context.Context) Executor {
	if e, ok := ctx.Value(executorKey{}).(Executor); ok {
		return e
	}
	return processExecutor{}
}

// KubeBuilder keeps its words in fields and puts the command line together
// when it runs: the program and the first words are what the builder was
// made and given, through an interface's method.
type KubeBuilder struct {
	command   string
	args      []string
	namespace string
	cached    bool
}

func NewKubeBuilder(command string) *KubeBuilder {
	return &KubeBuilder{command: command, args: make([]string, 0)}
}

func Kubectl() *KubeBuilder { return NewKubeBuilder("kubectl") }

func (b *KubeBuilder) WithArgs(args ...string) *KubeBuilder {
	b.args = append(b.args, args...)
	return b
}

func (b *KubeBuilder) WithNamespace(ns string) *KubeBuilder {
	b.namespace = ns
	return b
}

func (b *KubeBuilder) Build() (string, []string) {
	args := make([]string, 0, len(b.args)+2)
	args = append(args, b.args...)
	if b.namespace != "" {
		args = append(args, "--namespace", b.namespace)
	}
	return b.command, args
}

func (b *KubeBuilder) Run(ctx context.Context) (*mcp.CallToolResult, error) {
	command, args := b.Build()
	if b.cached {
		return result(b.runCached(ctx, command, args))
	}
	return result(b.run(ctx, command, args))
}

func (b *KubeBuilder) runCached(ctx context.Context, command string, args []string) (string, error) {
	key := strings.Join(append([]string{command}, args...), " ")
	if out, ok := cache[key]; ok {
		return out, nil
	}
	return remember(key, func() (string, error) { return b.run(ctx, command, args) })
}

var cache = map[string]string{}

func remember(key string, run func() (string, error)) (string, error) {
	out, err := run()
	if err == nil {
		cache[key] = out
	}
	return out, err
}

func (b *KubeBuilder) run(ctx context.Context, command string, args []string) (string, error) {
	out, err := executorFrom(ctx).Exec(ctx, command, args...)
	return string(out), err
}

// podLogs runs kubectl logs: the model names the pod and its namespace.
func podLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_logs mcp-go constant` `BR304: tool pod_logs can run processes with no rate limit` `BR305: tool pod_logs is not logged with its arguments`
	return Kubectl().WithArgs("logs", req.GetString("pod", "")).WithNamespace(req.GetString("namespace", "")).Run(ctx)
}

// podExec runs the model's command in a pod: kubectl exec runs its
// arguments.
func podExec(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_exec mcp-go constant` `BR304: tool pod_exec can run processes with no rate limit` `BR305: tool pod_exec is not logged with its arguments`
	return Kubectl().WithArgs("exec", req.GetString("pod", ""), "--", req.GetString("command", "")).Run(ctx)
}

// helmStatus runs helm status for the model's release.
func helmStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool helm_status mcp-go constant` `BR304: tool helm_status can run processes with no rate limit` `BR305: tool helm_status is not logged with its arguments`
	return NewKubeBuilder("helm").WithArgs("status", req.GetString("release", "")).Run(ctx)
}

// kubeVerb runs the kubectl subcommand the model names.
func kubeVerb(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool kube_verb mcp-go constant` `BR304: tool kube_verb can run processes with no rate limit` `BR305: tool kube_verb is not logged with its arguments`
	return Kubectl().WithArgs(req.GetString("verb", ""), req.GetString("resource", "")).Run(ctx)
}

// agentStatus runs the node agent's own command line in its pod, with the
// model's words as its options.
func agentStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool agent_status mcp-go constant` `BR304: tool agent_status can run processes with no rate limit` `BR305: tool agent_status is not logged with its arguments`
	args := []string{"exec", "-n", "kube-system", "agent-0", "--", "agent-dbg"}
	args = append(args, strings.Fields(req.GetString("command", ""))...)
	return Kubectl().WithArgs(args...).Run(ctx)
}

// podShell runs the model's words with a shell in a pod.
func podShell(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_shell mcp-go constant` `BR304: tool pod_shell can run processes with no rate limit` `BR305: tool pod_shell is not logged with its arguments`
	return Kubectl().WithArgs("exec", "agent-0", "--", "sh", "-c", req.GetString("command", "")).Run(ctx)
}

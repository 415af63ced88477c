package tools

import (
	"context"
	"os"
	"os/exec"
	"syscall"

	"github.com/mark3labs/mcp-go/mcp"
)

// pingHost waits on a rate limiter before it starts ping: the wait
// dominates the command. The host is the model's, unchecked.
func (t *Tools) pingHost(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping_host mcp-go constant` `BR305: tool ping_host is not logged with its arguments`
	host, err := req.RequireString("host")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := t.pingLimiter.Wait(ctx); err != nil { // want `ping_host: guard ratelimit \(\*golang\.org/x/time/rate\.Limiter\)\.Wait for exec os/exec\.CommandContext`
		return mcp.NewToolResultErrorFromErr("rate limited", err), nil
	}
	out, err := exec.CommandContext(ctx, "ping", "-c", "3", host).CombinedOutput() // want `ping_host: exec os/exec\.CommandContext \(tainted\)` `BR101: tool ping_host: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs ping` `BR301: tool ping_host can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// checks are the programs run_check may start.
var checks = map[string]bool{"uptime": true, "df": true, "free": true, "vmstat": true}

// runCheck starts only a program of the allowlist: the check dominates the
// command, so the model's choice is confined.
func (t *Tools) runCheck(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_check mcp-go constant` `BR304: tool run_check can run processes with no rate limit` `BR305: tool run_check is not logged with its arguments`
	name, err := req.RequireString("check")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if !checks[name] { // want `run_check: guard allowlist map lookup for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("unknown check " + name), nil
	}
	// One of the allowlist's programs: not the model's choice (not tainted).
	out, err := exec.CommandContext(ctx, name).CombinedOutput() // want `run_check: exec os/exec\.CommandContext` `BR301: tool run_check can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// buildTarget runs make as the nobody user in its own process group: the
// SysProcAttr set on the command is its sandbox. The target is still the
// model's choice (BR101).
func (t *Tools) buildTarget(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool build_target mcp-go constant` `BR304: tool build_target can run processes with no rate limit` `BR305: tool build_target is not logged with its arguments`
	target := req.GetString("target", "all")
	cmd := exec.CommandContext(ctx, "make", "-C", t.workspace, target) // want `build_target: exec os/exec\.CommandContext \(tainted\)` `BR101: tool build_target: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs make` `BR301: tool build_target can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.SysProcAttr = &syscall.SysProcAttr{                            // want `build_target: guard sandbox SysProcAttr for exec os/exec\.CommandContext`
		Credential: &syscall.Credential{Uid: 65534, Gid: 65534},
		Setpgid:    true,
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runShell is the unguarded tool, offered only with -enable-shell.
func (t *Tools) runShell(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_shell mcp-go constant` `BR304: tool run_shell can run processes with no rate limit` `BR305: tool run_shell is not logged with its arguments`
	command, err := req.RequireString("command")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", command).CombinedOutput() // want `run_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runJob puts the job in its own process group, kills it when the server
// dies, and runs it as root. None of it confines what it runs: the process
// has root's privileges and the server's files and network, so the
// model-chosen job is unsandboxed (BR303).
func (t *Tools) runJob(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_job mcp-go constant` `BR304: tool run_job can run processes with no rate limit` `BR305: tool run_job is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/jobs/run", req.GetString("job", "")) // want `run_job: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_job: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs /opt/jobs/run` `BR301: tool run_job can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Setpgid:    true,
		Pdeathsig:  syscall.SIGKILL,
		Credential: &syscall.Credential{Uid: 0, Gid: 0},
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runIsolated starts the command in new user and network namespaces: it
// has no privileges on the host and no network. That is a sandbox.
func (t *Tools) runIsolated(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_isolated mcp-go constant` `BR304: tool run_isolated can run processes with no rate limit` `BR305: tool run_isolated is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "sh", "-c", req.GetString("command", "")) // want `run_isolated: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_isolated: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_isolated can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.SysProcAttr = &syscall.SysProcAttr{                                   // want `run_isolated: guard sandbox SysProcAttr for exec os/exec\.CommandContext`
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: 65534, Size: 1}},
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runInJail sets the attributes in two steps: the process group first,
// then the chroot that confines the command to the jail directory.
func (t *Tools) runInJail(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_in_jail mcp-go constant` `BR304: tool run_in_jail can run processes with no rate limit` `BR305: tool run_in_jail is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", req.GetString("command", "")) // want `run_in_jail: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_in_jail: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_in_jail can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.SysProcAttr.Chroot = t.jail // want `run_in_jail: guard sandbox SysProcAttr for exec os/exec\.CommandContext`
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runHostnameNS gives the command its own hostname (a UTS namespace) and
// the server's own user: neither takes anything away from it (BR303).
func (t *Tools) runHostnameNS(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_hostname_ns mcp-go constant` `BR304: tool run_hostname_ns can run processes with no rate limit` `BR305: tool run_hostname_ns is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "sh", "-c", req.GetString("command", "")) // want `run_hostname_ns: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_hostname_ns: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_hostname_ns can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_hostname_ns: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags: syscall.CLONE_NEWUTS,
		Credential: &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid())},
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

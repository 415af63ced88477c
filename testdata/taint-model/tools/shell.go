package tools

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// runShell runs cmdline with /bin/sh and returns its combined output, killed
// after 30 seconds. Every diagnostic goes through it.
func runShell(ctx context.Context, cmdline string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", cmdline) // want `ping_host: exec os/exec\.CommandContext \(tainted\)` `tail_service_log: exec os/exec\.CommandContext` `BR101: tool ping_host\b.*os/exec\.CommandContext` `BR301: tool ping_host\b.*os/exec\.CommandContext.*` `BR303: tool ping_host\b.*os/exec\.CommandContext.*` `BR301: tool tail_service_log\b.*os/exec\.CommandContext.*`
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}

// pingHost reaches the shell through a helper, with the host glued into the
// command line: "example.com; cat /etc/shadow" runs both.
func (s *Server) pingHost(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ping_host mcp-go constant` `BR304: tool ping_host\b.*` `BR305: tool ping_host\b.*`
	host, err := req.RequireString("host")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := runShell(ctx, "ping -c 3 -W 2 "+host)
	if err != nil {
		return mcp.NewToolResultErrorFromErr(out, err), nil
	}
	return mcp.NewToolResultText(out), nil
}

// kubectlLogs builds an argv as a slice and joins it into a shell line, so
// that it can pipe into tail.
func (s *Server) kubectlLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool kubectl_logs mcp-go constant` `BR304: tool kubectl_logs\b.*` `BR305: tool kubectl_logs\b.*`
	ns, err := req.RequireString("namespace")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	pod, err := req.RequireString("pod")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	args := []string{"kubectl", "logs", "--namespace", ns, pod}
	if c := req.GetString("container", ""); c != "" {
		args = append(args, "--container", c)
	}
	line := strings.Join(args, " ") + " | tail -n " + req.GetString("tail", "100")
	// The model's tail count is an unquoted word of tail's: "100 /etc/shadow"
	// names a file tail reads.
	out, err := exec.Command("sh", "-c", line).CombinedOutput() // want `kubectl_logs: exec os/exec\.Command \(tainted\)` `kubectl_logs: fs-read os/exec\.Command \(tainted\)` `BR101: tool kubectl_logs\b.*os/exec\.Command` `BR301: tool kubectl_logs\b.*os/exec\.Command.*` `BR303: tool kubectl_logs\b.*os/exec\.Command.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// tailServiceLog goes through the same helper, but the only model value in
// the command line is a number.
func (s *Server) tailServiceLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tail_service_log mcp-go constant` `BR304: tool tail_service_log\b.*` `BR305: tool tail_service_log\b.*`
	// Trap: strconv.Atoi turns the model's string into a number, which cannot carry shell syntax.
	n, err := strconv.Atoi(req.GetString("lines", "200"))
	if err != nil || n <= 0 || n > 5000 {
		return mcp.NewToolResultError("lines must be a number between 1 and 5000"), nil
	}
	out, err := runShell(ctx, fmt.Sprintf("journalctl -u %s -n %d --no-pager", s.cfg.Service, n))
	if err != nil {
		return mcp.NewToolResultErrorFromErr(out, err), nil
	}
	return mcp.NewToolResultText(out), nil
}

// healthChecks are the commands run_check may run.
var healthChecks = map[string]bool{
	"uptime": true,
	"df":     true,
	"free":   true,
	"vmstat": true,
}

// runCheck runs a command the model names, once it is on the allowlist.
func (s *Server) runCheck(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_check mcp-go constant` `BR304: tool run_check\b.*` `BR305: tool run_check\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: the allowlist lookup confines name to four fixed programs.
	if !healthChecks[name] { // want `run_check: guard allowlist map lookup for exec os/exec\.CommandContext`
		return mcp.NewToolResultErrorf("unknown check %q", name), nil
	}
	// The program is one of the allowlist's: the model picks among them,
	// it does not choose what runs (not tainted).
	out, err := exec.CommandContext(ctx, name).Output() // want `run_check: exec os/exec\.CommandContext` `BR301: tool run_check\b.*os/exec\.CommandContext.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("check failed", err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

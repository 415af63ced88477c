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

// splitWords splits a command line into words as a shell would, quotes
// included, copying it character by character: each word is made of the
// line's characters, so it is still the line.
func splitWords(line string) []string {
	var words []string
	var cur strings.Builder
	quote := rune(0)
	for i := 0; i < len(line); i++ {
		ch := rune(line[i])
		switch {
		case quote != 0 && ch == quote:
			quote = 0
		case quote == 0 && (ch == '"' || ch == '\''):
			quote = ch
		case quote == 0 && ch == ' ':
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(ch)
		}
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words
}

// runWords runs the model's command line without a shell, split by a
// parser of the server's own: the program and its arguments are the
// model's.
func (s *Server) runWords(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_words mcp-go constant` `BR304: tool run_words can run processes with no rate limit` `BR305: tool run_words is not logged with its arguments`
	words := splitWords(req.GetString("command_line", ""))
	if len(words) == 0 {
		return mcp.NewToolResultError("empty command line"), nil
	}
	out, err := exec.CommandContext(ctx, words[0], words[1:]...).CombinedOutput() // want `run_words: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_words: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_words can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_words: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultErrorFromErr(string(out), err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runInContainer checks that docker answers, with a fixed command, then
// runs the model's command line in the support container: two calls of
// exec.CommandContext, the second the model's. The capability, and its
// missing sandbox, are shown at the second.
func (s *Server) runInContainer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_in_container mcp-go constant` `BR304: tool run_in_container can run processes with no rate limit` `BR305: tool run_in_container is not logged with its arguments`
	if err := exec.CommandContext(ctx, "docker", "version").Run(); err != nil {
		return mcp.NewToolResultError("docker is not available"), nil
	}
	out, err := dockerExec(ctx, "support", splitWords(req.GetString("command_line", "")))
	if err != nil {
		return mcp.NewToolResultErrorFromErr(out, err), nil
	}
	return mcp.NewToolResultText(out), nil
}

func dockerExec(ctx context.Context, container string, argv []string) (string, error) {
	out, err := exec.CommandContext(ctx, "docker", append([]string{"exec", container}, argv...)...).CombinedOutput() // want `run_in_container: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_in_container: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_in_container can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_in_container: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

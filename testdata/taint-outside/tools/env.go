package tools

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// deployVars say how the deployment is wired. Two of them hold credentials.
var deployVars = []string{"APP_ENV", "DATABASE_URL", "REDIS_URL", "STRIPE_SECRET_KEY", "SENTRY_DSN"}

// deployEnv prints each deployment variable, secrets included.
func (s *Server) deployEnv(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool deploy_env mcp-go constant` `BR305: tool deploy_env\b.*`
	var b strings.Builder
	for _, k := range deployVars {
		fmt.Fprintf(&b, "%s=%s\n", k, os.Getenv(k)) // want `deploy_env: env os\.Getenv` `BR201: tool deploy_env\b.*os\.Getenv.*`
	}
	return mcp.NewToolResultText(b.String()), nil
}

// getEnvVar returns whichever variable the model names.
func (s *Server) getEnvVar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_env_var mcp-go constant` `BR305: tool get_env_var\b.*`
	name, err := req.RequireString("name")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	v, ok := os.LookupEnv(name) // want `get_env_var: env os\.LookupEnv \(tainted\)` `BR201: tool get_env_var\b.*os\.LookupEnv.*`
	if !ok {
		return mcp.NewToolResultText(name + " is not set"), nil
	}
	return mcp.NewToolResultText(name + "=" + v), nil
}

// awsCredentials returns a profile of ~/.aws/credentials: its access key
// and secret key.
func (s *Server) awsCredentials(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool aws_credentials mcp-go constant` `BR305: tool aws_credentials\b.*`
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(home, ".aws", "credentials")) // want `aws_credentials: fs-read os\.ReadFile` `BR201: tool aws_credentials\b.*os\.ReadFile.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("no AWS credentials", err), nil
	}
	profile := req.GetString("profile", "default")
	section, ok := iniSection(string(data), profile)
	if !ok {
		return mcp.NewToolResultErrorf("no profile %q", profile), nil
	}
	return mcp.NewToolResultText(section), nil
}

// iniSection returns the lines of section name of an INI file.
func iniSection(text, name string) (string, bool) {
	var lines []string
	in, found := false, false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			in = strings.TrimSpace(line[1:len(line)-1]) == name
			found = found || in
			continue
		}
		if in && line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n"), found
}

// saToken is where Kubernetes mounts the pod's service-account token.
const saToken = "/var/run/secrets/kubernetes.io/serviceaccount/token"

// kubeToken hands the pod's API credential to the model.
func (s *Server) kubeToken(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool kube_token mcp-go constant` `BR305: tool kube_token\b.*`
	tok, err := os.ReadFile(saToken) // want `kube_token: fs-read os\.ReadFile` `BR201: tool kube_token\b.*os\.ReadFile.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("not running in a pod", err), nil
	}
	return mcp.NewToolResultText(strings.TrimSpace(string(tok))), nil
}

// recentCommits runs git with the server's environment (its credential
// helper needs it) and returns what git prints: the process uses the
// secrets it is given, and its output is not them.
func (s *Server) recentCommits(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool recent_commits mcp-go constant` `BR304: tool recent_commits\b.*` `BR305: tool recent_commits\b.*`
	cmd := exec.CommandContext(ctx, "git", "log", "--oneline", "-n", "20") // want `recent_commits: exec os/exec\.CommandContext` `BR301: tool recent_commits\b.*`
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")                // want `recent_commits: env os\.Environ`
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultErrorFromErr("git log failed", err), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

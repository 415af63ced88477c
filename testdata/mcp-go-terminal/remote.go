package main

import (
	"context"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"golang.org/x/crypto/ssh"
)

// remote is a shell on the build machine, reached over SSH.
type remote struct {
	client *ssh.Client
}

// runRemote runs the model's command on the build machine: it runs there,
// over the network, and the model writes it.
func (r *remote) runRemote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_remote mcp-go constant` `BR305: tool run_remote is not logged with its arguments`
	s, err := r.client.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	out, err := s.CombinedOutput(req.GetString("command", "")) // want `run_remote: network \(\*golang\.org/x/crypto/ssh\.Session\)\.CombinedOutput \(tainted\)` `BR101: tool run_remote: model-controlled input reaches the command of \(\*golang\.org/x/crypto/ssh\.Session\)\.CombinedOutput` `BR203: tool run_remote returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.CombinedOutput to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// quote makes s one word of a POSIX shell: in single quotes, each single
// quote inside closed, escaped and reopened.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// listRemote lists the model's directory on the build machine: the model
// picks the directory, quoted as one word, not the command.
func (r *remote) listRemote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_remote mcp-go constant` `BR305: tool list_remote is not logged with its arguments`
	s, err := r.client.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	out, err := s.Output("ls -la -- " + quote(req.GetString("dir", ""))) // want `list_remote: network \(\*golang\.org/x/crypto/ssh\.Session\)\.Output` `BR203: tool list_remote returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.Output to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

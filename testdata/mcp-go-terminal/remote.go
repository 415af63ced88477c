package main

import (
	"context"

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

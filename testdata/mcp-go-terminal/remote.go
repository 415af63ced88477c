package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"golang.org/x/crypto/ssh"
)

// remote is a shell on the build machine, reached over SSH.
type remote struct {
	client *ssh.Client
	// config logs in to other machines with the server's key.
	config *ssh.ClientConfig
	// shell is the stdin of a login shell on the build machine, opened
	// once (openShell) and typed into by type_remote.
	shell io.WriteCloser
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

// inContainer runs argv in the build container, on the machine's docker,
// over SSH: each word quoted for the remote user's shell.
func (r *remote) inContainer(argv ...string) ([]byte, error) {
	s, err := r.client.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	line := "docker exec build"
	for _, a := range argv {
		line += " " + quote(a)
	}
	return s.Output(line) // want `run_in_container: network \(\*golang\.org/x/crypto/ssh\.Session\)\.Output \(tainted\)` `BR101: tool run_in_container: model-controlled input reaches the command of \(\*golang\.org/x/crypto/ssh\.Session\)\.Output` `BR203: tool run_in_container returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.Output to the model, where it can carry instructions` `stat_in_container: network \(\*golang\.org/x/crypto/ssh\.Session\)\.Output` `BR203: tool stat_in_container returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.Output to the model, where it can carry instructions` `size_in_container: network \(\*golang\.org/x/crypto/ssh\.Session\)\.Output` `BR203: tool size_in_container returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.Output to the model, where it can carry instructions`
}

// runInContainer runs the model's script in the container: quoted for the
// remote shell, it is still the script of the sh -c that docker starts.
func (r *remote) runInContainer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_in_container mcp-go constant` `BR305: tool run_in_container is not logged with its arguments`
	out, err := r.inContainer("/bin/sh", "-c", req.GetString("script", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// statInContainer shows the model's file in the container: stat's -c is
// a format, and the quoted path is one of its arguments.
func (r *remote) statInContainer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool stat_in_container mcp-go constant` `BR305: tool stat_in_container is not logged with its arguments`
	out, err := r.inContainer("stat", "-c", "%s %y", "--", req.GetString("path", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// sizeInContainer sums the model's directory in the container: the path
// is quoted inside the script that sh -c runs, so it stays one word for
// that shell. The same helper quotes the script itself for the remote
// shell, where quoting does not keep it from being run: what the helper
// returns is each call's own argument, quoted.
func (r *remote) sizeInContainer(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool size_in_container mcp-go constant` `BR305: tool size_in_container is not logged with its arguments`
	out, err := r.inContainer("/bin/sh", "-c", "cd "+quote(req.GetString("dir", ""))+" && du -s .")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

// openShell starts a login shell on the build machine and keeps its stdin.
func (r *remote) openShell() error {
	s, err := r.client.NewSession()
	if err != nil {
		return err
	}
	if r.shell, err = s.StdinPipe(); err != nil {
		return err
	}
	return s.Shell()
}

// typeRemote types the model's line into the remote shell: the shell runs
// it on the other machine, which the tool reaches over the network.
func (r *remote) typeRemote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool type_remote mcp-go constant` `BR305: tool type_remote is not logged with its arguments`
	if _, err := fmt.Fprintln(r.shell, req.GetString("line", "")); err != nil { // want `type_remote: network \(\*golang\.org/x/crypto/ssh\.Session\)\.StdinPipe \(tainted\)` `BR101: tool type_remote: model-controlled input reaches the command of \(\*golang\.org/x/crypto/ssh\.Session\)\.StdinPipe`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("typed"), nil
}

// uptimeOf asks the machine the model names for its uptime, logging in
// with the server's own key: the model chooses where that login goes.
func (r *remote) uptimeOf(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool uptime_of mcp-go constant` `BR305: tool uptime_of is not logged with its arguments`
	client, err := ssh.Dial("tcp", req.GetString("host", "")+":22", r.config) // want `uptime_of: network golang\.org/x/crypto/ssh\.Dial \(tainted\)` `BR103: tool uptime_of: model-controlled input reaches the URL or address of golang\.org/x/crypto/ssh\.Dial`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer client.Close()
	s, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	out, err := s.Output("uptime") // want `uptime_of: network \(\*golang\.org/x/crypto/ssh\.Session\)\.Output` `BR203: tool uptime_of returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Session\)\.Output to the model, where it can carry instructions`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

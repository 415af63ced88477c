// Command sinks-ssh is an MCP server that works on another machine over
// SSH: files through SFTP (github.com/pkg/sftp) and tunnels through the SSH
// client's Dial. Each is the network connection that carries it;
// the paths and addresses the model chooses are BR104 and BR103.
package main

import (
	"context"
	"io"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

type remote struct{ client *ssh.Client }

func main() {
	client, err := ssh.Dial("tcp", "build.internal:22", &ssh.ClientConfig{})
	if err != nil {
		panic(err)
	}
	r := &remote{client: client}
	srv := server.NewMCPServer("remote", "1.0.0") // want `agent remote server mcp-go: clear_report, open_tunnel, put_file` `BR403: agent remote: open_tunnel returns untrusted content \(\(\*golang\.org/x/crypto/ssh\.Client\)\.Dial\), open_tunnel sends data where the model says \(\(\*golang\.org/x/crypto/ssh\.Client\)\.Dial\); an instruction in the untrusted content can make the model send out what it holds`
	srv.AddTool(mcp.NewTool("put_file", mcp.WithString("path"), mcp.WithString("content")), r.putFile)
	srv.AddTool(mcp.NewTool("clear_report", mcp.WithString("why")), r.clearReport)
	srv.AddTool(mcp.NewTool("open_tunnel", mcp.WithString("addr")), r.openTunnel)
	if err := server.ServeStdio(srv); err != nil {
		panic(err)
	}
}

// putFile writes the model's content at the model's path on the remote
// machine.
func (r *remote) putFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool put_file mcp-go constant` `BR305: tool put_file is not logged with its arguments`
	c, err := sftp.NewClient(r.client)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	f, err := c.Create(req.GetString("path", "")) // want `put_file: network \(\*github\.com/pkg/sftp\.Client\)\.Create \(tainted\)` `BR104: tool put_file: model-controlled input reaches the file path of \(\*github\.com/pkg/sftp\.Client\)\.Create`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := io.Copy(f, strings.NewReader(req.GetString("content", ""))); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("written"), nil
}

// clearReport removes the one report the server writes there.
func (r *remote) clearReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool clear_report mcp-go constant` `BR305: tool clear_report is not logged with its arguments`
	c, err := sftp.NewClient(r.client)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.Remove("/var/reports/latest.txt"); err != nil { // want `clear_report: network \(\*github\.com/pkg/sftp\.Client\)\.Remove`
		return nil, err
	}
	return mcp.NewToolResultText("removed"), nil
}

// openTunnel connects, from the remote machine, to the model's address,
// and gives back the banner the service there greets it with.
func (r *remote) openTunnel(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool open_tunnel mcp-go constant` `BR305: tool open_tunnel is not logged with its arguments`
	conn, err := r.client.Dial("tcp", req.GetString("addr", "")) // want `open_tunnel: network \(\*golang\.org/x/crypto/ssh\.Client\)\.Dial \(tainted\)` `BR103: tool open_tunnel: model-controlled input reaches the URL or address of \(\*golang\.org/x/crypto/ssh\.Client\)\.Dial` `BR203: tool open_tunnel returns web content fetched by \(\*golang\.org/x/crypto/ssh\.Client\)\.Dial to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	banner, err := io.ReadAll(io.LimitReader(conn, 256))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(banner)), nil
}

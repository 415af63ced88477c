// Command mcp-go-protocol talks to a language server that it starts when it
// starts (the command comes from its own command line), over the server's
// stdin: each tool's request is JSON, framed by a Content-Length header, as
// LSP and JSON-RPC servers read it. Writing into the server's input is
// exec, but the model's text inside a JSON message is a value of the
// protocol, not a command the server runs: no BR101, also when a message
// is a line of newline-delimited JSON. The last tools feed the model's
// script to sh's stdin, raw or as a line: that is a command (BR101).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// message is one request of the protocol.
type message struct {
	ID     int            `json:"id"`
	Method string         `json:"method"`
	Params map[string]any `json:"params"`
}

// conn is the language server the tools talk to.
type conn struct {
	in   io.WriteCloser
	next int
}

func dial(name string, args ...string) (*conn, error) {
	cmd := exec.Command(name, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &conn{in: in}, nil
}

// writeFrame writes a message as a header, then its JSON.
func writeFrame(w io.Writer, msg *message) error {
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "Content-Length: %d\r\n\r\n", len(data)); err != nil { // want `hover: exec \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool hover can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it`
		return err
	}
	_, err = w.Write(data)
	return err
}

// send writes a message in one call, the header and its JSON together.
func (c *conn) send(method string, params map[string]any) error {
	c.next++
	data, err := json.Marshal(&message{ID: c.next, Method: method, Params: params})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(data), data) // want `rename: exec \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool rename can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it`
	return err
}

// sendLine writes a message as one line of newline-delimited JSON.
func (c *conn) sendLine(method string, params map[string]any) error {
	c.next++
	data, err := json.Marshal(&message{ID: c.next, Method: method, Params: params})
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = c.in.Write(data) // want `definition: exec \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool definition can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it`
	return err
}

func (c *conn) definition(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool definition mcp-go constant` `BR304: tool definition can run processes with no rate limit` `BR305: tool definition is not logged with its arguments`
	if err := c.sendLine("textDocument/definition", map[string]any{"uri": req.GetString("file", "")}); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

// runLine feeds the model's script to a shell as one line.
func runLine(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_line mcp-go constant` `BR304: tool run_line can run processes with no rate limit` `BR305: tool run_line is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "sh") // want `run_line: exec os/exec\.CommandContext`
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	in.Write(append([]byte(req.GetString("script", "")), '\n')) // want `run_line: exec \(\*os/exec\.Cmd\)\.StdinPipe \(tainted\)` `BR101: tool run_line: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool run_line can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it` `BR303: tool run_line: a model-chosen command reaches \(\*os/exec\.Cmd\)\.StdinPipe with no sandbox or allowlist`
	in.Close()
	return mcp.NewToolResultText("done"), cmd.Wait()
}

func (c *conn) hover(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool hover mcp-go constant` `BR304: tool hover can run processes with no rate limit` `BR305: tool hover is not logged with its arguments`
	c.next++
	msg := &message{ID: c.next, Method: "textDocument/hover", Params: map[string]any{
		"uri":  req.GetString("file", ""),
		"line": req.GetInt("line", 0),
	}}
	if err := writeFrame(c.in, msg); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

func (c *conn) rename(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool rename mcp-go constant` `BR304: tool rename can run processes with no rate limit` `BR305: tool rename is not logged with its arguments`
	err := c.send("textDocument/rename", map[string]any{
		"uri":     req.GetString("file", ""),
		"newName": req.GetString("name", ""),
	})
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("sent"), nil
}

// runScript feeds the model's script to a shell: sh runs what it reads.
func runScript(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_script mcp-go constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "sh") // want `run_script: exec os/exec\.CommandContext`
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	io.WriteString(in, req.GetString("script", "")) // want `run_script: exec \(\*os/exec\.Cmd\)\.StdinPipe \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of \(\*os/exec\.Cmd\)\.StdinPipe` `BR301: tool run_script can run processes through \(\*os/exec\.Cmd\)\.StdinPipe with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches \(\*os/exec\.Cmd\)\.StdinPipe with no sandbox or allowlist`
	in.Close()
	if err := cmd.Wait(); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("done"), nil
}

func main() {
	flag.Parse()
	c, err := dial(flag.Arg(0), flag.Args()[1:]...)
	if err != nil {
		log.Fatal(err)
	}
	s := server.NewMCPServer("lsp", "1.0.0") // want `agent lsp server mcp-go: definition, hover, rename, run_line, run_script`
	s.AddTool(mcp.NewTool("hover", mcp.WithString("file", mcp.Required()), mcp.WithNumber("line")), c.hover)
	s.AddTool(mcp.NewTool("rename", mcp.WithString("file", mcp.Required()), mcp.WithString("name", mcp.Required())), c.rename)
	s.AddTool(mcp.NewTool("run_script", mcp.WithString("script", mcp.Required())), runScript)
	s.AddTool(mcp.NewTool("definition", mcp.WithString("file", mcp.Required())), c.definition)
	s.AddTool(mcp.NewTool("run_line", mcp.WithString("script", mcp.Required())), runLine)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-go-method-value dials through method values: a dialer's
// DialContext kept in a variable or in a client's field (as client
// libraries keep their dial function in their configuration) and called
// later. The call is the method's, a network sink, with the method's
// arguments but the receiver, which the value holds.
package main

import (
	"context"
	"crypto/tls"
	"net"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// client keeps the function it dials with, as a library's options do.
type client struct {
	dial dialFunc
	addr string
}

func newClient(addr string) *client {
	d := &tls.Dialer{}
	return &client{dial: d.DialContext, addr: addr}
}

// ping connects to the configured broker.
func (c *client) ping(ctx context.Context) error {
	conn, err := c.dial(ctx, "tcp", c.addr) // want `broker_ping: network \(\*crypto/tls\.Dialer\)\.DialContext`
	if err != nil {
		return err
	}
	return conn.Close()
}

var dialer = &net.Dialer{}

// probe dials what it is asked to.
type probe struct{ dial dialFunc }

type tools struct{ broker *client }

func (t *tools) dialLocal(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool dial_local mcp-go constant` `BR305: tool dial_local is not logged with its arguments`
	dial := dialer.DialContext
	conn, err := dial(ctx, "tcp", req.GetString("address", "")) // want `dial_local: network \(\*net\.Dialer\)\.DialContext \(tainted\)` `BR103: tool dial_local: model-controlled input reaches the URL or address of \(\*net\.Dialer\)\.DialContext`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	conn.Close()
	return mcp.NewToolResultText("reachable"), nil
}

func (t *tools) dialField(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool dial_field mcp-go constant` `BR305: tool dial_field is not logged with its arguments`
	p := &probe{dial: dialer.DialContext}
	conn, err := p.dial(ctx, "tcp", req.GetString("address", "")) // want `dial_field: network \(\*net\.Dialer\)\.DialContext \(tainted\)` `BR103: tool dial_field: model-controlled input reaches the URL or address of \(\*net\.Dialer\)\.DialContext`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	conn.Close()
	return mcp.NewToolResultText("reachable"), nil
}

func (t *tools) brokerPing(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool broker_ping mcp-go constant` `BR305: tool broker_ping is not logged with its arguments`
	if err := t.broker.ping(ctx); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("up"), nil
}

// shout builds its answer through a method value that is no sink.
func (t *tools) shout(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool shout mcp-go constant`
	var b strings.Builder
	write := b.WriteString
	write(strings.ToUpper(req.GetString("text", "")))
	return mcp.NewToolResultText(b.String()), nil
}

func main() {
	t := &tools{broker: newClient("broker.internal:9093")}
	s := server.NewMCPServer("method-value", "1.0.0") // want `agent method-value server mcp-go: broker_ping, dial_field, dial_local, shout`
	s.AddTool(mcp.NewTool("dial_local"), t.dialLocal)
	s.AddTool(mcp.NewTool("dial_field"), t.dialField)
	s.AddTool(mcp.NewTool("broker_ping"), t.brokerPing)
	s.AddTool(mcp.NewTool("shout"), t.shout)
	_ = server.ServeStdio(s)
}

// Command tfe-tools manages HCP Terraform workspaces through go-tfe, whose
// services are interfaces (client.Workspaces) implemented by the client's
// own types: each call is an operation of the platform's API, a read or a
// change by the HTTP method its code fixes. Making the client (it pings the
// API to learn its version) is how the tool connects, not what it does.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/go-tfe"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// newClient makes a client on each call, with the token of the
// environment. Making it reads the API's metadata (a GET of its ping
// endpoint): a read of the platform's for every tool, which the tools that
// read something else show at their own call.
func newClient() (*tfe.Client, error) {
	return tfe.NewClient(&tfe.Config{Token: os.Getenv("TFE_TOKEN")}) // want `delete_workspace: cloud-read \(\*net/http\.Client\)\.Do` `list_workspaces: env os\.Getenv` `whoami: env os\.Getenv`
}

func listWorkspaces(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_workspaces mcp-go constant` `BR305: tool list_workspaces is not logged with its arguments`
	client, err := newClient()
	if err != nil {
		return nil, err
	}
	list, err := client.Workspaces.List(ctx, req.GetString("organization", ""), nil) // want `list_workspaces: cloud-read \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(list.Items))), nil
}

func whoami(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool whoami mcp-go constant` `BR305: tool whoami is not logged with its arguments`
	client, err := newClient()
	if err != nil {
		return nil, err
	}
	user, err := client.Users.ReadCurrent(ctx) // want `whoami: cloud-read \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(user.Username), nil
}

func deleteWorkspace(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_workspace mcp-go constant` `BR304: tool delete_workspace can change cloud resources with no rate limit` `BR305: tool delete_workspace is not logged with its arguments`
	client, err := newClient()
	if err != nil {
		return nil, err
	}
	if err := client.Workspaces.DeleteByID(ctx, req.GetString("workspace_id", "")); err != nil { // want `delete_workspace: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool delete_workspace can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

func main() {
	s := server.NewMCPServer("terraform", "1.0.0") // want `agent terraform server mcp-go: delete_workspace, list_workspaces, whoami`
	s.AddTool(mcp.NewTool("list_workspaces", mcp.WithString("organization", mcp.Required())), listWorkspaces)
	s.AddTool(mcp.NewTool("whoami"), whoami)
	s.AddTool(mcp.NewTool("delete_workspace", mcp.WithString("workspace_id", mcp.Required())), deleteWorkspace)
	_ = server.ServeStdio(s)
}

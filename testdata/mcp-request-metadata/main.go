// Command mcp-request-metadata serves the same kind of tools with both Go
// MCP SDKs, each using what the SDK puts in the request beside the model's
// call: the HTTP headers of the request that carried it (a bearer token the
// server hands on to the cluster) and the session it came on. Neither is
// the model's; the call's arguments are.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// bearer is the token of the Authorization header, or "".
func bearer(auth string) string {
	token, _ := strings.CutPrefix(auth, "Bearer ")
	return token
}

// clusterVersion asks the cluster for its version as the caller: the token
// comes from the MCP client's request, not from the model.
func clusterVersion(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cluster_version mcp-go constant` `BR304: tool cluster_version can run processes with no rate limit` `BR305: tool cluster_version is not logged with its arguments`
	token := bearer(req.Header.Get("Authorization"))
	out, err := exec.CommandContext(ctx, "kubectl", "--token="+token, "version").Output() // want `cluster_version: exec os/exec\.CommandContext` `BR301: tool cluster_version can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// listPods lists the pods of the model's namespace as the caller: the
// subcommand is get, after an option that holds its value (--token=T).
func listPods(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_pods mcp-go constant` `BR304: tool list_pods can run processes with no rate limit` `BR305: tool list_pods is not logged with its arguments`
	token := bearer(req.Header.Get("Authorization"))
	out, err := exec.CommandContext(ctx, "kubectl", "--token="+token, "get", "pods", "-n", req.GetString("namespace", "default")).Output() // want `list_pods: exec os/exec\.CommandContext \(tainted\)` `BR101: tool list_pods: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs kubectl get` `BR301: tool list_pods can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

type noteArgs struct {
	Text string `json:"text"`
}

// saveNote keeps the model's text in the session's own file: the session's
// ID names the file, the model only writes into it.
func saveNote(ctx context.Context, req *sdk.CallToolRequest, in noteArgs) (*sdk.CallToolResult, any, error) { // want `tool save_note mcp-go-sdk constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	path := filepath.Join(os.TempDir(), "notes-"+req.Session.ID())
	if err := os.WriteFile(path, []byte(in.Text), 0o600); err != nil { // want `save_note: fs-write os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
		return nil, nil, err
	}
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "saved"}}}, nil, nil
}

func main() {
	s := server.NewMCPServer("cluster", "1.0.0") // want `agent cluster server mcp-go: cluster_version, list_pods`
	s.AddTool(mcp.NewTool("cluster_version"), clusterVersion)
	s.AddTool(mcp.NewTool("list_pods", mcp.WithString("namespace")), listPods)
	notes := sdk.NewServer(&sdk.Implementation{Name: "notes", Version: "1.0.0"}, nil) // want `agent notes server mcp-go-sdk: save_note`
	sdk.AddTool(notes, &sdk.Tool{Name: "save_note"}, saveNote)
	go func() {
		if err := notes.Run(context.Background(), &sdk.StdioTransport{}); err != nil {
			log.Fatal(err)
		}
	}()
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

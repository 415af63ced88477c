// Command mcp-sdk-redaction is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tools return a command's output. One
// takes the user's environment out of it before the model sees it; one
// puts the user's name into what it returns.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Empty is a tool's input.
type Empty struct{}

// redact takes the values of the user's variables out of text: what it
// returns holds none of them.
func redact(text string) string {
	for _, name := range []string{"HOME", "USER", "LOGNAME"} {
		if v := os.Getenv(name); v != "" { // want `disk_usage: env os\.Getenv`
			text = strings.ReplaceAll(text, v, "[REDACTED]")
		}
	}
	return text
}

// diskUsage runs a fixed command and returns its output, redacted.
func diskUsage(ctx context.Context, req *mcp.CallToolRequest, in Empty) (*mcp.CallToolResult, any, error) { // want `tool disk_usage mcp-go-sdk constant` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "df", "-h").Output() // want `disk_usage: exec os/exec\.CommandContext` `BR301: tool disk_usage can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: redact(string(out))}}}, nil, nil
}

// whoAmI fills the user's name into its answer: the replacement is in the
// result, but $USER, set by the system for every process, is no secret.
func whoAmI(ctx context.Context, req *mcp.CallToolRequest, in Empty) (*mcp.CallToolResult, any, error) { // want `tool who_am_i mcp-go-sdk constant` `BR305: tool who_am_i is not logged with its arguments`
	text := strings.ReplaceAll("running as {user}", "{user}", os.Getenv("USER")) // want `who_am_i: env os\.Getenv`
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: text}}}, nil, nil
}

// showAccount fills the deploy token into its answer: a variable of the
// operator's, a secret.
func showAccount(ctx context.Context, req *mcp.CallToolRequest, in Empty) (*mcp.CallToolResult, any, error) { // want `tool show_account mcp-go-sdk constant` `BR305: tool show_account is not logged with its arguments`
	text := strings.ReplaceAll("deploying with {token}", "{token}", os.Getenv("DEPLOY_TOKEN")) // want `show_account: env os\.Getenv` `BR201: tool show_account returns a secret read by os\.Getenv to the model`
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: text}}}, nil, nil
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "redaction"}, nil) // want `agent redaction server mcp-go-sdk: disk_usage, show_account, who_am_i`
	mcp.AddTool(s, &mcp.Tool{Name: "disk_usage"}, diskUsage)
	mcp.AddTool(s, &mcp.Tool{Name: "who_am_i"}, whoAmI)
	mcp.AddTool(s, &mcp.Tool{Name: "show_account"}, showAccount)
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-sdk-v01 registers its tools the way the go-sdk's first
// releases did: mcp.NewServerTool pairs a name with a typed handler, and
// (*Server).AddTools adds the results.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type runArgs struct {
	Command string `json:"command"`
}

type readArgs struct {
	Path string `json:"path"`
}

// runShell runs the model's command line in a shell.
func runShell(ctx context.Context, ss *mcp.ServerSession, p *mcp.CallToolParamsFor[runArgs]) (*mcp.CallToolResultFor[any], error) { // want `tool run_shell mcp-go-sdk constant` `BR304: tool run_shell can run processes with no rate limit` `BR305: tool run_shell is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "sh", "-c", p.Arguments.Command).CombinedOutput() // want `run_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_shell can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	if err != nil {
		return nil, err
	}
	return &mcp.CallToolResultFor[any]{Content: []mcp.Content{&mcp.TextContent{Text: string(out)}}}, nil
}

func main() {
	s := mcp.NewServer("old-sdk", "v0.0.1", nil)
	s.AddTools(
		mcp.NewServerTool("run_shell", "run a shell command", runShell),
		mcp.NewServerTool("read_file", "read a file", func(ctx context.Context, ss *mcp.ServerSession, p *mcp.CallToolParamsFor[readArgs]) (*mcp.CallToolResultFor[any], error) { // want `tool read_file mcp-go-sdk constant` `BR305: tool read_file is not logged with its arguments`
			b, err := os.ReadFile(p.Arguments.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
			if err != nil {
				return nil, err
			}
			return &mcp.CallToolResultFor[any]{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil
		}),
	)
	if err := s.Run(context.Background(), mcp.NewStdioTransport()); err != nil {
		log.Fatal(err)
	}
}

// Command mcp-sdk-toolsets is an MCP server with its own tool layer
// (internal/tool): toolsets hand out descriptor structs pairing a name with
// a handler, the server converts every descriptor into an mcp.Tool and one
// closure that calls the descriptor's handler, and registers the pairs
// through a generic helper that receives the server's AddTool as a method
// value. Each tool must keep its own name and handler through all of it.
package main

import (
	"context"
	"encoding/json"
	"log"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	_ "example.com/mcp-sdk-toolsets/internal/files"
	_ "example.com/mcp-sdk-toolsets/internal/shell"
	"example.com/mcp-sdk-toolsets/internal/tool"
)

type server struct {
	s        *mcp.Server
	readOnly bool
}

// convert turns a descriptor into an MCP tool and a handler that decodes
// the arguments, logs the call and runs the descriptor's handler: one
// closure for every tool.
func (sv *server) convert(t tool.Tool) (*mcp.Tool, mcp.ToolHandler) {
	mt := &mcp.Tool{Name: t.Def.Name, Description: t.Def.Description, InputSchema: map[string]any{"type": "object"}}
	h := func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var args map[string]any
		if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
			return nil, err
		}
		log.Printf("tool %s called with %v", t.Def.Name, args) // want `list_dir: guard audit-log log\.Printf for fs-read os\.ReadDir` `read_file: guard audit-log log\.Printf for fs-read os\.ReadFile` `run_command: guard audit-log log\.Printf for exec os/exec\.CommandContext` `write_file: guard audit-log log\.Printf for fs-write os\.WriteFile`
		out, err := t.Run(tool.Params{Ctx: ctx, Args: args})
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out}}}, nil
	}
	return mt, h
}

// converted pairs a converted item with its handler.
type converted[M, H any] struct {
	item    M
	handler H
}

func convertAll[T, M, H any](items []T, conv func(T) (M, H)) []converted[M, H] {
	out := make([]converted[M, H], 0, len(items))
	for _, it := range items {
		m, h := conv(it)
		out = append(out, converted[M, H]{item: m, handler: h})
	}
	return out
}

// addAll registers converted items with add, the SDK's registration
// method for their kind.
func addAll[M, H any](items []converted[M, H], add func(M, H)) {
	for _, c := range items {
		add(c.item, c.handler)
	}
}

func (sv *server) apply() {
	var tools []tool.Tool
	for _, set := range tool.Sets() {
		for _, t := range set.Tools() {
			if sv.readOnly && !t.Def.ReadOnly {
				continue
			}
			tools = append(tools, t)
		}
	}
	addAll(convertAll(tools, sv.convert), sv.s.AddTool)
	// Prompts go through the same helpers: they are not tools.
	prompts := []string{"summarize"}
	addAll(convertAll(prompts, sv.prompt), sv.s.AddPrompt)
}

func (sv *server) prompt(name string) (*mcp.Prompt, mcp.PromptHandler) {
	return &mcp.Prompt{Name: name}, func(ctx context.Context, req *mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
		b, err := os.ReadFile("/etc/prompts/" + name)
		return &mcp.GetPromptResult{Messages: []*mcp.PromptMessage{{Role: "user", Content: &mcp.TextContent{Text: string(b)}}}}, err
	}
}

func main() {
	sv := &server{s: mcp.NewServer(&mcp.Implementation{Name: "toolsets"}, nil), readOnly: os.Getenv("READ_ONLY") == "1"} // want `agent toolsets server mcp\-go\-sdk: list_dir, read_file, run_command, write_file` `BR402: agent toolsets: read_file returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\);.*`
	sv.apply()
	if err := sv.s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

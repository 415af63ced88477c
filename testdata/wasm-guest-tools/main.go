// Command wasm-guest-tools is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tools run WebAssembly guests with the
// wazero runtime. A guest's WASI calls reach only what its module
// configuration grants: no file system unless the host mounts one. One
// tool runs a parser with nothing mounted; one mounts the directory the
// model names, read and write, for a plugin.
package main

import (
	"context"
	"log"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// guest is the WebAssembly module the tools run (an empty module here).
var guest = []byte("\x00asm\x01\x00\x00\x00")

var runtime wazero.Runtime

// ParseInput is a statement to parse.
type ParseInput struct {
	SQL string `json:"sql"`
}

// PluginInput names the directory a plugin works in.
type PluginInput struct {
	Dir string `json:"dir"`
}

func text(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}
}

// run instantiates the guest with cfg and calls its entry point.
func run(ctx context.Context, cfg wazero.ModuleConfig, arg uint64) (uint64, error) {
	mod, err := runtime.InstantiateWithConfig(ctx, guest, cfg)
	if err != nil {
		return 0, err
	}
	defer mod.Close(ctx)
	out, err := mod.ExportedFunction("run").Call(ctx, arg)
	if err != nil || len(out) == 0 {
		return 0, err
	}
	return out[0], nil
}

// parseSQL runs the parser guest with nothing mounted: it can touch no file.
func parseSQL(ctx context.Context, req *mcp.CallToolRequest, in ParseInput) (*mcp.CallToolResult, any, error) { // want `tool parse_sql mcp-go-sdk constant`
	n, err := run(ctx, wazero.NewModuleConfig(), uint64(len(in.SQL)))
	if err != nil {
		return nil, nil, err
	}
	return text(string(rune(n))), nil, nil
}

// runPlugin mounts the model's directory for the guest, read and write.
func runPlugin(ctx context.Context, req *mcp.CallToolRequest, in PluginInput) (*mcp.CallToolResult, any, error) { // want `tool run_plugin mcp-go-sdk constant` `BR304: tool run_plugin can write files with no rate limit` `BR305: tool run_plugin is not logged with its arguments`
	fs := wazero.NewFSConfig().WithDirMount(in.Dir, "/work") // want `run_plugin: fs-write \(github\.com/tetratelabs/wazero\.FSConfig\)\.WithDirMount \(tainted\)` `BR104: tool run_plugin: model-controlled input reaches the file path of \(github\.com/tetratelabs/wazero\.FSConfig\)\.WithDirMount` `BR301: tool run_plugin can write files through \(github\.com/tetratelabs/wazero\.FSConfig\)\.WithDirMount with no confirmation before it`
	if _, err := run(ctx, wazero.NewModuleConfig().WithFSConfig(fs), 0); err != nil {
		return nil, nil, err
	}
	return text("done"), nil, nil
}

func main() {
	ctx := context.Background()
	runtime = wazero.NewRuntime(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, runtime)
	s := mcp.NewServer(&mcp.Implementation{Name: "wasm"}, nil) // want `agent wasm server mcp-go-sdk: parse_sql, run_plugin`
	mcp.AddTool(s, &mcp.Tool{Name: "parse_sql"}, parseSQL)
	mcp.AddTool(s, &mcp.Tool{Name: "run_plugin"}, runPlugin)
	if err := s.Run(ctx, &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

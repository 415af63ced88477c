// Command mcp-go-fs-roots touches files through the standard library's
// less common doors: a zip archive opened by name, a file system rooted at
// a directory (os.DirFS, os.OpenRoot), a link read, a file's times set.
// Where the model names the file or the root, the path is its choice.
package main

import (
	"archive/zip"
	"context"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func listZip(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_zip mcp-go constant` `BR305: tool list_zip is not logged with its arguments`
	r, err := zip.OpenReader(req.GetString("archive", "")) // want `list_zip: fs-read archive/zip\.OpenReader \(tainted\)` `BR104: tool list_zip: model-controlled input reaches the file path of archive/zip\.OpenReader` `BR202: tool list_zip returns the contents of a file read by archive/zip\.OpenReader to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer r.Close()
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func browse(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool browse mcp-go constant` `BR305: tool browse is not logged with its arguments`
	entries, err := fs.ReadDir(os.DirFS(req.GetString("dir", "")), ".") // want `browse: fs-read io/fs\.ReadDir \(tainted\)` `BR104: tool browse: model-controlled input reaches the file path of os\.DirFS`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func readInRoot(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_in_root mcp-go constant` `BR305: tool read_in_root is not logged with its arguments`
	root, err := os.OpenRoot(req.GetString("root", "")) // want `BR104: tool read_in_root: model-controlled input reaches the file path of os\.OpenRoot`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer root.Close()
	data, err := root.ReadFile("README.md") // want `read_in_root: fs-read \(\*os\.Root\)\.ReadFile \(tainted\)` `read_in_root: guard sandbox os\.Root for fs-read \(\*os\.Root\)\.ReadFile` `BR202: tool read_in_root returns the contents of a file read by \(\*os\.Root\)\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

func linkTarget(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool link_target mcp-go constant` `BR305: tool link_target is not logged with its arguments`
	target, err := os.Readlink(req.GetString("link", "")) // want `link_target: fs-read os\.Readlink \(tainted\)` `BR104: tool link_target: model-controlled input reaches the file path of os\.Readlink`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(target), nil
}

func touch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool touch mcp-go constant` `BR304: tool touch can write files with no rate limit` `BR305: tool touch is not logged with its arguments`
	now := time.Now()
	if err := os.Chtimes(req.GetString("path", ""), now, now); err != nil { // want `touch: fs-write os\.Chtimes \(tainted\)` `BR104: tool touch: model-controlled input reaches the file path of os\.Chtimes` `BR301: tool touch can write files through os\.Chtimes with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("touched"), nil
}

// readBundled reads the server's own documentation, under a fixed root.
func readBundled(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_bundled mcp-go constant` `BR305: tool read_bundled is not logged with its arguments`
	data, err := fs.ReadFile(os.DirFS("/usr/share/doc/app"), "index.txt") // want `read_bundled: fs-read io/fs\.ReadFile` `BR202: tool read_bundled returns the contents of a file read by io/fs\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

func main() {
	s := server.NewMCPServer("fs-roots", "1.0.0") // want `agent fs-roots server mcp-go: browse, link_target, list_zip, read_bundled, read_in_root, touch`
	s.AddTool(mcp.NewTool("list_zip"), listZip)
	s.AddTool(mcp.NewTool("browse"), browse)
	s.AddTool(mcp.NewTool("read_in_root"), readInRoot)
	s.AddTool(mcp.NewTool("link_target"), linkTarget)
	s.AddTool(mcp.NewTool("touch"), touch)
	s.AddTool(mcp.NewTool("read_bundled"), readBundled)
	_ = server.ServeStdio(s)
}

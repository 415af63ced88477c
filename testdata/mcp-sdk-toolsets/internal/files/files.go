// Package files is a toolset of file tools, built as descriptor literals
// in two groups and concatenated.
package files

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"example.com/mcp-sdk-toolsets/internal/tool"
)

// dir is where the file tools work.
const dir = "/srv/data"

type set struct{}

func init() { tool.Register(set{}) }

func (set) Name() string { return "files" }

func (set) Tools() []tool.Tool {
	return slices.Concat(readTools(), writeTools())
}

func readTools() []tool.Tool {
	return []tool.Tool{
		{Def: tool.Def{Name: "read_file", Description: "Read a file", ReadOnly: true}, Run: readFile},
		{Def: tool.Def{Name: "list_dir", Description: "List a directory", ReadOnly: true}, Run: listDir},
	}
}

func writeTools() []tool.Tool {
	var ret []tool.Tool
	ret = append(ret, tool.Tool{
		Def: tool.Def{Name: "write_file", Description: "Write a file"},
		Run: writeFile,
	})
	return ret
}

func readFile(p tool.Params) (string, error) { // want `tool read_file mcp-go-sdk constant`
	b, err := os.ReadFile(filepath.Join(dir, filepath.Base(p.String("path")))) // want `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model` `read_file: fs-read os\.ReadFile`
	return string(b), err
}

func listDir(p tool.Params) (string, error) { // want `tool list_dir mcp-go-sdk constant`
	entries, err := os.ReadDir(dir) // want `list_dir: fs-read os\.ReadDir`
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, "\n"), err
}

func writeFile(p tool.Params) (string, error) { // want `BR304: tool write_file can write files with no rate limit` `tool write_file mcp-go-sdk constant`
	return "ok", os.WriteFile(filepath.Join(dir, filepath.Base(p.String("path"))), []byte(p.String("text")), 0o600) // want `BR301: tool write_file can write files through os\.WriteFile with no confirmation before it` `write_file: fs-write os\.WriteFile`
}

// purge is built like the others but never handed to the server: it is
// not a tool, and its os.RemoveAll is nobody's capability.
var purge = tool.Tool{Def: tool.Def{Name: "purge"}, Run: func(p tool.Params) (string, error) {
	return "", os.RemoveAll(dir)
}}

// Draft returns the tool that is not registered, for tests.
func Draft() tool.Def { return purge.Def }

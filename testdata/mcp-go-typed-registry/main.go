// Command mcp-go-typed-registry registers its tools by name from a factory
// of tool types: each type embeds a base that holds its name, set by its
// constructor, and the factory keys the types by GetName(). A helper looks
// each name of a list up in the factory, has the type build its tool
// under that name, and registers it, with a closure that runs the type's
// handler, through the server's own wrapper of AddTool. The names and the
// handlers meet only at the helper's call, once per name: each name is the
// tool of the type that says it, not of every type the factory holds, and a
// type whose name is none of them is no tool.
package main

import (
	"context"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const store = "/srv/notes"

// toolType is a kind of tool the factory can build.
type toolType interface {
	GetName() string
	CreateTool(name string) interface{}
	HandleRequest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error)
}

// baseType holds what every tool type has.
type baseType struct {
	name        string
	description string
}

func (b *baseType) GetName() string { return b.name }

// readType reads the notes.
type readType struct{ baseType }

func newReadType() *readType {
	return &readType{baseType{name: "read", description: "Read the notes"}}
}

func (t *readType) CreateTool(name string) interface{} {
	return mcp.NewTool(name, mcp.WithDescription(t.description))
}

func (t *readType) HandleRequest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read mcp-go constant` `BR305: tool read is not logged with its arguments`
	b, err := os.ReadFile(store + "/" + req.GetString("note", "index")) // want `read: fs-read os\.ReadFile \(tainted\)` `BR104: tool read: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// purgeType deletes the notes.
type purgeType struct{ baseType }

func newPurgeType() *purgeType {
	return &purgeType{baseType{name: "purge", description: "Delete every note"}}
}

func (t *purgeType) CreateTool(name string) interface{} {
	return mcp.NewTool(name, mcp.WithDescription(t.description))
}

func (t *purgeType) HandleRequest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge mcp-go constant` `BR304: tool purge can write files with no rate limit` `BR305: tool purge is not logged with its arguments`
	return mcp.NewToolResultText("purged"), os.RemoveAll(store) // want `purge: fs-write os\.RemoveAll` `BR301: tool purge can write files through os\.RemoveAll with no confirmation before it`
}

// archiveType copies the notes away. The factory holds it, but no name the
// server registers is its: it is no tool.
type archiveType struct{ baseType }

func newArchiveType() *archiveType {
	return &archiveType{baseType{name: "archive", description: "Archive the notes"}}
}

func (t *archiveType) CreateTool(name string) interface{} {
	return mcp.NewTool(name, mcp.WithDescription(t.description))
}

func (t *archiveType) HandleRequest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return mcp.NewToolResultText("archived"), os.Rename(store, store+".old")
}

// factory keeps the tool types by name.
type factory struct{ types map[string]toolType }

func newFactory() *factory {
	f := &factory{types: map[string]toolType{}}
	f.register(newReadType())
	f.register(newPurgeType())
	f.register(newArchiveType())
	return f
}

func (f *factory) register(t toolType) { f.types[t.GetName()] = t }

// lookup finds a type by a tool's name: "read" or "read_<database>".
func (f *factory) lookup(name string) (toolType, bool) {
	t, ok := f.types[strings.Split(name, "_")[0]]
	return t, ok
}

// serverWrapper checks what it is handed before the SDK sees it.
type serverWrapper struct{ s *server.MCPServer }

func (w *serverWrapper) AddTool(tool interface{}, handler server.ToolHandlerFunc) {
	t, ok := tool.(mcp.Tool)
	if !ok {
		return
	}
	w.s.AddTool(t, handler)
}

// registerTool registers the tool of one type under a name.
func registerTool(w *serverWrapper, f *factory, typeName, name string) {
	t, ok := f.lookup(typeName)
	if !ok {
		return
	}
	w.AddTool(t.CreateTool(name), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return t.HandleRequest(ctx, req)
	})
}

func main() {
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp-go: purge, read`
	w := &serverWrapper{s: s}
	f := newFactory()
	for _, name := range []string{"read", "purge"} {
		registerTool(w, f, name, name)
	}
	_ = server.ServeStdio(s)
}

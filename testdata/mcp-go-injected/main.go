// Command mcp-go-injected builds its services the way a dependency-injection
// container does: constructors are registered, and a container calls them
// through reflection. No value the call graph can see flows into the
// handlers' service fields, so their interface calls reach the
// application's own implementations of the interface.
package main

import (
	"context"
	"log"
	"os"
	"reflect"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Notes is the service the tools use.
type Notes interface {
	Read(name string) (string, error)
	Delete(name string) error
}

type fileNotes struct{ dir string }

// NewFileNotes is the constructor the container calls.
func NewFileNotes() *fileNotes { return &fileNotes{dir: "/srv/notes"} }

func (n *fileNotes) Read(name string) (string, error) {
	b, err := os.ReadFile(n.dir + "/note.txt") // want `read_note: fs-read os\.ReadFile`
	return string(b), err
}

func (n *fileNotes) Delete(name string) error { return os.Remove(n.dir + "/note.txt") } // want `BR301: tool delete_note can write files through os\.Remove with no confirmation before it` `delete_note: fs-write os\.Remove`

// container calls registered constructors by reflection.
type container struct{ ctors []any }

func (c *container) provide(ctor any) { c.ctors = append(c.ctors, ctor) }

func (c *container) resolve(want reflect.Type) any {
	for _, ctor := range c.ctors {
		out := reflect.ValueOf(ctor).Call(nil)[0]
		if out.Type().Implements(want) {
			return out.Interface()
		}
	}
	return nil
}

type tools struct{ notes Notes }

func (t *tools) read(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR305: tool read_note is not logged with its arguments` `tool read_note mcp-go constant`
	s, err := t.notes.Read(req.GetString("name", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(s), nil
}

func (t *tools) remove(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool delete_note can write files with no rate limit` `BR305: tool delete_note is not logged with its arguments` `tool delete_note mcp-go constant`
	if err := t.notes.Delete(req.GetString("name", "")); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

func main() {
	c := &container{}
	c.provide(NewFileNotes)
	t := &tools{notes: c.resolve(reflect.TypeOf((*Notes)(nil)).Elem()).(Notes)}
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp\-go: delete_note, read_note`
	s.AddTool(mcp.NewTool("read_note"), t.read)
	s.AddTool(mcp.NewTool("delete_note"), t.remove)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

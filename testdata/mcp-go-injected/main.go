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
	"os/exec"
	"reflect"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Notes is the service the tools use.
type Notes interface {
	Read(name string) (string, error)
	Delete(name string) error
	Archive(name string) error
}

// Archiver packs a note away.
type Archiver interface {
	Archive(path string) error
}

// tarArchiver packs with the tar program.
type tarArchiver struct{}

func (tarArchiver) Archive(path string) error {
	return exec.Command("tar", "-czf", path+".tgz", path).Run() // want `archive_note: exec os/exec\.Command` `BR301: tool archive_note can run processes through os/exec\.Command with no confirmation before it`
}

// keepArchiver keeps notes where they are: what a test build uses.
type keepArchiver struct{}

func (keepArchiver) Archive(string) error { return nil }

type fileNotes struct {
	dir      string
	archiver Archiver
}

// NewFileNotes is the constructor the container calls.
func NewFileNotes() *fileNotes { return &fileNotes{dir: "/srv/notes"} }

// Shelves makes the notes service of one shelf.
type Shelves interface {
	Shelf(name string) Notes
}

// archivedShelves is the Shelves the container builds: the call graph
// sees no value of it flow anywhere, so the archiver its shelves hold is
// stored only in code that reflection reaches.
type archivedShelves struct{ root string }

// NewShelves is the constructor the container calls.
func NewShelves() *archivedShelves { return &archivedShelves{root: "/srv/shelves"} }

func (s *archivedShelves) Shelf(name string) Notes {
	return &fileNotes{dir: s.root + "/" + name, archiver: tarArchiver{}}
}

// newTestNotes is what a test would build, in plain sight.
func newTestNotes() *fileNotes { return &fileNotes{dir: os.TempDir(), archiver: keepArchiver{}} }

func (n *fileNotes) Archive(name string) error { return n.archiver.Archive(n.dir + "/note.txt") }

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

type tools struct {
	notes   Notes
	shelves Shelves
}

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

func (t *tools) archive(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool archive_note can run processes with no rate limit` `BR305: tool archive_note is not logged with its arguments` `tool archive_note mcp-go constant`
	if err := t.shelves.Shelf("current").Archive(req.GetString("name", "")); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("archived"), nil
}

func main() {
	c := &container{}
	c.provide(NewFileNotes)
	c.provide(NewShelves)
	if os.Getenv("NOTES_TEST") != "" {
		// The call graph sees this archiver flow into the field, and
		// this call reach Archive: what only the container builds must
		// not be lost beside it.
		_ = newTestNotes().Archive("check")
	}
	t := &tools{
		notes:   c.resolve(reflect.TypeOf((*Notes)(nil)).Elem()).(Notes),
		shelves: c.resolve(reflect.TypeOf((*Shelves)(nil)).Elem()).(Shelves),
	}
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp\-go: archive_note, delete_note, read_note`
	s.AddTool(mcp.NewTool("read_note"), t.read)
	s.AddTool(mcp.NewTool("delete_note"), t.remove)
	s.AddTool(mcp.NewTool("archive_note"), t.archive)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

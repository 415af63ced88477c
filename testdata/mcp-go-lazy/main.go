// Command mcp-go-lazy keeps its notes in four backends, each built lazily,
// the first time a tool needs it, through one of the standard library's
// once helpers: sync.OnceValue, sync.OnceValues, sync.OnceFunc and
// (*sync.Once).Do. The tools call the backend through an interface, so
// what a tool does depends on which backend its helper builds: the code
// that builds it runs inside the standard library's helpers, yet each tool
// reaches the one backend its helper builds, and no other.
package main

import (
	"context"
	"log"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// backend stores a note somewhere.
type backend interface {
	Put(ctx context.Context, name, text string) error
}

// local is built by sync.OnceValue: a call of what it returns runs the
// constructor, whose result is the backend.
var local = sync.OnceValue(func() backend {
	return newDisk("/var/lib/notes")
})

// remote is built by sync.OnceValues, with an error.
var remote = sync.OnceValues(func() (backend, error) {
	return newWeb("https://notes.example.com")
})

// archive is set by a function that sync.OnceFunc runs once.
var archive backend

var openArchive = sync.OnceFunc(func() {
	archive = &gitArchive{dir: "/srv/archive"}
})

// mailer builds its backend in (*sync.Once).Do, into a field.
type mailer struct {
	once sync.Once
	b    backend
}

func (m *mailer) backend() backend {
	m.once.Do(func() {
		m.b = &mailBox{relay: "localhost:25", to: "notes@example.com"}
	})
	return m.b
}

func saveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note mcp-go constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	if err := local().Put(ctx, req.GetString("name", ""), req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

func publishNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool publish_note mcp-go constant` `BR305: tool publish_note is not logged with its arguments` `BR304: tool publish_note can change cloud resources with no rate limit`
	b, err := remote()
	if err != nil {
		return nil, err
	}
	if err := b.Put(ctx, req.GetString("name", ""), req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("published"), nil
}

func archiveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool archive_note mcp-go constant` `BR304: tool archive_note can run processes with no rate limit` `BR305: tool archive_note is not logged with its arguments`
	openArchive()
	if err := archive.Put(ctx, req.GetString("name", ""), req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("archived"), nil
}

func (m *mailer) mailNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool mail_note mcp-go constant` `BR304: tool mail_note can send e-mail with no rate limit` `BR305: tool mail_note is not logged with its arguments`
	if err := m.backend().Put(ctx, req.GetString("name", ""), req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("mailed"), nil
}

func main() {
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp-go: archive_note, mail_note, publish_note, save_note`
	s.AddTool(mcp.NewTool("save_note", mcp.WithString("name", mcp.Required()), mcp.WithString("text")), saveNote)
	s.AddTool(mcp.NewTool("publish_note", mcp.WithString("name", mcp.Required()), mcp.WithString("text")), publishNote)
	s.AddTool(mcp.NewTool("archive_note", mcp.WithString("name", mcp.Required()), mcp.WithString("text")), archiveNote)
	m := &mailer{}
	s.AddTool(mcp.NewTool("mail_note", mcp.WithString("name", mcp.Required()), mcp.WithString("text")), m.mailNote)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

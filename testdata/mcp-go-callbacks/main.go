// Command mcp-go-callbacks runs its tools' work through helpers that take a
// callback: one runs it for every shelf in a goroutine, one hands it on to
// the first. The call graph merges what every caller passes to a helper;
// each tool calls only the callbacks it passes itself.
package main

import (
	"context"
	"log"
	"os"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type shelves struct{ dirs []string }

// each runs fn on every shelf at once and returns the first error.
func (s *shelves) each(ctx context.Context, fn func(ctx context.Context, dir string) error) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(s.dirs))
	for _, dir := range s.dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(ctx, dir); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// eachLogged hands its callback on to each, through a parameter of its own.
func (s *shelves) eachLogged(ctx context.Context, what string, fn func(ctx context.Context, dir string) error) error {
	log.Printf("%s on %d shelves", what, len(s.dirs))
	return s.each(ctx, fn)
}

// countNotes is a named function handed over as a value.
func countNotes(_ context.Context, dir string) error {
	entries, err := os.ReadDir(dir) // want `count_notes: fs-read os\.ReadDir`
	if err != nil {
		return err
	}
	log.Printf("%s: %d notes", dir, len(entries))
	return nil
}

// hooks holds a callback in a field: which one the field holds is not
// evident at the call, so the call graph answers for it.
type hooks struct{ onPurge func(dir string) error }

func (h *hooks) fire(dir string) error { return h.onPurge(dir) }

type tools struct {
	shelves *shelves
	hooks   *hooks
}

func (t *tools) search(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR305: tool search_notes is not logged with its arguments` `tool search_notes mcp-go constant`
	var mu sync.Mutex
	var found []string
	err := t.shelves.each(ctx, func(_ context.Context, dir string) error {
		b, err := os.ReadFile(dir + "/index.txt") // want `search_notes: fs-read os\.ReadFile` `BR202: tool search_notes returns the contents of a file read by os\.ReadFile to the model`
		if err != nil {
			return err
		}
		mu.Lock()
		found = append(found, string(b))
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(found[0]), nil
}

func (t *tools) count(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR305: tool count_notes is not logged with its arguments` `tool count_notes mcp-go constant`
	if err := t.shelves.eachLogged(ctx, "count", countNotes); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("counted"), nil
}

func (t *tools) purge(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool purge_notes can write files with no rate limit` `BR305: tool purge_notes is not logged with its arguments` `tool purge_notes mcp-go constant`
	err := t.shelves.eachLogged(ctx, "purge", func(_ context.Context, dir string) error {
		return os.RemoveAll(dir + "/trash") // want `BR301: tool purge_notes can write files through os\.RemoveAll with no confirmation before it` `purge_notes: fs-write os\.RemoveAll`
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("purged"), nil
}

func (t *tools) empty(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `BR304: tool empty_trash can write files with no rate limit` `BR305: tool empty_trash is not logged with its arguments` `tool empty_trash mcp-go constant`
	if err := t.hooks.fire("/srv/notes/trash"); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("emptied"), nil
}

func main() {
	t := &tools{
		shelves: &shelves{dirs: []string{"/srv/notes/a", "/srv/notes/b"}},
		hooks: &hooks{onPurge: func(dir string) error {
			return os.RemoveAll(dir) // want `BR301: tool empty_trash can write files through os\.RemoveAll with no confirmation before it` `empty_trash: fs-write os\.RemoveAll`
		}},
	}
	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp\-go: count_notes, empty_trash, purge_notes, search_notes`
	s.AddTool(mcp.NewTool("search_notes"), t.search)
	s.AddTool(mcp.NewTool("count_notes"), t.count)
	s.AddTool(mcp.NewTool("purge_notes"), t.purge)
	s.AddTool(mcp.NewTool("empty_trash"), t.empty)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

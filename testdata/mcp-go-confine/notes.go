package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
)

// saveNote keeps the model's text in the workspace's notes file, written
// atomically: to a temporary file next to it, renamed over it. The model
// writes what the file holds, not where it is: writing its text through
// the temporary file's handle leaves the handle's name the program's.
func (w *workspace) saveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note mcp-go constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	if err := atomicSave(filepath.Join(w.root, "NOTES.md"), []byte(req.GetString("text", ""))); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

func atomicSave(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp") // want `save_note: fs-write os\.CreateTemp` `BR301: tool save_note can write files through os\.CreateTemp with no confirmation before it`
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp) // want `save_note: fs-write os\.Remove`
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path) // want `save_note: fs-write os\.Rename`
}

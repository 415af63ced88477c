// Command mcp-go-arguments is a notes service whose tools pass the model's
// input to network, file and database calls, some in the argument that
// decides what the call does (where a request goes, which file is written,
// the text of the SQL) and some only as data (a request's body, a file's
// content, a bind parameter). Only the first kind makes the call the
// model's (tainted).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"gorm.io/gorm"
)

// hookURL is the team chat's incoming webhook.
const hookURL = "https://chat.example.com/hooks/notes"

// notesDir holds the saved notes.
const notesDir = "/var/lib/notes"

// Note is a saved note.
type Note struct {
	ID   uint
	Key  string
	Text string
}

type service struct {
	client *http.Client
	db     *gorm.DB
}

func main() {
	// A real program passes a dialector such as gorm.io/driver/postgres.
	db, err := gorm.Open(nil, &gorm.Config{})
	if err != nil {
		log.Fatal(err)
	}
	s := &service{client: &http.Client{}, db: db}
	srv := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp-go: draft_note, draft_note_in, fetch_page, find_notes, forget_note, pop_note, purge_notes, save_draft, save_note, save_note_as, search_notes, share_note, trace_note` `BR402: agent notes: find_notes returns private data .*fetch_page sends data where the model says .*`
	srv.AddTool(mcp.NewTool("share_note", mcp.WithString("text", mcp.Required())), s.shareNote)
	srv.AddTool(mcp.NewTool("fetch_page", mcp.WithString("url", mcp.Required())), s.fetchPage)
	srv.AddTool(mcp.NewTool("save_note", mcp.WithString("text", mcp.Required())), s.saveNote)
	srv.AddTool(mcp.NewTool("save_note_as", mcp.WithString("name", mcp.Required()), mcp.WithString("text", mcp.Required())), s.saveNoteAs)
	srv.AddTool(mcp.NewTool("draft_note", mcp.WithString("title", mcp.Required())), s.draftNote)
	srv.AddTool(mcp.NewTool("draft_note_in", mcp.WithString("dir", mcp.Required())), s.draftNoteIn)
	srv.AddTool(mcp.NewTool("find_notes", mcp.WithString("key", mcp.Required())), s.findNotes)
	srv.AddTool(mcp.NewTool("search_notes", mcp.WithString("filter", mcp.Required())), s.searchNotes)
	srv.AddTool(mcp.NewTool("forget_note", mcp.WithString("key", mcp.Required())), s.forgetNote)
	srv.AddTool(mcp.NewTool("purge_notes", mcp.WithString("key", mcp.Required())), s.purgeNotes)
	srv.AddTool(mcp.NewTool("trace_note", mcp.WithString("text", mcp.Required())), s.traceNote)
	srv.AddTool(mcp.NewTool("save_draft", mcp.WithString("text", mcp.Required())), s.saveDraft)
	srv.AddTool(mcp.NewTool("pop_note", mcp.WithString("key", mcp.Required())), s.popNote)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

// shareNote posts the model's text to a fixed webhook: the model writes the
// body, not where it goes.
func (s *service) shareNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool share_note mcp-go constant` `BR305: tool share_note is not logged with its arguments`
	body, err := json.Marshal(map[string]string{"text": req.GetString("text", "")})
	if err != nil {
		return nil, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, hookURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(hreq) // want `share_note: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return mcp.NewToolResultText("shared"), nil
}

// fetchPage sends a request to the model's URL: the model chooses where it
// goes, which is reported where the URL goes in.
func (s *service) fetchPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_page mcp-go constant` `BR305: tool fetch_page is not logged with its arguments`
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.GetString("url", ""), nil) // want `BR103: tool fetch_page: model-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(hreq) // want `fetch_page: network \(\*net/http\.Client\)\.Do \(tainted\)`
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return mcp.NewToolResultText("fetched"), nil
}

// saveNote writes the model's text to a fixed file.
func (s *service) saveNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note mcp-go constant` `BR304: tool save_note can write files with no rate limit` `BR305: tool save_note is not logged with its arguments`
	f, err := os.Create(filepath.Join(notesDir, "inbox.txt")) // want `save_note: fs-write os\.Create` `BR301: tool save_note can write files through os\.Create with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.WriteString(req.GetString("text", "")); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

// draftNote opens a scratch file named after the model's title and removes
// it when done. A temporary file's pattern cannot hold a path separator
// (os.CreateTemp refuses one), so the title only names a file in the
// temporary directory: the directory decides where it goes, and the name
// that comes back is no more the model's.
func (s *service) draftNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool draft_note mcp-go constant` `BR304: tool draft_note can write files with no rate limit` `BR305: tool draft_note is not logged with its arguments`
	f, err := os.CreateTemp("", "draft-*-"+req.GetString("title", "")) // want `draft_note: fs-write os\.CreateTemp` `BR301: tool draft_note can write files through os\.CreateTemp with no confirmation before it`
	if err != nil {
		return nil, err
	}
	f.Close()
	os.Remove(f.Name()) // want `draft_note: fs-write os\.Remove`
	return mcp.NewToolResultText("drafted"), nil
}

// draftNoteIn opens its scratch file in the directory the model names.
func (s *service) draftNoteIn(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool draft_note_in mcp-go constant` `BR304: tool draft_note_in can write files with no rate limit` `BR305: tool draft_note_in is not logged with its arguments`
	f, err := os.CreateTemp(req.GetString("dir", ""), "draft-*") // want `draft_note_in: fs-write os\.CreateTemp \(tainted\)` `BR104: tool draft_note_in: model-controlled input reaches the file path of os\.CreateTemp` `BR301: tool draft_note_in can write files through os\.CreateTemp with no confirmation before it`
	if err != nil {
		return nil, err
	}
	f.Close()
	// The name came back from os.CreateTemp, where the injection is
	// reported; removing it is still the model's choice.
	os.Remove(f.Name()) // want `draft_note_in: fs-write os\.Remove \(tainted\)`
	return mcp.NewToolResultText("drafted"), nil
}

// saveNoteAs writes the model's text to a file the model names.
func (s *service) saveNoteAs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_note_as mcp-go constant` `BR304: tool save_note_as can write files with no rate limit` `BR305: tool save_note_as is not logged with its arguments`
	name := filepath.Join(notesDir, req.GetString("name", ""))
	if err := os.WriteFile(name, []byte(req.GetString("text", "")), 0o600); err != nil { // want `save_note_as: fs-write os\.WriteFile \(tainted\)` `BR104: tool save_note_as: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool save_note_as can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

// findNotes looks notes up by the model's key, a bind parameter.
func (s *service) findNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool find_notes mcp-go constant` `BR305: tool find_notes is not logged with its arguments`
	var notes []Note
	if err := s.db.WithContext(ctx).Where("key = ?", req.GetString("key", "")).Find(&notes).Error; err != nil { // want `find_notes: db-read \(\*gorm\.io/gorm\.DB\)\.Find` `BR202: tool find_notes returns whole database rows read by \(\*gorm\.io/gorm\.DB\)\.Find to the model`
		return nil, err
	}
	return mcp.NewToolResultText(notes[0].Text), nil
}

// searchNotes builds the condition from the model's text: the model writes
// SQL, reported at Where, and Find runs it.
func (s *service) searchNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_notes mcp-go constant` `BR305: tool search_notes is not logged with its arguments`
	var notes []Note
	q := s.db.Where("text LIKE '%" + req.GetString("filter", "") + "%'") // want `BR102: tool search_notes: model-controlled input reaches the query text of \(\*gorm\.io/gorm\.DB\)\.Where`
	if err := q.Find(&notes).Error; err != nil {                         // want `search_notes: db-read \(\*gorm\.io/gorm\.DB\)\.Find \(tainted\)` `BR202: tool search_notes returns whole database rows read by \(\*gorm\.io/gorm\.DB\)\.Find to the model`
		return nil, err
	}
	return mcp.NewToolResultText(notes[0].Text), nil
}

// forgetNote loads the note by the model's key (an inline condition's
// bind parameter) and deletes that row. Nothing of what it loaded comes
// back: the read is a step of the delete, and the tool has db-write only.
func (s *service) forgetNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool forget_note mcp-go constant` `BR304: tool forget_note can change the database with no rate limit` `BR305: tool forget_note is not logged with its arguments`
	var n Note
	if err := s.db.First(&n, "key = ?", req.GetString("key", "")).Error; err != nil {
		return nil, err
	}
	if err := s.db.Model(&n).Delete(&n).Error; err != nil { // want `forget_note: db-write \(\*gorm\.io/gorm\.DB\)\.Delete` `BR301: tool forget_note can change the database through \(\*gorm\.io/gorm\.DB\)\.Delete with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("forgotten"), nil
}

// popNote deletes a note and returns its text: what it read reaches the
// model, so the read stays next to the write.
func (s *service) popNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pop_note mcp-go constant` `BR304: tool pop_note can change the database with no rate limit` `BR305: tool pop_note is not logged with its arguments`
	var n Note
	if err := s.db.First(&n, "key = ?", req.GetString("key", "")).Error; err != nil { // want `pop_note: db-read \(\*gorm\.io/gorm\.DB\)\.First` `BR202: tool pop_note returns whole database rows read by \(\*gorm\.io/gorm\.DB\)\.First to the model`
		return nil, err
	}
	if err := s.db.Delete(&n).Error; err != nil { // want `pop_note: db-write \(\*gorm\.io/gorm\.DB\)\.Delete` `BR301: tool pop_note can change the database through \(\*gorm\.io/gorm\.DB\)\.Delete with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText(n.Text), nil
}

// purgeNotes loads the notes under the model's key, deletes them and says
// how many there were: a count of what it read reaches the model, so the
// read stays next to the write.
func (s *service) purgeNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool purge_notes mcp-go constant` `BR304: tool purge_notes can change the database with no rate limit` `BR305: tool purge_notes is not logged with its arguments`
	var notes []Note
	if err := s.db.Find(&notes, "key = ?", req.GetString("key", "")).Error; err != nil { // want `purge_notes: db-read \(\*gorm\.io/gorm\.DB\)\.Find`
		return nil, err
	}
	if err := s.db.Delete(&notes).Error; err != nil { // want `purge_notes: db-write \(\*gorm\.io/gorm\.DB\)\.Delete` `BR301: tool purge_notes can change the database through \(\*gorm\.io/gorm\.DB\)\.Delete with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprintf("purged %d notes", len(notes))), nil
}

// Keys of the values a request's context carries.
type (
	requestIDKey struct{}
	draftKey     struct{}
)

// requestID is the ID that the transport's middleware put in the context.
func requestID(ctx context.Context) string {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		return id
	}
	return "none"
}

// traceNote files the model's text under the model's own key of the
// context, then writes a trace named after the request's ID, which the
// model's text is not: the context carries both, under their keys.
func (s *service) traceNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool trace_note mcp-go constant` `BR304: tool trace_note can write files with no rate limit` `BR305: tool trace_note is not logged with its arguments`
	ctx = context.WithValue(ctx, draftKey{}, req.GetString("text", ""))
	name := filepath.Join(notesDir, "traces", requestID(ctx)+".log")
	if err := os.WriteFile(name, []byte("traced"), 0o600); err != nil { // want `trace_note: fs-write os\.WriteFile` `BR301: tool trace_note can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("traced"), nil
}

// saveDraft names its file after the value under the model's key: the
// model's text.
func (s *service) saveDraft(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_draft mcp-go constant` `BR304: tool save_draft can write files with no rate limit` `BR305: tool save_draft is not logged with its arguments`
	ctx = context.WithValue(ctx, draftKey{}, req.GetString("text", ""))
	title, _ := ctx.Value(draftKey{}).(string)
	if err := os.WriteFile(filepath.Join(notesDir, title), []byte("draft"), 0o600); err != nil { // want `save_draft: fs-write os\.WriteFile \(tainted\)` `BR104: tool save_draft: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool save_draft can write files through os\.WriteFile with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

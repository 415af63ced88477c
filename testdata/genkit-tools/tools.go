package main

import (
	"database/sql"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/firebase/genkit/go/ai"
)

// PathInput is the input of read_file.
type PathInput struct {
	Path string `json:"path"`
}

// readFile is the read_file handler, a top-level function.
func readFile(ctx *ai.ToolContext, in PathInput) (string, error) { // want `tool read_file genkit constant` `BR305: tool read_file\b.*`
	data, err := os.ReadFile(in.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	return string(data), err
}

// userStore looks users up; its lookup method is registered as a method
// value.
type userStore struct {
	db *sql.DB
}

// EmailInput is the input of lookup_user.
type EmailInput struct {
	Email string `json:"email"`
}

// User is the output of lookup_user.
type User struct {
	Name string `json:"name"`
	Team string `json:"team"`
}

func (s *userStore) lookup(ctx *ai.ToolContext, in EmailInput) (User, error) { // want `tool lookup_user genkit constant` `BR305: tool lookup_user\b.*`
	var u User
	err := s.db.QueryRowContext(ctx, "SELECT name, team FROM users WHERE email = $1", in.Email).Scan(&u.Name, &u.Team) // want `lookup_user: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return u, err
}

// currentTime reaches no sink.
func currentTime(ctx *ai.ToolContext, _ struct{}) (string, error) { // want `tool current_time genkit constant`
	return time.Now().Format(time.RFC3339), nil
}

// URLInput is the input of fetch_url.
type URLInput struct {
	URL string `json:"url"`
}

// fetchURL is the fetch_url handler, built with ai.NewTool.
func fetchURL(ctx *ai.ToolContext, in URLInput) (string, error) { // want `tool fetch_url genkit constant` `BR305: tool fetch_url\b.*`
	resp, err := http.Get(in.URL) // want `fetch_url: network net/http\.Get \(tainted\)` `BR103: tool fetch_url\b.*net/http\.Get` `BR203: tool fetch_url\b.*net/http\.Get.*`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// deleteFile has the shape of a tool function but is never passed to
// DefineTool or NewTool: it is NOT a tool, and its os.Remove must NOT be
// reported.
func deleteFile(ctx *ai.ToolContext, in PathInput) (string, error) {
	return "deleted", os.Remove(in.Path)
}

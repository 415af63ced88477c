package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"

	"google.golang.org/genai"
)

// assistant holds what the functions need.
type assistant struct {
	db      *sql.DB
	dataDir string
}

// call runs one function call and returns the response the model reads.
// Each case of the switch on the call's name is the tool of that name: only
// the case body, and what it calls, belongs to the tool.
func (a *assistant) call(ctx context.Context, fc *genai.FunctionCall) map[string]any { // want `agent \(\*main\.assistant\)\.call dispatcher genai: convert_units, list_files, read_file, run_query, update_record`
	path, _ := fc.Args["path"].(string)
	query, _ := fc.Args["sql"].(string)
	var out any
	var err error
	switch fc.Name {
	case "list_files": // want `tool list_files genai constant` `BR305: tool list_files\b.*`
		var entries []os.DirEntry
		entries, err = os.ReadDir(filepath.Join(a.dataDir, path)) // want `list_files: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_files\b.*os\.ReadDir`
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		out = names
	case "read_file": // want `tool read_file genai constant` `BR305: tool read_file\b.*`
		out, err = a.readFile(path)
	case "run_query": // want `tool run_query genai constant` `BR305: tool run_query\b.*` `BR304: tool run_query can change the database with no rate limit`
		out, err = a.query(ctx, query)
	case "update_record": // want `tool update_record genai constant` `BR304: tool update_record\b.*` `BR305: tool update_record\b.*`
		var res sql.Result
		res, err = a.db.ExecContext(ctx, query) // want `update_record: db-write \(\*database/sql\.DB\)\.ExecContext \(tainted\)` `BR102: tool update_record\b.*\(\*database/sql\.DB\)\.ExecContext` `BR301: tool update_record\b.*\(\*database/sql\.DB\)\.ExecContext.*`
		if err == nil {
			out, err = res.RowsAffected()
		}
	case "convert_units": // want `tool convert_units genai constant`
		// The harmless tool: it reaches no sink.
		feet, _ := fc.Args["feet"].(float64)
		out = feet * 0.3048
	default:
		out = "unknown function " + fc.Name
	}
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"output": out}
}

func (a *assistant) readFile(path string) (string, error) {
	b, err := os.ReadFile(filepath.Join(a.dataDir, path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

// query returns the rows of a query as lines of tab-separated values.
func (a *assistant) query(ctx context.Context, q string) (string, error) {
	rows, err := a.db.QueryContext(ctx, q) // want `run_query: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool run_query\b.*\(\*database/sql\.DB\)\.QueryContext` `run_query: db\-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR301: tool run_query can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it`
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var lines []string
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		lines = append(lines, strings.Join(vals, "\t"))
	}
	return strings.Join(lines, "\n"), rows.Err()
}

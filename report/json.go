package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// JSONHandler writes the canonical JSON form of a [Document]: indented by
// two spaces, keys in struct order, lists sorted as [Sort] says and never
// null, and a final newline. docs/json.md documents the format.
type JSONHandler struct {
	w io.Writer
}

// NewJSONHandler returns a handler that writes JSON to w.
func NewJSONHandler(w io.Writer) *JSONHandler {
	return &JSONHandler{w: w}
}

// Write writes doc as one JSON value.
func (h *JSONHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	enc := json.NewEncoder(h.w)
	enc.SetIndent("", "  ")
	// Symbols and messages may hold <, > and &; HTML escaping would only
	// make them harder to read.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(canonical(doc)); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// ReadJSON reads one document written by [JSONHandler], so that it can be
// replayed into any handler. It rejects malformed JSON, trailing data and a
// schema_version other than [SchemaVersion]. Unknown fields are ignored:
// fields added later keep the schema version.
func ReadJSON(r io.Reader) (*Document, error) {
	dec := json.NewDecoder(r)
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("reading JSON document: empty input")
		}
		return nil, fmt.Errorf("reading JSON document: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("reading JSON document: unexpected data after the document")
	}
	switch doc.SchemaVersion {
	case SchemaVersion:
	case "":
		return nil, fmt.Errorf("reading JSON document: no schema_version (want %q)", SchemaVersion)
	default:
		return nil, fmt.Errorf("reading JSON document: unsupported schema_version %q (want %q)", doc.SchemaVersion, SchemaVersion)
	}
	return &doc, nil
}

// Package store saves notes. Store has two implementations, but the program
// only ever constructs FileStore.
package store

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
)

// Store saves a named note.
type Store interface {
	Save(name string, data []byte) error
}

// FileStore keeps notes as files under Dir.
type FileStore struct {
	Dir string
}

// Save writes the note to Dir/name.
func (f FileStore) Save(name string, data []byte) error {
	if err := os.MkdirAll(f.Dir, 0o755); err != nil { // want `save_note: fs-write os\.MkdirAll`
		return err
	}
	return os.WriteFile(filepath.Join(f.Dir, name), data, 0o644) // want `save_note: fs-write os\.WriteFile \(tainted\)` `BR104: tool save_note\b.*os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
}

// HTTPStore posts notes to a remote service.
type HTTPStore struct {
	URL string
}

// Save posts the note to URL. No HTTPStore is ever constructed, so save_note
// must NOT report this network sink (CHA alone would).
func (h HTTPStore) Save(name string, data []byte) error {
	resp, err := http.Post(h.URL+"/"+name, "text/plain", bytes.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

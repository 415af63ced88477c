// Package vfs is a small file system library in the shape of go-billy's
// osfs: every operation goes through one OpenFile, whose flags say
// whether it reads or writes, and which makes the parent directory only
// for a file it creates.
package vfs

import (
	"os"
	"path/filepath"
)

// FS is a directory tree.
type FS struct{ root string }

// New returns the tree under root.
func New(root string) *FS { return &FS{root: root} }

// Open opens a file to read it.
func (fs *FS) Open(name string) (*os.File, error) {
	return fs.OpenFile(name, os.O_RDONLY, 0)
}

// Create creates or truncates a file to write it.
func (fs *FS) Create(name string) (*os.File, error) {
	return fs.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// OpenFile opens a file with the given flags.
func (fs *FS) OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return openFile(filepath.Join(fs.root, name), flag, perm, true)
}

func openFile(fn string, flag int, perm os.FileMode, createDir bool) (*os.File, error) {
	if createDir && flag&os.O_CREATE != 0 {
		if err := os.MkdirAll(filepath.Dir(fn), 0o755); err != nil { // want `open_note: fs-write os\.MkdirAll` `write_note: fs-write os\.MkdirAll` `BR301: tool open_note can write files through os\.MkdirAll with no confirmation before it` `BR301: tool write_note can write files through os\.MkdirAll with no confirmation before it`
			return nil, err
		}
	}
	return os.OpenFile(fn, flag, perm) // want `open_note: fs-read os\.OpenFile` `open_note: fs-write os\.OpenFile` `read_note: fs-read os\.OpenFile` `write_note: fs-write os\.OpenFile`
}

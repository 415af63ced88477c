// Package store keeps objects in files, as a version-control library
// does: its helpers take interface values (an io.Closer, an io.Writer)
// and call their methods, for a file a read opened as for a writer that
// renames a temporary file into place when it is closed.
package store

import (
	"io"
	"os"
	"path/filepath"
)

// CheckClose closes c and keeps the first error.
func CheckClose(c io.Closer, err *error) {
	if cerr := c.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// Copy writes what r holds to w and closes w.
func Copy(w io.WriteCloser, r io.Reader) (err error) {
	defer CheckClose(w, &err)
	_, err = io.Copy(w, r)
	return err
}

// ObjectWriter writes an object to a temporary file and renames it into
// place when closed.
type ObjectWriter struct {
	f    *os.File
	path string
}

// NewObjectWriter starts writing the object at path.
func NewObjectWriter(dir, name string) (*ObjectWriter, error) {
	f, err := os.CreateTemp(dir, "tmp-") // want `write_object: fs-write os\.CreateTemp` `BR301: tool write_object can write files through os\.CreateTemp with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return &ObjectWriter{f: f, path: filepath.Join(dir, name)}, nil
}

func (w *ObjectWriter) Write(p []byte) (int, error) { return w.f.Write(p) }

// Close renames the temporary file into place.
func (w *ObjectWriter) Close() error {
	if err := w.f.Close(); err != nil {
		return err
	}
	return os.Rename(w.f.Name(), w.path) // want `write_object: fs-write os\.Rename`
}

// ReadObject returns the object at path.
func ReadObject(path string) (b []byte, err error) {
	f, err := os.Open(path) // want `read_object: fs-read os\.Open`
	if err != nil {
		return nil, err
	}
	defer CheckClose(f, &err)
	return io.ReadAll(f)
}

// objectsDir is where Get finds objects.
const objectsDir = "/var/lib/store"

// Load reads the object file at path: where it is is its caller's choice.
func Load(path string) ([]byte, error) {
	return os.ReadFile(filepath.Clean(path))
}

// Get reads the object named name under the store's own directory.
func Get(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(objectsDir, name)) // want `get_object: fs-read os\.ReadFile`
}

// Export writes an object under the directory its caller gives.
func Export(dir, name string, b []byte) error {
	return os.WriteFile(filepath.Join(dir, name), b, 0o600)
}

// File is what an FS opens.
type File interface {
	io.Reader
	io.Closer
	Name() string
}

// FS opens files by name.
type FS interface {
	Open(name string) (File, error)
}

// Dir is the FS of a directory.
type Dir string

// Open opens the file name under the directory.
func (d Dir) Open(name string) (File, error) {
	f, err := os.Open(filepath.Join(string(d), name)) // want `read_from_dir: fs-read os\.Open`
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ReadFrom returns the content of the file name of fsys. The file it
// closes is one an interface call returned: a File, whatever fsys is.
func ReadFrom(fsys FS, name string) (b []byte, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer CheckClose(f, &err)
	return io.ReadAll(f)
}

// Save writes an object file at path, as a spreadsheet library's SaveAs
// does: through os.OpenFile with flags that create and truncate.
func Save(path string, b []byte) error {
	f, err := os.OpenFile(filepath.Clean(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

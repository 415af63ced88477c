package analyzer_test

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTestdataIsFormatted: the fixtures are code like any other, and
// gofmt-clean. (A `// want` comment appended to a line by hand leaves the
// comments of its neighbours misaligned, which only gofmt sees.)
func TestTestdataIsFormatted(t *testing.T) {
	root := filepath.Join("..", "testdata")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := format.Source(src)
		if err != nil {
			return nil // a fixture that does not parse on purpose
		}
		if !bytes.Equal(src, out) {
			t.Errorf("%s is not gofmt-formatted", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

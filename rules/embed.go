package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
)

//go:embed catalog/*.cat
var catalogFS embed.FS

// Default parses the embedded catalog.
func Default() (*Catalog, error) {
	c := New()
	names, err := fs.Glob(catalogFS, "catalog/*.cat")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := catalogFS.Open(name)
		if err != nil {
			return nil, err
		}
		err = c.Parse(path.Join("rules", name), f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("parsing embedded catalog: %w", err)
		}
	}
	return c, nil
}

// LoadFile parses a user catalog file into c. Its entries override the
// embedded ones with the same keyword and symbol.
func (c *Catalog) LoadFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("reading catalog: %w", err)
	}
	defer f.Close()
	return c.Parse(name, f)
}

package summary

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/analyzer/load"
)

// A summary is kept in the cache directory, one gzipped JSON file per
// package, named after a key of everything it was computed from:
//
//   - the package's path, and the path and version of its module and of
//     every module whose packages it imports, directly or not (the main
//     module's go.mod selects those versions, so the same package can be
//     built against others elsewhere);
//   - the Go version, GOOS, GOARCH, cgo and the build tags, which select
//     the files of each package;
//   - the catalog's digest, and the scanner's version (or, for a build
//     from source, its executable's hash);
//   - the format of the file.
//
// Module versions are immutable, so an entry never goes stale. A package is
// kept only when all of that code comes from the module cache: a module
// replaced by a local directory, a vendored one or the main module can
// change under the same version.
//
// Writes go to a temporary file in the same directory, renamed into place:
// a reader sees a whole entry or none, and two scans writing the same
// entry at once both write the same bytes. An entry that does not decode,
// or whose key is not the one asked for, is ignored (and replaced).

// format is the version of the entry's layout: change it with the layout,
// or with what a summary means.
const format = 1

// entry is one package's summaries, as kept in the cache.
type entry struct {
	Format  int    `json:"format"`
	Package string `json:"package"`
	// Key is the cache key the entry was written under.
	Key string `json:"key"`
	// Summarised lists the symbols summarised, sorted: the functions and
	// interface methods of the package that the scans using this entry
	// have called. Those of them that reach something are in Functions.
	Summarised []string `json:"summarised"`
	// Functions maps each symbol of Summarised that reaches something to
	// what it reaches.
	Functions map[string][]Reach `json:"functions"`
	// complete is false when code it was computed from did not load.
	complete bool
}

// cache reads and writes entries; a zero dir disables it.
type cache struct {
	dir    string
	prog   *load.Program
	common string
	warn   func(string)
	warned bool
	// closures memoises each package's modules, by package.
	closures map[*packages.Package]map[string]string
}

func newCache(cfg Config, prog *load.Program) *cache {
	c := &cache{prog: prog, warn: cfg.Warn, closures: map[*packages.Package]map[string]string{}}
	if cfg.CacheDir == "" {
		return c
	}
	version := cfg.Version
	if version == "" || version == "devel" {
		h := executableHash()
		if h == "" {
			return c // nothing says which scanner made an entry
		}
		version = "devel " + h
	}
	c.dir = filepath.Join(cfg.CacheDir, "summaries")
	c.common = fmt.Sprintf("format %d\nscanner %s\nbuild %s\ntags %s\ncatalog %s\n",
		format, version, prog.Build, cfg.Tags, cfg.Catalog.Digest())
	return c
}

// key returns the cache key of package p, "" when it is not to be cached.
func (c *cache) key(p *packages.Package) string {
	if c.dir == "" {
		return ""
	}
	mods := c.modules(p)
	if mods == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(c.common)
	fmt.Fprintf(&b, "package %s\n", p.PkgPath)
	names := make([]string, 0, len(mods))
	for m := range mods {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, m := range names {
		fmt.Fprintf(&b, "module %s %s\n", m, mods[m])
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// modules returns the module path and version of p and of every package it
// imports outside the standard library, or nil when one of them does not
// come from the module cache.
func (c *cache) modules(p *packages.Package) map[string]string {
	if m, ok := c.closures[p]; ok {
		return m
	}
	out := map[string]string{}
	ok := true
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
		if c.prog.Std[q.PkgPath] {
			return
		}
		m := q.Module
		if m == nil || m.Main || m.Version == "" || m.Replace != nil && m.Replace.Version == "" || !inModCache(c.prog.ModCache, m.Dir) {
			ok = false
			return
		}
		v := m.Version
		if m.Replace != nil {
			v = m.Replace.Path + "@" + m.Replace.Version
		}
		out[m.Path] = v
	})
	if !ok {
		out = nil
	}
	c.closures[p] = out
	return out
}

// inModCache reports whether dir is under the module cache.
func inModCache(modcache, dir string) bool {
	if modcache == "" || dir == "" {
		return false
	}
	rel, err := filepath.Rel(modcache, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func (c *cache) file(key string) string { return filepath.Join(c.dir, key[:2], key+".json.gz") }

// read returns the entry kept under key for package path, if a whole and
// matching one is there.
func (c *cache) read(key, path string) (*entry, bool) {
	if key == "" {
		return nil, false
	}
	f, err := os.Open(c.file(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, false
	}
	var e entry
	if err := json.NewDecoder(zr).Decode(&e); err != nil {
		return nil, false
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, false // a truncated file fails its checksum here
	}
	if e.Format != format || e.Key != key || e.Package != path {
		return nil, false
	}
	return &e, true
}

// write keeps e under key, atomically. A cache that cannot be written is
// said once and otherwise ignored: the scan does not depend on it.
func (c *cache) write(key string, e *entry) {
	if key == "" || !e.complete {
		return
	}
	e.Format, e.Key = format, key
	if err := c.writeFile(c.file(key), e); err != nil && !c.warned {
		c.warned = true
		if c.warn != nil {
			c.warn(fmt.Sprintf("cannot keep summaries in %s: %v", c.dir, err))
		}
	}
}

func (c *cache) writeFile(name string, e *entry) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	zw := gzip.NewWriter(tmp)
	err = json.NewEncoder(zw).Encode(e)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

var (
	exeHashOnce sync.Once
	exeHash     string
)

// executableHash identifies a scanner built from source, whose version
// says nothing: by the hash of its executable; "" if it cannot be read.
func executableHash() string {
	exeHashOnce.Do(func() {
		name, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(name)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			exeHash = hex.EncodeToString(h.Sum(nil))
		}
	})
	return exeHash
}

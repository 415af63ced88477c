package load

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestPositionsFollowPackageOrder parses two packages in the reverse of
// their order and wants each file's positions where the order puts them:
// files are parsed in parallel, and their positions must not depend on
// which is parsed first.
func TestPositionsFollowPackageOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	a := &packages.Package{PkgPath: "a", Name: "a", GoFiles: []string{write("a1.go", "package a\n\nfunc A() {}\n"), write("a2.go", "package a\n\nvar X = 1\n")}}
	b := &packages.Package{PkgPath: "b", Name: "b", GoFiles: []string{write("b.go", "package b\n\nfunc B() {}\n")}}
	fset := token.NewFileSet()
	c := &checker{fset: fset, opaque: func(string) bool { return false }, main: func(*packages.Package) bool { return true }}
	order := []*packages.Package{a, b}
	c.bodies = map[*packages.Package]bool{a: true, b: true}
	c.fakeC = map[*packages.Package]bool{}
	c.reserveBases(order)
	c.parsePackage(b)
	c.parsePackage(a)
	for _, p := range order {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
	}
	files := []*token.File{
		fset.File(a.Syntax[0].Package), fset.File(a.Syntax[1].Package), fset.File(b.Syntax[0].Package),
	}
	for i, f := range files {
		if f == nil {
			t.Fatalf("file %d is not in the file set", i)
		}
		if i > 0 && f.Base() <= files[i-1].Base() {
			t.Errorf("%s is at %d, before %s at %d: positions follow the parsing order", f.Name(), f.Base(), files[i-1].Name(), files[i-1].Base())
		}
	}
	if got := fset.Position(b.Syntax[0].Decls[0].Pos()); got.Filename != b.GoFiles[0] || got.Line != 3 {
		t.Errorf("B is at %v, want %s:3", got, b.GoFiles[0])
	}
}

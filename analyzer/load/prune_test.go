package load

import (
	"go/ast"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestDataInitializersForgotten checks that a dependency's package-level
// tables lose their initializers' syntax and type information, and that
// a spec with one initializer still needed keeps all of its values (mixed
// is still not initialized in SSA).
func TestDataInitializersForgotten(t *testing.T) {
	const src = `package dep

var table = []int{1, 2, 3}

var a, b = [2]string{"x", "y"}, map[string]int{"z": 1}

var mixed, hook = []byte{1}, func() {}

var handler = func() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "dep.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := newInfo()
	pkg, err := (&types.Config{Importer: goimporter.Default()}).Check("dep", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	p := &packages.Package{PkgPath: "dep", Types: pkg, TypesInfo: info, Syntax: []*ast.File{f}}
	specs := map[string]*ast.ValueSpec{}
	var lits []*ast.CompositeLit
	for _, d := range f.Decls {
		for _, s := range d.(*ast.GenDecl).Specs {
			vs := s.(*ast.ValueSpec)
			specs[vs.Names[0].Name] = vs
			for _, v := range vs.Values {
				if lit, ok := v.(*ast.CompositeLit); ok {
					lits = append(lits, lit)
				}
			}
		}
	}
	want := map[*ast.CompositeLit]bool{} // literal → still recorded
	for _, lit := range lits {
		want[lit] = false
	}
	want[specs["mixed"].Values[0].(*ast.CompositeLit)] = true

	gone := map[*types.Info][]span{}
	bodies := map[*packages.Package]bool{p: true}
	dropDataInitializers([]*packages.Package{p}, bodies, func(*packages.Package) bool { return false }, gone)
	forgetAll(gone)

	for _, name := range []string{"table", "a"} {
		if len(specs[name].Values) != 0 {
			t.Errorf("var %s kept its initializer", name)
		}
	}
	for _, name := range []string{"mixed", "handler"} {
		if len(specs[name].Values) == 0 {
			t.Errorf("var %s lost its initializer", name)
		}
	}
	for lit, recorded := range want {
		if _, ok := info.Types[lit]; ok != recorded {
			t.Errorf("%s: recorded in Types = %v, want %v", fset.Position(lit.Pos()), ok, recorded)
		}
	}
	var inits []string
	for _, init := range info.InitOrder {
		for _, v := range init.Lhs {
			inits = append(inits, v.Name())
		}
	}
	if len(inits) != 2 || inits[0] != "hook" || inits[1] != "handler" {
		t.Errorf("initializers kept: %v, want hook and handler", inits)
	}
	// Nor are the dropped ones left in the array behind the slice, which
	// is alive as a whole.
	for _, init := range info.InitOrder[len(info.InitOrder):cap(info.InitOrder)] {
		if init != nil {
			t.Errorf("the initializer of %s is still in InitOrder's array", init.Lhs[0].Name())
		}
	}
}

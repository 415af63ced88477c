package load

import (
	"go/ast"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
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

// TestStopsBeforeTypeChecking checks that the bodies of the functions the
// analysis never enters go before type-checking, with what only they name,
// and that a method's symbol is spelled with its receiver as
// types.Func.FullName spells it.
func TestStopsBeforeTypeChecking(t *testing.T) {
	const dep = `package dep

type Pod struct{ n int }

func (p *Pod) Unmarshal() { decode(p) }
func (p Pod) String() string { return name() }
func (p Pod) Reset() { clear(p) }

func decode(*Pod) {}
func name() string { return "pod" }
func clear(Pod) {}

func Log(msg string) { format(msg) }
func format(string) {}
`
	const app = `package app

import "dep"

func Run(p *dep.Pod) {
	dep.Log("start")
	p.Unmarshal()
	_ = p.String()
	p.Reset()
}
`
	_, d, a := depAndApp(t, dep, app)
	stopped := map[string]bool{"dep.Log": true, "(*dep.Pod).Unmarshal": true, "(dep.Pod).Reset": true}
	bodies := map[*packages.Package]bool{a: true, d: true}
	pruneUncalled([]*packages.Package{d, a}, bodies, func(p *packages.Package) bool { return p == a }, nil, nil,
		func(sym string) bool { return stopped[sym] })
	kept := map[string]bool{}
	for _, decl := range d.Syntax[0].Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok {
			kept[fd.Name.Name] = fd.Body != nil
		}
	}
	want := map[string]bool{"Unmarshal": false, "decode": false, "String": true, "name": true,
		"Reset": false, "clear": false, "Log": false, "format": false}
	for fn, body := range want {
		if kept[fn] != body {
			t.Errorf("%s keeps its body: %v, want %v", fn, kept[fn], body)
		}
	}
}

// depAndApp parses a package dep and a package app that imports it.
func depAndApp(t *testing.T, dep, app string) (*token.FileSet, *packages.Package, *packages.Package) {
	t.Helper()
	fset := token.NewFileSet()
	parse := func(name, src string) *ast.File {
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	d := &packages.Package{PkgPath: "dep", Name: "dep", Syntax: []*ast.File{parse("dep.go", dep)}}
	a := &packages.Package{PkgPath: "app", Name: "app", Syntax: []*ast.File{parse("app.go", app)},
		Imports: map[string]*packages.Package{"dep": d}}
	return fset, d, a
}

// TestDropUnnamed checks which declarations of a pruned dependency go
// before type-checking (those no remaining syntax refers to, and the
// uncalled methods no interface asks for), and that what remains still
// type-checks.
func TestDropUnnamed(t *testing.T) {
	const dep = `package dep

type Req struct{ opt Opt }
type Opt struct{ n int }

type Internal struct{}

func (Internal) Do() {}

func New() *Req { return &Req{} }
func (r *Req) Send() {}
func (r Req) Size() int  { return 0 }
func (r Req) Name() string { return "" }
func (r Req) With(Extra) Req { return r }
func (r Req) Close() error { return nil }

type Extra struct{}
type Root struct{}

func (Root) Summarised() {}

func helper() {}
func Registered() {}

var hook = Registered

func init() {}
`
	const app = `package app

import "dep"

type Named interface {
	Name() string
	With(dep.Extra) dep.Req
}

func Run() {
	dep.New().Send()
	var n Named = dep.Req{}
	_ = n
	var c interface{ Close() error } = dep.Req{}
	_ = c
}
`
	fset, d, a := depAndApp(t, dep, app)
	// As pruneUncalled leaves it: only New, Send and init keep a body.
	for _, decl := range d.Syntax[0].Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Name.Name != "New" && fd.Name.Name != "Send" && fd.Name.Name != "init" {
			fd.Body = nil
		}
	}
	changed, removed := dropUnnamed([]*packages.Package{d, a}, func(p *packages.Package) bool { return p == d },
		map[string][]string{"dep": {"(dep.Root).Summarised"}})

	var left []string
	for _, decl := range d.Syntax[0].Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			name := decl.Name.Name
			if r := receiverName(decl); r != "" {
				name = r + "." + name
			}
			left = append(left, name)
		case *ast.GenDecl:
			for _, s := range decl.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					left = append(left, ts.Name.Name)
				}
			}
		}
	}
	want := []string{"Req", "Opt", "New", "Req.Send", "Req.Name", "Req.With", "Req.Close", "Extra", "Root",
		"Root.Summarised", "Registered", "init"}
	if !slices.Equal(left, want) {
		t.Errorf("declarations left: %v\nwant %v", left, want)
	}
	// Gone: Internal, Internal.Do, Req.Size, helper.
	if !changed[d] || changed[a] || removed != 4 {
		t.Errorf("changed = %v, removed = %d; want dep only, 4", changed, removed)
	}

	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		return d.Types, nil
	})}
	var err error
	if d.Types, err = conf.Check("dep", fset, d.Syntax, nil); err != nil {
		t.Fatalf("dep no longer type-checks: %v", err)
	}
	if _, err := conf.Check("app", fset, a.Syntax, nil); err != nil {
		t.Fatalf("app no longer type-checks: %v", err)
	}
}

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

// reachDep is a dependency whose interfaces share method names: a call
// through one reaches the methods of the live types that implement it, not
// every method of that name.
const reachDep = `package dep

type Stringer interface{ String() string }

// Mapper is called for Reset, a name that Pod has too; Pod is no Mapper.
type Mapper interface {
	Reset()
	Kinds() []string
}

type Pod struct{}

func (Pod) String() string { return "pod" }
func (Pod) Reset()         {}

// Full is a Mapper by a method it embeds from Base, which alone is not one.
type Base struct{}

func (Base) Reset() { helper() }

type Full struct{ Base }

func (Full) Kinds() []string { return nil }

func helper() {}

// Neither Other nor Kinder is a Mapper; a struct that embeds both is.
type Other struct{}

func (Other) Reset() { otherHelper() }

type Kinder struct{}

func (Kinder) Kinds() []string { return nil }

func otherHelper() {}

// A call through a generic interface: which types implement Getter[T]
// depends on T, so every live method of the name is kept.
type Getter[T any] interface{ Get() T }

func Fetch[T any](g Getter[T]) T { return g.Get() }

type IntBox struct{}

func (IntBox) Get() int { return 1 }

// A generic type's methods are built per instance: a live one keeps each
// method of a name called through an interface.
type Box[T any] struct{ v T }

func (b Box[T]) String() string { return boxName() }

func boxName() string { return "box" }

func Describe(s Stringer) string { return s.String() }

func Clear(m Mapper) { m.Reset() }

// Log is a function the analysis never enters (a logger): what only it
// calls is not reached.
func Log(msg string) { format(msg) }

func format(string) {}
`

const reachApp = `package app

import "dep"

func Run() {
	_ = dep.Describe(dep.Pod{})
	dep.Clear(dep.Full{})
	dep.Clear(struct {
		dep.Other
		dep.Kinder
	}{})
	dep.Log("done")
	_ = dep.Fetch[int](dep.IntBox{})
	_ = dep.Describe(dep.Box[int]{})
}
`

// TestReachThroughInterfaces checks that the typed pruning keeps, for a call
// through an interface, the methods of the live types that implement it
// (their own, or promoted from an embedded type), and no body that only a
// function it is told to stop at reaches.
func TestReachThroughInterfaces(t *testing.T) {
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) *packages.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := newInfo()
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return &packages.Package{PkgPath: path, Types: pkg, TypesInfo: info, Syntax: []*ast.File{f}}
	}
	dep := check("dep", reachDep, goimporter.Default())
	app := check("app", reachApp, importerFunc(func(path string) (*types.Package, error) { return dep.Types, nil }))

	pkgs := []*packages.Package{dep, app}
	bodies := map[*packages.Package]bool{dep: true, app: true}
	isMain := func(p *packages.Package) bool { return p == app }
	stop := func(fn *types.Func) bool { return fn.FullName() == "dep.Log" }
	pruneUnreachable(pkgs, bodies, isMain, nil, stop, nil, map[*types.Info][]span{})

	kept := map[string]bool{}
	for _, d := range dep.Syntax[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			kept[dep.TypesInfo.Defs[fd.Name].(*types.Func).FullName()] = true
		}
	}
	for name, want := range map[string]bool{
		"dep.Describe":      true,
		"(dep.Pod).String":  true,  // a live Stringer
		"(dep.Pod).Reset":   false, // Reset is called through Mapper only
		"(dep.Base).Reset":  true,  // Full's, promoted
		"dep.helper":        true,  // called by Base.Reset
		"(dep.Other).Reset": true,  // an unnamed struct's, promoted
		"dep.otherHelper":   true,
		"(dep.IntBox).Get":  true,  // through a generic interface
		"dep.boxName":       true,  // Box[int].String, a Stringer
		"(dep.Full).Kinds":  false, // never called
		"dep.Clear":         true,
		"dep.Log":           false, // stopped at
		"dep.format":        false, // only Log calls it
	} {
		if kept[name] != want {
			t.Errorf("%s: body kept %v, want %v", name, kept[name], want)
		}
	}
}

package ssabuild_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/ssabuild"
)

const src = `package p

func Plain(xs []int) int {
	f := func(x int) int {
		g := func() int { return x }
		return g()
	}
	return f(len(xs))
}

func Map[T any](xs []T, f func(T) T) []T {
	g := func(x T) T { return f(x) }
	for i := range xs {
		xs[i] = g(xs[i])
	}
	return xs
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

type Int int

func (i Int) Double() Int { return i * 2 }
`

// TestBuildAllDropsBodies checks that once a package is built the bodies of
// its functions are emptied, function literals included, and that generic
// functions keep theirs, from which SSA builds instances after Build.
func TestBuildAllDropsBodies(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics)
	sp := prog.CreatePackage(pkg, []*ast.File{f}, info, true)
	if failed := ssabuild.BuildAll(prog, map[*ssa.Package]*ssabuild.Source{sp: {Files: []*ast.File{f}, Info: info}}); len(failed) > 0 {
		t.Fatalf("build failed: %v", failed)
	}

	bodies := map[string]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			bodies[n.Name.Name] = len(n.Body.List)
		case *ast.FuncLit:
			bodies[fset.Position(n.Pos()).String()] += len(n.Body.List)
		}
		return true
	})
	for _, name := range []string{"Plain", "Double"} {
		if bodies[name] != 0 {
			t.Errorf("%s kept %d statements after its package was built", name, bodies[name])
		}
	}
	for _, name := range []string{"Map", "Get"} {
		if bodies[name] == 0 {
			t.Errorf("generic %s lost its body", name)
		}
	}
	if fn := sp.Func("Plain"); len(fn.Blocks) == 0 {
		t.Error("Plain has no SSA body")
	}
	for _, anon := range sp.Func("Plain").AnonFuncs {
		if syn, ok := anon.Syntax().(*ast.FuncLit); !ok || len(syn.Body.List) != 0 {
			t.Errorf("%s kept its body", anon)
		}
	}
	for _, anon := range sp.Func("Map").AnonFuncs {
		if syn, ok := anon.Syntax().(*ast.FuncLit); !ok || len(syn.Body.List) == 0 {
			t.Errorf("%s, in a generic function, lost its body", anon)
		}
	}

	// Of the type information, what the generic bodies need is left, and
	// nothing of the other functions.
	generic := func(pos token.Pos) bool {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && (fd.Name.Name == "Map" || fd.Name.Name == "Get") && fd.Pos() <= pos && pos <= fd.End() {
				return true
			}
		}
		return false
	}
	if len(info.Types) == 0 || len(info.Uses) == 0 {
		t.Errorf("the generic bodies lost their type information: %d types, %d uses", len(info.Types), len(info.Uses))
	}
	for e := range info.Types {
		if !generic(e.Pos()) {
			t.Errorf("the type of %T at %s is still recorded", e, fset.Position(e.Pos()))
		}
	}
	for id := range info.Uses {
		if !generic(id.Pos()) {
			t.Errorf("the use of %s at %s is still recorded", id.Name, fset.Position(id.Pos()))
		}
	}

	// An instance asked for after Build is built from the generic body.
	box := types.NewPointer(instantiate(t, pkg.Scope().Lookup("Box").Type(), types.Typ[types.String]))
	get := prog.MethodValue(prog.MethodSets.MethodSet(box).Lookup(pkg, "Get"))
	if get == nil || len(get.Blocks) == 0 {
		t.Errorf("(*Box[string]).Get asked for after Build has no body: %v", get)
	}
}

func instantiate(t *testing.T, generic types.Type, args ...types.Type) types.Type {
	t.Helper()
	inst, err := types.Instantiate(nil, generic, args, true)
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

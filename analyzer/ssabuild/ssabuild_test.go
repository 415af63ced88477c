package ssabuild_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"
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

var doubled = Int(2).Double()
`

// TestBuildAllDropsBodies checks that once a package is built the bodies of
// its functions are emptied, function literals included, and that generic
// functions keep theirs, from which SSA builds instances after Build.
func TestBuildAllDropsBodies(t *testing.T) {
	fset, f, info, pkg, prog, sp := build(t, false)

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

// TestBuildAllDropsSignatures checks that once a package is built its
// non-generic functions' signatures are emptied too, function literals
// included, unless the files are read after the build; and that the
// package-wide parts of the type information go.
func TestBuildAllDropsSignatures(t *testing.T) {
	for _, read := range []bool{false, true} {
		_, f, info, _, _, sp := build(t, read)
		fields := map[string]int{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				fields[fd.Name.Name] = fd.Type.Params.NumFields() + fd.Type.Results.NumFields() + fd.Recv.NumFields()
			}
		}
		// The literals, by the functions they are in: the syntax of
		// Plain's is SSA's alone once its body is emptied.
		var literals func(name string, fn *ssa.Function)
		literals = func(name string, fn *ssa.Function) {
			for _, anon := range fn.AnonFuncs {
				lit := anon.Syntax().(*ast.FuncLit)
				fields[name+" literals"] += lit.Type.Params.NumFields() + lit.Type.Results.NumFields()
				literals(name, anon)
			}
		}
		literals("Plain", sp.Func("Plain"))
		literals("Map", sp.Func("Map"))
		want := map[string]int{"Plain": 2, "Map": 3, "Get": 2, "Double": 2, "Plain literals": 3, "Map literals": 2}
		if !read {
			want["Plain"], want["Double"], want["Plain literals"] = 0, 0, 0
		}
		if diff := cmp.Diff(want, fields); diff != "" {
			t.Errorf("read=%v: fields of the signatures (-want +got):\n%s", read, diff)
		}
		if info.FileVersions != nil || info.InitOrder != nil {
			t.Errorf("read=%v: the type information keeps %d file versions and %d initializers", read, len(info.FileVersions), len(info.InitOrder))
		}
	}
}

// build type-checks src and builds it in SSA with BuildAll.
func build(t *testing.T, read bool) (*token.FileSet, *ast.File, *types.Info, *types.Package, *ssa.Program, *ssa.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.InitOrder) == 0 {
		t.Fatal("src has no package-level initializer")
	}
	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics)
	sp := prog.CreatePackage(pkg, []*ast.File{f}, info, true)
	if failed := ssabuild.BuildAll(prog, map[*ssa.Package]*ssabuild.Source{sp: {Files: []*ast.File{f}, Info: info, Read: read}}); len(failed) > 0 {
		t.Fatalf("build failed: %v", failed)
	}
	return fset, f, info, pkg, prog, sp
}

func instantiate(t *testing.T, generic types.Type, args ...types.Type) types.Type {
	t.Helper()
	inst, err := types.Instantiate(nil, generic, args, true)
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

package hierarchy_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/blastradius/blastradius/analyzer/hierarchy"
)

// src calls through interfaces (two packages' unexported methods spelled
// alike stay apart by ID), function values of several signatures,
// closures, method values and a generic function.
const src = `package p

type Runner interface{ Run(string) error }
type Named interface{ Name() string }

type A struct{}
func (A) Run(string) error { return nil }
func (A) Name() string     { return "a" }

type B struct{ next Runner }
func (b *B) Run(s string) error { return b.next.Run(s) }

type C int
func (c C) Run(string) error { return nil }
func (c C) run() {}

func apply(f func(string) error, s string) error { return f(s) }
func twice(f func(int) int, x int) int { return f(f(x)) }
func inc(x int) int { return x + 1 }

func Map[T any](xs []T, f func(T) T) []T {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

func Main(r Runner, n Named) {
	_ = r.Run(n.Name())
	b := &B{next: A{}}
	_ = apply(b.Run, "x")
	_ = apply(C(1).Run, "y")
	_ = twice(inc, 1)
	_ = Map([]int{1}, func(x int) int { return twice(inc, x) })
	g := func(s string) error { return r.Run(s) }
	_ = apply(g, "z")
	var f func(int) int = inc
	_ = f(2)
}
`

// TestNodeIsCHA checks that the node of every function of a program has
// exactly the edges that cha.CallGraph gives it.
func TestNodeIsCHA(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("p", "p")
	conf := &types.Config{Importer: importer.Default()}
	ssaPkg, _, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, ssa.InstantiateGenerics)
	if err != nil {
		t.Fatal(err)
	}
	prog := ssaPkg.Prog
	all := ssautil.AllFunctions(prog)
	want := cha.CallGraph(prog)
	g := hierarchy.New(all)
	n := 0
	for fn := range all {
		got := edges(g.Node(fn))
		if diff := cmp.Diff(edges(want.Nodes[fn]), got); diff != "" {
			t.Errorf("%s: edges differ from cha.CallGraph (-cha +hierarchy):\n%s", fn, diff)
		}
		// Asking again adds nothing.
		if again := edges(g.Node(fn)); !cmp.Equal(got, again) {
			t.Errorf("%s: a second Node call changed the edges:\n%s", fn, cmp.Diff(got, again))
		}
		n += len(got)
	}
	if n == 0 {
		t.Fatal("no edges at all")
	}
	if fns := len(g.Graph.Nodes); fns > len(want.Nodes) {
		t.Errorf("%d nodes, cha.CallGraph has %d", fns, len(want.Nodes))
	}
}

// TestNodeOnDemand checks that only the functions asked for are expanded.
func TestNodeOnDemand(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	ssaPkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.InstantiateGenerics)
	if err != nil {
		t.Fatal(err)
	}
	g := hierarchy.New(ssautil.AllFunctions(ssaPkg.Prog))
	inc := ssaPkg.Func("inc")
	if node := g.Node(inc); len(node.Out) != 0 {
		t.Errorf("inc calls nothing, its node has %d edges", len(node.Out))
	}
	twice := ssaPkg.Func("twice")
	g.Node(twice)
	for fn, node := range g.Graph.Nodes {
		if fn != twice && len(node.Out) > 0 {
			t.Errorf("%s was expanded without being asked for", fn)
		}
	}
}

// edges lists a node's edges as "site -> callee", sorted.
func edges(n *callgraph.Node) []string {
	var out []string
	if n == nil {
		return out
	}
	for _, e := range n.Out {
		out = append(out, fmt.Sprintf("%s@%d -> %s", e.Site, e.Site.Pos(), e.Callee.Func))
	}
	sort.Strings(out)
	return out
}

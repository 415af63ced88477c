package analyzer

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/blastradius/blastradius/rules"
)

// The tests in this file check that what the scan does to save time and
// memory changes no result.

// TestFlowFreeMemoChangesNothing scans fixtures with guards and flows with
// and without the cross-tool memo of guard searches, and wants the same
// report.
func TestFlowFreeMemoChangesNothing(t *testing.T) {
	for _, name := range []string{"guards-library", "guards-mcp", "support-naive", "support-contained", "ops-assistant"} {
		t.Run(name, func(t *testing.T) {
			cfg := Config{Dir: filepath.Join("..", "testdata", name)}
			scan := func() []byte {
				doc, err := run(context.Background(), cfg)
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.MarshalIndent(doc, "", " ")
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			with := scan()
			memoiseFlowFree = false
			defer func() { memoiseFlowFree = true }()
			if without := scan(); string(with) != string(without) {
				t.Errorf("the report differs with the memo:\n%s\nwithout:\n%s", with, without)
			}
		})
	}
}

// loadFixture loads a fixture module with the built-in catalog.
func loadFixture(t *testing.T, name string) (*loaded, *rules.Catalog) {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := loadPackages(context.Background(), Config{Dir: filepath.Join("..", "testdata", name)}, cat)
	if err != nil {
		t.Fatal(err)
	}
	return l, cat.WithStandardLibrary(l.Std)
}

// fixtureGraph builds a fixture's program and the call graph of its
// analysed functions, as a scan does.
func fixtureGraph(t *testing.T, name string) (*ssa.Program, *rules.Catalog, []*ssa.Function, *callgraph.Graph) {
	t.Helper()
	l, cat := loadFixture(t, name)
	prog, created, _ := buildProgram(l)
	_, scopeSSA := analysedPackages(l, created, l.Broken)
	all := ssautil.AllFunctions(prog)
	scope := scopeFunctions(all, scopeSSA)
	cg, err := buildCallGraph(context.Background(), all, scope, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	return prog, cat, scope, cg
}

// TestGraphCalleesIndex checks the per-site index of call-graph callees
// against the graph's edges, sorted by name, asking for every site, in
// reverse order, twice.
func TestGraphCalleesIndex(t *testing.T) {
	prog, cat, scope, cg := fixtureGraph(t, "guards-mcp")
	want := map[ssa.CallInstruction][]*ssa.Function{}
	var sites []ssa.CallInstruction
	for _, fn := range scope {
		for _, site := range symbol.CallSites(fn) {
			sites = append(sites, site)
			if node := cg.Nodes[fn]; node != nil {
				for _, e := range node.Out {
					if e.Site == site {
						want[site] = append(want[site], e.Callee.Func)
					}
				}
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no call-graph edges in the fixture")
	}
	for site, fns := range want {
		slices.SortFunc(fns, func(a, b *ssa.Function) int { return strings.Compare(a.String(), b.String()) })
		want[site] = slices.Compact(fns)
	}
	rc := newReacher(cat, cg, nil)
	for range 2 {
		for i := len(sites) - 1; i >= 0; i-- {
			if got := rc.graphCallees(sites[i]); !slices.Equal(got, want[sites[i]]) {
				t.Errorf("%s: graphCallees = %v, want %v", prog.Fset.Position(sites[i].Pos()), got, want[sites[i]])
			}
		}
	}
}

// TestDependencySyntaxDropped checks that after SSA is built only the
// module's own packages keep their syntax and type information, and of the
// latter only the objects of their function declarations.
func TestDependencySyntaxDropped(t *testing.T) {
	l, _ := loadFixture(t, "sinks-thirdparty")
	buildProgram(l)
	kept, dropped := 0, 0
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		switch {
		case l.inModule(p) && (p.Syntax == nil || p.TypesInfo == nil):
			t.Errorf("%s: the module's package lost its syntax", p.PkgPath)
		case l.inModule(p) && (p.TypesInfo.Types != nil || p.TypesInfo.Uses != nil || len(p.TypesInfo.Defs) == 0):
			t.Errorf("%s: the module's package kept %d types, %d uses and %d definitions, want definitions only",
				p.PkgPath, len(p.TypesInfo.Types), len(p.TypesInfo.Uses), len(p.TypesInfo.Defs))
		case l.inModule(p):
			kept++
		case p.Syntax != nil || p.TypesInfo != nil:
			t.Errorf("%s: a dependency kept its syntax", p.PkgPath)
		default:
			dropped++
		}
	})
	if kept == 0 || dropped == 0 {
		t.Errorf("%d packages kept, %d dropped: want some of each", kept, dropped)
	}
}

// TestOnlyEnteredPackagesHaveBodies checks that a dependency the module
// imports itself is built with bodies, and one it reaches only through an
// opaque SDK is not: guards-library imports example.com/throttle, and
// github.com/google/uuid only through mcp-go.
func TestOnlyEnteredPackagesHaveBodies(t *testing.T) {
	l, _ := loadFixture(t, "guards-library")
	prog, _, _ := buildProgram(l)
	if prog.ImportedPackage("github.com/google/uuid") == nil {
		t.Fatal("github.com/google/uuid is not loaded: the fixture no longer tests this")
	}
	bodies := map[string]bool{}
	for _, p := range prog.AllPackages() {
		for _, m := range p.Members {
			if fn, ok := m.(*ssa.Function); ok && fn.Blocks != nil {
				bodies[p.Pkg.Path()] = true
			}
		}
	}
	for path, want := range map[string]bool{
		"example.com/guards-library": true,
		"example.com/throttle":       true,
		"github.com/google/uuid":     false,
	} {
		if bodies[path] != want {
			t.Errorf("%s built with bodies: %v, want %v", path, bodies[path], want)
		}
	}
}

// TestRelFile checks how positions are written: relative to the module,
// and for a dependency module@version/path wherever GOMODCACHE is.
func TestRelFile(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"/src/app/tools/read.go", "tools/read.go"},
		{"/opt/gomods/github.com/jackc/pgx/v5@v5.12.0/conn.go", "github.com/jackc/pgx/v5@v5.12.0/conn.go"},
		{"/src/application/x.go", "/src/application/x.go"},
		{"/usr/local/go/src/os/file.go", "/usr/local/go/src/os/file.go"},
	} {
		if got := relFile("/src/app", "/opt/gomods", c.file); got != c.want {
			t.Errorf("relFile(%s) = %s, want %s", c.file, got, c.want)
		}
	}
}

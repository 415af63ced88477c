package load_test

import (
	"context"
	"encoding/json"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/rules"
)

func fixture(name string) string { return filepath.Join("..", "..", "testdata", name) }

// TestPruningChangesNothing scans fixtures with and without dropping the
// dependency bodies that no analysed code can reach, and wants the same
// report: the pruning saves time and memory only.
//
// One thing may differ: where a summarised dependency reaches a sink by
// several call paths, the witness shown inside the dependency (the frames
// past the application's call into it) is the first the summary's search
// finds, and pruning changes the order of that search. Those frames are
// cut before comparing; the capabilities, their positions in the
// application and every finding must stay the same.
func TestPruningChangesNothing(t *testing.T) {
	for _, name := range []string{"ops-assistant", "sinks-thirdparty", "guards-library", "wrapped-handlers", "cloud-sdks", "taint-model", "langchaingo-tools", "eino-tools", "mcp-go-client-processes"} {
		t.Run(name, func(t *testing.T) {
			scan := func() string {
				doc, err := analyzer.Run(context.Background(), analyzer.Config{Dir: fixture(name)})
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal(doc)
				if err != nil {
					t.Fatal(err)
				}
				var v any
				if err := json.Unmarshal(b, &v); err != nil {
					t.Fatal(err)
				}
				b, err = json.MarshalIndent(cutDependencyFrames(v), "", " ")
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			pruned := scan()
			restore := load.SetPruning(false)
			defer restore()
			if diff := cmp.Diff(scan(), pruned); diff != "" {
				t.Errorf("the report changes with pruning (-without +with):\n%s", diff)
			}
		})
	}
}

// cutDependencyFrames returns v with every "path" list cut before its
// first frame in a dependency (a file under a module version, "mod@v1.2.3").
func cutDependencyFrames(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if list, ok := e.([]any); ok && k == "path" {
				for i, f := range list {
					if inDependency(f) {
						list = list[:i]
						break
					}
				}
				x[k] = list
			}
			x[k] = cutDependencyFrames(x[k])
		}
	case []any:
		for i, e := range x {
			x[i] = cutDependencyFrames(e)
		}
	}
	return v
}

func inDependency(frame any) bool {
	f, _ := frame.(map[string]any)
	pos, _ := f["position"].(map[string]any)
	file, _ := pos["file"].(string)
	return strings.Contains(file, "@")
}

// TestWhatIsParsed checks what the loader keeps of each package: the
// module's code in full with comments (directives live there), an entered
// dependency's bodies without comments, and of opaque packages (the
// standard library, a catalogued SDK) and of the packages reached only
// through them, types alone. guards-library imports example.com/throttle
// itself, and github.com/google/uuid only through mcp-go.
func TestWhatIsParsed(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := load.Load(context.Background(), load.Config{Dir: fixture("guards-library"), Opaque: cat.IsOpaque})
	if err != nil {
		t.Fatal(err)
	}
	type kept struct{ Syntax, Comments, Bodies bool }
	got := map[string]kept{}
	packages.Visit(p.Roots, nil, func(q *packages.Package) {
		k := kept{Syntax: len(q.Syntax) > 0}
		for _, f := range q.Syntax {
			k.Comments = k.Comments || len(f.Comments) > 0
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && len(fd.Body.List) > 0 {
					k.Bodies = true
				}
			}
		}
		got[q.PkgPath] = k
	})
	want := map[string]kept{
		"example.com/guards-library":         {true, true, true},
		"example.com/throttle":               {true, false, true},
		"github.com/mark3labs/mcp-go/server": {false, false, false},
		"github.com/google/uuid":             {false, false, false},
		"net/http":                           {false, false, false},
	}
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s: kept %+v, want %+v", path, got[path], w)
		}
	}
}

// TestNeverEnteredLosesItsBody checks that a dependency function the
// analysis never enters (Config.NeverEntered, by symbol) loses its body:
// example.com/throttle, which TestWhatIsParsed sees kept in full, keeps
// none once its only function is named.
func TestNeverEnteredLosesItsBody(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := load.Load(context.Background(), load.Config{Dir: fixture("guards-library"), Opaque: cat.IsOpaque,
		NeverEntered: func(sym string) bool { return sym == "example.com/throttle.Wait" }})
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(p.Roots, nil, func(q *packages.Package) {
		if q.PkgPath != "example.com/throttle" {
			return
		}
		for _, f := range q.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					t.Errorf("%s keeps its body", fd.Name.Name)
				}
			}
		}
	})
}

// TestStandardLibrary checks that the standard library is what the go
// command says: a module whose path has no dot is not part of it.
func TestStandardLibrary(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: fixture("oneword-module")})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"opsbot":                             false,
		"opsbot/tools":                       false,
		"os/exec":                            true,
		"net/http":                           true,
		"unsafe":                             true,
		"github.com/mark3labs/mcp-go/server": false,
	} {
		if p.Std[path] != want {
			t.Errorf("standard library %s: %v, want %v", path, p.Std[path], want)
		}
	}
	if p.ModulePath != "opsbot" {
		t.Errorf("module path %q, want opsbot", p.ModulePath)
	}
}

// TestLoadOpaqueKeepsWhatTheSummarisedReach checks that loading opaque
// packages to summarise them keeps the bodies that the functions to
// summarise can reach, and not the rest of their packages: a generated
// API client has a method per operation, and a scan calls a few. For a
// method of an interface, its implementations in the package are kept.
func TestLoadOpaqueKeepsWhatTheSummarisedReach(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := load.Load(context.Background(), load.Config{Dir: fixture("mcp-go-opaque"), Opaque: cat.IsOpaque})
	if err != nil {
		t.Fatal(err)
	}
	const (
		calendar = "google.golang.org/api/calendar/v3"
		lro      = "cloud.google.com/go/longrunning/autogen/longrunningpb"
	)
	op, err := p.LoadOpaque(context.Background(), map[string][]string{
		calendar: {"(*" + calendar + ".EventsInsertCall).Do"},
		lro:      {"(" + lro + ".OperationsClient).CancelOperation"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]bool{}
	packages.Visit(op.Roots, nil, func(q *packages.Package) {
		for _, f := range q.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				name := fd.Name.Name
				if fd.Recv != nil && len(fd.Recv.List) > 0 {
					name = types.ExprString(fd.Recv.List[0].Type) + "." + name
				}
				body[q.PkgPath+" "+name] = true
			}
		}
	})
	for name, want := range map[string]bool{
		calendar + " *EventsInsertCall.Do":         true,  // summarised
		calendar + " *EventsInsertCall.doRequest":  true,  // reached from Do
		calendar + " *EventsDeleteCall.Do":         false, // another operation
		calendar + " *EventsService.Delete":        false,
		lro + " *operationsClient.CancelOperation": true,  // implements the interface method
		lro + " NewOperationsClient":               false, // called by none of them
	} {
		if body[name] != want {
			t.Errorf("%s: body kept %v, want %v", name, body[name], want)
		}
	}
}

package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// askAndResolve is a service whose Ask waits on a channel it keeps by the
// request's ID, answered by resolve, which sends what it is handed; Grant
// hands it true.
const askAndResolve = `
func (s *service) Ask(id string) bool {
	ch := make(chan bool, 1)
	s.byID[id] = ch
	s.requests <- request{id: id}
	return <-ch
}

func (s *service) resolve(id string, granted bool) {
	if ch, ok := s.byID[id]; ok {
		ch <- granted
	}
}

func (s *service) Grant(id string) { s.resolve(id, true) }
`

// TestInferredApprovals checks which functions are taken for a person's
// approval (approvals.go), on small programs.
func TestInferredApprovals(t *testing.T) {
	const common = `package p

import (
	"errors"
	"sync"
)

var errDeclined = errors.New("declined")

type request struct {
	id     string
	answer chan bool
}

type service struct {
	pending  sync.Map
	byID     map[string]chan bool
	requests chan request
	asks     chan chan bool
	allowed  map[string]bool
}
`
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "a pending map and answers sent by Grant and Deny",
			src: `
func (s *service) Ask(id string) bool {
	ch := make(chan bool, 1)
	s.pending.Store(id, ch)
	defer s.pending.Delete(id)
	s.requests <- request{id: id}
	return <-ch
}

func (s *service) Grant(id string) {
	if ch, ok := s.pending.Load(id); ok {
		ch.(chan bool) <- true
	}
}

func (s *service) Deny(id string) {
	if ch, ok := s.pending.Load(id); ok {
		ch.(chan bool) <- false
	}
}
`,
			want: []string{"Ask"},
		},
		{
			name: "the answer channel in a request on a queue, an error for no",
			src: `
func (s *service) Require(id string) error {
	ch := make(chan bool, 1)
	s.requests <- request{id: id, answer: ch}
	if ok := <-ch; !ok {
		return errDeclined
	}
	return nil
}

func (s *service) Confirm(id string) (bool, error) {
	ch := make(chan bool, 1)
	s.byID[id] = ch
	select {
	case ok := <-ch:
		return ok, nil
	}
}
`,
			want: []string{"Confirm", "Require"},
		},
		{
			name: "the answer channel itself on a queue",
			src: `
func (s *service) Ask() bool {
	ch := make(chan bool)
	s.asks <- ch
	return <-ch
}
`,
			want: []string{"Ask"},
		},
		{
			name: "a goroutine of its own answers",
			src: `
func (s *service) Check(id string) bool {
	ch := make(chan bool, 1)
	go func() { ch <- true }()
	return <-ch
}

func (s *service) CheckWith(id string) bool {
	ch := make(chan bool, 1)
	go s.answer(ch)
	return <-ch
}

func (s *service) answer(ch chan bool) { ch <- false }
`,
		},
		{
			name: "a policy lookup waits for no one",
			src: `
func (s *service) Allowed(action string) bool {
	return s.allowed[action]
}
`,
		},
		{
			name: "a worker computes the answers",
			src: `
func (s *service) Ask(id string) bool {
	ch := make(chan bool, 1)
	s.requests <- request{id: id, answer: ch}
	return <-ch
}

func (s *service) work() {
	for r := range s.requests {
		r.answer <- s.allowed[r.id]
	}
}
`,
		},
		{
			name: "Grant and Deny hand a constant to the helper that sends it",
			src: askAndResolve + `
func (s *service) Deny(id string) { s.resolve(id, false) }
`,
			want: []string{"Ask"},
		},
		{
			name: "a helper sends what one of its callers computed",
			src: askAndResolve + `
func (s *service) Decide(id string) { s.resolve(id, s.allowed[id]) }
`,
		},
		{
			name: "a helper used as a value can be handed anything",
			src: askAndResolve + `
func (s *service) Resolver() func(string, bool) { return s.resolve }
`,
		},
		{
			name: "the answer channel kept by a setter of the module",
			src: `
func (s *service) keep(id string, ch chan bool) { s.byID[id] = ch }

func (s *service) Ask(id string) bool {
	ch := make(chan bool, 1)
	s.keep(id, ch)
	s.requests <- request{id: id}
	return <-ch
}

func (s *service) Grant(id string) { s.byID[id] <- true }
`,
			want: []string{"Ask"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fns := buildFuncs(t, common+tc.src)
			var got []string
			for fn := range inferredApprovals(fns) {
				got = append(got, fn.Name())
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("approvals = %v, want %v", got, tc.want)
			}
		})
	}
}

// buildFuncs type-checks src as package p and returns its declared
// functions and methods in SSA form.
func buildFuncs(t *testing.T, src string) []*ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, _, err := ssautil.BuildPackage(conf, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.BuilderMode(0))
	if err != nil {
		t.Fatal(err)
	}
	var out []*ssa.Function
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		obj := pkg.Pkg.Scope().Lookup(fd.Name.Name)
		if fd.Recv != nil {
			named := pkg.Pkg.Scope().Lookup("service").Type()
			obj, _, _ = types.LookupFieldOrMethod(types.NewPointer(named), true, pkg.Pkg, fd.Name.Name)
		}
		if fn, ok := obj.(*types.Func); ok {
			out = append(out, pkg.Prog.FuncValue(fn))
		}
	}
	return out
}

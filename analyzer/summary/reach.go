package summary

import (
	"context"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"time"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/blastradius/blastradius/analyzer/hierarchy"

	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// summarise computes the entries of the packages that op loaded with their
// bodies, by package path: for each, the symbols of need (functions, and
// interface methods the callers invoke).
func summarise(ctx context.Context, op *load.Program, need map[string][]string, cfg Config) (map[string]*entry, error) {
	start := time.Now()
	sp := buildSSA(op)
	cfg.phase("ssa", start, "")
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start = time.Now()
	paths := make([]string, 0, len(sp.roots))
	for path := range sp.roots {
		paths = append(paths, path)
	}
	sort.Strings(paths)

	// What a call of each symbol runs: the function, or the
	// implementations of the interface method among the types of the
	// package's dependencies.
	runs := map[string]map[string][]*ssa.Function{}
	var seeds []*ssa.Function
	for _, path := range paths {
		runs[path] = sp.resolve(sp.roots[path], need[path])
		for _, sym := range need[path] {
			seeds = append(seeds, runs[path][sym]...)
		}
	}
	cfg.phase("roots", start, fmt.Sprintf("%d symbols, %d functions", len(runs), len(seeds)))

	start = time.Now()
	g := newGraph(cfg.Catalog, sp.prog, seeds, op.Std)
	cfg.phase("callgraph", start, fmt.Sprintf("%d functions", len(g.fns)))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start = time.Now()
	g.operations()
	out := map[string]*entry{}
	sinks := 0
	for _, path := range paths {
		// One search per package, through its own code and its
		// dependencies' only: the packages summarised beside it hand
		// their own closures to a library they share (gax.Invoke), and
		// a summary is kept under the versions of its own dependencies
		// (cache.go), so it must not depend on what else this scan
		// summarised.
		res := g.search(g.within(sp.roots[path].Pkg))
		sinks += len(res.groups)
		e := &entry{Package: path, Functions: map[string][]Reach{}, Summarised: need[path], complete: !sp.broken[path]}
		api := cfg.Catalog.IsAPI(path)
		for _, sym := range need[path] {
			if rs := res.of(g, runs[path][sym], api, cfg.Position); len(rs) > 0 {
				e.Functions[sym] = rs
			}
		}
		out[path] = e
	}
	cfg.phase("search", start, fmt.Sprintf("%d sinks", sinks))
	return out, nil
}

// within returns which of the graph's functions belong to root or to a
// package it imports, directly or not. A function of no package (a
// wrapper SSA makes) belongs where the function it wraps does.
func (g *graph) within(root *types.Package) []bool {
	closure := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if closure[p] {
			return
		}
		closure[p] = true
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(root)
	in := make([]bool, len(g.fns))
	for i, fn := range g.fns {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		p := fn.Pkg
		in[i] = p == nil || closure[p.Pkg]
	}
	return in
}

// graph is the call graph of what the summarised functions reach, with the
// catalogued sinks each function calls.
type graph struct {
	cat  *rules.Catalog
	fns  []*ssa.Function
	id   map[*ssa.Function]int
	syms map[*ssa.Function]string
	apis []bool
	// callers[g] are the calls into function g, callees[f] the calls out
	// of f: (function, site).
	callers, callees [][]edge
	// direct[f] are the sinks f calls.
	direct [][]directHit
	// fixes[f] are the operation names f fixes (see operations).
	fixes [][]string
	// passed, when set, gives what the callers of a function pass for a
	// parameter (see sink.Continues).
	passed func(*ssa.Parameter) []ssa.Value
}

type edge struct {
	fn   int
	site ssa.CallInstruction
}

type directHit struct {
	capability, sink string
	site             ssa.CallInstruction
}

// newGraph builds the call graph from the seeds: CHA over the program
// (expanded only where the search goes, package hierarchy), then VTA over
// the functions CHA reaches from them (as govulncheck does), never
// through a sink (a leaf), a call on a sink's result (the rest of its
// operation) or a call that the catalog says carries no capability (a
// logger). A call into code without a body (the standard
// library) reaches the function values it is handed: a callback runs on the
// caller's behalf.
//
// A call through an interface that a dependency declares, on a value that
// no code of the summary makes (the loader a caller hands to client-go's
// NewNonInteractiveDeferredLoadingClientConfig, read back by RawConfig),
// has no callee in VTA's graph, since no type flows into it within the
// summary: it reaches the implementations in the package that declares
// the interface (client-go's own loading rules; a generated Google Cloud
// client's gRPC and REST clients behind its internalClient, whose types
// are unexported and made by a constructor the application's main
// called), the defaults a caller is most likely to hand in. They, and
// the closures they make (the call each hands to gax.Invoke), are part of
// the call graph's program from then on. Implementations elsewhere
// (a registry of plugins, filled by init functions in other packages) are
// left out: they make a search through every plugin of a framework, and
// the bodies of most are not even loaded. So is an interface of the
// standard library (io.Reader, error), which every package implements.
func newGraph(cat *rules.Catalog, prog *ssa.Program, seeds []*ssa.Function, std map[string]bool) *graph {
	g := &graph{cat: cat, id: map[*ssa.Function]int{}, syms: map[*ssa.Function]string{}}
	all := ssautil.AllFunctions(prog)
	own := map[ownKey][]*ssa.Function{}
	// The forward slice that VTA refines takes the interface's own
	// implementations too (see the fallback below), so that the calls
	// inside them are resolved as well. What the search reaches becomes
	// the program's, for CHA too (such an implementation, what it calls
	// and the closures it makes); a function added after CHA expanded a
	// call that could run it (gax.invoke's call of the closure it is
	// handed, expanded for another client first) is missing there, so
	// the slice is made again over the larger program until it adds
	// nothing (twice more at most).
	var cha *hierarchy.Graph
	var slice map[*ssa.Function]bool
	for round := 0; round < 3; round++ {
		n := len(all)
		cha = hierarchy.New(all)
		slice = g.forward(seeds, func(fn *ssa.Function) map[ssa.CallInstruction][]*ssa.Function {
			cha.Add(fn)
			eachClosure(fn, cha.Add)
			out := g.calleesOf(cha.Node(fn))
			for _, site := range symbol.CallSites(fn) {
				c := site.Common()
				if !c.IsInvoke() || c.Method.Pkg() == nil || std[c.Method.Pkg().Path()] {
					continue
				}
				for _, t := range ownImplementations(prog, c, own) {
					if !slices.Contains(out[site], t) {
						out[site] = append(out[site], t)
					}
					cha.Add(t)
					eachClosure(t, cha.Add)
				}
			}
			return out
		}, nil)
		if len(all) == n {
			break
		}
	}
	// The closures the slice's functions make are functions VTA may
	// resolve a call to (a client's call handed to gax.Invoke): CHA only
	// gives the ones that the program's exported types or converted
	// values lead to.
	for _, fn := range slices.Collect(maps.Keys(slice)) {
		eachClosure(fn, func(f *ssa.Function) { slice[f] = true })
	}
	vg := vta.CallGraph(slice, cha.Graph)
	// From here on a call continues a sink's operation also when its
	// receiver is a parameter that every caller passes a sink's result
	// for (a helper handed the request GetLogs built): every caller in
	// the whole program, not only in this search, so that a summary does
	// not depend on which other functions were summarised with it.
	var calls *staticCalls // indexed on the first question: most searches ask none
	g.passed = func(p *ssa.Parameter) []ssa.Value {
		if calls == nil {
			calls = indexStaticCalls(all)
		}
		return calls.passed(p)
	}
	callees := func(fn *ssa.Function) map[ssa.CallInstruction][]*ssa.Function {
		out := g.calleesOf(vg.Nodes[fn])
		var byCHA map[ssa.CallInstruction][]*ssa.Function
		for _, site := range symbol.CallSites(fn) {
			c := site.Common()
			if !c.IsInvoke() || len(out[site]) > 0 || c.Method.Pkg() == nil || std[c.Method.Pkg().Path()] {
				continue
			}
			if byCHA == nil {
				byCHA = g.calleesOf(cha.Node(fn))
			}
			for _, t := range byCHA[site] {
				if t.Pkg != nil && t.Pkg.Pkg == c.Method.Pkg() {
					out[site] = append(out[site], t)
				}
			}
			for _, t := range ownImplementations(prog, c, own) {
				if !slices.Contains(out[site], t) {
					out[site] = append(out[site], t)
				}
			}
		}
		return out
	}
	type site struct {
		fn      *ssa.Function
		site    ssa.CallInstruction
		hits    []sink.Hit
		targets []*ssa.Function
	}
	var sites []site
	reached := g.forward(seeds, callees, func(fn *ssa.Function, s ssa.CallInstruction, hits []sink.Hit, targets []*ssa.Function) {
		sites = append(sites, site{fn, s, hits, targets})
	})

	g.fns = make([]*ssa.Function, 0, len(reached))
	for fn := range reached {
		g.fns = append(g.fns, fn)
	}
	sort.Slice(g.fns, func(i, j int) bool {
		a, b := g.fns[i], g.fns[j]
		if a.Pos() != b.Pos() {
			return a.Pos() < b.Pos()
		}
		return g.symbol(a) < g.symbol(b)
	})
	for i, fn := range g.fns {
		g.id[fn] = i
	}
	n := len(g.fns)
	g.apis = make([]bool, n)
	g.callers = make([][]edge, n)
	g.callees = make([][]edge, n)
	g.direct = make([][]directHit, n)
	g.fixes = make([][]string, n)
	for i, fn := range g.fns {
		g.apis[i] = cat.IsAPI(symbol.Package(fn))
	}
	// In the order of the functions, then of their calls, so that the
	// search, and the witnesses it picks, are the same on every run.
	sort.SliceStable(sites, func(a, b int) bool { return g.id[sites[a].fn] < g.id[sites[b].fn] })
	for _, s := range sites {
		i := g.id[s.fn]
		for _, h := range s.hits {
			g.direct[i] = append(g.direct[i], directHit{capability: h.Capability, sink: h.Symbol, site: s.site})
		}
		for _, t := range s.targets {
			j := g.id[t]
			g.callees[i] = append(g.callees[i], edge{j, s.site})
			if maker, at := handedOver(t, s.fn); maker != nil {
				// A closure a function hands to a library that runs
				// it (gax.Invoke(ctx, func...)) runs on that
				// function's behalf: the search goes back to it, not
				// to the library's other callers, whose closures the
				// call graph cannot tell apart; and when nothing
				// reached makes it, nothing runs it.
				if k, ok := g.id[maker]; ok {
					g.callers[j] = append(g.callers[j], edge{k, at})
				}
				continue
			}
			g.callers[j] = append(g.callers[j], edge{i, s.site})
		}
	}
	return g
}

// handedOver returns, for a closure t that caller runs but did not make,
// the function that made it and the call by which that function handed it
// on (the closure is an argument of the call); nil when t is no closure,
// caller made it, or it is handed on otherwise (kept in a field).
func handedOver(t, caller *ssa.Function) (*ssa.Function, ssa.CallInstruction) {
	maker := t.Parent()
	if maker == nil || maker == caller {
		return nil, nil
	}
	for _, b := range maker.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != t {
				continue
			}
			// The closure, or it as the library's function type
			// (gax.APICall).
			vals := []ssa.Value{mc}
			for _, ref := range *mc.Referrers() {
				if ct, ok := ref.(*ssa.ChangeType); ok {
					vals = append(vals, ct)
				}
			}
			for _, v := range vals {
				for _, ref := range *v.Referrers() {
					if c, ok := ref.(ssa.CallInstruction); ok && c.Common().Value != v && slices.Contains(c.Common().Args, v) {
						return maker, c
					}
				}
			}
		}
	}
	return nil, nil
}

// forward returns the functions with bodies reachable from the seeds over
// the graph whose dynamic calls' callees calleesOf gives (by call site,
// sorted), telling visit, when set, each call site of each with its sinks
// and the functions it enters, in instruction order.
func (g *graph) forward(seeds []*ssa.Function, calleesOf func(*ssa.Function) map[ssa.CallInstruction][]*ssa.Function, visit func(*ssa.Function, ssa.CallInstruction, []sink.Hit, []*ssa.Function)) map[*ssa.Function]bool {
	seen := map[*ssa.Function]bool{}
	var queue []*ssa.Function
	for _, s := range seeds {
		if !seen[s] && len(s.Blocks) > 0 {
			seen[s] = true
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		fn := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		callees := calleesOf(fn)
		for _, site := range symbol.CallSites(fn) {
			hits := sink.At(g.cat, site, func() []*ssa.Function { return callees[site] }, g.symbol)
			// A dependency reading its own settings is configuration: a
			// file at a fixed path, and any environment variable, whose
			// name its own code chose (HELM_CONFIG_HOME, AWS_PROFILE) or
			// that it hands on to a helper process it starts.
			hits = slices.DeleteFunc(hits, func(h sink.Hit) bool { return h.Config || h.Capability == "env" })
			var targets []*ssa.Function
			if len(hits) > 0 || !sink.Continues(site.Common(), g.isSinkCall, g.passed) {
				targets = g.targets(site, callees[site], len(hits) > 0)
			}
			if visit != nil {
				visit(fn, site, hits, targets)
			}
			for _, t := range targets {
				if !seen[t] {
					seen[t] = true
					queue = append(queue, t)
				}
			}
		}
	}
	return seen
}

// eachClosure calls visit with each function literal of fn, and theirs,
// and each method value that they make (c.client.DeleteCluster handed to
// a generic executeRPC is a bound method's wrapper, made where it is
// taken).
func eachClosure(fn *ssa.Function, visit func(*ssa.Function)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				if g, ok := mc.Fn.(*ssa.Function); ok && g.Parent() == nil {
					visit(g)
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		visit(anon)
		eachClosure(anon, visit)
	}
}

// ownImplementations returns the methods that a call through an interface
// runs on the types of the interface's own package that implement it,
// exported or not: a generated client's internalClient, whose type (say
// clusterManagerGRPCClient) only its constructor names, and the
// constructor is not summarised when the application's main made the
// client. CHA only knows the methods of the types the program converts to
// interfaces or exports.
//
// The answer is the same for every call of one interface's method: memo
// keeps it.
func ownImplementations(prog *ssa.Program, c *ssa.CallCommon, memo map[ownKey][]*ssa.Function) []*ssa.Function {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	key := ownKey{iface, c.Method}
	if out, ok := memo[key]; ok {
		return out
	}
	var out []*ssa.Function
	if p := prog.Package(c.Method.Pkg()); p != nil {
		for _, name := range sortedMembers(p) {
			t, ok := p.Members[name].(*ssa.Type)
			if !ok || types.IsInterface(t.Type()) {
				continue
			}
			if n, ok := t.Type().(*types.Named); !ok || n.TypeParams().Len() > 0 {
				continue
			}
			for _, recv := range []types.Type{t.Type(), types.NewPointer(t.Type())} {
				sel := prog.MethodSets.MethodSet(recv).Lookup(c.Method.Pkg(), c.Method.Name())
				if sel == nil || !types.Implements(recv, iface) {
					continue
				}
				if fn := prog.MethodValue(sel); fn != nil && len(fn.Blocks) > 0 {
					out = append(out, fn)
				}
				break
			}
		}
	}
	memo[key] = out
	return out
}

// ownKey is an interface's method, for ownImplementations' memo.
type ownKey struct {
	iface  *types.Interface
	method *types.Func
}

// calleesOf indexes the call graph's callees of fn's dynamic call sites,
// each sorted by name: the graph's order changes from run to run.
func (g *graph) calleesOf(node *callgraph.Node) map[ssa.CallInstruction][]*ssa.Function {
	out := map[ssa.CallInstruction][]*ssa.Function{}
	if node == nil {
		return out
	}
	for _, e := range node.Out {
		if e.Site.Common().StaticCallee() == nil {
			out[e.Site] = append(out[e.Site], e.Callee.Func)
		}
	}
	for site, fns := range out {
		sort.Slice(fns, func(i, j int) bool {
			if a, b := g.symbol(fns[i]), g.symbol(fns[j]); a != b {
				return a < b
			}
			return fns[i].Pos() < fns[j].Pos()
		})
		out[site] = slices.Compact(fns)
	}
	return out
}

// isSinkCall reports whether a call calls a catalogued sink by its static
// callee or the interface method it invokes: what a call on its result
// does continues that sink's operation (sink.Continues), and is not
// entered.
func (g *graph) isSinkCall(call *ssa.Call) bool {
	return len(sink.At(g.cat, call, func() []*ssa.Function { return nil }, g.symbol)) > 0
}

// symbol is symbol.Of, memoised: spelling a function is not cheap.
func (g *graph) symbol(fn *ssa.Function) string {
	s, ok := g.syms[fn]
	if !ok {
		s = symbol.Of(fn)
		g.syms[fn] = s
	}
	return s
}

// targets returns the functions with bodies that a call site enters: its
// callees, unless it calls a sink or a call of no capability, and the
// function values it hands to a sink or to code without a body.
func (g *graph) targets(site ssa.CallInstruction, dynamic []*ssa.Function, sinkCall bool) []*ssa.Function {
	c := site.Common()
	callees := dynamic
	if callee := c.StaticCallee(); callee != nil {
		callees = []*ssa.Function{callee}
	}
	if c.IsInvoke() && g.cat.NotSink(symbol.Invoke(c)) {
		return nil
	}
	var out []*ssa.Function
	handsOver := sinkCall
	for _, t := range callees {
		switch {
		case g.cat.NotSink(g.symbol(t)):
		case sinkCall || len(t.Blocks) == 0:
			handsOver = true
		default:
			out = append(out, t)
		}
	}
	if handsOver {
		for _, a := range c.Args {
			if f := funcValue(a); f != nil && len(f.Blocks) > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

// operations finds the operation names each function fixes: a constant
// that reaches an argument that the catalog says names an operation,
// directly or through the parameters and struct fields of the client's own
// helpers (go-github's NewRequest(method, ...), client-go's Verb(verb)
// storing it in a field that its request builder reads):
//   - an HTTP method (`operation` lines: net/http.NewRequest) is an
//     operation when an API client's code fixes it: an OAuth token request
//     or an LLM SDK's POST is not a call of a platform's API;
//   - an RPC's name (`rpc` lines: gRPC's Invoke) is, wherever it is fixed
//     (a generated client in any module).
//
// A function also fixes what its callees fix, one call deep, when a call
// has one callee: a builder chain (client.Get().Resource("pods").Do(ctx))
// picks the method in one call and sends the request in the next.
func (g *graph) operations() {
	fixed := make([]map[string]bool, len(g.fns))
	for i := range fixed {
		fixed[i] = map[string]bool{}
	}
	g.fixedBy(g.cat.Operations, func(i int) bool { return g.apis[i] }, fixed)
	g.fixedBy(g.cat.RPCs, func(int) bool { return true }, fixed)
	for i := range g.fns {
		set := map[string]bool{}
		for op := range fixed[i] {
			set[op] = true
		}
		for _, e := range g.callees[i] {
			if g.soleCallee(i, e) {
				for op := range fixed[e.fn] {
					set[op] = true
				}
			}
		}
		for op := range set {
			g.fixes[i] = append(g.fixes[i], op)
		}
		sort.Strings(g.fixes[i])
	}
}

// soleCallee reports whether e is the only function that its call site in
// function i runs: a static call, or a dynamic one with one callee (a
// client's builder behind an interface, as client-go's rest.Interface).
// A dynamic call with several callees fixes none of their operations: it
// may run any of them.
func (g *graph) soleCallee(i int, e edge) bool {
	if e.site.Common().StaticCallee() != nil {
		return e.site.Common().StaticCallee() == g.fns[e.fn]
	}
	n := 0
	for _, f := range g.callees[i] {
		if f.site == e.site {
			n++
		}
	}
	return n == 1
}

// fixedBy adds to fixed[i] the names of the operations of ops that each
// function i fixes, for the functions where counts(i).
func (g *graph) fixedBy(ops map[string]rules.ArgRef, counts func(int) bool, into []map[string]bool) {
	params := make([]map[int]bool, len(g.fns))
	fields := map[*types.Var]bool{}
	fixed := make([]map[string]bool, len(g.fns))
	for i := range g.fns {
		params[i], fixed[i] = map[int]bool{}, map[string]bool{}
	}
	// operationArg returns the argument of a call that names an
	// operation, or -1.
	operationArg := func(site ssa.CallInstruction, callee int) int {
		c := site.Common()
		sym := ""
		if fn := c.StaticCallee(); fn != nil {
			sym = symbol.Of(fn)
		} else {
			sym = symbol.Invoke(c)
		}
		if ref, ok := ops[rules.Normalize(sym)]; ok && sym != "" {
			return ref.Arg
		}
		k := -1
		if callee >= 0 {
			for i := range params[callee] {
				if k < 0 || i < k {
					k = i
				}
			}
		}
		return k
	}
	for changed := true; changed; {
		changed = false
		for i, fn := range g.fns {
			resolve := func(v ssa.Value) {
				changed = g.resolveOperation(fn, v, params[i], fields, fixed[i], map[ssa.Value]bool{}) || changed
			}
			for _, site := range symbol.CallSites(fn) {
				args := sink.Args(site.Common())
				callee := -1
				if f := site.Common().StaticCallee(); f != nil {
					if j, ok := g.id[f]; ok {
						callee = j
					}
				}
				if k := operationArg(site, callee); k >= 0 && k < len(args) {
					resolve(args[k])
				}
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fields[fieldOf(fa.X.Type(), fa.Field)] {
							resolve(st.Val)
						}
					}
				}
			}
		}
	}
	for i := range g.fns {
		if counts(i) {
			for op := range fixed[i] {
				into[i][op] = true
			}
		}
	}
}

// resolveOperation follows a value that names an operation back to where
// it comes from in fn: a constant (fn fixes it), a parameter (fn's callers
// name it), a struct field (whoever stores into that field names it). It
// reports whether it learnt anything new.
func (g *graph) resolveOperation(fn *ssa.Function, v ssa.Value, params map[int]bool, fields map[*types.Var]bool, fixed map[string]bool, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			s := constant.StringVal(x.Value)
			if s != "" && !fixed[s] {
				fixed[s] = true
				return true
			}
		}
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == x && !params[i] {
				params[i] = true
				return true
			}
		}
	case *ssa.ChangeType:
		return g.resolveOperation(fn, x.X, params, fields, fixed, seen)
	case *ssa.Convert:
		return g.resolveOperation(fn, x.X, params, fields, fixed, seen)
	case *ssa.MakeInterface:
		return g.resolveOperation(fn, x.X, params, fields, fixed, seen)
	case *ssa.Phi:
		changed := false
		for _, e := range x.Edges {
			changed = g.resolveOperation(fn, e, params, fields, fixed, seen) || changed
		}
		return changed
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				if f := fieldOf(fa.X.Type(), fa.Field); f != nil && !fields[f] {
					fields[f] = true
					return true
				}
			}
		}
	case *ssa.Field:
		if f := fieldOf(x.X.Type(), x.Field); f != nil && !fields[f] {
			fields[f] = true
			return true
		}
	}
	return false
}

// fieldOf returns field i of the struct that t is or points to, as its
// generic type declares it.
func fieldOf(t types.Type, i int) *types.Var {
	if f := symbol.Field(t, i); f != nil {
		return f.Origin()
	}
	return nil
}

// The classes of a network call, by the operation on its path.
const (
	unclassified = iota
	reads
	writes
	nclasses
)

// group is a (capability, sink) that functions call, and whether an API
// client's own code calls it.
type group struct {
	capability, sink string
	api              bool
}

// hop is the next step of a state's witness: a call of next at site, or
// the sink call itself (next < 0).
type hop struct {
	next int32
	site ssa.CallInstruction
}

// found is what search found: for each group, the witness of each
// (function, class) state that reaches it.
type found struct {
	groups []group
	hops   []map[int32]hop // by group, keyed by state fn*nclasses+class
}

// search goes backwards from every sink call, one group at a time, through
// the functions within says are in the search, breadth first, so that each
// (function, class) gets its shortest witness.
// A state's class is that of its network call's operation: a call made on
// the path of a function that fixes read operations reads, and so on;
// classes only change from unclassified, at the nearest function that
// fixes an operation.
func (g *graph) search(within []bool) *found {
	groups := map[group][]int{}
	for i, hs := range g.direct {
		if !within[i] {
			continue
		}
		for _, h := range hs {
			k := group{capability: h.capability, sink: h.sink, api: g.apis[i]}
			groups[k] = append(groups[k], i)
		}
	}
	out := &found{}
	for k := range groups {
		out.groups = append(out.groups, k)
	}
	sort.Slice(out.groups, func(i, j int) bool {
		a, b := out.groups[i], out.groups[j]
		if a.capability != b.capability {
			return a.capability < b.capability
		}
		if a.sink != b.sink {
			return a.sink < b.sink
		}
		return !a.api && b.api
	})
	for _, k := range out.groups {
		hops := map[int32]hop{}
		var queue []int32
		push := func(state int32, h hop) {
			if _, ok := hops[state]; !ok {
				hops[state] = h
				queue = append(queue, state)
			}
		}
		for _, i := range groups[k] {
			for _, h := range g.direct[i] {
				if h.capability == k.capability && h.sink == k.sink {
					for _, c := range g.classes(i, unclassified, k.capability) {
						push(int32(i*nclasses+c), hop{next: -1, site: h.site})
					}
					break
				}
			}
		}
		for len(queue) > 0 {
			state := queue[0]
			queue = queue[1:]
			fn, class := int(state)/nclasses, int(state)%nclasses
			for _, e := range g.callers[fn] {
				if !within[e.fn] {
					continue
				}
				for _, c := range g.classes(e.fn, class, k.capability) {
					push(int32(e.fn*nclasses+c), hop{next: state, site: e.site})
				}
			}
		}
		out.hops = append(out.hops, hops)
	}
	return out
}

// classes returns the classes of a state of function i that a call of
// class c reaches: c, unless c is unclassified, i's network call is one of
// the operations i fixes.
func (g *graph) classes(i, c int, capability string) []int {
	if c != unclassified || capability != "network" || len(g.fixes[i]) == 0 {
		return []int{c}
	}
	var out []int
	r, w := false, false
	for _, op := range g.fixes[i] {
		if g.cat.Reads(op) {
			r = true
		} else {
			w = true
		}
	}
	if r {
		out = append(out, reads)
	}
	if w {
		out = append(out, writes)
	}
	return out
}

// of returns what the functions reach, the shortest witness of each
// (capability, sink) among them, sorted: what a call of one of them (an
// interface method's implementations) can do. api says whether they are
// an API client's (see capabilityOf).
func (f *found) of(g *graph, fns []*ssa.Function, api bool, pos func(token.Pos) report.Position) []Reach {
	best := map[[2]string]Reach{}
	for gi, k := range f.groups {
		for _, fn := range fns {
			i, ok := g.id[fn]
			if !ok {
				continue
			}
			for c := 0; c < nclasses; c++ {
				state := int32(i*nclasses + c)
				if _, ok := f.hops[gi][state]; !ok {
					continue
				}
				capability, ok := capabilityOf(k, c, api)
				if !ok {
					continue
				}
				r := Reach{Capability: capability, Sink: k.sink, Path: f.path(g, gi, state, pos)}
				key := [2]string{capability, k.sink}
				if prev, ok := best[key]; !ok || len(r.Path) < len(prev.Path) {
					best[key] = r
				}
			}
		}
	}
	out := make([]Reach, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Capability != out[j].Capability {
			return out[i].Capability < out[j].Capability
		}
		return out[i].Sink < out[j].Sink
	})
	return out
}

// path is the witness of a state: one frame per function, at the call it
// makes to the next, the last at the sink call.
func (f *found) path(g *graph, gi int, state int32, pos func(token.Pos) report.Position) []report.Frame {
	var frames []report.Frame
	for {
		h := f.hops[gi][state]
		fn := g.fns[int(state)/nclasses]
		frames = append(frames, report.Frame{Function: fn.String(), Position: pos(h.site.Pos())})
		if h.next < 0 {
			return frames
		}
		state = h.next
	}
}

// capabilityOf is what a summary says of a group reached in a class:
//   - a network call of a known operation is cloud-read or cloud-write;
//   - an API client's traffic that its own code does not make (an OAuth
//     token exchange, a metadata server) is how it authenticates, not an
//     operation: left out;
//   - so are an API client's helper processes: they configure it (a
//     credential helper that a kubeconfig or a credentials file names),
//     and run for every call. (No dependency's environment reads reach a
//     summary at all: see forward.)
func capabilityOf(k group, class int, api bool) (string, bool) {
	switch {
	case k.capability == "network" && class == reads:
		return "cloud-read", true
	case k.capability == "network" && class == writes:
		return "cloud-write", true
	case api && k.capability == "network" && !k.api:
		return "", false
	case api && k.capability == "exec":
		return "", false
	}
	return k.capability, true
}

// funcValue returns the function a value denotes when that is evident: a
// function, a closure, a method value, possibly converted.
func funcValue(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Function:
			return x
		case *ssa.MakeClosure:
			return x.Fn.(*ssa.Function)
		default:
			return nil
		}
	}
}

// staticCalls indexes the static calls of a program's functions, for
// sink.Continues: what the callers of a function pass for a parameter.
type staticCalls struct {
	sites map[*ssa.Function][]ssa.CallInstruction
	// escaped holds the functions used other than by a static call (as a
	// value): their callers are not all known.
	escaped map[*ssa.Function]bool
}

func indexStaticCalls(fns map[*ssa.Function]bool) *staticCalls {
	s := &staticCalls{sites: map[*ssa.Function][]ssa.CallInstruction{}, escaped: map[*ssa.Function]bool{}}
	var ops []*ssa.Value
	for fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				if call, ok := instr.(ssa.CallInstruction); ok {
					if callee := call.Common().StaticCallee(); callee != nil && call.Common().Value == callee {
						s.sites[callee] = append(s.sites[callee], call)
						ops = ops[1:] // the callee itself is no escape
					}
				}
				for _, op := range ops {
					if f, ok := (*op).(*ssa.Function); ok {
						s.escaped[f] = true
					}
				}
			}
		}
	}
	return s
}

// passed returns what every static call of p's function passes for p, or
// nil when its callers are not all known: a method (an interface can call
// it), a closure, a function used as a value, or one never called.
func (s *staticCalls) passed(p *ssa.Parameter) []ssa.Value {
	fn := p.Parent()
	if fn.Signature.Recv() != nil || fn.Parent() != nil || s.escaped[fn] {
		return nil
	}
	i := slices.Index(fn.Params, p)
	var out []ssa.Value
	for _, site := range s.sites[fn] {
		args := site.Common().Args
		if i < 0 || i >= len(args) {
			return nil
		}
		out = append(out, args[i])
	}
	return out
}

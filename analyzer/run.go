package analyzer

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/blastradius/blastradius/analyzer/summary"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

func run(ctx context.Context, cfg Config) (*report.Document, error) {
	cat := cfg.Catalog
	if cat == nil {
		var err error
		if cat, err = rules.Default(); err != nil {
			return nil, err
		}
	}
	phase := func(name string, start time.Time, detail string) {
		if cfg.Phase != nil {
			cfg.Phase(name, time.Since(start), detail)
		}
	}
	warn := func(msg string) {
		if cfg.Warn != nil {
			cfg.Warn(msg)
		}
	}

	start := time.Now()
	l, warnings, err := loadPackages(ctx, cfg, cat)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		warn(w)
	}
	phase("load", start, fmt.Sprintf("%d packages, %d entered (%d of their functions kept, %d unreachable, %d declarations unnamed)",
		l.Count, len(l.Bodies), l.KeptFuncs, l.DroppedFuncs, l.UnnamedDecls))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The standard library is what the go command says it is, not every
	// path without a dot: a module may be called `groundhog`.
	cat = cat.WithStandardLibrary(l.Std).WithModules(l.MainModules)

	start = time.Now()
	prog, created, failed := buildProgram(l)
	notLoaded := l.Broken
	if len(failed) > 0 {
		notLoaded = maps.Clone(l.Broken)
		for p, msg := range failed {
			notLoaded[p.Pkg.Path()] = msg
			warn(msg)
			warnings = append(warnings, msg)
		}
		sort.Strings(warnings)
	}
	scopePkgs, scopeSSA := analysedPackages(l, created, notLoaded)
	all := ssautil.AllFunctions(prog)
	scope := scopeFunctions(all, scopeSSA)
	if libPkgs, libSSA := servingLibraries(l, created, all, scope, cat); len(libPkgs) > 0 {
		scopePkgs = append(scopePkgs, libPkgs...)
		for p := range libSSA {
			scopeSSA[p] = true
		}
		scope = scopeFunctions(all, scopeSSA)
	}
	phase("ssa", start, fmt.Sprintf("%d functions in the module", len(scope)))
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	start = time.Now()
	found := findEntries(prog, cat, scope, scopePkgs)
	entries, w := found.entries, found.warnings
	for _, x := range w {
		warn(x)
	}
	warnings = append(warnings, w...)
	phase("entries", start, fmt.Sprintf("%d tools", len(entries)))

	unanalysed := newUnanalysed(l, cat, notLoaded)
	doc := &report.Document{
		SchemaVersion: report.SchemaVersion,
		Scanner:       report.Scanner{Name: "blastradius", Version: version()},
		Root:          l.ModulePath,
		Dir:           l.ModuleDir,
		Tools:         []report.Tool{},
		Agents:        []report.Agent{},
		Findings:      []report.Finding{},
		Mismatches:    []report.Mismatch{},
		Warnings:      warnings,
		NotAnalysed:   unanalysed.packages(),
	}
	if doc.Warnings == nil {
		doc.Warnings = []string{}
	}
	start = time.Now()
	impls := newImplementers(prog, scopeSSA, l.Std)
	cg, err := buildCallGraph(ctx, all, seeds(entries, scope), cat, impls)
	if err != nil {
		return nil, err
	}
	phase("callgraph", start, fmt.Sprintf("%d nodes", len(cg.Nodes)))

	pos := positioner{fset: prog.Fset, root: l.ModuleDir, modcache: l.ModCache}
	doc.Mismatches = append(doc.Mismatches, mismatches(found.decls, entries, dispatchFrameworks(cat), pos)...)

	start = time.Now()
	rc := newReacher(cat, cg, l.Std)
	rc.impls = impls
	rc.queueRuns = queueRuns(scope)
	module := make(map[*ssa.Function]bool, len(scope))
	for _, fn := range scope {
		module[fn] = true
	}
	handlers := make([]*ssa.Function, len(entries))
	for i, e := range entries {
		handlers[i] = e.handler
	}
	for _, fn := range handlerLibraries(l, created, all, handlers, cat) {
		module[fn] = true
	}
	rc.module = module
	rc.unset = unsetFields(cg, cat, module)
	chk := &checker{cat: cat, rc: rc, pos: pos, module: module, validators: map[*ssa.Function][]validator{}}
	rc.channels = channelWrites(cat, scope, func(v ssa.Value) ([]string, bool) {
		chk.exportedFields = true
		defer func() { chk.exportedFields = false }()
		return chk.constantStrings(v, nil, map[ssa.Value]bool{})
	})
	gf := newGuardFinder(prog, cat, rc, found.middlewares, scopePkgs, pos)
	for _, w := range guardDirectiveWarnings(prog, scopePkgs) {
		warn(w)
	}
	results := make([]*reached, len(entries))
	for i, e := range entries {
		results[i] = rc.reach(e.handler, e.region, e.layers)
	}
	ops := inferOperations(cat, module, l, created, rc, results)
	chk.ops = ops
	phase("reachability", start, fmt.Sprintf("%d tools", len(entries)))
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	start = time.Now()
	tab, st, err := summary.Compute(ctx, l.Program, rc.opaqueCalls(results), summary.Config{
		Catalog:  cat,
		CacheDir: cfg.CacheDir,
		Version:  version(),
		Tags:     cfg.Tags,
		Position: pos.of,
		Warn:     warn,
		Phase: func(name string, d time.Duration, detail string) {
			if cfg.Phase != nil {
				cfg.Phase("summaries/"+name, d, detail)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	rc.summaries = tab
	phase("summaries", start, fmt.Sprintf("%d opaque packages: %d from the cache, %d built; %d functions reach something",
		st.Packages, st.Cached, st.Built, st.Functions))

	start = time.Now()
	ncap := 0
	var earlyGates []*earlyReturn
	for i, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := report.Tool{
			Name:         e.name,
			NameFrom:     e.nameFrom,
			Framework:    e.framework,
			Handler:      e.handler.String(),
			Position:     pos.of(e.handler.Pos()),
			Registration: pos.of(e.registration),
			Inputs:       modelInputs(cat, inputFunc(e), e),
			Capabilities: []report.Capability{},
		}
		if e.position.IsValid() {
			t.Position = pos.of(e.position)
		}
		if e.inputs != nil {
			t.Inputs = e.inputs
		} else if e.region == nil {
			fields := chk.bundleInputNames(e)
			// A bundle whose request fields are named is not an
			// input as a whole.
			t.Inputs = slices.DeleteFunc(t.Inputs, func(in string) bool {
				return slices.ContainsFunc(fields, func(f string) bool { return strings.HasPrefix(f, in+".") })
			})
			t.Inputs = append(t.Inputs, fields...)
		}
		t.Hints = hintsOf(e, pos)
		var early *earlyReturn
		t.GatedBy, early = registrationGate(prog.Fset, rc, e.gates, !e.dispatched, pos)
		earlyGates = append(earlyGates, early)
		res := results[i]
		rc.addSummaries(res)
		chk.addOperations(res, ops)
		t.Incomplete = unanalysed.on(res)
		findings, tainted, flow := chk.modelFlows(e, t, res)
		// The call each capability is shown at, for the findings about
		// its guards.
		shownAt := map[[2]string]token.Pos{}
		for _, h := range res.hits {
			h, chosen := chk.toolChooses(res, h, flow, tainted)
			if h.sink == envField && !chosen && len(tainted[h.site]) == 0 {
				var named bool
				if h, named = chk.modelNamedEnv(res, h, tainted); !named {
					// Variables the code names are part of the
					// command the tool runs, shown where it is made.
					continue
				}
			}
			shownAt[[2]string{h.sink, h.capability}] = h.site.Pos()
			if chk.configuration(e, res, h, chosen, tainted) {
				continue
			}
			args := append([]int{}, tainted[h.site]...)
			guards, missing := chk.guardsOf(gf, e, res, h, flow, args)
			t.Capabilities = append(t.Capabilities, report.Capability{
				Capability: h.capability,
				Sink:       h.sink,
				// For a sink inside an opaque dependency, the call into
				// it: the line of the application to look at.
				Position:      pos.of(h.site.Pos()),
				Path:          witness(h, pos),
				Tainted:       chosen,
				TaintedArgs:   args,
				Guards:        guards,
				MissingGuards: missing,
				Runs:          chk.toolCommandLines(res, h, flow.funcs),
			})
		}
		t.Capabilities = append(t.Capabilities, libraryCapabilities(e, pos)...)
		outside := chk.outsideFlows(e, t, res)
		t.Capabilities = chk.foldReads(e, res, t.Capabilities)
		doc.Findings = append(doc.Findings, findings...)
		doc.Findings = append(doc.Findings, outside...)
		sort.SliceStable(t.Capabilities, func(i, j int) bool {
			a, b := t.Capabilities[i], t.Capabilities[j]
			if a.Capability != b.Capability {
				return a.Capability < b.Capability
			}
			return a.Sink < b.Sink
		})
		t.Score = score(t.Capabilities)
		doc.Findings = append(doc.Findings, chk.guardFindings(t, shownAt, toolPos(e))...)
		ncap += len(t.Capabilities)
		doc.Tools = append(doc.Tools, t)
	}
	dropEarlyGates(doc.Tools, earlyGates, entries)
	doc.Findings = append(doc.Findings, chk.promptFlows(scope)...)
	if len(doc.Tools) == 0 {
		doc.ToolImports = toolImports(scopePkgs)
	}
	for _, t := range doc.Tools {
		if len(t.Incomplete) > 0 {
			w := fmt.Sprintf("tool %s may be incomplete: it reaches code that did not load or type-check: %s", t.Name, strings.Join(t.Incomplete, ", "))
			warn(w)
			doc.Warnings = append(doc.Warnings, w)
		}
	}
	for _, w := range unanalysed.unreached() {
		warn(w)
		doc.Warnings = append(doc.Warnings, w)
	}
	sort.Strings(doc.Warnings)
	doc.Summary = summarize(doc.Tools)
	// Malformed suppressions go to stderr only: the report's warnings
	// mean "some packages did not load".
	for _, w := range applySuppressions(doc, l.ModuleDir) {
		warn(w)
	}
	// The agents are judged on the tools' findings as suppressed, so that
	// a suppressed leg plays no part; then their own findings are.
	ag := agents{found: found, entries: entries, rc: rc, pos: pos, cat: cat}
	var members [][]int
	doc.Agents, members = ag.reportAgents(doc.Tools)
	doc.Findings = append(doc.Findings, ag.findings(doc, members)...)
	applySuppressions(doc, l.ModuleDir)
	phase("capabilities", start, fmt.Sprintf("%d capabilities, %d findings", ncap, len(doc.Findings)))
	return doc, nil
}

// libraryCapabilities are the catalogued capabilities of a library tool:
// its handler runs in a dependency that the scan does not enter, so the
// witness is the handler itself, at the place the application hands the
// tool over.
func libraryCapabilities(e entry, pos positioner) []report.Capability {
	var out []report.Capability
	for _, c := range e.libCaps {
		out = append(out, report.Capability{
			Capability:    c,
			Sink:          e.handler.String(),
			Position:      pos.of(e.registration),
			Path:          []report.Frame{{Function: e.handler.String(), Position: pos.of(e.registration)}},
			TaintedArgs:   []int{},
			Guards:        []report.Guard{},
			MissingGuards: []string{},
		})
	}
	return out
}

// toolPos is where a tool is shown: its dispatch case, or its handler.
func toolPos(e entry) token.Pos {
	if e.position.IsValid() {
		return e.position
	}
	return e.handler.Pos()
}

// dispatchFrameworks are the frameworks whose tools are dispatched by hand.
func dispatchFrameworks(cat *rules.Catalog) map[string]bool {
	out := map[string]bool{}
	for _, d := range cat.Dispatch {
		out[d.Framework] = true
	}
	return out
}

// witness turns a hit's chain of steps into frames from the handler to the
// function that calls the sink: for a sink reached inside an opaque
// dependency, on through the dependency's summary to its own sink call.
func witness(h hit, pos positioner) []report.Frame {
	var frames []report.Frame
	var call ssa.Instruction = h.site
	for s := h.at; s != nil; s = s.prev {
		frames = append(frames, report.Frame{Function: s.fn.String(), Position: pos.of(call.Pos())})
		call = s.point()
	}
	for i, j := 0, len(frames)-1; i < j; i, j = i+1, j-1 {
		frames[i], frames[j] = frames[j], frames[i]
	}
	return append(frames, h.tail...)
}

// analysedPackages returns the packages whose code is the application's:
// those of the main module (or the loaded roots outside a module) that
// type-checked.
func analysedPackages(l *loaded, created map[*packages.Package]*ssa.Package, notLoaded map[string]string) ([]*packages.Package, map[*ssa.Package]bool) {
	var pkgs []*packages.Package
	ssaPkgs := map[*ssa.Package]bool{}
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		if _, broken := notLoaded[p.PkgPath]; !l.inModule(p) || broken || created[p] == nil {
			return
		}
		pkgs = append(pkgs, p)
		ssaPkgs[created[p]] = true
	})
	return pkgs, ssaPkgs
}

// scopeFunctions lists the functions of the analysed packages among all
// (the program's, ssautil.AllFunctions), anonymous functions and generic
// instances included, sorted for determinism.
func scopeFunctions(all map[*ssa.Function]bool, pkgs map[*ssa.Package]bool) []*ssa.Function {
	var out []*ssa.Function
	for fn := range all {
		if p := ownerPackage(fn); p != nil && pkgs[p] && len(fn.Blocks) > 0 {
			out = append(out, fn)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pos() != out[j].Pos() {
			return out[i].Pos() < out[j].Pos()
		}
		return out[i].String() < out[j].String()
	})
	return out
}

// seeds are where the call graph starts: every handler and wrapper, the
// program's main and init functions, and the functions that register tools
// (the registration call, the helpers and tables a tool came through), so
// that VTA sees where the values a handler uses are constructed. A module
// without a main package (a library of tools) also seeds its exported
// functions.
func seeds(entries []entry, scope []*ssa.Function) []*ssa.Function {
	set := map[*ssa.Function]bool{}
	for _, e := range entries {
		set[e.handler] = true
		for _, l := range e.layers {
			set[l.Fn] = true
		}
		for _, g := range e.gates {
			set[g.Parent()] = true
		}
	}
	hasMain := false
	for _, fn := range scope {
		if fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main" {
			hasMain = true
		}
	}
	for _, fn := range scope {
		isInit := fn.Parent() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
		isMain := fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main"
		exported := !hasMain && fn.Parent() == nil && fn.Object() != nil && fn.Object().Exported()
		if isInit || isMain || exported {
			set[fn] = true
		}
	}
	out := make([]*ssa.Function, 0, len(set))
	for fn := range set {
		out = append(out, fn)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// modelInputs names the handler's parameters that carry model-controlled
// data: all but the receiver, those the SDK gives (a context, call options:
// sdkGiven) and those the dispatch
// gives the server's own values (e.serverArgs).
func modelInputs(cat *rules.Catalog, fn *ssa.Function, e entry) []string {
	out := []string{}
	sig := fn.Signature
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if sdkGiven(cat, p.Type()) || (fn == e.handler && e.serverArgs[i]) {
			continue
		}
		name := p.Name()
		if name == "" || name == "_" {
			if len(fn.Blocks) > 0 {
				// A parameter without a name: the body cannot read
				// it (a handler that ignores the request).
				continue
			}
			name = fmt.Sprintf("#%d %s", i, types.TypeString(p.Type(), types.RelativeTo(nil)))
		}
		out = append(out, name)
	}
	return out
}

// positioner turns token positions into module-relative report positions.
type positioner struct {
	fset     *token.FileSet
	root     string
	modcache string // GOMODCACHE
}

func (p positioner) of(pos token.Pos) report.Position {
	if !pos.IsValid() {
		return report.Position{}
	}
	q := p.fset.Position(pos)
	return report.Position{File: relFile(p.root, p.modcache, q.Filename), Line: q.Line, Column: q.Column}
}

// relFile makes a file name relative to the module root with '/'. A file in
// the module cache (wherever GOMODCACHE is) is written module@version/path,
// and any other file outside the module keeps its absolute name.
func relFile(root, modcache, file string) string {
	if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	if modcache != "" {
		if rel, err := filepath.Rel(modcache, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// version is the scanner's version from its build info.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// unanalysed knows the code that was not analysed: packages that did not
// load or whose SSA failed, and functions whose bodies the loader dropped
// because they use declarations that did not type-check.
type unanalysed struct {
	cat       *rules.Catalog
	notLoaded map[string]string
	module    map[string]bool
	stripped  map[token.Pos]bool
	// own names the module's own stripped functions, by package; reached
	// are the stripped functions some tool's search reached.
	own     map[string]map[token.Pos]string
	reached map[token.Pos]bool
}

func newUnanalysed(l *loaded, cat *rules.Catalog, notLoaded map[string]string) *unanalysed {
	u := &unanalysed{cat: cat, notLoaded: notLoaded, module: map[string]bool{}, stripped: map[token.Pos]bool{},
		own: map[string]map[token.Pos]string{}, reached: map[token.Pos]bool{}}
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		if l.inModule(p) {
			u.module[p.PkgPath] = true
			if ps := l.Stripped[p.PkgPath]; len(ps) > 0 && p.Types != nil {
				u.own[p.PkgPath] = funcNames(p.Types, ps)
			}
		}
	})
	for _, ps := range l.Stripped {
		for _, p := range ps {
			u.stripped[p] = true
		}
	}
	return u
}

// funcNames names the functions and methods of pkg declared at the given
// positions (of their names).
func funcNames(pkg *types.Package, at []token.Pos) map[token.Pos]string {
	want := map[token.Pos]bool{}
	for _, p := range at {
		want[p] = true
	}
	out := map[token.Pos]string{}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if want[obj.Pos()] {
				out[obj.Pos()] = obj.Name()
			}
		case *types.TypeName:
			if named, ok := obj.Type().(*types.Named); ok {
				for i := 0; i < named.NumMethods(); i++ {
					if m := named.Method(i); want[m.Pos()] {
						out[m.Pos()] = name + "." + m.Name()
					}
				}
			}
		}
	}
	return out
}

// unreached returns a warning for each of the module's packages with
// functions that lost their bodies and that no tool reached: the tools
// they register, and what they do, are not seen.
func (u *unanalysed) unreached() []string {
	var out []string
	for pkg, names := range u.own {
		var list []string
		for pos, name := range names {
			if !u.reached[pos] {
				list = append(list, name)
			}
		}
		if len(list) == 0 {
			continue
		}
		sort.Strings(list)
		out = append(out, fmt.Sprintf("package %s: not analysed, for using declarations that did not type-check (tools they register are not seen): %s",
			pkg, strings.Join(list, ", ")))
	}
	sort.Strings(out)
	return out
}

// packages lists the packages not analysed, for the report.
func (u *unanalysed) packages() []report.NotAnalysed {
	out := []report.NotAnalysed{}
	for p, msg := range u.notLoaded {
		out = append(out, report.NotAnalysed{Package: p, Error: msg, Module: u.module[p]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return out
}

// on returns the unanalysed code that a tool's search reached, sorted: the
// packages that did not load, and the functions that lost their bodies to
// declarations that did not type-check.
func (u *unanalysed) on(res *reached) []string {
	set := map[string]bool{}
	for _, fn := range res.order {
		if len(fn.Blocks) > 0 || isOpaque(u.cat, fn) {
			continue
		}
		p := symbol.Package(fn)
		if _, broken := u.notLoaded[p]; broken {
			set[p] = true
		} else if u.stripped[fn.Pos()] {
			set[fn.String()] = true
			u.reached[fn.Pos()] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

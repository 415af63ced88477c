package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/discovery"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// This file answers "what happens when it goes wrong?": for each capability
// of a tool, which mitigations protect the sink call, and which are
// missing.
//
// A guard protects a sink when it dominates it: on the witness path from
// the handler, in some frame, the guard's call (or the check) comes before
// the call that leads to the sink on every path through that function. A
// guard in a branch that can be skipped, or after the sink, is reported
// with a note and does not count.
//
// The kinds (rules.GuardKinds):
//   - confirmation: a catalogued or declared approval call (MCP
//     elicitation), or a function of the application's that waits for
//     someone's yes or no (approvals.go);
//   - limit: for a payment with a model-chosen amount, a comparison of the
//     amount with a fixed bound;
//   - ratelimit: a limiter or circuit breaker (x/time/rate, gobreaker), on
//     the path or in middleware around every tool;
//   - sandbox: for exec, a check of the command against constants or an
//     allowlist, or a SysProcAttr on the command that confines the process
//     (a chroot, a user other than root, new user, pid or network
//     namespaces); for files, os.Root or a checked prefix;
//   - audit-log: a log call whose arguments carry the tool's input, or a
//     log call in middleware around every tool.

// guardDirective declares a user function as a guard:
// //blastradius:guard KIND in its doc comment.
const guardDirective = "//blastradius:guard"

// requiredGuards are the guards each capability should have. limit and
// sandbox are only required when the model chooses the sensitive argument.
var requiredGuards = map[string][]string{
	"exec":     {"confirmation", "sandbox", "ratelimit", "audit-log"},
	"payment":  {"confirmation", "limit", "ratelimit", "audit-log"},
	"db-write": {"confirmation", "ratelimit", "audit-log"},
	"fs-write": {"confirmation", "sandbox", "ratelimit", "audit-log"},
	"email":    {"confirmation", "ratelimit", "audit-log"},
	"network":  {"audit-log"},
	"db-read":  {"audit-log"},
	"fs-read":  {"sandbox", "audit-log"},
	"env":      {"audit-log"},
	// Changing cloud resources (a Kubernetes deployment, an S3 object, a
	// GitHub repository) is a write like any other.
	"cloud-write": {"confirmation", "ratelimit", "audit-log"},
	"cloud-read":  {"audit-log"},
}

// highImpact are the capabilities that act on the world (the report's
// table of impacts weighs them).
func highImpact(capability string) bool { return report.HighImpact(capability) }

// guardFinder finds guards. It is built once per scan.
type guardFinder struct {
	cat *rules.Catalog
	rc  *reacher
	// declared maps user functions carrying //blastradius:guard, and
	// the approvals inferred from their shape (approvals.go), to kinds.
	declared map[*ssa.Function]string
	// middleware maps a server (the value a registration's receiver
	// comes from) to the guards of the middleware that wraps its tools.
	middleware map[ssa.Value][]report.Guard
	// summaries memoizes the guard kinds a function's body calls.
	summaries map[*ssa.Function]map[string]bool
	// flowFree memoises, across tools, the guard kinds of bodies whose
	// answer does not depend on the tool's flow (see bodyKindsUnder).
	flowFree map[depthKey]map[string]bool
	pos      positioner
}

func newGuardFinder(prog *ssa.Program, cat *rules.Catalog, rc *reacher, mws []discovery.Middleware, pkgs []*packages.Package, pos positioner) *guardFinder {
	declared := inferredApprovals(declaredFuncs(prog, pkgs))
	for fn, kind := range declaredGuards(prog, pkgs) {
		declared[fn] = kind
	}
	g := &guardFinder{cat: cat, rc: rc, declared: declared,
		middleware: map[ssa.Value][]report.Guard{}, summaries: map[*ssa.Function]map[string]bool{},
		flowFree: map[depthKey]map[string]bool{}, pos: pos}
	for _, m := range mws {
		for _, h := range m.Funcs {
			for _, kind := range sortedKinds(g.bodyKinds(h, nil, 0)) {
				for _, srv := range m.Servers {
					g.middleware[srv] = append(g.middleware[srv], report.Guard{
						Kind: kind, Symbol: h.String(), Position: pos.of(m.Site.Pos()), Dominates: true,
						Note: "in middleware that wraps every tool",
					})
				}
			}
		}
	}
	return g
}

// declaredGuards finds functions whose doc comment says
// //blastradius:guard KIND.
func declaredGuards(prog *ssa.Program, pkgs []*packages.Package) map[*ssa.Function]string {
	out := map[*ssa.Function]string{}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Doc == nil {
					continue
				}
				for _, c := range fd.Doc.List {
					rest, ok := strings.CutPrefix(c.Text, guardDirective)
					if !ok {
						continue
					}
					fields := strings.Fields(rest)
					if len(fields) == 0 {
						continue
					}
					if fn := funcOfDecl(prog, p, fd); fn != nil {
						out[fn] = fields[0]
					}
				}
			}
		}
	}
	return out
}

// declaredFuncs returns the functions and methods the packages declare.
func declaredFuncs(prog *ssa.Program, pkgs []*packages.Package) []*ssa.Function {
	var out []*ssa.Function
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					out = append(out, funcOfDecl(prog, p, fd))
				}
			}
		}
	}
	return out
}

// directiveWarnings reports malformed guard directives.
func guardDirectiveWarnings(prog *ssa.Program, pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					rest, ok := strings.CutPrefix(c.Text, guardDirective)
					if !ok {
						continue
					}
					fields := strings.Fields(rest)
					if len(fields) == 0 || !validGuardKind(fields[0]) {
						out = append(out, fmt.Sprintf("%s: %s wants one of %s", prog.Fset.Position(c.Pos()),
							guardDirective, strings.Join(rules.GuardKinds, ", ")))
					}
				}
			}
		}
	}
	return out
}

func validGuardKind(k string) bool {
	for _, g := range rules.GuardKinds {
		if g == k {
			return true
		}
	}
	return false
}

func funcOfDecl(prog *ssa.Program, p *packages.Package, fd *ast.FuncDecl) *ssa.Function {
	if p.TypesInfo == nil {
		return nil
	}
	if f, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
		return prog.FuncValue(f)
	}
	return nil
}

// kindsAt returns the guard kinds a call site is: a catalogued guard, a
// declared guard, or an analysed function whose body calls guards.
func (g *guardFinder) kindsAt(site ssa.CallInstruction, f *flow) map[string]bool {
	out := map[string]bool{}
	for _, sym := range siteSymbols(g.rc, site) {
		if gd, ok := g.cat.Guards[rules.Normalize(sym)]; ok {
			if gd.Kind != "audit-log" || f == nil || anyArgTainted(site, f) {
				out[gd.Kind] = true
			}
		}
	}
	for _, callee := range staticOrGraphCallees(g.rc, site) {
		if k, ok := g.declared[callee]; ok {
			out[k] = true
		}
		if !isOpaque(g.cat, callee) {
			for k := range g.bodyKinds(callee, f, 0) {
				out[k] = true
			}
		}
	}
	return out
}

// directKinds returns the guard kinds a call site is by itself: a
// catalogued guard or a declared one, not a function whose body calls one.
func (g *guardFinder) directKinds(site ssa.CallInstruction) map[string]bool {
	out := map[string]bool{}
	for _, sym := range siteSymbols(g.rc, site) {
		if gd, ok := g.cat.Guards[rules.Normalize(sym)]; ok {
			out[gd.Kind] = true
		}
	}
	for _, callee := range staticOrGraphCallees(g.rc, site) {
		if k, ok := g.declared[callee]; ok {
			out[k] = true
		}
	}
	return out
}

// bodyKinds summarizes the guard kinds a function calls, its closures
// included, a few calls deep. Under a flow, an audit log counts only when it
// records a tainted value.
func (g *guardFinder) bodyKinds(fn *ssa.Function, f *flow, depth int) map[string]bool {
	kinds, _ := g.bodyKindsUnder(fn, f, depth)
	return kinds
}

// memoiseFlowFree switches the memo of flow-free bodies on; a test
// switches it off to check that the memo changes no report.
var memoiseFlowFree = true

// depthKey memoises a body's guard kinds at one depth of the search.
type depthKey struct {
	fn    *ssa.Function
	depth int
}

// bodyKindsUnder is bodyKinds, and whether the answer depends on the flow:
// it does when the search met the flow's own functions or an audit-log call
// (whose count depends on taint). Every tool's flow is different, but most
// of what a guard search walks is dependency code that depends on neither,
// so those answers are memoised across tools (the same client-go bodies
// were walked again for each Kubernetes tool).
func (g *guardFinder) bodyKindsUnder(fn *ssa.Function, f *flow, depth int) (map[string]bool, bool) {
	if f == nil {
		if s, ok := g.summaries[fn]; ok {
			return s, false
		}
	} else if s, ok := g.flowFree[depthKey{fn, depth}]; ok && memoiseFlowFree {
		return s, false
	}
	out := map[string]bool{}
	if depth > 4 {
		return out, false
	}
	if f == nil {
		g.summaries[fn] = out // breaks recursion
	}
	dependent := false
	var visit func(*ssa.Function)
	visit = func(x *ssa.Function) {
		dependent = dependent || (f != nil && f.funcs[x])
		for _, site := range symbol.CallSites(x) {
			for _, sym := range siteSymbols(g.rc, site) {
				if gd, ok := g.cat.Guards[rules.Normalize(sym)]; ok {
					switch {
					case gd.Kind == "audit-log" && !runsOnEverySuccess(site.Block()):
						// a log on a failure or a side branch records no call
					case gd.Kind == "ratelimit" && optionalReceiver(site):
						// `if c.limiter != nil { c.limiter.Wait(ctx) }`:
						// a client that limits only when configured to
					case gd.Kind != "audit-log" || f == nil:
						out[gd.Kind] = true
					case anyArgTainted(site, f):
						out[gd.Kind] = true
						dependent = true
					default:
						dependent = true
					}
				}
			}
			for _, callee := range staticOrGraphCallees(g.rc, site) {
				if k, ok := g.declared[callee]; ok {
					out[k] = true
				} else if !isOpaque(g.cat, callee) && callee != fn {
					kinds, dep := g.bodyKindsUnder(callee, f, depth+1)
					dependent = dependent || dep
					for k := range kinds {
						if k != "audit-log" || runsOnEverySuccess(site.Block()) {
							out[k] = true
						}
					}
				}
			}
		}
		for _, anon := range x.AnonFuncs {
			visit(anon)
		}
	}
	visit(fn)
	if f != nil && !dependent {
		g.flowFree[depthKey{fn, depth}] = out
	}
	return out, dependent
}

func staticOrGraphCallees(rc *reacher, site ssa.CallInstruction) []*ssa.Function {
	if callee := site.Common().StaticCallee(); callee != nil {
		return []*ssa.Function{callee}
	}
	return rc.graphCallees(site)
}

func anyArgTainted(site ssa.CallInstruction, f *flow) bool {
	for _, a := range callArgs(site.Common()) {
		if o := f.deep(a); o != nil && o.mask != 0 {
			return true
		}
	}
	return false
}

func sortedKinds(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// frame is one function on a witness path and the call in it that leads
// on (or the sink call itself).
type pathPoint struct {
	fn    *ssa.Function
	point ssa.Instruction
}

// pathPoints lists the witness path of a call, from the sink's function up
// to the handler.
func pathPoints(res *reached, site ssa.CallInstruction) []pathPoint {
	var out []pathPoint
	var point ssa.Instruction = site
	for s := res.steps[site.Parent()]; s != nil; s = s.prev {
		out = append(out, pathPoint{s.fn, point})
		if s.site == nil {
			break
		}
		point = s.point()
	}
	return out
}

// dominatesInstr reports whether a runs before b on every path: a's block
// dominates b's, and within one block a comes first.
func dominatesInstr(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	return comesFirst(a, b)
}

// comesFirst reports whether a comes before b in their one block.
func comesFirst(a, b ssa.Instruction) bool {
	for _, in := range a.Block().Instrs {
		if in == a {
			return true
		}
		if in == b {
			return false
		}
	}
	return false
}

// guardsOf evaluates the guards of one capability.
func (c *checker) guardsOf(g *guardFinder, e entry, res *reached, h hit, f *flow, taintedArgs []int) ([]report.Guard, []string) {
	// Only the sensitive arguments decide whether the model chooses the
	// action: a model-written file body, or a file name that went through
	// filepath.Base, does not call for a sandbox.
	sens := c.rootChoice(h)
	if len(sens) == 0 {
		sens = c.sensitiveOf(c.decidingSymbol(h), h.capability)
	}
	tainted, confined := c.splitConfined(f, res, h.site, c.chosenArgs(h, f, taintedArgs, sens), sens)
	var guards []report.Guard
	have := map[string]bool{}
	add := func(gd report.Guard) {
		guards = append(guards, gd)
		if gd.Dominates {
			have[gd.Kind] = true
		}
	}
	for _, pp := range pathPoints(res, h.site) {
		for _, site := range symbol.CallSites(pp.fn) {
			if ssa.Instruction(site) == pp.point {
				// The call on the path may itself be the guard (a circuit
				// breaker's Execute running the sink in its callback).
				for k := range g.directKinds(site) {
					if k == "ratelimit" || k == "confirmation" {
						add(report.Guard{Kind: k, Symbol: siteSymbols(c.rc, site)[0], Position: c.pos.of(site.Pos()), Dominates: true,
							Note: "the sink runs inside it"})
					}
				}
				continue
			}
			if pp.fn == e.handler && e.region != nil && !e.region[site.Block()] && !site.Block().Dominates(pp.point.Block()) {
				continue // another case of the dispatch
			}
			for k := range g.kindsAt(site, f) {
				gd := report.Guard{Kind: k, Symbol: guardSymbol(c.rc, site), Position: c.pos.of(site.Pos())}
				switch {
				case dominatesInstr(site, pp.point):
					gd.Dominates = true
				case dominatesInstr(pp.point, site):
					gd.Note = "after the sink"
				default:
					gd.Note = "in a branch that can be skipped"
				}
				add(gd)
			}
		}
	}
	for _, srv := range e.servers {
		for _, gd := range g.middleware[srv] {
			add(gd)
		}
	}
	for _, l := range e.layers {
		for _, gd := range g.layerGuards(l) {
			add(gd)
		}
	}
	args := callArgs(h.site.Common())
	switch h.capability {
	case "payment":
		for _, i := range tainted {
			if ok, at := c.limitAt(f, res, h.site, args[i]); ok {
				add(report.Guard{Kind: "limit", Symbol: "comparison", Position: c.pos.of(at), Dominates: true,
					Note: "the model-chosen value is compared with a fixed bound"})
				break
			}
		}
	case "exec":
		if at, what := sysProcConfinement(h.site); at.IsValid() {
			add(report.Guard{Kind: "sandbox", Symbol: "SysProcAttr", Position: c.pos.of(at), Dominates: true,
				Note: "the process runs " + what})
		}
	case "fs-read", "fs-write":
		if strings.HasPrefix(h.sink, "(*os.Root)") {
			add(report.Guard{Kind: "sandbox", Symbol: "os.Root", Position: c.pos.of(h.site.Pos()), Dominates: true,
				Note: "file access is confined to a root"})
		}
	}
	// A model-chosen value that reaches the call only through a check
	// that confines it: the call is not the model's choice (no BR10x, not
	// tainted), and the check is shown.
	for _, ca := range confined {
		add(report.Guard{Kind: "allowlist", Symbol: ca.chk.what, Position: c.pos.of(ca.chk.pos), Dominates: true,
			Note: c.confinementNote(ca)})
	}
	var missing []string
	for _, k := range requiredGuards[h.capability] {
		if have[k] {
			continue
		}
		if (k == "limit" || (k == "sandbox" && h.capability != "exec")) && len(tainted) == 0 {
			continue // only required when the model chooses the value
		}
		if k == "sandbox" && h.capability == "exec" && (len(tainted) == 0 || c.argumentsOnly(h.site, tainted, f.funcs)) {
			continue // the model does not choose what runs
		}
		missing = append(missing, k)
	}
	sort.SliceStable(guards, func(i, j int) bool {
		a, b := guards[i], guards[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Position.File != b.Position.File {
			return a.Position.File < b.Position.File
		}
		return a.Position.Line < b.Position.Line
	})
	return dedupGuards(guards), missing
}

func dedupGuards(gs []report.Guard) []report.Guard {
	out := []report.Guard{}
	for i, g := range gs {
		if i > 0 && gs[i-1] == g {
			continue
		}
		out = append(out, g)
	}
	return out
}

// layerGuards returns the guards of a wrapper around a tool's handler (see
// discovery.Layer): its calls before the calls of the next layer dominate
// every sink of the tool; those after them, or on a branch that can skip
// them, are listed as not counted.
func (g *guardFinder) layerGuards(l discovery.Layer) []report.Guard {
	var next []ssa.CallInstruction
	for site := range l.Next {
		next = append(next, site)
	}
	sort.Slice(next, func(i, j int) bool { return next[i].Pos() < next[j].Pos() })
	return g.guardsAround(l.Fn, next)
}

// guardsAround returns the guards of wrapper w relative to its calls of
// the wrapped function: those before every such call dominate the tool's
// sinks.
func (g *guardFinder) guardsAround(w *ssa.Function, nexts []ssa.CallInstruction) []report.Guard {
	if len(nexts) == 0 {
		return nil
	}
	isNext := map[ssa.CallInstruction]bool{}
	for _, n := range nexts {
		isNext[n] = true
	}
	var out []report.Guard
	for _, site := range symbol.CallSites(w) {
		if isNext[site] {
			continue
		}
		for _, k := range sortedKinds(g.kindsAt(site, nil)) {
			gd := report.Guard{Kind: k, Symbol: guardSymbol(g.rc, site), Position: g.pos.of(site.Pos()),
				Note: "in a wrapper around the handler"}
			before, after := true, false
			for _, next := range nexts {
				before = before && dominatesInstr(site, next)
				after = after || dominatesInstr(next, site)
			}
			switch {
			case before:
				gd.Dominates = true
			case after:
				gd.Note = "in a wrapper around the handler, after it"
			default:
				gd.Note = "in a wrapper around the handler, in a branch that can be skipped"
			}
			out = append(out, gd)
		}
	}
	return out
}

func guardSymbol(rc *reacher, site ssa.CallInstruction) string {
	if syms := siteSymbols(rc, site); len(syms) > 0 {
		return syms[0]
	}
	return ""
}

// confiningNamespaces are the Linux namespaces that take something away
// from the process started in them, with the clone flag of each (values of
// the Linux ABI: the syscall package defines them only when built for
// Linux). The UTS, IPC, cgroup and time namespaces, and a mount namespace
// alone (the process still sees the same files), take nothing that matters
// away from a model-chosen command.
var confiningNamespaces = []struct {
	flag uint64
	name string
}{
	{0x10000000, "user"},    // CLONE_NEWUSER: no privileges on the host
	{0x20000000, "pid"},     // CLONE_NEWPID: no sight of other processes
	{0x40000000, "network"}, // CLONE_NEWNET: no access to the host's network
}

// maxAttrDepth bounds how far a SysProcAttr or Credential value is traced
// back through the functions that build it.
const maxAttrDepth = 3

// sysProcConfinement finds, on the command a sink call created, the
// settings of cmd.SysProcAttr that confine the process it starts, and says
// what they are: a chroot, credentials other than root's, or new user, pid
// or network namespaces. The value may be a literal assigned to the field
// (cmd.SysProcAttr = &syscall.SysProcAttr{...}, or the result of a function
// of the module that builds one), or a field set afterwards
// (cmd.SysProcAttr.Chroot = dir). Setpgid, Setsid, Pdeathsig, Noctty,
// Foreground and the like only manage the process's lifetime and terminal:
// they are not counted, nor are values the code does not show (clone flags
// that are not constants, a SysProcAttr from elsewhere).
func sysProcConfinement(site ssa.CallInstruction) (token.Pos, string) {
	v := callValue(site)
	if v == nil {
		return token.NoPos, ""
	}
	for _, ref := range *v.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fieldName(fa.X.Type(), fa.Field) != "SysProcAttr" {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			switch x := r2.(type) {
			case *ssa.Store:
				if x.Addr != fa {
					continue
				}
				var what []string
				for _, obj := range allocsOf(x.Val, 0) {
					what = append(what, confiningFields(obj)...)
				}
				if len(what) > 0 {
					return x.Pos(), strings.Join(sortedUnique(what), ", ")
				}
			case *ssa.UnOp:
				// cmd.SysProcAttr.Chroot = dir: a field stored through a
				// load of cmd.SysProcAttr.
				if x.Op != token.MUL {
					continue
				}
				for _, r3 := range *x.Referrers() {
					fa2, ok := r3.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					for _, st := range storesTo(fa2) {
						if what := confiningField(fieldName(fa2.X.Type(), fa2.Field), st.Val); what != "" {
							return st.Pos(), what
						}
					}
				}
			}
		}
	}
	return token.NoPos, ""
}

// confiningFields lists what the stores into the fields of a SysProcAttr
// allocation confine.
func confiningFields(obj *ssa.Alloc) []string {
	var out []string
	for _, ref := range *obj.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, st := range storesTo(fa) {
			if what := confiningField(fieldName(fa.X.Type(), fa.Field), st.Val); what != "" {
				out = append(out, what)
			}
		}
	}
	return out
}

// confiningField says what storing v into the SysProcAttr field named
// field confines, or "".
func confiningField(field string, v ssa.Value) string {
	switch field {
	case "Chroot":
		if s, ok := constString(v); ok && s == "" {
			return ""
		}
		return "in a chroot"
	case "Credential":
		// Credentials drop privileges when the user is neither root (an
		// unset Uid is 0) nor the server's own.
		for _, cred := range allocsOf(v, 0) {
			for _, ref := range *cred.Referrers() {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok || fieldName(fa.X.Type(), fa.Field) != "Uid" {
					continue
				}
				for _, st := range storesTo(fa) {
					if n, ok := constUint(st.Val); (!ok || n != 0) && !isOwnUID(st.Val) {
						return "as a user other than root"
					}
				}
			}
		}
	case "Cloneflags", "Unshareflags":
		n, ok := constUint(v)
		if !ok {
			return ""
		}
		var names []string
		for _, ns := range confiningNamespaces {
			if n&ns.flag != 0 {
				names = append(names, ns.name)
			}
		}
		switch len(names) {
		case 0:
		case 1:
			return "in a new " + names[0] + " namespace"
		default:
			return "in new " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " namespaces"
		}
	}
	return ""
}

// isOwnUID reports whether v is the server's own user ID
// (uint32(os.Getuid())): credentials that change nothing.
func isOwnUID(v ssa.Value) bool {
	for {
		conv, ok := v.(*ssa.Convert)
		if !ok {
			break
		}
		v = conv.X
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil {
		return false
	}
	switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
	case "os.Getuid", "os.Geteuid", "syscall.Getuid", "syscall.Geteuid":
		return true
	}
	return false
}

// allocsOf traces a pointer to the allocations it can be: a composite
// literal, or what the module's functions that build it return.
func allocsOf(v ssa.Value, depth int) []*ssa.Alloc {
	if depth > maxAttrDepth {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Alloc:
		return []*ssa.Alloc{x}
	case *ssa.Phi:
		var out []*ssa.Alloc
		for _, e := range x.Edges {
			out = append(out, allocsOf(e, depth+1)...)
		}
		return out
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || callee.Blocks == nil {
			return nil
		}
		var out []*ssa.Alloc
		for _, ret := range returnsOf(callee) {
			if len(ret.Results) > 0 {
				out = append(out, allocsOf(ret.Results[0], depth+1)...)
			}
		}
		return out
	}
	return nil
}

// storesTo lists the stores into an address.
func storesTo(addr ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, ref := range *addr.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st)
		}
	}
	return out
}

// constUint is the value of an integer constant.
func constUint(v ssa.Value) (uint64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil {
		return 0, false
	}
	n, ok := constant.Uint64Val(constant.ToInt(k.Value))
	return n, ok
}

func sortedUnique(ss []string) []string {
	sort.Strings(ss)
	return slices.Compact(ss)
}

// gate returns the condition a registration depends on, if the call is
// only made on one branch of an if: "if cfg.EnableShell {" (main.go:40).
// registrationGate is the condition a tool is registered under: the one
// nearest to a gate instruction of its registration, or, when none is,
// to the one call of the function the instruction is in, up the callers
// while each function has a single one (a tool's attach method called
// under `if !cfg.ReadOnly`), when climb is set: a dispatched tool's lookup
// is called under conditions that choose a tool for a call, not ones that
// register it. early is set for a condition whose other way returns
// (`if *version { print; return }`), for dropEarlyGates.
func registrationGate(fset *token.FileSet, rc *reacher, gates []ssa.Instruction, climb bool, pos positioner) (*report.Gate, *earlyReturn) {
	for _, call := range gates {
		seen := map[ssa.Instruction]bool{}
		for instr, depth := call, 0; instr != nil && depth < maxGateDepth && !seen[instr]; depth++ {
			seen[instr] = true
			if cond, at, early := gate(fset, instr, depth > 0); cond != "" {
				return &report.Gate{Condition: cond, Position: pos.of(at)}, early
			}
			if !climb {
				break
			}
			instr = rc.onlyCaller(instr.Parent())
		}
	}
	return nil, nil
}

// earlyReturn is a condition whose other way returns without joining the
// way to the registration: the if, and the block the other way starts at.
type earlyReturn struct {
	iff   *ssa.If
	other *ssa.BasicBlock
}

// dropEarlyGates clears the gates whose condition's other way returns
// with no tool registered before the condition or on that way: it decides
// whether the program serves at all (a version flag that prints and
// stops), not which tools it offers. After a registration (`s.AddTool(read);
// if cfg.ReadOnly { return }; s.AddTool(write)`), or with another on the
// other way (`if writes { register(full); return }; register(readOnly)`),
// it chooses tools.
func dropEarlyGates(tools []report.Tool, early []*earlyReturn, entries []entry) {
	var regs []ssa.Instruction
	for _, e := range entries {
		regs = append(regs, e.gates...)
	}
	for i := range tools {
		er := early[i]
		if tools[i].GatedBy == nil || er == nil {
			continue
		}
		// A condition that names the tool (`if c.IsToolDisabled("facets")
		// { return }` before registering facets) switches that tool off.
		chooses := mentionsString(er.iff.Cond, tools[i].Name, 0)
		otherWay := reachable(er.other)
		for _, r := range regs {
			if r.Parent() == er.iff.Parent() && (otherWay[r.Block()] || precedes(r, er.iff)) {
				chooses = true
				break
			}
		}
		if !chooses {
			tools[i].GatedBy = nil
		}
	}
}

// mentionsString reports whether the constant s is an operand of v's
// computation, a few steps deep: an argument of a call, a compared value,
// a map's key.
func mentionsString(v ssa.Value, s string, depth int) bool {
	if k, ok := constString(v); ok {
		return s != "" && k == s
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || depth > 3 {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && mentionsString(*op, s, depth+1) {
			return true
		}
	}
	return false
}

// precedes reports whether instruction a can run before b in their
// function.
func precedes(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return reaches(a.Block(), b.Block())
	}
	return comesFirst(a, b)
}

// gate is the condition nearest to site that decides whether it runs, and
// whether its other way returns early (`if *version { print; return }`).
// One whose other way fails (returns an error, panics, exits) refuses bad
// input and decides nothing.
//
// In a caller of the registering function (climbed), a case of a string
// parameter (`switch name { case ToolQuery: t.registerQuery(s) }`) is the
// tool's name chosen by the callers, not a gate.
func gate(fset *token.FileSet, site ssa.Instruction, climbed bool) (string, token.Pos, *earlyReturn) {
	if site == nil || site.Block() == nil {
		return "", token.NoPos, nil
	}
	pos := token.NoPos
	var early *earlyReturn
	symbol.DominatingBranches(site.Block(), func(iff *ssa.If, want bool) bool {
		if isErrorCheck(iff.Cond) || isLoopHeader(iff.Block()) || climbed && isNameCase(iff.Cond) {
			return false
		}
		succ, other := iff.Block().Succs[0], iff.Block().Succs[1]
		if !want {
			succ, other = other, succ
		}
		early = nil
		if !meets(succ, other) {
			// The other way does not join this one, as it does
			// around `if enabled { register(s) }` or an else.
			if ends(other, true) {
				return false // a precondition: the other way fails
			}
			if ends(other, false) {
				early = &earlyReturn{iff: iff, other: other}
			}
		}
		pos = condPos(fset, iff, succ)
		return pos.IsValid()
	})
	if !pos.IsValid() {
		return "", token.NoPos, nil
	}
	return sourceLine(fset, pos), pos, early
}

// condPos is where the condition of the if that branches to succ is
// written. A condition computed in the function is where it is computed;
// one that is a parameter or a captured variable (`if admin {`) is declared
// elsewhere, so it is the nearest if above succ's first instruction, in the
// function, that names it (the function's syntax is not kept).
func condPos(fset *token.FileSet, iff *ssa.If, succ *ssa.BasicBlock) token.Pos {
	var name string
	switch c := iff.Cond.(type) {
	case *ssa.Parameter:
		name = c.Name()
	case *ssa.FreeVar:
		name = c.Name()
	default:
		return iff.Cond.Pos()
	}
	at := token.NoPos
	for _, in := range succ.Instrs {
		if at = in.Pos(); at.IsValid() {
			break
		}
	}
	start := iff.Parent().Pos()
	if !at.IsValid() || !start.IsValid() {
		return iff.Cond.Pos()
	}
	p, first := fset.Position(at), fset.Position(start)
	data, err := os.ReadFile(p.Filename)
	if err != nil || p.Filename != first.Filename {
		return iff.Cond.Pos()
	}
	lines := strings.Split(string(data), "\n")
	ifLine := regexp.MustCompile(`^\s*(\}\s*else\s+)?if\b.*\b` + regexp.QuoteMeta(name) + `\b`)
	for l := p.Line; l >= first.Line && l-1 < len(lines); l-- {
		if ifLine.MatchString(lines[l-1]) {
			f := fset.File(at)
			return f.LineStart(l) + token.Pos(len(lines[l-1])-len(strings.TrimLeft(lines[l-1], " \t")))
		}
	}
	return iff.Cond.Pos()
}

// isLoopHeader reports whether b tests a loop's condition: a block it
// dominates jumps back to it. A registration in a loop's body (one per row
// of a table) is not gated by the loop running.
func isLoopHeader(b *ssa.BasicBlock) bool {
	for _, p := range b.Preds {
		if b.Dominates(p) {
			return true
		}
	}
	return false
}

// ends reports whether the code from b on, before it branches again,
// ends the function with an error, a panic or an exit (or, unless
// onlyErrors, any return): the branch to b refuses bad input (`if
// authModes > 1 { return fmt.Errorf(...) }`), it does not switch a feature
// off.
func ends(b *ssa.BasicBlock, onlyErrors bool) bool {
	for n := 0; b != nil && n < 4; n++ {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Panic:
				return true
			case *ssa.Call:
				switch staticName(x) {
				case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
					return true
				}
			case *ssa.Return:
				return !onlyErrors || returnsError(x)
			case *ssa.If:
				return false
			}
		}
		if len(b.Succs) != 1 {
			return false
		}
		b = b.Succs[0] // a jump
	}
	return false
}

// returnsError reports whether a return gives back an error that is not
// the nil constant.
func returnsError(r *ssa.Return) bool {
	results := r.Parent().Signature.Results()
	for i := 0; i < results.Len() && i < len(r.Results); i++ {
		if k, ok := r.Results[i].(*ssa.Const); isError(results.At(i).Type()) && (!ok || !k.IsNil()) {
			return true
		}
	}
	return false
}

// optionalReceiver reports whether a method call runs only when its
// receiver is not nil: a branch taken when the receiver (or the field it
// is loaded from, read again) is not nil leads to the call.
func optionalReceiver(site ssa.CallInstruction) bool {
	c := site.Common()
	var recv ssa.Value
	switch {
	case c.IsInvoke():
		recv = c.Value
	case len(c.Args) > 0 && c.Signature().Recv() != nil:
		recv = c.Args[0]
	default:
		return false
	}
	return symbol.DominatingBranches(site.Block(), func(iff *ssa.If, want bool) bool {
		bin, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) || (bin.Op == token.NEQ) != want {
			return false
		}
		x := comparedWithNil(bin)
		return x != nil && sameLoad(x, recv)
	})
}

// sameLoad reports whether two values are the same, or loads of the same
// field of the same value.
func sameLoad(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok || !ok2 || la.Op != token.MUL || lb.Op != token.MUL {
		return false
	}
	fa, ok := la.X.(*ssa.FieldAddr)
	fb, ok2 := lb.X.(*ssa.FieldAddr)
	return ok && ok2 && fa.Field == fb.Field && fa.X == fb.X
}

// runsOnEverySuccess reports whether every way through b's function that
// returns without an error passes through b. An audit log records each
// call: a log written only when a check fails, a connection is retried or a
// panic is recovered is not one.
func runsOnEverySuccess(b *ssa.BasicBlock) bool {
	fn := b.Parent()
	if len(fn.Blocks) == 0 || b == fn.Blocks[0] {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{b: true, fn.Blocks[0]: true}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if r, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok && !returnsError(r) {
			return false
		}
		for _, s := range x.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return true
}

// isNameCase reports whether cond compares a string parameter of its
// function with a constant.
func isNameCase(cond ssa.Value) bool {
	b, ok := cond.(*ssa.BinOp)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false
	}
	x, k := b.X, b.Y
	if _, ok := x.(*ssa.Const); ok {
		x, k = k, x
	}
	_, isParam := x.(*ssa.Parameter)
	_, isConst := k.(*ssa.Const)
	return isParam && isConst && isStringLike(x.Type())
}

// reachable returns the blocks control can flow to from a, a included.
func reachable(a *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := map[*ssa.BasicBlock]bool{a: true}
	work := []*ssa.BasicBlock{a}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range x.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return seen
}

// reaches reports whether control can flow from block a to block b.
func reaches(a, b *ssa.BasicBlock) bool { return reachable(a)[b] }

// meets reports whether the ways from a and from b come together.
func meets(a, b *ssa.BasicBlock) bool {
	from := reachable(a)
	for x := range reachable(b) {
		if from[x] {
			return true
		}
	}
	return false
}

func isErrorCheck(cond ssa.Value) bool {
	b, ok := cond.(*ssa.BinOp)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	for _, p := range [][2]ssa.Value{{b.X, b.Y}, {b.Y, b.X}} {
		if k, ok := p[1].(*ssa.Const); ok && k.IsNil() && types.Identical(p[0].Type(), errType) {
			return true
		}
	}
	return false
}

// sourceLine returns the trimmed source line at pos.
func sourceLine(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	data, err := os.ReadFile(p.Filename)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if p.Line-1 < len(lines) {
		return strings.TrimSpace(lines[p.Line-1])
	}
	return ""
}

// guardFindings turns missing guards into findings: per capability for
// confirmation, limit and sandbox; per tool for rate limits and logging.
func (c *checker) guardFindings(t report.Tool, shownAt map[[2]string]token.Pos, toolPos token.Pos) []report.Finding {
	var out []report.Finding
	missingAny := map[string]string{} // kind → first sink missing it
	// BR301 is reported once per capability, at the sink that makes it
	// most severe: one the model chooses (git run with the model's
	// arguments) over one it does not (a library's fallback that runs a
	// shell to find the home directory).
	unconfirmed := map[string]*report.Capability{}
	for i := range t.Capabilities {
		cp := &t.Capabilities[i]
		if !highImpact(cp.Capability) || !slices.Contains(cp.MissingGuards, "confirmation") {
			continue
		}
		if prev := unconfirmed[cp.Capability]; prev == nil || cp.Tainted && !prev.Tainted {
			unconfirmed[cp.Capability] = cp
		}
	}
	var firstHigh *report.Capability
	for i := range t.Capabilities {
		cp := &t.Capabilities[i]
		sitePos := shownAt[[2]string{cp.Sink, cp.Capability}]
		for _, k := range cp.MissingGuards {
			if _, ok := missingAny[k]; !ok {
				missingAny[k] = cp.Sink
			}
			switch {
			case k == "confirmation" && unconfirmed[cp.Capability] == cp:
				sev := "medium"
				if cp.Capability == "exec" || cp.Capability == "payment" {
					sev = "high"
				}
				if cp.Tainted {
					sev = raise(sev)
				}
				f := c.finding("BR301", t, cp.Capability, cp.Sink, sitePos,
					fmt.Sprintf("tool %s can %s through %s with no confirmation before it", t.Name, verb(cp.Capability), cp.Sink),
					cp.Path, []report.Step{})
				f.Severity = sev
				out = append(out, f)
			case k == "limit":
				out = append(out, c.finding("BR302", t, cp.Capability, cp.Sink, sitePos,
					fmt.Sprintf("tool %s: a model-chosen value reaches %s with no limit on it", t.Name, cp.Sink),
					cp.Path, []report.Step{}))
			case k == "sandbox" && cp.Capability == "exec":
				out = append(out, c.finding("BR303", t, cp.Capability, cp.Sink, sitePos,
					fmt.Sprintf("tool %s: a model-chosen command reaches %s with no sandbox or allowlist", t.Name, cp.Sink),
					cp.Path, []report.Step{}))
			}
		}
		if highImpact(cp.Capability) && firstHigh == nil {
			firstHigh = cp
		}
	}
	handlerPos := toolPos
	if firstHigh != nil {
		if _, ok := missingAny["ratelimit"]; ok && !anyHas(t.Capabilities, "ratelimit") {
			out = append(out, c.finding("BR304", t, firstHigh.Capability, firstHigh.Sink, handlerPos,
				fmt.Sprintf("tool %s can %s with no rate limit", t.Name, verb(firstHigh.Capability)),
				[]report.Frame{}, []report.Step{}))
		}
	}
	if len(t.Capabilities) > 0 && !anyHas(t.Capabilities, "audit-log") {
		f := c.finding("BR305", t, "", "", handlerPos,
			fmt.Sprintf("tool %s is not logged with its arguments", t.Name), []report.Frame{}, []report.Step{})
		if firstHigh == nil {
			f.Severity = "info"
		}
		out = append(out, f)
	}
	for i := range out {
		if out[i].Position.File == "" {
			out[i].Position = t.Position
		}
	}
	return out
}

// anyHas reports whether any capability has a dominating guard of kind.
func anyHas(caps []report.Capability, kind string) bool {
	for _, cp := range caps {
		for _, g := range cp.Guards {
			if g.Kind == kind && g.Dominates {
				return true
			}
		}
	}
	return false
}

func raise(sev string) string {
	for i, s := range rules.Severities {
		if s == sev && i+1 < len(rules.Severities) {
			return rules.Severities[i+1]
		}
	}
	return sev
}

func verb(capability string) string {
	switch capability {
	case "exec":
		return "run processes"
	case "payment":
		return "move money"
	case "db-write":
		return "change the database"
	case "fs-write":
		return "write files"
	case "email":
		return "send e-mail"
	case "cloud-write":
		return "change cloud resources"
	}
	return "act"
}

// score weighs a tool's capabilities by impact, once per capability class
// (two file writes are one way to write files), doubled where the model
// chooses the sensitive argument, and counts a class as contained when
// every sink of it has every required guard.
func score(caps []report.Capability) report.Score {
	weight := map[string]int{}
	open := map[string]bool{}
	for _, cp := range caps {
		w := report.Impact(cp)
		weight[cp.Capability] = max(weight[cp.Capability], w)
		if len(cp.MissingGuards) > 0 {
			open[cp.Capability] = true
		}
	}
	var s report.Score
	for class, w := range weight {
		s.BlastRadius += w
		if !open[class] {
			s.Contained += w
		}
	}
	s.Percent = 100
	if s.BlastRadius > 0 {
		s.Percent = s.Contained * 100 / s.BlastRadius
	}
	return s
}

// summarize totals the tools' scores and names the worst tool: the largest
// uncontained blast radius, ties broken by name.
func summarize(tools []report.Tool) report.Summary {
	s := report.Summary{Tools: len(tools)}
	worst := -1
	for _, t := range tools {
		s.BlastRadius += t.Score.BlastRadius
		s.Contained += t.Score.Contained
		if open := t.Score.BlastRadius - t.Score.Contained; open > worst && open > 0 {
			worst, s.Worst = open, t.Name
		}
	}
	s.Percent = 100
	if s.BlastRadius > 0 {
		s.Percent = s.Contained * 100 / s.BlastRadius
	}
	return s
}

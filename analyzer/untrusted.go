package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/apiop"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// This file turns the data-flow engine (taint.go) into findings:
//
//   - model → action (BR1xx): a tool's model-controlled input reaching a
//     sensitive argument of a call the tool makes;
//   - outside → model (BR201-BR203): data a tool reads (secrets, whole
//     files and rows, web pages) reaching the result the model sees;
//   - prompts (BR204-BR205): outside content reaching a message sent to an
//     LLM anywhere in the program.

// ruleForKind is the model → action rule of each taint kind.
var ruleForKind = map[string]string{
	"command":   "BR101",
	"sql":       "BR102",
	"url":       "BR103",
	"path":      "BR104",
	"payment":   "BR105",
	"recipient": "BR106",
}

// whatForKind says, in a message, which argument a kind is.
var whatForKind = map[string]string{
	"command":   "the command of",
	"sql":       "the query text of",
	"url":       "the URL or address of",
	"path":      "the file path of",
	"payment":   "the parameters of the payment",
	"recipient": "the recipient of",
}

// checker evaluates the untrusted-input rules.
type checker struct {
	cat *rules.Catalog
	rc  *reacher
	pos positioner
	// module holds the functions of the analysed module. Data flow is
	// followed inside them; a call into a dependency's code (client-go,
	// go-github) follows the opaque summary instead of its body, which
	// keeps the fixpoint to the application's own code.
	module map[*ssa.Function]bool
	// returning memoises returnsToModel.
	returning map[*ssa.Function]bool
	// validators memoises validatorsOf.
	validators map[*ssa.Function][]validator
	// settingSeen memoises, per tool and call, whether what a call that
	// reads a setting returns reaches the model (configuration): a
	// dependency's summary often reads several files at one call.
	settingSeen map[settingRead]bool
	// modulePkgs are the paths of the module's packages (modulePackages).
	modulePkgs map[string]bool
	// layerFlows memoises layerFlow: the model's input through a wrapper
	// that builds its handlers' bundle of parameters (bundle.go).
	layerFlows map[*ssa.Function]*flow
	// assumeClean holds the parameter that validatorsOf takes to be a
	// clean path while it summarises a helper (see validator.needsClean).
	assumeClean map[ssa.Value]bool
	// exportedFields makes storedValues answer for exported fields too:
	// what the module's own code sets them to, where a decoder may set
	// them as well. It says what a program is meant to be (an
	// interpreter named in a runner's config), never that it is fixed.
	exportedFields bool
	// firstWordOnly is set while validatorsOf tries whether a helper
	// checks only a command line's first word (validator.firstWord).
	firstWordOnly bool
	// flagging holds the flags (boolean phis) flagCheck is reading, so
	// that a flag read again through its own negation (inQuote =
	// !inQuote) confines nothing instead of recursing.
	flagging map[*ssa.Phi]bool
	// stored memoises storedValues.
	stored map[any][]ssa.Value
	// ops are the API operations and the request builders of the
	// dependencies the scan enters (apiop).
	ops *apiop.Operations
	// roots memoises rootCalls.
	roots map[ssa.CallInstruction][]rootCall
}

// modelFlows runs the model → action analysis of one tool: it returns the
// findings, and for each reached sink call the arguments that carry
// model-controlled data.
func (c *checker) modelFlows(e entry, t report.Tool, res *reached) ([]report.Finding, map[ssa.CallInstruction][]int, *flow) {
	funcs := c.funcSet(res)
	c.addSinkPaths(res, funcs)
	f := newFlow(c.cat, c.rc, funcs, res.feeds)
	f.sanitize = true
	f.numbers = eitherMask([]string{"payment"})
	f.stopAtReads = true
	// What a dependency's function makes of the model's input (a
	// tokenizer's words, a JSON decoder's struct) is still the model's.
	f.throughDependencies = true
	f.decodersOnly = true
	f.dependency = c.isDependency
	f.next = layerNext(e)
	c.seedInputs(f, e)
	f.run(moduleOrder(res, funcs))
	f.content = c.commandFiles(f, res)

	var findings []report.Finding
	seen := map[string]bool{}
	tainted := map[ssa.CallInstruction][]int{}
	c.eachSite(res, func(site ssa.CallInstruction) {
		args := callArgs(site.Common())
		for i := range args {
			if o := f.argument(site, args, i); o != nil && o.mask != 0 {
				tainted[site] = append(tainted[site], i)
			}
		}
		if len(tainted[site]) > 0 {
			tainted[site] = c.withoutFixedProgram(site, tainted[site], f.funcs)
		}
		if len(tainted[site]) == 0 {
			delete(tainted, site)
			return
		}
		for _, sc := range c.sensitivesAt(site) {
			if sc.host != nil && f.funcs[sc.host] {
				continue // the flow follows the URL to the request
			}
			for _, s := range sc.args {
				fileDB := c.fileDSN(site, s, f.funcs)
				if fileDB {
					// A file database's DSN is a path: the model
					// chooses the file the driver opens or creates.
					s.Kind = "path"
				}
				for i := s.Arg; i < len(args) && (i == s.Arg || s.Rest); i++ {
					if i == 0 && hasReceiver(site.Common()) {
						// A receiver holds what was built before
						// (gorm's statement): the text it carries was
						// reported where it went in. A statement
						// prepared from the model's text still runs
						// whatever statement that is.
						if s.Kind == "sql" {
							if o := c.preparedFromModel(f, args[0]); o != nil {
								c.addStatementCapability(f, res, site, sc, args[0], o)
							}
						}
						continue
					}
					o := f.argument(site, args, i)
					if o == nil || o.mask&kindMask([]string{s.Kind}) == 0 {
						continue
					}
					// A payment bounded by a limit is not reported
					// (BR105 is about an unbounded amount); any other
					// kind, when a check confines it.
					if _, ok := c.confinedAt(f, res, site, args[i], s.Kind); ok && s.Kind == "payment" {
						continue
					}
					if _, ok := c.argConfined(f, res, site, i, s.Kind, sc.args); ok {
						continue
					}
					if c.protocolMessage(f, sc.sym, args[i]) {
						continue
					}
					if i == s.Arg {
						// A program the code fixes is not the
						// model's, though it came out of the same
						// split line as the model's words
						// (strings.Fields("az " + args)[0]).
						if _, fixed := c.fixedProgram(site, s, f.funcs); fixed {
							continue
						}
					}
					if s.Kind == "sql" {
						// Each call apart: one in a read-only
						// transaction writes nothing, another may.
						c.addStatementCapability(f, res, site, sc, args[i], o)
						if sc.capability == "" {
							// A builder (gorm's db.Raw(q)): the
							// statement runs at the reads it goes on to.
							for _, run := range c.statementRunners(site) {
								c.addStatementCapability(f, res, run.site, run.call, args[i], o)
							}
						}
					}
					id := ruleForKind[s.Kind]
					if seen[id+sc.sym] {
						continue
					}
					seen[id+sc.sym] = true
					c.addChosenCapability(res, site, sc, s.Kind)
					if fileDB {
						res.hits = append(res.hits, hit{capability: "fs-write", sink: sc.sym, site: site, at: res.steps[site.Parent()]})
					}
					if s.Kind == "sql" {
						c.addCommandReadCapability(e, f, res, site, sc, args[i], o)
					}
					steps := c.steps(o)
					steps = append(steps, report.Step{Position: c.pos.of(site.Pos()), What: "passed to " + sc.sym})
					msg := fmt.Sprintf("tool %s: model-controlled input reaches %s %s", t.Name, whatForKind[s.Kind], sc.sym)
					prog, fixed := c.fixedProgram(site, s, f.funcs)
					if fixed && i > s.Arg {
						msg = fmt.Sprintf("tool %s: model-controlled input reaches the arguments of %s, which runs %s", t.Name, sc.sym, prog)
					}
					if sc.sym == envField {
						msg = fmt.Sprintf("tool %s: model-controlled input names the variables of %s, or the command one holds, in the environment of the program run", t.Name, sc.sym)
					}
					fd := c.finding(id, t, sc.capability, sc.sym, site.Pos(), msg, res.frames(site.Parent(), site, c.pos), steps)
					if fixed && i > s.Arg {
						// Argument injection (CWE-88): the model
						// chooses options and operands of a program
						// the code fixed, not what runs.
						fd.Severity = "high"
						fd.CWE = []string{"CWE-88"}
					}
					findings = append(findings, fd)
				}
			}
		}
	})
	c.addTemplateCapabilities(f, res)
	return findings, tainted, f
}

// fileDrivers are database/sql drivers whose data source name is a file
// on this machine, not a server's address.
var fileDrivers = map[string]bool{"sqlite": true, "sqlite3": true, "duckdb": true}

// fileDSN reports whether s is the data source name of a call that opens a
// database by a driver's name (sql.Open(driver, dsn), sqlx's) and the
// driver, a constant the code hands down, keeps its database in a file:
// the DSN is then that file's path (slackdump's sql.Open("sqlite", path)),
// which the driver opens or creates, and no server is dialled.
func (c *checker) fileDSN(site ssa.CallInstruction, s rules.Sensitive, scope map[*ssa.Function]bool) bool {
	args := callArgs(site.Common())
	if s.Kind != "url" || s.Arg != 1 || len(args) != 2 || !isStringLike(args[0].Type()) {
		return false
	}
	drivers, ok := c.constantStrings(args[0], scope, map[ssa.Value]bool{})
	if !ok || len(drivers) == 0 {
		return false
	}
	for _, d := range drivers {
		if !fileDrivers[d] {
			return false
		}
	}
	return true
}

// addChosenCapability gives a tool the capability that a model-chosen
// argument of a call with no capability of its own stands for, when the
// tool reaches that capability nowhere else: sql.Open given the model's
// DSN connects to the server the model names, through a driver that the
// call graph does not reach (database/sql calls it through an interface
// registered at init). Only a kind that one capability is chosen by
// (url: network) says which capability it is; a path may be read or
// written. A DSN from the configuration gives nothing: the connection is
// the database's, not the model's.
func (c *checker) addChosenCapability(res *reached, site ssa.CallInstruction, sc sensitiveCall, kind string) {
	if sc.capability != "" {
		return
	}
	capability := c.capabilityChosenBy(kind)
	if capability == "" {
		return
	}
	for _, h := range res.hits {
		if h.capability == capability {
			return
		}
	}
	res.hits = append(res.hits, hit{capability: capability, sink: sc.sym, site: site, at: res.steps[site.Parent()]})
}

// seedInputs marks a tool's model-controlled input: the handler's
// parameters but the receiver and context-like ones (of a bundle that
// carries the context, the fields its wrapper fills from the request:
// bundle.go), or for a dispatched
// tool the arguments field of the tool call, wherever the dispatching
// function or a closure in it reads it (arg := func(k string) string {
// return fc.Args[k].(string) }).
func (c *checker) seedInputs(f *flow, e entry) {
	h := e.handler
	if e.region == nil {
		if in := inputFunc(e); in != h {
			// The SDK hands the request to the outermost layer; what
			// it hands on to the handler (the argument map, not the
			// configuration an adapter adds) is the model's, and so is
			// what the layer's own code makes of it.
			for i, p := range in.Params {
				if (i > 0 || in.Signature.Recv() == nil) && !sdkGiven(c.cat, p.Type()) {
					f.seed(p, allKinds, "model input: parameter "+p.Name())
				}
			}
			if !reflectedHandler(e) {
				return
			}
			// A layer that calls the handler by reflection
			// (reflect.ValueOf(fn).Call(args)) hands it the decoded
			// request in a way the flow does not follow: its
			// parameters are the model's input.
		}
		for i, p := range h.Params {
			if i == 0 && h.Signature.Recv() != nil {
				continue
			}
			if j := i; e.serverArgs != nil {
				if h.Signature.Recv() != nil {
					j--
				}
				if e.serverArgs[j] {
					continue // the dispatch gives the server's own value
				}
			}
			if !symbol.IsContextLike(p.Type()) && sdkGiven(c.cat, p.Type()) {
				continue // the SDK's call options
			}
			var in map[string]*origin
			if symbol.IsContextLike(p.Type()) || isStructOrPointer(p.Type()) {
				in = c.bundleInputs(e, i)
			}
			if !symbol.IsContextLike(p.Type()) && len(in) == 0 {
				f.seed(p, allKinds, "model input: parameter "+p.Name())
				continue
			}
			if len(in) > 0 {
				f.markBundle(p)
			}
			for _, field := range slices.Sorted(maps.Keys(in)) {
				f.setCell(cell{p, field}, &origin{mask: in[field].mask, at: p, pos: p.Pos(), what: "model input: parameter " + p.Name() + "." + field + ", the request"})
			}
		}
		return
	}
	// argsField is the name of the tool call's arguments field that v
	// reads, or "".
	argsField := func(v ssa.Value) string {
		var x ssa.Value
		var field int
		switch in := v.(type) {
		case *ssa.FieldAddr:
			x, field = in.X, in.Field
		case *ssa.Field:
			x, field = in.X, in.Field
		case *ssa.Extract:
			// args, _ := params["arguments"].(map[string]any), handed on.
			if ta, ok := in.Tuple.(*ssa.TypeAssert); ok && in.Index == 0 {
				return mapInput(ta.X, e.inputs)
			}
			return ""
		default:
			return mapInput(v, e.inputs)
		}
		name := fieldName(x.Type(), field)
		d, ok := c.cat.Dispatch[rules.Normalize(typeSymbol(x.Type()))]
		catalogued := ok && d.ArgsField != "" && name == d.ArgsField
		// The arguments field of the program's own type that
		// decodes the call (a ReAct step it asks the model to
		// write), which the dispatch names as the tool's input.
		own := slices.Contains(e.inputs, symbol.ShortType(typeSymbol(x.Type()))+"."+name)
		if catalogued || own {
			return name
		}
		return ""
	}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if v, ok := instr.(ssa.Value); ok {
					if name := argsField(v); name != "" {
						f.seed(v, allKinds, "model input: the tool call's "+name)
					}
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon)
		}
	}
	visit(h)
	// A dispatching function handed the arguments by its caller
	// (executeTool(tc.Function.Name, tc.Function.Arguments)): the
	// parameter that a call passes them to holds the model's input.
	for i, p := range h.Params {
		for _, site := range c.rc.callSitesOf(h) {
			args := callArgs(site.Common())
			if i >= len(args) {
				continue
			}
			a := args[i]
			if ld, ok := a.(*ssa.UnOp); ok && ld.Op == token.MUL {
				a = ld.X
			}
			if name := argsField(a); name != "" {
				f.seed(p, allKinds, "model input: the tool call's "+name+", parameter "+p.Name())
				break
			}
		}
	}
}

// mapInput is the key under which v reads a map of strings that a
// dispatched tool's inputs name (`["arguments"]`: the tool call decoded
// into a map, params["arguments"]), or "".
func mapInput(v ssa.Value, inputs []string) string {
	l, ok := v.(*ssa.Lookup)
	if !ok {
		return ""
	}
	mt, ok := l.X.Type().Underlying().(*types.Map)
	if !ok || !isStringLike(mt.Key()) {
		return ""
	}
	if k, ok := constString(l.Index); ok && slices.Contains(inputs, "["+strconv.Quote(k)+"]") {
		return k
	}
	return ""
}

// reflectedHandler reports whether a tool's wrappers run its handler by
// reflection ((reflect.Value).Call or CallSlice).
func reflectedHandler(e entry) bool {
	for _, l := range e.layers {
		for site, fns := range l.Next {
			if !slices.Contains(fns, e.handler) {
				continue
			}
			if callee := site.Common().StaticCallee(); callee != nil {
				switch symbolOf(callee) {
				case "(reflect.Value).Call", "(reflect.Value).CallSlice":
					return true
				}
			}
		}
	}
	return false
}

// layerNext merges the calls of a tool's wrappers that run its next layer
// (see flow.next).
func layerNext(e entry) map[ssa.CallInstruction][]*ssa.Function {
	var out map[ssa.CallInstruction][]*ssa.Function
	for _, l := range e.layers {
		for site, fns := range l.Next {
			if out == nil {
				out = map[ssa.CallInstruction][]*ssa.Function{}
			}
			out[site] = append(out[site], fns...)
		}
	}
	return out
}

// inputFunc is the function the SDK hands a tool's request to: the
// outermost of the wrappers whose code is the tool's own (a server-wide
// layer passes the request on), else the handler.
func inputFunc(e entry) *ssa.Function {
	for _, l := range e.layers {
		// A wrapper the compiler made (an interface's method value,
		// handler.Handle, calls the method on what it holds) has no
		// code of the program's: the input is the next layer's.
		if !l.Shared && l.Fn != nil && len(l.Fn.Blocks) > 0 && l.Fn.Synthetic == "" {
			return l.Fn
		}
	}
	return e.handler
}

// hasReceiver reports whether a call's argument 0 is a method's receiver.
func hasReceiver(c *ssa.CallCommon) bool {
	if c.IsInvoke() {
		return true
	}
	callee := c.StaticCallee()
	return callee != nil && callee.Signature.Recv() != nil
}

// sensitiveCall is a symbol that a call site can call and whose arguments
// the model must not choose, with its capability when it is a sink.
type sensitiveCall struct {
	sym        string
	capability string
	args       []rules.Sensitive
	// host is the dependency's function whose request's host or file's
	// path args give (rootCalls), or nil.
	host *ssa.Function
}

// sensitivesAt lists the symbols a call site can call that have sensitive
// arguments, each once, in siteSymbols order: a dynamic call can reach two
// (a function value that is os.Remove or os.RemoveAll). A catalogued
// interface method, as with sinks, stands for its implementations.
func (c *checker) sensitivesAt(site ssa.CallInstruction) []sensitiveCall {
	hits := c.rc.sinksAt(site)
	capabilityOf := func(sym string) string {
		for _, h := range hits {
			if h.sink == sym {
				return h.capability
			}
		}
		return ""
	}
	var out []sensitiveCall
	if ch, ok := c.rc.channels[site]; ok {
		out = append(out, sensitiveCall{sym: ch, capability: capabilityOf(ch), args: c.sensitiveOf(ch, capabilityOf(ch))})
	}
	for i, sym := range siteSymbols(c.rc, site) {
		capability := capabilityOf(sym)
		if _, ok := c.cat.Sink(sym); ok && capability == "" {
			// A sink that this call does not use as one (a file
			// opened only to be closed) runs nothing of the model's.
			continue
		}
		sens := c.sensitiveOf(sym, capability)
		if sens == nil {
			continue
		}
		if c.rc.callsMethodValue(site, sym) {
			sens = withoutReceiver(sens)
		}
		out = append(out, sensitiveCall{sym: sym, capability: capability, args: sens})
		if i == 0 && site.Common().IsInvoke() {
			break
		}
	}
	return append(out, c.rootSensitives(site)...)
}

// callsMethodValue reports whether a call of a function value can call
// the method sym through a method value (`c.dial(ctx, "tcp", addr)` with
// c.dial = d.DialContext): its arguments are the method's without the
// receiver, which the value holds.
func (rc *reacher) callsMethodValue(site ssa.CallInstruction, sym string) bool {
	c := site.Common()
	if c.IsInvoke() || c.StaticCallee() != nil {
		return false
	}
	return slices.ContainsFunc(rc.graphCallees(site), func(g *ssa.Function) bool {
		return symbol.IsBound(g) && rc.symbol(g) == sym
	})
}

// withoutReceiver renumbers a method's sensitive arguments for a call
// that passes no receiver; the receiver's own (argument 0) is dropped.
func withoutReceiver(sens []rules.Sensitive) []rules.Sensitive {
	var out []rules.Sensitive
	for _, s := range sens {
		if s.Arg > 0 {
			s.Arg--
			out = append(out, s)
		}
	}
	return out
}

// sensitiveOf returns the sensitive arguments of a symbol: its own, or
// those of every sink of its capability ("@payment").
//
// A channel's sink is a write into a process's input (see channelWrites):
// what is written, every argument after the writer, is its command; for a
// reader put in cmd.Stdin, the text the reader is made of.
func (c *checker) sensitiveOf(sym, capability string) []rules.Sensitive {
	if sym == stdinField {
		return []rules.Sensitive{{Kind: "command", Arg: 0, Rest: true}}
	}
	if sym == envField {
		return []rules.Sensitive{{Kind: "command", Arg: 1}}
	}
	if _, ok := c.cat.Channels[rules.Normalize(sym)]; ok {
		return []rules.Sensitive{{Kind: "command", Arg: 1, Rest: true}}
	}
	return sensitiveOf(c.cat, sym, capability)
}

// sensitiveOf returns the sensitive arguments of a symbol that a call
// with the given capability ("" for none) calls: its own, or those of
// every sink of its capability ("@payment").
func sensitiveOf(cat *rules.Catalog, sym, capability string) []rules.Sensitive {
	if sens, ok := cat.SensitiveArgs(sym); ok {
		return sens
	}
	if capability != "" {
		return cat.Sensitive["@"+capability]
	}
	return nil
}

// capabilityAt is the capability of sym among the sinks a call site
// reaches, or "".
func capabilityAt(rc *reacher, site ssa.CallInstruction, sym string) string {
	for _, h := range rc.sinksAt(site) {
		if h.sink == sym {
			return h.capability
		}
	}
	return ""
}

// siteSymbols lists what a call site can call, as catalog symbols: the
// static callee, or the invoked interface method and the call graph's
// callees. Memoised per site; callers must not modify the result.
func siteSymbols(rc *reacher, site ssa.CallInstruction) []string {
	if out, ok := rc.siteSyms[site]; ok {
		return out
	}
	c := site.Common()
	var out []string
	if callee := c.StaticCallee(); callee != nil {
		out = []string{rc.symbol(callee)}
	} else {
		var callees []string
		for _, g := range rc.graphCallees(site) {
			callees = append(callees, rc.symbol(g))
		}
		sort.Strings(callees)
		callees = slices.Compact(callees)
		if c.IsInvoke() {
			out = append(out, invokeSymbol(c))
		}
		out = append(out, callees...)
	}
	rc.siteSyms[site] = out
	return out
}

// eachSite calls fn for every call site the tool owns, in reach order.
func (c *checker) eachSite(res *reached, fn func(ssa.CallInstruction)) {
	for _, g := range res.order {
		for _, site := range symbol.CallSites(g) {
			if res.inScope(site) {
				fn(site)
			}
		}
	}
}

// funcSet is the set of functions a tool reaches in the module.
func (c *checker) funcSet(res *reached) map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool, len(res.steps))
	for fn := range res.steps {
		if c.module == nil || c.module[fn] || c.module[fn.Parent()] || c.moduleWrapper(fn) {
			out[fn] = true
		}
	}
	return out
}

// calledAfter returns the module's functions that the code after a
// dispatched tool's case calls, and the module's functions they call, a
// few deep: the helpers that trim a result before it goes into the tool's
// message (`Content: clamp(result, n)`).
func (c *checker) calledAfter(res *reached) []*ssa.Function {
	var out []*ssa.Function
	seen := map[*ssa.Function]bool{}
	var add func(fn *ssa.Function, depth int)
	add = func(fn *ssa.Function, depth int) {
		if fn == nil || seen[fn] || depth > 3 || len(out) >= 32 || (c.module != nil && !c.module[fn]) {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, site := range symbol.CallSites(fn) {
			add(site.Common().StaticCallee(), depth+1)
		}
	}
	after := res.afterRegion()
	if len(after) == 0 {
		return nil
	}
	for _, b := range res.handler.Blocks {
		if !after[b] {
			continue
		}
		for _, instr := range b.Instrs {
			if site, ok := instr.(ssa.CallInstruction); ok {
				add(site.Common().StaticCallee(), 0)
			}
		}
	}
	return out
}

// maxDependencyFrames bounds the dependency code a model flow follows to
// one sink: a library's helper that runs the command it is handed is a
// call or two deep.
const maxDependencyFrames = 2

// addSinkPaths adds to a tool's functions, for each process it starts
// inside a dependency's code that the scan entered, the dependency's
// functions on the witness path from the tool's own code to the exec call
// (at most maxDependencyFrames), and the other functions of their packages
// that the tool reaches (the helpers they call on the way). The flow
// follows the model's data into them, so that a command line the tool
// hands to a library's executor reaches the executor's exec call, and is
// the model's there; the rest of the dependency stays a pass-through.
//
// Only commands: a library runs the command it is handed, while the paths,
// queries and URLs a library builds from its arguments go through builders,
// hashes and escaping in code that the flow passes through whole (on the
// corpus, Helm's rendered-manifest files and squirrel-built queries came
// out as the model's, none rightly).
func (c *checker) addSinkPaths(res *reached, funcs map[*ssa.Function]bool) {
	pkgs := map[string]bool{}
	for _, h := range res.hits {
		if h.tail != nil || h.at == nil || funcs[h.site.Parent()] || c.cat.ChosenBy[h.capability] != "command" {
			continue
		}
		var path []string
		s := h.at
		for ; s != nil && !funcs[s.fn] && len(path) <= maxDependencyFrames; s = s.prev {
			path = append(path, declaringPackage(s.fn))
		}
		if s == nil || len(path) > maxDependencyFrames {
			continue
		}
		for _, p := range path {
			pkgs[p] = true
		}
	}
	if len(pkgs) == 0 {
		return
	}
	for fn := range res.steps {
		if pkgs[declaringPackage(fn)] {
			funcs[fn] = true
		}
	}
}

// isDependency reports whether a package is a dependency's: neither the
// module's nor the standard library's.
func (c *checker) isDependency(pkg string) bool {
	return pkg != "" && !c.modulePackages()[pkg] && !c.rc.std[pkg]
}

// modulePackages returns the paths of the module's packages, computed on
// first use.
func (c *checker) modulePackages() map[string]bool {
	if c.modulePkgs == nil {
		c.modulePkgs = map[string]bool{}
		for g := range c.module {
			if g.Pkg != nil {
				c.modulePkgs[g.Pkg.Pkg.Path()] = true
			}
		}
	}
	return c.modulePkgs
}

// moduleWrapper reports whether fn is a method wrapper SSA made for a type
// of the module (a method promoted from an embedded field): it selects that
// field, so following it keeps a call on a bundle to that field's part.
// (A bound method value's wrapper is not one: a call of the value runs
// the method itself, see boundMethod.)
func (c *checker) moduleWrapper(fn *ssa.Function) bool {
	if fn.Synthetic == "" || fn.Signature.Recv() == nil {
		return false
	}
	return c.modulePackages()[declaringPackage(fn)]
}

// moduleOrder keeps the reach order of the functions in the flow.
func moduleOrder(res *reached, funcs map[*ssa.Function]bool) []*ssa.Function {
	out := make([]*ssa.Function, 0, len(funcs))
	for _, fn := range res.order {
		if funcs[fn] {
			out = append(out, fn)
		}
	}
	return out
}

// steps turns an origin chain into report steps from the source, one per
// line.
func (c *checker) steps(o *origin) []report.Step {
	var rev []report.Step
	for n := 0; o != nil && n < 64; o, n = o.prev, n+1 {
		if !o.pos.IsValid() {
			continue
		}
		what := o.what
		if what == "" {
			what = describe(o.at)
		}
		if what == "" {
			continue
		}
		rev = append(rev, report.Step{Position: c.pos.of(o.pos), What: what})
	}
	var out []report.Step
	for i := len(rev) - 1; i >= 0; i-- {
		if n := len(out); n > 0 && ((out[n-1].Position.File == rev[i].Position.File && out[n-1].Position.Line == rev[i].Position.Line) ||
			out[n-1].What == rev[i].What) {
			continue
		}
		out = append(out, rev[i])
	}
	return out
}

// describe says what a value on a flow is, for a step.
func describe(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Parameter:
		return "parameter " + x.Name()
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok {
			return b.Name()
		}
		if callee := x.Call.StaticCallee(); callee != nil {
			return "call " + shortSymbol(callee)
		}
		if x.Call.IsInvoke() {
			return "call " + x.Call.Method.Name()
		}
		return "call of a function value"
	case *ssa.FieldAddr:
		return "field " + fieldName(x.X.Type(), x.Field)
	case *ssa.Field:
		return "field " + fieldName(x.X.Type(), x.Field)
	case *ssa.BinOp:
		if _, ok := x.Type().Underlying().(*types.Basic); ok {
			return "string built with " + x.Op.String()
		}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			return "field " + fieldName(fa.X.Type(), fa.Field)
		}
		return "read"
	case *ssa.Lookup:
		return "map lookup"
	case *ssa.IndexAddr, *ssa.Index:
		return "element"
	case *ssa.MakeInterface, *ssa.Convert:
		return "conversion"
	}
	return ""
}

// finding builds a finding of rule id.
func (c *checker) finding(id string, t report.Tool, capability, sink string, at token.Pos, msg string, path []report.Frame, steps []report.Step) report.Finding {
	r := c.cat.Rules[id]
	if path == nil {
		path = []report.Frame{}
	}
	return report.Finding{
		ID:         findingID(id, t.Name, t.Handler, sink),
		RuleID:     id,
		Rule:       r.Name,
		Severity:   r.Severity,
		Tool:       t.Name,
		Capability: capability,
		Sink:       sink,
		Position:   c.pos.of(at),
		Message:    msg,
		CWE:        append([]string{}, r.CWE...),
		OWASP:      append([]string{}, r.OWASP...),
		Path:       path,
		Steps:      steps,
	}
}

// findingID hashes what identifies a finding and nothing else: edits
// elsewhere, moved lines and iteration order keep it.
func findingID(rule, tool, handler, sink string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{rule, tool, handler, sink}, "\x00")))
	return hex.EncodeToString(h[:8])
}

// constParts collects the constant strings a path is built from:
// filepath.Join(home, ".aws", "credentials") gives ".aws", "credentials".
func constParts(v ssa.Value, depth int) []string {
	if depth > 6 || v == nil {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Const:
		if s, ok := constString(x); ok {
			return []string{s}
		}
	case *ssa.BinOp:
		return append(constParts(x.X, depth+1), constParts(x.Y, depth+1)...)
	case *ssa.ChangeType:
		return constParts(x.X, depth+1)
	case *ssa.Convert:
		return constParts(x.X, depth+1)
	case *ssa.MakeInterface:
		return constParts(x.X, depth+1)
	case *ssa.Slice:
		return constParts(x.X, depth+1)
	case *ssa.Alloc:
		var out []string
		for _, ref := range *x.Referrers() {
			if ia, ok := ref.(*ssa.IndexAddr); ok {
				for _, r2 := range *ia.Referrers() {
					if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
						out = append(out, constParts(st.Val, depth+1)...)
					}
				}
			}
		}
		return out
	case *ssa.Call:
		var out []string
		for _, a := range x.Call.Args {
			out = append(out, constParts(a, depth+1)...)
		}
		return out
	}
	return nil
}

// credentialFile matches constant paths of files that hold credentials.
var credentialFile = regexp.MustCompile(`(?i)(\.aws/credentials|\.ssh/|id_rsa|id_ed25519|\.netrc|\.env$|\.pem$|\.key$|credentials|secret|token|\.kube/config|\.docker/config\.json)`)

// selectStar matches a query that returns whole rows.
var selectStar = regexp.MustCompile(`(?i)select\s+(\w+\.)?\*`)

// read is a call whose result is outside data.
type read struct {
	site       ssa.CallInstruction
	sym        string
	capability string
	label      string
}

// outsideRules maps a source label to the rule that reports it reaching a
// tool's result.
var outsideRules = map[string]string{"secret": "BR201", "file": "BR202", "db": "BR202", "web": "BR203"}

// outsideFlows runs the outside → model analysis of one tool: data its
// reads produce that reaches the result the model sees. Each label gets its
// own run, so that each finding's steps start at a read of that kind.
func (c *checker) outsideFlows(e entry, t report.Tool, res *reached) []report.Finding {
	var reads []read
	c.eachSite(res, func(site ssa.CallInstruction) {
		for _, r := range c.readsAt(site) {
			if r.capability == "db-read" && r.label == "" && res.modelQueries[site] {
				// The model writes the query: SELECT * is its choice.
				r.label = "db"
			}
			if outsideRules[r.label] != "" {
				reads = append(reads, r)
			}
		}
	})
	var findings []report.Finding
	for _, label := range rules.SourceLabels {
		var mine []read
		for _, r := range reads {
			if r.label == label {
				mine = append(mine, r)
			}
		}
		if len(mine) == 0 {
			continue
		}
		funcs := c.funcSet(res)
		order := moduleOrder(res, funcs)
		for _, fn := range c.calledAfter(res) {
			if !funcs[fn] {
				funcs[fn] = true
				order = append(order, fn)
			}
		}
		f := newFlow(c.cat, c.rc, funcs, res.carriesResult)
		f.outside = true
		f.stopAtSinks = true
		// A page converted by a library (HTML to text) is still the
		// page.
		f.throughDependencies = true
		f.decodersOnly = true
		f.dependency = c.isDependency
		f.next = layerNext(e)
		f.authUsesData = true
		if label == "secret" {
			// A credential a client holds is used, not returned:
			// but rows, pages and files are what the cursor, the
			// response or the reader that holds them gives back.
			f.clientsKeepCredentials = true
		}
		for _, r := range mine {
			seedRead(f, r, label)
		}
		f.run(order)
		o, at := c.resultTaint(f, e)
		if o == nil {
			continue
		}
		src := mine[0]
		root := o
		for root.prev != nil {
			root = root.prev
		}
		for _, r := range mine {
			if callValue(r.site) == root.at {
				src = r
			}
		}
		steps := append(c.steps(o), report.Step{Position: c.pos.of(at), What: "returned to the model"})
		id := outsideRules[label]
		findings = append(findings, c.finding(id, t, src.capability, src.sym, src.site.Pos(),
			outsideMessage(t.Name, label, src.sym), res.frames(src.site.Parent(), src.site, c.pos), steps))
	}
	return findings
}

// seedRead marks what a read produces: its result, and the variables it
// fills through pointers (gorm's db.Find(&users)).
func seedRead(f *flow, r read, label string) {
	seedCall(f, r.site, &origin{mask: labelMask(label), pos: r.site.Pos(), what: "reads " + r.sym}, false)
}

func outsideMessage(tool, label, sym string) string {
	switch label {
	case "secret":
		return fmt.Sprintf("tool %s returns a secret read by %s to the model", tool, sym)
	case "file":
		return fmt.Sprintf("tool %s returns the contents of a file read by %s to the model", tool, sym)
	case "db":
		return fmt.Sprintf("tool %s returns whole database rows read by %s to the model", tool, sym)
	}
	return fmt.Sprintf("tool %s returns web content fetched by %s to the model, where it can carry instructions", tool, sym)
}

// readsAt classifies a call whose result is outside data: one read for a
// catalogued source, or one per sink the call can reach. Environment values
// and constant credential files are secrets; file contents are files;
// whole rows (SELECT * or an ORM loading records) are db; responses are
// web; the catalog's sources carry their own label.
func (c *checker) readsAt(site ssa.CallInstruction) []read {
	if callValue(site) == nil {
		return nil
	}
	hits := c.rc.sinksAt(site)
	for _, sym := range siteSymbols(c.rc, site) {
		if src, ok := c.cat.Sources[rules.Normalize(sym)]; ok {
			r := read{site: site, sym: sym, label: src.Label}
			if len(hits) > 0 {
				r.capability = hits[0].capability
			}
			return []read{r}
		}
	}
	out := make([]read, 0, len(hits))
	for _, h := range hits {
		out = append(out, c.readOf(site, h))
	}
	return out
}

// publicEnvVar reports whether an environment variable is one the system
// or the shell sets for every process, which holds no secret: who the user
// is, where home and the temporary files are, the locale, the terminal,
// the search path (POSIX's and XDG's variables, Windows' profile folders).
func publicEnvVar(name string) bool {
	switch name {
	case "HOME", "USER", "LOGNAME", "USERNAME", "PATH", "SHELL", "PWD", "OLDPWD", "SHLVL",
		"LANG", "LANGUAGE", "TERM", "COLORTERM", "TMPDIR", "TMP", "TEMP", "TZ", "HOSTNAME",
		"EDITOR", "VISUAL", "PAGER", "DISPLAY", "NO_COLOR",
		"USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMFILES", "SYSTEMROOT", "COMPUTERNAME":
		return true
	}
	return strings.HasPrefix(name, "LC_") || strings.HasPrefix(name, "XDG_")
}

// readOf classifies the read of one sink a call reaches.
func (c *checker) readOf(site ssa.CallInstruction, h hit) read {
	r := read{site: site, sym: h.sink, capability: h.capability}
	args := callArgs(site.Common())
	switch h.capability {
	case "env":
		if sk, ok := c.cat.Sink(h.sink); ok && sk.NameArg >= 0 && sk.NameArg < len(args) {
			if name, ok := constString(args[sk.NameArg]); ok && publicEnvVar(name) {
				return r // $USER, $HOME: the system's, no secret
			}
		}
		r.label = "secret"
	case "fs-read":
		// File contents, not directory listings (os.ReadDir, filepath.Glob).
		if !strings.Contains(h.sink, "ReadFile") && !strings.Contains(h.sink, "Open") {
			return r
		}
		r.label = "file"
		for _, a := range args {
			if credentialFile.MatchString(strings.Join(constParts(a, 0), "/")) {
				r.label = "secret"
			}
		}
	case "db-read":
		// Whole rows: a constant SELECT *. (ORM and document-store
		// loads of whole records are catalogued as db sources.)
		for _, s := range c.sensitiveOf(h.sink, h.capability) {
			if s.Kind == "sql" && s.Arg < len(args) {
				if q, ok := constString(args[s.Arg]); ok && selectStar.MatchString(q) {
					r.label = "db"
				}
			}
		}
	case "network":
		r.label = "web"
	}
	return r
}

// resultTaint returns the taint that reaches what the tool sends back to
// the model, and where: the handler's return values, or for a dispatched
// tool the catalogued tool-result constructors (openai.ToolMessage) and
// message fields (go-openai's ChatCompletionMessage{Role: "tool"}) in the
// dispatching function, or its returns when a caller builds the message
// from them (Bedrock's runTool, genai's call).
func (c *checker) resultTaint(f *flow, e entry) (*origin, token.Pos) {
	if o, pos := c.handlerResultTaint(f, e); o != nil || e.region == nil {
		return o, pos
	}
	if c.returnsToModel(e.handler) {
		return returnTaint(f, e.handler)
	}
	return nil, token.NoPos
}

// messageTaint returns the taint that reaches a catalogued tool-result
// constructor or message field in fn.
func (c *checker) messageTaint(f *flow, fn *ssa.Function) (*origin, token.Pos) {
	for _, st := range toolResultStores(c.cat, fn) {
		if o := f.deep(st.Val); o != nil {
			return o, st.Pos()
		}
	}
	for _, site := range symbol.CallSites(fn) {
		for _, sym := range siteSymbols(c.rc, site) {
			ref, ok := c.cat.ToolResults[rules.Normalize(sym)]
			if !ok {
				continue
			}
			if args := callArgs(site.Common()); ref.Arg < len(args) {
				if o := f.deep(args[ref.Arg]); o != nil {
					return o, site.Pos()
				}
			}
		}
	}
	return nil, token.NoPos
}

// handlerResultTaint is resultTaint within the handler: its returns, or for
// a dispatched tool the messages built in the dispatching function.
func (c *checker) handlerResultTaint(f *flow, e entry) (*origin, token.Pos) {
	if e.region != nil {
		return c.messageTaint(f, e.handler)
	}
	return returnTaint(f, e.handler)
}

// returnTaint returns the taint that reaches fn's results, and where.
func returnTaint(f *flow, fn *ssa.Function) (*origin, token.Pos) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok {
				continue
			}
			for _, r := range ret.Results {
				if o := f.deep(r); o != nil {
					return o, returnPos(f, ret, r)
				}
			}
		}
	}
	return nil, token.NoPos
}

// returnPos is where a tainted result is returned. With a defer, every
// return statement stores its results into result slots and one Return
// reads them: the position is then the store of the tainted value.
func returnPos(f *flow, ret *ssa.Return, r ssa.Value) token.Pos {
	ld, ok := r.(*ssa.UnOp)
	if !ok {
		return ret.Pos()
	}
	slot, ok := ld.X.(*ssa.Alloc)
	if !ok {
		return ret.Pos()
	}
	for _, ref := range *slot.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == slot && f.deep(st.Val) != nil && st.Pos().IsValid() {
			return st.Pos()
		}
	}
	return ret.Pos()
}

// promptFlows runs the prompt analysis over the whole analysed program:
// outside content (web pages, files, database rows, e-mail) reaching a
// message sent to an LLM, and an HTTP request reaching a system prompt.
func (c *checker) promptFlows(scope []*ssa.Function) []report.Finding {
	stores := promptStores(c.cat, scope)
	if len(c.cat.Prompts) == 0 && len(stores) == 0 {
		return nil
	}
	funcs := map[*ssa.Function]bool{}
	for _, fn := range scope {
		funcs[fn] = true
	}
	var reads []read
	var fieldSeeds []struct {
		v     ssa.Value
		label string
		what  string
	}
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if site, ok := instr.(ssa.CallInstruction); ok {
					reads = append(reads, c.readsAt(site)...)
					continue
				}
				var x ssa.Value
				var field int
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					x, field = in.X, in.Field
				case *ssa.Field:
					x, field = in.X, in.Field
				default:
					continue
				}
				name := fieldName(x.Type(), field)
				if src, ok := c.cat.SourceFields[rules.Normalize(typeSymbol(x.Type()))][name]; ok {
					fieldSeeds = append(fieldSeeds, struct {
						v     ssa.Value
						label string
						what  string
					}{instr.(ssa.Value), src.Label, "reads " + shortType(typeSymbol(x.Type())) + "." + name})
				}
			}
		}
	}
	var findings []report.Finding
	seen := map[string]bool{}
	// The five runs cover the same functions: a call's targets are the
	// same in each. They are all found first, so that the runs below only
	// read them, and nothing else they share changes (the reacher's
	// memos, written on a miss, are not safe for concurrent use).
	callees := map[ssa.CallInstruction]siteTargets{}
	pre := newFlow(c.cat, c.rc, funcs, nil)
	pre.callees = callees
	pre.resolveAll(scope)
	var runs []*flow
	var labels []string
	for _, label := range rules.SourceLabels {
		if label == "secret" {
			continue
		}
		f := newFlow(c.cat, c.rc, funcs, nil)
		f.callees = callees
		f.outside = true
		n := 0
		for _, r := range reads {
			if r.label == label || (label == "db" && r.capability == "db-read") {
				seedRead(f, r, label)
				n++
			}
		}
		for _, s := range fieldSeeds {
			if s.label == label {
				f.seed(s.v, labelMask(label), s.what)
				n++
			}
		}
		if n == 0 {
			continue
		}
		runs = append(runs, f)
		labels = append(labels, label)
	}
	// Each label's fixpoint is its own (one CPU-bound pass over the whole
	// module per round): they run side by side, and their findings are
	// taken in label order as each is done.
	wait := runConcurrently(runs, func(f *flow) { f.run(scope) })
	for i, f := range runs {
		wait(i)
		label := labels[i]
		runs[i] = nil
		for _, ms := range stores {
			if label == "user" && ms.role != "system" {
				continue
			}
			o := f.deep(ms.store.Val)
			if o == nil {
				continue
			}
			fn := ms.store.Parent()
			fa := ms.store.Addr.(*ssa.FieldAddr)
			what := shortType(typeSymbol(fa.X.Type())) + "." + fieldName(fa.X.Type(), fa.Field)
			id := "BR204"
			if label == "user" {
				id = "BR205"
			}
			key := id + fn.String() + what + label
			if seen[key] {
				continue
			}
			seen[key] = true
			steps := append(c.steps(o), report.Step{Position: c.pos.of(ms.store.Pos()), What: "stored in " + what})
			msg := fmt.Sprintf("%s content reaches an LLM message through %s in %s", labelNoun(label), what, shortSymbol(fn))
			if id == "BR205" {
				msg = fmt.Sprintf("the HTTP request reaches a system prompt through %s in %s", what, shortSymbol(fn))
			}
			findings = append(findings, c.finding(id, report.Tool{Handler: fn.String() + "#" + label}, "", what, ms.store.Pos(), msg, nil, steps))
		}
		for _, fn := range scope {
			for _, site := range symbol.CallSites(fn) {
				for _, sym := range siteSymbols(c.rc, site) {
					p, ok := c.cat.Prompts[rules.Normalize(sym)]
					if !ok {
						continue
					}
					id := "BR204"
					if label == "user" {
						if p.Role != "system" {
							continue
						}
						id = "BR205"
					}
					args := callArgs(site.Common())
					for i := p.Arg; i < len(args); i++ {
						o := f.deep(args[i])
						if o == nil {
							continue
						}
						key := id + fn.String() + sym + label
						if seen[key] {
							break
						}
						seen[key] = true
						steps := append(c.steps(o), report.Step{Position: c.pos.of(site.Pos()), What: "passed to " + sym})
						msg := fmt.Sprintf("%s content reaches an LLM message through %s in %s", labelNoun(label), sym, shortSymbol(fn))
						if id == "BR205" {
							msg = fmt.Sprintf("the HTTP request reaches a system prompt through %s in %s", sym, shortSymbol(fn))
						}
						fnd := c.finding(id, report.Tool{Handler: fn.String() + "#" + label}, "", sym, site.Pos(), msg, nil, steps)
						findings = append(findings, fnd)
						break
					}
				}
			}
		}
	}
	return findings
}

// runConcurrently calls do on each of items, in order, as many at a time
// as there are CPUs. wait(i) returns once the call on items[i] has, and
// panics with its panic if it did, on the caller's goroutine, where the
// command's recovery sees it.
func runConcurrently[T any](items []T, do func(T)) (wait func(i int)) {
	done := make([]chan any, len(items))
	for i := range done {
		done[i] = make(chan any, 1)
	}
	pending := slices.Clone(items)
	go func() {
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i := range pending {
			sem <- struct{}{}
			it := pending[i]
			clear(pending[i : i+1]) // the caller may let go of it once done
			go func() {
				defer func() {
					done[i] <- recover()
					<-sem
				}()
				do(it)
			}()
		}
	}()
	return func(i int) {
		if r := <-done[i]; r != nil {
			panic(r)
		}
	}
}

func labelNoun(label string) string {
	switch label {
	case "web":
		return "web"
	case "file":
		return "file"
	case "db":
		return "database"
	case "email":
		return "e-mail"
	}
	return label
}

// chooses reports whether the model chooses what a sink call does: its
// input reaches a sensitive argument (the command, the query text, the
// URL, the path) with that argument's kind, raw or built; for a sink with
// none declared, any argument with its capability's kind (choose lines:
// the URL of the request that (*http.Client).Do sends), or for a
// capability without one (env, cloud), any argument. A model-chosen bind
// parameter or request body does not count, nor does a path that went
// through a sanitizer of paths (filepath.Base).
//
// A value that reached the argument only through a check that confines it
// (a path inside a root, a program on an allowlist: see splitConfined) is
// not the model's choice either.
func (c *checker) chooses(res *reached, h hit, f *flow, taintedArgs []int) bool {
	sens := c.choiceOf(h)
	if sens == nil {
		return len(taintedArgs) > 0 || chainChosen(h.site, f) || enteredChosen(h, f)
	}
	free, _ := c.splitConfined(f, res, h.site, c.chosenArgs(h, f, taintedArgs, sens), sens)
	return len(free) > 0
}

// chainChosen reports whether the model's data goes into the request a
// builder call starts, through the methods chained on its result that
// return the builder (`rc.Post().Namespace(ns).Resource("modules").
// Body(obj).Do(ctx)`: the verb call takes nothing, the chain the object).
func chainChosen(site ssa.CallInstruction, f *flow) bool {
	v := callValue(site)
	for n := 0; v != nil && n < 16; n++ {
		var next ssa.Value
		for _, ref := range *v.Referrers() {
			call, ok := ref.(ssa.CallInstruction)
			if !ok || receiverOf(call.Common()) != v {
				continue
			}
			for _, a := range call.Common().Args[1:] {
				if o := f.deep(a); o != nil && o.mask != 0 {
					return true
				}
			}
			if chainReceiver(call.Common()) == v {
				next = callValue(call)
			}
		}
		v = next
	}
	return false
}

// enteredChosen reports whether the model chooses a sink that any
// argument decides, reached in a dependency's code that the scan entered
// (an API client's Create(obj) that posts obj): as for an opaque
// dependency's summary, the module's call into that code decides, by any
// of its arguments. Only an API's operations: what else the dependency
// does (the environment it reads) is its own.
func enteredChosen(h hit, f *flow) bool {
	if !strings.HasPrefix(h.capability, "cloud-") || h.at == nil || f.funcs[h.site.Parent()] {
		return false
	}
	var into *step
	s := h.at
	for s != nil && !f.funcs[s.fn] {
		into, s = s, s.prev
	}
	if s == nil || into == nil || into.site == nil || into.site.Parent() != s.fn {
		return false
	}
	for _, a := range callArgs(into.site.Common()) {
		if o := f.deep(a); o != nil && o.mask != 0 {
			return true
		}
	}
	return chainChosen(into.site, f)
}

// toolChooses reports whether the model chooses what any call of a hit's
// sink does in the tool: every site that reaches the same sink with the
// same capability counts (a command run through an allowlist in one
// branch and through sh -c in another is the model's). It returns the hit
// to show for the capability: h, or the first call of the sink that the
// model chooses when h's is not one, so that a capability shown as the
// model's points at a call whose arguments are (the tool's page fetch, not
// the model API request that the same http.Client.Do also makes).
func (c *checker) toolChooses(res *reached, h hit, f *flow, tainted map[ssa.CallInstruction][]int) (hit, bool) {
	if c.chooses(res, h, f, tainted[h.site]) {
		return h, true
	}
	sites := make([]ssa.CallInstruction, 0, len(tainted))
	for s := range tainted {
		if s != h.site {
			sites = append(sites, s)
		}
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Pos() < sites[j].Pos() })
	for _, s := range sites {
		for _, other := range c.rc.sinksAt(s) {
			if other.sink == h.sink && other.capability == h.capability {
				o := h
				o.site = s
				if c.chooses(res, o, f, tainted[s]) {
					if at := res.steps[s.Parent()]; at != nil {
						o.at, o.tail, o.config = at, nil, other.config
					}
					return o, true
				}
			}
		}
	}
	for _, o := range res.otherWays[[2]string{h.capability, h.sink}] {
		if c.chooses(res, o, f, tainted[o.site]) {
			return o, true
		}
	}
	return c.chosenThroughDependency(res, h, f, tainted)
}

// choiceOf is what decides whether the model chooses a sink's action: its
// sensitive arguments, or every argument with its capability's kind; nil
// for any argument.
//
// A sink reached inside an opaque dependency (a summary's hit) is decided
// at the call into it, whose arguments are not the sink's: by the
// sensitive arguments the catalog gives that call (the address of
// redis.NewClient's options). A sink that one argument of its own decides
// (the path of os.ReadFile, the address of a dial) is otherwise nobody's
// choice: nothing says which argument of the call into the dependency
// becomes it (remotecommand.NewSPDYExecutor reads the certificate file its
// configuration names, not the URL it is given). A sink with none, as
// anywhere, is chosen by any argument with its capability's kind.
func (c *checker) choiceOf(h hit) []rules.Sensitive {
	if sens := c.rootChoice(h); len(sens) > 0 {
		return sens
	}
	sym := c.decidingSymbol(h)
	if sens := c.sensitiveOf(sym, h.capability); len(sens) > 0 {
		if c.rc.callsMethodValue(h.site, sym) {
			return withoutReceiver(sens)
		}
		return sens
	}
	if sym != h.sink {
		if _, own := c.cat.SensitiveArgs(h.sink); own {
			return []rules.Sensitive{}
		}
	}
	if k, ok := c.cat.ChosenBy[h.capability]; ok {
		return []rules.Sensitive{{Kind: k, Arg: 0, Rest: true}}
	}
	return nil
}

// decidingSymbol is the symbol whose arguments decide a hit: the sink, or
// for a sink inside an opaque dependency the call into it.
func (c *checker) decidingSymbol(h hit) string {
	if len(h.tail) > 0 {
		if sym, _, ok := c.rc.opaqueCall(h.site); ok {
			return sym
		}
	}
	return h.sink
}

// chosenArgs lists the arguments of a sink call among sens that carry the
// model's input of their kind, raw or built, in increasing order.
func (c *checker) chosenArgs(h hit, f *flow, taintedArgs []int, sens []rules.Sensitive) []int {
	args := callArgs(h.site.Common())
	var out []int
	for _, i := range taintedArgs {
		if i >= len(args) || c.protocolMessage(f, h.sink, args[i]) {
			continue
		}
		o := f.argument(h.site, args, i)
		for _, s := range sens {
			if (i == s.Arg || (s.Rest && i > s.Arg)) && o != nil && o.mask&eitherMask([]string{s.Kind}) != 0 {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// withoutFixedProgram drops, from the tainted arguments of a command call,
// the program when the code fixes it (fixedProgram): a program that came
// out of the same split line as the model's words, or a field of an
// object the model's data reached, is still the code's. The call's
// capability is then the model's only through the arguments it takes.
func (c *checker) withoutFixedProgram(site ssa.CallInstruction, tainted []int, scope map[*ssa.Function]bool) []int {
	for _, sc := range c.sensitivesAt(site) {
		for _, s := range sc.args {
			if !slices.Contains(tainted, s.Arg) {
				continue
			}
			if _, fixed := c.fixedProgram(site, s, scope); fixed {
				tainted = slices.DeleteFunc(slices.Clone(tainted), func(i int) bool { return i == s.Arg })
			}
		}
	}
	return tainted
}

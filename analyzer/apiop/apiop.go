// Package apiop finds the operations of web APIs that a dependency's code
// makes: which requests a client library sends to the platform it holds,
// and whether each reads or changes something. [Infer] is its entry point;
// docs/summaries.md ("API clients the scan enters") says why.
//
// A web API's client library (a cloud provider's SDK, a forge's, a secret
// store's) sends every request through the same HTTP client: reached in its
// code, each operation ends in (*net/http.Client).Do, and "network" says
// nothing of what the tool does. The catalog names some API clients, which
// are summarised (`api` lines, docs/summaries.md); any other dependency the
// scan enters is judged by the same principle, from its code:
//
//   - a request is an operation of the API when the client holds where it
//     goes: the URL's host comes from the client's own state (a field, a
//     package variable, a constant base), not from its caller (a scraper's
//     Fetch(url) or an HTTP helper's Get(url) sends the caller's request);
//   - the operation is the method the client's code fixes for it: a
//     constant that reaches the method argument of an `operation` line
//     (net/http.NewRequest), directly or through the client's helpers'
//     parameters and struct fields;
//   - a GET is cloud-read; a PUT, a PATCH or a DELETE cloud-write, and so
//     is a POST of a client whose code also fixes one of those (its
//     resources are REST's); the POST of a client of procedures (a search,
//     a model's completion) says nothing and stays network.
//
// The module's own code is judged the same way, each of its packages a
// client, except that its POST stays "network": a server's package is often
// several services' client at once, some searched by POST. Where a library
// makes the request, the module's call into it is where the operation
// shows. Which
// function decides a tool's network call (the nearest to the tool that
// fixes an operation) is the analyzer's search (analyzer/apiops.go).
//
// The same inference, over the same call sites, says which parameter of a
// library's function is a root its caller chooses: the host of a request
// it sends (Fetch(url)), or the start of a file's path (Load(path)); see
// roots.go. Where a URL's host or a path's start comes from is origin.go;
// the endpoint an operation names, for a POST that reads, endpoint.go.
package apiop

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// opSig says how a function builds a request whose operation its callers
// choose: the method is a constant it fixes, one of its parameters, or a
// struct field; the URL is held (url < 0) or one of its parameters.
type opSig struct {
	method string
	mparam int
	field  *types.Var
	url    int
	// client is the module of the API client whose code holds the URL
	// (a function of the module that calls its request builder fixes
	// the operation too); "" when the module's own code holds it.
	client string
	// path, for a file's path instead of a request's URL (url is then
	// the parameter that starts the path), is the capability of the
	// file call it reaches (fs-read, fs-write).
	path string
	// endpoint is the text the held URL is built from, its parameters
	// as {} (url < 0): what the operation's endpoint is named.
	endpoint string
}

// opFix is an operation a function fixes, and the API client's module.
type opFix struct {
	op, client string
	// read marks a POST to an endpoint that names a read (a search):
	// rules.Catalog.ReadsEndpoint.
	read bool
	// body marks a POST to an endpoint whose body names the operation
	// (GraphQL's): rules.Catalog.BodyEndpoint.
	body bool
}

// Operations knows, for the dependencies' functions the scan enters,
// the operations each fixes.
type Operations struct {
	cat      *rules.Catalog
	own      func(*ssa.Function) bool
	enters   func(*ssa.Function) bool
	moduleOf func(*ssa.Function) string
	callees  func(ssa.CallInstruction) []*ssa.Function
	sigs     map[*ssa.Function]map[opSig]bool
	fixes    map[*ssa.Function]map[opFix]bool
	// fields hold a method that an operation's request is built with,
	// by the API clients holding its URL: what is stored there names
	// the operation.
	fields map[*types.Var]map[string]bool
	// rest holds the API clients that fix a PUT, a PATCH or a DELETE:
	// they manage resources (REST's), so a GET reads one and a POST
	// creates one.
	rest map[string]bool
	// returned memoises returnedURL.
	returned map[*ssa.Function]urlFrom
	// pairs maps the URL field of a request object to its method field.
	pairs map[*types.Var]*types.Var
	// via holds, for a file path's signature of a function, the call
	// it was learnt from: the way on to the file call.
	via map[sigAt]sigVia
}

// sigAt is a function's signature.
type sigAt struct {
	fn *ssa.Function
	s  opSig
}

// sigVia is the call a signature was learnt from: the callee's signature
// there, and the catalogued symbol when the callee is one.
type sigVia struct {
	site   ssa.CallInstruction
	callee *ssa.Function
	s      opSig
	sink   string
}

// Config is what Infer needs of the scan.
type Config struct {
	Catalog *rules.Catalog
	// Own says whether a function is the module's own code.
	Own func(*ssa.Function) bool
	// Enters says whether the scan enters a function's body (a
	// dependency's, not the standard library's nor an opaque SDK's).
	Enters func(*ssa.Function) bool
	// ModuleOf gives the module a dependency's function belongs to.
	ModuleOf func(*ssa.Function) string
	// Callees gives the call graph's callees of a dynamic call.
	Callees func(ssa.CallInstruction) []*ssa.Function
	// CallSites gives the calls of a function that can run (nil:
	// symbol.CallSites).
	CallSites func(*ssa.Function) []ssa.CallInstruction
}

// Infer computes the operations that the functions fns fix (the functions
// the tools reach: a fixpoint over their call sites, as their helpers'
// parameters and fields carry the method and the URL).
func Infer(cfg Config, fns []*ssa.Function) *Operations {
	a := &Operations{cat: cfg.Catalog, own: cfg.Own, enters: cfg.Enters, moduleOf: cfg.ModuleOf, callees: cfg.Callees,
		sigs: map[*ssa.Function]map[opSig]bool{}, fixes: map[*ssa.Function]map[opFix]bool{},
		fields: map[*types.Var]map[string]bool{}, rest: map[string]bool{}, returned: map[*ssa.Function]urlFrom{}, pairs: map[*types.Var]*types.Var{},
		via: map[sigAt]sigVia{}}
	callSites := cfg.CallSites
	if callSites == nil {
		callSites = symbol.CallSites
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range fns {
			for _, site := range callSites(fn) {
				callee, sym, sigs := a.calleeSigs(site)
				for _, s := range sigs {
					if sym != "" && s.path != "" && !a.does(site, sym, s.path) {
						continue // os.OpenFile(p, os.O_RDONLY, 0) writes nothing
					}
					changed = a.apply(fn, site, s, sigVia{site: site, callee: callee, s: s, sink: sym}) || changed
				}
			}
			changed = a.fieldStores(fn) || changed
		}
	}
	for _, fixes := range a.fixes {
		for f := range fixes {
			if !a.cat.Reads(f.op) && !strings.EqualFold(f.op, http.MethodPost) {
				a.rest[f.client] = true
			}
		}
	}
	return a
}

// does reports whether a call of a catalogued sink does what capability
// names, by its arguments (os.OpenFile's flags): a sink without flags does
// what the catalog says.
func (a *Operations) does(site ssa.CallInstruction, sym, capability string) bool {
	if sk, ok := a.cat.Sink(sym); !ok || sk.FlagArg < 0 {
		return true
	}
	for _, h := range sink.At(a.cat, site, func() []*ssa.Function { return nil }, symbol.Of) {
		if h.Capability == capability {
			return true
		}
	}
	return false
}

// calleeSigs returns how the callee of a call builds a request: an
// `operation` line's symbol (net/http.NewRequest, its method and its URL
// argument), or a function the fixpoint has learnt (the static callee, or
// a dynamic call's only callee). sink is the catalogued symbol, or "".
func (a *Operations) calleeSigs(site ssa.CallInstruction) (callee *ssa.Function, sink string, sigs []opSig) {
	callee = site.Common().StaticCallee()
	if callee == nil {
		// A call through an interface or a function value builds
		// the request its one callee does (a client behind its own
		// interface); with several, it may build any.
		callees := a.callees(site)
		if len(callees) != 1 {
			return nil, "", nil
		}
		callee = callees[0]
	}
	sym := symbol.Of(callee)
	if sigs := a.catalogSigs(sym); sigs != nil {
		return callee, sym, sigs
	}
	for s := range a.sigs[callee] {
		sigs = append(sigs, s)
	}
	// In a fixed order: the first way learnt is the one shown.
	sort.Slice(sigs, func(i, j int) bool { return sigs[i].key() < sigs[j].key() })
	return callee, "", sigs
}

// key orders signatures.
func (s opSig) key() string {
	f := ""
	if s.field != nil {
		f = s.field.Pkg().Path() + "." + s.field.Name()
	}
	return fmt.Sprintf("%s|%d|%d|%s|%s|%s|%s", s.path, s.url, s.mparam, s.method, s.client, f, s.endpoint)
}

// catalogSigs returns how a catalogued symbol builds a request or opens a
// file, or nil.
func (a *Operations) catalogSigs(sym string) []opSig {
	if ref, ok := a.cat.Operations[rules.Normalize(sym)]; ok {
		url := -1
		if sens, ok := a.cat.SensitiveArgs(sym); ok {
			for _, s := range sens {
				if s.Kind == "url" {
					url = s.Arg
				}
			}
		}
		if url < 0 {
			return nil
		}
		return []opSig{{mparam: ref.Arg, url: url}}
	}
	if sk, ok := a.cat.Sink(sym); ok {
		// A request sent where one argument says (http.Get(url)):
		// no method that an operation could be told by, but the
		// URL's host is its caller's choice. A file opened, written
		// or removed at a path: where the path starts is its
		// caller's choice (for a sink whose flags decide between
		// reading and writing, os.OpenFile, each call's flags say
		// which: Infer keeps the one the call does).
		kind := a.cat.ChosenBy[sk.Capability]
		if sens, ok := a.cat.SensitiveArgs(sym); ok && (kind == "url" || kind == "path") {
			capabilities := []string{sk.Capability}
			if sk.FlagArg >= 0 {
				capabilities = []string{"fs-read", "fs-write"}
			}
			var out []opSig
			for _, s := range sens {
				switch {
				case s.Kind != kind:
				case kind == "url":
					out = append(out, opSig{mparam: -1, url: s.Arg})
				default:
					for _, c := range capabilities {
						out = append(out, opSig{mparam: -1, url: s.Arg, path: c})
					}
				}
			}
			return out
		}
	}
	return nil
}

// apply learns what a call in fn of a request builder with signature s
// tells of fn: the operations it fixes, or how it builds the request for
// its own callers.
func (a *Operations) apply(fn *ssa.Function, site ssa.CallInstruction, s opSig, via sigVia) bool {
	args := sink.Args(site.Common())
	if s.url >= 0 && s.url < len(args) && s.method == "" && s.field == nil && s.mparam >= 0 && s.mparam < len(args) {
		if m, u, ok := requestFields(args[s.mparam], args[s.url]); ok {
			// The method and the URL of a request object (an HTTP
			// library's r.Method and r.URL): who sets them decides
			// (fieldStores).
			if a.pairs[u] == m {
				return false
			}
			a.pairs[u] = m
			return true
		}
	}
	var held bool
	var urlParams []int
	if s.url < 0 {
		held = true
	} else if s.url < len(args) {
		held, urlParams = a.urlOrigin(fn, args[s.url], 0, map[ssa.Value]bool{})
	}
	if s.path != "" {
		// A file's path: only who chooses where it starts.
		changed := false
		for _, u := range urlParams {
			learnt := opSig{mparam: -1, url: u, path: s.path}
			if add(a.sigs, fn, learnt) {
				a.via[sigAt{fn, learnt}] = via
				changed = true
			}
		}
		return changed
	}
	var consts []string
	var mparams []int
	var fields []*types.Var
	switch {
	case s.method != "":
		consts = []string{s.method}
	case s.field != nil:
		fields = []*types.Var{s.field}
	case s.mparam >= 0 && s.mparam < len(args):
		consts, mparams, fields = methodOrigin(fn, args[s.mparam], map[ssa.Value]bool{})
	}
	var client, endpoint string
	if s.url < 0 {
		client, endpoint = s.client, endpointIn(fn, s.endpoint, args)
	} else {
		endpoint = endpointOf(fn, args[s.url], 0)
		client = a.clientOf(fn)
	}
	return a.learn(fn, held, client, endpoint, urlParams, consts, mparams, fields)
}

// clientOf is the API client whose code fn is: a dependency's module, or
// a package of the module's own (ownClient marks it).
func (a *Operations) clientOf(fn *ssa.Function) string {
	if !a.own(fn) {
		return a.moduleOf(fn)
	}
	if fn.Pkg == nil {
		return ""
	}
	return ownClient + fn.Pkg.Pkg.Path()
}

// ownClient prefixes the client of a request the module's own code sends
// to a host it holds. Such a package is often not one API's client but a
// server's every client at once (a Grafana server's plugin APIs, searched
// by POST, beside the ones it deletes from): its POST says nothing and
// stays network; its GET reads and its PUT, PATCH and DELETE write.
const ownClient = "own:"

// learn records what fn tells of a request it builds: with the URL held
// (by client, an API client's module, or "" for the module's own code)
// the constant methods are operations fn fixes and the others make fn a
// request builder for its callers; with the URL from fn's parameters, fn
// is a request builder whose callers say where it goes.
func (a *Operations) learn(fn *ssa.Function, held bool, client, endpoint string, urlParams []int, consts []string, mparams []int, fields []*types.Var) bool {
	changed := false
	if held {
		// Who holds the URL decides: an API client's code, or the
		// module's own (a webhook the server posts to through a
		// library's PostJSON(url, v) is its own request).
		for _, m := range consts {
			if client != "" {
				changed = add(a.fixes, fn, opFix{m, client, a.postReads(m, endpoint), a.postBody(m, endpoint)}) || changed
			}
		}
		for _, p := range mparams {
			changed = add(a.sigs, fn, opSig{mparam: p, url: -1, client: client, endpoint: endpoint}) || changed
		}
		for _, f := range fields {
			if client != "" {
				changed = add(a.fields, f, client) || changed
			}
		}
	}
	for _, u := range urlParams {
		for _, m := range consts {
			changed = add(a.sigs, fn, opSig{method: m, mparam: -1, url: u}) || changed
		}
		for _, p := range mparams {
			changed = add(a.sigs, fn, opSig{mparam: p, url: u}) || changed
		}
		for _, f := range fields {
			changed = add(a.sigs, fn, opSig{field: f, mparam: -1, url: u}) || changed
		}
		if len(consts) == 0 && len(mparams) == 0 && len(fields) == 0 {
			// No method known: still a request whose host fn's
			// caller gives (see HostParams).
			changed = add(a.sigs, fn, opSig{mparam: -1, url: u}) || changed
		}
	}
	return changed
}

// fieldStores learns from the stores of fn into a field that holds a
// request's method: a constant stored there is an operation fn fixes (a
// builder's Verb("DELETE") sets it), a parameter makes fn a builder.
func (a *Operations) fieldStores(fn *ssa.Function) bool {
	if len(a.fields) == 0 && len(a.pairs) == 0 {
		return false
	}
	changed := a.requestStores(fn)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			f := symbol.Field(fa.X.Type(), fa.Field)
			if f == nil || len(a.fields[f.Origin()]) == 0 {
				continue
			}
			for _, w := range boundOrigins(fn, st.Val) {
				consts, params, _ := methodOrigin(w.fn, w.v, map[ssa.Value]bool{})
				endpoint := ""
				if w.fn == fn {
					endpoint = storedPath(fn, fa.X)
				}
				for client := range a.fields[f.Origin()] {
					for _, m := range consts {
						changed = add(a.fixes, w.fn, opFix{m, client, a.postReads(m, endpoint), a.postBody(m, endpoint)}) || changed
					}
					for _, p := range params {
						changed = add(a.sigs, w.fn, opSig{mparam: p, url: -1, client: client}) || changed
					}
				}
			}
		}
	}
	return changed
}

// requestStores learns from fn's stores into a request object's method
// and URL fields (a pair the fixpoint found): a function that sets both
// (an HTTP library's Execute(method, url)) builds the request, with the
// method and the URL it stores; one that only rewrites the URL (resolves
// it against a base) says nothing of who chose it.
func (a *Operations) requestStores(fn *ssa.Function) bool {
	if len(a.pairs) == 0 {
		return false
	}
	stored := map[*types.Var][]ssa.Value{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
					if f := symbol.Field(fa.X.Type(), fa.Field); f != nil {
						stored[f.Origin()] = append(stored[f.Origin()], st.Val)
					}
				}
			}
		}
	}
	changed := false
	for u, m := range a.pairs {
		if len(stored[u]) == 0 || len(stored[m]) == 0 {
			continue
		}
		var held bool
		var urlParams []int
		for _, v := range stored[u] {
			h, ps := a.urlOrigin(fn, v, 0, map[ssa.Value]bool{})
			held, urlParams = held || h, append(urlParams, ps...)
		}
		var consts []string
		var mparams []int
		for _, v := range stored[m] {
			c, p, _ := methodOrigin(fn, v, map[ssa.Value]bool{})
			consts, mparams = append(consts, c...), append(mparams, p...)
		}
		client := a.clientOf(fn)
		changed = a.learn(fn, held, client, endpointOf(fn, stored[u][0], 0), urlParams, consts, mparams, nil) || changed
	}
	return changed
}

// requestFields returns the fields a request's method and URL are read
// from when both are fields of the same value (r.Method and r.URL, or
// r.URL.String()): a request object that some function filled.
func requestFields(method, url ssa.Value) (m, u *types.Var, ok bool) {
	mb, m := loadedField(method)
	for {
		switch x := url.(type) {
		case *ssa.ChangeType:
			url = x.X
			continue
		case *ssa.Call:
			if callee := x.Call.StaticCallee(); callee != nil && urlKeeping[symbol.Of(callee)] && len(x.Call.Args) > 0 {
				url = x.Call.Args[0]
				continue
			}
		}
		break
	}
	ub, u := loadedField(url)
	if m == nil || u == nil || mb != ub {
		return nil, nil, false
	}
	return m, u, true
}

// loadedField returns the value a field is read from, and the field, when
// v is such a read.
func loadedField(v ssa.Value) (ssa.Value, *types.Var) {
	if c, ok := v.(*ssa.ChangeType); ok {
		v = c.X
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			if f := symbol.Field(fa.X.Type(), fa.Field); f != nil {
				return fa.X, f.Origin()
			}
		}
	case *ssa.Field:
		if f := symbol.Field(x.X.Type(), x.Field); f != nil {
			return x.X, f.Origin()
		}
	}
	return nil, nil
}

// valueIn is a value of a function.
type valueIn struct {
	fn *ssa.Function
	v  ssa.Value
}

// boundOrigins returns where a value stored in fn comes from: itself, or
// for a variable a closure captures, what each function that makes the
// closure binds it to (an option's func(c *config) { c.method = m },
// made by withMethod(m), which captures m by reference: what withMethod
// stores in it).
func boundOrigins(fn *ssa.Function, v ssa.Value) []valueIn {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	fv, ok := v.(*ssa.FreeVar)
	if !ok {
		return []valueIn{{fn, v}}
	}
	i := slices.Index(fn.FreeVars, fv)
	var out []valueIn
	for _, mc := range symbol.ClosureMakers(fn) {
		if i < 0 || i >= len(mc.Bindings) {
			continue
		}
		b := mc.Bindings[i]
		cell, ok := b.(*ssa.Alloc)
		if !ok {
			out = append(out, valueIn{mc.Parent(), b})
			continue
		}
		for _, r := range *cell.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
				out = append(out, valueIn{mc.Parent(), st.Val})
			}
		}
	}
	return out
}

// add puts v in the set m[k] and reports whether it was not there yet.
func add[K, V comparable](m map[K]map[V]bool, k K, v V) bool {
	if m[k][v] {
		return false
	}
	if m[k] == nil {
		m[k] = map[V]bool{}
	}
	m[k][v] = true
	return true
}

// methodOrigin follows a value that names a request's method back to
// where fn gets it: constants, fn's parameters, struct fields.
func methodOrigin(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) (consts []string, params []int, fields []*types.Var) {
	if seen[v] {
		return nil, nil, nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String && constant.StringVal(x.Value) != "" {
			return []string{constant.StringVal(x.Value)}, nil, nil
		}
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == x {
				return nil, []int{i}, nil
			}
		}
	case *ssa.ChangeType:
		return methodOrigin(fn, x.X, seen)
	case *ssa.Convert:
		return methodOrigin(fn, x.X, seen)
	case *ssa.MakeInterface:
		return methodOrigin(fn, x.X, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			c, p, f := methodOrigin(fn, e, seen)
			consts, params, fields = append(consts, c...), append(params, p...), append(fields, f...)
		}
		return consts, params, fields
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			if f := symbol.Field(fa.X.Type(), fa.Field); f != nil {
				return nil, nil, []*types.Var{f.Origin()}
			}
		}
	case *ssa.Field:
		if f := symbol.Field(x.X.Type(), x.Field); f != nil {
			return nil, nil, []*types.Var{f.Origin()}
		}
	}
	return nil, nil, nil
}

// None reports whether no function fixes an operation.
func (a *Operations) None() bool { return len(a.fixes) == 0 }

// Capabilities returns what a network call is under the operations fn
// fixes, when the client that holds its URL manages resources (its code
// fixes a PUT, a PATCH or a DELETE somewhere): cloud-read for a read,
// cloud-write for any other method, but a POST whose body names the
// operation (a GraphQL document: a query or a mutation alike), which says
// nothing. A client that only GETs and POSTs
// speaks in procedures (a search, a model's completion, a metrics query,
// a browser's debugging endpoint): its methods say nothing of what a
// request does, and its calls stay network.
func (a *Operations) Capabilities(fn *ssa.Function) []string {
	var r, w bool
	for f := range a.fixes[fn] {
		switch {
		case !a.rest[f.client] || f.body:
		case strings.HasPrefix(f.client, ownClient) && strings.EqualFold(f.op, http.MethodPost) && !f.read:
		case a.cat.Reads(f.op) || f.read:
			r = true
		default:
			w = true
		}
	}
	var out []string
	if r {
		out = append(out, "cloud-read")
	}
	if w {
		out = append(out, "cloud-write")
	}
	return out
}

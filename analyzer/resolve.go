package analyzer

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// maxFlowDepth bounds the value-flow search. Registration code is shallow:
// a handler travels through a few helpers, slices and struct fields at most.
const maxFlowDepth = 16

// frame binds the parameters of fn to the arguments of one call site, so a
// registration helper is resolved call site by call site rather than as the
// union of all its callers. pins binds a table row (an IndexAddr of a loop)
// to one row of the table, so a loop over a table is resolved row by row.
type frame struct {
	fn     *ssa.Function
	args   []ssa.Value
	parent *frame
	pins   map[ssa.Value]ssa.Value
}

func (f *frame) pinned(v ssa.Value) (ssa.Value, bool) {
	for ; f != nil; f = f.parent {
		if p, ok := f.pins[v]; ok {
			return p, true
		}
	}
	return nil, false
}

// val is a value together with the frame it is evaluated in.
type val struct {
	v  ssa.Value
	fr *frame
}

// resolver answers "which values can flow here?" over the analysed code,
// with indexes built once: stores by address, field and index addresses by
// base, call sites and closures by function. It is a bounded,
// flow-insensitive search, enough for the shapes registration code takes.
type resolver struct {
	cat         *rules.Catalog
	stores      map[ssa.Value][]ssa.Value
	fieldAddrs  map[ssa.Value][]*ssa.FieldAddr
	indexAddrs  map[ssa.Value][]*ssa.IndexAddr
	mapUpdates  map[ssa.Value][]*ssa.MapUpdate
	callSites   map[*ssa.Function][]ssa.CallInstruction
	closures    map[*ssa.Function][]*ssa.MakeClosure
	returns     map[*ssa.Function][]*ssa.Return
	fieldStores map[string][]ssa.Value
	// updatesByLeaf indexes map updates by the map they can update; built
	// on first use.
	updatesByLeaf map[ssa.Value][]*ssa.MapUpdate
}

func newResolver(cat *rules.Catalog, funcs []*ssa.Function) *resolver {
	r := &resolver{
		cat:         cat,
		stores:      map[ssa.Value][]ssa.Value{},
		fieldAddrs:  map[ssa.Value][]*ssa.FieldAddr{},
		indexAddrs:  map[ssa.Value][]*ssa.IndexAddr{},
		mapUpdates:  map[ssa.Value][]*ssa.MapUpdate{},
		callSites:   map[*ssa.Function][]ssa.CallInstruction{},
		closures:    map[*ssa.Function][]*ssa.MakeClosure{},
		returns:     map[*ssa.Function][]*ssa.Return{},
		fieldStores: map[string][]ssa.Value{},
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					r.stores[in.Addr] = append(r.stores[in.Addr], in.Val)
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
						k := fieldKey(fa.X.Type(), fa.Field)
						r.fieldStores[k] = append(r.fieldStores[k], in.Val)
					}
				case *ssa.FieldAddr:
					r.fieldAddrs[in.X] = append(r.fieldAddrs[in.X], in)
				case *ssa.IndexAddr:
					r.indexAddrs[in.X] = append(r.indexAddrs[in.X], in)
				case *ssa.MapUpdate:
					r.mapUpdates[in.Map] = append(r.mapUpdates[in.Map], in)
				case *ssa.MakeClosure:
					if f, ok := in.Fn.(*ssa.Function); ok {
						r.closures[f] = append(r.closures[f], in)
					}
				case *ssa.Return:
					r.returns[fn] = append(r.returns[fn], in)
				}
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						r.callSites[callee] = append(r.callSites[callee], c)
					}
				}
			}
		}
	}
	return r
}

// fieldKey names a struct field by its struct type and index: the fallback
// when a field's base cannot be resolved is every store to that field.
func fieldKey(ptr types.Type, field int) string {
	return fmt.Sprintf("%s#%d", types.TypeString(ptr, nil), field)
}

// flow calls visit with each leaf value that can reach v: it looks through
// conversions, phis, parameters (by frame or by call site), captured
// variables, calls into analysed functions (their results), loads (what was
// stored), struct fields and map lookups. Struct-typed loads are leaves, so
// their fields can be read.
func (r *resolver) flow(v ssa.Value, fr *frame, depth int, seen map[val]bool, visit func(val)) {
	if depth > maxFlowDepth || v == nil {
		return
	}
	k := val{v, fr}
	if seen[k] {
		return
	}
	seen[k] = true
	switch v := v.(type) {
	case *ssa.ChangeType:
		r.flow(v.X, fr, depth+1, seen, visit)
	case *ssa.MakeInterface:
		r.flow(v.X, fr, depth+1, seen, visit)
	case *ssa.TypeAssert:
		r.flow(v.X, fr, depth+1, seen, visit)
	case *ssa.Slice:
		r.flow(v.X, fr, depth+1, seen, visit)
	case *ssa.Phi:
		for _, e := range v.Edges {
			r.flow(e, fr, depth+1, seen, visit)
		}
	case *ssa.Parameter:
		idx := paramIndex(v)
		if idx < 0 {
			return
		}
		if fr != nil && fr.fn == v.Parent() {
			if idx < len(fr.args) {
				r.flow(fr.args[idx], fr.parent, depth+1, seen, visit)
			}
			return
		}
		for _, site := range r.callSites[v.Parent()] {
			args := callArgs(site.Common())
			if idx < len(args) {
				r.flow(args[idx], nil, depth+1, seen, visit)
			}
		}
	case *ssa.FreeVar:
		idx := freeVarIndex(v)
		for _, mc := range r.closures[v.Parent()] {
			if idx >= 0 && idx < len(mc.Bindings) {
				r.flow(mc.Bindings[idx], nil, depth+1, seen, visit)
			}
		}
	case *ssa.Call:
		r.flowCall(v, &v.Call, -1, fr, depth, seen, visit)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			r.flowCall(c, &c.Call, v.Index, fr, depth, seen, visit)
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			visit(k)
			return
		}
		if isAggregate(v.Type()) {
			visit(k)
		}
		r.storedAt(v.X, fr, depth+1, seen, visit)
	case *ssa.Field:
		r.flow(v.X, fr, depth+1, seen, func(s val) {
			r.fieldOfValue(s, fieldName(v.X.Type(), v.Field), depth+1, seen, visit)
		})
	case *ssa.Lookup:
		r.flow(v.X, fr, depth+1, seen, func(m val) {
			for _, u := range r.mapUpdates[m.v] {
				r.flow(u.Value, m.fr, depth+1, seen, visit)
			}
		})
	default:
		visit(k)
	}
}

// flowCall follows a call's result (result index idx, or -1 for a single
// result): through append, catalogued adapters are leaves for the caller to
// interpret, and the return statements of analysed functions.
func (r *resolver) flowCall(call ssa.Value, c *ssa.CallCommon, idx int, fr *frame, depth int, seen map[val]bool, visit func(val)) {
	if b, ok := c.Value.(*ssa.Builtin); ok && b.Name() == "append" {
		for _, a := range c.Args {
			r.flow(a, fr, depth+1, seen, visit)
		}
		return
	}
	callee := c.StaticCallee()
	if callee == nil || isOpaque(r.cat, callee) || len(r.returns[callee]) == 0 {
		visit(val{call, fr})
		return
	}
	if _, ok := r.cat.Adapters[rules.Normalize(symbolOf(callee))]; ok {
		visit(val{call, fr})
		return
	}
	inner := &frame{fn: callee, args: callArgs(c), parent: fr}
	for _, ret := range r.returns[callee] {
		i := idx
		if i < 0 {
			i = 0
		}
		if i < len(ret.Results) {
			r.flow(ret.Results[i], inner, depth+1, seen, visit)
		}
	}
}

// storedAt visits what can be stored at the address addr.
func (r *resolver) storedAt(addr ssa.Value, fr *frame, depth int, seen map[val]bool, visit func(val)) {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		name := fieldName(a.X.Type(), a.Field)
		found := false
		r.bases(a.X, fr, depth+1, seen, func(b val) {
			found = true
			r.fieldOfBase(b, name, depth+1, seen, visit)
		})
		if !found {
			for _, s := range r.fieldStores[fieldKey(a.X.Type(), a.Field)] {
				r.flow(s, nil, depth+1, seen, visit)
			}
		}
	case *ssa.IndexAddr:
		r.bases(a, fr, depth+1, seen, func(b val) {
			for _, s := range r.stores[b.v] {
				r.flow(s, b.fr, depth+1, seen, visit)
			}
		})
	default:
		for _, s := range r.stores[addr] {
			r.flow(s, fr, depth+1, seen, visit)
		}
	}
}

// bases visits the allocations (or table rows) that the pointer p can point
// to. An IndexAddr stands for every row of the arrays behind it, unless the
// frame pins it to one row.
func (r *resolver) bases(p ssa.Value, fr *frame, depth int, seen map[val]bool, visit func(val)) {
	if ia, ok := p.(*ssa.IndexAddr); ok {
		if row, ok := fr.pinned(ia); ok {
			visit(val{row, fr})
			return
		}
		r.flow(ia.X, fr, depth+1, seen, func(arr val) {
			if _, ok := arr.v.(*ssa.Alloc); !ok {
				return
			}
			for _, row := range r.indexAddrs[arr.v] {
				visit(val{row, arr.fr})
			}
		})
		return
	}
	r.flow(p, fr, depth+1, seen, func(b val) {
		switch b.v.(type) {
		case *ssa.Alloc, *ssa.Global, *ssa.IndexAddr, *ssa.FieldAddr:
			visit(b)
		}
	})
}

// fieldOfBase visits what is stored in field name of the struct at base:
// field by field (a composite literal) or as a whole struct.
func (r *resolver) fieldOfBase(b val, name string, depth int, seen map[val]bool, visit func(val)) {
	for _, fa := range r.fieldAddrs[b.v] {
		if fieldName(fa.X.Type(), fa.Field) == name {
			for _, s := range r.stores[fa] {
				r.flow(s, b.fr, depth+1, seen, visit)
			}
		}
	}
	for _, s := range r.stores[b.v] {
		r.flow(s, b.fr, depth+1, seen, func(sv val) {
			r.fieldOfValue(sv, name, depth+1, seen, visit)
		})
	}
}

// fieldOfValue visits field name of a struct value leaf: a load of a struct
// (read the field at its address) or nothing otherwise.
func (r *resolver) fieldOfValue(s val, name string, depth int, seen map[val]bool, visit func(val)) {
	if ld, ok := s.v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		r.bases(ld.X, s.fr, depth+1, seen, func(b val) {
			r.fieldOfBase(b, name, depth+1, seen, visit)
		})
	}
}

// funcs returns the functions that the handler value v can be, sorted.
func (r *resolver) funcs(v ssa.Value, fr *frame) []*ssa.Function {
	var out []*ssa.Function
	for _, h := range r.resolveFuncs(v, fr, false) {
		out = append(out, h.fn)
	}
	return out
}

// wrappedHandler is a registered handler and the wrappers around it,
// outermost first.
type wrappedHandler struct {
	fn       *ssa.Function
	wrappers []*ssa.Function
}

// handlers is funcs for a registered handler, seeing through wrappers. A
// closure that calls a function it captured, of its own type
// (withLogging(name, next) returning func(ctx, req) { log...; return
// next(ctx, req) }), is not the handler: the captured function is, and the
// closure is a wrapper whose guards count for that handler. Taken as the
// handler, the one closure would stand for every tool registered through
// the same wrapper, and each tool would reach every other tool's sinks.
func (r *resolver) handlers(v ssa.Value, fr *frame) []wrappedHandler {
	return r.resolveFuncs(v, fr, true)
}

func (r *resolver) resolveFuncs(v ssa.Value, fr *frame, through bool) []wrappedHandler {
	set := map[*ssa.Function]bool{}
	wrappers := map[*ssa.Function][]*ssa.Function{}
	var add func(val)
	seen := map[val]bool{}
	add = func(x val) {
		switch y := x.v.(type) {
		case *ssa.Function:
			set[unwrapWrapper(y)] = true
		case *ssa.MakeClosure:
			fn := unwrapWrapper(y.Fn.(*ssa.Function))
			if i := calledFreeVar(fn); through && i >= 0 && i < len(y.Bindings) {
				if inner := r.capturedFuncs(y.Bindings[i], x.fr); len(inner) > 0 {
					for _, h := range inner {
						set[h.fn] = true
						wrappers[h.fn] = append([]*ssa.Function{fn}, h.wrappers...)
					}
					return
				}
			}
			set[fn] = true
		case *ssa.Call:
			// A catalogued adapter (mcp.NewTypedToolHandler) wraps the
			// user's function: that function is the handler.
			if callee := y.Call.StaticCallee(); callee != nil {
				if ad, ok := r.cat.Adapters[rules.Normalize(symbolOf(callee))]; ok {
					args := callArgs(y.Common())
					if ad.HandlerArg < len(args) {
						r.flow(args[ad.HandlerArg], x.fr, 0, map[val]bool{}, add)
					}
				}
			}
		}
	}
	r.flow(v, fr, 0, seen, add)
	out := make([]wrappedHandler, 0, len(set))
	for f := range set {
		out = append(out, wrappedHandler{f, wrappers[f]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].fn.String() < out[j].fn.String() })
	return out
}

// calledFreeVar returns the index of the one free variable of fn that fn
// calls and that has fn's own signature (the handler a wrapper wraps), or
// -1.
func calledFreeVar(fn *ssa.Function) int {
	found := -1
	for _, site := range callSitesOf(fn) {
		fv := calledVar(site)
		if fv == nil || !types.Identical(funcTypeOf(fv.Type()), fn.Signature) {
			continue
		}
		for i, x := range fn.FreeVars {
			if x == fv {
				if found >= 0 && found != i {
					return -1
				}
				found = i
			}
		}
	}
	return found
}

// calledVar returns the free variable that a call calls: f(...) of a
// captured function value, or (*p)(...) of a captured variable (SSA
// captures a parameter by spilling it to memory).
func calledVar(site ssa.CallInstruction) *ssa.FreeVar {
	c := site.Common()
	if c.IsInvoke() {
		return nil
	}
	v := c.Value
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = ld.X
	}
	fv, _ := v.(*ssa.FreeVar)
	return fv
}

// funcTypeOf is t's underlying type, looking through one pointer.
func funcTypeOf(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying()
}

// capturedFuncs resolves what a closure captured: the value itself, or
// what is stored into the captured variable.
func (r *resolver) capturedFuncs(b ssa.Value, fr *frame) []wrappedHandler {
	alloc, ok := b.(*ssa.Alloc)
	if !ok {
		return r.resolveFuncs(b, fr, true)
	}
	var out []wrappedHandler
	for _, ref := range *alloc.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			out = append(out, r.resolveFuncs(st.Val, fr, true)...)
		}
	}
	return out
}

// toolName returns the constant tool name that the tool description v
// carries, if it carries exactly one. A variadic option list (trpc's
// function.WithName("x") among other options) is searched for a catalogued
// name option; the other options are ignored.
func (r *resolver) toolName(v ssa.Value, fr *frame) (string, bool) {
	names := map[string]bool{}
	unknown := false
	r.nameLeaves(v, fr, false, names, &unknown, 0)
	if unknown || len(names) != 1 {
		return "", false
	}
	for n := range names {
		return n, true
	}
	return "", false
}

// nameLeaves adds the constant names v can carry to names, and sets
// *unknown when some leaf is not understood (unless lenient, as inside an
// option list).
func (r *resolver) nameLeaves(v ssa.Value, fr *frame, lenient bool, names map[string]bool, unknown *bool, depth int) {
	if depth > 4 {
		*unknown = true
		return
	}
	r.flow(v, fr, 0, map[val]bool{}, func(x val) {
		switch y := x.v.(type) {
		case *ssa.Const:
			if y.Value != nil && y.Value.Kind() == constant.String {
				names[constant.StringVal(y.Value)] = true
				return
			}
		case *ssa.Call:
			if callee := y.Call.StaticCallee(); callee != nil {
				if tn, ok := r.cat.ToolNames[rules.Normalize(symbolOf(callee))]; ok {
					args := callArgs(y.Common())
					if tn.NameArg < len(args) {
						r.nameLeaves(args[tn.NameArg], x.fr, false, names, unknown, depth+1)
						return
					}
				}
			}
		case *ssa.UnOp, *ssa.Alloc:
			var base ssa.Value = y
			if ld, ok := y.(*ssa.UnOp); ok {
				base = ld.X
			}
			if tt, ok := r.cat.ToolTypes[rules.Normalize(typeSymbol(base.Type()))]; ok {
				r.bases(base, x.fr, 0, map[val]bool{}, func(b val) {
					r.fieldOfBase(b, tt.Field, 0, map[val]bool{}, func(n val) {
						r.nameLeaves(n.v, n.fr, false, names, unknown, depth+1)
					})
				})
				return
			}
			if a, ok := y.(*ssa.Alloc); ok && isArrayPtr(a.Type()) {
				// A variadic list of options: look for a name option.
				for _, row := range r.indexAddrs[a] {
					for _, s := range r.stores[row] {
						r.nameLeaves(s, x.fr, true, names, unknown, depth+1)
					}
				}
				return
			}
		}
		if !lenient {
			*unknown = true
		}
	})
}

func isArrayPtr(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		_, ok := p.Elem().Underlying().(*types.Array)
		return ok
	}
	return false
}

// unwrapWrapper maps a synthetic bound-method wrapper or thunk (a method
// value s.run, a method expression (*S).run) to the method it calls.
func unwrapWrapper(fn *ssa.Function) *ssa.Function {
	if !strings.HasPrefix(fn.Synthetic, "bound method wrapper") && !strings.HasPrefix(fn.Synthetic, "thunk") {
		return fn
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil {
					return callee
				}
			}
		}
	}
	return fn
}

// callArgs returns a call's arguments with the receiver first for a static
// method call, as the catalog counts them.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

func freeVarIndex(v *ssa.FreeVar) int {
	for i, q := range v.Parent().FreeVars {
		if q == v {
			return i
		}
	}
	return -1
}

// fieldName returns the name of field i of the struct that t (or *t) is.
func fieldName(t types.Type, i int) string {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
}

func isAggregate(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array:
		return true
	}
	return false
}

package analyzer

import (
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/discovery"
	"github.com/blastradius/blastradius/analyzer/symbol"
)

// A server with its own tool layer often hands its handlers one bundle of
// everything a call needs: a struct that embeds the call's context (so it
// is a context itself) next to the configuration, the clients and the
// request (kubernetes-mcp-server's ToolHandlerParams). As a context it is
// plumbing, not model input; but the request in it is the model's. The
// wrapper that builds the bundle from the SDK's request says which of its
// fields carry the request: they are the handler's input, and the others
// (a client, the configuration) are not.

// bundleInputs returns, for the handler's context-carrying parameter i, the
// fields of the bundle that the wrapper running the handler fills with
// what the SDK's request carries, with where that came from. Nil when no
// wrapper of the tool builds that parameter.
func (c *checker) bundleInputs(e entry, i int) map[string]*origin {
	var out map[string]*origin
	for _, l := range e.layers {
		sites := make([]ssa.CallInstruction, 0, len(l.Next))
		for site, fns := range l.Next {
			if slices.Contains(fns, e.handler) {
				sites = append(sites, site)
			}
		}
		sort.Slice(sites, func(a, b int) bool { return sites[a].Pos() < sites[b].Pos() })
		for _, site := range sites {
			args := site.Common().Args
			if len(args) != len(e.handler.Params) || i >= len(args) {
				continue
			}
			f := c.layerFlow(l)
			fieldStores(bundleBase(args[i]), func(field *types.Var, val ssa.Value) {
				o := f.deep(val)
				if o == nil || o.mask == 0 || symbol.IsContextLike(field.Type()) {
					return
				}
				if out == nil {
					out = map[string]*origin{}
				}
				out[field.Name()] = join(out[field.Name()], o)
			})
		}
	}
	return out
}

// fieldStores calls visit with each field of the struct variable base and
// each value stored into it (Params{Request: r, Client: k}).
func fieldStores(base ssa.Value, visit func(field *types.Var, val ssa.Value)) {
	a, ok := base.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return
	}
	st, ok := a.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return
	}
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		for _, r := range *fa.Referrers() {
			if store, ok := r.(*ssa.Store); ok && store.Addr == fa {
				visit(st.Field(fa.Field), store.Val)
			}
		}
	}
}

// bundleInputNames names the request's fields of the handler's bundles
// (p.Request), for the report's inputs.
func (c *checker) bundleInputNames(e entry) []string {
	var out []string
	for i, p := range e.handler.Params {
		if i == 0 && e.handler.Signature.Recv() != nil || !symbol.IsContextLike(p.Type()) && !isStructOrPointer(p.Type()) {
			continue
		}
		for _, field := range slices.Sorted(maps.Keys(c.bundleInputs(e, i))) {
			out = append(out, p.Name()+"."+field)
		}
	}
	return out
}

// layerFlow is the model's input followed through a wrapper's own code:
// its parameters but the context-like ones (the SDK's request) seeded,
// the calls that run the next layer not followed. Memoised per wrapper.
func (c *checker) layerFlow(l discovery.Layer) *flow {
	if f, ok := c.layerFlows[l.Fn]; ok {
		return f
	}
	res := c.rc.reach(l.Fn, nil, []discovery.Layer{{Fn: l.Fn, Shared: true, Next: l.Next}})
	funcs := c.funcSet(res)
	f := newFlow(c.cat, c.rc, funcs, res.feeds)
	f.sanitize = true
	f.numbers = eitherMask([]string{"payment"})
	f.stopAtReads = true
	f.selections = true
	c.seedInputs(f, entry{handler: l.Fn})
	f.run(moduleOrder(res, funcs))
	if c.layerFlows == nil {
		c.layerFlows = map[*ssa.Function]*flow{}
	}
	c.layerFlows[l.Fn] = f
	return f
}

// bundleBase is the object a bundle argument is: the variable a struct
// value is loaded from (handler(Params{...}) builds it in a local), or
// what a pointer points to.
func bundleBase(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		return baseOf(u.X)
	}
	return baseOf(v)
}

// isBundle reports whether t is a struct that carries the call's context
// next to other things: a bundle of a handler's parameters.
//
// The flow asks this of every value it loads or stores, so a struct's method
// set is computed once per type.
func isBundle(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	if b, ok := bundleTypes.Load(t); ok {
		return b.(bool)
	}
	b := symbol.IsContextLike(t)
	bundleTypes.Store(t, b)
	return b
}

// isStructOrPointer reports whether t is a struct or a pointer to one: a
// handler's parameter that its wrapper may fill field by field
// (Params{Client: c, Arguments: args}), of which only what the request
// carries is the model's.
func isStructOrPointer(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// bundleTypes memoises isBundle for struct types; the flows of several
// tools run at once.
var bundleTypes sync.Map

// markBundle records that the object of v holds a bundle.
func (f *flow) markBundle(v ssa.Value) {
	if f.bundles == nil {
		f.bundles = map[ssa.Value]bool{}
	}
	f.bundles[f.find(v)] = true
}

// bundleValue returns the value whose object is the bundle that v is,
// holds as an interface, or points to (a parameter a bundle was passed
// to as a client), or nil.
func (f *flow) bundleValue(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok && isBundle(mi.X.Type()) {
		return mi.X
	}
	if isBundle(v.Type()) {
		return v
	}
	if len(f.bundles) == 0 {
		return nil
	}
	if b := baseOf(v); b != nil && f.bundles[f.find(b)] {
		return b
	}
	return nil
}

package discovery

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// index maps values to the instructions that use them in the ways the flow
// follows backwards: stores by address, field and element addresses by
// base, map updates by map, calls by callee, closures by function. The
// analysed code is indexed up front; a dependency's function the flow
// enters is indexed when it is first entered.
type index struct {
	done       map[*ssa.Function]bool
	stores     map[ssa.Value][]*ssa.Store
	fieldAddrs map[ssa.Value][]*ssa.FieldAddr
	indexAddrs map[ssa.Value][]*ssa.IndexAddr
	updates    map[ssa.Value][]*ssa.MapUpdate
	callSites  map[*ssa.Function][]ssa.CallInstruction
	// invokes are the interface method calls, by method name.
	invokes map[string][]ssa.CallInstruction
	// dynCalls are the calls of function values, by signature (sigKey).
	dynCalls map[string][]ssa.CallInstruction
	closures map[*ssa.Function][]*ssa.MakeClosure
	returns  map[*ssa.Function][]*ssa.Return
	// fieldStores are the stores into a field, by struct type and field
	// name, for stores made through a pointer of another function.
	fieldStores map[string][]*ssa.Store
	// fieldLoads are the reads of a field, by struct type and field name.
	fieldLoads map[string][]ssa.Value
	allUpdates []*ssa.MapUpdate
	// methods are the analysed code's methods, by name, and pkgs its
	// packages: what an interface call whose receiver the flow cannot
	// see can run.
	methods map[string][]*ssa.Function
	pkgs    map[*types.Package]bool
}

func newIndex(scope []*ssa.Function) *index {
	ix := &index{
		done:        map[*ssa.Function]bool{},
		stores:      map[ssa.Value][]*ssa.Store{},
		fieldAddrs:  map[ssa.Value][]*ssa.FieldAddr{},
		indexAddrs:  map[ssa.Value][]*ssa.IndexAddr{},
		updates:     map[ssa.Value][]*ssa.MapUpdate{},
		callSites:   map[*ssa.Function][]ssa.CallInstruction{},
		invokes:     map[string][]ssa.CallInstruction{},
		dynCalls:    map[string][]ssa.CallInstruction{},
		closures:    map[*ssa.Function][]*ssa.MakeClosure{},
		returns:     map[*ssa.Function][]*ssa.Return{},
		fieldStores: map[string][]*ssa.Store{},
		fieldLoads:  map[string][]ssa.Value{},
		methods:     map[string][]*ssa.Function{},
		pkgs:        map[*types.Package]bool{},
	}
	for _, fn := range scope {
		ix.ensure(fn)
		if fn.Pkg != nil {
			ix.pkgs[fn.Pkg.Pkg] = true
		}
		if fn.Signature.Recv() != nil && fn.Synthetic == "" {
			ix.methods[fn.Name()] = append(ix.methods[fn.Name()], fn)
		}
	}
	return ix
}

// ensure indexes fn's instructions once.
func (ix *index) ensure(fn *ssa.Function) {
	if ix.done[fn] {
		return
	}
	ix.done[fn] = true
	// A method value (s.tools.Call handed to a helper): its wrapper's call
	// is a call site of the method, whose receiver is the value bound.
	var bound []*ssa.Function
	defer func() {
		for _, f := range bound {
			ix.ensure(f)
		}
	}()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Store:
				ix.stores[in.Addr] = append(ix.stores[in.Addr], in)
				if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
					k := fieldKey(fa.X.Type(), fieldName(fa.X.Type(), fa.Field))
					ix.fieldStores[k] = append(ix.fieldStores[k], in)
				}
			case *ssa.FieldAddr:
				ix.fieldAddrs[in.X] = append(ix.fieldAddrs[in.X], in)
				k := fieldKey(in.X.Type(), fieldName(in.X.Type(), in.Field))
				for _, r := range *in.Referrers() {
					if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
						ix.fieldLoads[k] = append(ix.fieldLoads[k], ld)
					}
				}
			case *ssa.Field:
				k := fieldKey(in.X.Type(), fieldName(in.X.Type(), in.Field))
				ix.fieldLoads[k] = append(ix.fieldLoads[k], in)
			case *ssa.IndexAddr:
				ix.indexAddrs[in.X] = append(ix.indexAddrs[in.X], in)
			case *ssa.MapUpdate:
				ix.updates[in.Map] = append(ix.updates[in.Map], in)
				ix.allUpdates = append(ix.allUpdates, in)
			case *ssa.MakeClosure:
				if f, ok := in.Fn.(*ssa.Function); ok {
					ix.closures[f] = append(ix.closures[f], in)
					if symbol.IsBound(f) {
						bound = append(bound, f)
					}
				}
			case *ssa.Return:
				ix.returns[fn] = append(ix.returns[fn], in)
			}
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil {
					ix.callSites[callee] = append(ix.callSites[callee], c)
				} else if c.Common().IsInvoke() {
					name := c.Common().Method.Name()
					ix.invokes[name] = append(ix.invokes[name], c)
				} else if sig, ok := c.Common().Value.Type().Underlying().(*types.Signature); ok {
					k := sigKey(sig)
					ix.dynCalls[k] = append(ix.dynCalls[k], c)
				}
			}
		}
	}
}

// callersOf returns the calls that can run fn: its static calls, and for a
// method the interface calls of its name on an interface its receiver's
// type implements (a server's tools.Execute(ctx, name, args) through the
// provider interface its registry implements).
func (ix *index) callersOf(fn *ssa.Function) []ssa.CallInstruction {
	out := ix.callSites[fn]
	recv := fn.Signature.Recv()
	if recv == nil || fn.Synthetic != "" {
		return out
	}
	for _, c := range ix.invokes[fn.Name()] {
		if it, ok := c.Common().Value.Type().Underlying().(*types.Interface); ok && types.Implements(recv.Type(), it) {
			out = append(out[:len(out):len(out)], c)
		}
	}
	return out
}

// sigKey spells a signature by its parameter and result types, without
// names: a closure and the function type it is called as agree on it.
func sigKey(sig *types.Signature) string {
	var b strings.Builder
	for i := 0; i < sig.Params().Len(); i++ {
		b.WriteString(types.TypeString(sig.Params().At(i).Type(), nil))
		b.WriteByte(',')
	}
	if sig.Variadic() {
		b.WriteString("...")
	}
	b.WriteString("->")
	for i := 0; i < sig.Results().Len(); i++ {
		b.WriteString(types.TypeString(sig.Results().At(i).Type(), nil))
		b.WriteByte(',')
	}
	return b.String()
}

func (ix *index) storesTo(addr ssa.Value) []*ssa.Store { return ix.stores[addr] }

// captures returns the free variables that stand for the variable at addr
// in the closures that capture it, and in the closures those capture it
// in, with each closure's instructions indexed.
func (ix *index) captures(addr ssa.Value) []*ssa.FreeVar {
	refs := addr.Referrers()
	if refs == nil {
		return nil
	}
	var out []*ssa.FreeVar
	for _, r := range *refs {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		fn, ok := mc.Fn.(*ssa.Function)
		if !ok {
			continue
		}
		for i, b := range mc.Bindings {
			if b != addr || i >= len(fn.FreeVars) {
				continue
			}
			ix.ensure(fn)
			fv := fn.FreeVars[i]
			out = append(out, fv)
			out = append(out, ix.captures(fv)...)
		}
	}
	return out
}

func (ix *index) returnsOf(fn *ssa.Function) []*ssa.Return {
	ix.ensure(fn)
	return ix.returns[fn]
}

// fieldKey names a field by the struct type a pointer points to.
func fieldKey(ptr types.Type, field string) string {
	t := types.Unalias(ptr)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, nil) + "#" + field
}

// aliasFieldStores returns the stores into field of the object base that
// other functions make through a pointer to it (a registry method filling
// r.tools): each store whose address's base can be base.
func (e *engine) aliasFieldStores(base ssa.Value, field string) []*ssa.Store {
	k := fieldKey(base.Type(), field)
	if e.aliases == nil {
		e.aliases = map[string]map[ssa.Value][]*ssa.Store{}
	}
	byBase, ok := e.aliases[k]
	if !ok {
		byBase = map[ssa.Value][]*ssa.Store{}
		e.aliases[k] = byBase
		g := e.newGraph()
		for _, st := range e.ix.fieldStores[k] {
			fa := st.Addr.(*ssa.FieldAddr)
			if isObject(fa.X) {
				continue // found from the object itself
			}
			r := g.root(node{v: fa.X})
			for _, l := range g.leaves(r) {
				if x := g.nodes[l]; x.path == "" && isObject(x.v) {
					byBase[x.v] = append(byBase[x.v], st)
				}
			}
		}
	}
	return byBase[base]
}

// mapUpdates returns the updates of the map made by m: its own, and those
// made through another variable or field holding it.
func (e *engine) mapUpdates(m *ssa.MakeMap) []*ssa.MapUpdate {
	if e.updatesOf == nil {
		e.updatesOf = map[ssa.Value][]*ssa.MapUpdate{}
		g := e.newGraph()
		for _, u := range e.ix.allUpdates {
			if _, ok := u.Map.(*ssa.MakeMap); ok {
				e.updatesOf[u.Map] = append(e.updatesOf[u.Map], u)
				continue
			}
			r := g.root(node{v: u.Map})
			for _, l := range g.leaves(r) {
				if mm, ok := g.nodes[l].v.(*ssa.MakeMap); ok && g.nodes[l].path == "" {
					e.updatesOf[mm] = append(e.updatesOf[mm], u)
				}
			}
		}
	}
	return e.updatesOf[m]
}

// isObject reports whether v is the address of memory the flow reads
// fields of directly.
func isObject(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Alloc, *ssa.Global, *ssa.FieldAddr, *ssa.IndexAddr:
		return true
	}
	return false
}

package analyzer

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// A context carries values under keys. Followed as an opaque call, ctx.Value
// would return whatever reached the context in any way: a tracing span named
// after the model's query would taint the request ID that a logger takes
// from the same context, and every path built from it. So the flow keeps what
// context.WithValue stores under each key, and ctx.Value(key) returns what was
// stored under that key, in any context of the run, and nothing of the
// context itself.

// isContext reports whether t is context.Context itself. Not symbol.IsContextLike:
// a type that carries a context (a web framework's request context, a
// tool context) also carries data of its own.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// contextCall applies a call that stores or fetches a context's value and
// reports whether it was one.
func (f *flow) contextCall(c *ssa.CallCommon, result ssa.Value, args []ssa.Value) bool {
	callee := c.StaticCallee()
	switch {
	case callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "context" && callee.Name() == "WithValue":
		if len(args) == 3 {
			f.storeContextValue(contextKey(args[1]), f.deep(args[2]))
		}
		return true
	case c.IsInvoke() && c.Method.Pkg() != nil && c.Method.Pkg().Path() == "context" && c.Method.Name() == "Value",
		callee != nil && isOpaque(f.cat, callee) && isContextValue(callee):
		if result != nil && len(args) > 0 {
			f.flowInto(result, f.contextValue(contextKey(args[len(args)-1])))
		}
		return true
	}
	return false
}

// isContextValue reports whether fn is a method Value(key any) any, as a
// concrete context's (a web framework's request context) is.
func isContextValue(fn *ssa.Function) bool {
	sig := fn.Signature
	if fn.Name() != "Value" || sig.Recv() == nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	return isEmptyInterface(sig.Params().At(0).Type()) && isEmptyInterface(sig.Results().At(0).Type())
}

func isEmptyInterface(t types.Type) bool {
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.Empty()
}

// contextKey names a key: a constant by its type and value (a string, a
// typed constant, the zero value of an unexported struct type), a global
// by its name; "" for a key the flow cannot name, which may be any.
func contextKey(v ssa.Value) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch k := v.(type) {
	case *ssa.Const:
		if k.Value == nil {
			return "zero " + k.Type().String()
		}
		return k.Type().String() + " " + k.Value.ExactString()
	case *ssa.Global:
		return "address " + k.RelString(nil)
	case *ssa.UnOp:
		if g, ok := k.X.(*ssa.Global); ok {
			return "global " + g.RelString(nil)
		}
	}
	return ""
}

// storeContextValue adds o to what is stored under key.
func (f *flow) storeContextValue(key string, o *origin) {
	if o == nil || o.mask == 0 {
		return
	}
	if f.contextValues == nil {
		f.contextValues = map[string]*origin{}
	}
	if old := f.contextValues[key]; old == nil || o.mask&^old.mask != 0 {
		f.contextValues[key] = join(old, o)
		f.changed = true
	}
}

// contextValue is what ctx.Value(key) may return: what was stored under
// key, or under a key the flow could not name; for a key it cannot name,
// anything stored. Keys are visited in order, so that the recorded origin
// does not depend on map order.
func (f *flow) contextValue(key string) *origin {
	keys := make([]string, 0, len(f.contextValues))
	for k := range f.contextValues {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var o *origin
	for _, k := range keys {
		if key == "" || k == "" || k == key {
			o = join(o, f.contextValues[k])
		}
	}
	return o
}

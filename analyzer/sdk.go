package analyzer

import (
	"go/constant"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// implementsEntries finds interface-based tools: a type of the analysed
// code that the program converts to an interface (MakeInterface) and that
// implements a catalogued tool interface (langchaingo tools.Tool, eino
// tool.InvokableTool, ...). A type that implements the interface but is
// never converted to one is never handed to an agent, so it is not a tool.
func (r *resolver) implementsEntries(prog *ssa.Program, scope []*ssa.Function) []entry {
	if len(r.cat.Implements) == 0 {
		return nil
	}
	type iface struct {
		spec rules.Implements
		typ  *types.Interface
	}
	var ifaces []iface
	for _, spec := range r.cat.Implements {
		if t := lookupInterface(prog, spec.Interface); t != nil {
			ifaces = append(ifaces, iface{spec, t})
		}
	}
	if len(ifaces) == 0 {
		return nil
	}
	sort.Slice(ifaces, func(i, j int) bool { return ifaces[i].spec.Interface < ifaces[j].spec.Interface })
	scopePkgs := map[*types.Package]bool{}
	for _, fn := range scope {
		if fn.Pkg != nil {
			scopePkgs[fn.Pkg.Pkg] = true
		}
	}
	var out []entry
	done := map[string]bool{}
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok {
					continue
				}
				t := mi.X.Type()
				named := namedOf(t)
				if named == nil || named.Obj().Pkg() == nil || !scopePkgs[named.Obj().Pkg()] {
					continue
				}
				for _, ifc := range ifaces {
					key := types.TypeString(t, nil) + "|" + ifc.spec.Interface + "." + ifc.spec.Method
					if done[key] || !types.Implements(t, ifc.typ) {
						continue
					}
					done[key] = true
					handler := methodFunc(prog, t, ifc.spec.Method)
					if handler == nil {
						continue
					}
					e := entry{framework: ifc.spec.Framework, handler: handler, registration: mi.Pos()}
					if ifc.spec.NameMethod != "" {
						if m := methodFunc(prog, t, ifc.spec.NameMethod); m != nil {
							e.name, e.nameFrom = r.returnedName(m)
						}
					}
					if e.name == "" {
						e.name, e.nameFrom = handler.Name(), "handler"
					}
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// returnedName resolves the constant name a Name()/Info()/Declaration()
// method returns.
func (r *resolver) returnedName(m *ssa.Function) (string, string) {
	names := map[string]bool{}
	for _, ret := range r.returns[m] {
		if len(ret.Results) == 0 {
			continue
		}
		n, ok := r.toolName(ret.Results[0], nil)
		if !ok {
			return "", ""
		}
		names[n] = true
	}
	if len(names) != 1 {
		return "", ""
	}
	for n := range names {
		return n, "constant"
	}
	return "", ""
}

// lookupInterface finds the interface type named "pkgpath.Name" among the
// loaded packages (any major version, as the catalog normalizes them).
func lookupInterface(prog *ssa.Program, sym string) *types.Interface {
	want := rules.Normalize(sym)
	for _, p := range prog.AllPackages() {
		path := rules.Normalize(p.Pkg.Path())
		if len(want) <= len(path) || want[:len(path)] != path || want[len(path)] != '.' {
			continue
		}
		obj := p.Pkg.Scope().Lookup(want[len(path)+1:])
		if obj == nil {
			continue
		}
		if it, ok := obj.Type().Underlying().(*types.Interface); ok {
			return it
		}
	}
	return nil
}

// methodFunc returns the SSA function of method name of type t (value or
// pointer receiver).
func methodFunc(prog *ssa.Program, t types.Type, name string) *ssa.Function {
	ms := prog.MethodSets.MethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return unwrapWrapper(prog.MethodValue(ms.At(i)))
		}
	}
	return nil
}

func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// mapEntry is one constant key of a map of handlers.
type mapEntry struct {
	key      string
	handlers []wrappedHandler
	at       ssa.Instruction
}

// mapEntries returns the constant-keyed handlers stored in the maps that m
// can be: map literals and maps filled by a registry method
// (r.Register("name", fn) storing into a map field), resolved call site by
// call site.
func (r *resolver) mapEntries(m ssa.Value, fr *frame) []mapEntry {
	var out []mapEntry
	r.flow(m, fr, 0, map[val]bool{}, func(leaf val) {
		for _, u := range r.updatesOf(leaf.v) {
			fn := u.Parent()
			if usesParam(u.Key, fn, 3) && len(r.callSites[fn]) > 0 {
				for _, site := range r.callSites[fn] {
					inner := &frame{fn: fn, args: callArgs(site.Common())}
					if k, ok := r.toolName(u.Key, inner); ok {
						out = append(out, mapEntry{k, r.handlers(u.Value, inner), site})
					}
				}
				continue
			}
			if k, ok := r.toolName(u.Key, leaf.fr); ok {
				out = append(out, mapEntry{k, r.handlers(u.Value, leaf.fr), u})
			}
		}
	})
	return out
}

// updatesOf returns the MapUpdates whose map can be the map leaf m. Updates
// on a map read back from a field or a variable are attributed to the maps
// stored there.
func (r *resolver) updatesOf(m ssa.Value) []*ssa.MapUpdate {
	if r.updatesByLeaf == nil {
		r.updatesByLeaf = map[ssa.Value][]*ssa.MapUpdate{}
		for mv, us := range r.mapUpdates {
			r.flow(mv, nil, 0, map[val]bool{}, func(leaf val) {
				r.updatesByLeaf[leaf.v] = append(r.updatesByLeaf[leaf.v], us...)
			})
		}
		for _, us := range r.updatesByLeaf {
			sort.Slice(us, func(i, j int) bool { return us[i].Pos() < us[j].Pos() })
		}
	}
	return dedupUpdates(r.updatesByLeaf[m])
}

func dedupUpdates(us []*ssa.MapUpdate) []*ssa.MapUpdate {
	var out []*ssa.MapUpdate
	seen := map[*ssa.MapUpdate]bool{}
	for _, u := range us {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// handlerMapEntries finds handlers stored in a catalogued map field, such as
// openai-go's agent ToolHandlers: each constant key is a tool.
func (r *resolver) handlerMapEntries(scope []*ssa.Function) []entry {
	if len(r.cat.HandlerMaps) == 0 {
		return nil
	}
	var out []entry
	eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
		hm, ok := r.cat.HandlerMaps[rules.Normalize(typeSymbol(fa.X.Type()))]
		if !ok || fieldName(fa.X.Type(), fa.Field) != hm.Field {
			return
		}
		for _, me := range r.mapEntries(st.Val, nil) {
			for _, h := range me.handlers {
				out = append(out, entry{name: me.key, nameFrom: "constant", framework: hm.Framework,
					handler: h.fn, registration: me.at.Pos(), wrappers: h.wrappers})
			}
		}
	})
	return out
}

// eachFieldStore calls visit for every store into a struct field in the
// analysed functions: where declarations and handler maps are filled.
func eachFieldStore(scope []*ssa.Function, visit func(st *ssa.Store, fa *ssa.FieldAddr)) {
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						visit(st, fa)
					}
				}
			}
		}
	}
}

// constString returns the value of a string constant.
func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

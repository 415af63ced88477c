package discovery

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file finds the tools of the SDKs whose tools are values of an
// interface (langchaingo's tools.Tool, eino's tool.InvokableTool): a value
// that the program converts to a catalogued tool interface is a tool. A
// type is never converted only if it is never handed to an agent.
//   - A type of the analysed code: its method is the handler, and its name
//     method names the tool, evaluated on the converted value (an embedded
//     base set per value gives each value its own name).
//   - A type of a dependency that the catalog knows as a library tool
//     (langchaingo's tools.Calculator): the catalog names it and says what
//     its handler, which the scan does not enter, can reach.

type ifaceSpec struct {
	spec rules.Implements
	typ  *types.Interface
}

// interfaceTools finds interface-based tools in scope.
func (e *engine) interfaceTools(scope []*ssa.Function, owned map[*types.Package]bool) []Tool {
	var ifaces []ifaceSpec
	for _, spec := range e.cat.Implements {
		if t := lookupInterface(e.prog, spec.Interface); t != nil {
			ifaces = append(ifaces, ifaceSpec{spec, t})
		}
	}
	if len(ifaces) == 0 {
		return nil
	}
	sort.Slice(ifaces, func(i, j int) bool { return ifaces[i].spec.Interface < ifaces[j].spec.Interface })
	var out []Tool
	done := map[string]bool{}
	g := e.newGraph()
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok {
					continue
				}
				t := mi.X.Type()
				named := namedOf(t)
				if named == nil || named.Obj().Pkg() == nil {
					continue
				}
				lib, isLib := e.cat.LibraryTools[rules.Normalize(typeSymbol(t))]
				own := owned[named.Obj().Pkg()]
				for _, ifc := range ifaces {
					if (isLib && ifc.spec.Framework != lib.Framework) || !types.Implements(t, ifc.typ) {
						continue
					}
					handler := methodFunc(e.prog, t, ifc.spec.Method)
					if handler == nil {
						continue
					}
					handler = unwrapWrapper(handler)
					if !own && !isLib && (e.skip(handler) || len(handler.Blocks) == 0) {
						// A type of an opaque SDK (its own adapters), or
						// one whose code did not load: the catalog says
						// which of those are tools.
						continue
					}
					if !isLib {
						if tools, ok := g.adapted(mi, t, ifc, handler, owned); ok {
							for _, tl := range tools {
								key := tl.Handler.String() + "|" + ifc.spec.Interface + "." + ifc.spec.Method + "|" + tl.Name
								if !done[key] {
									done[key] = true
									out = append(out, tl)
								}
							}
							continue
						}
					}
					if !isLib && delegates(e.prog, t, ifc.spec) {
						continue
					}
					tl := Tool{Framework: ifc.spec.Framework, Handler: handler, Registration: mi.Pos()}
					switch {
					case isLib:
						tl.Name, tl.NameFrom, tl.Capabilities = lib.Name, "constant", lib.Capabilities
						// The handler is the dependency's: show the tool
						// where the application hands it over.
						tl.Registration = handedOver(mi)
						tl.Position = tl.Registration
					case ifc.spec.NameMethod != "":
						if s, ok := g.methodName(g.root(node{v: mi.X}), ifc.spec.NameMethod, strings.Join(ifc.spec.NameField, ".")); ok {
							tl.Name, tl.NameFrom = s, "constant"
						}
					}
					if tl.Name == "" {
						tl.Name, tl.NameFrom = handlerName(handler), "handler"
					}
					key := types.TypeString(t, nil) + "|" + ifc.spec.Interface + "." + ifc.spec.Method + "|" + tl.Name
					if done[key] {
						continue
					}
					done[key] = true
					out = append(out, tl)
				}
			}
		}
	}
	return out
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

// handedOver is where the program converts a value to a tool interface: the
// conversion, or the expression it converts, or the element of the list
// literal it fills.
func handedOver(mi *ssa.MakeInterface) token.Pos {
	if mi.Pos().IsValid() {
		return mi.Pos()
	}
	if mi.X.Pos().IsValid() {
		return mi.X.Pos()
	}
	for _, ref := range *mi.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Pos().IsValid() {
			return st.Pos()
		}
	}
	return mi.Parent().Pos()
}

// delegates reports whether a type implementing a tool interface only
// wraps another tool that it holds: its name method returns what the same
// method of a tool in one of its fields returns (`return h.inner.Info()`),
// and its handler calls the handler of a tool it holds. Such a wrapper (a
// hook or an approval step put around every tool) is no tool of its own;
// the held tools are, and are found where they are made.
func delegates(prog *ssa.Program, t types.Type, spec rules.Implements) bool {
	if spec.NameMethod == "" {
		return false
	}
	name, run := methodFunc(prog, t, spec.NameMethod), methodFunc(prog, t, spec.Method)
	if name == nil || run == nil {
		return false
	}
	name, run = unwrapWrapper(name), unwrapWrapper(run)
	returns := 0
	for _, b := range name.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		returns++
		if len(ret.Results) == 0 || !heldResult(ret.Results[0], spec.NameMethod) {
			return false
		}
	}
	if returns == 0 {
		return false
	}
	for _, b := range run.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok && heldCallCommon(c.Common(), spec.Method) {
				return true
			}
		}
	}
	return false
}

// heldResult reports whether v is what a held value's method returns: the
// call itself, or the first of its results (eino's Info returns the tool's
// description and an error).
func heldResult(v ssa.Value, method string) bool {
	if x, ok := v.(*ssa.Extract); ok && x.Index == 0 {
		v = x.Tuple
	}
	return heldCall(v, method)
}

// heldCall reports whether v is a call of method on an interface value
// read from a field of the receiver.
func heldCall(v ssa.Value, method string) bool {
	c, ok := v.(*ssa.Call)
	return ok && heldCallCommon(c.Common(), method)
}

func heldCallCommon(cc *ssa.CallCommon, method string) bool {
	if !cc.IsInvoke() || cc.Method.Name() != method {
		return false
	}
	switch x := cc.Value.(type) {
	case *ssa.UnOp:
		_, ok := x.X.(*ssa.FieldAddr)
		return ok
	case *ssa.Field:
		return true
	}
	return false
}

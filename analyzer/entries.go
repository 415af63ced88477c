package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// entry is one tool: a handler function the model can trigger.
type entry struct {
	name      string
	nameFrom  string // "constant", "directive" or "handler"
	framework string
	handler   *ssa.Function
	// registration is the registration call, or the directive comment.
	registration token.Pos
	// region, when set, limits the handler to these blocks: the body of one
	// case of a manual dispatch inside handler.
	region map[*ssa.BasicBlock]bool
	// position is where the tool is shown, when it is not the handler's
	// declaration (a dispatch case).
	position token.Pos
	// inputs, when set, names the model-controlled data instead of the
	// handler's parameters (the arguments field of a dispatched call).
	inputs []string
	// regCall is the registration call, when there is one, and regOuter
	// the call of the registration helper it was unwound from, for
	// finding the condition they depend on.
	regCall, regOuter ssa.Instruction
	// servers are the values the registration's receiver can be (the
	// server constructor calls), to match middleware to its tools.
	servers []ssa.Value
	// wrappers are the user's closures around the handler
	// (withLogging(name, handler)), outermost first: their guards count
	// for this tool.
	wrappers []*ssa.Function
}

// directivePrefix marks a custom entry point: //blastradius:tool NAME in a
// function's doc comment.
const directivePrefix = "//blastradius:tool"

// maxHelperDepth bounds how many registration helpers are unwound call site
// by call site before falling back to the union of all callers.
const maxHelperDepth = 3

// findEntries finds every tool registered in the analysed code: calls to
// catalogued registration functions, and functions carrying a directive.
func findEntries(prog *ssa.Program, r *resolver, scope []*ssa.Function, pkgs []*packages.Package) ([]entry, []string) {
	var entries []entry
	var warnings []string
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				site, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := site.Common().StaticCallee()
				if callee == nil {
					continue
				}
				reg, ok := r.cat.Registers[rules.Normalize(symbolOf(callee))]
				if !ok {
					continue
				}
				found := r.extract(site, reg, nil, site, 0)
				if len(found) == 0 {
					warnings = append(warnings, fmt.Sprintf("%s: cannot tell which handler %s registers; its tools are not analysed",
						prog.Fset.Position(site.Pos()), shortSymbol(callee)))
				}
				entries = append(entries, found...)
			}
		}
	}
	d, w := directiveEntries(prog, pkgs)
	entries = append(entries, d...)
	warnings = append(warnings, w...)
	entries = append(entries, r.implementsEntries(prog, scope)...)
	entries = append(entries, r.handlerMapEntries(scope)...)
	entries = append(entries, r.dispatchEntries(scope)...)
	return dedupEntries(prog, entries), warnings
}

// extract resolves one registration call into tools. When the handler or
// the tool comes in through a parameter of the enclosing function (a
// registration helper), the helper is unwound call site by call site, so
// each call of the helper is its own tool with its own name.
func (r *resolver) extract(site ssa.CallInstruction, reg rules.Register, fr *frame, at ssa.Instruction, depth int) []entry {
	pos := at.Pos()
	args := callArgs(site.Common())
	arg := func(i int) ssa.Value {
		if i >= 0 && i < len(args) {
			return args[i]
		}
		return nil
	}
	enclosing := site.Parent()
	if fr == nil && depth < maxHelperDepth && len(r.callSites[enclosing]) > 0 &&
		(usesParam(arg(reg.HandlerArg), enclosing, 4) || usesParam(arg(reg.ToolArg), enclosing, 4) ||
			usesParam(arg(reg.ToolsArg), enclosing, 4) || usesParam(arg(reg.NameArg), enclosing, 4)) {
		var out []entry
		for _, caller := range r.callSites[enclosing] {
			inner := &frame{fn: enclosing, args: callArgs(caller.Common())}
			out = append(out, r.extract(site, reg, inner, caller, depth+1)...)
		}
		return out
	}

	var servers []ssa.Value
	if len(args) > 0 {
		r.flow(args[0], fr, 0, map[val]bool{}, func(x val) { servers = append(servers, x.v) })
	}
	var out []entry
	emit := func(handlers []wrappedHandler, name string, named bool) {
		for _, wh := range handlers {
			h := wh.fn
			e := entry{name: name, nameFrom: "constant", framework: reg.Framework, handler: h, registration: pos,
				regCall: site, servers: servers, wrappers: wh.wrappers}
			if at != ssa.Instruction(site) {
				e.regOuter = at
			}
			if !named {
				e.name, e.nameFrom = h.Name(), "handler"
			}
			out = append(out, e)
		}
	}
	if reg.HandlerArg >= 0 {
		hv := arg(reg.HandlerArg)
		nameOf := func(fr *frame) (string, bool) {
			if reg.NameArg >= 0 {
				return r.toolName(arg(reg.NameArg), fr)
			}
			if reg.ToolArg >= 0 {
				return r.toolName(arg(reg.ToolArg), fr)
			}
			return "", false
		}
		// A loop over a table of (tool, handler) rows: resolve row by row.
		tv := arg(reg.ToolArg)
		if tv == nil {
			tv = arg(reg.NameArg)
		}
		if row := r.rowOf(hv, 6); row != nil && row == r.rowOf(tv, 6) {
			n := 0
			r.bases(row, fr, 0, map[val]bool{}, func(b val) {
				n++
				pinned := &frame{pins: map[ssa.Value]ssa.Value{row: b.v}}
				if fr != nil {
					pinned.fn, pinned.args, pinned.parent = fr.fn, fr.args, fr.parent
				}
				name, ok := nameOf(pinned)
				emit(r.handlers(hv, pinned), name, ok)
			})
			if n > 0 {
				return out
			}
		}
		name, ok := nameOf(fr)
		emit(r.handlers(hv, fr), name, ok)
	}
	if reg.ToolsArg >= 0 {
		r.flow(arg(reg.ToolsArg), fr, 0, map[val]bool{}, func(x val) {
			alloc, ok := x.v.(*ssa.Alloc)
			if !ok {
				return
			}
			for _, row := range r.indexAddrs[alloc] {
				ts, ok := r.cat.ToolStructs[rules.Normalize(typeSymbol(row.Type()))]
				if !ok {
					continue
				}
				b := val{row, x.fr}
				var handlers []wrappedHandler
				names := map[string]bool{}
				named := true
				r.fieldOfBase(b, ts.HandlerField, 0, map[val]bool{}, func(h val) {
					handlers = append(handlers, r.handlers(h.v, h.fr)...)
				})
				r.fieldOfBase(b, ts.ToolField, 0, map[val]bool{}, func(t val) {
					if n, ok := r.toolName(t.v, t.fr); ok {
						names[n] = true
					} else {
						named = false
					}
				})
				name := ""
				for n := range names {
					name = n
				}
				emit(handlers, name, named && len(names) == 1)
			}
		})
	}
	return out
}

// usesParam reports whether v is computed, within fn, from one of fn's
// parameters (looking depth operands deep).
func usesParam(v ssa.Value, fn *ssa.Function, depth int) bool {
	if v == nil || depth == 0 {
		return false
	}
	if p, ok := v.(*ssa.Parameter); ok {
		return p.Parent() == fn
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || instr.Parent() != fn {
		return false
	}
	var ops []*ssa.Value
	for _, op := range instr.Operands(ops) {
		if op != nil && usesParam(*op, fn, depth-1) {
			return true
		}
	}
	return false
}

// rowOf returns the table row (an IndexAddr) that v reads a field of, as in
// `for _, t := range table { s.AddTool(mcp.NewTool(t.name), t.handler) }`.
//
// A range loop over a slice of struct values copies each row into a local
// first (`t19 = local struct; *t19 = *(&rows[i])`), so a local with a single
// store is looked through.
func (r *resolver) rowOf(v ssa.Value, depth int) *ssa.IndexAddr {
	if v == nil || depth == 0 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.IndexAddr:
		return x
	case *ssa.Alloc:
		if st := r.stores[x]; len(st) == 1 {
			return r.rowOf(st[0], depth-1)
		}
	case *ssa.FieldAddr:
		return r.rowOf(x.X, depth-1)
	case *ssa.Field:
		return r.rowOf(x.X, depth-1)
	case *ssa.UnOp:
		return r.rowOf(x.X, depth-1)
	case *ssa.ChangeType:
		return r.rowOf(x.X, depth-1)
	case *ssa.MakeInterface:
		return r.rowOf(x.X, depth-1)
	case *ssa.Call:
		for _, a := range x.Call.Args {
			if row := r.rowOf(a, depth-1); row != nil {
				return row
			}
		}
	}
	return nil
}

// directiveEntries finds functions whose doc comment carries
// //blastradius:tool NAME.
func directiveEntries(prog *ssa.Program, pkgs []*packages.Package) ([]entry, []string) {
	var out []entry
	var warnings []string
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Doc == nil {
					continue
				}
				for _, c := range fd.Doc.List {
					rest, ok := strings.CutPrefix(c.Text, directivePrefix)
					if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
						continue
					}
					fields := strings.Fields(rest)
					if len(fields) == 0 {
						warnings = append(warnings, fmt.Sprintf("%s: %s needs a tool name", prog.Fset.Position(c.Pos()), directivePrefix))
						continue
					}
					obj, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
					if !ok {
						continue
					}
					fn := prog.FuncValue(obj)
					if fn == nil {
						continue
					}
					out = append(out, entry{name: fields[0], nameFrom: "directive", framework: "directive",
						handler: fn, registration: c.Pos()})
				}
			}
		}
	}
	return out, warnings
}

// dedupEntries drops repeats (the same registration found twice through
// several callers) and sorts the rest.
func dedupEntries(prog *ssa.Program, es []entry) []entry {
	seen := map[string]bool{}
	var out []entry
	for _, e := range es {
		k := fmt.Sprintf("%s|%s|%s|%d|%d", e.name, e.framework, e.handler, e.registration, e.position)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.name != b.name {
			return a.name < b.name
		}
		if a.framework != b.framework {
			return a.framework < b.framework
		}
		if a.handler.String() != b.handler.String() {
			return a.handler.String() < b.handler.String()
		}
		if a.registration != b.registration {
			return prog.Fset.Position(a.registration).String() < prog.Fset.Position(b.registration).String()
		}
		return a.position < b.position
	})
	return out
}

// shortSymbol spells a function as a reader does, with its package name
// instead of its path: strings.TrimSpace, (*sql.DB).QueryContext,
// stripe.String (not v82.String).
func shortSymbol(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj := fn.Object()
	if obj == nil || obj.Pkg() == nil {
		return fn.Name()
	}
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv := types.TypeString(sig.Recv().Type(), func(p *types.Package) string { return p.Name() })
		if i := strings.Index(recv, "["); i >= 0 {
			recv = recv[:i]
		}
		return "(" + recv + ")." + obj.Name()
	}
	name := fn.Name()
	if i := strings.Index(name, "["); i >= 0 {
		name = name[:i]
	}
	return obj.Pkg().Name() + "." + name
}

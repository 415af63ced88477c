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

	"github.com/blastradius/blastradius/analyzer/discovery"
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
	// gates are the instructions whose conditions decide whether the
	// tool is registered, most direct first (see discovery.Tool.Gates).
	gates []ssa.Instruction
	// servers are the values the registration's receiver can be (the
	// server constructor calls), to match middleware to its tools.
	servers []ssa.Value
	// wrappers are the user's closures around the handler
	// (withLogging(name, handler)), outermost first: their guards count
	// for this tool.
	wrappers []*ssa.Function
	// layers are the wrappers with the calls in each that run the next
	// layer for this tool: their own code is the tool's too.
	layers []discovery.Layer
	// libCaps are the catalogued capabilities of a library tool, whose
	// handler runs in a dependency the scan does not enter.
	libCaps []string
}

// directivePrefix marks a custom entry point: //blastradius:tool NAME in a
// function's doc comment.
const directivePrefix = "//blastradius:tool"

// maxHelperDepth bounds how many registration helpers are unwound call site
// by call site before falling back to the union of all callers.
const maxHelperDepth = 3

// findEntries finds every tool registered in the analysed code: calls to
// catalogued registration functions, and functions carrying a directive.
func findEntries(prog *ssa.Program, r *resolver, scope []*ssa.Function, pkgs []*packages.Package) ([]entry, []declaration, []string) {
	var entries []entry
	res := discovery.Discover(discovery.Input{Prog: prog, Scope: scope, Packages: pkgs, Catalog: r.cat,
		Opaque: func(fn *ssa.Function) bool { return isOpaque(r.cat, fn) }})
	warnings := res.Warnings
	for _, t := range res.Tools {
		entries = append(entries, entryOf(t))
	}
	d, w := directiveEntries(prog, pkgs)
	entries = append(entries, d...)
	warnings = append(warnings, w...)
	entries = append(entries, r.handlerMapEntries(scope)...)
	var decls []declaration
	for _, d := range res.Declarations {
		decls = append(decls, declaration{d.Name, d.Framework, d.Pos})
	}
	return dedupEntries(prog, entries), decls, warnings
}

// entryOf is the analyzer's view of a discovered tool.
func entryOf(t discovery.Tool) entry {
	e := entry{name: t.Name, nameFrom: t.NameFrom, framework: t.Framework, handler: t.Handler,
		registration: t.Registration, region: t.Region, position: t.Position, inputs: t.Inputs,
		gates: t.Gates, servers: t.Servers, layers: t.Layers, libCaps: t.Capabilities}
	for _, l := range t.Layers {
		e.wrappers = append(e.wrappers, l.Fn)
	}
	return e
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

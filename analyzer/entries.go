package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/discovery"
	"github.com/blastradius/blastradius/analyzer/symbol"
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
	// serverArgs are the handler's parameters that the dispatch gives the
	// server's own values (discovery.Tool.ServerArgs).
	serverArgs map[int]bool
	// gates are the instructions whose conditions decide whether the
	// tool is registered, most direct first (see discovery.Tool.Gates).
	gates []ssa.Instruction
	// dispatched is set for a tool that a dispatch of the model's tool
	// calls runs (not one registered with an SDK): the conditions around
	// the calls that lead to its lookup choose among tools at run time,
	// they do not register it.
	dispatched bool
	// servers are the values the registration's receiver can be (the
	// server constructor calls), to match middleware to its tools.
	servers []ssa.Value
	// layers are the wrappers with the calls in each that run the next
	// layer for this tool: their own code is the tool's too.
	layers []discovery.Layer
	// libCaps are the catalogued capabilities of a library tool, whose
	// handler runs in a dependency the scan does not enter.
	libCaps []string
	// hints are the behaviour hints the tool declares, by kind, and
	// hintsAt where (see discovery.Tool.Hints).
	hints   map[string]string
	hintsAt token.Pos
}

// discovered is what the discovery stage finds (see package discovery).
type discovered struct {
	entries     []entry
	decls       []declaration
	middlewares []discovery.Middleware
	// agents group the entries (by index) that one model holds.
	agents   []discovery.Agent
	warnings []string
}

// findEntries finds every tool of the analysed code (package discovery).
func findEntries(prog *ssa.Program, cat *rules.Catalog, scope []*ssa.Function, pkgs []*packages.Package) discovered {
	res := discovery.Discover(discovery.Input{Prog: prog, Scope: scope, Packages: pkgs, Catalog: cat,
		Opaque: func(fn *ssa.Function) bool { return isOpaque(cat, fn) }})
	out := discovered{warnings: res.Warnings}
	for _, t := range res.Tools {
		out.entries = append(out.entries, entryOf(t))
	}
	for _, d := range res.Declarations {
		out.decls = append(out.decls, declaration{d.Name, d.Framework, d.Pos})
	}
	out.middlewares = res.Middlewares
	out.agents = res.Agents
	return out
}

// entryOf is the analyzer's view of a discovered tool.
func entryOf(t discovery.Tool) entry {
	e := entry{name: t.Name, nameFrom: t.NameFrom, framework: t.Framework, handler: t.Handler,
		registration: t.Registration, region: t.Region, position: t.Position, inputs: t.Inputs, serverArgs: t.ServerArgs,
		gates: t.Gates, dispatched: t.Dispatched(), servers: t.Servers, layers: t.Layers, libCaps: t.Capabilities,
		hints: t.Hints, hintsAt: t.HintsAt}
	return e
}

// shortSymbol spells a function as a reader does (see package symbol).
func shortSymbol(fn *ssa.Function) string { return symbol.Short(fn) }

package analyzer

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/agent"
	"github.com/blastradius/blastradius/analyzer/discovery"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// This file turns discovery's agents into the report's: each named, with
// its tools, the conditions they are registered under, and what the code
// that runs around all of its tools can reach. It then asks package agent
// for the findings about them (toxic combinations, misleading hints).

// agents is what this stage reads.
type agents struct {
	found   discovered
	entries []entry
	rc      *reacher
	pos     positioner
	cat     *rules.Catalog
}

// reportAgents returns the report's agents, sorted as the report sorts
// them, and the indexes into doc.Tools (which follow entries) of each one's
// tools.
func (a agents) reportAgents(tools []report.Tool) ([]report.Agent, [][]int) {
	type built struct {
		agent   report.Agent
		members []int
	}
	var all []built
	for _, d := range a.found.agents {
		ra := report.Agent{
			Name:       d.Name,
			NameFrom:   "constant",
			Kind:       d.Kind,
			Framework:  d.Framework,
			Position:   a.pos.of(d.Site),
			Tools:      []string{},
			Gates:      []report.AgentGate{},
			Middleware: a.middleware(d),
		}
		if ra.Name == "" {
			ra.Name, ra.NameFrom = d.Maker, "construction"
		}
		gates := map[string]int{}
		for _, i := range d.Tools {
			t := tools[i]
			ra.Tools = append(ra.Tools, t.Name)
			if t.GatedBy == nil {
				continue
			}
			k := fmt.Sprintf("%s\x00%v", t.GatedBy.Condition, t.GatedBy.Position)
			g, ok := gates[k]
			if !ok {
				g = len(ra.Gates)
				gates[k] = g
				ra.Gates = append(ra.Gates, report.AgentGate{Condition: t.GatedBy.Condition, Position: t.GatedBy.Position, Tools: []string{}})
			}
			ra.Gates[g].Tools = append(ra.Gates[g].Tools, t.Name)
		}
		ra.AlsoAt = []report.Position{}
		all = append(all, built{ra, d.Tools})
	}
	// Agents of the same kind made with the same tools, in several
	// places (the branches of a switch on the agent's type), are one
	// combination of tools: they are reported once, named after the first
	// with a constant name.
	merged := map[string]int{}
	var kept []built
	for _, b := range all {
		k := fmt.Sprint(b.agent.Kind, b.agent.Framework, b.members)
		i, ok := merged[k]
		if !ok {
			merged[k] = len(kept)
			kept = append(kept, b)
			continue
		}
		first := &kept[i].agent
		if first.NameFrom != "constant" && b.agent.NameFrom == "constant" {
			b.agent.AlsoAt = append(first.AlsoAt, first.Position)
			kept[i].agent = b.agent
			continue
		}
		first.AlsoAt = append(first.AlsoAt, b.agent.Position)
	}
	all = kept
	order := func() {
		sort.SliceStable(all, func(i, j int) bool {
			x, y := all[i].agent, all[j].agent
			return cmp.Or(cmp.Compare(x.Name, y.Name), comparePos(x.Position, y.Position), cmp.Compare(x.Kind, y.Kind)) < 0
		})
	}
	order()
	// Two agents never share a name: the later ones say where they are.
	first := map[string]bool{}
	for i := range all {
		ra := &all[i].agent
		if first[ra.Name] {
			ra.Name += fmt.Sprintf(" (%s:%d)", ra.Position.File, ra.Position.Line)
		}
		first[ra.Name] = true
	}
	order()
	out := make([]report.Agent, len(all))
	members := make([][]int, len(all))
	for i, b := range all {
		slices.Sort(b.agent.Tools)
		b.agent.Tools = slices.Compact(b.agent.Tools)
		out[i], members[i] = b.agent, b.members
	}
	return out, members
}

func comparePos(a, b report.Position) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// middleware returns what the code that runs around every tool of an agent
// can reach by itself: the wrappers that every tool goes through (a
// server's converting closure) and the catalogued middleware applied to its
// server. Their calls of the handler they wrap are not followed: what the
// tools reach is the tools'.
func (a agents) middleware(d discovery.Agent) []report.Reach {
	roots := map[*ssa.Function]bool{}
	blocked := map[ssa.CallInstruction][]*ssa.Function{}
	for _, i := range d.Tools {
		for _, l := range a.entries[i].layers {
			if !l.Shared {
				continue
			}
			roots[l.Fn] = true
			for site, fns := range l.Next {
				blocked[site] = fns
			}
		}
	}
	if d.Server != nil {
		for _, m := range a.found.middlewares {
			if !slices.Contains(m.Servers, d.Server) {
				continue
			}
			for _, f := range m.Funcs {
				for _, fn := range withAnon(f) {
					roots[fn] = true
					// A middleware calls the handler it wraps through a
					// function value: that call runs the tools.
					for _, site := range symbol.CallSites(fn) {
						cc := site.Common()
						if !cc.IsInvoke() && cc.StaticCallee() == nil {
							blocked[site] = nil
						}
					}
				}
			}
		}
	}
	if len(roots) == 0 {
		return []report.Reach{}
	}
	// Whatever path leads from the shared code into a tool (a helper that
	// calls the handler it was given), it stops there: the tool's reach is
	// the tool's.
	for _, i := range d.Tools {
		stops := []*ssa.Function{a.entries[i].handler}
		for _, l := range a.entries[i].layers {
			if !l.Shared {
				stops = append(stops, l.Fn)
			}
		}
		for _, fn := range stops {
			if n := a.rc.cg.Nodes[fn]; n != nil && !roots[fn] {
				for _, e := range n.In {
					if e.Site != nil {
						blocked[e.Site] = nil
					}
				}
			}
		}
	}
	fns := make([]*ssa.Function, 0, len(roots))
	for fn := range roots {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].String() < fns[j].String() })
	out := []report.Reach{}
	seen := map[[2]string]bool{}
	layer := []discovery.Layer{{Shared: true, Next: blocked}}
	for _, fn := range fns {
		layer[0].Fn = fn
		for _, h := range a.rc.reach(fn, nil, layer).hits {
			k := [2]string{h.capability, h.sink}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, report.Reach{Capability: h.capability, Sink: h.sink, Position: a.pos.of(h.site.Pos()), Path: witness(h, a.pos)})
		}
	}
	return out
}

// withAnon is fn and the function literals in it, nested ones included.
func withAnon(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for _, f := range fn.AnonFuncs {
		out = append(out, withAnon(f)...)
	}
	return out
}

// findings returns the findings of package agent about doc, whose tools
// follow a.entries: toxic combinations of each agent, and hints each tool
// declares against what it reaches.
func (a agents) findings(doc *report.Document, members [][]int) []report.Finding {
	lits := make([][]gateLiteral, len(a.entries))
	for i, e := range a.entries {
		lits[i] = a.gateLiterals(e.gates)
	}
	return agent.Check(agent.Input{
		Tools:    doc.Tools,
		Findings: doc.Findings,
		Agents:   doc.Agents,
		Members:  members,
		Apart:    func(x, y int) bool { return exclusive(lits[x], lits[y]) },
		Catalog:  a.cat,
		ID:       findingID,
	})
}

// hintsOf is the report's view of the hints an entry declares.
func hintsOf(e entry, pos positioner) *report.Hints {
	if len(e.hints) == 0 {
		return nil
	}
	return &report.Hints{
		ReadOnly:    e.hints["read-only"],
		Destructive: e.hints["destructive"],
		Idempotent:  e.hints["idempotent"],
		OpenWorld:   e.hints["open-world"],
		Position:    pos.of(e.hintsAt),
	}
}

// A gateLiteral is one condition a tool's registration depends on: the
// setting key equals (eq) or differs from (!eq) val. A boolean setting
// compares with "true".
type gateLiteral struct {
	key, val string
	eq       bool
}

// exclusive reports whether two tools' registration conditions contradict
// each other: one needs a setting to be a value the other rules out.
func exclusive(a, b []gateLiteral) bool {
	for _, x := range a {
		for _, y := range b {
			if x.key != y.key {
				continue
			}
			if (x.val == y.val && x.eq != y.eq) || (x.val != y.val && x.eq && y.eq) {
				return true
			}
		}
	}
	return false
}

// maxGateDepth bounds how far up a unique chain of callers the conditions
// of a registration are collected.
const maxGateDepth = 8

// gateLiterals collects the conditions that decide whether a tool is
// registered: those that guard each of its gate instructions, and, while
// the function has a single caller, those that guard that call.
func (a agents) gateLiterals(gates []ssa.Instruction) []gateLiteral {
	var out []gateLiteral
	seen := map[ssa.Instruction]bool{}
	for _, g := range gates {
		instr := g
		for depth := 0; instr != nil && depth < maxGateDepth && !seen[instr]; depth++ {
			seen[instr] = true
			out = append(out, dominatingConditions(instr)...)
			instr = a.rc.onlyCaller(instr.Parent())
		}
	}
	return out
}

// callSitesOf are the calls of fn in the call graph.
func (rc *reacher) callSitesOf(fn *ssa.Function) []ssa.CallInstruction {
	n := rc.cg.Nodes[fn]
	if n == nil {
		return nil
	}
	var out []ssa.CallInstruction
	for _, e := range n.In {
		if e.Site != nil {
			out = append(out, e.Site)
		}
	}
	return out
}

// onlyCaller is the one call site of fn in the call graph, or nil.
func (rc *reacher) onlyCaller(fn *ssa.Function) ssa.Instruction {
	if fn == nil || fn.Parent() != nil {
		return nil
	}
	n := rc.cg.Nodes[fn]
	if n == nil || len(n.In) != 1 || n.In[0].Site == nil {
		return nil
	}
	if site := n.In[0].Site; rc.module == nil || rc.module[site.Parent()] {
		return site
	}
	// A library's code that runs the function (cobra's c.RunE(c,
	// args)) decides nothing about the program's tools.
	return nil
}

// dominatingConditions are the branch conditions that decide whether instr
// runs, with the branch it needs; error checks decide nothing.
func dominatingConditions(instr ssa.Instruction) []gateLiteral {
	block := instr.Block()
	if block == nil {
		return nil
	}
	var out []gateLiteral
	for d := block.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || isErrorCheck(iff.Cond) || isLoopHeader(d) {
			continue
		}
		for k, succ := range d.Succs {
			if len(succ.Preds) == 1 && succ.Dominates(block) && !ends(d.Succs[1-k], true) {
				if l, ok := literalOf(iff.Cond, k == 0); ok {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// literalOf spells the condition cond being taken (or not).
func literalOf(cond ssa.Value, taken bool) (gateLiteral, bool) {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return literalOf(c.X, !taken)
		}
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return gateLiteral{}, false
		}
		x, k := c.X, c.Y
		if _, ok := x.(*ssa.Const); ok {
			x, k = k, x
		}
		kc, ok := k.(*ssa.Const)
		if !ok {
			return gateLiteral{}, false
		}
		val := "nil"
		if kc.Value != nil {
			val = kc.Value.ExactString()
		}
		return gateLiteral{key: settingKey(x), val: val, eq: (c.Op == token.EQL) == taken}, true
	}
	if b, ok := cond.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool && b.Kind() != types.UntypedBool {
		return gateLiteral{}, false
	}
	if _, ok := cond.(*ssa.Const); ok {
		return gateLiteral{}, false // a constant is no setting
	}
	return gateLiteral{key: settingKey(cond), val: "true", eq: taken}, true
}

// settingKey names the setting a condition reads, so that two functions
// reading the same setting agree: a field of a type (cfg.ReadOnly, in any
// function), a package variable, a method called with no arguments
// (cfg.IsReadOnly()); otherwise the value itself.
func settingKey(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			switch a := x.X.(type) {
			case *ssa.FieldAddr:
				return "field " + types.TypeString(a.X.Type().Underlying().(*types.Pointer).Elem(), nil) + "." + fieldName(a.X.Type(), a.Field)
			case *ssa.Global:
				return "global " + a.String()
			}
		}
	case *ssa.Field:
		return "field " + types.TypeString(x.X.Type(), nil) + "." + fieldName(x.X.Type(), x.Field)
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil && len(x.Call.Args) <= 1 && (len(x.Call.Args) == 0 || callee.Signature.Recv() != nil) {
			return "call " + callee.String()
		}
	}
	return fmt.Sprintf("value %p", v)
}

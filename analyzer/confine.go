package analyzer

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file answers whether a model-controlled value that reaches a
// sensitive argument is confined on the way: a branch that goes on towards
// the call only when the value passed a check (it equals a constant, is
// found in an allowlist, a cleaned path has a fixed prefix), or, for a
// payment, is below a fixed bound.

// guarded reports whether a check on the flowing value protects the call:
// on the witness path, a branch that only continues towards the call when
// the value equals a constant, is found in a map (an allowlist), passes a
// catalogued check (strings.HasPrefix on a cleaned path), or, for a
// payment, is bounded by a comparison.
func (c *checker) guarded(f *flow, res *reached, site ssa.CallInstruction, arg ssa.Value, kind string) bool {
	ok, _ := c.guardedAt(f, res, site, arg, kind)
	return ok
}

// guardedAt is guarded, with the position of the check. For a payment,
// whose parameters are one struct, every model-chosen field must be
// checked: a limit on the amount leaves a model-chosen charge ID free.
func (c *checker) guardedAt(f *flow, res *reached, site ssa.CallInstruction, arg ssa.Value, kind string) (bool, token.Pos) {
	if kind != "payment" {
		return c.guardedLineage(f, res, site, ancestry(f, arg), kind)
	}
	var at token.Pos
	for _, l := range lineages(f, arg) {
		ok, p := c.guardedLineage(f, res, site, l, kind)
		if !ok {
			return false, token.NoPos
		}
		at = p
	}
	return at.IsValid(), at
}

// limitAt reports whether some model-chosen part of a payment's parameters
// is bounded by a comparison: the limit guard.
func (c *checker) limitAt(f *flow, res *reached, site ssa.CallInstruction, arg ssa.Value) (bool, token.Pos) {
	for _, l := range lineages(f, arg) {
		if ok, p := c.guardedLineage(f, res, site, l, "payment"); ok {
			return true, p
		}
	}
	return false, token.NoPos
}

// guardedLineage looks for a check of the flow described by anc on the
// witness path.
func (c *checker) guardedLineage(f *flow, res *reached, site ssa.CallInstruction, anc lineage, kind string) (bool, token.Pos) {
	block := site.Block()
	for s := res.steps[site.Parent()]; s != nil; s = s.prev {
		if ok, at := c.checkDominates(f, block, anc, kind); ok {
			return true, at
		}
		if s.site == nil {
			break
		}
		block = s.site.Block()
	}
	return false, token.NoPos
}

// checkDominates looks for a guarding branch among the dominators of block.
func (c *checker) checkDominates(f *flow, block *ssa.BasicBlock, anc lineage, kind string) (bool, token.Pos) {
	for d := block.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		pass := -1
		for i, succ := range d.Succs {
			if len(succ.Preds) == 1 && succ.Dominates(block) {
				pass = i
			}
		}
		if pass >= 0 && c.isCheck(f, iff.Cond, pass == 0, anc, kind) {
			at := iff.Cond.Pos()
			if !at.IsValid() {
				at = iff.Pos()
			}
			return true, at
		}
	}
	return false, token.NoPos
}

// isCheck reports whether cond, when it is `want`, confines a value related
// to the flow.
//
// A value is related to the flow when the flowing value was computed from
// it (allowed[cmd] before exec.Command(cmd)) or it was computed from the
// flowing value (u.Host of url.Parse(raw) before http.Get(raw)).
func (c *checker) isCheck(f *flow, cond ssa.Value, want bool, anc lineage, kind string) bool {
	related := func(v ssa.Value) bool {
		if anc.set[v] || storedFrom(v, anc) {
			return true
		}
		if !isFieldRead(v) {
			return false
		}
		// u.Host checked, then u or u.String() used; or u.Host checked
		// and the raw URL that u was parsed from used.
		if b := fieldBase(v); b != nil && anc.set[b] {
			if _, isParam := b.(*ssa.Parameter); !isParam {
				return true
			}
		}
		return derivedWithin(f, v, anc.root, 6)
	}
	switch x := cond.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return c.isCheck(f, x.X, !want, anc, kind)
		}
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ:
			if (x.Op == token.EQL) != want {
				return false
			}
			return (fixed(f, x.Y) && related(x.X)) || (fixed(f, x.X) && related(x.Y))
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if kind != "payment" {
				return false
			}
			// An upper bound: on the branch that goes on, the value is
			// below a fixed bound (v > max → return; v <= max → pay).
			op := x.Op
			switch {
			case fixed(f, x.Y) && related(x.X):
			case fixed(f, x.X) && related(x.Y):
				op = flip(op)
			default:
				return false
			}
			if !want {
				op = negate(op)
			}
			return op == token.LSS || op == token.LEQ
		}
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 1 && want {
			return related(l.Index)
		}
	case *ssa.Lookup:
		return want && related(x.Index)
	case *ssa.Call:
		if !want {
			return false
		}
		for _, sym := range siteSymbols(c.rc, x) {
			chk, ok := c.cat.Checks[rules.Normalize(sym)]
			if !ok || kindMask(chk.Kinds)&kindMask([]string{kind}) == 0 {
				continue
			}
			for _, a := range callArgs(x.Common()) {
				if related(a) {
					return true
				}
			}
		}
	}
	return false
}

// derivedWithin reports whether v was computed from root in at most n
// steps. A short chain is a parse of the value (u := url.Parse(raw);
// u.Host); a long one goes around a loop (the model's next reply, computed
// from this tool's output) and says nothing about this value.
func derivedWithin(f *flow, v, root ssa.Value, n int) bool {
	o := f.taint(v)
	for i := 0; o != nil && i <= n; o, i = o.prev, i+1 {
		if o.at == root {
			return true
		}
	}
	return false
}

// isFieldRead reports whether v reads a field (u.Host): a part of a parsed
// value that a check can pin down, unlike a derived value such as an
// extension or a length.
func isFieldRead(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Field:
		return true
	case *ssa.UnOp:
		_, ok := x.X.(*ssa.FieldAddr)
		return ok
	case *ssa.Call:
		// u.Hostname() and u.Port() read parsed fields too.
		if callee := x.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
			return strings.HasPrefix(callee.Name(), "Host") || callee.Name() == "Port"
		}
	}
	return false
}

// storedFrom reports whether v reads a variable that a value of the flow
// was stored in: the check reads `amount` where a closure captured it.
func storedFrom(v ssa.Value, anc lineage) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	a, ok := ld.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *a.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a && anc.set[st.Val] {
			return true
		}
	}
	return false
}

// fieldBase is the value a field read reads from: u in u.Host or
// u.Hostname().
func fieldBase(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.Field:
		return x.X
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			return fa.X
		}
	case *ssa.Call:
		if args := x.Call.Args; len(args) > 0 && x.Call.StaticCallee() != nil {
			return args[0]
		}
	}
	return nil
}

// flip swaps the operands of a comparison: a < b is b > a.
func flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// negate is the comparison that holds when op does not.
func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.LEQ:
		return token.GTR
	case token.GTR:
		return token.LEQ
	case token.GEQ:
		return token.LSS
	}
	return op
}

// fixed reports whether v is not chosen by the model: a constant or an
// untainted value (a configured host, a limit read at start-up).
func fixed(f *flow, v ssa.Value) bool {
	if _, ok := v.(*ssa.Const); ok {
		return true
	}
	return f.deep(v) == nil
}

// lineage is the set of values a tainted value was computed from, itself
// (root) included.
type lineage struct {
	root ssa.Value
	set  map[ssa.Value]bool
}

// lineages splits the flow into v by the fields it came through: v's own
// taint, and each tainted field of the object v points to, in field order.
func lineages(f *flow, v ssa.Value) []lineage {
	var out []lineage
	chain := func(o *origin) lineage {
		l := lineage{root: v, set: map[ssa.Value]bool{v: true}}
		for n := 0; o != nil && n < 64; o, n = o.prev, n+1 {
			if o.at != nil {
				l.set[o.at] = true
			}
		}
		return l
	}
	if o := f.taint(v); o != nil && o.mask != 0 {
		out = append(out, chain(o))
	}
	var fields []string
	cells := map[string]*origin{}
	if base := baseOf(v); base != nil {
		cells = f.cells[f.find(base)]
	}
	for k := range cells {
		if k != "*" {
			fields = append(fields, k)
		}
	}
	sort.Strings(fields)
	for _, fl := range fields {
		out = append(out, chain(cells[fl]))
	}
	if len(out) == 0 {
		out = append(out, ancestry(f, v))
	}
	return out
}

func ancestry(f *flow, v ssa.Value) lineage {
	l := lineage{root: v, set: map[ssa.Value]bool{v: true}}
	for _, o := range []*origin{f.taint(v), f.object(baseOf(v))} {
		for n := 0; o != nil && n < 64; o, n = o.prev, n+1 {
			if o.at != nil {
				l.set[o.at] = true
			}
		}
	}
	return l
}

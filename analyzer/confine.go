package analyzer

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file answers whether a model-controlled value that reaches a
// sensitive argument is confined on the way: a branch that goes on towards
// the call only when the value passed a check (it equals a constant, is
// found in an allowlist, a cleaned path has a fixed prefix), or, for a
// payment, is below a fixed bound.

// check is a check that confines a value.
type check struct {
	pos token.Pos
	// what names it: a catalogued check (strings.HasPrefix), "map
	// lookup", "comparison", or the validator that makes it.
	what string
	// by is the validator of the module the check is made by (a
	// function that returns an error unless its argument passed a
	// check), or nil for a check written where the value is used.
	by *ssa.Function
}

// at places a check found in iff's condition: at the condition, unless
// the condition is a flag whose check was found where it was set.
func (chk check) at(iff *ssa.If) check {
	if _, flag := iff.Cond.(*ssa.Phi); flag && chk.pos.IsValid() {
		return chk
	}
	chk.pos = iff.Cond.Pos()
	if !chk.pos.IsValid() {
		chk.pos = iff.Pos()
	}
	return chk
}

// confinedAt reports whether a check on the flowing value protects the
// call, and which: on the witness path, a branch that only continues
// towards the call when the value equals a constant, is found in a map (an
// allowlist), passes a catalogued check (strings.HasPrefix on a cleaned
// path), or a validator of the module (see validatorsOf), or, for a
// payment, is bounded by a comparison. For a payment, whose parameters are
// one struct, every model-chosen field must be checked: a limit on the
// amount leaves a model-chosen charge ID free.
func (c *checker) confinedAt(f *flow, res *reached, site ssa.CallInstruction, arg ssa.Value, kind string) (check, bool) {
	if kind != "payment" {
		return c.guardedLineage(f, res, site, ancestry(f, arg), kind)
	}
	var last check
	for _, l := range lineages(f, arg) {
		chk, ok := c.guardedLineage(f, res, site, l, kind)
		if !ok {
			return check{}, false
		}
		last = chk
	}
	return last, last.pos.IsValid()
}

// limitAt reports whether some model-chosen part of a payment's parameters
// is bounded by a comparison: the limit guard.
func (c *checker) limitAt(f *flow, res *reached, site ssa.CallInstruction, arg ssa.Value) (bool, token.Pos) {
	for _, l := range lineages(f, arg) {
		if chk, ok := c.guardedLineage(f, res, site, l, "payment"); ok {
			return true, chk.pos
		}
	}
	return false, token.NoPos
}

// guardedLineage looks for a check of the flow described by anc on the
// witness path.
func (c *checker) guardedLineage(f *flow, res *reached, site ssa.CallInstruction, anc lineage, kind string) (check, bool) {
	block := site.Block()
	for s := res.steps[site.Parent()]; s != nil; s = s.prev {
		if chk, ok := c.checkDominates(f, block, anc, kind); ok {
			return chk, true
		}
		if s.site == nil {
			break
		}
		block = s.point().Block()
	}
	return check{}, false
}

// checkDominates looks for a guarding branch among the dominators of block.
func (c *checker) checkDominates(f *flow, block *ssa.BasicBlock, anc lineage, kind string) (check, bool) {
	local := map[any]int{}
	var found check
	if symbol.DominatingBranches(block, func(iff *ssa.If, want bool) bool {
		if chk, ok := c.isCheck(f, iff.Cond, want, anc, kind); ok {
			found = chk.at(iff)
			return true
		}
		if kind == "path" {
			for _, lf := range localFacts(iff.Cond, want) {
				k := factKey(lf.path)
				local[k] |= lf.fact
				related := relatedPath(lf.path, anc, map[ssa.Value]bool{})
				if local[k]&oneElement != 0 {
					related = joinedName(anc, lf.path)
				}
				if isLocal(local[k], lf.path) && related {
					what := "path/filepath.Clean"
					switch {
					case local[k]&oneElement != 0:
						what = "one path element"
					case local[k]&noDotDot != 0:
						what = "strings.Contains"
					}
					found = check{what: what, pos: iff.Cond.Pos()}
					return true
				}
			}
		}
		return false
	}) {
		return found, true
	}
	return c.checksCut(f, block, anc, kind)
}

// The two halves of a local path: a clean path that neither starts with
// ".." nor is absolute stays inside any directory it is joined to, as
// filepath.IsLocal says. A path with no ".." anywhere in it
// (strings.Contains(p, "..") false) needs no cleaning for that: no element
// of it can climb out.
//
// A single path element is local too, unless it is "..": a name with no
// separator (strings.ContainsAny(p, "/\\") false, filepath.Base(p) == p)
// that does not start with "." or is not "..", the usual check of a tool
// that takes a file's name.
const (
	notParent = 1 << iota
	notAbsolute
	noDotDot
	oneElement
)

// isLocal reports whether the facts known of path x make it local.
func isLocal(facts int, x ssa.Value) bool {
	if facts&oneElement != 0 && facts&(notParent|noDotDot) != 0 {
		return true
	}
	if facts&notAbsolute == 0 {
		return false
	}
	return facts&noDotDot != 0 || facts&notParent != 0 && isCleaned(x)
}

// pathFact is what a branch says of a path.
type pathFact struct {
	path ssa.Value
	fact int
}

// localFacts returns what cond, when it is want, says of a path: that it
// is not a parent (strings.HasPrefix(p, "..") or (p, ".") false, p !=
// ".."), holds no ".." at all (strings.Contains(p, "..") false), is not
// absolute (filepath.IsAbs(p) false) or is one element (no separator in
// it: strings.ContainsAny(p, "/"), strings.ContainsRune(p, '/') or
// strings.Contains(p, "/") false; filepath.Base(p) == p). A disjunction
// found false says each of its parts is.
func localFacts(cond ssa.Value, want bool) []pathFact {
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		return localFacts(u.X, !want)
	}
	if b, ok := cond.(*ssa.BinOp); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		equal := (b.Op == token.EQL) == want
		for _, xy := range [2][2]ssa.Value{{b.X, b.Y}, {b.Y, b.X}} {
			x, y := xy[0], xy[1]
			if s, ok := constString(y); ok && s == ".." && !equal {
				return []pathFact{{x, notParent}}
			}
			if call, ok := x.(*ssa.Call); ok && equal && len(call.Call.Args) == 1 && factKey(call.Call.Args[0]) == factKey(y) {
				switch staticName(call) {
				case "path/filepath.Base", "path.Base":
					return []pathFact{{y, oneElement}}
				}
			}
		}
		return nil
	}
	call, ok := cond.(*ssa.Call)
	if !ok || want {
		return nil
	}
	args := call.Call.Args
	switch staticName(call) {
	case "strings.HasPrefix":
		if p, ok := constString(args[1]); ok && (p == ".." || p == ".") {
			return []pathFact{{args[0], notParent}}
		}
	case "strings.Contains":
		if p, ok := constString(args[1]); ok && p == ".." {
			return []pathFact{{args[0], noDotDot}}
		}
		if p, ok := constString(args[1]); ok && p == "/" {
			return []pathFact{{args[0], oneElement}}
		}
	case "strings.ContainsAny":
		if p, ok := constString(args[1]); ok && strings.Contains(p, "/") {
			return []pathFact{{args[0], oneElement}}
		}
	case "strings.ContainsRune":
		if k, ok := args[1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
			if r, ok := constant.Int64Val(k.Value); ok && r == '/' {
				return []pathFact{{args[0], oneElement}}
			}
		}
	case "path/filepath.IsAbs", "path.IsAbs":
		return []pathFact{{args[0], notAbsolute}}
	}
	return nil
}

// factKey is what the facts of a path are kept under: a field of a
// variable read twice (in.Name checked by two calls) is one path, when
// the function stores nothing in that field (json.Unmarshal(b, &in)
// filled it).
func factKey(v ssa.Value) any {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok && !fieldStored(fa.X, fa.Field) {
			return [2]any{fa.X, fa.Field}
		}
	}
	return v
}

// fieldStored reports whether the code stores into field i of what x
// points to.
func fieldStored(x ssa.Value, i int) bool {
	for _, ref := range *x.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != i {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				return true
			}
		}
	}
	return false
}

// joinedName reports whether the path of the flow (anc.root) is a name,
// the value that the checks found to be one path element, joined under a
// directory the model did not choose: filepath.Join(root, name), its other
// parts constants. A name used as a path on its own may still be "/"
// (filepath.Base("/") is "/"), and a part joined after it is unchecked.
func joinedName(anc lineage, name ssa.Value) bool {
	call, ok := anc.root.(*ssa.Call)
	if !ok {
		return false
	}
	switch staticName(call) {
	case "path/filepath.Join", "path.Join":
	default:
		return false
	}
	parts, ok := variadicPack(call.Call.Args[0])
	if !ok || len(parts) < 2 || anc.set[parts[0]] {
		return false
	}
	seen := false
	for _, p := range parts[1:] {
		switch {
		case factKey(p) == factKey(name):
			seen = true
		case isConst(p):
		default:
			return false
		}
	}
	return seen
}

// checksCut looks for checks that together cut block off from the
// function's entry: every path to it passes one of them (a switch with
// several values in one case, a == x || a == y), none dominating it
// alone. The check reported is the first in the source.
func (c *checker) checksCut(f *flow, block *ssa.BasicBlock, anc lineage, kind string) (check, bool) {
	fn := block.Parent()
	if fn == nil || len(fn.Blocks) > maxValidatorBlocks {
		return check{}, false
	}
	type edge struct {
		from *ssa.BasicBlock
		to   int
	}
	cut, impossible := map[edge]bool{}, map[edge]bool{}
	var first check
	for _, d := range fn.Blocks {
		if len(d.Instrs) == 0 {
			continue
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		never, fixedAnswer := constantCond(iff.Cond)
		for i := range d.Succs {
			chk, ok := c.isCheck(f, iff.Cond, i == 0, anc, kind)
			if !ok {
				if fixedAnswer && (i == 0) == never {
					// A branch on a function that always answers the
					// same (`g.enforce() && !inside(root, p)`, where
					// enforce returns true) has one way only.
					impossible[edge{d, i}] = true
				}
				continue
			}
			cut[edge{d, i}] = true
			chk = chk.at(iff)
			if !first.pos.IsValid() || chk.pos < first.pos {
				first = chk
			}
		}
	}
	if len(cut) == 0 {
		return check{}, false
	}
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	queue := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if b == block {
			return check{}, false
		}
		for i, succ := range b.Succs {
			if !cut[edge{b, i}] && !impossible[edge{b, i}] && !seen[succ] {
				seen[succ] = true
				queue = append(queue, succ)
			}
		}
	}
	return first, true
}

// constantCond reports whether cond is a call of a function of the
// program whose every return is the same boolean constant (or its
// negation), and the value cond never has.
func constantCond(cond ssa.Value) (never, ok bool) {
	negated := false
	for {
		u, isNot := cond.(*ssa.UnOp)
		if !isNot || u.Op != token.NOT {
			break
		}
		negated, cond = !negated, u.X
	}
	call, isCall := cond.(*ssa.Call)
	if !isCall {
		return false, false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 {
		return false, false
	}
	seen, value := false, false
	for _, r := range returnsOf(fn) {
		k, isConst := symbol.Returned(r, 0).(*ssa.Const)
		if !isConst || k.Value == nil || k.Value.Kind() != constant.Bool {
			return false, false
		}
		if seen && constant.BoolVal(k.Value) != value {
			return false, false
		}
		seen, value = true, constant.BoolVal(k.Value)
	}
	return value == negated, seen
}

// isCheck reports whether cond, when it is `want`, confines a value related
// to the flow, and what the check is.
//
// A value is related to the flow when the flowing value was computed from
// it (allowed[cmd] before exec.Command(cmd)), it was computed from the
// flowing value (u.Host of url.Parse(raw) before http.Get(raw)), it is the
// same element of the same slice (fields[0] checked, fields[0] run), or,
// for a path, it is the flowing path made absolute or clean
// (filepath.Abs(p) checked, p opened).
func (c *checker) isCheck(f *flow, cond ssa.Value, want bool, anc lineage, kind string) (check, bool) {
	related := func(v ssa.Value) bool {
		if joinedAfter(f, v, anc) {
			// sch checked, then sch + "://" + host fetched: the
			// host is the model's too.
			return false
		}
		if anc.set[v] || storedFrom(v, anc) || sameElement(v, anc) || sameField(v, anc) {
			return true
		}
		if kind == "path" && relatedPath(v, anc, map[ssa.Value]bool{}) {
			return true
		}
		if u := unfolded(v); kind == "statement" && (anc.set[u] || sameField(u, anc) || firstWordOf(u, anc)) {
			return true
		}
		if kind == "command" && c.firstWordOnly && firstWordOf(v, anc) {
			return true
		}
		if kind == "command" {
			// argv[0] checked, argv run: the program is confined,
			// and with it the command (see argConfined).
			if x, i, ok := elementRead(v); ok && i == 0 && anc.set[x] && !dropsFirst(x, anc) && !rejoined(anc) {
				return true
			}
		}
		if !isFieldRead(v) || !isStringLike(v.Type()) {
			// A number read from what the value led to (the status
			// of the response fetched from a URL) is no part of it.
			return false
		}
		if kind == "url" && !decidesHost(v) {
			// u.Scheme checked against "http" and "https" leaves the
			// host to the model: only the host says where it goes.
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
	// parsed is related for a statement's type: the statement itself, or
	// one a parser made of the text (see parsedFrom).
	parsed := func(v ssa.Value) bool { return related(v) || parsedFrom(f, v, anc) }
	switch x := cond.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return c.isCheck(f, x.X, !want, anc, kind)
		}
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ:
			if chk, ok := c.validatedErr(x, want, related, anc, kind); ok {
				return chk, true
			}
			if kind == "statement" && (x.Op == token.NEQ) == want && readNodeTest(x, parsed) {
				return check{what: "statement type"}, true
			}
			if (x.Op == token.EQL) != want {
				return check{}, false
			}
			if (fixed(f, x.Y) && related(x.X)) || (fixed(f, x.X) && related(x.Y)) {
				return check{what: "comparison"}, true
			}
			if kind == "path" && (isConst(x.Y) && relOf(f, x.X, related) || isConst(x.X) && relOf(f, x.Y, related)) {
				// rel == "." for rel, _ := filepath.Rel(root, p): p is
				// root itself.
				return check{what: "path/filepath.Rel"}, true
			}
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if kind == "statement" && noWords(x, want, anc) {
				// The text has no words: it runs no statement.
				return check{what: "statement type"}, true
			}
			if kind != "payment" {
				return check{}, false
			}
			// An upper bound: on the branch that goes on, the value is
			// below a fixed bound (v > max → return; v <= max → pay).
			op := x.Op
			switch {
			case fixed(f, x.Y) && related(x.X):
			case fixed(f, x.X) && related(x.Y):
				op = flip(op)
			default:
				return check{}, false
			}
			if !want {
				op = negate(op)
			}
			if op == token.LSS || op == token.LEQ {
				return check{what: "comparison"}, true
			}
		}
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 1 && want && related(l.Index) {
			return check{what: "map lookup"}, true
		}
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 1 && want && kind == "statement" &&
			readStatementType(ta.AssertedType) && parsed(ta.X) {
			return check{what: "statement type"}, true
		}
	case *ssa.Lookup:
		if want && related(x.Index) {
			return check{what: "map lookup"}, true
		}
	case *ssa.Call:
		if kind == "statement" {
			return c.callCheck(f, x, want, parsed, anc, kind)
		}
		return c.callCheck(f, x, want, related, anc, kind)
	case *ssa.Phi:
		return c.flagCheck(f, x, want, anc, kind)
	}
	return check{}, false
}

// flagCheck reports whether a boolean variable is want only where a check
// passed: the membership test written as a loop (`for _, a := range
// allowed { if argv[0] == a { ok = true } }`, then `if !ok { return }`).
// Each way the variable gets want is a constant set under a check, or a
// check's own result; every other way gives it the other constant. A flag
// carried around a loop speaks of the value checked in an earlier turn:
// it confines a value that stays the same in every turn (argv[0] tested
// after the loop), not one of the turn that tests it (each command of a
// batch run once an earlier one was "login").
func (c *checker) flagCheck(f *flow, phi *ssa.Phi, want bool, anc lineage, kind string) (check, bool) {
	if c.flagging[phi] || !isBool(phi.Type()) || len(phi.Parent().Blocks) > maxValidatorBlocks {
		return check{}, false
	}
	if c.flagging == nil {
		c.flagging = map[*ssa.Phi]bool{}
	}
	c.flagging[phi] = true
	defer delete(c.flagging, phi)
	var first check
	for i, e := range phi.Edges {
		var chk check
		var ok bool
		switch v := e.(type) {
		case *ssa.Const:
			if v.Value == nil || v.Value.Kind() != constant.Bool {
				return check{}, false
			}
			if constant.BoolVal(v.Value) != want {
				continue // this way does not go on
			}
			chk, ok = c.checkedOnWayTo(f, phi.Block().Preds[i], phi.Block(), anc, kind)
		case *ssa.Phi:
			if c.flagging[v] {
				// The loop's own value, from an earlier turn.
				if inLoop(anc.root, v.Block()) {
					return check{}, false
				}
				continue
			}
			chk, ok = c.flagCheck(f, v, want, anc, kind)
		default:
			chk, ok = c.isCheck(f, v, want, anc, kind)
		}
		if !ok {
			return check{}, false
		}
		if !first.pos.IsValid() || (chk.pos.IsValid() && chk.pos < first.pos) {
			first = chk
		}
	}
	return first, first.what != ""
}

// branchOf returns the if that ends b, or nil.
func branchOf(b *ssa.BasicBlock) *ssa.If {
	if len(b.Instrs) == 0 {
		return nil
	}
	iff, _ := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return iff
}

// inLoop reports whether v is computed in the loop whose header is h: in
// a block h dominates and that leads back to h.
func inLoop(v ssa.Value, h *ssa.BasicBlock) bool {
	in, ok := v.(ssa.Instruction)
	if !ok || in.Block() == nil || !h.Dominates(in.Block()) {
		return false
	}
	return reachable(in.Block())[h]
}

// checkedOnWayTo returns a check that every way along the edge from b to
// its successor to passed: the condition of b's branch to it (a == x || b
// == y), or of a branch whose taken edge is the only way into a block that
// dominates b.
func (c *checker) checkedOnWayTo(f *flow, b, to *ssa.BasicBlock, anc lineage, kind string) (check, bool) {
	if iff := branchOf(b); iff != nil && b.Succs[0] != b.Succs[1] {
		if chk, ok := c.isCheck(f, iff.Cond, b.Succs[0] == to, anc, kind); ok {
			return chk.at(iff), true
		}
	}
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) > 1 {
			// if a == x || b == y { ok = true }: the block is entered
			// from each check's passing branch.
			if chk, ok := c.everyWayChecked(f, d, anc, kind); ok {
				return chk, true
			}
			continue
		}
		if len(d.Preds) == 0 {
			continue
		}
		p := d.Preds[0]
		iff := branchOf(p)
		if iff == nil {
			continue
		}
		if chk, ok := c.isCheck(f, iff.Cond, p.Succs[0] == d, anc, kind); ok {
			return chk.at(iff), true
		}
	}
	return check{}, false
}

// everyWayChecked returns a check when every edge into block d is the
// passing branch of a check (the first, by position), as the blocks that
// a disjunction of checks leads into are.
func (c *checker) everyWayChecked(f *flow, d *ssa.BasicBlock, anc lineage, kind string) (check, bool) {
	var first check
	for _, p := range d.Preds {
		iff := branchOf(p)
		if iff == nil || p.Succs[0] == p.Succs[1] {
			return check{}, false
		}
		chk, ok := c.isCheck(f, iff.Cond, p.Succs[0] == d, anc, kind)
		if !ok {
			return check{}, false
		}
		if chk = chk.at(iff); !first.pos.IsValid() || chk.pos < first.pos {
			first = chk
		}
	}
	return first, first.what != ""
}

// callCheck reports whether a call, when its result is want, confines a
// related value for kind: a catalogued check, a validator of the module
// that returns a boolean, or filepath.Rel's result found not to climb out
// of its base (strings.HasPrefix(rel, "..") false).
func (c *checker) callCheck(f *flow, x *ssa.Call, want bool, related func(ssa.Value) bool, anc lineage, kind string) (check, bool) {
	args := callArgs(x.Common())
	if !want {
		if kind == "path" && relInside(f, x, related) {
			return check{what: "path/filepath.Rel"}, true
		}
		return check{}, false
	}
	for _, sym := range siteSymbols(c.rc, x) {
		chk, ok := c.cat.Checks[rules.Normalize(sym)]
		if !ok || kindMask(chk.Kinds)&kindMask([]string{kind}) == 0 {
			continue
		}
		if kind == "path" && isPrefixCheck(sym) {
			// A prefix confines a path only once the path is clean:
			// "/srv/root/../../etc/passwd" has the prefix /srv/root.
			if len(args) == 2 && (isCleaned(args[0]) || c.assumeClean[args[0]]) && related(args[0]) && fixed(f, args[1]) {
				return check{what: sym}, true
			}
			continue
		}
		if kind == "url" && isPrefixCheck(sym) && len(args) == 2 {
			// A URL prefix confines the host only when it ends the
			// host: "https://go.dev" is also a prefix of
			// "https://go.dev.attacker.example".
			if related(args[0]) && fixed(f, args[1]) && prefixEndsHost(args[1]) {
				return check{what: sym}, true
			}
			continue
		}
		for i, a := range args {
			if !related(a) {
				continue
			}
			// The other arguments are the allowlist: fixed, not the
			// model's (slices.Contains(allowed, cmd)).
			others := true
			for j, b := range args {
				if j != i && !fixed(f, b) {
					others = false
				}
			}
			if others {
				return check{what: sym}, true
			}
		}
	}
	vals, callee := c.validatorsAt(x)
	for _, v := range vals {
		if v.errIdx < 0 && v.covers(kind) && v.param < len(args) && related(args[v.param]) &&
			(!v.needsClean || isCleaned(args[v.param])) && (!v.firstWord || runsFirstWord(anc) || c.firstWordOnly) {
			return check{what: c.rc.symbol(callee), by: callee}, true
		}
	}
	return check{}, false
}

// validatorsAt returns the validators that every function a call can run
// has in common (the same checked argument and result, the kinds they all
// confine), and the function to name for them, the first by name. A
// validator called through a function value or an interface (kept in a
// field, so that a test can put another in its place) confines only when
// every function the call graph says the call can run is one.
func (c *checker) validatorsAt(call *ssa.Call) ([]validator, *ssa.Function) {
	callees := staticOrGraphCallees(c.rc, call)
	if len(callees) == 0 {
		return nil, nil
	}
	common := c.validatorsOf(callees[0])
	for _, g := range callees[1:] {
		if len(common) == 0 {
			break
		}
		common = sharedValidators(common, c.validatorsOf(g))
	}
	return common, callees[0]
}

// sharedValidators keeps the validators of as that bs has too, for the
// kinds both confine.
func sharedValidators(as, bs []validator) []validator {
	var out []validator
	for _, a := range as {
		for _, b := range bs {
			if a.param != b.param || a.errIdx != b.errIdx || a.kinds&b.kinds == 0 {
				continue
			}
			out = append(out, validator{param: a.param, errIdx: a.errIdx, kinds: a.kinds & b.kinds, needsClean: a.needsClean || b.needsClean, firstWord: a.firstWord || b.firstWord, returnsArg: a.returnsArg && b.returnsArg})
		}
	}
	return out
}

// validatedErr reports whether a comparison of a validator's error with
// nil goes on, when it is want, only with the validator satisfied (err ==
// nil), and the validator confines a related value for kind: the argument
// it checked, or a value it returned with the error.
func (c *checker) validatedErr(x *ssa.BinOp, want bool, related func(ssa.Value) bool, anc lineage, kind string) (check, bool) {
	errV := comparedWithNil(x)
	if errV == nil {
		return check{}, false
	}
	if (x.Op == token.EQL) != want {
		return check{}, false // the branch where the error is not nil
	}
	ex, ok := errV.(*ssa.Extract)
	var call *ssa.Call
	if ok {
		call, _ = ex.Tuple.(*ssa.Call)
	} else {
		call, _ = errV.(*ssa.Call)
	}
	if call == nil {
		return check{}, false
	}
	vals, callee := c.validatorsAt(call)
	idx := 0
	if ok {
		idx = ex.Index
	}
	args := callArgs(call.Common())
	for _, v := range vals {
		if v.errIdx != idx || !v.covers(kind) || v.firstWord && !runsFirstWord(anc) && !c.firstWordOnly {
			continue
		}
		hit := v.param < len(args) && related(args[v.param]) && (!v.needsClean || isCleaned(args[v.param]))
		for _, ref := range *call.Referrers() {
			if e, ok := ref.(*ssa.Extract); ok && e.Index != idx && v.returnsArg && related(e) {
				hit = true
			}
		}
		if hit {
			return check{what: c.rc.symbol(callee), by: callee}, true
		}
	}
	return check{}, false
}

// comparedWithNil returns the operand a comparison compares with nil, or
// nil when neither operand is the nil constant.
func comparedWithNil(x *ssa.BinOp) ssa.Value {
	if k, ok := x.Y.(*ssa.Const); ok && k.IsNil() {
		return x.X
	}
	if k, ok := x.X.(*ssa.Const); ok && k.IsNil() {
		return x.Y
	}
	return nil
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

// unfolded returns the text that v is a case-folded or trimmed form of
// (strings.ToUpper(strings.TrimSpace(q)) is q): its first word is the
// statement the text runs.
func unfolded(v ssa.Value) ssa.Value {
	for {
		call, ok := v.(*ssa.Call)
		if !ok {
			return v
		}
		switch staticName(call) {
		case "strings.ToUpper", "strings.ToLower", "strings.TrimSpace", "strings.Trim", "strings.TrimLeft", "strings.TrimRight", "strings.TrimSuffix":
			v = call.Call.Args[0]
		default:
			return v
		}
	}
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

// decidesHost reports whether a field read says where a URL goes: any
// field of the program's own types, but of a net/url.URL only its host
// (u.Host, u.Hostname()), not its scheme, path, query or port.
func decidesHost(v ssa.Value) bool {
	b := fieldBase(v)
	if b == nil || typeSymbol(b.Type()) != "net/url.URL" {
		return true
	}
	if x, i, ok := fieldRead(v); ok {
		return fieldName(x.Type(), i) == "Host"
	}
	if call, ok := v.(*ssa.Call); ok && call.Call.StaticCallee() != nil {
		return call.Call.StaticCallee().Name() == "Hostname"
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

// uncleanedOf returns the path that v is a clean, absolute or parent form
// of (p for filepath.Abs(p), filepath.Clean(p), filepath.EvalSymlinks(p),
// filepath.Dir(p), p + "/"), or nil: checking that form checks p.
func uncleanedOf(v ssa.Value) ssa.Value {
	return uncleanedIn(v, map[*ssa.Function]bool{})
}

// uncleanedIn is uncleanedOf through the helpers not in entered (a helper
// that calls itself is not entered again).
func uncleanedIn(v ssa.Value, entered map[*ssa.Function]bool) ssa.Value {
	switch x := v.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			switch staticName(call) {
			case "path/filepath.Abs", "path/filepath.EvalSymlinks":
				return call.Call.Args[0]
			}
			return helperUncleaned(call, 0, entered)
		}
	case *ssa.Call:
		switch staticName(x) {
		case "path/filepath.Clean", "path/filepath.Dir", "path.Clean", "path.Dir":
			return x.Call.Args[0]
		}
		return helperUncleaned(x, -1, entered)
	case *ssa.BinOp:
		if x.Op == token.ADD && isSeparator(x.Y) {
			return x.X
		}
	}
	return nil
}

// helperUncleaned returns the argument of a call of a helper whose
// result (index, or -1 for its only one) is, on every path that returns a
// path, a clean, absolute or parent form of that parameter: a module's
// normalizePath(p) that returns filepath.Clean(p). Empty strings returned
// with an error are no path.
func helperUncleaned(call *ssa.Call, index int, entered map[*ssa.Function]bool) ssa.Value {
	callee := call.Call.StaticCallee()
	if callee == nil || entered[callee] {
		return nil
	}
	entered[callee] = true
	defer delete(entered, callee)
	param := -1
	for _, r := range helperReturns(call, index) {
		if isEmptyString(r) {
			continue
		}
		p := r
		for i := 0; i < 8 && p != nil; i++ {
			if _, ok := p.(*ssa.Parameter); ok {
				break
			}
			p = uncleanedIn(p, entered)
		}
		prm, ok := p.(*ssa.Parameter)
		if !ok || prm == r {
			return nil
		}
		k := slices.Index(prm.Parent().Params, prm)
		if k < 0 || param >= 0 && k != param {
			return nil
		}
		param = k
	}
	if param < 0 || param >= len(call.Call.Args) {
		return nil
	}
	return call.Call.Args[param]
}

// helperReturns returns what a call's static callee, a function with a
// body, returns as its result index (-1: its only result) in the blocks
// that can run; nil for any other call.
func helperReturns(call *ssa.Call, index int) []ssa.Value {
	callee := call.Call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 {
		return nil
	}
	n := callee.Signature.Results().Len()
	if index < 0 {
		if n != 1 {
			return nil
		}
		index = 0
	}
	if index >= n {
		return nil
	}
	live := symbol.LiveBlocks(callee)
	var out []ssa.Value
	for _, r := range returnsOf(callee) {
		if (live == nil || live[r.Block().Index]) && index < len(r.Results) {
			out = append(out, r.Results[index])
		}
	}
	return out
}

// isEmptyString reports whether v is the constant "".
func isEmptyString(v ssa.Value) bool {
	s, ok := constString(v)
	return ok && s == ""
}

// relatedPath reports whether a checked path v is, or is a cleaned form of,
// a value of the flow; through a phi, every incoming path must be.
func relatedPath(v ssa.Value, anc lineage, seen map[ssa.Value]bool) bool {
	for i := 0; v != nil && i < 8; i++ {
		if anc.set[v] {
			return true
		}
		if phi, ok := v.(*ssa.Phi); ok {
			if seen[phi] {
				return true // a loop back to a phi already being checked
			}
			seen[phi] = true
			for _, e := range phi.Edges {
				if !relatedPath(e, anc, seen) {
					return false
				}
			}
			return len(phi.Edges) > 0
		}
		if call, ok := v.(*ssa.Call); ok {
			switch staticName(call) {
			case "path/filepath.Join", "path.Join":
				// filepath.Join(root, p) checked: what is confined is
				// p under root, the form the caller opens.
				for _, a := range call.Call.Args {
					if relatedPath(a, anc, seen) {
						return true
					}
				}
				if sl, ok := call.Call.Args[0].(*ssa.Slice); ok {
					if alloc, ok := sl.X.(*ssa.Alloc); ok {
						for _, ref := range *alloc.Referrers() {
							if ia, ok := ref.(*ssa.IndexAddr); ok {
								for _, r := range *ia.Referrers() {
									if st, ok := r.(*ssa.Store); ok && st.Addr == ia && relatedPath(st.Val, anc, seen) {
										return true
									}
								}
							}
						}
					}
				}
				return false
			}
		}
		v = uncleanedOf(v)
	}
	return false
}

// isCleaned reports whether a path has no "." or ".." left in it: the
// result of filepath.Clean, Abs, EvalSymlinks, Join or Dir (which all
// clean), possibly with a separator appended.
func isCleaned(v ssa.Value) bool {
	return cleaned(v, map[ssa.Value]bool{})
}

func cleaned(v ssa.Value, seen map[ssa.Value]bool) bool {
	switch x := v.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			switch staticName(call) {
			case "path/filepath.Abs", "path/filepath.EvalSymlinks":
				return true
			}
			return helperCleaned(call, 0, seen)
		}
	case *ssa.Call:
		switch staticName(x) {
		case "path/filepath.Clean", "path/filepath.Dir", "path/filepath.Join", "path.Clean", "path.Dir", "path.Join":
			return true
		case "strings.ToLower", "strings.ToUpper":
			// A case folded for a comparison adds no dot.
			return cleaned(x.Call.Args[0], seen)
		}
		return helperCleaned(x, -1, seen)
	case *ssa.BinOp:
		return x.Op == token.ADD && isSeparator(x.Y) && cleaned(x.X, seen)
	case *ssa.Phi:
		if seen[x] {
			return true
		}
		seen[x] = true
		for _, e := range x.Edges {
			if !cleaned(e, seen) {
				return false
			}
		}
		return len(x.Edges) > 0
	}
	return false
}

// helperCleaned reports whether a call's static callee returns a cleaned
// path (as its result index, -1 for its only one) on every path that
// returns one: a module's helper that cleans.
func helperCleaned(call *ssa.Call, index int, seen map[ssa.Value]bool) bool {
	if seen[call] {
		return false
	}
	seen[call] = true
	rets := helperReturns(call, index)
	some := false
	for _, r := range rets {
		if isEmptyString(r) {
			continue
		}
		if !cleaned(r, seen) {
			return false
		}
		some = true
	}
	return some
}

// isSeparator reports whether v is the constant "/" (or a Windows "\").
func isSeparator(v ssa.Value) bool {
	s, ok := constString(v)
	return ok && (s == "/" || s == `\`)
}

// staticName is the package-qualified name of a call's static callee
// (path/filepath.Abs), or "".
func staticName(call *ssa.Call) string {
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Signature.Recv() != nil {
		return ""
	}
	return callee.Pkg.Pkg.Path() + "." + callee.Name()
}

// isPrefixCheck reports whether a catalogued check compares a prefix.
func isPrefixCheck(sym string) bool {
	return sym == "strings.HasPrefix"
}

// prefixEndsHost reports whether a URL prefix goes past the host: after its
// scheme, a "/" ends the host. A prefix that is not a constant (a
// configured base URL) is taken to.
func prefixEndsHost(v ssa.Value) bool {
	if _, ok := v.(*ssa.Const); !ok {
		return true
	}
	s, _ := constString(v)
	_, rest, ok := strings.Cut(s, "://")
	return ok && strings.Contains(rest, "/")
}

// relInside reports whether x is strings.HasPrefix(rel, "..") on the
// result of filepath.Rel(base, p), with base fixed and p related: when it
// is false, p lies inside base.
func relInside(f *flow, x *ssa.Call, related func(ssa.Value) bool) bool {
	args := callArgs(x.Common())
	if len(args) != 2 || staticName(x) != "strings.HasPrefix" {
		return false
	}
	if !strings.HasPrefix(strings.Join(constParts(args[1], 0), ""), "..") {
		return false
	}
	return relOf(f, args[0], related)
}

// relOf reports whether v is the result of filepath.Rel(base, p), with
// base fixed and p related: the path p relative to a fixed root.
func relOf(f *flow, v ssa.Value, related func(ssa.Value) bool) bool {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	rel, ok := ex.Tuple.(*ssa.Call)
	if !ok || staticName(rel) != "path/filepath.Rel" {
		return false
	}
	return fixed(f, rel.Call.Args[0]) && related(rel.Call.Args[1])
}

func isConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok
}

// sameElement reports whether v reads the same element of the same slice
// or array as a value of the flow (fields[0] checked, fields[0] run): two
// reads of one constant index.
func sameElement(v ssa.Value, anc lineage) bool { return sameRead(v, anc, elementRead) }

// sameField reports whether v reads the same field of the same object as
// a value of the flow: in.Query checked, and in.Query (loaded again) run.
func sameField(v ssa.Value, anc lineage) bool { return sameRead(v, anc, fieldRead) }

// sameRead reports whether v and a value of the flow read the same place
// of the same object, as read tells them.
func sameRead[K comparable](v ssa.Value, anc lineage, read func(ssa.Value) (ssa.Value, K, bool)) bool {
	return len(readsLike(v, anc, read)) > 0
}

// readsLike returns the values of the flow that read the same place of the
// same object as v, as read tells them.
func readsLike[K comparable](v ssa.Value, anc lineage, read func(ssa.Value) (ssa.Value, K, bool)) []ssa.Value {
	x, i, ok := read(v)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for w := range anc.set {
		if y, j, ok := read(w); ok && y == x && j == i {
			out = append(out, w)
		}
	}
	return out
}

// fieldRead returns the object and the field that v reads (*&p.f, or s.f
// of a struct value).
func fieldRead(v ssa.Value) (ssa.Value, int, bool) {
	switch r := v.(type) {
	case *ssa.UnOp:
		if fa, ok := r.X.(*ssa.FieldAddr); ok && r.Op == token.MUL {
			return fa.X, fa.Field, true
		}
	case *ssa.Field:
		return r.X, r.Field, true
	}
	return nil, 0, false
}

// elementRead returns the slice or array and the constant index that v
// reads (*&s[i], or s[i] of an array value).
func elementRead(v ssa.Value) (ssa.Value, int64, bool) {
	var x, idx ssa.Value
	switch r := v.(type) {
	case *ssa.UnOp:
		ia, ok := r.X.(*ssa.IndexAddr)
		if !ok || r.Op != token.MUL {
			return nil, 0, false
		}
		x, idx = ia.X, ia.Index
	case *ssa.Index:
		x, idx = r.X, r.Index
	default:
		return nil, 0, false
	}
	k, ok := idx.(*ssa.Const)
	if !ok || k.Value == nil {
		return nil, 0, false
	}
	n, ok := constant.Int64Val(constant.ToInt(k.Value))
	return x, n, ok
}

// runsFirstWord reports whether the value run is the first word of a split
// command line (strings.Fields(line)[0]), or a path made of it
// (filepath.Join(dir, word), exec.LookPath(word)): the program a check of
// the line's first word confines, not a line rebuilt from the words for a
// shell.
func runsFirstWord(anc lineage) bool {
	if rejoined(anc) {
		return false
	}
	for v := range anc.set {
		if firstWordOf(v, anc) {
			return true
		}
	}
	return false
}

// joinedWithOther reports whether the flow, after v, concatenates v's text
// with other text that is not fixed (a + b where b is the model's too): a
// check of v then says nothing of the rest.
func joinedWithOther(f *flow, v ssa.Value, anc lineage) bool {
	for w := range anc.set {
		b, ok := w.(*ssa.BinOp)
		if !ok || b.Op != token.ADD || !isStringLike(b.Type()) || b == v {
			continue
		}
		for _, pair := range [][2]ssa.Value{{b.X, b.Y}, {b.Y, b.X}} {
			if comesFrom(pair[0], v, anc, 8) && !fixed(f, pair[1]) && !comesFrom(pair[1], v, anc, 8) {
				return true
			}
		}
	}
	return false
}

// joinedAfter reports whether the value checked, or another read of the
// same field or element of the same object (ep.Scheme read twice), is
// joined in the flow to other text that is not fixed (joinedWithOther).
func joinedAfter(f *flow, v ssa.Value, anc lineage) bool {
	if anc.set[v] {
		return joinedWithOther(f, v, anc)
	}
	for _, w := range append(readsLike(v, anc, fieldRead), readsLike(v, anc, elementRead)...) {
		if joinedWithOther(f, w, anc) {
			return true
		}
	}
	return false
}

// comesFrom reports whether x is v or computed from it along the flow's
// values, a few operands deep.
func comesFrom(x, v ssa.Value, anc lineage, depth int) bool {
	if x == v {
		return true
	}
	if depth == 0 || !anc.set[x] {
		return false
	}
	in, ok := x.(ssa.Instruction)
	if !ok {
		return false
	}
	var ops [8]*ssa.Value
	for _, op := range in.Operands(ops[:0]) {
		if *op != nil && comesFrom(*op, v, anc, depth-1) {
			return true
		}
	}
	return false
}

// rejoined reports whether the flow joins words back into a line
// (strings.Join(argv, " "), prog + " " + args, fmt.Sprintf): a shell reads
// that line, not the argv whose first word was checked.
func rejoined(anc lineage) bool {
	for v := range anc.set {
		switch x := v.(type) {
		case *ssa.BinOp:
			if x.Op == token.ADD && isStringLike(x.Type()) {
				return true
			}
		case *ssa.Call:
			switch staticName(x) {
			case "strings.Join", "fmt.Sprintf", "fmt.Sprint":
				return true
			}
		}
	}
	return false
}

// dropsFirst reports whether the flow came through x[n:] for n > 0, or
// through an element of x other than x[0] (parts[i], copied in a loop
// from 1): the words after the one checked (parts[0] must be "git", then
// git runs parts[1:]), which the check says nothing of.
func dropsFirst(x ssa.Value, anc lineage) bool {
	for v := range anc.set {
		switch r := v.(type) {
		case *ssa.Slice:
			if r.X != x || r.Low == nil {
				continue
			}
			if k, ok := r.Low.(*ssa.Const); !ok || k.Value == nil || constant.Sign(k.Value) != 0 {
				return true
			}
		case *ssa.IndexAddr:
			if r.X == x && !isZero(r.Index) {
				return true
			}
		case *ssa.Index:
			if r.X == x && !isZero(r.Index) {
				return true
			}
		case *ssa.UnOp:
			if ia, ok := r.X.(*ssa.IndexAddr); ok && ia.X == x && !isZero(ia.Index) {
				return true
			}
		}
	}
	return false
}

// isZero reports whether v is the constant 0.
func isZero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && constant.Sign(k.Value) == 0
}

// validator is what a function of the module confines: a function that
// returns an error (or false) unless one of its arguments passed a
// confining check, on every path that returns a nil error (or true).
// mcp-filesystem-server's validatePath is one: filepath.Abs, a prefix
// check against the allowed directories (in a helper that returns a
// boolean, itself a validator), filepath.EvalSymlinks and the check again.
type validator struct {
	// param is the argument the check confines, counting a method's
	// receiver as 0.
	param int
	// errIdx is the result that is a nil error only when the argument
	// passed; -1 for a function whose boolean result is true only then.
	errIdx int
	// kinds are the taint kinds the check confines.
	kinds mask
	// needsClean is set when the check confines a path only if the
	// caller passes it clean (a helper that compares its argument's
	// prefix with a root, called with filepath.Clean's result).
	needsClean bool
	// firstWord is set when the check confines only the first word of a
	// command line (IsAllowed(line) splits it and looks its first word
	// up): the program run from a split of the line, not the line given
	// to a shell, nor the other words given to a fixed program.
	firstWord bool
	// returnsArg is set when every valid return gives back a value
	// computed from the argument (its cleaned form): then that result
	// is confined too. A lookup that checks its key and returns what
	// the key finds (args[key], ok) gives back something else.
	returnsArg bool
}

func (v validator) covers(kind string) bool { return v.kinds&kindMask([]string{kind}) != 0 }

// confinable are the kinds a check can confine: a payment's amount is
// bounded (limit), not confined.
var confinable = []string{"command", "sql", "url", "path", "recipient", "statement"}

// maxValidatorBlocks bounds the functions summarised as validators: a
// validator is a short function, and the summary runs the flow over it
// once per parameter.
const maxValidatorBlocks = 200

// validatorsOf returns what fn confines, summarised once from its code:
// for each string parameter, the kinds for which every return that says
// "valid" (a nil error, true) is dominated by a check that confines the
// parameter, or a value computed from it that the function returns. The
// checks may be written inline or be calls of other validators.
func (c *checker) validatorsOf(fn *ssa.Function) []validator {
	if v, ok := c.validators[fn]; ok {
		return v
	}
	c.validators[fn] = nil // a recursive call confines nothing
	var out []validator
	if c.module == nil || c.module[fn] || c.inDependency(fn) {
		out = c.summarize(fn)
	}
	c.validators[fn] = out
	return out
}

// inDependency reports whether fn, or the generic function it
// instantiates, is declared in a dependency's package.
func (c *checker) inDependency(fn *ssa.Function) bool {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return fn.Pkg != nil && c.isDependency(fn.Pkg.Pkg.Path())
}

func (c *checker) summarize(fn *ssa.Function) []validator {
	// A validator this one calls is summarised on its own terms, not
	// under the first-word trial of its caller's parameter.
	defer func(trying bool) { c.firstWordOnly = trying }(c.firstWordOnly)
	c.firstWordOnly = false
	if len(fn.Blocks) == 0 || len(fn.Blocks) > maxValidatorBlocks {
		return nil
	}
	results := fn.Signature.Results()
	errIdx := -1
	for i := 0; i < results.Len(); i++ {
		if isError(results.At(i).Type()) {
			errIdx = i
		}
	}
	boolResult := results.Len() == 1 && isBool(results.At(0).Type())
	if errIdx < 0 && !boolResult {
		return nil
	}
	rets := returnsOf(fn)
	var out []validator
	for pi, p := range fn.Params {
		tried := confinable
		if !isStringLike(p.Type()) {
			// A statement a parser made of the text is checked by
			// its type (readOnly(stmt sqlparser.Statement) bool).
			if !testsStatementType(fn) {
				continue
			}
			tried = []string{"statement"}
		}
		funcs, order := c.validatorScope(fn)
		f := newFlow(c.cat, c.rc, funcs, nil)
		// What a library makes of the parameter (a parser's statement)
		// is computed from it.
		f.throughDependencies = true
		f.dependency = c.isDependency
		f.seed(p, allKinds, "parameter "+p.Name())
		f.run(order)
		var kinds mask
		for _, kind := range tried {
			if c.returnsConfined(f, rets, p, errIdx, kind) {
				kinds |= kindMask([]string{kind})
			}
		}
		firstWord := false
		if isStringLike(p.Type()) && kinds&kindMask([]string{"command"}) == 0 {
			c.firstWordOnly = true
			if c.returnsConfined(f, rets, p, errIdx, "command") {
				kinds |= kindMask([]string{"command"})
				firstWord = true
			}
			c.firstWordOnly = false
		}
		needsClean := false
		if isStringLike(p.Type()) && kinds&kindMask([]string{"path"}) == 0 {
			c.assumeClean = map[ssa.Value]bool{p: true}
			if c.returnsConfined(f, rets, p, errIdx, "path") {
				kinds |= kindMask([]string{"path"})
				needsClean = true
			}
			c.assumeClean = nil
		}
		if kinds != 0 {
			out = append(out, validator{param: pi, errIdx: errIdx, kinds: kinds, needsClean: needsClean, firstWord: firstWord, returnsArg: returnsDerived(f, rets, errIdx)})
		}
	}
	return out
}

// validatorScope is what a validator candidate's flow runs over: fn, and
// the module's functions it calls directly (a helper that normalises the
// path before the checks, f.normalize(p)), so that what they return is
// followed back to fn's parameter.
func (c *checker) validatorScope(fn *ssa.Function) (map[*ssa.Function]bool, []*ssa.Function) {
	funcs := map[*ssa.Function]bool{fn: true}
	order := []*ssa.Function{fn}
	for _, site := range symbol.CallSites(fn) {
		callee := site.Common().StaticCallee()
		if callee == nil || funcs[callee] || len(callee.Blocks) == 0 || len(callee.Blocks) > maxValidatorBlocks ||
			c.module == nil || !c.module[callee] {
			continue
		}
		funcs[callee] = true
		order = append([]*ssa.Function{callee}, order...)
	}
	return funcs, order
}

// returnsDerived reports whether every return of a validator that says
// "valid" gives back, besides its error, a value computed from the
// parameter the flow f seeded.
func returnsDerived(f *flow, rets []*ssa.Return, errIdx int) bool {
	if errIdx < 0 {
		return false
	}
	valid := 0
	for _, r := range rets {
		if k, ok := symbol.Returned(r, errIdx).(*ssa.Const); !ok || !k.IsNil() {
			continue
		}
		valid++
		derived := false
		for i := range r.Results {
			if i != errIdx && f.deep(symbol.Returned(r, i)) != nil {
				derived = true
			}
		}
		if !derived {
			return false
		}
	}
	return valid > 0
}

// returnsConfined reports whether every return of a validator candidate
// that says "valid" is confined for kind, and there is one.
func (c *checker) returnsConfined(f *flow, rets []*ssa.Return, p *ssa.Parameter, errIdx int, kind string) bool {
	valid := 0
	for _, r := range rets {
		anc := lineage{root: p, set: map[ssa.Value]bool{p: true}}
		if errIdx >= 0 {
			if k, ok := symbol.Returned(r, errIdx).(*ssa.Const); !ok || !k.IsNil() {
				continue // an error: the caller stops
			}
			for i := range r.Results {
				if v := symbol.Returned(r, i); i != errIdx && f.deep(v) != nil {
					for w := range ancestry(f, v).set {
						anc.set[w] = true
					}
				}
			}
		} else {
			res := symbol.Returned(r, 0)
			if k, ok := res.(*ssa.Const); ok {
				if !constant.BoolVal(k.Value) {
					continue
				}
			} else if _, ok := c.isCheck(f, res, true, anc, kind); ok {
				// return strings.HasPrefix(clean, root), or
				// return a == x || b == y (see flagCheck)
				valid++
				continue
			}
		}
		valid++
		if _, ok := c.checkDominates(f, r.Block(), anc, kind); !ok {
			return false
		}
	}
	return valid > 0
}

// isBool reports whether t is a boolean type.
func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// isStringLike reports whether t is a string, or a slice of strings (an
// argv).
func isStringLike(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// confinedArg is a sensitive argument of a sink call that the model
// reaches only through a check that confines it.
type confinedArg struct {
	arg  int
	kind string
	chk  check
}

// splitConfined splits the chosen arguments of a sink call (those that
// carry the model's input of their kind among sens) into those the model
// chooses freely and those a check confines. A payment's parameters are
// never confined: a limit bounds them (the limit guard), the model still
// chooses them.
func (c *checker) splitConfined(f *flow, res *reached, site ssa.CallInstruction, chosen []int, sens []rules.Sensitive) ([]int, []confinedArg) {
	args := callArgs(site.Common())
	var free []int
	var confined []confinedArg
	for _, i := range chosen {
		o := f.argument(site, args, i)
		var mine []confinedArg
		ok := o != nil
		for _, s := range sens {
			if !(i == s.Arg || (s.Rest && i > s.Arg)) || o == nil || o.mask&eitherMask([]string{s.Kind}) == 0 {
				continue
			}
			chk, yes := c.argConfined(f, res, site, i, s.Kind, sens)
			if !yes {
				ok = false
				break
			}
			mine = append(mine, confinedArg{arg: i, kind: s.Kind, chk: chk})
		}
		if ok && len(mine) > 0 {
			confined = append(confined, mine...)
		} else {
			free = append(free, i)
		}
	}
	return free, confined
}

// argConfined reports whether argument i of a sink call, of kind, is
// confined. A command is also confined when its program is: checked
// against fixed values (a map, a switch, slices.Contains) and so not a
// shell, it runs one of the allowed programs whatever the arguments. A
// check on part of a command line that a shell runs (sh -c, with the
// line's first word allowed) confines nothing.
func (c *checker) argConfined(f *flow, res *reached, site ssa.CallInstruction, i int, kind string, sens []rules.Sensitive) (check, bool) {
	if kind == "payment" {
		return check{}, false
	}
	args := callArgs(site.Common())
	if c.rc.channels[site] == envField {
		return c.envNamesConfined(f, res, site, args, i)
	}
	if kind == "command" {
		prog := -1
		for _, s := range sens {
			if s.Kind == "command" && (prog < 0 || s.Arg < prog) {
				prog = s.Arg
			}
		}
		if prog >= 0 && prog < len(args) && prog != i {
			if _, isConst := args[prog].(*ssa.Const); !isConst {
				if chk, ok := c.confinedAt(f, res, site, args[prog], kind); ok {
					return chk, true
				}
			}
		}
	}
	return c.confinedAt(f, res, site, args[i], kind)
}

// confinementNote says what a confining check does, for the guard.
func (c *checker) confinementNote(ca confinedArg) string {
	var what string
	switch ca.kind {
	case "path":
		what = "the path is confined to a directory"
	case "command":
		what = "the command is checked against an allowlist"
	case "url":
		what = "the destination is checked against an allowlist"
	case "sql":
		what = "the query is checked against fixed values"
	default:
		what = "the " + ca.kind + " is checked against fixed values"
	}
	if ca.chk.by != nil {
		p := c.pos.of(ca.chk.by.Pos())
		return fmt.Sprintf("%s by %s (%s:%d)", what, ca.chk.by.Name(), p.File, p.Line)
	}
	return what
}

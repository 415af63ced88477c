// Package callconst follows the constants a call passes to its callee, so
// that a search over the call graph enters, for that call, only the
// callee's code those constants let run. [New] is its one entry point.
//
// A library funnels its operations through a few general functions and
// tells them apart by a parameter: go-billy's Open is
// `OpenFile(name, os.O_RDONLY, 0)`, and OpenFile creates the parent
// directory only `if flag&os.O_CREATE != 0` before it calls
// os.OpenFile(name, flag, perm); a module's helper takes `readOnly bool`
// or `withDetails bool`. Searched context-insensitively, every caller of
// the general function gets all it can do: a tool that opens a file to
// read it "can create directories and write files". A search that knows
// which constants the call in hand passes decides those branches, and the
// kind of a sink whose flags come from such a parameter, the way a
// reader of the code does.
//
// Only the parameters that decide something are followed (a branch's
// condition, a sink's flag argument, or the same in a function they are
// handed to), so a function gets one context per distinct set of such
// constants its callers pass, and most functions, which have none, only
// the empty one. Values are constants, parameters known in the caller's
// context, and arithmetic and comparisons of them; anything else is
// unknown, and what is unknown runs both ways.
package callconst

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// Context is what one call fixes of a function's parameters that decide
// something: a constant for each. nil knows nothing.
type Context struct {
	fixed []fixed // by parameter index
	key   string
}

type fixed struct {
	param int
	value constant.Value
}

// Key identifies a context among those of one function: "" for nil.
func (c *Context) Key() string {
	if c == nil {
		return ""
	}
	return c.key
}

// value returns the constant the context fixes for parameter i.
func (c *Context) value(i int) (constant.Value, bool) {
	if c == nil {
		return nil, false
	}
	for _, f := range c.fixed {
		if f.param == i {
			return f.value, true
		}
	}
	return nil, false
}

// Analysis answers, per function and context, which parameters matter,
// what a call fixes and which blocks run. Its answers are memoised; it is
// not safe for concurrent use.
type Analysis struct {
	callees func(ssa.CallInstruction) []*ssa.Function
	decides func(site ssa.CallInstruction, arg int) bool
	args    func(c *ssa.CallCommon) []ssa.Value
	// deciding holds, per function, which of its parameters decide
	// something (computed once; a recursive function sees what is known
	// so far of itself).
	deciding map[*ssa.Function][]bool
	live     map[liveKey][]bool
	// contexts counts the contexts made for each function: past
	// maxContexts, a call fixes nothing (a recursive walk that passes
	// depth+1 would make one per level).
	contexts map[*ssa.Function]map[string]bool
}

// maxContexts bounds the contexts of one function.
const maxContexts = 8

type liveKey struct {
	fn  *ssa.Function
	key string
}

// New returns an analysis over a call graph: callees gives a call site's
// callees, decides whether an argument of a call decides the kind of the
// sink it calls (os.OpenFile's flags), and args lists a call's arguments
// in the order of its callee's parameters (a method's receiver first).
func New(callees func(ssa.CallInstruction) []*ssa.Function, decides func(ssa.CallInstruction, int) bool, args func(*ssa.CallCommon) []ssa.Value) *Analysis {
	return &Analysis{callees: callees, decides: decides, args: args,
		deciding: map[*ssa.Function][]bool{}, live: map[liveKey][]bool{}, contexts: map[*ssa.Function]map[string]bool{}}
}

// NewSearch starts a search: the bound on each function's contexts
// counts from zero again, so that what one tool's search finds does not
// depend on the searches before it.
func (a *Analysis) NewSearch() {
	a.contexts = map[*ssa.Function]map[string]bool{}
}

// Enter returns what a call site, run in the caller's context, fixes of
// callee's deciding parameters; nil when it fixes none.
func (a *Analysis) Enter(site ssa.CallInstruction, caller *Context, callee *ssa.Function) *Context {
	deciding := a.decidingParams(callee)
	if !anyTrue(deciding) {
		return nil
	}
	args := a.args(site.Common())
	if len(args) != len(callee.Params) {
		return nil
	}
	var out Context
	var key strings.Builder
	for i, d := range deciding {
		if !d {
			continue
		}
		v, ok := Eval(args[i], caller)
		if !ok || !types.Identical(args[i].Type().Underlying(), callee.Params[i].Type().Underlying()) {
			continue
		}
		out.fixed = append(out.fixed, fixed{param: i, value: v})
		key.WriteString(strconv.Itoa(i))
		key.WriteByte('=')
		key.WriteString(v.ExactString())
		key.WriteByte(';')
	}
	if len(out.fixed) == 0 {
		return nil
	}
	out.key = key.String()
	seen := a.contexts[callee]
	if seen == nil {
		seen = map[string]bool{}
		a.contexts[callee] = seen
	}
	if !seen[out.key] {
		if len(seen) >= maxContexts {
			return nil
		}
		seen[out.key] = true
	}
	return &out
}

// Live reports, by block index, which of fn's blocks can run in a context,
// among those alive (nil: all): a branch whose condition the context
// decides runs one way only. It returns alive itself when the context
// decides nothing.
func (a *Analysis) Live(fn *ssa.Function, ctx *Context, alive []bool) []bool {
	if ctx == nil {
		return alive
	}
	k := liveKey{fn, ctx.key}
	if live, ok := a.live[k]; ok {
		return live
	}
	never := map[*ssa.BasicBlock]*ssa.BasicBlock{}
	for _, b := range fn.Blocks {
		iff := symbol.EndingIf(b)
		if iff == nil {
			continue
		}
		v, ok := Eval(iff.Cond, ctx)
		if !ok || v.Kind() != constant.Bool {
			continue
		}
		if constant.BoolVal(v) {
			never[b] = b.Succs[1]
		} else {
			never[b] = b.Succs[0]
		}
	}
	live := symbol.LiveWithout(fn, alive, never)
	a.live[k] = live
	return live
}

// decidingParams reports which of fn's parameters decide something: a
// branch's condition computed from them, a sink's deciding argument, or a
// deciding parameter of a callee they are handed to.
func (a *Analysis) decidingParams(fn *ssa.Function) []bool {
	if d, ok := a.deciding[fn]; ok {
		return d
	}
	d := make([]bool, len(fn.Params))
	a.deciding[fn] = d
	if len(fn.Params) == 0 || fn.Blocks == nil {
		return d
	}
	mark := func(v ssa.Value) {
		for _, p := range paramsIn(v, 0) {
			if i := paramIndex(fn, p); i >= 0 {
				d[i] = true
			}
		}
	}
	for _, b := range fn.Blocks {
		if iff := symbol.EndingIf(b); iff != nil {
			mark(iff.Cond)
		}
		for _, instr := range b.Instrs {
			site, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			args := a.args(site.Common())
			for j, arg := range args {
				if len(paramsIn(arg, 0)) == 0 {
					continue
				}
				if a.decides(site, j) {
					mark(arg)
					continue
				}
				for _, g := range a.callees(site) {
					if gd := a.decidingParams(g); len(gd) == len(args) && gd[j] {
						mark(arg)
						break
					}
				}
			}
		}
	}
	return d
}

// Eval returns the constant value v has in a context: a constant, a
// parameter the context fixes, or arithmetic, a comparison or a
// conversion between integers of those.
func Eval(v ssa.Value, ctx *Context) (constant.Value, bool) {
	return eval(v, ctx, 0)
}

func eval(v ssa.Value, ctx *Context, depth int) (constant.Value, bool) {
	if depth > 6 {
		return nil, false
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return nil, false
		}
		return x.Value, true
	case *ssa.Parameter:
		return ctx.value(paramIndex(x.Parent(), x))
	case *ssa.UnOp:
		y, ok := eval(x.X, ctx, depth+1)
		if !ok {
			return nil, false
		}
		switch {
		case x.Op == token.NOT && y.Kind() == constant.Bool:
			return constant.MakeBool(!constant.BoolVal(y)), true
		case x.Op == token.SUB && (y.Kind() == constant.Int || y.Kind() == constant.Float):
			return constant.UnaryOp(token.SUB, y, 0), true
		}
	case *ssa.Convert:
		if isInteger(x.Type()) && isInteger(x.X.Type()) {
			return eval(x.X, ctx, depth+1)
		}
	case *ssa.ChangeType:
		return eval(x.X, ctx, depth+1)
	case *ssa.BinOp:
		l, ok := eval(x.X, ctx, depth+1)
		if !ok {
			return nil, false
		}
		r, ok := eval(x.Y, ctx, depth+1)
		if !ok {
			return nil, false
		}
		return binary(x.Op, l, r)
	}
	return nil, false
}

// binary applies a binary operator to two constants, when Go would.
func binary(op token.Token, l, r constant.Value) (constant.Value, bool) {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		if !symbol.Comparable(l, r) {
			return nil, false
		}
		return constant.MakeBool(constant.Compare(l, op, r)), true
	case token.AND, token.OR, token.XOR, token.AND_NOT, token.REM:
		if l.Kind() != constant.Int || r.Kind() != constant.Int {
			return nil, false
		}
		if op == token.REM && constant.Sign(r) == 0 {
			return nil, false
		}
		return constant.BinaryOp(l, op, r), true
	case token.ADD, token.SUB, token.MUL:
		if l.Kind() != r.Kind() || l.Kind() != constant.Int && l.Kind() != constant.String || l.Kind() == constant.String && op != token.ADD {
			return nil, false
		}
		return constant.BinaryOp(l, op, r), true
	case token.SHL, token.SHR:
		n, ok := constant.Uint64Val(r)
		if l.Kind() != constant.Int || r.Kind() != constant.Int || !ok || n > 64 {
			return nil, false
		}
		return constant.Shift(l, op, uint(n)), true
	}
	return nil, false
}

// paramsIn returns the parameters an evaluable expression is computed
// from, or nil when it is not evaluable or uses none.
func paramsIn(v ssa.Value, depth int) []*ssa.Parameter {
	if depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		if isBasic(x.Type()) {
			return []*ssa.Parameter{x}
		}
	case *ssa.UnOp:
		if x.Op == token.NOT || x.Op == token.SUB {
			return paramsIn(x.X, depth+1)
		}
	case *ssa.Convert:
		return paramsIn(x.X, depth+1)
	case *ssa.ChangeType:
		return paramsIn(x.X, depth+1)
	case *ssa.BinOp:
		l, lc := paramsIn(x.X, depth+1), isConst(x.X)
		r, rc := paramsIn(x.Y, depth+1), isConst(x.Y)
		if (len(l) > 0 || lc) && (len(r) > 0 || rc) {
			return append(l, r...)
		}
	}
	return nil
}

func isConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil
}

func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	if fn == nil {
		return -1
	}
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

func isBasic(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsInteger|types.IsString) != 0
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// Package symbol spells SSA functions and types as the catalog does, and
// as reports show them.
//
// The catalog's spelling is (*ssa.Function).String() of a function's
// generic origin, with the receiver in parentheses: "(*database/sql.DB).Query",
// "github.com/modelcontextprotocol/go-sdk/mcp.AddTool"; a type is
// "pkgpath.Name". Reports also use a short form with package names instead
// of paths: "(*sql.DB).Query", "mcp.AddTool".
//
// It also says where a function is declared (Package) and lists its calls
// (CallSites) the one way every stage of the scan reads them.
package symbol

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Of spells a function as the catalog does: (*ssa.Function).String() of its
// generic origin, so that mcp.AddTool[In, Out] matches
// "github.com/modelcontextprotocol/go-sdk/mcp.AddTool".
func Of(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return fn.String()
}

// Invoke spells an interface method call as types.Func.FullName does:
// "(net/http.RoundTripper).RoundTrip".
func Invoke(c *ssa.CallCommon) string {
	if c.Method == nil {
		return ""
	}
	return c.Method.FullName()
}

// Type spells a named type as "pkgpath.Name", looking through pointers and
// aliases; "" for an unnamed type.
func Type(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// Short spells a function as a reader does, with its package name instead
// of its path: strings.TrimSpace, (*sql.DB).QueryContext, stripe.String
// (not v82.String).
func Short(fn *ssa.Function) string {
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

// ShortType is the last element of a "pkgpath.Name" type symbol.
func ShortType(sym string) string {
	if i := strings.LastIndexByte(sym, '/'); i >= 0 {
		return sym[i+1:]
	}
	return sym
}

// Package returns the import path of the package that declares fn, looking
// through instantiations, synthetic wrappers and closures; "" if there is
// none.
func Package(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Path()
	}
	if obj := fn.Object(); obj != nil && obj.Pkg() != nil {
		return obj.Pkg().Path()
	}
	if fn.Parent() != nil {
		return Package(fn.Parent())
	}
	return ""
}

// CallSites lists fn's calls in block and instruction order, but for those
// in blocks that never run (LiveBlocks).
func CallSites(fn *ssa.Function) []ssa.CallInstruction {
	return CallSitesIn(fn, LiveBlocks(fn))
}

// CallSitesIn lists the calls of fn in the blocks live says can run (by
// block index; nil: all).
func CallSitesIn(fn *ssa.Function, live []bool) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, b := range fn.Blocks {
		if live != nil && !live[b.Index] {
			continue
		}
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// LiveBlocks reports, by block index, which of fn's blocks can run: those
// reached from the entry (or the recover block) without taking the branch
// that an If on a constant condition never takes. Code for another
// platform (if runtime.GOOS == "darwin" { exec.Command("dscl", ...) }: the
// comparison is folded to a constant, or a switch on runtime.GOOS compares
// two constants) or behind a constant flag is kept by SSA, and never runs
// in the program go build makes. It returns nil when every block can run.
func LiveBlocks(fn *ssa.Function) []bool {
	decided := false
	for _, b := range fn.Blocks {
		if _, _, ok := constantIf(b); ok {
			decided = true
			break
		}
	}
	if !decided {
		return nil
	}
	live := make([]bool, len(fn.Blocks))
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if b == nil || live[b.Index] {
			return
		}
		live[b.Index] = true
		if taken, _, ok := constantIf(b); ok {
			visit(taken)
			return
		}
		for _, s := range b.Succs {
			visit(s)
		}
	}
	if len(fn.Blocks) > 0 {
		visit(fn.Blocks[0])
	}
	visit(fn.Recover)
	return live
}

// constantIf returns the successor that block b's If always takes, and the
// one it never takes, when its condition is a constant: a constant, or a
// comparison of two constants.
func constantIf(b *ssa.BasicBlock) (taken, never *ssa.BasicBlock, ok bool) {
	iff := EndingIf(b)
	if iff == nil {
		return nil, nil, false
	}
	var v constant.Value
	switch c := iff.Cond.(type) {
	case *ssa.Const:
		v = c.Value
	case *ssa.BinOp:
		x, okx := c.X.(*ssa.Const)
		y, oky := c.Y.(*ssa.Const)
		if !okx || !oky || x.Value == nil || y.Value == nil || x.Value.Kind() != y.Value.Kind() {
			return nil, nil, false
		}
		switch c.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			v = constant.MakeBool(constant.Compare(x.Value, c.Op, y.Value))
		default:
			return nil, nil, false
		}
	default:
		return nil, nil, false
	}
	if v == nil || v.Kind() != constant.Bool {
		return nil, nil, false
	}
	if constant.BoolVal(v) {
		return b.Succs[0], b.Succs[1], true
	}
	return b.Succs[1], b.Succs[0], true
}

// IsContextLike reports whether t is context.Context or a type that carries
// one (genkit's *ai.ToolContext, ADK's agent.ToolContext): such parameters
// are plumbing, not model input.
func IsContextLike(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if ms.Len() == 0 {
		if _, ok := t.Underlying().(*types.Interface); !ok {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	return ms.Lookup(nil, "Deadline") != nil && ms.Lookup(nil, "Done") != nil &&
		ms.Lookup(nil, "Err") != nil && ms.Lookup(nil, "Value") != nil
}

// IsBound reports whether fn is the synthetic wrapper of a method value
// (s.handle), whose free variable 0 is the receiver.
func IsBound(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "bound method wrapper")
}

// CalledMethod returns the function a synthetic wrapper's body calls (the
// method a bound method value, a thunk or a promoted method runs), or nil.
func CalledMethod(fn *ssa.Function) *ssa.Function {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil {
					return callee
				}
			}
		}
	}
	return nil
}

// Field returns field i of the struct that t, or *t, is; nil when t is
// no struct or has no such field.
func Field(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// ClosureMakers returns the instructions that make closures of fn, an
// anonymous function, in the function that declares it.
func ClosureMakers(fn *ssa.Function) []*ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var out []*ssa.MakeClosure
	for _, blk := range parent.Blocks {
		for _, instr := range blk.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				out = append(out, mc)
			}
		}
	}
	return out
}

// Returned is result i of a return: in a function that defers a call,
// SSA keeps the results in locals, stores them before the deferred calls
// run and returns what it loads back (*t1 = nil:error; rundefers; t2 =
// *t1; return ..., t2): the value stored is the one returned.
func Returned(r *ssa.Return, i int) ssa.Value {
	v := r.Results[i]
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return v
	}
	local, ok := ld.X.(*ssa.Alloc)
	if !ok || local.Heap {
		return v
	}
	instrs := r.Block().Instrs
	for j := len(instrs) - 1; j >= 0; j-- {
		if st, ok := instrs[j].(*ssa.Store); ok && st.Addr == local {
			return st.Val
		}
	}
	return v
}

// LiveWithout reports, by block index, which of fn's blocks run when the
// branch of each block in never to the successor it names is never taken:
// those reached from the entry (or the recover block) among those alive
// (nil: all). It returns alive itself when never is empty.
func LiveWithout(fn *ssa.Function, alive []bool, never map[*ssa.BasicBlock]*ssa.BasicBlock) []bool {
	if len(never) == 0 {
		return alive
	}
	live := make([]bool, len(fn.Blocks))
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if b == nil || live[b.Index] || (alive != nil && !alive[b.Index]) {
			return
		}
		live[b.Index] = true
		for _, s := range b.Succs {
			if never[b] != s {
				visit(s)
			}
		}
	}
	if len(fn.Blocks) > 0 {
		visit(fn.Blocks[0])
	}
	visit(fn.Recover)
	return live
}

// Comparable reports whether constant.Compare can compare x and y.
func Comparable(x, y constant.Value) bool {
	numeric := func(k constant.Kind) bool { return k == constant.Int || k == constant.Float }
	return x.Kind() == y.Kind() && x.Kind() != constant.Unknown && x.Kind() != constant.Complex ||
		numeric(x.Kind()) && numeric(y.Kind())
}

// EndingIf returns the If that ends block b, if any.
func EndingIf(b *ssa.BasicBlock) *ssa.If {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return nil
	}
	iff, _ := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return iff
}

// DominatingBranches calls visit, nearest first, with each if among the
// dominators of block that has a branch only block's way leads through
// (the successor that dominates block and has no other predecessor), and
// with the value of its condition on that branch. It stops, and reports
// true, when visit does.
func DominatingBranches(block *ssa.BasicBlock, visit func(iff *ssa.If, want bool) bool) bool {
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
		if pass >= 0 && visit(iff, pass == 0) {
			return true
		}
	}
	return false
}

// JSONName is the name a struct tag gives its field in JSON, or "".
func JSONName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

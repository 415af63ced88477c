// Package unset finds the branches of a dependency's code that the program
// never enables: those behind a struct field that nothing the program runs
// ever sets. [Analyze] is its one entry point.
//
// A library keeps its optional behaviour behind settings: go-resty saves a
// response into a file only `if r.isSaveResponse`, which only its
// SetOutput sets; a client logs to a file only when its log field is set.
// Reached over the call graph alone, every such branch is a capability of
// every tool that calls the library (a GET that "can write files").
// Capslock reports them too: it has no notion of which settings the
// program uses. The program decides: a field of a type whose package's
// code the scan sees (not the standard library's, not an opaque SDK's nor
// one they import, whose code sets fields unseen) that no function the
// program can run stores anything but a zero value into (false, "", nil,
// or the value of another such field), and that no decoder or reflection can fill
// (no value holding it is ever made an `any`: an error or an io.Writer is
// only called), keeps its zero value, and a branch taken only when it is
// not zero never runs.
//
// Only conditions that test such a field directly count (x.f, !x.f, its
// comparison with a constant: x.f != nil, x.f == "mirror" in a switch's
// case, len(x.f) > 0), in the dependencies' code: the module's own
// settings come from its configuration, which this cannot see whole.
package unset

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// Fields knows which struct fields the program never sets.
type Fields struct {
	// set holds the fields some function stores into or takes the
	// address of for anything but a load, and those of the struct
	// types that reach an interface value (a decoder's v any, a
	// logger's argument), directly or through fields, elements and
	// pointers: reflection may set any of them.
	set map[*types.Var]bool
	// judged says which functions' branches are judged: a dependency's
	// code the scan enters.
	judged func(*ssa.Function) bool
	// visible says whether all the code of a package is seen: a field
	// of a type of the standard library or of an opaque SDK is set in
	// code that has no body here (a response's StatusCode).
	visible func(pkg string) bool
	live    map[*ssa.Function][]bool
}

// Analyze looks at every function the program can run (fns: the call
// graph's, from the module's main, its init functions and its tools) for
// what they store and what they make interfaces of. judged says whose
// branches LiveBlocks decides; visible, which packages' code is all among
// fns when it runs (only their types' fields can be known never set).
func Analyze(fns []*ssa.Function, judged func(*ssa.Function) bool, visible func(pkg string) bool) *Fields {
	u := &Fields{set: map[*types.Var]bool{}, judged: judged, visible: visible, live: map[*ssa.Function][]bool{}}
	seen := map[types.Type]bool{}
	stored := map[*types.Var][]ssa.Value{}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.FieldAddr:
					f := symbol.Field(x.X.Type(), x.Field)
					if f == nil {
						continue
					}
					if vals, ok := storedOnly(x); ok {
						stored[f.Origin()] = append(stored[f.Origin()], vals...)
					} else {
						u.set[f.Origin()] = true
					}
				case *ssa.MakeInterface:
					if !isEmptyInterface(x.Type()) {
						// An error, an io.Writer: what takes it calls
						// its methods, no decoder fills it.
						continue
					}
					u.reflect(x.X.Type(), seen)
				}
			}
		}
	}
	// A field stored only with its zero value, or with another such
	// field's value (pdfcpu's XRefTable.ValidateLinks: conf.ValidateLinks,
	// which only DefaultConfiguration stores, with false), keeps its zero
	// value; a field is set once anything else is stored into it.
	for changed := true; changed; {
		changed = false
		for f, vals := range stored {
			if u.set[f] {
				continue
			}
			for _, v := range vals {
				if !u.zero(v) {
					u.set[f] = true
					changed = true
					break
				}
			}
		}
	}
	return u
}

// storedOnly returns the values stored through the address of a field,
// when it is only stored through and read through.
func storedOnly(fa *ssa.FieldAddr) ([]ssa.Value, bool) {
	var vals []ssa.Value
	for _, r := range *fa.Referrers() {
		switch x := r.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL || x.X != fa {
				return nil, false
			}
		case *ssa.DebugRef:
		case *ssa.Store:
			if x.Addr != fa {
				return nil, false
			}
			vals = append(vals, x.Val)
		default:
			return nil, false
		}
	}
	return vals, true
}

// zero reports whether a stored value is a zero value: a zero constant, or
// the value of a field that keeps its zero value (so far).
func (u *Fields) zero(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok {
		return c.IsNil() || c.Value != nil && isZeroConstant(c.Value)
	}
	return u.unsetRead(v)
}

// isZeroConstant reports whether a constant is its type's zero value.
func isZeroConstant(v constant.Value) bool {
	switch v.Kind() {
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// reflect records the struct types that a value of type t holds, or
// points to, as open to reflection.
func (u *Fields) reflect(t types.Type, seen map[types.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	switch x := t.Underlying().(type) {
	case *types.Pointer:
		u.reflect(x.Elem(), seen)
	case *types.Slice:
		u.reflect(x.Elem(), seen)
	case *types.Array:
		u.reflect(x.Elem(), seen)
	case *types.Map:
		u.reflect(x.Key(), seen)
		u.reflect(x.Elem(), seen)
	case *types.Struct:
		for i := 0; i < x.NumFields(); i++ {
			u.set[x.Field(i).Origin()] = true
			u.reflect(x.Field(i).Type(), seen)
		}
	}
}

// LiveBlocks reports, by block index, which of fn's blocks can run (see
// symbol.LiveBlocks, whose constant conditions it also folds), or nil when
// all can.
func (u *Fields) LiveBlocks(fn *ssa.Function) []bool {
	if live, ok := u.live[fn]; ok {
		return live
	}
	live := symbol.LiveBlocks(fn)
	if u.judged(fn) {
		live = u.liveBlocks(fn, live)
	}
	u.live[fn] = live
	return live
}

// liveBlocks is the blocks of fn reached from its entry (or its recover
// block) without taking a branch that a never-set field closes, among
// those alive (nil: all).
func (u *Fields) liveBlocks(fn *ssa.Function, alive []bool) []bool {
	closed := map[*ssa.BasicBlock]*ssa.BasicBlock{}
	for _, b := range fn.Blocks {
		if never := u.neverTaken(b); never != nil {
			closed[b] = never
		}
	}
	return symbol.LiveWithout(fn, alive, closed)
}

// neverTaken returns the successor of block b's If that the condition
// never chooses because it tests a field that keeps its zero value, or nil.
func (u *Fields) neverTaken(b *ssa.BasicBlock) *ssa.BasicBlock {
	iff := symbol.EndingIf(b)
	if iff == nil {
		return nil
	}
	v, ok := u.fold(iff.Cond)
	if !ok {
		return nil
	}
	if v {
		return b.Succs[1]
	}
	return b.Succs[0]
}

// fold returns the value a condition always has because a field it tests
// keeps its zero value: the field itself (a bool), its negation, or its
// comparison with a constant (x.f != nil, x.f == "tls", len(x.f) > 0, a
// switch's case on x.f).
func (u *Fields) fold(cond ssa.Value) (value, ok bool) {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			v, ok := u.fold(c.X)
			return !v, ok
		}
		return false, u.unsetRead(c) && isBool(c.Type())
	case *ssa.Field:
		return false, u.unsetRead(c) && isBool(c.Type())
	case *ssa.BinOp:
		x, xUnset := u.operand(c.X)
		y, yUnset := u.operand(c.Y)
		if !xUnset && !yUnset || x == nil || y == nil {
			return false, false
		}
		if x.nil || y.nil {
			if !x.nil || !y.nil {
				return false, false
			}
			switch c.Op {
			case token.EQL:
				return true, true
			case token.NEQ:
				return false, true
			}
			return false, false
		}
		switch c.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if !symbol.Comparable(x.v, y.v) {
				return false, false
			}
			return constant.Compare(x.v, c.Op, y.v), true
		}
	}
	return false, false
}

// known is a value a condition's operand always has: a constant, or nil.
type known struct {
	v   constant.Value
	nil bool
}

// operand returns the value of a comparison's operand when it is known: a
// constant, the zero value of a never-set field, or the length of one (0).
// unset says whether it is a field's.
func (u *Fields) operand(v ssa.Value) (k *known, unset bool) {
	if c, ok := v.(*ssa.Const); ok {
		if c.Value == nil {
			return &known{nil: true}, false
		}
		return &known{v: c.Value}, false
	}
	if call, ok := v.(*ssa.Call); ok {
		if b, isLen := call.Call.Value.(*ssa.Builtin); isLen && b.Name() == "len" && len(call.Call.Args) == 1 && u.unsetRead(call.Call.Args[0]) {
			return &known{v: constant.MakeInt64(0)}, true
		}
		return nil, false
	}
	if !u.unsetRead(v) {
		return nil, false
	}
	switch t := v.Type().Underlying().(type) {
	case *types.Basic:
		switch {
		case t.Info()&types.IsBoolean != 0:
			return &known{v: constant.MakeBool(false)}, true
		case t.Info()&types.IsString != 0:
			return &known{v: constant.MakeString("")}, true
		case t.Info()&types.IsInteger != 0:
			return &known{v: constant.MakeInt64(0)}, true
		case t.Info()&types.IsFloat != 0:
			return &known{v: constant.MakeFloat64(0)}, true
		}
	case *types.Pointer, *types.Interface, *types.Slice, *types.Map, *types.Chan, *types.Signature:
		return &known{nil: true}, true
	}
	return nil, false
}

// isBool reports whether t is a boolean type.
func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// unsetRead reports whether v reads a field that keeps its zero value.
func (u *Fields) unsetRead(v ssa.Value) bool {
	var t types.Type
	var i int
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !ok {
			return false
		}
		t, i = fa.X.Type(), fa.Field
	case *ssa.Field:
		t, i = x.X.Type(), x.Field
	default:
		return false
	}
	f := symbol.Field(t, i)
	return f != nil && f.Pkg() != nil && u.visible(f.Pkg().Path()) && !u.set[f.Origin()]
}

// isEmptyInterface reports whether t is an interface with no methods (any):
// what a decoder or a reflecting function takes.
func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() == 0
}

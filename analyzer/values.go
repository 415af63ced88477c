package analyzer

import (
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file holds the small questions about SSA values that several stages
// ask.

// callArgs returns a call's arguments with the receiver first, as the
// catalog counts them (see sink.Args).
func callArgs(c *ssa.CallCommon) []ssa.Value { return sink.Args(c) }

// fieldName returns the name of field i of the struct that t (or *t) is.
func fieldName(t types.Type, i int) string {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
}

// eachFieldStore calls visit for every store into a struct field in the
// analysed functions: where messages are built.
func eachFieldStore(scope []*ssa.Function, visit func(st *ssa.Store, fa *ssa.FieldAddr)) {
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						visit(st, fa)
					}
				}
			}
		}
	}
}

// constString returns the value of a string constant.
func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// methodWrapper reports whether fn is a synthetic bound-method wrapper or
// thunk (a method value s.run, a method expression (*S).run).
func methodWrapper(fn *ssa.Function) bool {
	return symbol.IsBound(fn) || strings.HasPrefix(fn.Synthetic, "thunk")
}

// unwrapWrapper maps a method wrapper (methodWrapper) to the method it
// calls.
func unwrapWrapper(fn *ssa.Function) *ssa.Function {
	if !methodWrapper(fn) {
		return fn
	}
	if m := symbol.CalledMethod(fn); m != nil {
		return m
	}
	return fn
}

func isAggregate(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array:
		return true
	}
	return false
}

func isArrayPtr(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		_, ok := p.Elem().Underlying().(*types.Array)
		return ok
	}
	return false
}

// shortType is the last element of a "pkgpath.Name" type symbol.
func shortType(sym string) string { return symbol.ShortType(sym) }

// variadicPack returns the values of a call's packed variadic arguments
// (append(env, a, b), exec.Command("git", "a", "b"): SSA builds the slice
// [a, b]), in order, when every one is found (see variadicElems).
func variadicPack(v ssa.Value) ([]ssa.Value, bool) {
	elems := variadicElems(v)
	if elems == nil || slices.Contains(elems, nil) {
		return nil, false
	}
	return elems, true
}

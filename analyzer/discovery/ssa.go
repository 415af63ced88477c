package discovery

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file holds the small questions about SSA values that every other
// file asks: how the catalog spells a function or a type, and what a call
// passes.

func symbolOf(fn *ssa.Function) string { return symbol.Of(fn) }

func typeSymbol(t types.Type) string { return symbol.Type(t) }

// namedOf is the named type of t or of *t.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// callArgs returns a call's arguments with the receiver first for a method
// call (static or invoke), as the catalog counts them and as a method's
// parameters are numbered.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// isWrapper reports whether fn is a synthetic wrapper of one method: a
// method value (s.run), a method expression ((*S).run), or a promoted or
// pointer-receiver method of an embedding type.
func isWrapper(fn *ssa.Function) bool {
	return symbol.IsBound(fn) || strings.HasPrefix(fn.Synthetic, "thunk") || strings.HasPrefix(fn.Synthetic, "wrapper for")
}

// unwrapWrapper maps a synthetic wrapper (see isWrapper) to the method it
// calls.
func unwrapWrapper(fn *ssa.Function) *ssa.Function {
	if !isWrapper(fn) {
		return fn
	}
	if m := symbol.CalledMethod(fn); m != nil {
		return m
	}
	return fn
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

func freeVarIndex(v *ssa.FreeVar) int {
	for i, q := range v.Parent().FreeVars {
		if q == v {
			return i
		}
	}
	return -1
}

// fieldName returns the name of field i of the struct that t (or *t) is.
func fieldName(t types.Type, i int) string {
	if s := structOf(t); s != nil && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
}

// structOf is the struct type t or *t is, or nil.
func structOf(t types.Type) *types.Struct {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}

// constString returns the value of a string constant.
func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// isString reports whether t's underlying type is string.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// methodFunc returns the SSA function of method name of type t, looking at
// the method sets of t and *t, with synthetic wrappers unwrapped; nil if t
// has no such method.
func methodFunc(prog *ssa.Program, t types.Type, name string) *ssa.Function {
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if _, ok := t.(*types.Pointer); ok && tt != t {
			break
		}
		ms := prog.MethodSets.MethodSet(tt)
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return prog.MethodValue(ms.At(i))
			}
		}
	}
	return nil
}

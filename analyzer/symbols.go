package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// symbolOf spells a function as the catalog does (see package symbol).
func symbolOf(fn *ssa.Function) string { return symbol.Of(fn) }

// staticSymbol is the catalog symbol of a call's static callee, or "".
func staticSymbol(c *ssa.CallCommon) string {
	if callee := c.StaticCallee(); callee != nil {
		return symbolOf(callee)
	}
	return ""
}

// invokeSymbol spells an interface method call as the catalog does.
func invokeSymbol(c *ssa.CallCommon) string { return symbol.Invoke(c) }

// typeSymbol spells a named type as "pkgpath.Name".
func typeSymbol(t types.Type) string { return symbol.Type(t) }

// sdkGiven reports whether a handler parameter of type t is the SDK's own,
// whatever the model asked: a context (or a type that carries one), or a
// type the catalog's notinput lines say the SDK fills from its own
// configuration (eino's call options), or a slice of such values.
func sdkGiven(cat *rules.Catalog, t types.Type) bool {
	if symbol.IsContextLike(t) {
		return true
	}
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem()
	}
	return cat.NotInputTypes[rules.Normalize(typeSymbol(t))]
}

// isOpaque reports whether fn's body is never entered: it belongs to the
// standard library or to a catalogued opaque module.
func isOpaque(cat *rules.Catalog, fn *ssa.Function) bool {
	if methodWrapper(fn) {
		// A method value or a method expression (d.DialContext kept in
		// a field and called later) is a synthetic wrapper that calls
		// the method: entered, the call it makes is judged as any call
		// of the method is (a sink, or a call into opaque code).
		return false
	}
	if promotes(fn) {
		// A method promoted from an embedded field (a generated client
		// that embeds client-go's gentype.Client) belongs to the type that
		// promotes it: the wrapper of a type of the program's is entered,
		// and its call of the embedded type's method is judged as any
		// call into that type's package is.
		return cat.IsOpaque(declaringPackage(fn))
	}
	p := symbol.Package(fn)
	return p == "" || cat.IsOpaque(p)
}

// promotes reports whether fn is the wrapper SSA makes for a method that a
// type promotes from an embedded field.
func promotes(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "wrapper for") && fn.Signature.Recv() != nil
}

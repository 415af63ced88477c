package load

import (
	"go/types"
	"reflect"
	"unsafe"
)

// go/types links every scope it makes to its parent's list of children,
// from the package scope down through the file scopes to the scope of
// every block of every function body it checked. A package's scope lives
// as long as the program does (a *types.Package holds it, and so do the
// signatures of its functions, which hold their own scopes), so the local
// scopes of every body, their maps and their variables stayed in memory
// for the whole scan, bodies that were later dropped as unreachable
// included (their type information is forgotten, their scopes were not):
// about 115 MB of weknora's live heap after SSA (heap profile at the end
// of reachability), of which about 70 MB goes once they are unlinked.
//
// Nothing reads them once a package is checked: the packages that import
// it look names up in its package scope (Scope.Lookup reads its own
// objects, not its children), SSA reads the types.Info maps, and neither
// the scan nor x/tools' ssa and callgraph walk a scope's children
// (Scope.Child, Innermost, LookupParent). go/types offers no way to drop
// them, so forgetLocalScopes empties the children lists itself.

// childrenOffset is the offset of types.Scope's children field, or -1 if
// the field is not the []*types.Scope it is known to be (a Go release that
// changed the struct): then the scopes are left as they are, which costs
// memory and changes no result.
var childrenOffset = func() uintptr {
	f, ok := reflect.TypeFor[types.Scope]().FieldByName("children")
	if !ok || f.Type != reflect.TypeFor[[]*types.Scope]() {
		return ^uintptr(0)
	}
	return f.Offset
}()

// forgetLocalScopes unlinks the scopes below pkg's file scopes (those of
// functions and their blocks), so that those nothing else refers to can be
// collected: the objects that the type information still records (a
// body's variables, until SSA is built) keep their own scope and its
// parents, not its siblings. pkg must be checked: go/types reads the
// children while it checks a package (for unused variables).
func forgetLocalScopes(pkg *types.Package) {
	if pkg == nil || childrenOffset == ^uintptr(0) {
		return
	}
	top := pkg.Scope()
	for i := 0; i < top.NumChildren(); i++ {
		forgetChildren(top.Child(i))
	}
}

// forgetChildren empties the children lists of s and of every scope below
// it.
func forgetChildren(s *types.Scope) {
	for i := 0; i < s.NumChildren(); i++ {
		forgetChildren(s.Child(i))
	}
	*(*[]*types.Scope)(unsafe.Add(unsafe.Pointer(s), childrenOffset)) = nil
}

package load

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"testing"
	"weak"
)

const scopesSrc = `package p

func F(s string) string {
	t := s + "!"
	for i := 0; i < 2; i++ {
		u := t + t
		t = u
	}
	return t
}

var V = func() int { x := 1; return x }()
`

// TestForgetLocalScopes checks that once a package is checked, the scopes
// of its function bodies can be collected while the package lives, and
// that what importers and the scan read of it still works.
func TestForgetLocalScopes(t *testing.T) {
	if childrenOffset == ^uintptr(0) {
		t.Fatal("types.Scope has no children field of type []*types.Scope: forgetLocalScopes does nothing on this Go release")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", scopesSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Scopes: map[ast.Node]*types.Scope{}}
	cfg := &types.Config{}
	pkg, err := cfg.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	var body weak.Pointer[types.Scope]
	for _, s := range info.Scopes {
		if s.Lookup("u") != nil {
			body = weak.Make(s) // the block of F's loop
		}
	}
	if body.Value() == nil {
		t.Fatal("no scope found for the block of F's loop")
	}
	fileScope := pkg.Scope().Child(0)
	if fileScope.NumChildren() == 0 {
		t.Fatal("the file scope has no children before forgetLocalScopes: the test checks nothing")
	}
	info = nil

	forgetLocalScopes(pkg)
	runtime.GC()
	runtime.GC()

	if body.Value() != nil {
		t.Error("the scope of the block of F's loop is still reachable from the package")
	}
	if n := fileScope.NumChildren(); n != 0 {
		t.Errorf("the file scope has %d children, want 0", n)
	}
	fn, ok := pkg.Scope().Lookup("F").(*types.Func)
	if !ok || fn.Signature().Params().At(0).Name() != "s" {
		t.Errorf("F is not looked up with its signature: %v", pkg.Scope().Lookup("F"))
	}
	if pkg.Scope().Lookup("V") == nil {
		t.Error("V is not looked up")
	}
	runtime.KeepAlive(pkg)
}

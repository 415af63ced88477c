package apiop_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/blastradius/blastradius/analyzer/apiop"
	"github.com/blastradius/blastradius/rules"
)

// src is a client whose request URL is a format: the host is the verb
// after "://", the second operand, which Remove takes from its caller and
// Get and Put from the client. Only the client's own host makes an
// operation. Its POST of an item creates one; its POST of a GraphQL
// document may query or mutate: the method says nothing.
const src = `package p

import (
	"fmt"
	"net/http"
)

type Client struct {
	scheme, host string
	hc           *http.Client
}

func (c *Client) send(method, host, path string) error {
	req, err := http.NewRequest(method, fmt.Sprintf("%s://%s/%s", c.scheme, host, path), nil)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req)
	return err
}

func (c *Client) Remove(host string) error { return c.send(http.MethodDelete, host, "items") }

func (c *Client) Get(path string) error { return c.send(http.MethodGet, c.host, path) }

func (c *Client) Put(path string) error { return c.send(http.MethodPut, c.host, path) }

func (c *Client) do(method, path string) error {
	req, err := http.NewRequest(method, c.scheme+"://"+c.host+"/"+path, nil)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req)
	return err
}

func (c *Client) Create() error { return c.do(http.MethodPost, "v1/items") }

func (c *Client) Graph() error { return c.do(http.MethodPost, "v1/graphql") }
`

// TestFormatHost checks that the host of a URL built by fmt.Sprintf is the
// operand of the verb after "://", not the scheme's.
func TestFormatHost(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, _, err := ssautil.BuildPackage(conf, fset, types.NewPackage("example.com/p", "p"), []*ast.File{f}, ssa.BuilderMode(0))
	if err != nil {
		t.Fatal(err)
	}
	method := func(name string) *ssa.Function {
		client := pkg.Pkg.Scope().Lookup("Client").Type()
		return pkg.Prog.LookupMethod(types.NewPointer(client), pkg.Pkg, name)
	}
	var fns []*ssa.Function
	for _, name := range []string{"send", "do", "Remove", "Get", "Put", "Create", "Graph"} {
		fns = append(fns, method(name))
	}
	ops := apiop.Infer(apiop.Config{
		Catalog:  cat,
		Own:      func(*ssa.Function) bool { return false },
		Enters:   func(fn *ssa.Function) bool { return fn.Pkg == pkg },
		ModuleOf: func(*ssa.Function) string { return "example.com/p" },
		Callees:  func(ssa.CallInstruction) []*ssa.Function { return nil },
	}, fns)
	for name, want := range map[string][]string{
		"Remove": nil,
		"Get":    {"cloud-read"},
		"Put":    {"cloud-write"},
		"Create": {"cloud-write"},
		"Graph":  nil,
	} {
		if got := ops.Capabilities(method(name)); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

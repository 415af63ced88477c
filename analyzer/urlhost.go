package analyzer

import (
	"go/token"
	"strings"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"golang.org/x/tools/go/ssa"
)

// A URL's host is where a request goes; what follows the host (the path,
// the query, the fragment) is data that host receives. Model text put after
// a part of the URL that ends the host cannot send the request elsewhere,
// so it loses the url kind there (as CodeQL's request-forgery query takes a
// prefix that fixes the host for a sanitizer):
//
//   - "https://registry.example.com/v1/" + name, and the same built by
//     fmt.Sprintf ("%s/%s/%s" of a constant base, a version and the
//     model's path), or after a base the program holds ("/repos/"
//     following a configured URL);
//   - a path the program has checked to start with "/" (strings.HasPrefix(p,
//     "/") on the way) put after a base: base + p goes to the base's host;
//   - the elements url.JoinPath and (*url.URL).JoinPath join to a base;
//   - what is stored in a url.URL's path, query or fragment.
//
// The part before keeps its own taint: a base URL the model wrote is still
// the model's, and a prefix that does not end the host ("https://" + host,
// "http://%s:%d") confines nothing.

// endsHost reports whether every text that v can be, as the start of a
// URL, ends the URL's host: after "://", a "/" follows; with no scheme,
// the text starts with a part no constant fixes (a base URL the program
// holds) or with a "/" that does not start "//", and goes on to a "/".
func (f *flow) endsHost(v ssa.Value) bool {
	if ok, seen := f.hostEnders[v]; seen {
		return ok
	}
	ok := hostEndedIn(f.templates(v, 1))
	if f.hostEnders == nil {
		f.hostEnders = map[ssa.Value]bool{}
	}
	f.hostEnders[v] = ok
	return ok
}

// endsHostBefore reports whether the concatenation x + y, with y checked
// to start with "/" where it is built (a model's endpoint under a
// configured base: `if !strings.HasPrefix(endpoint, "/") { return err }`),
// puts y after the host of x: x ends the host once a "/" follows it.
func (f *flow) endsHostBefore(x, y ssa.Value, at *ssa.BasicBlock) bool {
	if !rootedAt(y, at) {
		return false
	}
	texts := f.templates(x, 1)
	for i := range texts {
		texts[i] += "/"
	}
	return hostEndedIn(texts)
}

// rootedAt reports whether block only runs once strings.HasPrefix(v, p),
// for a constant p that starts with "/", has been found true.
func rootedAt(v ssa.Value, block *ssa.BasicBlock) bool {
	_, ok := prefixCheckAt(block, func(x ssa.Value) bool { return x == v }, func(p string) bool { return strings.HasPrefix(p, "/") })
	return ok
}

// prefixCheckAt returns the condition of a branch on the way to block that
// found strings.HasPrefix(x, p) true, for an x that checked accepts and a
// constant p that prefix accepts.
func prefixCheckAt(block *ssa.BasicBlock, checked func(ssa.Value) bool, prefix func(string) bool) (token.Pos, bool) {
	if block == nil {
		return token.NoPos, false
	}
	at := token.NoPos
	found := symbol.DominatingBranches(block, func(iff *ssa.If, want bool) bool {
		cond := iff.Cond
		for {
			n, ok := cond.(*ssa.UnOp)
			if !ok || n.Op != token.NOT {
				break
			}
			cond, want = n.X, !want
		}
		call, ok := cond.(*ssa.Call)
		if !want || !ok || staticName(call) != "strings.HasPrefix" || len(call.Call.Args) != 2 || !checked(call.Call.Args[0]) {
			return false
		}
		p, ok := constString(call.Call.Args[1])
		if !ok || !prefix(p) {
			return false
		}
		at = iff.Cond.Pos()
		return true
	})
	return at, found
}

// hostEndedIn reports whether every template (see templates) ends a URL's
// host, as endsHost says.
func hostEndedIn(texts []string) bool {
	if len(texts) == 0 {
		return false
	}
	for _, t := range texts {
		if !hostEndedText(t) {
			return false
		}
	}
	return true
}

func hostEndedText(t string) bool {
	if i := strings.Index(t, "://"); i >= 0 {
		return strings.Contains(t[i+3:], "/")
	}
	switch {
	case strings.HasPrefix(t, modelHole), strings.HasPrefix(t, fixedHole):
		// A base the program holds, then a path (base + "/v1/"): a
		// base that is the model's keeps its own taint.
		return strings.Contains(t[1:], "/")
	case strings.HasPrefix(t, "/"):
		// A path from the root of a base URL; "//host" would be a
		// network path, naming a host.
		return len(t) > 1 && t[1] != '/'
	}
	return false
}

// sprintfAfterHost returns, for fmt.Sprintf(format, args...) with a
// constant format whose operands can be read, what its operands carry into
// the result: each operand that the format places after text that ends a
// URL's host (see endsHost) without the url kind. ok is false for any other
// call, whose arguments carry what they hold.
func (f *flow) sprintfAfterHost(call *ssa.Call) (*origin, bool) {
	if staticName(call) != "fmt.Sprintf" || len(call.Call.Args) != 2 {
		return nil, false
	}
	format, ok := constString(call.Call.Args[0])
	if !ok || strings.Contains(format, "[") || strings.Contains(format, "*") {
		// An explicit argument index (%[2]s) or a width taken from
		// the operands (%*d) breaks the order of verbs and operands.
		return nil, false
	}
	texts, ok := formatTexts(format)
	if !ok {
		return nil, false
	}
	operands := variadicElems(call.Call.Args[1])
	if len(operands) != len(texts)-1 {
		return nil, false
	}
	var in *origin
	prefix := []string{texts[0]}
	for k, op := range operands {
		if op == nil {
			return nil, false
		}
		o := f.deep(op)
		if hostEndedIn(prefix) {
			o = without(o, "url")
		}
		in = join(in, o)
		prefix = joinTemplates(prefix, f.templates(op, 1))
		prefix = joinTemplates(prefix, []string{texts[k+1]})
	}
	return in, true
}

// joinedPathElement reports whether argument i of a call is a path
// element that url.JoinPath or (*url.URL).JoinPath joins to a base URL:
// the base's host stays.
func joinedPathElement(c *ssa.CallCommon, i int) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "net/url" || callee.Name() != "JoinPath" {
		return false
	}
	return i >= 1
}

// urlPartField reports whether the field stored into is a url.URL's path,
// query or fragment, which cannot change its host.
func urlPartField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	switch fieldName(fa.X.Type(), fa.Field) {
	case "Path", "RawPath", "RawQuery", "Fragment", "RawFragment":
		return typeSymbol(fa.X.Type()) == "net/url.URL"
	}
	return false
}

package apiop

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file says where the host of a request's URL, or the start of a
// file's path, comes from in a function: the client's own state (held), or
// which of the function's parameters.

// maxURLHops bounds how far urlOrigin follows a URL through calls.
const maxURLHops = 8

// urlOrigin says where the host of the URL v comes from in fn: held, when
// it is the client's own (a field, a package variable, a constant), or
// which of fn's parameters give it. A URL from anything else (a response,
// a map) is neither.
func (a *Operations) urlOrigin(fn *ssa.Function, v ssa.Value, hops int, seen map[ssa.Value]bool) (held bool, params []int) {
	if seen[v] || hops > maxURLHops {
		return false, nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value != nil && x.Value.Kind() == constant.String && constant.StringVal(x.Value) != "", nil
	case *ssa.Global:
		return true, nil
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == x {
				return false, []int{i}
			}
		}
	case *ssa.FieldAddr:
		return a.fieldURL(fn, x.X, hops, seen)
	case *ssa.Field:
		return a.fieldURL(fn, x.X, hops, seen)
	case *ssa.ChangeType:
		return a.urlOrigin(fn, x.X, hops, seen)
	case *ssa.Convert:
		return a.urlOrigin(fn, x.X, hops, seen)
	case *ssa.MakeInterface:
		return a.urlOrigin(fn, x.X, hops, seen)
	case *ssa.BinOp:
		if x.Op == token.ADD {
			// The text the URL starts with holds its host.
			return a.urlOrigin(fn, x.X, hops, seen)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			h, p := a.urlOrigin(fn, e, hops, seen)
			held, params = held || h, append(params, p...)
		}
		return held, params
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if y, ok := x.X.(*ssa.Alloc); ok {
				return a.storedURL(fn, y, hops, seen)
			}
			// What a pointer points to comes from where the pointer
			// does: a field, a package variable.
			return a.urlOrigin(fn, x.X, hops, seen)
		}
	case *ssa.Alloc:
		return a.storedURL(fn, x, hops, seen)
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			return a.callURL(fn, call, hops, seen)
		}
	case *ssa.Call:
		return a.callURL(fn, x, hops, seen)
	}
	return false, nil
}

// fieldURL is urlOrigin of a field of x: a part of a URL (its Path, its
// Host) comes from where the URL does; any other struct's field is the
// client's own state (its BaseURL, its endpoint).
func (a *Operations) fieldURL(fn *ssa.Function, x ssa.Value, hops int, seen map[ssa.Value]bool) (bool, []int) {
	if symbol.Type(x.Type()) == "net/url.URL" {
		return a.urlOrigin(fn, x, hops+1, seen)
	}
	for {
		switch y := x.(type) {
		case *ssa.Parameter:
			if fn.Signature.Recv() != nil && len(fn.Params) > 0 && y == fn.Params[0] {
				return true, nil // the client's own state
			}
			// A field of a struct the caller hands over (an
			// options' URL) is the caller's.
			return a.urlOrigin(fn, y, hops+1, seen)
		case *ssa.FreeVar, *ssa.Global:
			return true, nil // what a closure or the package holds
		case *ssa.UnOp:
			if y.Op == token.MUL {
				x = y.X // a field of a field (c.config.BaseURL)
				continue
			}
		case *ssa.FieldAddr:
			x = y.X
			continue
		case *ssa.Field:
			x = y.X
			continue
		}
		// A field of a value got any other way (a record a lookup
		// returned, an element of a list) comes from where it does.
		return a.urlOrigin(fn, x, hops+1, seen)
	}
}

// urlKeeping are the calls whose result keeps where their first argument
// (the receiver of a method) sends a request: a URL parsed, printed,
// resolved against or joined to, or its request URI (a client that sets
// the host on the request afterwards, from the same URL).
var urlKeeping = map[string]bool{
	"net/url.Parse":                   true,
	"net/url.ParseRequestURI":         true,
	"net/url.JoinPath":                true,
	"(*net/url.URL).String":           true,
	"(*net/url.URL).Redacted":         true,
	"(*net/url.URL).RequestURI":       true,
	"(*net/url.URL).ResolveReference": true,
	"(*net/url.URL).JoinPath":         true,
	"(*net/url.URL).Parse":            true,
	"strings.TrimSuffix":              true,
	"strings.TrimRight":               true,
	"strings.TrimSpace":               true,
	"strings.ReplaceAll":              true,
	"strings.Replace":                 true,
	"(*net/http.Request).WithContext": true,
	"(*net/http.Request).Clone":       true,
	"path.Join":                       true,
	// A file's path keeps where it starts through these.
	"path/filepath.Join":         true,
	"path/filepath.Clean":        true,
	"path/filepath.Abs":          true,
	"path/filepath.EvalSymlinks": true,
	"path/filepath.FromSlash":    true,
	"path/filepath.ToSlash":      true,
	"path.Clean":                 true,
	"strings.TrimPrefix":         true,
}

// callURL is urlOrigin of what a call returns.
func (a *Operations) callURL(fn *ssa.Function, call *ssa.Call, hops int, seen map[ssa.Value]bool) (bool, []int) {
	args := sink.Args(&call.Call)
	callee := call.Call.StaticCallee()
	if callee == nil {
		// Through an interface (an API's client behind its own
		// interface, h.client.URL(ep)): what its callees return.
		held := false
		var params []int
		for _, c := range a.callees(call) {
			h, ps := a.helperURL(fn, c, args, hops, seen)
			held, params = held || h, append(params, ps...)
		}
		return held, params
	}
	sym := symbol.Of(callee)
	if urlKeeping[sym] && len(args) > 0 {
		first := args[0]
		if sig := callee.Signature; sig.Variadic() && sig.Params().Len() == 1 {
			// path.Join(base, p): the first of its variadic operands.
			if first = sliceElement(first, 0); first == nil {
				return false, nil
			}
		}
		return a.urlOrigin(fn, first, hops+1, seen)
	}
	if sym == "fmt.Sprintf" && len(args) == 2 {
		// What begins the host holds it: a constant host
		// ("https://api.example.com/v2/%s"), or the operand of the
		// verb there ("%s/v2/droplets/%d" a base URL,
		// "https://%s/api/..." or "%s://%s:%d/%s" a host).
		if k, ok := args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			f := constant.StringVal(k.Value)
			operand := 0
			if i := strings.Index(f, "://"); i >= 0 {
				operand = strings.Count(f[:i], "%") - 2*strings.Count(f[:i], "%%")
				f = f[i+3:]
				if f != "" && !strings.HasPrefix(f, "%") {
					return true, nil
				}
			}
			if strings.HasPrefix(f, "%s") || strings.HasPrefix(f, "%v") {
				if v := sliceElement(args[1], operand); v != nil {
					return a.urlOrigin(fn, v, hops+1, seen)
				}
			}
		}
		return false, nil
	}
	return a.helperURL(fn, callee, args, hops, seen)
}

// helperURL is urlOrigin of what a call of a helper of the client's own
// returns, where each of its parameters is what the call gives it.
func (a *Operations) helperURL(fn, callee *ssa.Function, args []ssa.Value, hops int, seen map[ssa.Value]bool) (bool, []int) {
	if len(callee.Blocks) == 0 || !a.enters(callee) {
		return false, nil
	}
	r := a.returnedURL(callee)
	held := r.held
	var params []int
	for _, p := range r.params {
		if p < len(args) {
			h, ps := a.urlOrigin(fn, args[p], hops+1, seen)
			held, params = held || h, append(params, ps...)
		}
	}
	return held, params
}

// urlFrom is where a function's result takes its URL's host from.
type urlFrom struct {
	held   bool
	params []int
}

// returnedURL is urlOrigin of what fn returns, memoised (a recursive
// helper, while it is being asked, returns nothing).
func (a *Operations) returnedURL(fn *ssa.Function) urlFrom {
	if r, ok := a.returned[fn]; ok {
		return r
	}
	a.returned[fn] = urlFrom{}
	var r urlFrom
	for _, v := range returnedAt(fn, 0) {
		h, ps := a.urlOrigin(fn, v, 1, map[ssa.Value]bool{})
		r.held, r.params = r.held || h, append(r.params, ps...)
	}
	a.returned[fn] = r
	return r
}

// storedURL is urlOrigin of a local variable or composite literal: a
// url.URL whose Host is stored from where it comes, or what is stored into
// the variable.
func (a *Operations) storedURL(fn *ssa.Function, alloc *ssa.Alloc, hops int, seen map[ssa.Value]bool) (held bool, params []int) {
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == alloc {
				h, p := a.urlOrigin(fn, r.Val, hops+1, seen)
				held, params = held || h, append(params, p...)
			}
		case *ssa.FieldAddr:
			if !isField(alloc.Type(), r.Field, "Host") {
				continue
			}
			for _, fr := range *r.Referrers() {
				if st, ok := fr.(*ssa.Store); ok && st.Addr == r {
					h, p := a.urlOrigin(fn, st.Val, hops+1, seen)
					held, params = held || h, append(params, p...)
				}
			}
		}
	}
	return held, params
}

// returnedAt returns the values fn's returns give as result i.
func returnedAt(fn *ssa.Function, i int) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = append(out, symbol.Returned(ret, i))
		}
	}
	return out
}

// sliceElement returns the value stored as operand i of a variadic
// call's argument slice (fmt.Sprintf(format, a, b): the slice literal
// holding a and b), or nil.
func sliceElement(slice ssa.Value, i int) ssa.Value {
	s, ok := slice.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if k, ok := ia.Index.(*ssa.Const); !ok || k.Int64() != int64(i) {
			continue
		}
		for _, ir := range *ia.Referrers() {
			if st, ok := ir.(*ssa.Store); ok && st.Addr == ia {
				if mi, ok := st.Val.(*ssa.MakeInterface); ok {
					return mi.X
				}
				return st.Val
			}
		}
	}
	return nil
}

// isField reports whether field i of the struct that t is, or points to,
// is named name.
func isField(t types.Type, i int, name string) bool {
	f := symbol.Field(t, i)
	return f != nil && f.Name() == name
}

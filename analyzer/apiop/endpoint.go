package apiop

import (
	"fmt"
	"go/constant"
	"go/token"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file names the endpoint of an operation: the text its URL is built
// from, for a POST that reads (rules.Catalog.ReadsEndpoint).

// postReads reports whether an operation is a POST to an endpoint that
// names a read.
func (a *Operations) postReads(method, endpoint string) bool {
	return strings.EqualFold(method, http.MethodPost) && endpoint != "" && a.cat.ReadsEndpoint(endpoint)
}

// postBody reports whether an operation is a POST to an endpoint whose
// body names what it does (GraphQL's).
func (a *Operations) postBody(method, endpoint string) bool {
	return strings.EqualFold(method, http.MethodPost) && endpoint != "" && a.cat.BodyEndpoint(endpoint)
}

// maxEndpointDepth bounds endpointOf.
const maxEndpointDepth = 8

// endpointOf returns the text a URL or a path is built from in fn, with
// {} for each part that is not a constant and {pN} for fn's parameter N:
// "{}/v1/servers/{}/search" for base + "/v1/servers/" + id + "/search",
// the same through fmt.Sprintf's format, and through url.Parse and
// ResolveReference (a client's NewRequest(method, path) resolving path
// against its base URL gives "{}{p2}").
func endpointOf(fn *ssa.Function, v ssa.Value, depth int) string {
	if depth > maxEndpointDepth {
		return "{}"
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return constant.StringVal(x.Value)
		}
	case *ssa.Parameter:
		if i := slices.Index(fn.Params, x); i >= 0 {
			return fmt.Sprintf("{p%d}", i)
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return endpointOf(fn, x.X, depth+1) + endpointOf(fn, x.Y, depth+1)
		}
	case *ssa.ChangeType:
		return endpointOf(fn, x.X, depth+1)
	case *ssa.Convert:
		return endpointOf(fn, x.X, depth+1)
	case *ssa.MakeInterface:
		return endpointOf(fn, x.X, depth+1)
	case *ssa.Extract:
		if x.Index == 0 {
			return endpointOf(fn, x.Tuple, depth+1)
		}
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil {
			break
		}
		args := sink.Args(&x.Call)
		switch sym := symbol.Of(callee); {
		case sym == "fmt.Sprintf" && len(args) > 0:
			if k, ok := args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
				return formatVerb.ReplaceAllString(constant.StringVal(k.Value), "{}")
			}
		case sym == "(*net/url.URL).ResolveReference" && len(args) == 2:
			return endpointOf(fn, args[0], depth+1) + endpointOf(fn, args[1], depth+1)
		case urlKeeping[sym] && len(args) > 0:
			return endpointOf(fn, args[0], depth+1)
		}
	}
	return "{}"
}

// endpointIn returns an endpoint of a callee's (endpointOf) as the call
// names it: each {pN} replaced with what the call gives parameter N.
func endpointIn(fn *ssa.Function, endpoint string, args []ssa.Value) string {
	return paramRef.ReplaceAllStringFunc(endpoint, func(ref string) string {
		var i int
		fmt.Sscanf(ref, "{p%d}", &i)
		if i < len(args) {
			return endpointOf(fn, args[i], 1)
		}
		return "{}"
	})
}

// paramRef matches a parameter's place in an endpoint.
var paramRef = regexp.MustCompile(`\{p[0-9]+\}`)

// formatVerb matches a fmt verb.
var formatVerb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// storedPath returns the constant path that fn stores into a field of obj
// (an operation's PathPattern set next to its Method), or "".
func storedPath(fn *ssa.Function, obj ssa.Value) string {
	for _, r := range *obj.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, fr := range *fa.Referrers() {
			st, ok := fr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if k, ok := st.Val.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
				if p := constant.StringVal(k.Value); strings.HasPrefix(p, "/") {
					return p
				}
			}
		}
	}
	return ""
}

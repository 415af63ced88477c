package apiop

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// This file answers which parameters of a dependency's function its caller
// chooses a request's host or a file's path with (the roots the analyzer
// judges at the module's call, analyzer/dependencyroots.go).

// HostParams returns the parameters of a dependency's function (one the
// scan enters, not the module's own) that give the host of a request it
// sends: the caller says where a scraper's Fetch(url), an HTTP library's
// R().Get(url) or a helper's PostJSON(url, v) goes, and the call into it
// is where a model's URL makes the request the model's (the flow of the
// module's data stops at the dependency's code). Indexes are those of
// fn.Params, the receiver first; nil when fn holds its URL.
func (a *Operations) HostParams(fn *ssa.Function) []int {
	return a.params(fn, "")
}

// PathParams returns, by capability (fs-read, fs-write), the parameters of
// a dependency's function that start the path of a file it reads or
// writes: a chart loader's Load(path), a values file's ReadValuesFile(path).
// A path the dependency starts itself (its cache directory joined with a
// name) is not its caller's choice.
func (a *Operations) PathParams(fn *ssa.Function) map[string][]int {
	var out map[string][]int
	for _, capability := range []string{"fs-read", "fs-write"} {
		if ps := a.params(fn, capability); len(ps) > 0 {
			if out == nil {
				out = map[string][]int{}
			}
			out[capability] = ps
		}
	}
	return out
}

// maxPathWay bounds the calls PathWay follows.
const maxPathWay = 64

// PathWay returns the way a path parameter of fn (one of PathParams) takes
// to the file call it starts the path of: the calls from fn on, the last
// one the catalogued call (sink), whose symbol it returns.
func (a *Operations) PathWay(fn *ssa.Function, capability string, param int) (sites []ssa.CallInstruction, sink string) {
	s := opSig{mparam: -1, url: param, path: capability}
	for len(sites) < maxPathWay {
		v, ok := a.via[sigAt{fn, s}]
		if !ok {
			return nil, ""
		}
		sites = append(sites, v.site)
		if v.sink != "" {
			return sites, v.sink
		}
		fn, s = v.callee, v.s
	}
	return nil, ""
}

// params returns the parameters of a dependency's function that start a
// request's URL (path "") or a file's path of that capability.
func (a *Operations) params(fn *ssa.Function, path string) []int {
	if a.own(fn) || !a.enters(fn) {
		return nil
	}
	var out []int
	for s := range a.sigs[fn] {
		if s.url >= 0 && s.path == path && !slices.Contains(out, s.url) {
			out = append(out, s.url)
		}
	}
	slices.Sort(out)
	return out
}

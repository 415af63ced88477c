package analyzer

import (
	"maps"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// A dependency's function that sends a request where its caller says (a
// scraper's Fetch(url), an HTTP library's R().Get(url)) takes the request's
// host from a parameter (apiop.Operations.HostParams); one that reads or
// writes a file at a path its caller gives (a chart loader's Load(path))
// takes where the path starts from one (PathParams). The model's data is
// followed through the module's code only, so the URL or the path that
// reaches the library's own http.NewRequest or os.ReadFile is nobody's
// there: the module's call into the library is where the choice is made,
// and where it is judged, as a catalogued url or path argument is (a BR103
// or a BR104, the capability tainted). Such a parameter is a root: what
// the dependency puts after a root of its own (a path under its base URL,
// a name under its directory) is not counted. For a URL that is what the
// module's own code gets too (urlhost.go); a name under a directory may
// still climb out with "..", which the module's own code is told of and a
// library's is not: its own checks are not followed.

// rootSensitives returns, for a call into such functions, their root
// parameters as url or path arguments.
func (c *checker) rootSensitives(site ssa.CallInstruction) []sensitiveCall {
	var out []sensitiveCall
	for _, call := range c.rootCalls(site) {
		out = append(out, call.sensitiveCall)
	}
	return out
}

// rootCall is a callee of a call that takes a request's host or a file's
// path from its caller, with those parameters, for one capability.
type rootCall struct {
	fn *ssa.Function
	sensitiveCall
	// kind is url or path; shift is what turns an argument's index
	// into fn's parameter's (1 for a method value's call).
	kind  string
	shift int
}

// rootCalls returns the callees of a call that take a request's host or a
// file's path from their caller, memoised: every tool's flow asks at each
// call with the model's data, and again for each capability it shows.
func (c *checker) rootCalls(site ssa.CallInstruction) []rootCall {
	if c.ops == nil {
		return nil
	}
	if out, ok := c.roots[site]; ok {
		return out
	}
	if c.roots == nil {
		c.roots = map[ssa.CallInstruction][]rootCall{}
	}
	out := c.findRootCalls(site)
	c.roots[site] = out
	return out
}

func (c *checker) findRootCalls(site ssa.CallInstruction) []rootCall {
	var out []rootCall
	for _, g := range c.rc.staticOrGraphCallees(site) {
		sym := c.rc.symbol(g)
		if _, ok := c.cat.SensitiveArgs(sym); ok {
			continue // the catalog's word wins
		}
		add := func(kind, capability string, params []int) {
			if len(params) == 0 || capability == "" {
				return
			}
			var sens []rules.Sensitive
			for _, p := range params {
				sens = append(sens, rules.Sensitive{Kind: kind, Arg: p})
			}
			shift := 0
			if c.rc.callsMethodValue(site, sym) {
				sens, shift = withoutReceiver(sens), 1
			}
			out = append(out, rootCall{g, sensitiveCall{sym: sym, capability: capability, args: sens, host: g}, kind, shift})
		}
		add("url", c.capabilityChosenBy("url"), c.ops.HostParams(g))
		paths := c.ops.PathParams(g)
		for _, capability := range slices.Sorted(maps.Keys(paths)) {
			add("path", capability, paths[capability])
		}
	}
	return out
}

// staticOrGraphCallees returns a call's static callee, or the call
// graph's callees of a dynamic call.
func (rc *reacher) staticOrGraphCallees(site ssa.CallInstruction) []*ssa.Function {
	if callee := site.Common().StaticCallee(); callee != nil {
		return []*ssa.Function{callee}
	}
	return rc.graphCallees(site)
}

// chosenThroughDependency reports whether the model chooses where a
// network call or a file call inside a dependency's code goes: some call of
// the module's code into a function on the way to it (h's witness) hands
// that function the model's URL or path for a root parameter of the same
// capability, unconfined. It returns the hit shown at that call, its
// witness on through the dependency to the call.
func (c *checker) chosenThroughDependency(res *reached, h hit, f *flow, tainted map[ssa.CallInstruction][]int) (hit, bool) {
	if c.ops == nil || len(h.tail) > 0 || h.at == nil || f.funcs[h.site.Parent()] {
		return h, false
	}
	// The way from the call back to the module's code.
	var chain []*step
	for s := h.at; s != nil && !f.funcs[s.fn]; s = s.prev {
		chain = append(chain, s)
	}
	sites := make([]ssa.CallInstruction, 0, len(tainted))
	for s := range tainted {
		if f.funcs[s.Parent()] {
			sites = append(sites, s)
		}
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Pos() < sites[j].Pos() })
	// A call whose URL a check confined is shown, with its check as a
	// guard, unless another call is the model's.
	confined, found := h, false
	for _, s := range sites {
		for _, hc := range c.rootCalls(s) {
			if f.funcs[hc.fn] || hc.capability != h.capability {
				continue // the flow follows the data to the call, or another capability
			}
			i := slices.IndexFunc(chain, func(st *step) bool { return st.fn == hc.fn })
			if i < 0 && hc.kind != "path" {
				continue
			}
			o := hit{capability: h.capability, sink: h.sink, site: s, at: res.steps[s.Parent()]}
			if o.at == nil {
				continue
			}
			chosen := c.chosenArgs(o, f, tainted[s], hc.args)
			if len(chosen) == 0 {
				continue
			}
			free, _ := c.splitConfined(f, res, s, chosen, hc.args)
			if found && len(free) == 0 {
				continue
			}
			if hc.kind == "path" {
				// The way the path takes to this file call, not
				// the witness of another one.
				if o.tail = c.pathTail(res, hc, chosen, h.sink); o.tail == nil {
					continue
				}
			} else {
				for ; i >= 0; i-- {
					var call ssa.Instruction = h.site
					if i > 0 {
						call = chain[i-1].point()
					}
					o.tail = append(o.tail, report.Frame{Function: chain[i].fn.String(), Position: c.pos.of(call.Pos())})
				}
			}
			if len(free) > 0 {
				return o, true
			}
			confined, found = o, true
		}
	}
	return confined, false
}

// pathTail returns the witness on from a root call to the file call sink
// that one of the chosen arguments starts the path of, through functions
// the tool reaches, or nil.
func (c *checker) pathTail(res *reached, hc rootCall, chosen []int, sink string) []report.Frame {
	for _, arg := range chosen {
		sites, at := c.ops.PathWay(hc.fn, hc.capability, arg+hc.shift)
		if at != sink {
			continue
		}
		var tail []report.Frame
		for _, s := range sites {
			if res.steps[s.Parent()] == nil {
				tail = nil
				break
			}
			tail = append(tail, report.Frame{Function: s.Parent().String(), Position: c.pos.of(s.Pos())})
		}
		if tail != nil {
			return tail
		}
	}
	return nil
}

// rootChoice returns the root parameters of the dependency's functions
// that a hit shown at the module's call into them (chosenThroughDependency)
// decides, or nil.
func (c *checker) rootChoice(h hit) []rules.Sensitive {
	if len(h.tail) == 0 {
		return nil
	}
	var out []rules.Sensitive
	for _, call := range c.rootCalls(h.site) {
		if call.capability == h.capability {
			out = append(out, call.args...)
		}
	}
	return out
}

// capabilityChosenBy is the one capability that arguments of a taint kind
// choose (url: network), or "" when none or several are.
func (c *checker) capabilityChosenBy(kind string) string {
	capability := ""
	for cp, k := range c.cat.ChosenBy {
		if k != kind {
			continue
		}
		if capability != "" {
			return ""
		}
		capability = cp
	}
	return capability
}

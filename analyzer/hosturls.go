package analyzer

import (
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// A dependency's function that sends a request where its caller says (a
// scraper's Fetch(url), an HTTP library's R().Get(url)) takes the request's
// host from a parameter (apiop.Operations.HostParams). The model's data is
// followed through the module's code only, so the URL that reaches the
// library's own http.NewRequest is nobody's there: the module's call into
// the library is where the choice is made, and where it is judged, as a
// catalogued url argument is (a BR103, the network capability tainted).

// hostSensitives returns, for a call into such functions, their host
// parameters as url arguments.
func (c *checker) hostSensitives(site ssa.CallInstruction) []sensitiveCall {
	var out []sensitiveCall
	for _, hc := range c.hostCalls(site) {
		out = append(out, hc.sensitiveCall)
	}
	return out
}

// hostCall is a callee of a call that takes a request's host from its
// caller, with its host parameters.
type hostCall struct {
	fn *ssa.Function
	sensitiveCall
}

// hostCalls returns the callees of a call that take a request's host from
// their caller.
func (c *checker) hostCalls(site ssa.CallInstruction) []hostCall {
	if c.ops == nil {
		return nil
	}
	capability := c.capabilityChosenBy("url")
	if capability == "" {
		return nil
	}
	var out []hostCall
	for _, g := range c.rc.staticOrGraphCallees(site) {
		hosts := c.ops.HostParams(g)
		if len(hosts) == 0 {
			continue
		}
		sym := c.rc.symbol(g)
		if _, ok := c.cat.SensitiveArgs(sym); ok {
			continue // the catalog's word wins
		}
		var sens []rules.Sensitive
		for _, p := range hosts {
			sens = append(sens, rules.Sensitive{Kind: "url", Arg: p})
		}
		if c.rc.callsMethodValue(site, sym) {
			sens = withoutReceiver(sens)
		}
		out = append(out, hostCall{g, sensitiveCall{sym: sym, capability: capability, args: sens, host: g}})
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
// network call inside a dependency's code goes: some call of the module's
// code into a function on the way to it (h's witness) hands that function
// the model's URL for a host parameter, unconfined. It returns the hit
// shown at that call, its witness on through the dependency to the
// network call.
func (c *checker) chosenThroughDependency(res *reached, h hit, f *flow, tainted map[ssa.CallInstruction][]int) (hit, bool) {
	if c.ops == nil || len(h.tail) > 0 || h.at == nil || f.funcs[h.site.Parent()] || c.cat.ChosenBy[h.capability] != "url" {
		return h, false
	}
	// The way from the network call back to the module's code.
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
		for _, hc := range c.hostCalls(s) {
			if f.funcs[hc.fn] {
				continue // the flow follows the URL to the request
			}
			i := slices.IndexFunc(chain, func(st *step) bool { return st.fn == hc.fn })
			if i < 0 {
				continue
			}
			o := hit{capability: h.capability, sink: h.sink, site: s, at: res.steps[s.Parent()]}
			if o.at == nil {
				continue
			}
			chosen := c.chosenArgs(o, f, tainted[s], hc.args)
			if len(chosen) == 0 || (found && len(free(c, f, res, s, chosen, hc.args)) == 0) {
				continue
			}
			for ; i >= 0; i-- {
				var call ssa.Instruction = h.site
				if i > 0 {
					call = chain[i-1].point()
				}
				o.tail = append(o.tail, report.Frame{Function: chain[i].fn.String(), Position: c.pos.of(call.Pos())})
			}
			if len(free(c, f, res, s, chosen, hc.args)) > 0 {
				return o, true
			}
			confined, found = o, true
		}
	}
	return confined, false
}

// free returns the arguments among chosen that no check confines.
func free(c *checker, f *flow, res *reached, site ssa.CallInstruction, chosen []int, sens []rules.Sensitive) []int {
	out, _ := c.splitConfined(f, res, site, chosen, sens)
	return out
}

// hostChoice returns the host parameters of the dependency's functions
// that a hit shown at the module's call into them (chosenThroughDependency)
// decides, or nil.
func (c *checker) hostChoice(h hit) []rules.Sensitive {
	if len(h.tail) == 0 {
		return nil
	}
	var out []rules.Sensitive
	for _, hc := range c.hostCalls(h.site) {
		out = append(out, hc.args...)
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

package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// writeOfRead pairs each read capability with the write of the same kind
// of resource. Files are left out: a file read whose content goes
// elsewhere than the model (an upload sends it over the network) is the
// point of the tool, not a step of a write.
var writeOfRead = map[string]string{
	"cloud-read": "cloud-write",
	"db-read":    "db-write",
}

// foldReads drops the reads that are only steps of a tool's write: a tool
// that writes through a service (a Kubernetes client, gorm, go-github) and
// reads through the same one on the way (the commit a push starts from,
// the pod a delete looks up) without any of what it read reaching the
// result the model sees. What the model can read is what comes back to
// it; the write already says the tool reaches that service. A read whose
// data does reach the model (a scale that reports the current replicas, a
// delete that returns the record) stays, and so does a read through
// another service than the writes' (a search in one database next to a
// rate limiter's counter in Redis).
func (c *checker) foldReads(e entry, res *reached, caps []report.Capability) []report.Capability {
	writes := map[[2]string]bool{} // (write capability, service)
	both := map[[2]string]bool{}   // (write capability, sink)
	for _, cp := range caps {
		writes[[2]string{cp.Capability, c.service(cp.Sink)}] = true
		both[[2]string{cp.Capability, cp.Sink}] = true
	}
	// One call that both reads and writes (a query whose statement the
	// model writes): its read is no step of another call.
	sameCall := func(cp report.Capability) bool { return both[[2]string{writeOfRead[cp.Capability], cp.Sink}] }
	fold := map[[2]string]bool{} // (read capability, service)
	for _, cp := range caps {
		key := [2]string{cp.Capability, c.service(cp.Sink)}
		write, ok := writeOfRead[cp.Capability]
		if !ok || fold[key] || !writes[[2]string{write, key[1]}] {
			continue
		}
		if sameCall(cp) {
			continue
		}
		if !c.readReachesModel(e, res, key[0], key[1]) {
			fold[key] = true
		}
	}
	if len(fold) == 0 {
		return caps
	}
	out := caps[:0]
	for _, cp := range caps {
		if !fold[[2]string{cp.Capability, c.service(cp.Sink)}] || sameCall(cp) {
			out = append(out, cp)
		}
	}
	return out
}

// service names the client a sink belongs to: the catalog's opaque prefix
// its package lies under (k8s.io/client-go, gorm.io/gorm), or else its
// package.
func (c *checker) service(sym string) string {
	pkg := symbolPackage(sym)
	n := rules.Normalize(pkg)
	best := ""
	for _, prefix := range c.cat.Opaque {
		if (n == prefix || strings.HasPrefix(n, prefix+"/")) && (best == "" || len(prefix) < len(best)) {
			best = prefix
		}
	}
	if best == "" {
		return pkg
	}
	return best
}

// symbolPackage returns the package path of a symbol spelled as the
// catalog does: os.Open, (*gorm.io/gorm.DB).First,
// (k8s.io/client-go/dynamic.ResourceInterface).Get.
func symbolPackage(sym string) string {
	if strings.HasPrefix(sym, "(") {
		if end := strings.Index(sym, ")"); end > 0 {
			sym = strings.TrimPrefix(sym[1:end], "*")
		}
	}
	slash := strings.LastIndex(sym, "/")
	if dot := strings.Index(sym[slash+1:], "."); dot >= 0 {
		return sym[:slash+1+dot]
	}
	return sym
}

// readReachesModel reports whether data from any call of the tool that
// reads with the given capability through the given service (a catalogued
// sink, or a call into a dependency whose summary reads) reaches the
// tool's result.
func (c *checker) readReachesModel(e entry, res *reached, capability, service string) bool {
	var sites []ssa.CallInstruction
	c.eachSite(res, func(site ssa.CallInstruction) {
		if c.readsWith(site, capability, service) {
			sites = append(sites, site)
		}
	})
	if len(sites) == 0 {
		// The read is one the scan cannot place (a library tool's):
		// keep it.
		return true
	}
	return c.reachesModel(e, res, sites)
}

// reachesModel reports whether anything of what the calls at sites return
// (or fill through pointers) reaches the tool's result, in any form (a
// count of the lines of a log is something of the log), but through a
// sink: what a write answers is not what it was sent.
func (c *checker) reachesModel(e entry, res *reached, sites []ssa.CallInstruction) bool {
	funcs := c.funcSet(res)
	f := newFlow(c.cat, c.rc, funcs, res.feeds)
	f.numbers = labelMask("db")
	f.stopAtSinks = true
	f.implementations = true
	f.authUsesData = true
	for _, site := range sites {
		seedData(f, site)
	}
	f.run(moduleOrder(res, funcs))
	o, _ := c.resultTaint(f, e)
	return o != nil
}

// reachesAction reports whether what the call at site returns (or fills)
// goes into a call that acts (a catalogued sink, or a call into a
// dependency whose summary or entered code reaches one): as an argument
// other than the receiver, and as what the receiver holds (a client
// configured with it, which is not sent it). What goes into the settings
// a client authenticates with (a CA bundle, a key pair, an OAuth2 client's
// configuration) configures the calls made with them, whichever argument
// of a call takes them (a dialer's options): it counts as held, not as
// given.
func (c *checker) reachesAction(res *reached, site ssa.CallInstruction) (arg, recv bool) {
	funcs := c.funcSet(res)
	f := newFlow(c.cat, c.rc, funcs, res.feeds)
	f.numbers = labelMask("db")
	f.stopAtSinks = true
	f.throughDependencies = true
	f.dependency = c.isDependency
	f.clientsKeepCredentials = true
	f.authUsesData = true
	seedData(f, site)
	f.run(moduleOrder(res, funcs))
	recv = f.authSet
	// The dependency functions that lead to a sink the tool reaches
	// (ssh.Dial, in code the scan enters, dials).
	leads := map[*ssa.Function]bool{}
	for _, h := range res.hits {
		for st := h.at; st != nil; st = st.prev {
			if !c.inModule(st.fn) {
				leads[st.fn] = true
			}
		}
	}
	c.eachSite(res, func(s ssa.CallInstruction) {
		if arg || s == site || !c.acts(s, leads) {
			return
		}
		for i, a := range callArgs(s.Common()) {
			if o := f.deep(a); o == nil || o.mask == 0 {
				continue
			}
			if i == 0 && hasReceiver(s.Common()) {
				recv = true
			} else {
				arg = true
			}
		}
	})
	return arg, recv
}

// acts reports whether a call site is a sink, or calls into a dependency
// whose summary reaches one or whose code the scan entered leads to one.
func (c *checker) acts(site ssa.CallInstruction, leads map[*ssa.Function]bool) bool {
	if len(c.rc.sinksAt(site)) > 0 {
		return true
	}
	if callee := site.Common().StaticCallee(); callee != nil && leads[callee] {
		return true
	}
	if c.rc.summaries == nil {
		return false
	}
	sym, _, ok := c.rc.opaqueCall(site)
	return ok && len(c.rc.summaries.Of(sym)) > 0
}

// readsWith reports whether a call site reads with a capability through
// a service, itself or through the summary of the dependency it calls.
func (c *checker) readsWith(site ssa.CallInstruction, capability, service string) bool {
	for _, h := range c.rc.sinksAt(site) {
		if h.capability == capability && !h.config && c.service(h.sink) == service {
			return true
		}
	}
	if c.rc.summaries == nil {
		return false
	}
	sym, _, ok := c.rc.opaqueCall(site)
	if !ok {
		return false
	}
	for _, r := range c.rc.summaries.Of(sym) {
		if r.Capability == capability && c.service(r.Sink) == service {
			return true
		}
	}
	return false
}

// seedData marks the data a read returns: its first result (go-github's
// repository, not the *Response beside it, whose status an error message
// may carry), and what it fills through pointers (gorm's db.Find(&rows)).
func seedData(f *flow, site ssa.CallInstruction) {
	seedCall(f, site, &origin{mask: labelMask("db"), pos: site.Pos(), what: "reads"}, true)
}

// seedCall marks what a call returns (only its first result, when
// firstOnly and it returns several) and what it fills through local
// pointers handed to it as coming from o.
func seedCall(f *flow, site ssa.CallInstruction, o *origin, firstOnly bool) {
	if v := callValue(site); v != nil {
		if _, ok := v.Type().(*types.Tuple); ok && firstOnly {
			for _, r := range *v.Referrers() {
				if x, ok := r.(*ssa.Extract); ok && x.Index == 0 {
					f.setVal(x, &origin{mask: o.mask, pos: o.pos, what: o.what, at: x})
				}
			}
		} else {
			o.at = v
			f.setVal(v, o)
		}
	}
	for _, a := range callArgs(site.Common()) {
		if isLocalPointer(a) {
			f.setCell(cell{baseOf(a), "*"}, o)
		}
	}
}

// inModule reports whether fn is the main module's code (or a closure in
// it), not a dependency's that the scan enters.
func (c *checker) inModule(fn *ssa.Function) bool {
	return c.module == nil || c.module[fn] || (fn.Parent() != nil && c.module[fn.Parent()])
}

// settingReads are the capabilities through which a program reads its
// settings: the environment and files. A database or an API that a tool
// queries without showing the model the answer is still a service it
// talks to.
var settingReads = map[string]bool{"env": true, "fs-read": true}

// configuration reports whether a read is the program's own configuration
// rather than a capability of the tool: what the model can read is what it
// chooses to read or what comes back to it.
//
// In the application's code that is a setting read by a constant name
// (os.Getenv("LOG_LEVEL"), a settings file at a fixed path). A
// dependency's reads are its own configuration whatever names them (the
// certificate files a client's configuration lists, Helm's
// HELM_CONFIG_HOME, a registry's credentials file), whether the scan
// enters its code or a summary says what it reaches. Either is the tool's
// capability after all where the model chooses what is read, or where
// anything of what was read reaches the model: a tool that hands the model
// $USER, a token or a count of a log's errors has it. For a read in a
// dependency, both are asked of the application's call that leads into it
// (settings.Var(name) with the model's name), except for a read by a
// constant name in code the scan entered, which is asked of the read.
//
// The application's other reads stay: whether their data reaches the model
// through a length, a comparison or an interface the flow does not follow
// is not a question the flow answers well enough to drop them on.
func (c *checker) configuration(e entry, res *reached, h hit, chosen bool, tainted map[ssa.CallInstruction][]int) bool {
	if !settingReads[h.capability] || chosen {
		return false
	}
	site := h.site
	switch {
	case !c.inModule(site.Parent()) && h.config && h.tail == nil:
		// A setting a dependency reads by a name of its own, in code
		// the scan entered: the model cannot choose it whatever goes
		// into the call, so only the value itself reaching the model
		// makes it the tool's (the flow runs through the entered code).
	case !c.inModule(site.Parent()):
		if site = c.boundary(h.at); site == nil {
			return false // a library tool's own code: nothing to ask
		}
	case h.tail != nil:
		// A summary's read: the call into the dependency is the site.
	case !h.config:
		// A file the application reads at a path the model has no
		// part in, the configuration's, to configure a client (the CA
		// bundle of its TLS: it ends up in what a call that acts is
		// made on): a setting, as one at a constant path is. Not when
		// it is also what such a call is given (a private key an SSH
		// dial authenticates with, a file uploaded), nor when it is put
		// to any other use (a settings file reloaded, notes counted).
		if h.capability != "fs-read" || len(tainted[h.site]) > 0 {
			return false
		}
		if arg, recv := c.reachesAction(res, h.site); arg || !recv {
			return false
		}
	}
	if site != h.site || h.tail != nil {
		if len(tainted[site]) > 0 {
			return false // the model's data goes into the call that reads
		}
	}
	key := settingRead{res, site}
	seen, ok := c.settingSeen[key]
	if !ok {
		seen = c.reachesModel(e, res, []ssa.CallInstruction{site})
		if c.settingSeen == nil {
			c.settingSeen = map[settingRead]bool{}
		}
		c.settingSeen[key] = seen
	}
	return !seen
}

// settingRead is a tool's call that leads to a read of a setting.
type settingRead struct {
	res  *reached
	site ssa.CallInstruction
}

// boundary returns the application's call on a witness path that leads
// into the dependency code at s, or nil when the path never leaves it.
func (c *checker) boundary(s *step) ssa.CallInstruction {
	for ; s != nil && s.prev != nil; s = s.prev {
		if c.inModule(s.prev.fn) {
			return s.site
		}
	}
	return nil
}

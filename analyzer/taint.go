package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file is the data-flow engine behind the untrusted-input rules. It is
// interprocedural over the functions a tool reaches, flow-insensitive, and
// deliberately simple:
//
//   - a value is tainted when any operand it is computed from is (string
//     building with + and conversions included), except comparisons, whose
//     booleans carry no data;
//   - memory is modelled as cells: (base object, field), where the base is
//     the allocation, parameter or call result a pointer is derived from.
//     A store into a field taints that cell and the object as a whole; a
//     pointer derived from a tainted pointer is tainted (everything reachable
//     from a model-controlled request is model-controlled); a struct copied
//     whole (cp := *config) is one object with its original, field by field;
//   - a call into analysed code passes taint to the parameters, links
//     pointer arguments to the parameters' objects both ways, and returns
//     the taint of the callee's results: of a pointer, its own taint, with
//     the object it points to linked to the value that takes it (each
//     result of a tuple apart, and a phi joining pointers one object), so
//     that what a constructor stores in one field is read from that field
//     only;
//   - a call into opaque code follows a summary: the result carries the
//     taint of all arguments (fmt.Sprintf, strings.Join, filepath.Join,
//     http.NewRequest...), and a pointer to a local variable handed over, or
//     the receiver of a pointer method, receives it too (json.Unmarshal(b,
//     &v), rows.Scan(&x), (*strings.Builder).WriteString). Sanitizers listed
//     in the catalog clear the kinds they make safe. Callbacks handed over
//     receive the taint of the other arguments (filepath.WalkDir's path).
//
// Taint is a bit mask: for model → action flows, two bits per sensitive
// kind (command, sql, url, path, payment, recipient), which sanitizers
// clear one by one; for outside → model flows, one bit per source label
// (secret, file, db, web, email, user).
//
// The two bits of a kind say where the value stands. The model's input is
// raw: at a sensitive argument of that kind it is an injection, reported
// there. An opaque call that declares sensitive arguments of a kind builds
// a value of that kind (http.NewRequest builds a request's URL, gorm's
// Where a statement's SQL): its result carries the kind as built, from
// those arguments only. A request whose body is the model's text, sent to
// a fixed URL, carries no url bit; one built with the model's URL carries
// the built bit, so the (*http.Client).Do that sends it is chosen by the
// model, while the injection stays reported once, at http.NewRequest.

// mask is a set of taint bits.
type mask uint16

// origin is how a value came to be tainted: the step before it, so that a
// finding can show the flow from its source.
type origin struct {
	mask mask
	at   ssa.Value // the tainted value, nil for a cell
	pos  token.Pos
	what string // a short description of the step
	prev *origin
}

// cell is a place in memory: a field of an object, "[]" for the elements of
// a slice, map or channel, "[=k]" for a map's entry under the constant key
// k, and "*" for the object as a whole.
type cell struct {
	base  ssa.Value
	field string
}

// flow is one run of the engine over a set of functions.
type flow struct {
	cat *rules.Catalog
	rc  *reacher
	// funcs are the functions the run covers; calls into other functions
	// follow the opaque summary.
	funcs map[*ssa.Function]bool
	// inScope tells whether data flows through a call site in this run:
	// in a dispatching handler, only the tool's own case and the code on
	// the way into it (see reached.feeds); nil for every site.
	inScope func(ssa.CallInstruction) bool
	// sanitize applies the catalog's sanitizers (model → action runs).
	sanitize bool
	// outside says the seeds are outside data (source labels), which the
	// labels of the catalog's sanitizers clear.
	outside bool
	// hostEnders memoises endsHost.
	hostEnders map[ssa.Value]bool
	// numbers is the part of the mask a number or boolean can carry: a
	// model-chosen number can still be an amount (payment), but it cannot
	// carry a shell, SQL, URL or path payload, nor the content of a page
	// or a file.
	numbers mask
	// stopAtReads ends a flow at a read's result: rows fetched by a
	// model-chosen key, or a page at a model-chosen URL, are the data's,
	// not the model's (BR103/BR104 report the choice itself).
	stopAtReads bool
	// selections says that the names and numbers of the model's that a
	// call returning an object is handed do not make that object the
	// model's: what a wrapper looks up or builds for the target the
	// request names (a cluster's client, its configuration) is the
	// server's, chosen by the model, not the model's data. Set where the
	// flow decides which of a bundle's fields carry the request
	// (bundle.go).
	selections bool
	// stopAtSinks ends a flow at every sink's result, and at the result of
	// every call that continues a sink's operation: what a write, a query
	// or a request returns is the other side's answer, not what was sent
	// (a delete by an ID that a lookup found answers with a status).
	stopAtSinks bool
	// throughDependencies passes data through the calls into a
	// dependency's code that the scan entered, as through opaque calls.
	throughDependencies bool
	// next maps the calls in a tool's wrappers that run the next layer
	// to what they run for this tool (discovery.Layer.Next): an adapter's
	// interface call runs this tool's value's method, or its function.
	next map[ssa.CallInstruction][]*ssa.Function
	// decodersOnly narrows throughDependencies: a call into entered code
	// fills only what it is handed as any value (a decoder's v any), not
	// a pointer it is handed as a typed value (a record it indexes).
	decodersOnly bool
	// dependency, when set, says which packages are a dependency's (not
	// the module's, not the standard library's): for
	// throughDependencies and clientsKeepCredentials.
	dependency func(pkg string) bool
	// clientsKeepCredentials says that what a method of a dependency's
	// client returns is not what the client holds: the credential it was
	// built with is used, not returned. Needs dependency.
	clientsKeepCredentials bool
	// content gives, per command call and argument, the model's text in
	// a file that the argument names (contentfiles.go): only that call
	// reads it.
	content map[ssa.CallInstruction]map[int]*origin
	// authUsesData says that what goes into a connection's TLS settings
	// (trust roots read from a CA file, a client's key pair) is used by
	// the connection, never sent or given back by it: values of those
	// types (isAuthSetting) carry nothing. authSet records that something
	// went there.
	authUsesData bool
	authSet      bool
	// implementations follows a call through an interface that the call
	// graph gives no callee (a service that a dependency-injection
	// container built by reflection) into the application's
	// implementations of the method, as the reachability does
	// (reacher.callees): what such a repository reads can then come back
	// to the model. The model → action flows leave such a call opaque:
	// every implementation of a wide interface (each retriever engine of
	// a search service) would take the model's input into code that the
	// configuration never runs.
	implementations bool

	vals map[ssa.Value]*origin
	// cells maps an object (its representative, see find) to its cells
	// by field.
	cells map[ssa.Value]map[string]*origin
	// objects maps an object (its representative) to the union of all
	// its cells.
	objects map[ssa.Value]*origin
	// results holds, per function, the taint of each of its results.
	results map[*ssa.Function][]*origin
	// parent links the objects that calls make one (a pointer argument and
	// its parameter, a captured variable and its binding, a returned
	// pointer and the call's result) into sets, union-find style: what is
	// stored through one is seen through all, so a set shares one
	// representative's cells. A base that is its own representative has
	// no entry.
	parent map[ssa.Value]ssa.Value
	size   map[ssa.Value]int
	// bundles are the objects (representatives) that hold a handler's
	// bundle of parameters, whose request is kept apart from the rest
	// (bundle.go).
	bundles map[ssa.Value]bool
	// chans holds, per struct field, the first channel stored in or
	// loaded from it (fieldChannel).
	chans   map[*types.Var]ssa.Value
	changed bool
	// scripts are the arrays of the run's functions that hold an argv
	// running a shell's script (see shellScript); computed on first use.
	scripts map[ssa.Value]bool
	// contextValues holds what context.WithValue stored, by key (see
	// contextvalues.go).
	contextValues map[string]*origin
	// callees memoises targets by call site: every round of run asks
	// again, and the answer depends only on the site and funcs. Flows
	// over the same funcs may share it (promptFlows' five runs).
	callees map[ssa.CallInstruction]siteTargets
	// quoted memoises quoting: the parameter a function returns quoted,
	// or -1.
	quoted map[*ssa.Function]int
	// notInputs memoises the catalog's notinput fields by struct type.
	notInputs map[types.Type]map[string]bool
}

// siteTargets is what targets returns for a call site.
type siteTargets struct {
	analysed []*ssa.Function
	opaque   []string
	// entered: every opaque target is code the scan entered, passed
	// through (throughDependencies), none a catalogued package's.
	entered bool
}

func newFlow(cat *rules.Catalog, rc *reacher, funcs map[*ssa.Function]bool, inScope func(ssa.CallInstruction) bool) *flow {
	return &flow{
		cat: cat, rc: rc, funcs: funcs, inScope: inScope,
		vals:    map[ssa.Value]*origin{},
		cells:   map[ssa.Value]map[string]*origin{},
		objects: map[ssa.Value]*origin{},
		results: map[*ssa.Function][]*origin{},
		parent:  map[ssa.Value]ssa.Value{},
		size:    map[ssa.Value]int{},
		callees: map[ssa.CallInstruction]siteTargets{},
	}
}

// maxFlowRounds bounds the fixpoint; every round only adds taint bits, so
// it converges long before on real code.
const maxFlowRounds = 40

// seed taints v with the given bits as a source.
func (f *flow) seed(v ssa.Value, m mask, what string) {
	if v == nil || m == 0 {
		return
	}
	f.setVal(v, &origin{mask: m, at: v, pos: valuePos(v), what: what})
}

// run propagates taint to a fixpoint over the run's functions, in a fixed
// order so that the recorded origins are deterministic.
func (f *flow) run(order []*ssa.Function) {
	for round := 0; round < maxFlowRounds; round++ {
		f.changed = false
		for _, fn := range order {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					f.step(fn, instr)
				}
			}
		}
		if !f.changed {
			return
		}
	}
}

// resolveAll finds the targets of every call that run(order) steps over,
// so that flows sharing f.callees only read it while they run side by side.
// It visits every block, as run does: symbol.CallSites skips the blocks a
// constant condition never takes, and a site missed here would be written
// to the shared map by two runs at once.
func (f *flow) resolveAll(order []*ssa.Function) {
	for _, fn := range order {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if site, ok := instr.(ssa.CallInstruction); ok {
					f.targets(fn, site)
				}
			}
		}
	}
}

// taint returns what is known about v: its own taint.
func (f *flow) taint(v ssa.Value) *origin {
	if v == nil {
		return nil
	}
	if _, ok := v.(*ssa.Const); ok {
		return nil // constants never taint
	}
	return f.vals[v]
}

// deep returns the taint of v and of everything stored in the object it
// points to: what a callee receiving v can read.
// argument returns the taint of argument i of a call: its own, or the
// model's text in a file that it names to a command. Of an append that
// adds variables to a command's environment, only the names count
// (environ.go).
func (f *flow) argument(site ssa.CallInstruction, args []ssa.Value, i int) *origin {
	if f.rc != nil && f.rc.channels[site] == envField {
		return f.envNames(args, i)
	}
	if o := f.deep(args[i]); o != nil && o.mask != 0 {
		return o
	}
	return f.content[site][i]
}

func (f *flow) deep(v ssa.Value) *origin {
	if _, ok := v.(*ssa.Const); ok {
		// A constant (a nil returned on an error path) holds nothing,
		// whatever a phi joining it with an object linked it to.
		return nil
	}
	if v != nil && isContext(v.Type()) {
		// Nothing of a context itself (see setVal), even one that is a
		// bundle holding the request (bundle.go).
		return nil
	}
	return join(f.taint(v), f.object(baseOf(v)))
}

// find returns the representative of the set of objects base belongs to.
func (f *flow) find(base ssa.Value) ssa.Value {
	root := base
	for {
		p, ok := f.parent[root]
		if !ok {
			break
		}
		root = p
	}
	for base != root { // path compression
		next := f.parent[base]
		f.parent[base] = root
		base = next
	}
	return root
}

// cellTaint is what is stored in one cell.
func (f *flow) cellTaint(c cell) *origin {
	if c.base == nil {
		return nil
	}
	return f.cells[f.find(c.base)][c.field]
}

// mapKeys is the cell of a map's object that holds what its keys carry,
// apart from its values: a model-chosen key selects a value, it does not
// make the value the model's (see the Lookup).
const mapKeys = "[key]"

// rangedMap returns the map that a range loop's next step reads, or nil.
func rangedMap(tuple ssa.Value) ssa.Value {
	nx, ok := tuple.(*ssa.Next)
	if !ok || nx.IsString {
		return nil
	}
	r, ok := nx.Iter.(*ssa.Range)
	if !ok {
		return nil
	}
	return r.X
}

// mapValues is what base's object holds but its keys: what a value looked
// up or ranged over in a map may carry.
func (f *flow) mapValues(base ssa.Value) *origin {
	if base == nil {
		return nil
	}
	cells := f.cells[f.find(base)]
	if cells[mapKeys] == nil {
		return f.object(base)
	}
	names := make([]string, 0, len(cells))
	for k := range cells {
		if k != mapKeys {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out *origin
	for _, k := range names {
		out = join(out, cells[k])
	}
	return out
}

// object is the union of what is stored anywhere in base's object.
func (f *flow) object(base ssa.Value) *origin {
	if base == nil {
		return nil
	}
	return f.objects[f.find(base)]
}

// join merges two origins: the union of their bits, keeping the first as
// the recorded path.
func join(a, b *origin) *origin {
	switch {
	case a == nil:
		return b
	case b == nil || b.mask&^a.mask == 0:
		return a
	}
	c := *a
	c.mask |= b.mask
	return &c
}

// setVal adds o's bits to v, recording o as the step v came from.
func (f *flow) setVal(v ssa.Value, o *origin) {
	if v == nil || o == nil || o.mask == 0 {
		return
	}
	if _, ok := v.(*ssa.Const); ok {
		return
	}
	if isContext(v.Type()) {
		// A context carries a deadline and a cancellation, not data:
		// its values go by key (contextvalues.go). A timeout read from
		// the environment does not make every answer fetched under it
		// the environment's.
		return
	}
	if f.authUsesData && isAuthSetting(v.Type()) {
		f.authSet = true
		return
	}
	if isError(v.Type()) {
		// An error names what failed (a path, a status), not the data
		// that was read; and it is not where the model's input goes.
		return
	}
	if isScalar(v.Type()) && o.mask&^f.numbers != 0 && !isCharacter(v) {
		if o.mask&f.numbers == 0 {
			return
		}
		c := *o
		c.mask &= f.numbers
		o = &c
	}
	old := f.vals[v]
	if old != nil && o.mask&^old.mask == 0 {
		return
	}

	n := &origin{mask: o.mask, at: v, pos: valuePos(v), prev: o}
	if o.at == v {
		n = o
	}
	if old != nil {
		n = &origin{mask: old.mask | o.mask, at: old.at, pos: old.pos, what: old.what, prev: old.prev}
	}
	f.vals[v] = n
	f.changed = true
}

// flowInto taints dst from the given operands.
func (f *flow) flowInto(dst ssa.Value, srcs ...*origin) {
	var o *origin
	for _, s := range srcs {
		o = join(o, s)
	}
	f.setVal(dst, o)
}

// setCell taints one cell of an object and the object as a whole (and so
// the objects linked to it, which share its cells).
func (f *flow) setCell(c cell, o *origin) {
	if o == nil || o.mask == 0 || c.base == nil {
		return
	}
	if f.authUsesData && isAuthSetting(c.base.Type()) {
		f.authSet = true // a CertPool filled from a PEM file
		return
	}
	f.addCell(f.find(c.base), c.field, o)
}

// addCell adds o to a representative's cell and to its object.
func (f *flow) addCell(rep ssa.Value, field string, o *origin) {
	cells := f.cells[rep]
	if cells == nil {
		cells = map[string]*origin{}
		f.cells[rep] = cells
	}
	if old := cells[field]; old == nil || o.mask&^old.mask != 0 {
		cells[field] = join(old, o)
		f.changed = true
	}
	if old := f.objects[rep]; old == nil || o.mask&^old.mask != 0 {
		f.objects[rep] = join(old, o)
		f.changed = true
	}
}

// link makes two objects one: what is stored through either is seen
// through both. The smaller set's cells move into the larger's, field by
// field in order, so that the recorded origins do not depend on map order.
func (f *flow) link(a, b ssa.Value) {
	a, b = baseOf(a), baseOf(b)
	if a == nil || b == nil {
		return
	}
	ra, rb := f.find(a), f.find(b)
	if ra == rb {
		return
	}
	if f.size[ra] < f.size[rb] {
		ra, rb = rb, ra
	}
	f.parent[rb] = ra
	f.size[ra] += f.size[rb] + 1
	delete(f.size, rb)
	if f.bundles[rb] {
		f.markBundle(ra)
		delete(f.bundles, rb)
	}
	f.changed = true
	moved := f.cells[rb]
	delete(f.cells, rb)
	delete(f.objects, rb)
	fields := make([]string, 0, len(moved))
	for k := range moved {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	for _, k := range fields {
		f.addCell(ra, k, moved[k])
	}
}

// fieldChannel makes a channel stored in or loaded from a struct field one
// with every other channel of that field. A worker started once takes its
// jobs from the queue in a field (`for j := range s.jobs`) while a tool
// sends on it through another pointer to the object (`s.jobs <- j`); no
// call connects the two, so the channel is known by its field, as VTA
// knows a field's values.
func (f *flow) fieldChannel(v ssa.Value, field *types.Var) {
	if field == nil {
		return
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return
	}
	if f.chans == nil {
		f.chans = map[*types.Var]ssa.Value{}
	}
	if first, ok := f.chans[field]; ok {
		f.link(first, v)
		return
	}
	f.chans[field] = v
}

// baseOf returns the object a pointer is derived from: through field and
// element addresses, slicing and conversions.
func baseOf(v ssa.Value) ssa.Value {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.TypeAssert:
			// The pointer an interface holds, asserted back.
			v = x.X
		case *ssa.Extract:
			ta, ok := x.Tuple.(*ssa.TypeAssert)
			if !ok || x.Index != 0 {
				return v
			}
			v = ta.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// cellOf is the cell an address denotes.
func cellOf(addr ssa.Value) cell {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		return cell{baseOf(a.X), fieldName(a.X.Type(), a.Field)}
	case *ssa.IndexAddr:
		return cell{baseOf(a.X), "[]"}
	}
	return cell{baseOf(addr), "*"}
}

// step applies one instruction.
func (f *flow) step(fn *ssa.Function, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.BinOp:
		switch in.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return
		}
		if q := shellQuoted(in); q != nil && f.sanitize && !f.shellScript(q) && !evaluatedQuote(in) {
			// One shell word: the quoted text brings no command.
			f.flowInto(in, f.taint(in.X.(*ssa.BinOp).X), without(f.taint(q), "command"))
			return
		}
		y := f.taint(in.Y)
		if y != nil && f.sanitize && in.Op == token.ADD && isStringLike(in.Type()) && (f.endsHost(in.X) || f.endsHostBefore(in.X, in.Y, in.Block())) {
			// Text after a URL's host cannot change where it goes (urlhost.go).
			y = without(y, "url")
		}
		f.flowInto(in, f.taint(in.X), y)
	case *ssa.UnOp:
		switch in.Op {
		case token.MUL:
			if a, ok := in.X.(*ssa.FieldAddr); ok && f.notInput(a.X, a.Field) {
				return
			}
			c := cellOf(in.X)
			if a, ok := in.X.(*ssa.FieldAddr); ok && f.hiddenFromJSON(a.X.Type(), a.Field) {
				f.flowInto(in, f.cellTaint(c))
				return
			}
			f.flowInto(in, f.taint(in.X), f.cellTaint(c), f.cellTaint(cell{c.base, "*"}))
			if a, ok := in.X.(*ssa.FieldAddr); ok {
				f.fieldChannel(in, symbol.Field(a.X.Type(), a.Field))
			}
			if _, isStruct := in.Type().Underlying().(*types.Struct); isStruct && c.field == "*" {
				// A struct variable loaded whole is the variable's
				// object, field by field: a field selected from it
				// later is that field, not all of them. A bundle's
				// client is not its request (bundle.go), and a copy
				// given one model-chosen field (cp := cfg; cp.Region
				// = region; fetch(cp)) does not make its other fields
				// (cp.BaseURL) the model's.
				f.link(in, c.base)
			} else if isAggregate(in.Type()) {
				f.flowInto(in, f.object(c.base))
			} else if c.field == "*" && sharesElements(in.Type()) {
				// A slice or map loaded from a variable is the one
				// stored there: an element set through it (a closure's
				// lines[i] = line on a captured variable) is an element
				// of what the variable holds.
				f.link(in, c.base)
			}
		case token.ARROW:
			f.flowInto(in, f.taint(in.X), f.cellTaint(cell{baseOf(in.X), "[]"}))
		case token.NOT:
			return
		default:
			f.flowInto(in, f.taint(in.X))
		}
	case *ssa.Convert:
		f.flowInto(in, f.taint(in.X))
	case *ssa.ChangeType:
		f.flowInto(in, f.taint(in.X))
	case *ssa.MakeInterface:
		f.flowInto(in, f.taint(in.X))
	case *ssa.ChangeInterface:
		f.flowInto(in, f.taint(in.X))
	case *ssa.TypeAssert:
		f.flowInto(in, f.taint(in.X))
	case *ssa.Extract:
		if m := rangedMap(in.Tuple); m != nil {
			// Ranging over a map: the key is what the keys stored
			// carry, the value what the values do. A map filled
			// under the model's names (picked[name] = client) gives
			// the model's names back as keys, and the program's
			// clients as values.
			switch in.Index {
			case 1:
				f.flowInto(in, f.taint(m), f.cellTaint(cell{baseOf(m), mapKeys}))
			case 2:
				f.flowInto(in, f.taint(m), f.mapValues(baseOf(m)))
			}
			return
		}
		// The error of a call that read tainted data does not carry the
		// data (os.ReadFile's error names the file, not its contents).
		if !isError(in.Type()) {
			f.flowInto(in, f.taint(in.Tuple))
		}
	case *ssa.Field:
		if f.notInput(in.X, in.Field) {
			return
		}
		if f.hiddenFromJSON(in.X.Type(), in.Field) {
			f.flowInto(in, f.cellTaint(cell{baseOf(in.X), fieldName(in.X.Type(), in.Field)}))
			return
		}
		// A field of a struct value: the value's taint, or what its
		// object holds in that field or was stored in it whole (a
		// struct variable loaded whole, a bundle's request, bundle.go).
		base := baseOf(in.X)
		f.flowInto(in, f.taint(in.X), f.cellTaint(cell{base, fieldName(in.X.Type(), in.Field)}), f.cellTaint(cell{base, "*"}))
		f.fieldChannel(in, symbol.Field(in.X.Type(), in.Field))
	case *ssa.FieldAddr:
		if f.notInput(in.X, in.Field) || f.hiddenFromJSON(in.X.Type(), in.Field) {
			return
		}
		f.flowInto(in, f.taint(in.X))
	case *ssa.IndexAddr:
		f.flowInto(in, f.taint(in.X))
	case *ssa.Index:
		f.flowInto(in, f.taint(in.X))
	case *ssa.Slice:
		f.flowInto(in, f.deep(in.X))
	case *ssa.SliceToArrayPointer:
		f.flowInto(in, f.deep(in.X))
	case *ssa.Lookup:
		// The looked-up value comes from the map, not from the key: a
		// model-chosen key selects among the map's own values (an
		// allowlist), so the key's taint does not pass.
		//
		// A constant key reads its own entry and those stored under keys
		// that are not constants (m["request_id"] is not the query that
		// m["query"] holds); any other key may read any entry.
		base := baseOf(in.X)
		if k, ok := mapKey(in.Index); ok {
			f.flowInto(in, f.taint(in.X), f.cellTaint(cell{base, k}), f.cellTaint(cell{base, "[]"}), f.cellTaint(cell{base, "*"}))
		} else {
			f.flowInto(in, f.taint(in.X), f.mapValues(base))
		}
	case *ssa.Range:
		f.flowInto(in, f.deep(in.X))
	case *ssa.Next:
		f.flowInto(in, f.taint(in.Iter))
	case *ssa.Phi:
		for _, e := range in.Edges {
			f.flowInto(in, f.taint(e))
			if !isBasic(in.Type()) {
				// One of the objects: a pointer returned by a
				// constructor is its object, field by field (see the
				// Return case), whichever branch it came through.
				f.link(in, e)
			}
		}
	case *ssa.Store:
		if ld, ok := in.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && isAggregate(ld.Type()) && cellOf(in.Addr).field == "*" {
			// A struct copied whole (cp := *config): each field of the
			// copy is that field of the original, not all of them.
			f.setCell(cellOf(in.Addr), f.taint(ld.X))
			f.link(in.Addr, ld.X)
			return
		}
		if v := f.bundleValue(in.Val); v != nil {
			// A bundle stored (a parameter whose address the
			// function takes, a bundle kept in a field or as an
			// interface) keeps what it holds field by field: its
			// client selected later is not its request (bundle.go).
			f.setCell(cellOf(in.Addr), f.taint(in.Val))
			f.link(in.Addr, v)
			return
		}
		if _, isStruct := in.Val.Type().Underlying().(*types.Struct); isStruct && cellOf(in.Addr).field == "*" {
			// A struct value stored whole (a parameter spilled to a
			// variable): the variable's fields are the value's.
			f.setCell(cellOf(in.Addr), f.taint(in.Val))
			f.link(in.Addr, in.Val)
			return
		}
		if f.sanitize && urlPartField(in.Addr) {
			// A URL's path, query or fragment: not its host (urlhost.go).
			f.setCell(cellOf(in.Addr), without(f.taint(in.Val), "url"))
			return
		}
		f.setCell(cellOf(in.Addr), f.taint(in.Val))
		if a, ok := in.Addr.(*ssa.FieldAddr); ok {
			f.fieldChannel(in.Val, symbol.Field(a.X.Type(), a.Field))
		}
		if cellOf(in.Addr).field == "*" && sharesElements(in.Val.Type()) {
			// The variable holds the slice or map: see the load.
			f.link(in.Addr, in.Val)
		}
		if !isBasic(in.Val.Type()) {
			// Storing a pointer: its object becomes reachable from here.
			f.setCell(cellOf(in.Addr), f.object(baseOf(in.Val)))
		}
	case *ssa.MapUpdate:
		if k, ok := mapKey(in.Key); ok {
			f.setCell(cell{baseOf(in.Map), k}, f.deep(in.Value))
		} else {
			f.setCell(cell{baseOf(in.Map), "[]"}, f.deep(in.Value))
			f.setCell(cell{baseOf(in.Map), mapKeys}, f.taint(in.Key))
		}
	case *ssa.Send:
		f.setCell(cell{baseOf(in.Chan), "[]"}, f.deep(in.X))
	case *ssa.MakeClosure:
		if g, ok := in.Fn.(*ssa.Function); ok && f.funcs[g] {
			for i, b := range in.Bindings {
				if i < len(g.FreeVars) {
					f.flowInto(g.FreeVars[i], f.taint(b))
					f.link(g.FreeVars[i], b)
				}
			}
		}
	case *ssa.Return:
		// A pointer (or a map) returned passes its own taint; what is
		// stored in its object reaches the caller through the link the
		// call makes to it (see call), field by field: a constructor
		// handed one model-chosen setting returns an object whose other
		// fields (a configured client, its base URL) are not the model's.
		// Each result is kept apart: a query builder's text and its bound
		// values, a page and its status, come back from one call as two
		// values, of which only one may be the model's.
		if f.results[fn] == nil {
			f.results[fn] = make([]*origin, len(in.Results))
		}
		for i, r := range in.Results {
			var o *origin
			if _, isMap := r.Type().Underlying().(*types.Map); isPointer(r.Type()) || isMap || holdsPointer(r, 0) {
				// A pointer returned as an interface (a factory
				// returning the backend it built as the interface
				// its callers use) is a pointer too.
				o = f.taint(r)
			} else {
				o = f.deep(r)
			}
			if old := f.results[fn][i]; o != nil && (old == nil || o.mask&^old.mask != 0) {
				f.results[fn][i] = join(old, o)
				f.changed = true
			}
		}
	case ssa.CallInstruction:
		if f.inScope == nil || f.inScope(in) {
			f.call(fn, in)
		}
	}
}

// call applies a call: into analysed callees by parameter passing, into
// opaque code by summary.
func (f *flow) call(fn *ssa.Function, site ssa.CallInstruction) {
	c := site.Common()
	args := callArgs(c)
	result := callValue(site)
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			var o *origin
			for _, a := range args {
				o = join(o, f.deep(a))
			}
			f.flowInto(result, o)
		case "copy":
			if len(args) == 2 {
				f.setCell(cell{baseOf(args[0]), "[]"}, f.deep(args[1]))
			}
		case "len", "cap":
			// How many rows or entries there are is something of
			// them, as far as a number carries anything (numbers).
			if len(args) == 1 {
				f.flowInto(result, f.deep(args[0]))
			}
		}
		return
	}
	if f.contextCall(c, result, args) {
		return
	}
	analysed, opaque := f.targets(fn, site)
	if len(analysed) == 0 && len(opaque) == 0 {
		return
	}
	for _, g := range analysed {
		params := g.Params
		off := 0
		if c.IsInvoke() && g.Signature.Recv() == nil {
			// A function run in place of a method (a HandlerFunc's
			// function): the receiver is not one of its parameters.
			off = 1
		}
		if !c.IsInvoke() && g.Signature.Recv() != nil && len(params) == len(args)+1 {
			// A method run in place of a function value (a wrapper's
			// next layer is k.handle, bound to its receiver): the
			// receiver is the bound value, not one of the arguments.
			off = -1
		}
		for i, p := range params {
			if j := i + off; j >= 0 && j < len(args) {
				if f.selects(result, p.Type()) {
					continue
				}
				f.flowInto(p, f.taint(args[j]))
				if !isBasic(p.Type()) {
					f.link(p, args[j])
				}
			}
		}
		if result != nil {
			if i, ok := f.quoting(g); ok && i < len(args) {
				// What a quoting helper returns is this call's
				// argument, quoted: one shell word, unless the word is
				// a script that a shell runs (see shellScript). Its
				// merged result would bring every caller's text.
				q := f.taint(args[i])
				if f.sanitize && !f.shellScript(args[i]) && !evaluatedWord(result) {
					q = without(q, "command")
				}
				f.flowInto(result, q)
				continue
			}
			if _, ok := result.Type().(*types.Tuple); ok {
				for i, o := range f.results[g] {
					// An error result does not carry the data, as for
					// opaque calls (see Extract).
					if x := extracted(result, i); x != nil && !isError(x.Type()) {
						f.flowInto(x, o)
					}
				}
			} else if rs := f.results[g]; len(rs) == 1 {
				f.flowInto(result, rs[0])
			}
			for _, ret := range returnsOf(g) {
				for i, r := range ret.Results {
					if isBasic(r.Type()) {
						continue
					}
					// Each result's object is the value that takes it:
					// the tuple of a call returning several would make
					// one object of a constructor's result and its error.
					if _, ok := result.Type().(*types.Tuple); !ok {
						f.link(result, r)
					} else if x := extracted(result, i); x != nil {
						f.link(x, r)
					}
				}
			}
		}
	}
	if len(opaque) == 0 && len(analysed) > 0 {
		return
	}
	var decl []rules.Sensitive
	if f.sanitize {
		for _, sym := range opaque {
			decl = append(decl, sensitiveOf(f.cat, sym, capabilityAt(f.rc, site, sym))...)
		}
	}
	f.linkWrapper(c, result, args)
	var in *origin
	for i, a := range args {
		if f.selects(result, a.Type()) {
			continue
		}
		if f.removes(opaque, i) {
			// The text the call takes out of its result
			// (strings.ReplaceAll's old) is not in it.
			continue
		}
		if i == 0 && f.clientsKeepCredentials && hasReceiver(c) && f.dependencyCall(opaque) {
			// A client's call answers with the other side's data, not
			// with the token it holds (go-tfe's Projects.Create).
			continue
		}
		o := f.deep(a)
		if f.sanitize {
			if call, ok := site.(*ssa.Call); ok && i == 1 {
				if ops, ok := f.sprintfAfterHost(call); ok {
					o = ops
				}
			}
			if joinedPathElement(c, i) {
				o = without(o, "url")
			}
		}
		in = join(in, builtAt(o, i, decl))
	}
	if in != nil {
		for _, sym := range opaque {
			san, ok := f.cat.Sanitizers[rules.Normalize(sym)]
			if !ok {
				continue
			}
			var clears mask
			if f.sanitize {
				clears = eitherMask(san.Kinds)
			} else if f.outside {
				for _, l := range san.Labels {
					clears |= labelMask(l)
				}
			}
			if in.mask&clears != 0 {
				cleared := *in
				cleared.mask &^= clears
				in = &cleared
			}
		}
	}
	if in == nil || in.mask == 0 {
		return
	}
	if f.stopAtReads && f.isRead(opaque) {
		return
	}
	if f.stopAtSinks && f.isSink(opaque) {
		return
	}
	if f.stopAtSinks && f.rc != nil && f.rc.continuesSink(c) {
		// A call on what a sink returned (a REST request's
		// Namespace(ns), then Do and Raw) is the rest of that request:
		// its answer carries what the request object does, not what
		// the call sends it.
		in = f.deep(args[0])
		if in == nil || in.mask == 0 {
			return
		}
	}
	f.flowInto(result, in)
	entered := f.decodersOnly && f.callees[site].entered
	for i, a := range args {
		fills := !entered || emptyInterfaceParam(c, i)
		if fills && (isLocalVariable(a) || isOutParameter(c, i, a) || (i == 0 && writesReceiver(c) && isPointer(a.Type()))) {
			f.setCell(cell{baseOf(a), "*"}, in)
		}
		// r.Read(buf) reads into the buffer it is handed: what the
		// reader holds is in the buffer's bytes, and in the slices and
		// strings made of it.
		if fills && i > 0 && hasReceiver(c) && isByteSlice(a.Type()) {
			switch b := sliceBase(a).(type) {
			case *ssa.MakeSlice, *ssa.Alloc: // make([]byte, n), of a constant n or not
				f.flowInto(b, in)
			}
		}
		// rows.Scan(&u.ID, &u.Email) passes its out-parameters in a
		// variadic array: fill what its elements point to.
		for _, p := range elementPointers(a) {
			if fills && isLocalVariable(p) {
				f.setCell(cell{baseOf(p), "*"}, in)
			}
		}
		if cb := funcValue(a); cb != nil && f.funcs[cb] {
			for _, p := range cb.Params {
				f.flowInto(p, in)
			}
		}
	}
}

// notInput reports whether field of x's struct type is one an SDK fills
// itself in the request it hands a handler, not from the model's call (the
// catalog's notinput lines: the transport's headers, the session).
func (f *flow) notInput(x ssa.Value, field int) bool {
	t := x.Type()
	fields, ok := f.notInputs[t]
	if !ok {
		fields = f.cat.NotInputs[rules.Normalize(typeSymbol(t))]
		if f.notInputs == nil {
			f.notInputs = map[types.Type]map[string]bool{}
		}
		f.notInputs[t] = fields
	}
	return fields != nil && fields[fieldName(t, field)]
}

// removes reports whether argument i of a call of one of the opaque
// symbols is what the call takes out of its result (rules.Catalog.Removes).
func (f *flow) removes(opaque []string, i int) bool {
	for _, sym := range opaque {
		if r, ok := f.cat.Removes[rules.Normalize(sym)]; ok && r.Arg == i {
			return true
		}
	}
	return false
}

// hiddenFromJSON reports whether field i of struct type t (or of the
// struct t points to), a type of the module's own, is tagged `json:"-"`:
// encoding/json never sets it, so the module's input decoded from the
// model's JSON arguments holds in it only what the module's code stores
// there (a default, a value from the context), and its taint is that
// store's, not the whole struct's. An SDK's request type is not one: the
// SDK fills such a field itself (go-mcp's RawArguments), in code the flow
// does not follow.
func (f *flow) hiddenFromJSON(t types.Type, i int) bool {
	if f.dependency == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || f.dependency(named.Obj().Pkg().Path()) {
		return false
	}
	s, ok := t.Underlying().(*types.Struct)
	return ok && i < s.NumFields() && reflect.StructTag(s.Tag(i)).Get("json") == "-"
}

// holdsPointer reports whether v is an interface value that holds a
// pointer wherever it comes from in its function: each MakeInterface it is
// made by converts a pointer.
func holdsPointer(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return isPointer(x.X.Type())
	case *ssa.ChangeInterface:
		return holdsPointer(x.X, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if _, ok := e.(*ssa.Const); ok {
				continue // a nil interface holds nothing
			}
			if !holdsPointer(e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	}
	return false
}

// sharesElements reports whether values of type t share their elements
// when copied: slices and maps.
func sharesElements(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}

// isByteSlice reports whether t is a []byte.
func isByteSlice(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// sliceBase is the slice that v re-slices (buf[:n] is buf), or v.
func sliceBase(v ssa.Value) ssa.Value {
	for {
		s, ok := v.(*ssa.Slice)
		if !ok {
			return v
		}
		v = s.X
	}
}

// emptyInterfaceParam reports whether the parameter that takes argument i
// of a call (its receiver counted as argument 0) is an empty interface.
func emptyInterfaceParam(c *ssa.CallCommon, i int) bool {
	sig := c.Signature()
	if hasReceiver(c) {
		i--
	}
	params := sig.Params()
	if i < 0 || params.Len() == 0 {
		return false
	}
	var t types.Type
	if i >= params.Len()-1 && sig.Variadic() {
		t = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
	} else if i < params.Len() {
		t = params.At(i).Type()
	} else {
		return false
	}
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty()
}

// selects reports whether, under selections, an argument of type t is a
// name or number that a call returning result only selects by.
func (f *flow) selects(result ssa.Value, t types.Type) bool {
	return f.selections && result != nil && returnsObject(result.Type()) && isBasic(t)
}

// dependencyCall reports whether every symbol a call may run is a
// dependency's (see flow.dependency).
func (f *flow) dependencyCall(syms []string) bool {
	if f.dependency == nil || len(syms) == 0 {
		return false
	}
	for _, sym := range syms {
		if !f.dependency(symbolPackage(sym)) {
			return false
		}
	}
	return true
}

// extracted returns the value that takes result i of a call returning
// several, or nil.
func extracted(result ssa.Value, i int) ssa.Value {
	if _, ok := result.Type().(*types.Tuple); !ok {
		return nil
	}
	for _, r := range *result.Referrers() {
		if x, ok := r.(*ssa.Extract); ok && x.Index == i {
			return x
		}
	}
	return nil
}

// linkWrapper makes the object an opaque constructor returns one with the
// local variables it is handed (csv.NewWriter(&buf), json.NewEncoder(&b),
// gzip.NewWriter(&out)): the wrapper writes into them, so what is written
// to it later is in them (buf.String() returns the rows written as CSV).
// Only a function (not a method) with one result, a pointer or an
// interface other than error.
func (f *flow) linkWrapper(c *ssa.CallCommon, result ssa.Value, args []ssa.Value) {
	if result == nil || c.IsInvoke() {
		return
	}
	if callee := c.StaticCallee(); callee == nil || callee.Signature.Recv() != nil {
		return
	}
	t := result.Type()
	if _, ok := t.(*types.Tuple); ok || isError(t) {
		return
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
	default:
		return
	}
	for _, a := range args {
		if isLocalVariable(a) {
			f.link(result, a)
		}
	}
}

// builtAt is what argument i, tainted by o, gives the result of an opaque
// call that declares the sensitive arguments decl: for each kind declared,
// the kind as built when i is one of its arguments, and nothing of it
// otherwise (the body of http.NewRequest is no part of the request's URL,
// the bind parameters of gorm's Where no part of the SQL). The other kinds
// pass as they came.
func builtAt(o *origin, i int, decl []rules.Sensitive) *origin {
	if o == nil || len(decl) == 0 {
		return o
	}
	m := o.mask
	kinds := map[string]bool{}
	at := map[string]bool{}
	for _, s := range decl {
		kinds[s.Kind] = true
		if i == s.Arg || (s.Rest && i > s.Arg) {
			at[s.Kind] = true
		}
	}
	for k := range kinds {
		bits := eitherMask([]string{k})
		if m&bits == 0 {
			continue
		}
		m &^= bits
		if at[k] {
			m |= builtMask(kindMask([]string{k}))
		}
	}
	if m == o.mask {
		return o
	}
	if m == 0 {
		return nil
	}
	c := *o
	c.mask = m
	return &c
}

// readCapabilities are the sinks whose results are outside data.
var readCapabilities = map[string]bool{"db-read": true, "fs-read": true, "network": true, "env": true, "cloud-read": true}

// isSink reports whether one of the symbols is a catalogued sink.
func (f *flow) isSink(syms []string) bool {
	return f.sinkAmong(syms, func(string) bool { return true })
}

// isRead reports whether any of the symbols is a catalogued read.
func (f *flow) isRead(syms []string) bool {
	return f.sinkAmong(syms, func(capability string) bool { return readCapabilities[capability] })
}

// sinkAmong reports whether one of the symbols is a catalogued sink whose
// capability is one that want accepts.
func (f *flow) sinkAmong(syms []string, want func(capability string) bool) bool {
	for _, sym := range syms {
		if sk, ok := f.cat.Sink(sym); ok && want(sk.Capability) {
			return true
		}
	}
	return false
}

// targets splits a call's callees into the analysed functions of the run
// and the symbols of everything else.
func (f *flow) targets(fn *ssa.Function, site ssa.CallInstruction) ([]*ssa.Function, []string) {
	t, ok := f.callees[site]
	if !ok {
		t.analysed, t.opaque, t.entered = f.findTargets(fn, site)
		f.callees[site] = t
	}
	return t.analysed, t.opaque
}

// findTargets is targets, not memoised.
func (f *flow) findTargets(fn *ssa.Function, site ssa.CallInstruction) ([]*ssa.Function, []string, bool) {
	c := site.Common()
	var analysed []*ssa.Function
	var opaque []string
	catalogued := false
	if fns := f.next[site]; len(fns) > 0 {
		for _, g := range fns {
			if f.funcs[g] {
				analysed = append(analysed, g)
			}
		}
		if len(analysed) > 0 {
			return analysed, nil, false
		}
	}
	add := func(g *ssa.Function) {
		if m := symbol.CalledMethod(g); symbol.IsBound(g) && m != nil && f.funcs[m] {
			// A method value (a seam's k.readFn = k.defaultRead, a
			// tool's run field holding s.bash): the call runs the
			// method with its arguments. The receiver is the object
			// the value was made of, which the call does not hand
			// over (see call): what it holds is not the call's.
			g = m
		}
		switch {
		case isOpaque(f.cat, g):
			opaque = append(opaque, f.rc.symbol(g))
			catalogued = true
		case f.funcs[g]:
			analysed = append(analysed, g)
		case f.throughDependencies && f.dependency != nil && f.dependency(declaringPackage(g)):
			// A dependency's code the scan entered, passed through
			// as opaque code is (ssh.ParsePrivateKey's signer is
			// the key's).
			opaque = append(opaque, f.rc.symbol(g))
		}
		// An analysed function outside the run (another tool's code,
		// called from outside a dispatch case) is not followed.
	}
	if callee := c.StaticCallee(); callee != nil {
		add(callee)
		return analysed, opaque, len(opaque) > 0 && !catalogued
	}
	targets := f.rc.graphCallees(site)
	if f.implementations {
		targets = f.rc.withImplementations(c, targets)
	}
	for _, g := range targets {
		add(g)
	}
	if len(analysed) == 0 && len(opaque) == 0 && c.IsInvoke() {
		opaque = append(opaque, invokeSymbol(c))
		catalogued = true
	}
	return analysed, opaque, len(opaque) > 0 && !catalogued
}

// callValue is the value a call produces, or nil for go and defer (whose
// Value method returns a typed nil).
func callValue(site ssa.CallInstruction) ssa.Value {
	if c, ok := site.(*ssa.Call); ok {
		return c
	}
	return nil
}

// returnsOf lists fn's return instructions.
func returnsOf(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			out = append(out, r)
		}
	}
	return out
}

// writesReceiver reports whether an opaque method stores its arguments in
// its receiver, by the naming convention of the standard library's
// builders and collections: (*strings.Builder).WriteString,
// (*bytes.Buffer).Write, (url.Values).Set, (http.Header).Add. Other methods
// (a database handle's Query) leave the receiver as it was, and so does a
// write through a handle of the operating system's (an *os.File, a network
// connection): what is written leaves the process, and the handle's name
// and address stay what they were (the temporary file of an atomic save
// is not named by the text saved in it).
func writesReceiver(c *ssa.CallCommon) bool {
	var name string
	if c.IsInvoke() {
		name = c.Method.Name()
	} else if callee := c.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
		if isSystemHandle(callee.Signature.Recv().Type()) {
			return false
		}
		name = callee.Name()
	}
	for _, p := range []string{"Write", "Set", "Add", "Append", "Put", "Store", "Push", "Insert"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// isSystemHandle reports whether t is a pointer to an open file or a
// network connection of the standard library: *os.File, *net.TCPConn and
// the other *net.…Conn.
func isSystemHandle(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "os":
		return n.Obj().Name() == "File"
	case "net":
		return strings.HasSuffix(n.Obj().Name(), "Conn")
	}
	return false
}

// authSettings are the types whose values configure how a client
// authenticates or a cipher encrypts, by package: TLS trust roots and key
// pairs, an OAuth2 client's configuration and its token, a service
// account's credentials, a cipher made with a key. A client built with
// them sends and returns other data, and a cipher what it is given to
// seal or open: what they hold (a password hashed into a key) is not part
// of it.
var authSettings = map[string][]string{
	"crypto/cipher":                         {"Block", "AEAD", "Stream", "BlockMode"},
	"crypto/tls":                            {"Config", "Certificate"},
	"crypto/x509":                           {"CertPool"},
	"golang.org/x/oauth2":                   {"Config", "Token"},
	"golang.org/x/oauth2/google":            {"Credentials"},
	"golang.org/x/oauth2/jwt":               {"Config"},
	"golang.org/x/oauth2/clientcredentials": {"Config"},
}

// isAuthSetting reports whether t is, or points to, one of authSettings.
func isAuthSetting(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return slices.Contains(authSettings[n.Obj().Pkg().Path()], n.Obj().Name())
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return types.Identical(t, errorType) }

// elementPointers lists the local pointers stored in the array a variadic
// argument slices.
func elementPointers(v ssa.Value) []ssa.Value {
	arr, ok := baseOf(v).(*ssa.Alloc)
	if !ok || !isArrayPtr(arr.Type()) {
		return nil
	}
	var out []ssa.Value
	arrayStores(arr, func(_, val ssa.Value) {
		if isLocalPointer(val) {
			out = append(out, val)
		}
	})
	return out
}

// arrayStores calls visit with the index and the value of every store into
// an element of the array arr (the one behind a slice literal or a
// variadic argument).
func arrayStores(arr *ssa.Alloc, visit func(index, val ssa.Value)) {
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				visit(ia.Index, st.Val)
			}
		}
	}
}

// isLocalVariable reports whether v points to a variable of the caller
// that a call can fill: &v for json.Unmarshal, not the array behind a
// slice literal ([]string{to}) that the callee only reads.
func isLocalVariable(v ssa.Value) bool {
	a, ok := baseOf(v).(*ssa.Alloc)
	return ok && !isArrayPtr(a.Type())
}

// isOutParameter reports whether argument i of a call is a pointer that
// the calling function was itself handed (a helper's `v any` passed on to
// json.Unmarshal(b, v)): what the call fills is its caller's variable,
// which the call into the helper linked with the parameter. A receiver
// is not: a method called on it uses it, it does not fill it; nor is an
// interface with methods (a context, a writer): the call uses it too.
func isOutParameter(c *ssa.CallCommon, i int, a ssa.Value) bool {
	p, ok := baseOf(a).(*ssa.Parameter)
	if !ok || (i == 0 && hasReceiver(c)) {
		return false
	}
	if it, ok := p.Type().Underlying().(*types.Interface); ok {
		return it.Empty()
	}
	return isPointer(p.Type())
}

// isLocalPointer reports whether v points to a variable of the caller (an
// out-parameter such as &v in json.Unmarshal(b, &v)).
func isLocalPointer(v ssa.Value) bool {
	_, ok := baseOf(v).(*ssa.Alloc)
	return ok
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// isCharacter reports whether v is a character of a text: a byte or rune
// read from a string or a byte slice (s[i], the runes of range s, b[i]),
// or such a value converted (rune(s[i])). It is a number in Go's types, but
// a parser that copies a command line character by character into a
// builder (a shell-word splitter) copies the text: unlike a length, a
// comparison or a parsed number, it carries every kind the text does.
func isCharacter(v ssa.Value) bool {
	if c, ok := v.(*ssa.Convert); ok {
		v = c.X
	}
	switch x := v.(type) {
	case *ssa.Index:
		return isText(x.X.Type())
	case *ssa.UnOp:
		if ia, ok := x.X.(*ssa.IndexAddr); ok && x.Op == token.MUL {
			return isText(ia.X.Type())
		}
	case *ssa.Extract:
		if nx, ok := x.Tuple.(*ssa.Next); ok {
			return nx.IsString && x.Index == 2
		}
	}
	return false
}

// isText reports whether t is a string, or a slice (or a pointer to an
// array) of bytes or runes.
func isText(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return isCharType(u.Elem())
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return isCharType(a.Elem())
		}
	}
	return false
}

// isCharType reports whether t is byte or rune.
func isCharType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Uint8 || b.Kind() == types.Int32)
}

// isScalar reports whether values of t are numbers or booleans.
func isScalar(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}

// isBasic reports whether values of t carry no references (numbers,
// strings, booleans), so no object is shared through them.
func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}

// returnsObject reports whether a call's result type holds an object (a
// pointer, a struct, an interface other than error), among several
// results too.
func returnsObject(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			if returnsObject(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return !isBasic(t) && !isError(t)
}

// kindMask turns taint kinds into bits.
func kindMask(kinds []string) mask {
	var m mask
	for _, k := range kinds {
		for i, name := range rules.TaintKinds {
			if name == k {
				m |= 1 << i
			}
		}
	}
	return m
}

// labelMask turns source labels into bits.
func labelMask(label string) mask {
	for i, name := range rules.SourceLabels {
		if name == label {
			return 1 << i
		}
	}
	return 0
}

// allKinds is every model → action kind, raw: the model's own input.
var allKinds = mask(1)<<len(rules.TaintKinds) - 1

// builtMask turns the raw bits of m into the bits of the same kinds built
// (see the top of this file).
func builtMask(m mask) mask { return (m & allKinds) << len(rules.TaintKinds) }

// eitherMask is kinds raw or built: what a sanitizer clears, and what makes
// a call chosen by the model.
func eitherMask(kinds []string) mask {
	m := kindMask(kinds)
	return m | builtMask(m)
}

// valuePos is where a value is defined, when it has a position.
func valuePos(v ssa.Value) token.Pos {
	if v == nil {
		return token.NoPos
	}
	return v.Pos()
}

// shellQuoted returns s when x is s quoted as one POSIX shell word: a
// prefix ending in a single quote, strings.ReplaceAll(s, "'", r) where r
// closes the quote, escapes a quote and reopens it (backslash-quote, or a
// quote in double quotes), and a suffix starting with a single quote. A
// shell never reads such a word as more than text, whatever s holds.
func shellQuoted(x *ssa.BinOp) ssa.Value {
	if x.Op != token.ADD {
		return nil
	}
	if s, ok := constString(x.Y); !ok || !strings.HasPrefix(s, "'") {
		return nil
	}
	inner, ok := x.X.(*ssa.BinOp)
	if !ok || inner.Op != token.ADD || !endsWithQuote(inner.X) {
		return nil
	}
	call, ok := inner.Y.(*ssa.Call)
	if !ok {
		return nil
	}
	args := call.Call.Args
	switch staticName(call) {
	case "strings.ReplaceAll":
	case "strings.Replace":
		if n, ok := constInt(args[3]); !ok || n >= 0 {
			return nil
		}
	default:
		return nil
	}
	old, ok1 := constString(args[1])
	repl, ok2 := constString(args[2])
	if !ok1 || !ok2 || old != "'" || (repl != `'\''` && repl != `'"'"'`) {
		return nil
	}
	return args[0]
}

// quoting is quotingParam, memoised: every round of run asks again for
// every call.
func (f *flow) quoting(fn *ssa.Function) (int, bool) {
	i, ok := f.quoted[fn]
	if !ok {
		if f.quoted == nil {
			f.quoted = map[*ssa.Function]int{}
		}
		if i, ok = quotingParam(fn); !ok {
			i = -1
		}
		f.quoted[fn] = i
	}
	return i, i >= 0
}

// quotingParam returns the parameter that fn returns quoted as one shell
// word (func shellQuote(s string) string { return "'" +
// strings.ReplaceAll(s, "'", `'\”`) + "'" }), when every result it returns
// is that or a constant.
func quotingParam(fn *ssa.Function) (int, bool) {
	if fn.Signature.Results().Len() != 1 {
		return 0, false
	}
	idx := -1
	for _, r := range returnsOf(fn) {
		v := r.Results[0]
		if _, ok := v.(*ssa.Const); ok {
			continue
		}
		b, ok := v.(*ssa.BinOp)
		if !ok {
			return 0, false
		}
		p, ok := shellQuoted(b).(*ssa.Parameter)
		if !ok {
			return 0, false
		}
		i := slices.Index(fn.Params, p)
		if i < 0 || (idx >= 0 && idx != i) {
			return 0, false
		}
		idx = i
	}
	return idx, idx >= 0
}

// evaluatedWord reports whether a quoted word is put where a shell runs it
// as a command after all: right after eval, or as the script of a shell's
// -c ("eval " + quote(cmd), fmt.Sprintf("eval %s < /dev/null > %s",
// quote(cmd), out), the way a persistent shell runs each command it is
// typed and keeps its output apart). The quotes then only keep the word
// whole on its way to the shell that runs it.
func evaluatedWord(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		switch x := r.(type) {
		case *ssa.BinOp:
			if x.Op == token.ADD && x.Y == v && runsNextWord(textBefore(x.X)) {
				return true
			}
		case *ssa.MakeInterface:
			for _, r := range *x.Referrers() {
				st, ok := r.(*ssa.Store)
				if !ok || st.Val != ssa.Value(x) {
					continue
				}
				if prefix, ok := verbPrefix(st.Addr); ok && runsNextWord(prefix) {
					return true
				}
			}
		}
	}
	return false
}

// evaluatedQuote is evaluatedWord for a word quoted in place, whose
// opening quote may end the text that says what runs it ("eval '" +
// strings.ReplaceAll(cmd, "'", `'\”`) + "'").
func evaluatedQuote(q *ssa.BinOp) bool {
	inner := q.X.(*ssa.BinOp) // shellQuoted checked the shape
	return evaluatedWord(q) || runsNextWord(strings.TrimSuffix(textBefore(inner.X), "'"))
}

// textBefore is the constant text that ends v: v itself, or the last
// operand of a concatenation.
func textBefore(v ssa.Value) string {
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		v = b.Y
	}
	s, _ := constString(v)
	return s
}

// runsNextWord reports whether a shell runs the word that follows text as
// a command: text ends with eval, or with a shell's -c, and a blank.
func runsNextWord(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || strings.TrimRight(text, " \t") == text {
		return false
	}
	last := words[len(words)-1]
	return last == "eval" || last == "-c"
}

// verbPrefix returns, for the address of element k of the operands of
// fmt.Sprintf (or Fprintf, Errorf) with a constant format, the format's
// text between verb k-1 and verb k.
func verbPrefix(addr ssa.Value) (string, bool) {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return "", false
	}
	k, ok := constInt(ia.Index)
	if !ok {
		return "", false
	}
	for _, r := range *ia.X.Referrers() {
		sl, ok := r.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, r := range *sl.Referrers() {
			call, ok := r.(*ssa.Call)
			if !ok {
				continue
			}
			args := call.Call.Args
			fi := -1
			switch staticName(call) {
			case "fmt.Sprintf", "fmt.Errorf", "fmt.Printf":
				fi = 0
			case "fmt.Fprintf":
				fi = 1
			}
			if fi < 0 || fi+2 != len(args) || args[fi+1] != ssa.Value(sl) {
				continue
			}
			if format, ok := constString(args[fi]); ok {
				if texts, ok := formatTexts(format); ok && int(k) < len(texts)-1 {
					return texts[k], true
				}
			}
		}
	}
	return "", false
}

// mapKey is the cell of a map's entry under a constant key ("[=k]"); ok
// is false for any other key.
func mapKey(key ssa.Value) (string, bool) {
	k, ok := key.(*ssa.Const)
	if !ok || k.Value == nil {
		return "", false
	}
	return "[=" + k.Value.ExactString() + "]", true
}

// shellScript reports whether q, about to be quoted as one shell word, is
// an element of an argv that runs a shell's script: one holding a shell
// and "-c" ([]string{"docker", "exec", id, "sh", "-c", script}). Such an
// argv, quoted word by word into a command line for another shell (ssh's),
// gives the script back to a shell as its command: the quoting protects it
// from the first shell only.
//
// The word is often quoted by a helper (func quote(s string) string): its
// parameter is then followed back to the arguments the run's calls pass
// it, a few calls deep.
func (f *flow) shellScript(q ssa.Value) bool {
	return f.argvElement(q, 3)
}

// argvElement reports whether v is loaded from a script argv (see
// shellScript), or is a parameter that a call of the run passes one to.
func (f *flow) argvElement(v ssa.Value, depth int) bool {
	if p, ok := v.(*ssa.Parameter); ok {
		if depth == 0 || f.rc == nil || f.rc.cg == nil {
			return false
		}
		for _, a := range f.passed(p) {
			if f.argvElement(a, depth-1) {
				return true
			}
		}
		return false
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	ia, ok := load.X.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	if f.scripts == nil {
		f.scripts = map[ssa.Value]bool{}
		for fn := range f.funcs {
			for _, a := range scriptArrays(fn) {
				f.scripts[a] = true
			}
		}
	}
	rep := f.find(baseOf(ia.X))
	for a := range f.scripts {
		if f.find(a) == rep {
			return true
		}
	}
	return false
}

// shells are the programs that run their "-c" argument as a script.
var shells = map[string]bool{"sh": true, "bash": true, "zsh": true, "dash": true, "ash": true, "ksh": true, "fish": true}

// scriptArrays lists the arrays fn fills with an argv that holds a shell
// and "-c".
func scriptArrays(fn *ssa.Function) []ssa.Value {
	consts := map[ssa.Value]map[string]bool{}
	var order []ssa.Value
	eachInstr(fn, func(instr ssa.Instruction) {
		st, ok := instr.(*ssa.Store)
		if !ok {
			return
		}
		ia, ok := st.Addr.(*ssa.IndexAddr)
		if !ok {
			return
		}
		a, ok := ia.X.(*ssa.Alloc)
		if !ok || !isArrayPtr(a.Type()) {
			return
		}
		s, ok := constString(st.Val)
		if !ok {
			return
		}
		if consts[a] == nil {
			consts[a] = map[string]bool{}
			order = append(order, a)
		}
		consts[a][s] = true
	})
	var out []ssa.Value
	for _, a := range order {
		if !consts[a]["-c"] {
			continue
		}
		for s := range consts[a] {
			if shells[path.Base(s)] {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// endsWithQuote reports whether a string ends with a constant "'": the
// constant itself, or a concatenation whose last part is one.
func endsWithQuote(v ssa.Value) bool {
	if s, ok := constString(v); ok {
		return strings.HasSuffix(s, "'")
	}
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		return endsWithQuote(b.Y)
	}
	return false
}

// constInt is the value of an integer constant.
func constInt(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// without is o without kinds, raw or built; nil when nothing is left.
func without(o *origin, kinds ...string) *origin {
	if o == nil {
		return nil
	}
	c := *o
	c.mask &^= eitherMask(kinds)
	if c.mask == 0 {
		return nil
	}
	return &c
}

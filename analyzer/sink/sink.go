// Package sink says which catalogued sinks an SSA call site calls, and with
// which capability. The scan's reachability (package analyzer) and the
// summaries of opaque dependencies (package summary) ask it the same way.
package sink

import (
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// Hit is one catalogued sink that a call site calls.
type Hit struct {
	Capability string
	// Symbol is the sink's symbol, spelled as the catalog does.
	Symbol string
	// Config is set for a read of a setting by a constant name
	// (os.Getenv("LOG_LEVEL")): the program's own configuration, chosen by
	// its author. It is a capability of the tool only where the value
	// reaches the model (the scan decides), and never inside a dependency.
	Config bool
}

// At returns the catalogued sinks a call site calls, sorted by symbol and
// capability: its static callee, the interface method it invokes when
// that is catalogued (its implementations are the same action seen from
// inside), or else each catalogued function among callees, the call
// graph's callees of a dynamic call (a function value that is os.Remove or
// os.RemoveAll is both). callees is only called for a dynamic call; sym
// spells a function as symbol.Of does (the caller may memoise it).
//
// A file opened only to be closed again is read by nobody: the call checks
// that the file exists (client-go validating a kubeconfig's certificate
// paths), and is no fs-read.
func At(cat *rules.Catalog, site ssa.CallInstruction, callees func() []*ssa.Function, sym func(*ssa.Function) string) []Hit {
	return AtIn(cat, site, callees, sym, nil)
}

// AtIn is At for a call run where known gives the constant value of some
// of what its arguments are computed from (a parameter that the caller at
// hand fixed, package callconst): os.OpenFile(name, flag, perm) in a
// function its caller handed os.O_RDONLY only reads. known may be nil.
func AtIn(cat *rules.Catalog, site ssa.CallInstruction, callees func() []*ssa.Function, sym func(*ssa.Function) string, known func(ssa.Value) (constant.Value, bool)) []Hit {
	c := site.Common()
	var syms []string
	if callee := c.StaticCallee(); callee != nil {
		syms = append(syms, sym(callee))
	} else {
		if sym := symbol.Invoke(c); sym != "" {
			if _, ok := cat.Sink(sym); ok {
				syms = append(syms, sym)
			}
		}
		if len(syms) == 0 {
			for _, g := range callees() {
				syms = append(syms, sym(g))
			}
		}
	}
	var out []Hit
	for _, s := range syms {
		sk, ok := cat.Sink(s)
		if !ok {
			continue
		}
		config := configRead(sk, c)
		for _, capability := range capabilities(sk, c, known) {
			if sk.ReadWith != "" && madeWith(c, sk.ReadWith, sym) {
				capability = rules.ReadOf(capability)
			}
			if capability == "fs-read" && onlyClosed(site) {
				continue
			}
			if capability == "db-write" && changesNoData(cat, s, c, known) {
				continue
			}
			out = append(out, Hit{Capability: capability, Symbol: s, Config: config})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Symbol != out[j].Symbol {
			return out[i].Symbol < out[j].Symbol
		}
		if out[i].Capability != out[j].Capability {
			return out[i].Capability < out[j].Capability
		}
		return !out[i].Config && out[j].Config
	})
	return slices.Compact(out)
}

// onlyClosed reports whether a call returns an *os.File (alone or with an
// error) that the caller does nothing with but compare with nil and close.
// A file that is stored, returned, read or handed to any other call may be
// read, and so is a use.
func onlyClosed(site ssa.CallInstruction) bool {
	v := site.Value()
	if v == nil {
		return false // a go or defer statement: its result is gone, but so is the check
	}
	if isFile(v.Type()) {
		return closedOnly(v)
	}
	tuple, ok := v.Type().(*types.Tuple)
	if !ok || tuple.Len() == 0 || !isFile(tuple.At(0).Type()) {
		return false
	}
	for _, r := range *v.Referrers() {
		x, ok := r.(*ssa.Extract)
		if !ok {
			return false
		}
		if x.Index == 0 && !closedOnly(x) {
			return false
		}
	}
	return true
}

// closedOnly reports whether every use of a file is a nil comparison or a
// call of its Close method, deferred or not.
func closedOnly(file ssa.Value) bool {
	for _, r := range *file.Referrers() {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if u.Op != token.EQL && u.Op != token.NEQ {
				return false
			}
		case ssa.CallInstruction:
			callee := u.Common().StaticCallee()
			if callee == nil || callee.Name() != "Close" || !isFile(recvType(callee)) ||
				len(u.Common().Args) != 1 || u.Common().Args[0] != file {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func recvType(fn *ssa.Function) types.Type {
	if recv := fn.Signature.Recv(); recv != nil {
		return recv.Type()
	}
	return nil
}

// isFile reports whether t is *os.File.
func isFile(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "os" && obj.Name() == "File"
}

// openWriteFlags are the os.OpenFile flags that make a call a write.
const openWriteFlags = os.O_WRONLY | os.O_RDWR | os.O_CREATE | os.O_APPEND | os.O_TRUNC

// capabilities classifies one call of a sink. A sink with a flag argument
// (os.OpenFile) reads or writes by its constant flags (known, when not
// nil, gives more values as constants); when the flags are not constant,
// it may do both.
func capabilities(sk rules.Sink, c *ssa.CallCommon, known func(ssa.Value) (constant.Value, bool)) []string {
	if sk.FlagArg < 0 {
		return []string{sk.Capability}
	}
	args := Args(c)
	if sk.FlagArg < len(args) {
		// Flags built in branches (O_WRONLY|O_CREATE, then |O_TRUNC or
		// |O_EXCL) are each constant: the call writes when all do.
		if ns, ok := constFlags(args[sk.FlagArg], 0, known); ok {
			writes := 0
			for _, n := range ns {
				if n&int64(openWriteFlags) != 0 {
					writes++
				}
			}
			switch writes {
			case len(ns):
				return []string{"fs-write"}
			case 0:
				return []string{"fs-read"}
			}
		}
	}
	return []string{"fs-read", "fs-write"}
}

// configRead reports whether a call of a sink with a name argument
// (os.Getenv) reads a setting by a constant name.
func configRead(sk rules.Sink, c *ssa.CallCommon) bool {
	if sk.NameArg < 0 {
		return false
	}
	args := Args(c)
	if sk.NameArg >= len(args) {
		return false
	}
	k, ok := args[sk.NameArg].(*ssa.Const)
	return ok && k.Value != nil
}

// changesNoData reports whether a call of sym, a database write by its
// API (Exec), runs a statement the program fixes whole that changes no
// stored data: transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT),
// the choice of a database (USE), a setting of the session (SET, but SET
// GLOBAL or PERSIST), or one of SQLite's connection settings or a PRAGMA
// that only reads. A read-only tool that begins a transaction is still
// read-only. The statement is fixed by a constant, by what the caller at
// hand passes a helper for it (known: `tx.exec(ctx, "ROLLBACK;")`), or by
// a format that only numbers fill (`fmt.Sprintf("PRAGMA busy_timeout =
// %d;", ms)`).
func changesNoData(cat *rules.Catalog, sym string, c *ssa.CallCommon, known func(ssa.Value) (constant.Value, bool)) bool {
	i, args := statementArg(cat, sym), Args(c)
	if i < 0 || i >= len(args) {
		return false
	}
	text, ok := fixedStatement(args[i], known)
	return ok && sessionStatement(text)
}

// SQLArg returns the argument of a call of sym that holds the statement a
// database write runs (the catalog's sensitive "sql" argument, in Args'
// numbering), or -1: what a caller passes there decides whether the call
// writes at all (changesNoData).
func SQLArg(cat *rules.Catalog, sym string) int {
	if sk, ok := cat.Sink(sym); !ok || sk.Capability != "db-write" {
		return -1
	}
	return statementArg(cat, sym)
}

// statementArg returns the argument of a call of sym that the catalog
// says holds a SQL statement (a sensitive "sql" argument), or -1.
func statementArg(cat *rules.Catalog, sym string) int {
	sens, _ := cat.SensitiveArgs(sym)
	for _, s := range sens {
		if s.Kind == "sql" {
			return s.Arg
		}
	}
	return -1
}

// fixedStatement returns the text of a statement the program fixes: a
// constant, a value known in the call's context, or fmt.Sprintf of a
// constant format whose verbs are all %d (a number cannot add a
// statement), each read as 0.
func fixedStatement(v ssa.Value, known func(ssa.Value) (constant.Value, bool)) (string, bool) {
	if k, ok := v.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		return constant.StringVal(k.Value), true
	}
	if known != nil {
		if k, ok := known(v); ok && k.Kind() == constant.String {
			return constant.StringVal(k), true
		}
	}
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) == 0 {
		return "", false
	}
	if fn := call.Call.StaticCallee(); fn == nil || fn.String() != "fmt.Sprintf" {
		return "", false
	}
	k, ok := call.Call.Args[0].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	format := constant.StringVal(k.Value)
	if strings.Count(format, "%") != strings.Count(format, "%d") {
		return "", false
	}
	return strings.ReplaceAll(format, "%d", "0"), true
}

// connectionPragmas are SQLite's settings of one connection, which change
// nothing in the database file.
var connectionPragmas = map[string]bool{
	"BUSY_TIMEOUT": true, "FOREIGN_KEYS": true, "CACHE_SIZE": true, "TEMP_STORE": true,
	"SYNCHRONOUS": true, "QUERY_ONLY": true, "RECURSIVE_TRIGGERS": true, "CASE_SENSITIVE_LIKE": true, "MMAP_SIZE": true,
}

// sessionStatement reports whether a SQL statement changes no stored data
// (see changesNoData).
func sessionStatement(text string) bool {
	if strings.TrimSpace(text) != "" && strings.Trim(withoutComments(text), " \t\r\n;") == "" {
		// Only comments: a ping (pgx's "-- ping") runs nothing.
		return true
	}
	text = strings.TrimSuffix(strings.TrimSpace(text), ";")
	words := strings.Fields(strings.ToUpper(text))
	if len(words) == 0 || strings.Contains(text, ";") {
		return false // none, or more than one statement
	}
	switch words[0] {
	case "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END", "USE":
		return true
	case "START":
		return len(words) > 1 && words[1] == "TRANSACTION"
	case "SET":
		return len(words) > 1 && words[1] != "GLOBAL" && words[1] != "PERSIST" && words[1] != "PERSIST_ONLY" &&
			!strings.HasPrefix(words[1], "@@GLOBAL") && !strings.HasPrefix(words[1], "@@PERSIST")
	case "PRAGMA":
		rest := strings.Join(words[1:], " ")
		name, _, assigns := strings.Cut(rest, "=")
		name = strings.TrimSpace(name)
		if i := strings.IndexAny(name, "( "); i >= 0 {
			name = name[:i]
		}
		if i := strings.LastIndex(name, "."); i >= 0 {
			name = name[i+1:] // schema.pragma
		}
		return !assigns || connectionPragmas[name]
	}
	return false
}

// withoutComments returns SQL text without its comments, -- to the end of
// a line and /* */; text in quotes is kept as it is.
func withoutComments(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\'' || text[i] == '"':
			j := strings.IndexByte(text[i+1:], text[i])
			if j < 0 {
				return b.String() + text[i:]
			}
			b.WriteString(text[i : i+j+2])
			i += j + 1
		case strings.HasPrefix(text[i:], "--"):
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return b.String()
			}
			i += j - 1
		case strings.HasPrefix(text[i:], "/*"):
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return b.String()
			}
			b.WriteByte(' ')
			i += j + 3
		default:
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// Args returns a call's arguments as the catalog numbers them: a method's
// receiver is argument 0, for an interface call too, and for the call of a
// method value made at the call (`f := d.DialContext; f(ctx, "tcp", a)`),
// whose receiver the closure holds.
func Args(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && len(mc.Bindings) == 1 && symbol.IsBound(mc.Fn.(*ssa.Function)) {
		return append([]ssa.Value{mc.Bindings[0]}, c.Args...)
	}
	return c.Args
}

// Continues reports whether a method call's receiver comes, through a
// chain of method calls, from the result of a call that isSink says calls a
// catalogued sink: the request that client-go's GetLogs (cloud-read) or
// RESTClient.Get builds, sent by its Do or Stream, is the operation the
// catalog named, not more of the dependency's traffic.
//
// The chain may go through a function's parameter (a helper handed the
// built request, which sends it): passed, when not nil, gives the values
// the function's callers pass for it, and the receiver continues a sink
// when every one of them does. A function whose callers are not known
// (passed returns none) continues nothing.
func Continues(c *ssa.CallCommon, isSink func(*ssa.Call) bool, passed func(*ssa.Parameter) []ssa.Value) bool {
	o := origins{isSink: isSink, passed: passed}
	return o.continues(c, 16) // a builder chain is short; this bounds a long one
}

// origins follows a receiver back to the call that made it.
type origins struct {
	isSink func(*ssa.Call) bool
	passed func(*ssa.Parameter) []ssa.Value
	// seen holds the parameters followed, so that recursion ends; made
	// on the first (most calls follow none, and this runs at every call
	// site with a receiver).
	seen map[*ssa.Parameter]bool
}

func (o *origins) continues(c *ssa.CallCommon, budget int) bool {
	switch {
	case c.IsInvoke():
		return o.fromSink(c.Value, budget)
	case c.Signature().Recv() != nil && len(c.Args) > 0:
		return o.fromSink(c.Args[0], budget)
	}
	return false
}

// fromSink reports whether v is what a sink call returned, or what a call
// continuing one did.
func (o *origins) fromSink(v ssa.Value, budget int) bool {
	if budget == 0 {
		return false
	}
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple // r, err := obj.NewReader(ctx); r.Close()
	}
	switch v := v.(type) {
	case *ssa.Call:
		return o.isSink(v) || o.continues(v.Common(), budget-1)
	case *ssa.Parameter:
		if o.passed == nil || o.seen[v] {
			return false
		}
		if o.seen == nil {
			o.seen = map[*ssa.Parameter]bool{}
		}
		o.seen[v] = true
		args := o.passed(v)
		for _, a := range args {
			if !o.fromSink(a, budget-1) {
				return false
			}
		}
		return len(args) > 0
	}
	return false
}

// PassedBy returns what the calls of g's graph into p's function pass for
// p, or nil when one of them passes nothing for it (a bound method's
// wrapper, whose receiver is no argument) or the function has no caller
// in g.
func PassedBy(g *callgraph.Graph, p *ssa.Parameter) []ssa.Value {
	fn := p.Parent()
	node := g.Nodes[fn]
	if node == nil {
		return nil
	}
	i := slices.Index(fn.Params, p)
	var out []ssa.Value
	for _, e := range node.In {
		if e.Site == nil {
			return nil
		}
		args := Args(e.Site.Common())
		if i < 0 || i >= len(args) || len(args) != len(fn.Params) {
			return nil
		}
		out = append(out, args[i])
	}
	return out
}

// constFlags returns the values an integer can have when each is a
// constant: a constant, a phi of them, or an or of them; false otherwise.
func constFlags(v ssa.Value, depth int, known func(ssa.Value) (constant.Value, bool)) ([]int64, bool) {
	if depth > 4 {
		return nil, false
	}
	if known != nil {
		if k, ok := known(v); ok {
			n, ok := constant.Int64Val(constant.ToInt(k))
			return []int64{n}, ok
		}
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return nil, false
		}
		n, ok := constant.Int64Val(constant.ToInt(x.Value))
		return []int64{n}, ok
	case *ssa.Convert:
		return constFlags(x.X, depth+1, known)
	case *ssa.Phi:
		var out []int64
		for _, e := range x.Edges {
			ns, ok := constFlags(e, depth+1, known)
			if !ok {
				return nil, false
			}
			out = append(out, ns...)
		}
		return out, len(out) > 0 && len(out) <= 16
	case *ssa.BinOp:
		if x.Op != token.OR {
			return nil, false
		}
		as, ok := constFlags(x.X, depth+1, known)
		if !ok {
			return nil, false
		}
		bs, ok := constFlags(x.Y, depth+1, known)
		if !ok || len(as)*len(bs) > 16 {
			return nil, false
		}
		var out []int64
		for _, a := range as {
			for _, b := range bs {
				out = append(out, a|b)
			}
		}
		return out, true
	}
	return nil, false
}

// madeWith reports whether an argument of c is made with a call of the
// function whose normalized symbol is option: the option itself, a slice
// of options holding it, or what a helper handed it returns
// (`opts := s.options(ctx, neo4j.ExecuteQueryWithReadersRouting())`).
func madeWith(c *ssa.CallCommon, option string, sym func(*ssa.Function) string) bool {
	seen := map[ssa.Value]bool{}
	var made func(v ssa.Value, depth int) bool
	made = func(v ssa.Value, depth int) bool {
		if depth > 6 || seen[v] {
			return false
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Call:
			if callee := x.Call.StaticCallee(); callee != nil && rules.Normalize(sym(callee)) == option {
				return true
			}
			for _, a := range x.Call.Args {
				if made(a, depth+1) {
					return true
				}
			}
		case *ssa.Slice:
			return made(x.X, depth+1)
		case *ssa.Alloc:
			// A variadic call's slice: the values stored in its array.
			for _, r := range *x.Referrers() {
				ia, ok := r.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				for _, rr := range *ia.Referrers() {
					if st, ok := rr.(*ssa.Store); ok && st.Addr == ia && made(st.Val, depth+1) {
						return true
					}
				}
			}
		case *ssa.Phi:
			for _, e := range x.Edges {
				if made(e, depth+1) {
					return true
				}
			}
		case *ssa.ChangeType:
			return made(x.X, depth+1)
		case *ssa.MakeInterface:
			return made(x.X, depth+1)
		}
		return false
	}
	for _, a := range Args(c) {
		if made(a, 0) {
			return true
		}
	}
	return false
}

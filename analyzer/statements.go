package analyzer

// This file judges the statements a tool runs with the model's text: a
// database read whose statement the model writes can change the database
// too, unless the program fixes the statement or the database holds the
// transaction to reading (a catalog readtx line, SET TRANSACTION READ
// ONLY).

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// addStatementCapability gives a tool that reads a database with a query
// the model wrote the capability to change it too: the driver runs
// whatever statement the text is (a DELETE passed to QueryContext deletes),
// unless the program fixes which statement runs. It does when the text
// begins with the program's own words ("EXPLAIN SELECT * FROM " + table:
// the model fills in part of a statement of the program's) or when a check
// pins its first keyword (the text must begin with SELECT). The write is
// the model's choice at the same call, so the capability is tainted. A
// read-only transaction, or a call that reads by its option (a catalog
// readwith: the server runs it as a read), runs no write whatever the text.
func (c *checker) addStatementCapability(f *flow, res *reached, site ssa.CallInstruction, sc sensitiveCall, arg ssa.Value, o *origin) {
	if sc.capability != "db-read" || statementFixed(o) {
		return
	}
	// Whatever the database lets it do, the model chooses what the
	// query reads: every column of any table (see outsideFlows).
	if res.modelQueries == nil {
		res.modelQueries = map[ssa.CallInstruction]bool{}
	}
	res.modelQueries[site] = true
	if c.inReadOnlyTx(site) {
		return
	}
	if sk, ok := c.cat.Sink(sc.sym); ok && sk.ReadWith != "" {
		return
	}
	c.addStatementHit(f, res, site, sc.sym, arg, "db-write", nil)
}

// statementRun is a read that runs a statement a builder started.
type statementRun struct {
	site ssa.CallInstruction
	call sensitiveCall
}

// statementRunners lists the database reads that run the statement a
// builder call starts (gorm's db.Raw(q), which runs nothing itself): the
// catalogued db-read sinks called on its result, directly or through more
// of the builder's methods that return their receiver's type
// (db.Raw(q).Where(...).Scan(&x)).
func (c *checker) statementRunners(site ssa.CallInstruction) []statementRun {
	var out []statementRun
	work := []ssa.Value{site.Value()}
	for n := 0; len(work) > 0 && n < 32; n++ {
		v := work[0]
		work = work[1:]
		if v == nil || v.Referrers() == nil {
			continue
		}
		for _, r := range *v.Referrers() {
			call, ok := r.(ssa.CallInstruction)
			if !ok || chainReceiver(call.Common()) != v {
				if ok && receiverOf(call.Common()) == v {
					out = append(out, c.readsRun(call)...)
				}
				continue
			}
			if runs := c.readsRun(call); len(runs) > 0 {
				out = append(out, runs...)
				continue
			}
			work = append(work, call.Value())
		}
	}
	return out
}

// readsRun returns the db-read sinks a call runs, as statement runs.
func (c *checker) readsRun(call ssa.CallInstruction) []statementRun {
	var out []statementRun
	for _, h := range c.rc.sinksAt(call) {
		if h.capability == "db-read" {
			out = append(out, statementRun{call, sensitiveCall{sym: h.sink, capability: h.capability}})
		}
	}
	return out
}

// receiverOf returns the receiver a static method call is made on, or nil.
func receiverOf(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() || !hasReceiver(c) || len(c.Args) == 0 {
		return nil
	}
	return c.Args[0]
}

// chainReceiver returns the receiver of a method call that returns its
// receiver's type (a builder's db.Where(...), a session's
// db.WithContext(ctx)): what it returns goes on with what the receiver
// started. Nil for any other call.
func chainReceiver(c *ssa.CallCommon) ssa.Value {
	recv := receiverOf(c)
	if recv == nil {
		return nil
	}
	results := c.Signature().Results()
	if results.Len() != 1 || !types.Identical(results.At(0).Type(), recv.Type()) {
		return nil
	}
	return recv
}

// addStatementHit gives a tool capability at a call whose statement the
// model writes, unless the tool has it at that sink already or a check
// pins which statement runs; when also is set, it must hold too (asked
// last: it runs a flow).
func (c *checker) addStatementHit(f *flow, res *reached, site ssa.CallInstruction, sym string, arg ssa.Value, capability string, also func() bool) {
	for _, h := range res.hits {
		if h.capability == capability && h.sink == sym {
			return
		}
	}
	if _, ok := c.confinedAt(f, res, site, arg, "statement"); ok {
		return
	}
	if also != nil && !also() {
		return
	}
	res.hits = append(res.hits, hit{capability: capability, sink: sym, site: site, at: res.steps[site.Parent()]})
}

// addCommandReadCapability gives a tool that runs a database command with
// the model's text in it (go-redis's Do(ctx, args...), which runs whatever
// command its arguments spell) the capability to read too, when the
// command's answer comes back to the model: the model can run GET or KEYS
// as well as DEL. An answer that goes nowhere near the model reads nothing
// for it, and neither does an Exec of SQL, which answers with a count of
// rows.
func (c *checker) addCommandReadCapability(e entry, f *flow, res *reached, site ssa.CallInstruction, sc sensitiveCall, arg ssa.Value, o *origin) {
	if sc.capability != "db-write" || statementFixed(o) || isSQLResult(site) {
		return
	}
	c.addStatementHit(f, res, site, sc.sym, arg, "db-read", func() bool {
		return c.reachesModel(e, res, []ssa.CallInstruction{site})
	})
}

// isSQLResult reports whether a call answers with database/sql's Result
// (Exec): the rows a statement changed, never rows it read.
func isSQLResult(site ssa.CallInstruction) bool {
	v := site.Value()
	if v == nil {
		return false
	}
	t := v.Type()
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "database/sql" && named.Obj().Name() == "Result"
}

// inReadOnlyTx reports whether a query runs in a transaction that the
// database holds to reading, whatever the text: one begun by a catalogued
// call whose options make it read-only (a `readtx` line: database/sql's
// db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}), pgx's
// pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})), the
// transaction that such a call hands the function it runs (Neo4j's
// session.ExecuteRead(ctx, work)), or one whose first statement, before
// the query on every path, is SET TRANSACTION ... READ ONLY.
func (c *checker) inReadOnlyTx(site ssa.CallInstruction) bool {
	call := site.Common()
	tx := call.Value
	if !call.IsInvoke() {
		if len(call.Args) == 0 {
			return false
		}
		tx = call.Args[0]
	}
	// A builder's methods return the session they were called on
	// (gorm's tx.Raw(q) on the transaction tx): back to where it began.
	for range 8 {
		tx = embeddedOf(tx)
		if c.readWorkParam(tx) {
			return true
		}
		begin, uses := txBegun(tx)
		if begin == nil {
			return false
		}
		if rt, ok := c.cat.ReadTx(staticSymbol(begin.Common())); ok && rt.Work < 0 && c.readOptions(rt, callArgs(begin.Common())) {
			return true
		}
		if setReadOnlyBefore(uses, site) {
			return true
		}
		if tx = chainReceiver(begin.Common()); tx == nil {
			return false
		}
	}
	return false
}

// readOptions reports whether a call's arguments make its transaction
// read-only, as its readtx line says.
func (c *checker) readOptions(rt rules.ReadTx, args []ssa.Value) bool {
	if rt.Options < 0 {
		return true
	}
	return rt.Options < len(args) && optionSet(args[rt.Options], rt.Field, func(k constant.Value) bool {
		switch k.Kind() {
		case constant.String:
			return strings.EqualFold(constant.StringVal(k), rt.Value)
		case constant.Bool, constant.Int:
			return k.ExactString() == rt.Value
		}
		return false
	})
}

// readWorkParam reports whether tx is the transaction parameter of a
// function literal that its enclosing function hands to a call that runs
// it in a read-only transaction (a readtx line with work=N:
// `s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
// return tx.Run(ctx, query, nil) })`).
func (c *checker) readWorkParam(tx ssa.Value) bool {
	p, ok := tx.(*ssa.Parameter)
	if !ok {
		return false
	}
	work := p.Parent()
	outer := work.Parent()
	if outer == nil {
		return false
	}
	for _, site := range symbol.CallSites(outer) {
		call := site.Common()
		sym := staticSymbol(call)
		if call.IsInvoke() {
			sym = invokeSymbol(call)
		}
		rt, ok := c.cat.ReadTx(sym)
		if !ok || rt.Work < 0 {
			continue
		}
		args := callArgs(call)
		if rt.Work < len(args) && funcValue(args[rt.Work]) == work && c.readOptions(rt, args) {
			return true
		}
	}
	return false
}

// embeddedOf returns the value whose embedded field v is (sqlx's Tx
// embeds *sql.Tx, whose methods a call on it runs), or v.
func embeddedOf(v ssa.Value) ssa.Value {
	for range 4 {
		switch x := v.(type) {
		case *ssa.UnOp:
			fa, ok := x.X.(*ssa.FieldAddr)
			if !ok || x.Op != token.MUL || !symbol.Field(fa.X.Type(), fa.Field).Embedded() {
				return v
			}
			v = fa.X
		case *ssa.Field:
			if !symbol.Field(x.X.Type(), x.Field).Embedded() {
				return v
			}
			v = x.X
		default:
			return v
		}
	}
	return v
}

// txBegun returns the call that began the transaction tx (tx itself, its
// first result, or the variable a deferred closure captures it in, loaded
// at each use), and every value that is that transaction.
func txBegun(tx ssa.Value) (*ssa.Call, []ssa.Value) {
	if begin := beginCall(tx); begin != nil {
		return begin, []ssa.Value{tx}
	}
	load, ok := tx.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, nil
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	var begun ssa.Value
	var uses []ssa.Value
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if beginCall(r.Val) == nil || begun != nil && begun != r.Val {
				return nil, nil
			}
			begun = r.Val
		case *ssa.UnOp:
			if r.Op == token.MUL {
				uses = append(uses, r)
			}
		}
	}
	if begun == nil {
		return nil, nil
	}
	return beginCall(begun), append(uses, begun)
}

// beginCall returns the call whose transaction v is: its first result
// (tx, err := db.BeginTx(...)) or its only one (gorm's db.Begin()).
func beginCall(v ssa.Value) *ssa.Call {
	if x, ok := v.(*ssa.Extract); ok && x.Index == 0 {
		v = x.Tuple
	} else if _, isTuple := v.Type().(*types.Tuple); isTuple {
		return nil
	}
	call, _ := v.(*ssa.Call)
	return call
}

// optionSet reports whether the options literal v (a pointer to it, the
// value loaded from it, or a variadic slice holding it) stores into field
// a constant that holds.
func optionSet(v ssa.Value, field string, holds func(constant.Value) bool) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	if sl, ok := v.(*ssa.Slice); ok {
		// A variadic call's options (gorm's db.Begin(opts...)): any of
		// the values stored in its array.
		arr, ok := sl.X.(*ssa.Alloc)
		if !ok {
			return false
		}
		set := false
		arrayStores(arr, func(_, val ssa.Value) {
			set = set || optionSet(val, field, holds)
		})
		return set
	}
	opts, ok := v.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range *opts.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fieldName(opts.Type(), fa.Field) != field {
			continue
		}
		for _, w := range *fa.Referrers() {
			if st, ok := w.(*ssa.Store); ok && st.Addr == fa {
				if k, ok := st.Val.(*ssa.Const); ok && k.Value != nil && holds(k.Value) {
					return true
				}
			}
		}
	}
	return false
}

// setReadOnlyBefore reports whether a statement SET TRANSACTION ... READ
// ONLY runs on the transaction (any of its values txs) before site on
// every path to it.
func setReadOnlyBefore(txs []ssa.Value, site ssa.CallInstruction) bool {
	var calls []ssa.CallInstruction
	for _, tx := range txs {
		for _, r := range *tx.Referrers() {
			if call, ok := r.(ssa.CallInstruction); ok {
				calls = append(calls, call)
			}
		}
	}
	for _, call := range calls {
		if call == site || call.Parent() != site.Parent() || !dominatesInstr(call, site) {
			continue
		}
		c := call.Common()
		args := c.Args
		if !c.IsInvoke() && len(args) > 0 {
			args = args[1:]
		}
		for _, a := range args {
			if text, ok := constString(a); ok {
				t := strings.ToUpper(strings.Join(strings.Fields(text), " "))
				if strings.HasPrefix(t, "SET TRANSACTION") && strings.Contains(t, "READ ONLY") {
					return true
				}
			}
		}
	}
	return false
}

// statementFixed reports whether a query text, on the way from the model's
// input (o's chain), was put after words of the program's own: a
// concatenation whose left side begins with a constant, fmt.Sprintf with
// a format that begins with text rather than a verb, or a builder whose
// first write is a constant.
func statementFixed(o *origin) bool {
	for n := 0; o != nil && n < 64; o, n = o.prev, n+1 {
		switch x := o.at.(type) {
		case *ssa.BinOp:
			if x.Op == token.ADD && beginsWithText(x.X) {
				return true
			}
		case *ssa.Call:
			if builderBeginsWithText(x) {
				return true
			}
			if callee := x.Call.StaticCallee(); callee != nil && callee.Pkg != nil &&
				callee.Pkg.Pkg.Path() == "fmt" && callee.Name() == "Sprintf" && len(x.Call.Args) > 0 {
				if format, ok := constString(x.Call.Args[0]); ok {
					format = strings.TrimSpace(format)
					if format != "" && format[0] != '%' {
						return true
					}
				}
			}
		}
	}
	return false
}

// builderBeginsWithText reports whether a call is the String method of a
// local strings.Builder or bytes.Buffer whose first write, in the order of
// the function's code, is a constant that is more than white space.
func builderBeginsWithText(call *ssa.Call) bool {
	if len(call.Call.Args) != 1 {
		return false
	}
	switch staticSymbol(call.Common()) {
	case "(*strings.Builder).String", "(*bytes.Buffer).String":
	default:
		return false
	}
	b, ok := call.Call.Args[0].(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, blk := range call.Parent().Blocks {
		for _, instr := range blk.Instrs {
			w, ok := instr.(*ssa.Call)
			if !ok || len(w.Call.Args) != 2 || w.Call.Args[0] != b {
				continue
			}
			if g := w.Call.StaticCallee(); g == nil || !strings.HasPrefix(g.Name(), "Write") {
				continue
			}
			return beginsWithText(w.Call.Args[1])
		}
	}
	return false
}

// beginsWithText reports whether a string value begins with a constant
// that is more than white space.
func beginsWithText(v ssa.Value) bool {
	for {
		if s, ok := constString(v); ok {
			return strings.TrimSpace(s) != ""
		}
		b, ok := v.(*ssa.BinOp)
		if !ok || b.Op != token.ADD {
			return false
		}
		v = b.X
	}
}

// parsedFrom reports whether v is a statement a parser made of the text
// (stmt, err := sqlparser.Parse(q); tree.Stmts[0].Stmt): a value, not
// text, computed from the flow in a few steps. Asking what kind of
// statement it is says which statement the text runs.
func parsedFrom(f *flow, v ssa.Value, anc lineage) bool {
	if isStringLike(v.Type()) {
		return false
	}
	if _, basic := v.Type().Underlying().(*types.Basic); basic {
		return false
	}
	o := f.taint(v)
	for n := 0; o != nil && n <= 12; o, n = o.prev, n+1 {
		if o.at != nil && o.at != v && anc.set[o.at] {
			return true
		}
	}
	return false
}

// readStatementType reports whether t is a parser's type for a statement
// that only reads: a SELECT (vitess's *sqlparser.Select, its Union and
// the SelectStatement interface; TiDB's *ast.SelectStmt and
// *ast.SetOprStmt; pg_query's *Node_SelectStmt) or a SHOW. EXPLAIN is
// not one: EXPLAIN ANALYZE runs the statement it explains.
func readStatementType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && readStatementName(n.Obj().Name())
}

func readStatementName(name string) bool {
	name = strings.TrimPrefix(name, "Node_")
	switch name {
	case "Union", "ParenSelect", "SetOprStmt", "OtherRead":
		return true
	}
	return strings.HasPrefix(name, "Select") || strings.HasPrefix(name, "Show") || strings.HasPrefix(name, "VariableShow")
}

// readNodeTest reports whether a comparison with nil asks a parsed
// statement's node whether it holds a reading statement: pg_query's
// node.GetSelectStmt() != nil, or a field of that name.
func readNodeTest(x *ssa.BinOp, related func(ssa.Value) bool) bool {
	switch y := comparedWithNil(x).(type) {
	case *ssa.Call:
		callee := y.Call.StaticCallee()
		if callee == nil || callee.Signature.Recv() == nil || len(y.Call.Args) != 1 {
			return false
		}
		name, ok := strings.CutPrefix(callee.Name(), "Get")
		return ok && readStatementName(name) && related(y.Call.Args[0])
	case *ssa.UnOp:
		if fa, ok := y.X.(*ssa.FieldAddr); ok && y.Op == token.MUL {
			return readStatementName(fieldName(fa.X.Type(), fa.Field)) && related(fa.X)
		}
	case *ssa.Field:
		return readStatementName(fieldName(y.X.Type(), y.Field)) && related(y.X)
	}
	return false
}

// testsStatementType reports whether fn asks what type of statement a
// parsed value is (a type switch or assertion to a reading statement's
// type, a GetSelectStmt call): only such a function can confine a
// parameter that is a parsed statement rather than text.
func testsStatementType(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.TypeAssert:
				if readStatementType(x.AssertedType) {
					return true
				}
			case *ssa.Call:
				if callee := x.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
					if name, ok := strings.CutPrefix(callee.Name(), "Get"); ok && readStatementName(name) {
						return true
					}
				}
			}
		}
	}
	return false
}

// preparedFromModel returns the model's text that a prepared statement
// was made of (stmt, err := db.PrepareContext(ctx, q) with q the model's),
// or nil: a call whose SQL argument carried the model's text returned the
// statement. A builder that took only values (gorm's Where("id = ?", v))
// took no statement of the model's.
func (c *checker) preparedFromModel(f *flow, recv ssa.Value) *origin {
	if ex, ok := recv.(*ssa.Extract); ok && ex.Index == 0 {
		recv = ex.Tuple
	}
	call, ok := recv.(*ssa.Call)
	if !ok {
		return nil
	}
	args := callArgs(call.Common())
	for _, sc := range c.sensitivesAt(call) {
		for _, s := range sc.args {
			if s.Kind != "sql" || s.Arg >= len(args) || (s.Arg == 0 && hasReceiver(call.Common())) {
				continue
			}
			if o := f.argument(call, args, s.Arg); o != nil && o.mask&kindMask([]string{"sql"}) != 0 {
				return o
			}
		}
	}
	return nil
}

// firstWordOf reports whether v is the first word of the flowing text
// (strings.Fields(q)[0], strings.Split(q, " ")[0]): the statement's
// keyword, which a comparison with a constant pins.
func firstWordOf(v ssa.Value, anc lineage) bool {
	x, i, ok := elementRead(v)
	if !ok || i != 0 {
		return false
	}
	call, ok := x.(*ssa.Call)
	if !ok || len(call.Call.Args) == 0 {
		return false
	}
	switch staticName(call) {
	case "strings.Fields", "strings.Split", "strings.SplitN":
		u := unfolded(call.Call.Args[0])
		return anc.set[u] || sameField(u, anc)
	}
	return false
}

// noWords reports whether a comparison, when it is want, says that the
// flowing text has no words (len(strings.Fields(q)) > 0 false): a text
// of white space runs no statement.
func noWords(x *ssa.BinOp, want bool, anc lineage) bool {
	op, n, k := x.Op, x.X, x.Y
	if _, ok := n.(*ssa.Const); ok {
		n, k = k, n
		op = flip(op)
	}
	if !want {
		op = negate(op)
	}
	c, ok := k.(*ssa.Const)
	if !ok || c.Value == nil {
		return false
	}
	bound, ok := constant.Int64Val(constant.ToInt(c.Value))
	// len(...) < 1, len(...) <= 0.
	if !ok || !(op == token.LSS && bound == 1 || op == token.LEQ && bound == 0) {
		return false
	}
	l, ok := n.(*ssa.Call)
	if !ok || len(l.Call.Args) != 1 {
		return false
	}
	if b, ok := l.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
		return false
	}
	words, ok := l.Call.Args[0].(*ssa.Call)
	if !ok || staticName(words) != "strings.Fields" {
		return false
	}
	u := unfolded(words.Call.Args[0])
	return anc.set[u] || sameField(u, anc)
}

package analyzer

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file recognises an application's own approval step: a function that
// asks someone outside the tool's code a yes-or-no question and waits for
// the answer. Agents that ask their user before running a command or
// writing a file rarely use an SDK's elicitation: they publish a request to
// their UI and block until the user answers (a permission service), or
// prompt on the terminal. Such a function, called before a sink on every
// path, is a confirmation guard, as if it carried //blastradius:guard
// confirmation.
//
// The shape, not the name, says what the function is:
//   - it returns a bool or an error (or both);
//   - it makes a channel of bools and hands it to others only through
//     memory (a map of pending requests, a field, a sync.Map, a queue it
//     is put on, alone or in a request), never to a goroutine or a call of
//     its own:
//     someone else, who finds the request, sends the answer. A worker
//     handed its channel computes the answer; no one is asked;
//   - what it receives there is what it returns: the bool itself, or the
//     condition of a branch (an error when the answer is no).
//
// Who answers decides: a person's answer reaches the program as a choice
// of function (Grant sends true, Deny sends false), a worker's as a value
// it computed. So when the program anywhere sends a computed bool on a
// channel it did not just make (`req.Reply <- allowed`), a waiting
// function may be asking a worker, and none is taken for an approval.
// A check of the user's permissions, a cached decision or a policy lookup
// has no such wait and is not a confirmation either.

// inferredApprovals returns the functions of fns that have the shape
// above, each with the guard kind "confirmation".
func inferredApprovals(fns []*ssa.Function) map[*ssa.Function]string {
	out := map[*ssa.Function]string{}
	if computesAnswers(fns) {
		return out
	}
	for _, fn := range fns {
		if fn != nil && awaitsAnswer(fn) {
			out[fn] = "confirmation"
		}
	}
	return out
}

// awaitsAnswer reports whether fn returns a bool, or an error, that says
// what it received from a channel of its own that only memory hands to the
// one who answers: the bool itself, or an error chosen by a branch on it.
func awaitsAnswer(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return false
	}
	bi := -1
	for i := 0; i < res.Len(); i++ {
		switch t := res.At(i).Type(); {
		case isBool(t) && bi < 0:
			bi = i
		case !isError(t):
			return false
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ch, ok := instr.(*ssa.MakeChan)
			if !ok || !boolChan(ch) || !askedThroughMemory(ch) {
				continue
			}
			for _, answer := range receivesOf(ch) {
				if decides(fn, answer, bi) {
					return true
				}
			}
		}
	}
	return false
}

// boolChan reports whether ch carries yes-or-no answers.
func boolChan(ch *ssa.MakeChan) bool {
	e, ok := ch.Type().Underlying().(*types.Chan)
	return ok && isBool(e.Elem())
}

// receivesOf returns the values received from ch: <-ch, v, ok := <-ch, and
// a select's case v := <-ch.
func receivesOf(ch *ssa.MakeChan) []ssa.Value {
	var out []ssa.Value
	for _, r := range *ch.Referrers() {
		switch x := r.(type) {
		case *ssa.UnOp:
			if x.Op != token.ARROW {
				continue
			}
			if !x.CommaOk {
				out = append(out, x)
				continue
			}
			out = append(out, extractsOf(x, 0)...)
		case *ssa.Select:
			// Index 0 is the chosen case, 1 recvOk, then one value per
			// receiving case, in order.
			n := 2
			for _, st := range x.States {
				if st.Dir != types.RecvOnly {
					continue
				}
				if st.Chan == ssa.Value(ch) {
					out = append(out, extractsOf(x, n)...)
				}
				n++
			}
		}
	}
	return out
}

// extractsOf returns the extractions of result i of a tuple.
func extractsOf(tuple ssa.Value, i int) []ssa.Value {
	var out []ssa.Value
	for _, r := range *tuple.Referrers() {
		if x, ok := r.(*ssa.Extract); ok && x.Index == i {
			out = append(out, x)
		}
	}
	return out
}

// decides reports whether the answer is what fn returns: its bool result
// bi (through phis), or the condition of a branch.
func decides(fn *ssa.Function, answer ssa.Value, bi int) bool {
	for _, r := range *answer.Referrers() {
		switch x := r.(type) {
		case *ssa.If:
			return true
		case *ssa.UnOp:
			if x.Op == token.NOT && decides(fn, x, bi) {
				return true
			}
		}
	}
	if bi < 0 {
		return false
	}
	for _, ret := range returnsOf(fn) {
		if flowsTo(answer, ret.Results[bi], map[ssa.Value]bool{}) {
			return true
		}
	}
	return false
}

// flowsTo reports whether w is v: v itself, an edge of the phis w is, or
// what is stored in the variable w loads (a function with a defer returns
// its results through one).
func flowsTo(v, w ssa.Value, seen map[ssa.Value]bool) bool {
	if v == w {
		return true
	}
	if seen[w] {
		return false
	}
	seen[w] = true
	switch x := w.(type) {
	case *ssa.Phi:
		for _, e := range x.Edges {
			if flowsTo(v, e, seen) {
				return true
			}
		}
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			for _, r := range *a.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) && flowsTo(v, st.Val, seen) {
					return true
				}
			}
		}
	}
	return false
}

// askedThroughMemory reports whether the only ways ch leaves its function
// are into memory: a store, a map entry, or a method of a concurrent map
// (sync.Map.Store, LoadOrStore). Receiving, closing and sending on it stay
// in the function.
func askedThroughMemory(ch *ssa.MakeChan) bool {
	stored := false
	var visit func(v ssa.Value) bool
	visit = func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			switch x := r.(type) {
			case *ssa.UnOp, *ssa.Select, *ssa.DebugRef:
			case *ssa.Send:
				if x.X == v {
					stored = true // put on a queue for whoever answers
				}
			case *ssa.Store:
				if x.Addr == v {
					return false
				}
				stored = true
			case *ssa.MapUpdate:
				if x.Value != v {
					return false
				}
				stored = true
			case *ssa.MakeInterface:
				if !visit(x) {
					return false
				}
			case *ssa.Call:
				if !storesInSyncMap(x, v) && !setterOf(x, v) {
					return false
				}
				stored = true
			default:
				// A goroutine, a call, a closure: the program answers.
				return false
			}
		}
		return true
	}
	return visit(ch) && stored
}

// setterOf reports whether call hands v to a function of the module that
// only keeps it in memory: a map entry or a variable (the Set method of
// the module's own map type, generic or not).
func setterOf(call *ssa.Call, v ssa.Value) bool {
	callee := call.Call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || call.Call.IsInvoke() {
		return false
	}
	kept := false
	for i, a := range call.Call.Args {
		if a != v {
			continue
		}
		if i >= len(callee.Params) {
			return false
		}
		for _, r := range *callee.Params[i].Referrers() {
			switch x := r.(type) {
			case *ssa.DebugRef:
			case *ssa.MapUpdate:
				if x.Value != callee.Params[i] {
					return false
				}
				kept = true
			case *ssa.Store:
				if x.Addr == callee.Params[i] {
					return false
				}
				kept = true
			default:
				return false
			}
		}
	}
	return kept
}

// storesInSyncMap reports whether call keeps v in a sync.Map.
func storesInSyncMap(call *ssa.Call, v ssa.Value) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	switch symbolOf(callee) {
	case "(*sync.Map).Store", "(*sync.Map).LoadOrStore", "(*sync.Map).Swap":
		args := call.Call.Args
		return len(args) == 3 && args[2] == v
	}
	return false
}

// computesAnswers reports whether fns (closures included) send a bool that
// is not a constant on a channel they did not make themselves. A parameter
// that every call of its function passes as a constant is one: Grant and
// Deny that call resolve(id, true) and resolve(id, false), which sends its
// granted, are still a choice of function.
func computesAnswers(fns []*ssa.Function) bool {
	fixed := fixedParams(fns)
	computed := false
	for _, fn := range fns {
		if fn == nil {
			continue
		}
		eachInstr(fn, func(instr ssa.Instruction) {
			send, ok := instr.(*ssa.Send)
			if !ok || !isBool(send.X.Type()) {
				return
			}
			_, made := send.Chan.(*ssa.MakeChan)
			computed = computed || (!made && !fixed(send.X))
		})
	}
	return computed
}

// fixedParams returns a test of whether a value is a constant, or a
// parameter that every call of its function (in fns, closures included)
// passes as one, or as such a parameter of its own. A function used as a
// value, or a method that an interface call may run, can be called with
// anything: its parameters are not fixed.
func fixedParams(fns []*ssa.Function) func(ssa.Value) bool {
	sites := map[*ssa.Function][]*ssa.CallCommon{}
	taken := map[*ssa.Function]bool{}
	invoked := map[string]bool{}
	for _, fn := range fns {
		if fn == nil {
			continue
		}
		eachInstr(fn, func(instr ssa.Instruction) {
			var callee *ssa.Function
			if c, ok := instr.(ssa.CallInstruction); ok {
				if c.Common().IsInvoke() {
					invoked[c.Common().Method.Name()] = true
				} else if callee = c.Common().StaticCallee(); callee != nil {
					if _, closure := c.Common().Value.(*ssa.MakeClosure); !closure {
						sites[callee] = append(sites[callee], c.Common())
					}
				}
			}
			take := func(g *ssa.Function) {
				taken[g] = true
				if g.Synthetic != "" {
					// A method value or expression: the method runs.
					if m := symbol.CalledMethod(g); m != nil {
						taken[m] = true
					}
				}
			}
			for _, op := range instr.Operands(nil) {
				if g, ok := (*op).(*ssa.Function); ok && (callee == nil || op != &instr.(ssa.CallInstruction).Common().Value) {
					take(g)
				}
			}
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				take(mc.Fn.(*ssa.Function))
			}
		})
	}
	var fixed func(v ssa.Value, depth int) bool
	fixed = func(v ssa.Value, depth int) bool {
		if _, ok := v.(*ssa.Const); ok {
			return true
		}
		p, ok := v.(*ssa.Parameter)
		if !ok || depth > 3 {
			return false
		}
		fn := p.Parent()
		i := slices.Index(fn.Params, p)
		calls := sites[fn]
		if i < 0 || len(calls) == 0 || taken[fn] || fn.Signature.Recv() != nil && invoked[fn.Name()] {
			return false
		}
		for _, c := range calls {
			if i >= len(c.Args) || !fixed(c.Args[i], depth+1) {
				return false
			}
		}
		return true
	}
	return func(v ssa.Value) bool { return fixed(v, 0) }
}

package analyzer

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// This file follows a function sent on a channel to the call that runs it.
// A work queue (`q <- func() error { return c.Do(req) }` where a tool waits
// for a rate limiter, `for fn := range q { fn() }` in a worker goroutine
// started once, elsewhere) runs the tool's function on the tool's behalf:
// what that function reaches is the tool's. No call connects the tool to
// the worker, so the search would stop at the send and call the tool
// harmless.

// queued is a function a send puts on a channel, and a call that runs a
// value received from a channel of that type.
type queued struct {
	send *ssa.Send
	fn   *ssa.Function
	run  ssa.CallInstruction
}

// queueRuns returns, by channel element type, the calls of funcs that run
// a function received from a channel, in position order: the worker's
// `fn()` after `fn := <-q`, `for fn := range q`, or a select's receive.
func queueRuns(funcs []*ssa.Function) map[string][]ssa.CallInstruction {
	out := map[string][]ssa.CallInstruction{}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok || c.Common().IsInvoke() || c.Common().StaticCallee() != nil {
					continue
				}
				if elem := receivedFrom(c.Common().Value); elem != nil {
					k := types.TypeString(elem, nil)
					out[k] = append(out[k], c)
				}
			}
		}
	}
	for _, sites := range out {
		sort.Slice(sites, func(i, j int) bool { return sites[i].Pos() < sites[j].Pos() })
	}
	return out
}

// receivedFrom returns the element type of the channel v was received
// from, or nil when v is not a received value.
func receivedFrom(v ssa.Value) types.Type {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.ARROW && !x.CommaOk {
				return chanElem(x.X.Type())
			}
		case *ssa.Extract:
			switch t := x.Tuple.(type) {
			case *ssa.UnOp:
				if t.Op == token.ARROW && x.Index == 0 {
					return chanElem(t.X.Type())
				}
			case *ssa.Select:
				// Index 0 is the chosen case, 1 recvOk, then one value
				// per receiving case, in order.
				n := 2
				for _, st := range t.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					if n == x.Index {
						return chanElem(st.Chan.Type())
					}
					n++
				}
			}
		}
		return nil
	}
}

func chanElem(t types.Type) types.Type {
	if ch, ok := t.Underlying().(*types.Chan); ok {
		return ch.Elem()
	}
	return nil
}

// sentFuncs returns the functions fn sends on a channel whose received
// values some call runs, each with the first such call.
func (rc *reacher) sentFuncs(fn *ssa.Function) []queued {
	if len(rc.queueRuns) == 0 {
		return nil
	}
	var out []queued
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			send, ok := instr.(*ssa.Send)
			if !ok {
				continue
			}
			f := funcValue(send.X)
			elem := chanElem(send.Chan.Type())
			if f == nil || elem == nil || isOpaque(rc.cat, f) {
				continue
			}
			if runs := rc.queueRuns[types.TypeString(elem, nil)]; len(runs) > 0 {
				out = append(out, queued{send: send, fn: f, run: runs[0]})
			}
		}
	}
	return out
}

package analyzer

import (
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// protocolMessage reports whether v, written by a call to the sink sym, is
// a message of a protocol rather than a command: sym is a channel and v an
// encoded message (see encodedMessage). Such a write is neither BR101 nor
// the model's choice of what the process runs.
func (c *checker) protocolMessage(f *flow, sym string, v ssa.Value) bool {
	if _, ok := c.cat.Channels[rules.Normalize(sym)]; !ok {
		return false
	}
	return c.encodedMessage(f, v)
}

// encodedMessage reports whether a value written into a process's input
// (a channel, see channelWrites) carries the model's text only inside
// messages that a catalogued structured encoder produced (rules.Catalog.Encoders):
// json.Marshal's result, framed by an LSP client with a Content-Length
// header. The process reads such a message as its protocol, so the write
// is still the channel's capability, but no command of the model's
// (BR101). Anything else that carries the model's text (the text itself, a
// buffer it was copied into) is not.
//
// The value is followed back through conversions, the arguments of a
// variadic call (fmt.Fprintf's), phis and, a few calls deep, the
// parameters of the run's helpers (func writeMessage(w io.Writer, msg any)).
func (c *checker) encodedMessage(f *flow, v ssa.Value) bool {
	return c.encoded(f, v, 3, map[ssa.Value]bool{})
}

func (c *checker) encoded(f *flow, v ssa.Value, depth int, seen map[ssa.Value]bool) bool {
	if o := f.deep(v); o == nil || o.mask&kindMask([]string{"command"}) == 0 {
		return true // none of the model's text to speak of
	}
	if seen[v] {
		return true // a cycle adds nothing the other edges do not
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.ChangeType:
		return c.encoded(f, x.X, depth, seen)
	case *ssa.Convert:
		return c.encoded(f, x.X, depth, seen)
	case *ssa.MakeInterface:
		return c.encoded(f, x.X, depth, seen)
	case *ssa.Slice:
		if arr, ok := x.X.(*ssa.Alloc); ok {
			return c.elementsEncoded(f, arr, depth, seen)
		}
		return c.encoded(f, x.X, depth, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !c.encoded(f, e, depth, seen) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			return c.isEncoderCall(call)
		}
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			// A message framed for the stream (append(data, '\n')):
			// what is appended is the program's, or encoded too.
			for _, a := range x.Call.Args {
				if !c.encoded(f, a, depth, seen) {
					return false
				}
			}
			return true
		}
		return c.isEncoderCall(x)
	case *ssa.Parameter:
		if depth == 0 || f.rc == nil || f.rc.cg == nil {
			return false
		}
		passed := f.passed(x)
		for _, a := range passed {
			if !c.encoded(f, a, depth-1, seen) {
				return false
			}
		}
		return len(passed) > 0
	}
	return false
}

// elementsEncoded reports whether every value stored into an array (the
// one behind a variadic call's arguments) is encoded.
// An array used otherwise (a buffer that copy fills) is not followed.
func (c *checker) elementsEncoded(f *flow, arr *ssa.Alloc, depth int, seen map[ssa.Value]bool) bool {
	slices := 0
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.Slice:
			if slices++; slices > 1 {
				return false
			}
		case *ssa.IndexAddr:
			for _, rr := range *r.Referrers() {
				st, ok := rr.(*ssa.Store)
				if !ok || st.Addr != r {
					return false
				}
				if !c.encoded(f, st.Val, depth, seen) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// isEncoderCall reports whether a call's static callee is a catalogued
// encoder.
func (c *checker) isEncoderCall(call *ssa.Call) bool {
	sym := staticSymbol(call.Common())
	return sym != "" && c.cat.IsEncoder(sym)
}

package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file finds the writes into a started process's input: a stdin pipe
// (cmd.StdinPipe(), an SSH session's StdinPipe) or a PTY's master
// (pty.Start). Whatever is written there, the shell or program on the
// other side reads as its commands, so the write is the capability the
// catalog gives the channel (exec), and model text written there is a
// command. The channel is usually opened when a session starts and kept in
// a field; the tool only writes into it later, far from the call that
// opened it. So the channel is followed through the program's values,
// struct fields and globals, not from one tool's code.

// channelWrites returns the calls of funcs that write into a channel the
// catalog names (see rules.Catalog.Channels), each mapped to the symbol of
// the call that opened it. A write is a Write or WriteString method called
// on the channel, or io.WriteString, io.Copy (and CopyN, CopyBuffer) and
// fmt.Fprint, Fprintf and Fprintln given it.
func channelWrites(cat *rules.Catalog, funcs []*ssa.Function) map[ssa.CallInstruction]string {
	out := map[ssa.CallInstruction]string{}
	if len(cat.Channels) == 0 {
		return out
	}
	t := &channelTracker{
		values:  map[ssa.Value]string{},
		fields:  map[*types.Var]string{},
		globals: map[*ssa.Global]string{},
	}
	for _, fn := range funcs {
		eachInstr(fn, func(instr ssa.Instruction) {
			call, ok := instr.(*ssa.Call)
			if !ok {
				return
			}
			callee := call.Call.StaticCallee()
			if callee == nil {
				return
			}
			sym := symbolOf(callee)
			if _, ok := cat.Channels[rules.Normalize(sym)]; ok {
				t.mark(call, sym)
			}
		})
	}
	if len(t.values) == 0 {
		return out
	}
	// Each round carries the channel one step further: into a field
	// stored in one function and read in another, through a helper's
	// parameter. A chain of more stores than rounds is not followed.
	for round := 0; round < 8 && t.changed; round++ {
		t.changed = false
		for _, fn := range funcs {
			eachInstr(fn, t.step)
		}
	}
	for _, fn := range funcs {
		eachInstr(fn, func(instr ssa.Instruction) {
			site, ok := instr.(ssa.CallInstruction)
			if !ok {
				return
			}
			if w := writerOf(site.Common()); w != nil {
				if sym, ok := t.values[w]; ok {
					out[site] = sym
				}
			}
		})
	}
	return out
}

// channelTracker holds what carries a channel: SSA values, and the struct
// fields and globals a channel was stored in.
type channelTracker struct {
	values  map[ssa.Value]string
	fields  map[*types.Var]string
	globals map[*ssa.Global]string
	changed bool
}

func (t *channelTracker) mark(v ssa.Value, sym string) {
	if _, ok := t.values[v]; !ok && v != nil {
		t.values[v] = sym
		t.changed = true
	}
}

// step carries the channel through one instruction: a conversion, a phi,
// the first result of the opening call, a store into a field, a global or
// a variable, a load from one, and a static call's parameter.
func (t *channelTracker) step(instr ssa.Instruction) {
	switch x := instr.(type) {
	case *ssa.Extract:
		if sym, ok := t.values[x.Tuple]; ok && x.Index == 0 {
			t.mark(x, sym)
		}
	case *ssa.MakeInterface:
		t.from(x, x.X)
	case *ssa.ChangeType:
		t.from(x, x.X)
	case *ssa.ChangeInterface:
		t.from(x, x.X)
	case *ssa.TypeAssert:
		if !x.CommaOk {
			t.from(x, x.X)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			t.from(x, e)
		}
	case *ssa.Store:
		sym, ok := t.values[x.Val]
		if !ok {
			return
		}
		switch a := x.Addr.(type) {
		case *ssa.FieldAddr:
			if f := fieldVar(a.X.Type(), a.Field); f != nil {
				if _, ok := t.fields[f]; !ok {
					t.fields[f] = sym
					t.changed = true
				}
			}
		case *ssa.Global:
			if _, ok := t.globals[a]; !ok {
				t.globals[a] = sym
				t.changed = true
			}
		case *ssa.Alloc:
			t.mark(a, sym)
		}
	case *ssa.UnOp:
		switch a := x.X.(type) {
		case *ssa.FieldAddr:
			if f := fieldVar(a.X.Type(), a.Field); f != nil {
				if sym, ok := t.fields[f]; ok {
					t.mark(x, sym)
				}
			}
		case *ssa.Global:
			if sym, ok := t.globals[a]; ok {
				t.mark(x, sym)
			}
		case *ssa.Alloc:
			t.from(x, a)
		}
	case *ssa.Field:
		if f := fieldVar(x.X.Type(), x.Field); f != nil {
			if sym, ok := t.fields[f]; ok {
				t.mark(x, sym)
			}
		}
	case ssa.CallInstruction:
		callee := x.Common().StaticCallee()
		if callee == nil || len(callee.Params) != len(x.Common().Args) {
			return
		}
		for i, a := range x.Common().Args {
			t.from(callee.Params[i], a)
		}
	}
}

// from marks v when w carries a channel.
func (t *channelTracker) from(v, w ssa.Value) {
	if sym, ok := t.values[w]; ok {
		t.mark(v, sym)
	}
}

// fieldVar is field i of the struct that t, or *t, is.
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// writerOf returns the writer a call writes into, or nil when the call is
// not a write: w in w.Write(p), w.WriteString(s), io.WriteString(w, s),
// fmt.Fprintf(w, ...), io.Copy(w, r).
func writerOf(c *ssa.CallCommon) ssa.Value {
	var name string
	recv := false
	if c.IsInvoke() {
		name, recv = c.Method.Name(), true
	} else if callee := c.StaticCallee(); callee != nil {
		name = callee.Name()
		recv = callee.Signature.Recv() != nil
		if !recv && callee.Pkg != nil {
			name = callee.Pkg.Pkg.Path() + "." + name
		}
	}
	args := callArgs(c)
	if len(args) < 2 {
		return nil
	}
	switch {
	case recv && (name == "Write" || name == "WriteString"),
		!recv && (name == "io.WriteString" || name == "fmt.Fprint" || name == "fmt.Fprintf" || name == "fmt.Fprintln" ||
			name == "io.Copy" || name == "io.CopyN" || name == "io.CopyBuffer"):
		return args[0]
	}
	return nil
}

// eachInstr calls fn for every instruction of f and of its closures.
func eachInstr(f *ssa.Function, fn func(ssa.Instruction)) {
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			fn(instr)
		}
	}
	for _, anon := range f.AnonFuncs {
		eachInstr(anon, fn)
	}
}

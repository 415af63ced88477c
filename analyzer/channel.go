package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
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
//
// programs gives the names a command's program can have (a constant, or a
// field the module only sets to constants): for text put in its Stdin.
func channelWrites(cat *rules.Catalog, funcs []*ssa.Function, programs func(ssa.Value) ([]string, bool)) map[ssa.CallInstruction]string {
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
			switch x := instr.(type) {
			case *ssa.Call:
				if callee := x.Call.StaticCallee(); callee != nil {
					sym := symbolOf(callee)
					if _, ok := cat.Channels[rules.Normalize(sym)]; ok {
						t.mark(x, sym)
					}
				}
			case *ssa.Store:
				if call := stdinInput(x, programs); call != nil {
					out[call] = stdinField
				}
				for _, call := range envAppends(x) {
					out[call] = envField
				}
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

// stdinField is the channel of a process's input given whole: a reader of
// text put in the command's Stdin before it runs (cmd.Stdin =
// strings.NewReader(script)). The text is the reader constructor's first
// argument.
const stdinField = "(*os/exec.Cmd).Stdin"

// readerOfText are the constructors of a reader of the text they are given.
var readerOfText = map[string]bool{
	"strings.NewReader": true, "bytes.NewReader": true, "bytes.NewBufferString": true, "bytes.NewBuffer": true,
}

// scriptReaders are shells and interpreters: with no script named (only
// options such as -s, or none), they run what they read on their input.
var scriptReaders = map[string]bool{
	"sh": true, "bash": true, "zsh": true, "dash": true, "ash": true, "ksh": true, "fish": true,
	"cmd": true, "cmd.exe": true, "powershell": true, "powershell.exe": true, "pwsh": true,
	"python": true, "python3": true, "node": true, "deno": true, "bun": true, "perl": true, "ruby": true, "php": true, "osascript": true,
}

// statementReaders are the command-line clients of databases: they run
// the statements they read on their input, and meta-commands that run a
// shell (sqlite3's .shell, psql's \!), unless told a statement to run.
var statementReaders = map[string]bool{
	"sqlite3": true, "duckdb": true, "psql": true, "mysql": true, "mariadb": true, "sqlcmd": true,
	"redis-cli": true, "mongosh": true, "mongo": true, "clickhouse-client": true,
}

// scriptOptions name, in a shell's, an interpreter's or a database
// client's arguments, the script or statement it runs instead of its
// input.
var scriptOptions = map[string]bool{
	"-c": true, "-e": true, "-E": true, "--eval": true, "-m": true, "-r": true,
	"-Command": true, "-command": true, "-File": true, "-file": true,
	"--command": true, "--execute": true, "-cmd": true,
}

// stdinInput returns the reader constructor whose reader st puts in a
// command's Stdin, when the command's program reads its input as commands:
// a shell or an interpreter given no script, a database's client given no
// statement. Text for a program that reads data there (jq, grep, a script
// named in its arguments), or one the code does not fix, is none.
func stdinInput(st *ssa.Store, programs func(ssa.Value) ([]string, bool)) *ssa.Call {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || symbol.Type(fa.X.Type()) != "os/exec.Cmd" {
		return nil
	}
	if f := symbol.Field(fa.X.Type(), fa.Field); f == nil || f.Name() != "Stdin" {
		return nil
	}
	v := st.Val
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	if callee := call.Call.StaticCallee(); callee == nil || !readerOfText[symbolOf(callee)] {
		return nil
	}
	made, ok := fa.X.(*ssa.Call)
	if !ok {
		return nil
	}
	prog := -1
	switch staticSymbol(&made.Call) {
	case "os/exec.Command":
		prog = 0
	case "os/exec.CommandContext":
		prog = 1
	}
	if prog < 0 || prog+1 >= len(made.Call.Args) {
		return nil
	}
	names, ok := programs(made.Call.Args[prog])
	if !ok {
		return nil
	}
	// The program may be one of several (a runner's interpreter per
	// language): the text is a command when one of them reads it so.
	script, statements := false, false
	for _, name := range names {
		name = programName(name)
		script = script || scriptReaders[name]
		statements = statements || statementReaders[name]
	}
	if !script && !statements {
		return nil
	}
	words, ok := constantArgv(made.Call.Args[prog+1])
	if !ok {
		return nil
	}
	for _, w := range words {
		if scriptOptions[w] || script && !strings.HasPrefix(w, "-") {
			return nil // a script or a statement of its own: the input is its data
		}
	}
	return call
}

// constantArgv returns the words of a command's variadic arguments when
// each is a constant: none, or the elements of the slice literal.
func constantArgv(v ssa.Value) ([]string, bool) {
	if k, ok := v.(*ssa.Const); ok && k.IsNil() {
		return nil, true
	}
	vals, ok := variadicPack(v)
	if !ok {
		return nil, false
	}
	words := make([]string, 0, len(vals))
	for _, val := range vals {
		w, ok := constString(val)
		if !ok {
			return nil, false
		}
		words = append(words, w)
	}
	return words, true
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
			if f := symbol.Field(a.X.Type(), a.Field); f != nil {
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
			if f := symbol.Field(a.X.Type(), a.Field); f != nil {
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
		if f := symbol.Field(x.X.Type(), x.Field); f != nil {
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

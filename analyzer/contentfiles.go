package analyzer

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file follows the model's text through a file to a command: a tool
// that writes the model's text into a file and then names that file on a
// command line (a script an interpreter runs, a manifest kubectl applies)
// hands the command the model's text as surely as an argument would. The
// file's name is the program's own (a temporary file, a fixed path), so
// the name itself stays untainted for every other use (removing the file
// is not a model-chosen path): only the command that reads the file is
// given the text.
//
// A file is known by the values that name it: the path a write is given
// (os.WriteFile(p, …)), the handle written through ((*os.File).WriteString,
// fmt.Fprintf or io.WriteString on it), the path that handle was created or
// opened by, and what its Name method returns; each followed back through
// the module's helpers (a parameter to the values passed for it, a call to
// the values its callee returns).

// maxFileHops bounds how far back a file's name is followed.
const maxFileHops = 6

// fileWriters are the calls that write their data argument into a file
// named by their first argument: a path, or a handle.
var fileWriters = map[string]struct{ file, data int }{
	"os.WriteFile":                      {0, 1},
	"(*os.File).Write":                  {0, 1},
	"(*os.File).WriteString":            {0, 1},
	"(*os.File).WriteAt":                {0, 1},
	"(*os.File).ReadFrom":               {0, 1},
	"io.WriteString":                    {0, 1},
	"io.Copy":                           {0, 1},
	"fmt.Fprint":                        {0, 1},
	"fmt.Fprintf":                       {0, 2},
	"fmt.Fprintln":                      {0, 1},
	"(*text/template.Template).Execute": {0, 2},
}

// fileOpeners return a handle on the file their first argument names.
var fileOpeners = map[string]bool{"os.Create": true, "os.OpenFile": true}

// writtenFile is a file a tool writes the model's text into.
type writtenFile struct {
	names map[ssa.Value]bool
	data  *origin
	at    token.Pos
}

// modelFiles returns the files the tool writes the model's text into.
func (c *checker) modelFiles(f *flow, res *reached) []writtenFile {
	var out []writtenFile
	c.eachSite(res, func(site ssa.CallInstruction) {
		callee := site.Common().StaticCallee()
		if callee == nil {
			return
		}
		w, ok := fileWriters[symbol.Of(callee)]
		args := callArgs(site.Common())
		if !ok || w.data >= len(args) {
			return
		}
		var data *origin
		for _, a := range args[w.data:] {
			if o := f.deep(a); o != nil && o.mask&eitherMask([]string{"command"}) != 0 {
				data = o
				break
			}
		}
		if data == nil {
			return
		}
		names := map[ssa.Value]bool{}
		c.fileNames(args[w.file], f.funcs, names, 0)
		if len(names) > 0 {
			out = append(out, writtenFile{names: names, data: data, at: site.Pos()})
		}
	})
	return out
}

// fileNames adds to names the values that name the same file as v: v, a
// handle's Name() and the path it was opened by, and what v comes from in
// the module's code.
func (c *checker) fileNames(v ssa.Value, scope map[*ssa.Function]bool, names map[ssa.Value]bool, hops int) {
	if v == nil || names[v] || hops > maxFileHops {
		return
	}
	names[v] = true
	switch x := v.(type) {
	case *ssa.MakeInterface:
		c.fileNames(x.X, scope, names, hops+1)
	case *ssa.ChangeType:
		c.fileNames(x.X, scope, names, hops+1)
	case *ssa.UnOp:
		if _, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			// A variable a closure captures (a deferred removal of the
			// file) is loaded anew at each use: the variable is the
			// file's name.
			c.fileNames(x.X, scope, names, hops+1)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			c.fileNames(e, scope, names, hops+1)
		}
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil && symbol.Of(callee) == "(*os.File).Name" && len(x.Call.Args) == 1 {
			c.fileNames(x.Call.Args[0], scope, names, hops+1)
			return
		}
		for _, r := range c.returnedValues(x, 0) {
			c.fileNames(r, scope, names, hops+1)
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			if callee := call.Call.StaticCallee(); callee != nil && fileOpeners[symbol.Of(callee)] && len(call.Call.Args) > 0 {
				c.fileNames(call.Call.Args[0], scope, names, hops+1)
				return
			}
		}
	}
	if from, ok := c.flowsFrom(v, scope); ok {
		for _, w := range from {
			c.fileNames(w, scope, names, hops+1)
		}
	}
}

// commandFiles returns, per command call of the tool and argument, the
// model's text that a file named there holds: the argument is the program
// or one of its words (an element of the argv slice) and names a file of
// files.
func (c *checker) commandFiles(f *flow, res *reached) map[ssa.CallInstruction]map[int]*origin {
	var out map[ssa.CallInstruction]map[int]*origin
	var files []writtenFile
	filesDone := false
	c.eachSite(res, func(site ssa.CallInstruction) {
		for _, sc := range c.sensitivesAt(site) {
			for _, s := range sc.args {
				if s.Kind != "command" {
					continue
				}
				if !filesDone {
					files, filesDone = c.modelFiles(f, res), true
				}
				if len(files) == 0 {
					return
				}
				args := callArgs(site.Common())
				if s.Arg >= len(args) {
					continue
				}
				words := map[int][]ssa.Value{s.Arg: {args[s.Arg]}}
				if s.Rest {
					if argvs, ok := c.argvsAfter(site, s, f.funcs); ok {
						i := s.Arg + 1
						for _, argv := range argvs {
							words[i] = append(words[i], argv...)
						}
					}
				}
				for i, ws := range words {
					for _, w := range ws {
						if o := c.namedFile(w, site.Pos(), files, f.funcs); o != nil {
							if out == nil {
								out = map[ssa.CallInstruction]map[int]*origin{}
							}
							if out[site] == nil {
								out[site] = map[int]*origin{}
							}
							if out[site][i] == nil {
								out[site][i] = o
							}
						}
					}
				}
			}
		}
	})
	return out
}

// namedFile returns how the model's text came into the file a command word
// names, or nil when it names none of files. A word that is text built
// around the name ("python3 " + path) names it too.
func (c *checker) namedFile(w ssa.Value, at token.Pos, files []writtenFile, scope map[*ssa.Function]bool) *origin {
	if b, ok := w.(*ssa.BinOp); ok && b.Op == token.ADD {
		if o := c.namedFile(b.X, at, files, scope); o != nil {
			return o
		}
		return c.namedFile(b.Y, at, files, scope)
	}
	if !isStringLike(w.Type()) && !isFileHandle(w.Type()) {
		return nil
	}
	names := map[ssa.Value]bool{}
	c.fileNames(w, scope, names, 0)
	for _, file := range files {
		for n := range names {
			if !file.names[n] {
				continue
			}
			// The step is shown where the command is given the file's
			// name, and says where the text went into it.
			pos := w.Pos()
			if !pos.IsValid() {
				pos = at
			}
			written := c.pos.of(file.at)
			return &origin{mask: file.data.mask, at: w, pos: pos,
				what: fmt.Sprintf("written into a file (%s:%d) whose name the command is given", written.File, written.Line),
				prev: file.data}
		}
	}
	return nil
}

// isFileHandle reports whether t is *os.File.
func isFileHandle(t types.Type) bool {
	return isSystemHandle(t) && symbol.Type(t) == "os.File"
}

// Package ssabuild builds an SSA program's packages without letting the
// builder's panics take the process down. The scan (package analyzer) and
// the summaries of opaque dependencies (package summary) both build this
// way.
package ssabuild

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/load"
)

// BuildAll builds every package's functions, as ssa.Program.Build does, but
// each in a goroutine that recovers: the builder panics on syntax that did
// not type-check, and a panic in a goroutine of x/tools' own would take the
// process down. The loader keeps such syntax away from SSA (see
// load/illtyped.go); this is the last line of defence. It returns, for each
// package whose build failed, the first line of the builder's panic.
//
// src is what each package was created from: once a package is built,
// the bodies of its functions are emptied (see [dropBodies]), and BuildAll
// lets go of its Info; once all are built, the Info of a package that
// declares generic functions is cut down to what their bodies need (see
// [keepGenericBodies]).
func BuildAll(prog *ssa.Program, src map[*ssa.Package]*Source) map[*ssa.Package]string {
	var (
		mu     sync.Mutex
		failed = map[*ssa.Package]string{}
		wg     sync.WaitGroup
	)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range prog.AllPackages() {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			defer func() {
				if r := recover(); r != nil {
					msg, _, _ := strings.Cut(strings.TrimSpace(fmt.Sprint(r)), "\n")
					mu.Lock()
					failed[p] = msg
					mu.Unlock()
				}
			}()
			p.Build()
			if s := src[p]; s != nil {
				dropBodies(s.Files, !s.Read)
				if !hasGeneric(s.Files) {
					s.Info = nil // SSA let go of it: so do we
				}
			}
		}()
	}
	wg.Wait()
	for _, s := range src {
		if s.Info != nil {
			keepGenericBodies(s.Info, s.Files)
			s.Info = nil
		}
	}
	return failed
}

// Source is the syntax and type information a package was created from in
// SSA.
type Source struct {
	Files []*ast.File
	Info  *types.Info
	// Read says the files are read after the build (the scanned module's
	// own, for directives), so they keep their functions' signatures.
	Read bool
}

// hasGeneric reports whether files declare a generic function or method.
func hasGeneric(files []*ast.File) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && load.Generic(fd) {
				return true
			}
		}
	}
	return false
}

// keepGenericBodies cuts info down to what it records of the generic
// functions declared in files. SSA builds a package's functions from its
// type information and then lets go of it, but for generic functions: it
// builds their instances from their syntax and the package's information
// whenever an instance is first asked for (by the call graph, long after
// Build), so a single generic function kept the whole package's
// information, the types of every expression of every body above all, to
// the end of the scan (about 130 MB on weknora). Each map is made anew
// (see load.Retain): it is the same *types.Info that the generic
// functions hold.
func keepGenericBodies(info *types.Info, files []*ast.File) {
	var spans [][2]token.Pos
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && load.Generic(fd) {
				spans = append(spans, [2]token.Pos{fd.Pos(), fd.End()})
			}
		}
	}
	load.Retain(info, spans)
	// SSA reads these when it creates and builds the package, never to
	// instantiate: FileVersions holds every file of the package, and
	// InitOrder the syntax of every package-level initializer.
	info.FileVersions, info.InitOrder = nil, nil
}

// dropBodies empties the statements of the functions declared in files,
// function literals included, but for generic ones. Each SSA function
// keeps its syntax for as long as the program lives (ssa.Function.Syntax),
// and so every body's syntax tree stayed in memory to the end of a scan,
// though nothing reads it once the function is built (400 MB on weknora).
// A generic function keeps its body: SSA builds its instances from it
// when they are first asked for, which may be after Build.
//
// With signatures, it also empties their parameters and results (and
// receivers, and doc comments): the syntax of the signatures of every
// dependency function was about 140 MB of weknora's live heap after SSA,
// and SSA reads none of it once the function is built.
func dropBodies(files []*ast.File, signatures bool) {
	var lits []*ast.FuncLit
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil && !signatures || load.Generic(fd) {
				continue
			}
			if signatures {
				fd.Doc = nil
				dropSignature(fd.Recv, fd.Type)
			}
			if fd.Body == nil {
				continue
			}
			lits = lits[:0]
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					lits = append(lits, lit)
				}
				return true
			})
			for _, lit := range lits {
				lit.Body.List = nil
				if signatures {
					dropSignature(nil, lit.Type)
				}
			}
			fd.Body.List = nil
		}
	}
}

// dropSignature empties the fields of a function's receiver, parameters
// and results, keeping the lists themselves (a FuncType's Params is never
// nil).
func dropSignature(recv *ast.FieldList, t *ast.FuncType) {
	for _, l := range []*ast.FieldList{recv, t.Params, t.Results} {
		if l != nil {
			l.List = nil
		}
	}
}

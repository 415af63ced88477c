// Package ssabuild builds an SSA program's packages without letting the
// builder's panics take the process down. The scan (package analyzer) and
// the summaries of opaque dependencies (package summary) both build this
// way.
package ssabuild

import (
	"fmt"
	"go/ast"
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
// files are the syntax each package was created from: once a package is
// built, the bodies of its functions are emptied (see [dropBodies]).
func BuildAll(prog *ssa.Program, files map[*ssa.Package][]*ast.File) map[*ssa.Package]string {
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
			dropBodies(files[p])
		}()
	}
	wg.Wait()
	return failed
}

// dropBodies empties the statements of the functions declared in files,
// function literals included, but for generic ones. Each SSA function
// keeps its syntax for as long as the program lives (ssa.Function.Syntax),
// and so every body's syntax tree stayed in memory to the end of a scan,
// though nothing reads it once the function is built (400 MB on weknora).
// A generic function keeps its body: SSA builds its instances from it
// when they are first asked for, which may be after Build.
func dropBodies(files []*ast.File) {
	var lits []*ast.FuncLit
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || load.Generic(fd) {
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
			}
			fd.Body.List = nil
		}
	}
}

// Package ssabuild builds an SSA program's packages without letting the
// builder's panics take the process down. The scan (package analyzer) and
// the summaries of opaque dependencies (package summary) both build this
// way.
package ssabuild

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// BuildAll builds every package's functions, as ssa.Program.Build does, but
// each in a goroutine that recovers: the builder panics on syntax that did
// not type-check, and a panic in a goroutine of x/tools' own would take the
// process down. The loader keeps such syntax away from SSA (see
// load/illtyped.go); this is the last line of defence. It returns, for each
// package whose build failed, the first line of the builder's panic.
func BuildAll(prog *ssa.Program) map[*ssa.Package]string {
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
		}()
	}
	wg.Wait()
	return failed
}

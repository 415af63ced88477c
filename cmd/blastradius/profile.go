package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

// profiler writes the profiles that the hidden flags --cpuprofile and
// --memprofile ask for, to find where a scan of a large module spends its
// time and memory (docs/performance.md):
//
//	blastradius scan --cpuprofile cpu.out --memprofile heap ./...
//	go tool pprof -top -cum cpu.out
//	go tool pprof -sample_index=inuse_space -top heap.ssa.pprof
//
// The heap profile is written after each phase, after a collection, as
// PREFIX.PHASE.pprof: what is live at the end of that phase. The
// collection changes the scan's timings; profile time and memory apart.
type profiler struct {
	cpu  *os.File
	heap string // file name prefix; "" writes none
}

// startProfiles begins the CPU profile, if one was asked for.
func (o *loadOptions) startProfiles() (*profiler, error) {
	p := &profiler{heap: o.memProfile}
	if o.cpuProfile == "" {
		return p, nil
	}
	f, err := os.Create(o.cpuProfile)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	p.cpu = f
	return p, nil
}

// phase wraps a phase callback to write a heap profile at each phase's end.
func (p *profiler) phase(next func(string, time.Duration, string)) func(string, time.Duration, string) {
	if p.heap == "" {
		return next
	}
	return func(name string, d time.Duration, detail string) {
		if next != nil {
			next(name, d, detail)
		}
		runtime.GC()
		f, err := os.Create(p.heap + "." + strings.ReplaceAll(name, "/", "-") + ".pprof")
		if err != nil {
			return
		}
		defer f.Close()
		pprof.Lookup("heap").WriteTo(f, 0)
	}
}

// stop ends the CPU profile.
func (p *profiler) stop() {
	if p.cpu != nil {
		pprof.StopCPUProfile()
		p.cpu.Close()
	}
}

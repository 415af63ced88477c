package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// A scan holds every loaded package's syntax and types at once, and with
// the Go runtime's default (GOGC=100) the heap grows to twice the live heap
// before the next collection: on testdata/bench-heavy, about 1 GiB live
// after loading made a 2.1 GiB peak. A soft memory limit makes the
// collector run earlier instead (1.77 GiB, in the same time): see
// docs/performance.md.
//
// defaultMemoryLimit is that limit, used unless GOMEMLIMIT is set.
const defaultMemoryLimit = 1792 << 20

// memoryBudget keeps the soft limit sensible as a scan goes: a limit close
// to the live heap would make the collector run all the time (on a module
// bigger than our corpus), so after each phase the limit is raised to
// headroom times the live heap when that is higher.
type memoryBudget struct {
	limit    int64
	headroom float64
	// live reads the live heap; tests replace it.
	live   func() int64
	setter func(int64) int64
}

// newMemoryBudget sets the default limit and returns the budget that
// adjusts it, or nil when the user set GOMEMLIMIT (their limit stands).
func newMemoryBudget(getenv func(string) string) *memoryBudget {
	if getenv("GOMEMLIMIT") != "" {
		return nil
	}
	b := &memoryBudget{limit: defaultMemoryLimit, headroom: 1.5, live: liveHeap, setter: debug.SetMemoryLimit}
	b.setter(b.limit)
	return b
}

// watch returns phase, followed by an adjustment of the limit. A nil budget
// returns phase unchanged.
func (b *memoryBudget) watch(phase func(string, time.Duration, string)) func(string, time.Duration, string) {
	if b == nil {
		return phase
	}
	return func(name string, d time.Duration, detail string) {
		if phase != nil {
			phase(name, d, detail)
		}
		b.adjust()
	}
}

// adjust raises the limit to headroom times the live heap, if that is more.
func (b *memoryBudget) adjust() {
	want := float64(b.live()) * b.headroom
	if want > float64(b.limit) && want < math.MaxInt64 {
		b.limit = int64(want)
		b.setter(b.limit)
	}
}

// liveHeap is the heap marked live by the last collection.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// A scan holds every loaded package's syntax and types at once, and with
// the Go runtime's default (GOGC=100) the heap grows to twice the live heap
// before the next collection: on kubernetes-mcp-server a live heap of
// 0.63 GiB made a 1.27 GiB peak. A soft memory limit makes the collector
// run earlier instead.
//
// defaultMemoryLimit is that limit while the live heap is small, used
// unless GOMEMLIMIT is set.
const defaultMemoryLimit = 900 << 20

// maxHeadroom caps how far above the live heap the limit goes. Half the
// live heap is enough headroom for the collector to run a few times per
// phase rather than all the time; on a large module (weknora's live heap
// reaches 2.2 GiB) half would add 1.1 GiB, so the headroom stops growing
// here.
const maxHeadroom = 1 << 30

// ceiling is where the headroom starts to shrink: a scan is meant to fit
// in 3 GiB (issue #12: weknora, 318k lines, the largest module of our
// corpus), and its peak resident size is its highest limit plus a
// little of the runtime's own (about 0.1 GiB on weknora). On weknora
// (docs/performance.md) a headroom of 1 GiB made a 3.17 GiB peak; 512 MiB
// all the way made 2.83 GiB but slowed loading by two thirds, with the
// collector running twice as often while the live heap grew from 1 to
// 2 GiB, where the ceiling is not yet in the way.
const ceiling = 2816 << 20

// minHeadroom is the headroom kept above a live heap that is near or past
// the ceiling. Less is not better: the limit also counts the runtime's own
// memory (a few hundred MiB on such a heap), and with 384 MiB weknora's
// collector ran back to back with a goal at the live heap (44% of the CPU,
// gctrace).
const minHeadroom = 512 << 20

// memoryBudget keeps the soft limit sensible as a scan goes: a limit close
// to the live heap makes the collector run all the time (on a module
// bigger than our corpus, a limit below the live heap would make it run
// without end), so after every collection the limit is raised to the live
// heap plus headroom when that is higher. It is never lowered: a scan's
// live heap falls between phases only to rise again.
type memoryBudget struct {
	mu    sync.Mutex
	limit int64
	// following makes a budget watched twice follow the collector once.
	following sync.Once
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
	b := &memoryBudget{limit: defaultMemoryLimit, live: liveHeap, setter: debug.SetMemoryLimit}
	b.setter(b.limit)
	return b
}

// watch returns phase, after starting to follow the collector: the limit
// is adjusted after every collection for as long as the process runs (the
// live heap passes the default in the middle of loading a large module,
// not between phases), and again after each phase. A nil budget returns
// phase unchanged.
func (b *memoryBudget) watch(phase func(string, time.Duration, string)) func(string, time.Duration, string) {
	if b == nil {
		return phase
	}
	b.following.Do(func() { b.follow() })
	return func(name string, d time.Duration, detail string) {
		if phase != nil {
			phase(name, d, detail)
		}
		b.adjust()
	}
}

// follow calls adjust after every garbage collection, with the runtime's
// only notice of one: the finalizer of an unreachable object runs after
// the collection that found it, and re-arms itself. It stops when stop is
// set.
func (b *memoryBudget) follow() (stop *atomic.Bool) {
	stop = new(atomic.Bool)
	var arm func()
	arm = func() {
		// Larger than 16 bytes: the tiny allocator batches smaller
		// pointer-free objects, and their finalizers may never run.
		sentinel := new([32]byte)
		runtime.SetFinalizer(sentinel, func(*[32]byte) {
			if stop.Load() {
				return
			}
			b.adjust()
			arm()
		})
	}
	arm()
	return stop
}

// adjust raises the limit to the live heap plus headroom, if that is more:
// half the live heap, at most maxHeadroom, and no further than the ceiling
// unless that leaves less than minHeadroom.
func (b *memoryBudget) adjust() {
	b.mu.Lock()
	defer b.mu.Unlock()
	live := b.live()
	want := live + min(live/2, maxHeadroom)
	if want > ceiling {
		want = max(ceiling, live+minHeadroom)
	}
	if want > b.limit {
		b.limit = want
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

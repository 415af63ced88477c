package main

import (
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

func TestMemoryBudgetRespectsGOMEMLIMIT(t *testing.T) {
	env := map[string]string{"GOMEMLIMIT": "3GiB"}
	if b := newMemoryBudget(func(k string) string { return env[k] }); b != nil {
		t.Fatalf("GOMEMLIMIT is set, yet a budget was made: %+v", b)
	}
	// A nil budget passes the phase callback through.
	called := false
	(*memoryBudget)(nil).watch(func(string, time.Duration, string) { called = true })("load", 0, "")
	if !called {
		t.Error("a nil budget dropped the phase callback")
	}
}

func TestMemoryBudgetRaisesLimitAboveLiveHeap(t *testing.T) {
	var set []int64
	live := int64(0)
	b := &memoryBudget{limit: defaultMemoryLimit,
		live:   func() int64 { return live },
		setter: func(n int64) int64 { set = append(set, n); return 0 }}

	live = 500 << 20 // 750 MiB with headroom: below the default, unchanged
	b.adjust()
	if len(set) != 0 {
		t.Fatalf("limit set to %v for a 500 MiB live heap; want the default kept", set)
	}
	live = 700 << 20 // half the live heap on top
	b.adjust()
	live = 1600 << 20 // 800 MiB on top: below the ceiling
	b.adjust()
	live = 2 << 30 // 1 GiB on top would pass the ceiling: the ceiling
	b.adjust()
	live = 3 << 30 // past the ceiling: minHeadroom on top
	b.adjust()
	live = 1 << 30 // the limit never comes down
	b.adjust()
	if want := []int64{1050 << 20, 2400 << 20, ceiling, 3<<30 + minHeadroom}; !slices.Equal(set, want) {
		t.Fatalf("limits set = %v, want %v", set, want)
	}
}

// The limit follows the live heap during a phase, not only between phases:
// each collection adjusts it.
func TestMemoryBudgetFollowsCollections(t *testing.T) {
	adjusted := make(chan struct{}, 1)
	b := &memoryBudget{limit: defaultMemoryLimit,
		live: func() int64 {
			select {
			case adjusted <- struct{}{}:
			default:
			}
			return 0
		},
		setter: func(n int64) int64 { return 0 }}
	stop := b.follow()
	defer stop.Store(true)
	for range 100 {
		runtime.GC()
		select {
		case <-adjusted:
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatal("no adjustment after 100 collections")
}

func TestMemoryBudgetWatchAdjustsAfterPhases(t *testing.T) {
	var calls atomic.Int32
	b := &memoryBudget{limit: defaultMemoryLimit,
		live:   func() int64 { calls.Add(1); return 0 },
		setter: func(n int64) int64 { return 0 }}
	phases := 0
	watch := b.watch(func(string, time.Duration, string) { phases++ })
	watch("load", time.Second, "")
	watch("ssa", time.Second, "")
	if phases != 2 {
		t.Errorf("phase callback called %d times, want 2", phases)
	}
	if n := calls.Load(); n < 2 {
		t.Errorf("live heap read %d times after 2 phases, want at least 2", n)
	}
}

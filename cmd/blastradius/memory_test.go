package main

import (
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
	b := &memoryBudget{limit: defaultMemoryLimit, headroom: 1.5,
		live:   func() int64 { return live },
		setter: func(n int64) int64 { set = append(set, n); return 0 }}
	phases := 0
	watch := b.watch(func(string, time.Duration, string) { phases++ })

	live = 1 << 30 // 1.5 GiB with headroom: below the default, unchanged
	watch("load", time.Second, "")
	if len(set) != 0 {
		t.Fatalf("limit set to %v for a 1 GiB live heap; want the default kept", set)
	}
	live = 2 << 30 // 3 GiB with headroom: raised
	watch("ssa", time.Second, "")
	live = 1 << 30 // the limit never comes down
	watch("callgraph", time.Second, "")
	if want := []int64{3 << 30}; len(set) != 1 || set[0] != want[0] {
		t.Fatalf("limits set = %v, want %v", set, want)
	}
	if phases != 3 {
		t.Errorf("phase callback called %d times, want 3", phases)
	}
}

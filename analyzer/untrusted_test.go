package analyzer

import (
	"sync/atomic"
	"testing"
)

// TestRunConcurrently checks that every item is done by the time wait
// returns for it, and that a panic in a call reaches the caller's
// goroutine, where the command's recovery turns it into an error.
func TestRunConcurrently(t *testing.T) {
	items := []int{0, 1, 2, 3, 4, 5, 6, 7}
	var done [8]atomic.Bool
	wait := runConcurrently(items, func(i int) { done[i].Store(true) })
	for i := range items {
		wait(i)
		if !done[i].Load() {
			t.Errorf("wait(%d) returned before its call did", i)
		}
	}

	wait = runConcurrently([]string{"fine", "boom"}, func(s string) {
		if s == "boom" {
			panic(s)
		}
	})
	wait(0)
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("wait(1) recovered %v, want the call's panic", r)
		}
	}()
	wait(1)
	t.Error("wait(1) returned after its call panicked")
}

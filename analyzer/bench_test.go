package analyzer_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/blastradius/blastradius/analyzer"
)

// BenchmarkScan scans the shipped example end to end and reports each
// phase's time per scan, so a regression shows which stage it is in.
func BenchmarkScan(b *testing.B) {
	phases := map[string]time.Duration{}
	cfg := analyzer.Config{
		Dir:   filepath.Join("..", "testdata", "ops-assistant"),
		Phase: func(name string, d time.Duration, _ string) { phases[name] += d },
	}
	for b.Loop() {
		if _, err := analyzer.Run(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
	for name, d := range phases {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), name+"-ms/op")
	}
}

package analyzer_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/blastradius/blastradius/analyzer"
)

// BenchmarkPhasesHeavy scans testdata/bench-heavy, the corpus that pins
// client-go, go-github, the AWS SDK, pgx, mcp-go and openai-go, and reports
// each phase's time per scan. Profile it with
//
//	go test -run '^$' -bench PhasesHeavy -benchtime 1x -cpuprofile cpu.out ./analyzer
func BenchmarkPhasesHeavy(b *testing.B) {
	benchPhases(b, filepath.Join("..", "testdata", "bench-heavy"))
}

// BenchmarkPhasesSynthetic scans modules written by testdata/synthgen, with
// N tools over M packages, to show how each phase grows with the size of
// the module.
func BenchmarkPhasesSynthetic(b *testing.B) {
	for _, size := range []struct{ tools, pkgs int }{{50, 10}, {200, 40}, {1000, 200}} {
		b.Run(fmt.Sprintf("tools=%d/packages=%d", size.tools, size.pkgs), func(b *testing.B) {
			dir := b.TempDir()
			gen := exec.Command("go", "run", ".", "-tools", fmt.Sprint(size.tools),
				"-packages", fmt.Sprint(size.pkgs), "-out", dir)
			gen.Dir = filepath.Join("..", "testdata", "synthgen")
			if out, err := gen.CombinedOutput(); err != nil {
				b.Fatalf("generating the module: %v\n%s", err, out)
			}
			// Warm the module cache, so that the scan measures analysis.
			dl := exec.Command("go", "mod", "download")
			dl.Dir = dir
			if out, err := dl.CombinedOutput(); err != nil {
				b.Fatalf("go mod download: %v\n%s", err, out)
			}
			benchPhases(b, dir)
		})
	}
}

// benchPhases scans dir b.N times and reports the mean time of each phase
// in milliseconds, and the number of tools found.
func benchPhases(b *testing.B, dir string, env ...string) {
	if _, err := os.Stat(dir); err != nil {
		b.Skip(err)
	}
	phases := map[string]time.Duration{}
	tools := 0
	cfg := analyzer.Config{
		Dir:   dir,
		Phase: func(name string, d time.Duration, _ string) { phases[name] += d },
		Env:   env,
	}
	b.ReportAllocs()
	for b.Loop() {
		doc, err := analyzer.Run(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		tools = len(doc.Tools)
	}
	for name, d := range phases {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), name+"-ms/op")
	}
	b.ReportMetric(float64(tools), "tools")
}

// BenchmarkPhasesDir scans the module in $BENCH_DIR (skipped when unset),
// to profile a scan of real code; $BENCH_GOWORK is the GOWORK of the scan
// (not of the test binary's build):
//
//	BENCH_DIR=/path/to/module go test -run '^$' -bench PhasesDir -benchtime 1x -cpuprofile cpu.out ./analyzer
func BenchmarkPhasesDir(b *testing.B) {
	dir := os.Getenv("BENCH_DIR")
	if dir == "" {
		b.Skip("BENCH_DIR is not set")
	}
	var env []string
	if w, ok := os.LookupEnv("BENCH_GOWORK"); ok {
		env = append(os.Environ(), "GOWORK="+w)
	}
	benchPhases(b, dir, env...)
}

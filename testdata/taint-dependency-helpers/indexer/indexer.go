// Package indexer scores texts into the records it is handed.
package indexer

import (
	"context"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"example.com/indexer/naming"
)

// Record is where an index keeps a text's score.
type Record struct {
	Path  string
	Score int
}

// Annotate scores text into rec: rec is a record the index uses, not a
// value it decodes text into.
func Annotate(text string, rec *Record) {
	rec.Score = len(strings.Fields(text))
}

// Summary returns the first words of text.
func Summary(text string) string {
	words := strings.Fields(text)
	if len(words) > 50 {
		words = words[:50]
	}
	return strings.Join(words, " ")
}

// Rebuild runs the index's command line: its words, without a shell.
func Rebuild(ctx context.Context, line string) ([]byte, error) {
	return run(ctx, strings.Fields(line))
}

func run(ctx context.Context, words []string) ([]byte, error) {
	if len(words) == 0 {
		return nil, nil
	}
	return exec.CommandContext(ctx, words[0], words[1:]...).Output() // want `rebuild_index: exec os/exec\.CommandContext \(tainted\)` `BR101: tool rebuild_index: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool rebuild_index can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool rebuild_index: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
}

// Refresh notes why the index is refreshed and runs the fixed refresher:
// the reason is logged, not run.
func Refresh(ctx context.Context, reason string) ([]byte, error) {
	log.Printf("refresh: %s", reason)                                         // want `refresh_index: guard audit-log log\.Printf for exec os/exec\.CommandContext`
	return exec.CommandContext(ctx, "updatedb", "--prunepaths=/tmp").Output() // want `refresh_index: exec os/exec\.CommandContext` `BR301: tool refresh_index can run processes through os/exec\.CommandContext with no confirmation before it`
}

// Store keeps text under key, in a file named by the key's hash.
func Store(key, text string) error {
	return os.WriteFile(filepath.Join("/var/lib/index", naming.FileName(key)), []byte(text), 0o600) // want `store_note: fs-write os\.WriteFile` `BR301: tool store_note can write files through os\.WriteFile with no confirmation before it`
}

// Schedule runs a command line through the index's queue. The exec call is
// three calls deep into the library: further than the flow follows the
// model's data into a dependency (maxDependencyFrames), so the command is
// not seen as the model's.
func Schedule(ctx context.Context, line string) ([]byte, error) {
	return enqueue(ctx, line)
}

func enqueue(ctx context.Context, line string) ([]byte, error) {
	return dispatch(ctx, strings.Fields(line))
}

func dispatch(ctx context.Context, words []string) ([]byte, error) {
	if len(words) == 0 {
		return nil, nil
	}
	return exec.CommandContext(ctx, words[0], words[1:]...).Output() // want `schedule_index: exec os/exec\.CommandContext` `BR301: tool schedule_index can run processes through os/exec\.CommandContext with no confirmation before it`
}

// Probe runs the probe for a kind of device: the program is one of two
// constants that a helper picks, whatever kind is asked for.
func Probe(ctx context.Context, kind string) ([]byte, error) {
	return exec.CommandContext(ctx, program(kind), "--json").Output() // want `probe_hardware: exec os/exec\.CommandContext` `BR301: tool probe_hardware can run processes through os/exec\.CommandContext with no confirmation before it`
}

func program(kind string) string {
	if kind == "disk" {
		return "lsblk"
	}
	return "lscpu"
}

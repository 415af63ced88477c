// Command blastradius finds the functions that an LLM can trigger in a Go
// module (tool handlers) and what each of them can reach: processes, files,
// databases, the network, the environment, payments and email.
//
// Run "blastradius scan --help" for usage; README.md lists the exit codes.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interruptGrace is how long a scan has, after SIGINT or SIGTERM, to stop
// at its next check of the context and report what it was doing, before
// the process ends anyway: the long phases (building SSA, a call graph,
// a dependency's summary) do not check it, and a scan that ignores `timeout`
// or a CI runner's cancellation for minutes is one that gets killed -9.
const interruptGrace = 3 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go exitAfterGrace(ctx, done, interruptGrace, os.Stderr, os.Exit)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(done)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitAfterGrace ends the process with the interrupted exit code when ctx
// is cancelled (a signal) and the scan has not returned (done) within grace.
func exitAfterGrace(ctx context.Context, done <-chan struct{}, grace time.Duration, stderr io.Writer, exit func(int)) {
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	select {
	case <-done:
	case <-time.After(grace):
		exit(exitCode(errInterrupted, stderr))
	}
}

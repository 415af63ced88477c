// Command blastradius finds the functions that an LLM can trigger in a Go
// module (tool handlers) and what each of them can reach: processes, files,
// databases, the network, the environment, payments and email.
//
// Run "blastradius scan --help" for usage; README.md lists the exit codes.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

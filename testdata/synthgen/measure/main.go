// Command measure runs a command and reports its wall time and peak
// resident memory, as /usr/bin/time -v would, on any Linux machine that has
// Go: the peak is the ru_maxrss that wait4 returns, which covers the
// command and the children it waited for.
//
//	measure -o stats.txt -timeout 20m -- blastradius scan -v DIR
//
// The stats file gets one line: "wall_s=12.34 maxrss_mib=812 status=ok"
// (status is ok, exit N or timeout). The command's output passes through.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "file to write the stats line to (default stderr)")
	timeout := flag.Duration("timeout", 0, "kill the command after this long (0: never)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-o FILE] [-timeout D] -- command args...")
		os.Exit(2)
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// The command gets its own process group so that a timeout or an
	// interrupt also ends what it started (go vet's vet processes, the
	// scanner's go list).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		if cmd.Process != nil {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
		os.Exit(130)
	}()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	status := "ok"
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		status = "timeout"
	case errors.As(err, &ee):
		status = fmt.Sprintf("exit%d", ee.ExitCode())
	case err != nil:
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss / 1024 // KiB on Linux
	}
	line := fmt.Sprintf("wall_s=%.2f maxrss_mib=%d status=%s\n", wall.Seconds(), rss, status)
	if *out == "" {
		fmt.Fprint(os.Stderr, line)
		return
	}
	if err := os.WriteFile(*out, []byte(line), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
}

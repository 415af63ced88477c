// Package shell runs shell commands with a timeout.
package shell

import (
	"bytes"
	"context"
	"os/exec"
	"time"
)

// Run runs command with /bin/sh and returns its combined output. The command
// is killed after timeout.
func Run(ctx context.Context, command string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", command) // want `run_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_shell\b.*os/exec\.CommandContext` `BR301: tool run_shell\b.*os/exec\.CommandContext.*` `BR303: tool run_shell\b.*os/exec\.CommandContext.*`
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}

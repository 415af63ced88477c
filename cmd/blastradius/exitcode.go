package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/blastradius/blastradius/analyzer"
)

// The exit codes. This is the only table of them; README.md documents it
// and a test checks that it does.
const (
	// exitOK: the scan ran, whatever it found. No tools is not an error.
	exitOK = 0
	// exitFindings: --fail-on was given (or fail_on configured) and a
	// finding at or above that severity was reported that is neither
	// suppressed nor in the baseline, or a package did not load (its code
	// could not be analysed). The report is written all the same.
	exitFindings = 1
	// exitUsage: a bad command line (unknown command, flag, format or
	// severity, a missing directory, a file where a directory was
	// expected), a malformed --catalog, configuration, baseline or report
	// to diff, or nothing that can be loaded (no Go packages, an
	// [analyzer.InputError]).
	exitUsage = 2
	// exitInternal: a bug (including a recovered panic), a failure to write
	// the report to standard output, or an interrupted scan.
	exitInternal = 3
)

// exitError is an error that carries its exit code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks err as the user's to fix: exit code 2.
func usageError(err error) error {
	return &exitError{code: exitUsage, err: err}
}

// internalError marks err as ours: exit code 3.
func internalError(err error) error {
	return &exitError{code: exitInternal, err: err}
}

// errInterrupted is returned when the context is cancelled by a signal.
var errInterrupted = internalError(errors.New("interrupted"))

// exitCode prints err as one line, "blastradius: <msg>", on stderr and
// returns its exit code. A nil err prints nothing and is exitOK.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	code := exitInternal
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		code = ee.code
	case analyzer.IsInputError(err):
		code = exitUsage
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		err = errInterrupted
	}
	fmt.Fprintf(stderr, "blastradius: %s\n", oneLine(err.Error()))
	return code
}

// oneLine joins the non-blank lines of a multi-line message with "; ", so
// that every error is a single line on stderr.
func oneLine(msg string) string {
	var lines []string
	for line := range strings.Lines(msg) {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}

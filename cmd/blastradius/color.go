package main

import (
	"io"
	"os"
)

// colorTerminal reports whether a table written to w may be coloured: w is
// a terminal, NO_COLOR is unset or empty (no-color.org) and TERM is not
// "dumb". A terminal is a character device; this needs no dependency and
// is what isatty answers on Unix.
func colorTerminal(w io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

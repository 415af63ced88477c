package load_test

import (
	"testing"

	"github.com/blastradius/blastradius/analyzer/load"
)

// TestFirstLine keeps an error to one line, with the go command's advice
// when the line ends by announcing it.
func TestFirstLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no Go files in /x\n", "no Go files in /x"},
		{"err: exit status 1: stderr: go: updates to go.mod needed; to update it:\n\tgo mod tidy\n", "err: exit status 1: stderr: go: updates to go.mod needed; to update it: go mod tidy"},
		{"a:\n", "a:"},
		{"first\nsecond\n", "first"},
	} {
		if got := load.FirstLine(tc.in); got != tc.want {
			t.Errorf("FirstLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

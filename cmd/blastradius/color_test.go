package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

func TestColorTerminal(t *testing.T) {
	devNull, err := os.Open(os.DevNull) // a character device, as a terminal is
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		w    io.Writer
		env  func(string) string
		want bool
	}{
		{"device", devNull, env(), true},
		{"device, NO_COLOR", devNull, env("NO_COLOR", "1"), false},
		{"device, empty NO_COLOR", devNull, env("NO_COLOR", ""), true},
		{"device, dumb terminal", devNull, env("TERM", "dumb"), false},
		{"pipe", w, env(), false},
		{"buffer", new(bytes.Buffer), env(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := colorTerminal(tc.w, tc.env); got != tc.want {
				t.Errorf("colorTerminal = %v, want %v", got, tc.want)
			}
		})
	}
}

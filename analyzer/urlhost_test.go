package analyzer

import "testing"

func TestHostEndedText(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"https://registry.example.com/v1/", true},
		{"https://registry.example.com/", true},
		{"https://registry.example.com", false}, // ".evil.example" would change the host
		{"https://", false},
		{"http://" + fixedHole + ":8080/", true},
		{"http://" + fixedHole, false},
		{fixedHole + "/api/", true}, // a configured base, then a path
		{fixedHole + "?q=", false},  // no "/" after the base
		{"/repos/", true},           // a path from the base's root
		{"//", false},               // a network path names a host
		{"/", false},                // "/" + "/evil.example" is one too
		{"q=", false},               // not a URL's start
		{modelHole + "/api/", true}, // the base keeps its own taint
		{"", false},
	} {
		if got := hostEndedText(c.text); got != c.want {
			t.Errorf("hostEndedText(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

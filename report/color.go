package report

import (
	"bytes"
	"strings"
)

// ANSI SGR sequences for the table in a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
)

// severityColors colour each severity: critical bold red, high red, medium
// yellow, low cyan, info dim.
var severityColors = map[string]string{
	"critical": "\x1b[1;31m",
	"high":     ansiRed,
	"medium":   ansiYellow,
	"low":      "\x1b[36m",
	"info":     "\x1b[2m",
}

// colorize colours a table that [TableHandler] rendered: headers and the
// summary line bold, each finding's severity in its colour, "(tainted)"
// red, the line of packages not analysed red and the warnings line
// yellow. It works on the rendered text, after
// the columns are aligned, so escape sequences never count as width.
func colorize(text []byte) []byte {
	var out bytes.Buffer
	inFindings := false
	for line := range bytes.Lines(text) {
		s := strings.TrimSuffix(string(line), "\n")
		switch {
		case s == "":
			inFindings = false
		case strings.HasPrefix(s, "SEVERITY "):
			inFindings = true
			s = ansiBold + s + ansiReset
		case strings.HasPrefix(s, "TOOL ") || strings.HasPrefix(s, "FRAMEWORK "):
			s = ansiBold + s + ansiReset
		case inFindings:
			sev, rest, _ := strings.Cut(s, " ")
			if c, ok := severityColors[sev]; ok {
				s = c + sev + ansiReset + " " + rest
			}
		case s[0] >= '0' && s[0] <= '9' && strings.Contains(s, " warning"):
			s = ansiYellow + s + ansiReset
		case strings.HasPrefix(s, "not analysed: "):
			s = ansiRed + s + ansiReset
		case s[0] >= '0' && s[0] <= '9' && strings.Contains(s, " tool"):
			s = ansiBold + s + ansiReset
		default:
			s = strings.ReplaceAll(s, " (tainted)", " "+ansiRed+"(tainted)"+ansiReset)
		}
		out.WriteString(s)
		if bytes.HasSuffix(line, []byte("\n")) {
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

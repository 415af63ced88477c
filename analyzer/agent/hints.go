package agent

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/blastradius/blastradius/report"
)

// hintCheck is one hint a tool can declare, the value that what the tool
// does can contradict, and how.
type hintCheck struct {
	kind string
	// value is the declared value that a capability contradicts.
	value string
	// spelled is the hint as the protocol spells it.
	spelled string
	// does says what the tool does instead, for the message.
	does string
	// witness returns what contradicts the hint in tool t, if anything.
	witness func(in Input, t report.Tool) (contradiction, bool)
}

// contradiction is what a tool does against its hint: a capability, with
// its witness path.
type contradiction struct {
	capability, sink string
	path             []report.Frame
}

var hintChecks = []hintCheck{
	{"read-only", "true", "readOnlyHint", "can change something",
		func(in Input, t report.Tool) (contradiction, bool) {
			return firstCapability(t, func(c report.Capability) bool {
				return report.HighImpact(c.Capability) && !readsOnly(c)
			})
		}},
	{"destructive", "false", "destructiveHint", "can delete",
		func(in Input, t report.Tool) (contradiction, bool) {
			return firstCapability(t, func(c report.Capability) bool { return in.destroys(t, c) })
		}},
	// A closed world (a cluster, a database) is no contradiction; a
	// request or an e-mail whose destination the model chooses is.
	{"open-world", "false", "openWorldHint", "can reach any destination the model names",
		func(in Input, t report.Tool) (contradiction, bool) {
			for _, f := range in.Findings {
				if (f.RuleID == "BR103" || f.RuleID == "BR106") && !f.Suppressed && in.owns(t, f) {
					return contradiction{f.Capability, f.Sink, f.Path}, true
				}
			}
			return contradiction{}, false
		}},
}

// readOnlyCommands are the programs, and the subcommands of programs, that
// only read: run with words the code fixes, they change nothing. A program
// listed with no subcommands reads whatever its words (df, ls: not
// hostname, which sets the name it is given, nor journalctl, which
// --vacuum-size makes delete); one listed
// with subcommands reads only with one of them (git log, podman container
// list; a group such as podman's container or image names its own).
var readOnlyCommands = map[string]map[string]bool{
	"cat": nil, "df": nil, "du": nil, "free": nil, "head": nil, "id": nil,
	"ls": nil, "lsblk": nil, "pwd": nil, "stat": nil, "tail": nil,
	"uname": nil, "uptime": nil, "wc": nil, "whoami": nil, "which": nil,
	"git": set("log", "show", "diff", "status", "blame", "ls-files", "ls-tree", "rev-parse",
		"describe", "shortlog", "cat-file", "grep", "rev-list"),
	"kubectl": set("get", "describe", "logs", "top", "explain", "api-resources", "api-versions",
		"version", "events", "cluster-info"),
	"helm":      set("list", "ls", "status", "get", "show", "history", "search", "version"),
	"systemctl": set("status", "show", "list-units", "is-active", "is-enabled"),
	"docker":    containerReads, "podman": containerReads, "nerdctl": containerReads,
}

var containerReads = set("ps", "inspect", "logs", "images", "version", "info", "stats", "top",
	"port", "diff", "history", "search", "events",
	"container ls", "container list", "container ps", "container inspect", "container logs",
	"container top", "container port", "container diff", "container stats",
	"image ls", "image list", "image inspect", "image history",
	"volume ls", "volume list", "volume inspect", "network ls", "network list", "network inspect")

func set(words ...string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		out[w] = true
	}
	return out
}

// readsOnly reports whether an exec capability only runs commands that
// read, all with words the code fixes. A command given the model's words
// is not: an option it adds can make a reader write (git log
// --output=FILE), and its finding (BR101) says so.
func readsOnly(c report.Capability) bool {
	return c.Capability == "exec" && !c.Tainted && runsReaders(c)
}

// runsReaders reports whether every command line an exec capability runs
// is a program, or a program's subcommand, that only reads.
func runsReaders(c report.Capability) bool {
	if len(c.Runs) == 0 {
		return false
	}
	for _, line := range c.Runs {
		w := strings.Fields(line)
		subs, ok := readOnlyCommands[w[0]]
		switch {
		case !ok:
			return false
		case subs == nil:
		case len(w) > 1 && subs[w[1]]:
		case len(w) > 2 && subs[w[1]+" "+w[2]]:
		default:
			return false
		}
	}
	return true
}

// firstCapability returns the tool's capability with the most impact that
// ok accepts.
func firstCapability(t report.Tool, ok func(report.Capability) bool) (contradiction, bool) {
	caps := slices.Clone(t.Capabilities)
	slices.SortStableFunc(caps, func(a, b report.Capability) int {
		return cmp.Compare(report.Impact(b), report.Impact(a))
	})
	for _, c := range caps {
		if ok(c) {
			return contradiction{c.Capability, c.Sink, c.Path}, true
		}
	}
	return contradiction{}, false
}

// destroys reports whether a capability can delete what it acts on: a
// catalogued destructive call, a command the model chooses (other than a
// reader's operands), or SQL text the model writes on a database write.
func (in Input) destroys(t report.Tool, c report.Capability) bool {
	if in.Catalog.IsDestructive(c.Sink) {
		return true
	}
	switch c.Capability {
	case "exec":
		// The model's words handed to a command that only reads
		// (podman logs NAME) choose what it reads: an option they
		// add may make it write (git log --output), not delete.
		return c.Tainted && !runsReaders(c)
	case "db-write":
		for _, f := range in.Findings {
			if f.RuleID == "BR102" && f.Sink == c.Sink && in.owns(t, f) {
				return true
			}
		}
	}
	return false
}

// hints returns tool i's BR501 findings: one per hint that what the tool
// does contradicts, at severity info when the hint is not a constant.
func (in Input) hints(i int) []report.Finding {
	t := in.Tools[i]
	if t.Hints == nil {
		return nil
	}
	declared := map[string]string{
		"read-only":   t.Hints.ReadOnly,
		"destructive": t.Hints.Destructive,
		"open-world":  t.Hints.OpenWorld,
	}
	r := in.Catalog.Rules["BR501"]
	var out []report.Finding
	for _, h := range hintChecks {
		v := declared[h.kind]
		if v != h.value && v != "unknown" {
			continue
		}
		c, ok := h.witness(in, t)
		if !ok {
			continue
		}
		f := report.Finding{
			ID:         in.ID("BR501", t.Name, t.Handler, h.kind),
			RuleID:     "BR501",
			Rule:       r.Name,
			Severity:   r.Severity,
			Tool:       t.Name,
			Capability: c.capability,
			Sink:       c.sink,
			Position:   t.Hints.Position,
			CWE:        slices.Clone(r.CWE),
			OWASP:      slices.Clone(r.OWASP),
			Path:       c.path,
			Steps:      []report.Step{},
		}
		if f.Position.File == "" {
			f.Position = t.Registration
		}
		if v == "unknown" {
			f.Severity = "info"
			f.Message = fmt.Sprintf("tool %s: its %s is not a constant, and the tool %s (%s %s): check the values it takes",
				t.Name, h.spelled, h.does, c.capability, c.sink)
		} else {
			f.Message = fmt.Sprintf("tool %s declares %s %s but %s: %s %s", t.Name, h.spelled, v, h.does, c.capability, c.sink)
		}
		out = append(out, f)
	}
	return out
}

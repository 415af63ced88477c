package agent

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// Input is what the checks read.
type Input struct {
	// Tools are the scan's tools, Findings their findings (suppressions
	// applied).
	Tools    []report.Tool
	Findings []report.Finding
	// Agents are the groups of tools one model holds; Members[k] are the
	// indexes into Tools of Agents[k]'s tools.
	Agents  []report.Agent
	Members [][]int
	// Apart reports whether registration gates keep tools a and b (indexes
	// into Tools) from being registered together. Nil means never.
	Apart   func(a, b int) bool
	Catalog *rules.Catalog
	// ID hashes what identifies a finding, as the analyzer's other
	// findings are identified.
	ID func(rule, tool, handler, sink string) string
}

// Check returns the toxic-combination findings of every agent and the hint
// findings of every tool.
func Check(in Input) []report.Finding {
	var out []report.Finding
	legs := make([][]leg, len(in.Tools))
	for i := range in.Tools {
		legs[i] = in.legsOf(i)
	}
	for k, a := range in.Agents {
		out = append(out, in.combinations(a, in.Members[k], legs)...)
	}
	for i := range in.Tools {
		out = append(out, in.hints(i)...)
	}
	return out
}

// leg is one tool's part in a combination, with its witness.
type leg struct {
	tool int
	report.Leg
}

// witnessRules are the findings that make a tool play a leg.
var witnessRules = map[string]string{
	"BR201": report.RolePrivateData,
	"BR202": report.RolePrivateData,
	"BR203": report.RoleUntrustedContent,
	"BR103": report.RoleExit,
	"BR106": report.RoleExit,
	"BR303": report.RoleExit,
	// The model's arguments to a program the code fixed (curl's URL,
	// git's remote) can send data too.
	"BR101": report.RoleExit,
}

// legsOf returns the legs tool i plays, each role's best witness first.
func (in Input) legsOf(i int) []leg {
	t := in.Tools[i]
	var out []leg
	for _, f := range in.Findings {
		role, ok := witnessRules[f.RuleID]
		if !ok || f.Suppressed || !in.owns(t, f) {
			continue
		}
		if role == report.RoleExit && confirmed(t, f.Capability, f.Sink) {
			continue
		}
		l := leg{i, report.Leg{Role: role, Tool: t.Name, Rule: f.RuleID, Capability: f.Capability,
			Sink: f.Sink, Position: f.Position, Path: f.Path, Steps: f.Steps}}
		out = append(out, l)
		// Cloud data (an issue, a repository's files) is read with the
		// server's credentials: it is private as well as written by
		// others.
		if role == report.RoleUntrustedContent && f.Capability == "cloud-read" {
			l.Role = report.RolePrivateData
			out = append(out, l)
		}
	}
	// A cloud write that publishes what the model gives it where the model
	// says: an issue, a file, a pod in the repository or cluster it names.
	for _, c := range t.Capabilities {
		if c.Capability == "cloud-write" && c.Tainted && in.Catalog.IsExit(c.Sink) && !confirmedCap(c) {
			out = append(out, leg{i, report.Leg{Role: report.RoleExit, Tool: t.Name, Capability: c.Capability,
				Sink: c.Sink, Position: c.Position, Path: c.Path, Steps: []report.Step{}}})
		}
	}
	slices.SortStableFunc(out, func(a, b leg) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Sink, b.Sink))
	})
	return out
}

// owns reports whether a finding is about tool t: its name, and, where the
// finding has a path, its handler.
func (in Input) owns(t report.Tool, f report.Finding) bool {
	return f.Tool == t.Name && (len(f.Path) == 0 || f.Path[0].Function == t.Handler)
}

// confirmed reports whether a person confirms every call of the sink (or,
// for a flow whose sensitive call is not itself a capability, every
// capability of its class) before it runs.
func confirmed(t report.Tool, capability, sink string) bool {
	var same []report.Capability
	for _, c := range t.Capabilities {
		if c.Sink == sink {
			same = append(same, c)
		}
	}
	if len(same) == 0 {
		for _, c := range t.Capabilities {
			if c.Capability == capability {
				same = append(same, c)
			}
		}
	}
	if len(same) == 0 {
		return false
	}
	for _, c := range same {
		if !confirmedCap(c) {
			return false
		}
	}
	return true
}

func confirmedCap(c report.Capability) bool {
	for _, g := range c.Guards {
		if g.Kind == "confirmation" && g.Dominates {
			return true
		}
	}
	return false
}

// combinations returns the toxic-combination finding of one agent: BR401
// when three legs can meet, else BR402 and BR403 for the pairs that can.
func (in Input) combinations(a report.Agent, members []int, legs [][]leg) []report.Finding {
	byRole := map[string][]leg{}
	for _, i := range members {
		for _, l := range legs[i] {
			byRole[l.Role] = append(byRole[l.Role], l)
		}
	}
	// The plainest witness of each role first: by rule, then the tool
	// that does least besides (a reader before a tool that reads to
	// write), then by name.
	radius := func(l leg) int { return in.Tools[l.tool].Score.BlastRadius }
	for _, r := range []string{report.RolePrivateData, report.RoleUntrustedContent, report.RoleExit} {
		slices.SortStableFunc(byRole[r], func(x, y leg) int {
			return cmp.Or(cmp.Compare(legRank(x), legRank(y)), cmp.Compare(radius(x), radius(y)),
				cmp.Compare(x.Tool, y.Tool), cmp.Compare(x.tool, y.tool))
		})
	}
	P, U, X := byRole[report.RolePrivateData], byRole[report.RoleUntrustedContent], byRole[report.RoleExit]
	if len(X) == 0 {
		return nil
	}
	apart := func(x, y leg) bool { return in.Apart != nil && x.tool != y.tool && in.Apart(x.tool, y.tool) }
	// Two different tools for the data and the content, when the agent
	// has them (a repository's file is private and can carry an
	// instruction, but an issue is the plainer witness of the second).
	for _, distinct := range []bool{true, false} {
		for _, x := range X {
			for _, p := range P {
				if apart(p, x) {
					continue
				}
				for _, u := range U {
					if distinct && u.tool == p.tool {
						continue
					}
					if !apart(u, x) && !apart(p, u) {
						return []report.Finding{in.combination("BR401", a, byRole, p, u, x)}
					}
				}
			}
		}
	}
	var out []report.Finding
	if p, x, ok := pair(P, X, apart); ok {
		out = append(out, in.combination("BR402", a, byRole, p, x))
	}
	if u, x, ok := pair(U, X, apart); ok {
		out = append(out, in.combination("BR403", a, byRole, u, x))
	}
	return out
}

// legRank orders the witnesses of one role, the plainest first: a secret
// before a file, a URL the model chooses before a recipient, a cloud write
// and a command.
func legRank(l leg) int {
	switch l.Rule {
	case "BR201", "BR103":
		return 0
	case "BR202", "BR106":
		return 1
	case "BR303":
		return 3
	case "BR101":
		return 4
	}
	return 2
}

// pair returns the first two legs of as and bs that gates do not keep apart.
func pair(as, bs []leg, apart func(x, y leg) bool) (leg, leg, bool) {
	for _, b := range bs {
		for _, a := range as {
			if !apart(a, b) {
				return a, b, true
			}
		}
	}
	return leg{}, leg{}, false
}

// combination makes the finding of one rule for an agent's legs.
func (in Input) combination(rule string, a report.Agent, byRole map[string][]leg, legs ...leg) report.Finding {
	r := in.Catalog.Rules[rule]
	f := report.Finding{
		ID:       in.ID(rule, "", "agent "+a.Name, a.Kind+" "+a.Framework),
		RuleID:   rule,
		Rule:     r.Name,
		Severity: r.Severity,
		Agent:    a.Name,
		Position: a.Position,
		CWE:      slices.Clone(r.CWE),
		OWASP:    slices.Clone(r.OWASP),
		Path:     []report.Frame{},
		Steps:    []report.Step{},
	}
	var parts []string
	for _, l := range legs {
		rl := l.Leg
		rl.Also = []string{}
		for _, o := range byRole[l.Role] {
			if o.Tool != l.Tool && !slices.Contains(rl.Also, o.Tool) {
				rl.Also = append(rl.Also, o.Tool)
			}
		}
		slices.Sort(rl.Also)
		if rl.Path == nil {
			rl.Path = []report.Frame{}
		}
		if rl.Steps == nil {
			rl.Steps = []report.Step{}
		}
		f.Legs = append(f.Legs, rl)
		parts = append(parts, legPhrase(rl))
	}
	f.Message = fmt.Sprintf("agent %s: %s; %s", a.Name, strings.Join(parts, ", "), consequence[rule])
	return f
}

// legPhrase says what a leg's tool does.
func legPhrase(l report.Leg) string {
	switch l.Role {
	case report.RolePrivateData:
		return fmt.Sprintf("%s returns private data (%s)", l.Tool, l.Sink)
	case report.RoleUntrustedContent:
		return fmt.Sprintf("%s returns untrusted content (%s)", l.Tool, l.Sink)
	}
	return fmt.Sprintf("%s sends data where the model says (%s)", l.Tool, l.Sink)
}

// consequence is the end of each rule's message.
var consequence = map[string]string{
	"BR401": "an instruction in the untrusted content can make the model read the private data and send it out",
	"BR402": "whoever steers the model can make it send the private data out",
	"BR403": "an instruction in the untrusted content can make the model send out what it holds",
}

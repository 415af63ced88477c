package report

import (
	"cmp"
	"slices"
)

// Sort puts doc in the documented order, in place, so that the same scan
// always writes the same bytes:
//   - tools by name, then framework, then handler, then position;
//   - each tool's capabilities by capability, then sink, then position, and
//     each capability's tainted arguments in increasing order;
//   - findings by rule ID, then tool, then sink, then ID;
//   - mismatches by framework, then name, then kind, then position;
//   - warnings alphabetically;
//   - agents by name, then position; each agent's tools by name, its
//     gates by position, and what its middleware reaches as capabilities;
//   - a leg's other tools by name.
//
// A tool's inputs keep parameter order, a path keeps call order, a
// finding's steps keep the order of the flow and its CWE and OWASP tags the
// catalog's. The later keys only break ties, so that no order is left to
// the caller.
func Sort(doc *Document) {
	for i := range doc.Tools {
		for j := range doc.Tools[i].Capabilities {
			slices.Sort(doc.Tools[i].Capabilities[j].TaintedArgs)
		}
		slices.SortStableFunc(doc.Tools[i].Capabilities, compareCapability)
	}
	slices.SortStableFunc(doc.Tools, compareTool)
	for i := range doc.Agents {
		a := &doc.Agents[i]
		slices.Sort(a.Tools)
		a.Tools = slices.Compact(a.Tools)
		slices.SortStableFunc(a.AlsoAt, comparePosition)
		for j := range a.Gates {
			slices.Sort(a.Gates[j].Tools)
		}
		slices.SortStableFunc(a.Gates, func(x, y AgentGate) int {
			return cmp.Or(comparePosition(x.Position, y.Position), cmp.Compare(x.Condition, y.Condition))
		})
		slices.SortStableFunc(a.Middleware, func(x, y Reach) int {
			return cmp.Or(cmp.Compare(x.Capability, y.Capability), cmp.Compare(x.Sink, y.Sink),
				comparePosition(x.Position, y.Position), slices.CompareFunc(x.Path, y.Path, compareFrame))
		})
	}
	slices.SortStableFunc(doc.Agents, func(x, y Agent) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), comparePosition(x.Position, y.Position), cmp.Compare(x.Kind, y.Kind))
	})
	for i := range doc.Findings {
		for j := range doc.Findings[i].Legs {
			slices.Sort(doc.Findings[i].Legs[j].Also)
		}
	}
	slices.SortStableFunc(doc.Findings, compareFinding)
	slices.SortStableFunc(doc.Mismatches, compareMismatch)
	slices.Sort(doc.Warnings)
	slices.SortStableFunc(doc.NotAnalysed, func(a, b NotAnalysed) int { return cmp.Compare(a.Package, b.Package) })
	for i := range doc.Tools {
		slices.Sort(doc.Tools[i].Incomplete)
	}
}

func compareTool(a, b Tool) int {
	return cmp.Or(
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Framework, b.Framework),
		cmp.Compare(a.Handler, b.Handler),
		comparePosition(a.Position, b.Position),
		comparePosition(a.Registration, b.Registration),
		cmp.Compare(a.NameFrom, b.NameFrom),
	)
}

func compareCapability(a, b Capability) int {
	return cmp.Or(
		cmp.Compare(a.Capability, b.Capability),
		cmp.Compare(a.Sink, b.Sink),
		comparePosition(a.Position, b.Position),
		slices.CompareFunc(a.Path, b.Path, compareFrame),
	)
}

func compareFinding(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Agent, b.Agent),
		cmp.Compare(a.Tool, b.Tool),
		cmp.Compare(a.Sink, b.Sink),
		cmp.Compare(a.ID, b.ID),
		cmp.Compare(a.Message, b.Message),
		slices.CompareFunc(a.Path, b.Path, compareFrame),
	)
}

func compareMismatch(a, b Mismatch) int {
	return cmp.Or(
		cmp.Compare(a.Framework, b.Framework),
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Kind, b.Kind),
		comparePosition(a.Position, b.Position),
	)
}

func compareFrame(a, b Frame) int {
	return cmp.Or(
		cmp.Compare(a.Function, b.Function),
		comparePosition(a.Position, b.Position),
	)
}

func comparePosition(a, b Position) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
	)
}

package report

import "slices"

// Summarize totals the tools' scores: the sum of their blast radius and of
// its contained part, the percentage contained (100 with nothing to
// contain), and the tool with the largest uncontained part, first by name
// on a tie.
func Summarize(tools []Tool) Summary {
	tools = slices.Clone(tools)
	slices.SortStableFunc(tools, compareTool)
	s := Summary{Tools: len(tools)}
	worst := 0
	for _, t := range tools {
		s.BlastRadius += t.Score.BlastRadius
		s.Contained += t.Score.Contained
		if open := t.Score.BlastRadius - t.Score.Contained; open > worst {
			worst, s.Worst = open, t.Name
		}
	}
	s.Percent = 100
	if s.BlastRadius > 0 {
		s.Percent = s.Contained * 100 / s.BlastRadius
	}
	return s
}

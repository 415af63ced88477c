// Package agent judges what the tools of one agent can do together, and
// what a tool says about itself against what it does. It reads the report
// the rest of the analyzer wrote (capabilities, guards and findings) and
// adds findings; it never looks at code. [Check] is its one entry point.
//
// # Toxic combinations
//
// A tool plays a leg when:
//   - private data in: it returns secrets, file contents or rows to the
//     model (a BR201 or BR202 finding);
//   - untrusted content in: it returns content others wrote (a BR203
//     finding);
//   - exit: it sends model-controlled data where the model says (a BR103,
//     BR106 or BR303 finding, or a cloud write whose arguments the model
//     fills), with no confirmation before it.
//
// An agent whose tools hold all three legs, with no two of the chosen tools
// kept apart by registration gates, gets BR401; otherwise an exit that can
// join private data gets BR402, and one that can join untrusted content
// BR403. A suppressed finding plays no leg.
//
// # Hints
//
// An MCP tool that declares readOnlyHint true and can change something,
// destructiveHint false and can delete, or openWorldHint false and reaches
// the network gets BR501, at severity info when the hint is not a
// constant.
//
// docs/agents.md is the design.
package agent

// Package analyzer finds the functions an LLM can trigger in a Go module and
// what each of them can reach.
//
// # Stages
//
// One file per stage, run in this order by [Run]:
//   - load.go: go/packages, without running the scanned code or fetching a
//     toolchain;
//   - program.go: SSA with generics instantiated;
//   - entries.go: the tools, from package discovery: registrations and
//     model-selected dispatch followed through the application's own tool
//     layers (docs/discovery.md), interface tools and directives;
//   - callgraph.go: CHA, a forward slice from the entry points, then VTA
//     over the slice, as govulncheck does;
//   - reach.go: per tool, the catalogued sinks it reaches and
//     the shortest witness path to each; channel.go adds the writes into a
//     process's input (a stdin pipe, a PTY) as sinks;
//   - untrusted.go and taint.go: which sensitive arguments the model
//     controls; confine.go: the checks, inline or in validator helpers, that
//     confine them (docs/guards.md); commands.go: the program a command
//     call runs, and whether the model's words are a command or its
//     operands;
//   - guards.go: the mitigations around each capability; approvals.go:
//     an application's own approval step, found by its shape.
//
// The package never prints; it returns a [report.Document].
package analyzer

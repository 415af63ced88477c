// Package report holds the scan result, [Document], and writes it out in
// each output format.
//
// # Data model
//
// A [Document] lists the [Tool]s an LLM can trigger, the [Capability]
// (sink) each tool can reach with a witness [Frame] path, the rule
// [Finding]s and the load warnings. Positions are relative to the module
// root and use '/'. docs/json.md documents every field.
//
// # Output
//
// A [Handler] writes one Document in one format to an io.Writer; [New]
// picks it by name from [Formats]. Every handler writes a sorted copy (see
// [Sort]) with empty lists instead of null, so the same Document gives the
// same bytes, and never changes the Document it is given.
//
// JSON is the canonical form: [ReadJSON] replays a document written by the
// JSON handler into any other handler, as the golden tests do.
//
// # In CI
//
// [SARIFHandler] writes SARIF 2.1.0 for GitHub code scanning, with the rule
// descriptions the command passes in [Options.Rules]; [MarkdownHandler] a
// pull request comment. A [Baseline] records findings by ID, and
// [Baseline.Apply] marks a later scan's findings new or unchanged;
// [Compare] diffs two scans tool by tool. Suppressed findings
// ([Finding.Suppressed]) stay in every format.
//
// The package never imports go/ssa or go/packages: it deals in strings and
// positions that the analyzer has already resolved.
package report

package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
)

// InformationURI is the scanner's home page, for SARIF's tool.driver.
const InformationURI = "https://github.com/blastradius/blastradius"

// FingerprintKey is the key of a finding's ID in a SARIF result's
// partialFingerprints. The ID hashes the rule, tool, handler and sink, never
// lines, so code scanning keeps an alert open across unrelated edits.
const FingerprintKey = "blastradiusFindingId/v1"

// srcRoot is the uriBaseId of every location: the repository's root, which
// GitHub code scanning resolves to the checkout.
const srcRoot = "%SRCROOT%"

// SARIFHandler writes a [Document] as a SARIF 2.1.0 log with one run, in
// the form GitHub code scanning ingests: a rule descriptor for every
// catalog rule, one result per finding with a location relative to the
// repository root, the finding's ID as a partial fingerprint, its data flow
// and call path as code flows, and suppressed and baseline findings marked
// as SARIF marks them. Tools and mismatches have no SARIF form; load
// warnings become tool execution notifications.
//
// Like the other handlers it writes the same bytes for the same document:
// no timestamps, no absolute paths, lists in a fixed order and never null.
type SARIFHandler struct {
	w    io.Writer
	opts Options
}

// NewSARIFHandler returns a handler that writes SARIF to w. It uses
// opts.Rules and opts.SourcePrefix.
func NewSARIFHandler(w io.Writer, opts Options) *SARIFHandler {
	return &SARIFHandler{w: w, opts: opts}
}

// Write writes doc as one SARIF log.
func (h *SARIFHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	rules, index := h.rules(doc.Findings)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "blastradius",
			SemanticVersion: semanticVersion(doc.Scanner.Version),
			InformationURI:  InformationURI,
			Rules:           rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true, Notifications: []sarifNotification{}}},
		Results:     make([]sarifResult, 0, len(doc.Findings)),
	}
	for _, w := range doc.Warnings {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level: "warning", Message: sarifText{Text: sentence(w)},
		})
	}
	for _, f := range doc.Findings {
		run.Results = append(run.Results, h.result(f, index[f.RuleID]))
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	if _, err := h.w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	return nil
}

// rules returns the rule descriptors, sorted by ID: every rule of
// opts.Rules and, for a finding whose rule is not among them, one made
// from the finding. index maps a rule ID to its place.
func (h *SARIFHandler) rules(fs []Finding) ([]sarifRule, map[string]int) {
	infos := map[string]RuleInfo{}
	for _, r := range h.opts.Rules {
		infos[r.ID] = r
	}
	for _, f := range fs {
		if _, ok := infos[f.RuleID]; !ok {
			infos[f.RuleID] = RuleInfo{ID: f.RuleID, Name: f.Rule, Severity: f.Severity, CWE: f.CWE, OWASP: f.OWASP}
		}
	}
	ids := make([]string, 0, len(infos))
	for id := range infos {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]sarifRule, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		out[i] = sarifRuleOf(infos[id])
		index[id] = i
	}
	return out, index
}

func sarifRuleOf(r RuleInfo) sarifRule {
	name := r.Name
	if name == "" {
		name = r.ID
	}
	summary := r.Summary
	if summary == "" {
		summary = fmt.Sprintf("Rule %s (%s).", r.ID, name)
	}
	desc := r.Description
	if desc == "" {
		desc = summary
	}
	help := sarifMultiformat{Text: r.Doc, Markdown: r.Doc}
	if r.Doc == "" {
		help = sarifMultiformat{Text: desc}
	}
	tags := []string{"security"}
	tags = append(tags, r.CWE...)
	tags = append(tags, r.OWASP...)
	precision := r.Precision
	if precision == "" {
		precision = "medium"
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 name,
		ShortDescription:     sarifText{Text: summary},
		FullDescription:      sarifText{Text: desc},
		DefaultConfiguration: sarifConfiguration{Level: level(r.Severity)},
		Help:                 help,
		HelpURI:              r.HelpURI,
		Properties: sarifRuleProperties{
			Tags:             tags,
			Precision:        precision,
			SecuritySeverity: securitySeverity(r.Severity),
		},
	}
}

// result is the SARIF form of one finding.
func (h *SARIFHandler) result(f Finding, ruleIndex int) sarifResult {
	r := sarifResult{
		RuleID:    f.RuleID,
		RuleIndex: ruleIndex,
		Level:     level(f.Severity),
		Message:   sarifText{Text: sentence(f.Message)},
		Locations: []sarifLocation{h.primaryLocation(f)},
		Properties: sarifResultProperties{
			Severity:   f.Severity,
			Tool:       f.Tool,
			Capability: f.Capability,
			Sink:       f.Sink,
		},
		BaselineState: f.Baseline,
	}
	if f.ID != "" {
		r.PartialFingerprints = map[string]string{FingerprintKey: f.ID}
	}
	if len(f.Steps) > 0 {
		var locs []sarifThreadFlowLocation
		for _, s := range f.Steps {
			locs = append(locs, h.flowLocation(s.Position, sentence(s.What)))
		}
		r.CodeFlows = append(r.CodeFlows, codeFlow("Data flow from its source to the sink.", locs))
	}
	if len(f.Path) > 0 {
		var locs []sarifThreadFlowLocation
		for i, fr := range f.Path {
			callee := f.Sink
			if i+1 < len(f.Path) {
				callee = f.Path[i+1].Function
			}
			msg := fr.Function + " calls " + callee + "."
			if callee == "" {
				msg = fr.Function + "."
			}
			locs = append(locs, h.flowLocation(fr.Position, msg))
		}
		r.CodeFlows = append(r.CodeFlows, codeFlow("Call path from the tool's handler.", locs))
	}
	if f.Suppressed {
		r.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppression}}
	}
	return r
}

func codeFlow(msg string, locs []sarifThreadFlowLocation) sarifCodeFlow {
	return sarifCodeFlow{
		Message:     sarifText{Text: msg},
		ThreadFlows: []sarifThreadFlow{{Locations: locs}},
	}
}

// primaryLocation is the finding's position or, if that is not in the
// module, the last position of its path or steps that is. Code scanning
// needs a file of the repository; go.mod stands in as the last resort.
func (h *SARIFHandler) primaryLocation(f Finding) sarifLocation {
	candidates := []Position{f.Position}
	for i := len(f.Path) - 1; i >= 0; i-- {
		candidates = append(candidates, f.Path[i].Position)
	}
	for i := len(f.Steps) - 1; i >= 0; i-- {
		candidates = append(candidates, f.Steps[i].Position)
	}
	for _, p := range candidates {
		if inModule(p) {
			return sarifLocation{PhysicalLocation: h.physical(p)}
		}
	}
	return sarifLocation{PhysicalLocation: h.physical(Position{File: "go.mod", Line: 1})}
}

// flowLocation is one step of a code flow. A position outside the module
// (a dependency's file) has no file in the repository, so it is kept as a
// message only.
func (h *SARIFHandler) flowLocation(p Position, msg string) sarifThreadFlowLocation {
	loc := sarifLocation{Message: &sarifText{Text: msg}}
	if inModule(p) {
		loc.PhysicalLocation = h.physical(p)
	} else if p.File != "" {
		loc.Message.Text = strings.TrimSuffix(msg, ".") + " (" + p.short() + ")."
	}
	return sarifThreadFlowLocation{Location: loc}
}

func (h *SARIFHandler) physical(p Position) *sarifPhysicalLocation {
	uri := p.File
	if h.opts.SourcePrefix != "" {
		uri = path.Join(h.opts.SourcePrefix, p.File)
	}
	line := max(p.Line, 1)
	var col int
	if p.Line > 0 && p.Column > 0 {
		col = p.Column
	}
	return &sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: srcRoot},
		Region:           sarifRegion{StartLine: line, StartColumn: col},
	}
}

// inModule reports whether p is a file of the scanned module: relative,
// and not module@version/path.
func inModule(p Position) bool {
	return p.File != "" && !path.IsAbs(p.File) && !strings.HasPrefix(p.File, "../") &&
		!strings.Contains(p.File, "@") && !strings.Contains(p.File, ":")
}

// level maps a severity to a SARIF level.
func level(severity string) string {
	switch severity {
	case "critical", "high":
		return "error"
	case "medium":
		return "warning"
	}
	return "note"
}

// securitySeverity is the score GitHub code scanning ranks alerts by:
// above 9.0 is critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, below that
// low.
func securitySeverity(severity string) string {
	switch severity {
	case "critical":
		return "9.5"
	case "high":
		return "8.0"
	case "medium":
		return "5.5"
	case "low":
		return "3.0"
	}
	return "1.0"
}

// semverRE is the regular expression of semver.org, without the "v".
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion is a Go module version without its "v" (v1.2.3 is
// 1.2.3); a version that is not semver, such as "devel", is a
// pre-release of 0.0.0.
func semanticVersion(v string) string {
	s := strings.TrimPrefix(v, "v")
	if semverRE.MatchString(s) {
		return s
	}
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '-'
	}, s)
	clean = strings.Trim(strings.ReplaceAll(clean, "..", "."), ".")
	if clean == "" || !semverRE.MatchString("0.0.0-"+clean) {
		clean = "unknown"
	}
	return "0.0.0-" + clean
}

// sentence ends s with a period, as SARIF messages should.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// The SARIF 2.1.0 objects the handler writes. Field order is output order.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		SemanticVersion string      `json:"semanticVersion"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string              `json:"id"`
		Name                 string              `json:"name"`
		ShortDescription     sarifText           `json:"shortDescription"`
		FullDescription      sarifText           `json:"fullDescription"`
		DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
		Help                 sarifMultiformat    `json:"help"`
		HelpURI              string              `json:"helpUri,omitempty"`
		Properties           sarifRuleProperties `json:"properties"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProperties struct {
		Tags      []string `json:"tags"`
		Precision string   `json:"precision"`
		// SecuritySeverity is a number in a string, as GitHub reads it.
		SecuritySeverity string `json:"security-severity"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID              string                `json:"ruleId"`
		RuleIndex           int                   `json:"ruleIndex"`
		Level               string                `json:"level"`
		Message             sarifText             `json:"message"`
		Locations           []sarifLocation       `json:"locations"`
		PartialFingerprints map[string]string     `json:"partialFingerprints,omitempty"`
		CodeFlows           []sarifCodeFlow       `json:"codeFlows,omitempty"`
		BaselineState       string                `json:"baselineState,omitempty"`
		Suppressions        []sarifSuppression    `json:"suppressions,omitempty"`
		Properties          sarifResultProperties `json:"properties"`
	}
	sarifResultProperties struct {
		Severity   string `json:"severity"`
		Tool       string `json:"tool,omitempty"`
		Agent      string `json:"agent,omitempty"`
		Capability string `json:"capability,omitempty"`
		Sink       string `json:"sink,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		Message          *sarifText             `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifCodeFlow struct {
		Message     sarifText         `json:"message"`
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}
	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	}
)

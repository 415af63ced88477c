package report

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// BaselineSchemaVersion is the version of the baseline file. It changes
// only when a field is removed or changes meaning.
const BaselineSchemaVersion = "1"

// Baseline is the set of findings accepted at one point: a later scan
// reports and fails only on findings whose ID it does not hold. A finding's
// ID hashes its rule, tool, handler and sink, never lines, so moved code
// keeps it.
type Baseline struct {
	SchemaVersion string `json:"schema_version"`
	// Scanner wrote the baseline.
	Scanner Scanner `json:"scanner"`
	// Root is the module path of the scan, as in [Document].
	Root string `json:"root"`
	// Findings is sorted by rule ID, then tool, then sink, then ID; an ID
	// appears once.
	Findings []BaselineFinding `json:"findings"`
}

// BaselineFinding is one accepted finding. Only ID is compared; the other
// fields are there for the people who review the file.
type BaselineFinding struct {
	ID     string `json:"id"`
	RuleID string `json:"rule_id"`
	Tool   string `json:"tool"`
	Sink   string `json:"sink"`
}

// NewBaseline records every finding of doc, suppressed ones included.
func NewBaseline(doc *Document) *Baseline {
	b := &Baseline{
		SchemaVersion: BaselineSchemaVersion,
		Scanner:       doc.Scanner,
		Root:          doc.Root,
		Findings:      []BaselineFinding{},
	}
	seen := map[string]bool{}
	for _, f := range doc.Findings {
		if seen[f.ID] {
			continue
		}
		seen[f.ID] = true
		b.Findings = append(b.Findings, BaselineFinding{ID: f.ID, RuleID: f.RuleID, Tool: f.Tool, Sink: f.Sink})
	}
	slices.SortFunc(b.Findings, func(x, y BaselineFinding) int {
		return cmp.Or(cmp.Compare(x.RuleID, y.RuleID), cmp.Compare(x.Tool, y.Tool),
			cmp.Compare(x.Sink, y.Sink), cmp.Compare(x.ID, y.ID))
	})
	return b
}

// Write writes b as indented JSON with a final newline.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// ReadBaseline reads a baseline written by [Baseline.Write]. It rejects
// malformed JSON, trailing data, a schema_version other than
// [BaselineSchemaVersion] and a finding without an ID.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	dec := json.NewDecoder(r)
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("reading baseline: empty input")
		}
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("reading baseline: unexpected data after the baseline")
	}
	switch b.SchemaVersion {
	case BaselineSchemaVersion:
	case "":
		return nil, fmt.Errorf("reading baseline: no schema_version (want %q): is this a baseline written by blastradius baseline?", BaselineSchemaVersion)
	default:
		return nil, fmt.Errorf("reading baseline: unsupported schema_version %q (want %q)", b.SchemaVersion, BaselineSchemaVersion)
	}
	for i, f := range b.Findings {
		if f.ID == "" {
			return nil, fmt.Errorf("reading baseline: finding %d has no id", i)
		}
	}
	return &b, nil
}

// Apply marks each finding of doc [BaselineUnchanged] when b holds its ID
// and [BaselineNew] otherwise, and returns how many are new.
func (b *Baseline) Apply(doc *Document) (fresh int) {
	ids := make(map[string]bool, len(b.Findings))
	for _, f := range b.Findings {
		ids[f.ID] = true
	}
	for i := range doc.Findings {
		if ids[doc.Findings[i].ID] {
			doc.Findings[i].Baseline = BaselineUnchanged
		} else {
			doc.Findings[i].Baseline = BaselineNew
			fresh++
		}
	}
	return fresh
}

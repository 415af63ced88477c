package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/rules"
)

// rulesOptions are the flags of the rules command.
type rulesOptions struct {
	format string // "table" or "json"
}

// rulesFormats are the formats of the rules command; the first is the
// default.
var rulesFormats = []string{"table", "json"}

func newRulesCmd(e *env) *cobra.Command {
	var opts rulesOptions
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules, with their severity and tags",
		Long: `Rules lists the rules that findings are reported under, sorted by ID: each
rule's permanent ID, its name, its default severity, and its CWE and OWASP
Top 10 for LLM Applications tags. Run blastradius explain ID for a rule's
documentation.`,
		Example: `  blastradius rules
  blastradius rules --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return opts.run(e)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", rulesFormats[0], "output `format`: "+strings.Join(rulesFormats, " or "))
	return cmd
}

// ruleJSON is one rule in the JSON output of the rules command.
type ruleJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity string   `json:"severity"`
	CWE      []string `json:"cwe"`
	OWASP    []string `json:"owasp"`
	// Summary is the first sentence of the rule's doc.
	Summary string `json:"summary"`
}

func (o *rulesOptions) run(e *env) error {
	if o.format != "table" && o.format != "json" {
		return usageError(fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(rulesFormats, " or ")))
	}
	c, err := rules.Default()
	if err != nil {
		return internalError(err)
	}
	list := c.RuleList()
	var buf bytes.Buffer
	if o.format == "json" {
		out := struct {
			Rules []ruleJSON `json:"rules"`
		}{Rules: []ruleJSON{}}
		for _, r := range list {
			out.Rules = append(out.Rules, ruleJSON{ID: r.ID, Name: r.Name, Severity: r.Severity,
				CWE: append([]string{}, r.CWE...), OWASP: append([]string{}, r.OWASP...), Summary: rules.Summary(r.ID)})
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return internalError(fmt.Errorf("writing rules: %w", err))
		}
	} else if err := rulesTable(&buf, list); err != nil {
		return internalError(err)
	}
	if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return internalError(fmt.Errorf("writing rules: %w", err))
	}
	return nil
}

// rulesTable writes the rules as a borderless table, in the style of the
// scan report, and a line on how to read one.
func rulesTable(w *bytes.Buffer, list []rules.Rule) error {
	var raw bytes.Buffer
	gap := tw.CellPadding{Global: tw.Padding{Right: "  ", Overwrite: true}}
	t := tablewriter.NewTable(&raw,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithConfig(tablewriter.Config{
			Header: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    gap,
			},
			Row: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    gap,
			},
		}),
	)
	t.Header("ID", "NAME", "SEVERITY", "CWE", "OWASP")
	for _, r := range list {
		if err := t.Append(r.ID, r.Name, r.Severity, strings.Join(r.CWE, ","), strings.Join(r.OWASP, ",")); err != nil {
			return fmt.Errorf("writing rules: %w", err)
		}
	}
	if err := t.Render(); err != nil {
		return fmt.Errorf("writing rules: %w", err)
	}
	// tablewriter pads the last column; trim it.
	for line := range bytes.Lines(raw.Bytes()) {
		w.Write(bytes.TrimRight(line, " \n"))
		w.WriteByte('\n')
	}
	fmt.Fprintf(w, "\n%d rules. Run blastradius explain ID for one rule's documentation.\n", len(list))
	return nil
}

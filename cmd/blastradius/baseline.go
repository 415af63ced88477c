package main

import (
	"bytes"
	"context"

	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/report"
)

// baselineOptions are the flags of the baseline command.
type baselineOptions struct {
	loadOptions
	output string // file to write the baseline to; "" is stdout
}

func newBaselineCmd(e *env) *cobra.Command {
	var opts baselineOptions
	cmd := &cobra.Command{
		Use:   "baseline [dir | packages...]",
		Short: "Record today's findings, so that scan --baseline fails only on new ones",
		Long: `Baseline scans as scan does (same arguments, configuration and catalog) and
writes the IDs of the findings it reports, suppressed ones included, as a
small JSON file to commit. scan --baseline FILE then marks those findings as
unchanged and --fail-on counts only the others.

A finding's ID is a hash of its rule, tool, handler and sink, not of line
numbers: code that moves, or edits elsewhere, keep it. Renaming the tool or
the handler, or reaching another sink, makes a new finding.`,
		Example: `  blastradius baseline -o .blastradius-baseline.json .
  blastradius scan --baseline .blastradius-baseline.json --fail-on high .`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return opts.run(cmd.Context(), e, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write the baseline to `FILE` instead of standard output")
	opts.addFlags(f)
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print phase timings and counts on stderr")
	return cmd
}

func (o *baselineOptions) run(ctx context.Context, e *env, args []string) error {
	s, err := o.analyze(ctx, e, args)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.NewBaseline(s.doc).Write(&buf); err != nil {
		return internalError(err)
	}
	return writeOutput(e, o.output, buf.Bytes())
}

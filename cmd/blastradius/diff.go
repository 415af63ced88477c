package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/report"
)

// diffOptions are the flags of the diff command.
type diffOptions struct {
	format string // "text" or "json"
	output string // file to write the diff to; "" is stdout
	failOn string // a severity, "none" or ""
}

// diffFormats are the formats of the diff command; the first is the
// default.
var diffFormats = []string{"text", "json"}

func newDiffCmd(e *env) *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "Show what changed between two JSON scans, tool by tool",
		Long: `Diff compares two reports written by scan --format json, typically of the
base and the head of a pull request, and prints what changed for a
reviewer: new and removed tools, the capabilities each tool gained or lost
("tool issue_refund gained payment"), capabilities that model-controlled
data now reaches, score changes, and the findings that are new or fixed.
Tools are matched by name and framework, findings by ID.

With --fail-on SEVERITY the exit status is 1 when a new finding at or above
that severity is not suppressed.`,
		Example: `  blastradius scan --format json -o old.json .   # on the base branch
  blastradius scan --format json -o new.json .   # on the pull request
  blastradius diff old.json new.json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return opts.run(e, args[0], args[1])
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", diffFormats[0], "output `format`: "+strings.Join(diffFormats, " or "))
	f.StringVarP(&opts.output, "output", "o", "", "write the diff to `FILE` instead of standard output")
	f.StringVar(&opts.failOn, "fail-on", "", "exit with status 1 if a new finding at or above `SEVERITY` is not suppressed")
	return cmd
}

func (o *diffOptions) run(e *env, oldFile, newFile string) error {
	if o.format != "text" && o.format != "json" {
		return usageError(fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(diffFormats, " or ")))
	}
	if o.failOn != "" {
		if err := checkFailOn(o.failOn); err != nil {
			return usageError(fmt.Errorf("--fail-on: %w", err))
		}
	}
	old, err := readReport(oldFile)
	if err != nil {
		return err
	}
	cur, err := readReport(newFile)
	if err != nil {
		return err
	}
	d := report.Compare(old, cur)
	var buf bytes.Buffer
	if o.format == "json" {
		err = d.WriteJSON(&buf)
	} else {
		err = d.WriteText(&buf)
	}
	if err != nil {
		return internalError(err)
	}
	if err := writeOutput(e, o.output, buf.Bytes()); err != nil {
		return err
	}
	return failOnFindings(d.NewFindings, o.failOn, true)
}

// readReport reads a JSON report written by scan --format json.
func readReport(name string) (*report.Document, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageError(fmt.Errorf("reading report: %w", err))
	}
	defer f.Close()
	doc, err := report.ReadJSON(f)
	if err != nil {
		return nil, usageError(fmt.Errorf("%s: %w", name, err))
	}
	return doc, nil
}

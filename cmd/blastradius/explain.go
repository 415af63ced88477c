package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/rules"
)

// explainOptions are the flags of the explain command. It has none yet;
// the struct keeps the command's shape the same as the others'.
type explainOptions struct{}

func newExplainCmd(e *env) *cobra.Command {
	var opts explainOptions
	return &cobra.Command{
		Use:   "explain ID",
		Short: "Print a rule's documentation",
		Long: `Explain prints the documentation of one rule: what it finds, why it
matters, an example of vulnerable code and its fix, what counts as a
sanitizer or a check, and its known limitations. ID is a rule ID such as
BR101, in any case, or a rule name such as model-command-injection.`,
		Example: `  blastradius explain BR101
  blastradius explain model-ssrf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return opts.run(e, args[0])
		},
	}
}

func (o *explainOptions) run(e *env, id string) error {
	c, err := rules.Default()
	if err != nil {
		return internalError(err)
	}
	r, ok := c.Lookup(id)
	if !ok {
		return usageError(fmt.Errorf("unknown rule %q; run blastradius rules", id))
	}
	doc, ok := rules.Doc(r.ID)
	if !ok {
		return internalError(fmt.Errorf("rule %s has no documentation", r.ID))
	}
	if _, err := fmt.Fprint(e.stdout, doc); err != nil {
		return internalError(fmt.Errorf("writing documentation: %w", err))
	}
	return nil
}

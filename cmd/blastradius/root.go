package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
)

// version is the program's version. A release build sets it with
// -ldflags "-X main.version=v1.2.3"; otherwise [programVersion] asks the
// build info.
var version string

// programVersion is [version], else the main module's version from the build
// info (set by go install m@v1.2.3), else "devel".
func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// env is what the commands write to and the analysis they call; tests
// replace analyze.
type env struct {
	stdout, stderr io.Writer
	analyze        func(context.Context, analyzer.Config) (*report.Document, error)
	// memory adjusts the process's soft memory limit as a scan goes; nil
	// in tests and when GOMEMLIMIT is set.
	memory *memoryBudget
}

// run runs the command line args. Its error carries the exit code (see
// exitcode.go).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runEnv(ctx, args, &env{stdout: stdout, stderr: stderr, analyze: analyzer.Run, memory: newMemoryBudget(os.Getenv)})
}

// runEnv is run with the analysis given by e.
func runEnv(ctx context.Context, args []string, e *env) (err error) {
	// A panic is a bug in blastradius: say so in one line, with exit code
	// 3, rather than with a stack trace that buries the message.
	defer func() {
		if r := recover(); r != nil {
			err = internalError(fmt.Errorf("internal error: %v (please report this bug)", r))
		}
	}()
	root := newRootCmd(e)
	if args == nil {
		// cobra reads os.Args when SetArgs is given nil.
		args = []string{}
	}
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		if _, ok := err.(*exitError); ok {
			return err
		}
		// The commands type every error they return, so an untyped one
		// comes from cobra reading the command line.
		return usageError(err)
	}
	return nil
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "blastradius",
		Short: "Show what each LLM tool in a Go module can reach",
		Long: `blastradius finds the functions that an LLM can trigger in a Go module: the
tool handlers registered with an MCP SDK, or marked with a
//blastradius:tool directive. For each one it lists the capabilities the
handler can reach through the call graph (exec, fs-read, fs-write, db-read,
db-write, network, env, payment, email, cloud-read, cloud-write), with a
witness call path, and
reports rule findings: model-controlled input reaching a sensitive argument
(a command, a query, a URL, a path), and outside data reaching the model.
Run blastradius rules for the list and blastradius explain ID for one rule.

It loads the code with go/packages and never runs it.`,
		Version:       programVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Args and RunE replace cobra's unknown-command error, which spans
		// several lines, with a one-line usage error.
		Args: unknownCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
		CompletionOptions:          cobra.CompletionOptions{DisableDefaultCmd: true},
		SuggestionsMinimumDistance: 2,
	}
	root.SetVersionTemplate("blastradius {{.Version}}\n")
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError(err)
	})
	root.AddCommand(newScanCmd(e), newBaselineCmd(e), newDiffCmd(e), newRulesCmd(e), newExplainCmd(e))
	return root
}

// unknownCommand rejects any argument to the root command, since it only
// has subcommands.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
	} else {
		msg += fmt.Sprintf(" (see %s --help)", cmd.CommandPath())
	}
	return usageError(errors.New(msg))
}

// Package sariftest checks SARIF logs with Microsoft's SARIF validator, the
// Sarif.Multitool of the npm package @microsoft/sarif-multitool, with its
// SARIF rules and the GitHub Advanced Security ingestion rules that GitHub
// code scanning applies on upload.
//
// The validator is installed by .ci/setup.sh into .ci/node. A [Recorder]
// collects the SARIF a package's tests write; TestMain validates them all
// in one run of the validator, since each run takes a second or two:
//
//	var sarifLogs sariftest.Recorder
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		os.Exit(max(code, sarifLogs.Check(os.Stderr)))
//	}
//
// Without the validator, Check fails and says to run .ci/setup.sh: a test
// that skips would let invalid SARIF through unnoticed.
package sariftest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// RuleKinds are the validator's rule sets that Check runs: the SARIF
// specification's and GitHub's (Gh and Ghas, the ingestion rules of GitHub
// code scanning). GHAzDO (Azure DevOps) and AI (for AI-written findings)
// are left out: they ask for what GitHub does not, such as
// automationDetails, which upload-sarif's category sets.
const RuleKinds = "Gh;Ghas;Sarif"

// Recorder collects SARIF logs to validate. The zero value is ready to use
// and safe for concurrent use.
type Recorder struct {
	mu   sync.Mutex
	logs map[string][]byte
}

// Add records data under name (unique within the package's tests; a later
// Add with the same name replaces it).
func (r *Recorder) Add(name string, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.logs == nil {
		r.logs = map[string][]byte{}
	}
	r.logs[name] = bytes.Clone(data)
}

// Check validates every recorded log, writes the problems to w and returns
// the exit code for TestMain: 0 when every log is valid or none was
// recorded, 1 otherwise.
func (r *Recorder) Check(w io.Writer) int {
	r.mu.Lock()
	logs := r.logs
	r.mu.Unlock()
	if len(logs) == 0 {
		return 0
	}
	problems, err := Validate(logs)
	if err != nil {
		fmt.Fprintf(w, "FAIL: validating SARIF: %v\n", err)
		return 1
	}
	if len(problems) > 0 {
		fmt.Fprintf(w, "FAIL: the SARIF validator found %d problems in the SARIF the tests wrote:\n", len(problems))
		for _, p := range problems {
			fmt.Fprintf(w, "\t%s\n", p)
		}
		return 1
	}
	return 0
}

// Validate runs the validator once over the logs, keyed by name, and
// returns its errors and warnings (notes are advice, such as embedding
// code snippets, and are not returned), one line each, sorted, plus what
// [CheckEnums] finds and any log the validator did not analyse. The error
// is for a validator that is missing or fails to run.
func Validate(logs map[string][]byte) ([]string, error) {
	bin, err := Command()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "sariftest")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	config := filepath.Join(dir, "config.xml")
	if err := os.WriteFile(config, []byte(validatorConfig), 0o644); err != nil {
		return nil, err
	}
	var problems []string
	// Notes are asked for too, though they are not problems: every log
	// gets at least one, so a log without any output was not analysed.
	args := []string{"validate", "--rule-kind", RuleKinds, "--level", "Error;Warning;Note", "--config", config}
	files := map[string]string{} // base name → log name
	for i, name := range sortedNames(logs) {
		base := fmt.Sprintf("%03d.sarif", i)
		files[base] = name
		if err := os.WriteFile(filepath.Join(dir, base), logs[name], 0o644); err != nil {
			return nil, err
		}
		args = append(args, base)
		for _, p := range CheckEnums(logs[name]) {
			problems = append(problems, name+": "+p)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"DOTNET_CLI_TELEMETRY_OPTOUT=1",
		"DOTNET_NOLOGO=1",
		// Without libicu, .NET refuses to start unless told to use the
		// invariant culture, which is all the validator needs.
		"DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", bin, err, out)
	}
	if !bytes.Contains(out, []byte("Analysis completed successfully")) {
		return nil, fmt.Errorf("%s did not complete:\n%s", bin, out)
	}
	analysed := map[string]bool{}
	for line := range strings.Lines(string(out)) {
		line = strings.TrimSpace(line)
		if strings.Contains(line, "WRN999.RuleExplicitlyDisabled") {
			continue
		}
		if m := fileRE.FindStringSubmatch(line); m != nil {
			base := filepath.Base(m[1])
			analysed[base] = true
			line = files[base] + strings.TrimPrefix(line, m[1])
		}
		if problemRE.MatchString(line) {
			problems = append(problems, line)
		}
	}
	for base, name := range files {
		if !analysed[base] {
			// The validator skips, without a word, a log it cannot
			// read into its object model (an unknown enum value, say).
			problems = append(problems, name+": the validator did not analyse it: it may not be SARIF 2.1.0")
		}
	}
	slices.Sort(problems)
	return problems, nil
}

// fileRE matches the file name at the start of a validator line, such as
// "/tmp/x/001.sarif(1,104): warning SARIF2005: ...".
var fileRE = regexp.MustCompile(`^(.*?[0-9]{3}\.sarif)\(`)

// problemRE matches a validator error or warning line, and its tool errors
// ("SARIF.MULTITOOL : error ERR997...").
var problemRE = regexp.MustCompile(`: (error|warning) [A-Z][A-Za-z]*[0-9]+`)

// validatorConfig turns off the one rule that reaches the network:
// SARIF2006 fetches every URI in the log (the schema, the help pages) to
// check that it answers. Tests make no requests to other hosts; the URIs
// are checked by hand.
const validatorConfig = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`

// Command returns the validator's executable: $SARIF_MULTITOOL if set,
// else the one .ci/setup.sh installs under .ci/node. The npm package's
// bin.js runs the executable through a shell, which would split the
// semicolon-separated --rule-kind list, so the platform package's
// executable is called directly.
func Command() (string, error) {
	if bin := os.Getenv("SARIF_MULTITOOL"); bin != "" {
		return bin, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	platform, exe := runtime.GOOS, "Sarif.Multitool"
	if platform == "windows" {
		platform, exe = "win32", "Sarif.Multitool.exe"
	}
	bin := filepath.Join(root, ".ci", "node", "node_modules", "@microsoft", "sarif-multitool-"+platform, exe)
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("the SARIF validator is not installed (%s is missing): run .ci/setup.sh", bin)
	}
	return bin, nil
}

// repoRoot is the nearest directory above the working directory that has
// .ci/setup.sh.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".ci", "setup.sh")); err == nil {
			return dir, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no .ci/setup.sh above the working directory")
		}
		dir = parent
	}
}

// CheckEnums checks the values of the SARIF properties that are
// enumerations and that the validator's schema check lets through:
// result.level, result.baselineState, suppression.kind and
// notification.level. It also rejects a log whose runs, results or rules
// are null.
func CheckEnums(data []byte) []string {
	var log struct {
		Runs *[]struct {
			Tool struct {
				Driver struct {
					Rules *[]struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				Notifications []struct {
					Level string `json:"level"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results *[]struct {
				Level         string `json:"level"`
				BaselineState string `json:"baselineState"`
				Suppressions  []struct {
					Kind string `json:"kind"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return []string{err.Error()}
	}
	if log.Runs == nil {
		return []string{"runs is missing or null"}
	}
	var out []string
	check := func(where, value string, allowed ...string) {
		if value != "" && !slices.Contains(allowed, value) {
			out = append(out, fmt.Sprintf("%s is %q (want one of %s)", where, value, strings.Join(allowed, ", ")))
		}
	}
	levels := []string{"none", "note", "warning", "error"}
	for i, run := range *log.Runs {
		if run.Results == nil {
			out = append(out, fmt.Sprintf("runs[%d].results is missing or null", i))
			continue
		}
		if run.Tool.Driver.Rules == nil {
			out = append(out, fmt.Sprintf("runs[%d].tool.driver.rules is missing or null", i))
		} else {
			for j, r := range *run.Tool.Driver.Rules {
				check(fmt.Sprintf("runs[%d].tool.driver.rules[%d] (%s).defaultConfiguration.level", i, j, r.ID), r.DefaultConfiguration.Level, levels...)
			}
		}
		for j, inv := range run.Invocations {
			for k, n := range inv.Notifications {
				check(fmt.Sprintf("runs[%d].invocations[%d].toolExecutionNotifications[%d].level", i, j, k), n.Level, levels...)
			}
		}
		for j, r := range *run.Results {
			where := fmt.Sprintf("runs[%d].results[%d]", i, j)
			check(where+".level", r.Level, levels...)
			check(where+".baselineState", r.BaselineState, "new", "unchanged", "updated", "absent")
			for k, s := range r.Suppressions {
				check(fmt.Sprintf("%s.suppressions[%d].kind", where, k), s.Kind, "inSource", "external")
			}
		}
	}
	return out
}

func sortedNames(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

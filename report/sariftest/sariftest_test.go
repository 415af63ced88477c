package sariftest

import (
	"slices"
	"strings"
	"testing"
)

// TestValidateFindsProblems checks that the validator runs with the GitHub
// ingestion rules: a result without a location is accepted by the SARIF
// schema but not by GitHub code scanning.
func TestValidateFindsProblems(t *testing.T) {
	const noLocation = `{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "x", "semanticVersion": "1.0.0", "informationUri": "https://example.com",
      "rules": [{"id": "X1", "shortDescription": {"text": "A."}, "fullDescription": {"text": "B."}, "help": {"text": "C."}}]}},
    "results": [{"ruleId": "X1", "level": "bogus", "message": {"text": "Found."}}]
  }]
}`
	valid := strings.Replace(noLocation, `"level": "bogus", `, "", 1)
	problems, err := Validate(map[string][]byte{"no-location": []byte(valid)})
	if err != nil {
		t.Fatal(err)
	}
	// A log the validator cannot read stops it from analysing the logs
	// after it: each is reported.
	more, err := Validate(map[string][]byte{"bad-level": []byte(noLocation), "later": []byte(valid)})
	if err != nil {
		t.Fatal(err)
	}
	problems = append(problems, more...)
	has := func(s string) bool {
		return slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, s) })
	}
	for _, want := range []string{
		"no-location(7,17): error GH1015: runs[0].results[0]: This 'result' object does not provide a 'locations' array.",
		`bad-level: runs[0].results[0].level is "bogus"`,
		"bad-level: the validator did not analyse it",
		"later: the validator did not analyse it",
	} {
		if !has(want) {
			t.Errorf("no %q among:\n%s", want, strings.Join(problems, "\n"))
		}
	}
}

func TestCheckEnums(t *testing.T) {
	for _, tc := range []struct {
		log  string
		want []string
	}{
		{`{"runs": [{"tool": {"driver": {"rules": []}}, "results": []}]}`, nil},
		{`{"runs": null}`, []string{"runs is missing or null"}},
		{`{"runs": [{"tool": {"driver": {}}, "results": null}]}`, []string{"runs[0].results is missing or null"}},
		{`{"runs": [{"tool": {"driver": {"rules": []}}, "results": [{"baselineState": "fresh", "suppressions": [{"kind": "inline"}]}]}]}`, []string{
			`runs[0].results[0].baselineState is "fresh" (want one of new, unchanged, updated, absent)`,
			`runs[0].results[0].suppressions[0].kind is "inline" (want one of inSource, external)`,
		}},
	} {
		if got := CheckEnums([]byte(tc.log)); !slices.Equal(got, tc.want) {
			t.Errorf("CheckEnums(%s) = %q, want %q", tc.log, got, tc.want)
		}
	}
}

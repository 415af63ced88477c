package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Sinks[Normalize("os/exec.Command")].Capability; got != "exec" {
		t.Errorf("os/exec.Command: capability %q, want exec", got)
	}
	if _, ok := c.Registers[Normalize("(*github.com/mark3labs/mcp-go/server.MCPServer).AddTool")]; !ok {
		t.Error("mcp-go AddTool is not a registration")
	}
	for sym, s := range c.Sinks {
		if !validCapability(s.Capability) {
			t.Errorf("%s: %s: unknown capability %q", s.Where, sym, s.Capability)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/stripe/stripe-go/v82/refund.New":     "github.com/stripe/stripe-go/refund.New",
		"google.golang.org/adk/v2/tool/functiontool.New": "google.golang.org/adk/tool/functiontool.New",
		"google.golang.org/adk/tool/functiontool.New":    "google.golang.org/adk/tool/functiontool.New",
		"example.com/m/v2/api/v1/v3/x.F":                 "example.com/m/api/x.F",
		"k8s.io/api/core/v1.Pod":                         "k8s.io/api/core/v*.Pod",
		"(*github.com/jackc/pgx/v5.Conn).Query":          "(*github.com/jackc/pgx/v*.Conn).Query",
		"github.com/redis/go-redis/v9":                   "github.com/redis/go-redis/v*",
		"os/exec.Command":                                "os/exec.Command",
		"github.com/example/vendor/vault.Read":           "github.com/example/vendor/vault.Read",
		"(github.com/redis/go-redis/v9.cmdable).Get":     "(github.com/redis/go-redis/v*.cmdable).Get",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsOpaque(t *testing.T) {
	c := New()
	if err := c.Parse("t.cat", strings.NewReader("opaque github.com/jackc/pgx/v5\n")); err != nil {
		t.Fatal(err)
	}
	// The standard library is the loaded program's to say: a module may
	// be called groundhog, and net/http is only known as standard once
	// the catalog is told.
	std := c.WithStandardLibrary(map[string]bool{"net/http": true})
	for path, want := range map[string][2]bool{
		"net/http":                        {false, true},
		"groundhog/tools":                 {false, false},
		"github.com/jackc/pgx/v5":         {true, true},
		"github.com/jackc/pgx/v4/pgxpool": {true, true},
		"github.com/jackc/pgxlisten":      {false, false},
		"example.com/app/tools":           {false, false},
	} {
		if got := c.IsOpaque(path); got != want[0] {
			t.Errorf("IsOpaque(%q) = %v, want %v", path, got, want[0])
		}
		if got := std.IsOpaque(path); got != want[1] {
			t.Errorf("with the standard library, IsOpaque(%q) = %v, want %v", path, got, want[1])
		}
	}
}

// TestImplementsNameField: name=METHOD.FIELD... names a tool by a field
// path of what the method returns (cogito's Tool().Function.Name).
func TestImplementsNameField(t *testing.T) {
	c := New()
	if err := c.Parse("t.cat", strings.NewReader("implements x a.I Execute name=Tool.Function.Name\nimplements x a.J Run name=Info\n")); err != nil {
		t.Fatal(err)
	}
	if got := c.Implements["a.I.Execute"]; got.NameMethod != "Tool" || strings.Join(got.NameField, ".") != "Function.Name" {
		t.Errorf("a.I: name method %q, field %q; want Tool, Function.Name", got.NameMethod, got.NameField)
	}
	if got := c.Implements["a.J.Run"]; got.NameMethod != "Info" || len(got.NameField) != 0 {
		t.Errorf("a.J: name method %q, field %q; want Info and no field", got.NameMethod, got.NameField)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"sink exec\n", "t.cat:1: sink wants CAPABILITY SYMBOL"},
		{"\n# comment\nsink teleport a.B\n", `t.cat:3: unknown capability "teleport"`},
		{"sink exec a.B\nsink exec a.B\n", "t.cat:2: duplicate sink a.B (first at line 1)"},
		{"frobnicate a.B\n", `t.cat:1: unknown keyword "frobnicate"`},
		{"sink fs-write os.OpenFile flagarg=x\n", `t.cat:1: option flagarg wants a non-negative number, got "x"`},
		{"readwith a.Query a.ReadOnly\n", "t.cat:1: readwith: a.Query is no sink of a write declared before"},
		{"sink db-read a.Query\nreadwith a.Query a.ReadOnly\n", "t.cat:2: readwith: a.Query is no sink of a write declared before"},
		{"sink db-write a.Query\nreadwith a.Query\n", "t.cat:2: readwith wants SINK OPTION"},
		{"register mcp a.B tool=1\n", "t.cat:1: register needs handler=N or tools=N"},
		{"register mcp a.B handler=1 bogus=2\n", `t.cat:1: unknown option "bogus=2"`},
		{"register mcp a.B tools=1 method=Run\n", `t.cat:1: register: method="Run" wants a method name and handler=N`},
		{"register mcp a.B handler=0 method=R.un\n", `t.cat:1: register: method="R.un" wants a method name and handler=N`},
		{"adapter a.B\n", "t.cat:1: adapter wants SYMBOL handler=N"},
		{"toolstruct a.B tool=T\n", "t.cat:1: toolstruct wants TYPE tool=FIELD handler=FIELD"},
		{"implements x a.I\n", "t.cat:1: implements wants FRAMEWORK INTERFACE METHOD"},
		{"implements x a.I Run name=Tool..Name\n", `t.cat:1: unknown option "name=Tool..Name" (want name=METHOD[.FIELD...])`},
		{"librarytool x a.T calc\n", "t.cat:1: librarytool wants FRAMEWORK TYPE NAME CAPABILITY..."},
		{"librarytool x a.T calc teleport\n", `t.cat:1: unknown capability "teleport"`},
		{"librarytool x a.T calc none network\n", `t.cat:1: unknown capability "none"`},
		{"librarytool x a.T \"Web Scraper network\n", `t.cat:1: bad quoted string`},
		{"dispatch x a.T Name extra=1\n", `t.cat:1: unknown option "extra=1"`},
		{"agent x a.New\n", "t.cat:1: agent wants FRAMEWORK SYMBOL tools=N or FRAMEWORK TYPE field=NAME"},
		{"agent x a.New list=1\n", `t.cat:1: agent wants tools=N or field=NAME: unknown option "list=1"`},
		{"destructive a.B c.D\n", "t.cat:1: destructive wants one SYMBOL or pattern"},
		{"destructive a.[B*\n", `t.cat:1: bad destructive pattern "a.[B*"`},
		{"hint sneaky a.T Field\n", `t.cat:1: unknown hint "sneaky"`},
		{"hintoption read-only a.B\n", "t.cat:1: hintoption wants KIND SYMBOL arg=N"},
		{"hintoption loud a.B arg=0\n", `t.cat:1: unknown hint "loud" (want annotations or one of`},
		{"annotations a.T\n", "t.cat:1: annotations wants TOOLTYPE FIELD"},
		{"program fs-read\n", "t.cat:1: program wants CAPABILITIES NAME"},
		{"program fs-read,teleport cat\n", `t.cat:1: unknown capability "teleport"`},
		{"channel exec,teleport (*os/exec.Cmd).StdinPipe\n", `t.cat:1: unknown capability "teleport"`},
		{"encoder encoding/json.Marshal x\n", "t.cat:1: encoder wants one SYMBOL or pattern"},
		{"encoder encoding/json.Marshal\nencoder encoding/json.Marshal\n", "t.cat:2: duplicate encoder encoding/json.Marshal"},
		{"notinput a.T F G\n", "t.cat:1: notinput wants TYPE [FIELD]"},
		{"notinput a.T F\nnotinput a.T F\n", "t.cat:2: duplicate notinput a.T.F"},
		{"lazy sync.OnceValue\n", "t.cat:1: lazy wants SYMBOL arg=N"},
		{"lazy sync.OnceValue fn=0\n", `t.cat:1: unknown option "fn=0"`},
		{"lazy sync.OnceValue arg=0\nlazy sync.OnceValue arg=0\n", "t.cat:2: duplicate lazy sync.OnceValue"},
		{"removes strings.ReplaceAll\n", "t.cat:1: removes wants SYMBOL arg=N"},
		{"removes strings.ReplaceAll arg=1\nremoves strings.ReplaceAll arg=1\n", "t.cat:2: duplicate removes strings.ReplaceAll"},
		{"sanitizer path,bogus a.B\n", `t.cat:1: unknown taint kind "bogus"`},
		// A check confines a kind: a source label is no kind it can check.
		{"check path,secret a.B\n", `t.cat:1: unknown taint kind "secret"`},
	} {
		err := New().Parse("t.cat", strings.NewReader(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error starting %q", tc.in, err, tc.want)
		}
	}
}

// TestSanitizerLabels parses a sanitizer that clears a source label as
// well as kinds.
func TestSanitizerLabels(t *testing.T) {
	c := New()
	if err := c.Parse("t.cat", strings.NewReader("sanitizer command,secret a.B\n")); err != nil {
		t.Fatal(err)
	}
	got := c.Sanitizers["a.B"]
	if !slices.Equal(got.Kinds, []string{"command"}) || !slices.Equal(got.Labels, []string{"secret"}) {
		t.Errorf("sanitizer a.B = kinds %v labels %v, want [command] [secret]", got.Kinds, got.Labels)
	}
}

// TestAgentsAndHints parses the lines that describe agents, destructive
// sinks and tool hints.
func TestAgentsAndHints(t *testing.T) {
	c := New()
	in := "register mcp (*a.S).AddTool tool=1 handler=2 server=0\n" +
		"agent lc a.NewAgent tools=1\n" +
		"agent eino a.Config field=Tools\n" +
		"destructive os.RemoveAll\n" +
		"destructive (*a.Client).Delete*\n" +
		"exit (*a.Client).Put*\n" +
		"annotations a.Tool Annotations\n" +
		"hint read-only a.Annotations ReadOnlyHint\n" +
		"hintoption destructive a.WithDestructive arg=0\n"
	if err := c.Parse("t.cat", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if got := c.Registers["(*a.S).AddTool"].ServerArg; got != 0 {
		t.Errorf("server arg = %d, want 0", got)
	}
	if got := c.Agents["a.NewAgent"]; got.ToolsArg != 1 || got.Field != "" {
		t.Errorf("a.NewAgent = %+v, want tools=1", got)
	}
	if got := c.Agents["a.Config"]; got.ToolsArg != -1 || got.Field != "Tools" {
		t.Errorf("a.Config = %+v, want field Tools", got)
	}
	for sym, want := range map[string]bool{
		"os.RemoveAll":               true,
		"os.Remove":                  false,
		"(*a.Client).DeleteObject":   true,
		"(*a.Client).GetObject":      false,
		"(*a.Client).Delete/Objects": false,
	} {
		if got := c.IsDestructive(sym); got != want {
			t.Errorf("IsDestructive(%q) = %v, want %v", sym, got, want)
		}
	}
	if !c.IsExit("(*a.Client).PutObject") || c.IsExit("(*a.Client).DeleteObject") {
		t.Error("exit: want PutObject and not DeleteObject")
	}
	if c.Annotations["a.Tool"] != "Annotations" || c.Hints["a.Annotations"]["ReadOnlyHint"] != "read-only" {
		t.Errorf("annotations %v, hints %v", c.Annotations, c.Hints)
	}
	if got := c.HintOptions["a.WithDestructive"]; got.Kind != "destructive" || got.Arg != 0 {
		t.Errorf("hint option = %+v", got)
	}
}

// TestLibraryTool parses a library tool whose name has a space.
func TestLibraryTool(t *testing.T) {
	c := New()
	if err := c.Parse("t.cat", strings.NewReader("librarytool lc example.com/tools/scraper.Scraper \"Web Scraper\" network fs-read\n")); err != nil {
		t.Fatal(err)
	}
	got := c.LibraryTools["example.com/tools/scraper.Scraper"]
	if got.Name != "Web Scraper" || strings.Join(got.Capabilities, ",") != "network,fs-read" {
		t.Errorf("got %+v, want Web Scraper with network,fs-read", got)
	}
}

func TestLaterFileOverrides(t *testing.T) {
	c := New()
	if err := c.Parse("ours.cat", strings.NewReader("sink fs-read os.Open\n")); err != nil {
		t.Fatal(err)
	}
	if err := c.Parse("user.cat", strings.NewReader("sink fs-write os.Open\n")); err != nil {
		t.Fatal(err)
	}
	if got := c.Sinks["os.Open"]; got.Capability != "fs-write" || got.Where.File != "user.cat" {
		t.Errorf("after override: %+v, want fs-write from user.cat", got)
	}
}

// TestNormalizeMatchesRegexp checks the hand-written Normalize against
// regular expressions saying the same, on every string of up to seven
// characters over the characters that matter: inner elements dropped (again
// until none is left, as one element's "/" can start the next), then a last
// element rewritten.
func TestNormalizeMatchesRegexp(t *testing.T) {
	inner := regexp.MustCompile(`/v[0-9]+/`)
	last := regexp.MustCompile(`/v[0-9]+([.)]|$)`)
	ref := func(s string) string {
		for {
			r := inner.ReplaceAllString(s, "/")
			if r == s {
				break
			}
			s = r
		}
		return last.ReplaceAllString(s, "/v*$1")
	}
	const alphabet = "/v12.)x"
	var gen func(prefix string, n int)
	checked := 0
	gen = func(prefix string, n int) {
		want := ref(prefix)
		if got := Normalize(prefix); got != want {
			t.Fatalf("Normalize(%q) = %q, the regexps give %q", prefix, got, want)
		}
		checked++
		if n == 0 {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			gen(prefix+alphabet[i:i+1], n-1)
		}
	}
	gen("", 7)
	if checked < 900000 {
		t.Fatalf("checked only %d strings", checked)
	}
}

func BenchmarkNormalize(b *testing.B) {
	for range b.N {
		Normalize("(*github.com/jackc/pgx/v5.Conn).Query")
		Normalize("(*k8s.io/client-go/rest.Request).Do")
	}
}

func TestSinkPatterns(t *testing.T) {
	c := New()
	err := c.Parse("t.cat", strings.NewReader(`
sink cloud-read (*github.com/aws/aws-sdk-go-v2/service/*.Client).Get*
sink cloud-write (*github.com/aws/aws-sdk-go-v2/service/*.Client).Put*
sink cloud-read (*github.com/aws/aws-sdk-go-v2/service/*.Client).GetSecret*
sink network (*github.com/aws/aws-sdk-go-v2/service/s3.Client).GetBucketPolicy
sink cloud-write (*github.com/google/go-github/v*/github.*Service).Create*
sink cloud-write (k8s.io/client-go/kubernetes/typed/*/v*.*Interface).Delete
`))
	if err != nil {
		t.Fatal(err)
	}
	for sym, want := range map[string]string{
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).GetObject": "cloud-read",
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).PutObject": "cloud-write",
		// The longest pattern wins; the symbol's own entry wins over all.
		"(*github.com/aws/aws-sdk-go-v2/service/secretsmanager.Client).GetSecretValue": "cloud-read",
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).GetBucketPolicy":            "network",
		// "/v*" and "(*" are the symbols' own.
		"(*github.com/google/go-github/v93/github.IssuesService).Create":         "cloud-write",
		"(*github.com/google/go-github/v93/github.IssuesService).CreateComment":  "cloud-write",
		"(k8s.io/client-go/kubernetes/typed/apps/v1.DeploymentInterface).Delete": "cloud-write",
		// Not matched: another method, another package depth, another type.
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).Options":                   "",
		"(*github.com/aws/aws-sdk-go-v2/service/s3/internal.Client).GetObject":        "",
		"(*github.com/aws/aws-sdk-go-v2/service/s3.PresignClient).PresignGetObject":   "",
		"(k8s.io/client-go/kubernetes/typed/apps/v1.DeploymentInterface).DeleteAll":   "",
		"(k8s.io/client-go/kubernetes/typed/apps/v1.DeploymentExpansion).Delete":      "",
		"(*github.com/google/go-github/v93/github.Client).CreateSomething":            "",
		"(k8s.io/client-go/kubernetes/typed/apps/v1/fake.DeploymentInterface).Delete": "",
		// An API version that is not a bare number is still an element.
		"(k8s.io/client-go/kubernetes/typed/batch/v1beta1.CronJobInterface).Delete": "cloud-write",
	} {
		sk, ok := c.Sink(sym)
		if got := sk.Capability; got != want || ok != (want != "") {
			t.Errorf("Sink(%q) = %q, %v; want %q", sym, got, ok, want)
		}
	}
	if len(c.Sinks) != 1 || len(c.SinkPatterns) != 5 {
		t.Errorf("%d exact sinks and %d patterns, want 1 and 5", len(c.Sinks), len(c.SinkPatterns))
	}

	// A later catalog replaces a pattern, as it replaces an exact entry.
	if err := c.Parse("user.cat", strings.NewReader("sink network (*github.com/aws/aws-sdk-go-v2/service/*.Client).Get*\n")); err != nil {
		t.Fatal(err)
	}
	if sk, _ := c.Sink("(*github.com/aws/aws-sdk-go-v2/service/s3.Client).GetObject"); sk.Capability != "network" || sk.Where.File != "user.cat" {
		t.Errorf("after the user catalog: %+v, want network from user.cat", sk)
	}
	if len(c.SinkPatterns) != 5 {
		t.Errorf("%d patterns after replacing one, want 5", len(c.SinkPatterns))
	}

	if err := New().Parse("bad.cat", strings.NewReader("sink network (example.com/x.*[).Get\n")); err == nil || !strings.Contains(err.Error(), "bad.cat:1: bad sink pattern") {
		t.Errorf("a malformed pattern gave %v", err)
	}
}

func TestNotSinks(t *testing.T) {
	c := New()
	err := c.Parse("t.cat", strings.NewReader(`
sink cloud-write (*github.com/aws/aws-sdk-go-v2/service/*.Client).Invoke*
sink network (*github.com/aws/aws-sdk-go-v2/service/bedrockruntime.Client).CountTokens
notsink (*github.com/aws/aws-sdk-go-v2/service/bedrockruntime.Client).*
`))
	if err != nil {
		t.Fatal(err)
	}
	for sym, want := range map[string]string{
		"(*github.com/aws/aws-sdk-go-v2/service/lambda.Client).Invoke":              "cloud-write",
		"(*github.com/aws/aws-sdk-go-v2/service/bedrockruntime.Client).InvokeModel": "",
		// An exact sink entry wins over notsink.
		"(*github.com/aws/aws-sdk-go-v2/service/bedrockruntime.Client).CountTokens": "network",
	} {
		sk, ok := c.Sink(sym)
		if sk.Capability != want || ok != (want != "") {
			t.Errorf("Sink(%q) = %q, %v; want %q", sym, sk.Capability, ok, want)
		}
	}
	for _, bad := range []string{"notsink", "notsink a b", "notsink (example.com/x.[).Get"} {
		if err := New().Parse("bad.cat", strings.NewReader(bad+"\n")); err == nil || !strings.HasPrefix(err.Error(), "bad.cat:1: ") {
			t.Errorf("%q: error %v, want bad.cat:1: ...", bad, err)
		}
	}
}

func TestMessageFields(t *testing.T) {
	c := New()
	err := c.Parse("t.cat", strings.NewReader(`
toolresultfield github.com/sashabaranov/go-openai.ChatCompletionMessage Content when=Role:tool
promptfield any github.com/sashabaranov/go-openai.ChatCompletionMessage Content rolefield=Role
promptfield system github.com/ollama/ollama/api.GenerateRequest System
`))
	if err != nil {
		t.Fatal(err)
	}
	tr := c.ToolResultFields["github.com/sashabaranov/go-openai.ChatCompletionMessage"]
	if len(tr) != 1 || tr[0].Field != "Content" || tr[0].WhenField != "Role" || tr[0].WhenValue != "tool" {
		t.Errorf("tool-result fields = %+v", tr)
	}
	pf := c.PromptFields["github.com/sashabaranov/go-openai.ChatCompletionMessage"]
	if len(pf) != 1 || pf[0].Role != "any" || pf[0].RoleField != "Role" {
		t.Errorf("prompt fields = %+v", pf)
	}
	if pf := c.PromptFields["github.com/ollama/ollama/api.GenerateRequest"]; len(pf) != 1 || pf[0].Role != "system" || pf[0].RoleField != "" {
		t.Errorf("GenerateRequest prompt fields = %+v", pf)
	}
	for _, bad := range []string{
		"toolresultfield example.com/x.T",
		"toolresultfield example.com/x.T F when=Role",
		"toolresultfield example.com/x.T F if=Role:tool",
		"promptfield boss example.com/x.T F",
		"promptfield any example.com/x.T F role=Role",
		"promptfield any example.com/x.T",
	} {
		if err := New().Parse("bad.cat", strings.NewReader(bad+"\n")); err == nil || !strings.HasPrefix(err.Error(), "bad.cat:1: ") {
			t.Errorf("%q: error %v, want bad.cat:1: ...", bad, err)
		}
	}
}

// TestCatalogReferences checks that the files the embedded catalog's
// comments point at (docs/frameworks.md, testdata/…, analyzer/guards.go)
// are in the repository, named from its root: not a path outside it (../…)
// nor an absolute path of someone's machine. A bare name is another catalog
// file (stdlib.cat). A path with a placeholder in capitals
// (rules/docs/ID.md) stands for several files and is not looked up.
func TestCatalogReferences(t *testing.T) {
	names, err := fs.Glob(catalogFS, "catalog/*.cat")
	if err != nil {
		t.Fatal(err)
	}
	file := regexp.MustCompile(`^(\.\./|/)?[\w.-]+(/[\w.-]+)*\.(md|go|cat|json|yaml|tsv|txt)$`)
	placeholder := regexp.MustCompile(`(^|/)[A-Z]+(\.|/|$)`)
	for _, name := range names {
		data, err := fs.ReadFile(catalogFS, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			_, comment, ok := strings.Cut(line, "#")
			if !ok {
				continue
			}
			for _, tok := range strings.Fields(comment) {
				tok = strings.TrimRight(strings.TrimLeft(tok, "(`'\""), ").,;:`'\"")
				if !file.MatchString(tok) && !strings.HasPrefix(tok, "docs/") && !strings.HasPrefix(tok, "testdata/") {
					continue
				}
				at := fmt.Sprintf("rules/%s:%d", name, i+1)
				switch {
				case strings.HasPrefix(tok, "../") || strings.HasPrefix(tok, "/"):
					t.Errorf("%s: %s is not a path in the repository", at, tok)
				case placeholder.MatchString(tok):
				case !strings.Contains(tok, "/") && !strings.HasSuffix(tok, ".cat"):
					t.Errorf("%s: %s: name the file by its path from the repository's root", at, tok)
				case !strings.Contains(tok, "/"):
					if _, err := fs.Stat(catalogFS, "catalog/"+tok); err != nil {
						t.Errorf("%s: %s: %v", at, tok, err)
					}
				default:
					if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(tok))); err != nil {
						t.Errorf("%s: %s: %v", at, tok, err)
					}
				}
			}
		}
	}
}

func TestAPILines(t *testing.T) {
	c := New()
	err := c.Parse("t.cat", strings.NewReader(`
api google.golang.org/api
operation net/http.NewRequest name=0
rpc (*google.golang.org/grpc.ClientConn).Invoke name=2
readverbs GET Get List
readendpoints search _count
bodyendpoints GraphQL
`))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"google.golang.org/api":             true,
		"google.golang.org/api/calendar/v3": true,
		"google.golang.org/apiary":          false,
		"google.golang.org/grpc":            false,
	} {
		if got := c.IsAPI(path); got != want {
			t.Errorf("IsAPI(%q) = %v, want %v", path, got, want)
		}
	}
	if got := c.Operations["net/http.NewRequest"].Arg; got != 0 {
		t.Errorf("operation arg %d, want 0", got)
	}
	if got := c.RPCs["(*google.golang.org/grpc.ClientConn).Invoke"].Arg; got != 2 {
		t.Errorf("rpc arg %d, want 2", got)
	}
	for op, want := range map[string]bool{
		"GET": true, "POST": false, "GetEvent": true, "Getaway": false, "List": true,
		"/google.pubsub.v1.Subscriber/ListSubscriptions": true, "/google.pubsub.v1.Publisher/Publish": false,
		"/x.Svc/Get2": true,
	} {
		if got := c.Reads(op); got != want {
			t.Errorf("Reads(%q) = %v, want %v", op, got, want)
		}
	}
	for path, want := range map[string]bool{
		"/v1/servers/search": true, "v1/servers/{}/Search?x=1": true, "/logs/_count": true,
		"/v1/search/{id}": true, "/v1/search-v2/": true, "/v1/servers": false, "/searches": false,
		"/v1/servers/{}/attach": false, "{}{p2}": false, "": false,
	} {
		if got := c.ReadsEndpoint(path); got != want {
			t.Errorf("ReadsEndpoint(%q) = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]bool{
		"{}/v1/graphql": true, "/graphql?x=1": true, "/graphql/{}": true, "/v1/objects": false, "/search": false,
	} {
		if got := c.BodyEndpoint(path); got != want {
			t.Errorf("BodyEndpoint(%q) = %v, want %v", path, got, want)
		}
	}
	for _, bad := range []string{"api", "api a b", "operation a.B", "operation a.B name=x", "rpc a.B", "readverbs", "readendpoints", "bodyendpoints"} {
		if err := New().Parse("bad.cat", strings.NewReader(bad+"\n")); err == nil || !strings.HasPrefix(err.Error(), "bad.cat:1: ") {
			t.Errorf("%q: error %v, want bad.cat:1: ...", bad, err)
		}
	}
}

// TestDigest checks that the digest follows the catalog's contents: what
// is derived from a catalog (a cached summary) is keyed by it.
func TestDigest(t *testing.T) {
	digest := func(files ...string) string {
		c := New()
		for i, f := range files {
			if err := c.Parse(fmt.Sprintf("f%d.cat", i), strings.NewReader(f)); err != nil {
				t.Fatal(err)
			}
		}
		return c.Digest()
	}
	a := digest("sink exec os/exec.Command\n")
	if b := digest("sink exec os/exec.Command\n"); a != b {
		t.Errorf("same catalog, digests %s and %s", a, b)
	}
	if b := digest("sink exec os/exec.Command\n", "# a comment\n"); a == b {
		t.Error("a second file left the digest as it was")
	}
	if b := digest("sink network os/exec.Command\n"); a == b {
		t.Error("a changed line left the digest as it was")
	}
}

// wantNotSinks checks, for each symbol, whether the default catalog says
// it is notsink.
func wantNotSinks(t *testing.T, want map[string]bool) {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for sym, w := range want {
		if got := c.NotSink(sym); got != w {
			t.Errorf("NotSink(%q) = %v, want %v", sym, got, w)
		}
	}
}

// TestLoggersAreNotSinks checks the loggers that summaries never enter.
func TestLoggersAreNotSinks(t *testing.T) {
	wantNotSinks(t, map[string]bool{
		"k8s.io/klog/v2.Fatalf":                                    true,
		"(*k8s.io/klog/v2.loggingT).output":                        true,
		"(github.com/go-logr/logr.Logger).Info":                    true,
		"(github.com/go-logr/logr.LogSink).Info":                   true,
		"(*github.com/go-logr/logr/funcr.fnlogger).WithValues":     true,
		"(*go.uber.org/zap.Logger).Info":                           true,
		"os.Create":                                                false,
		"(*k8s.io/client-go/rest.Request).Do":                      false,
		"(*github.com/go-logr/logrus.Logger).Info":                 false,
		"(*google.golang.org/grpc.ClientConn).Invoke":              false,
		"(*google.golang.org/api/calendar/v3.EventsInsertCall).Do": false,
	})
}

// TestDataLibrariesAreNotSinks checks the data and serialization libraries
// that summaries never enter, at every depth of their packages, and that
// their neighbours (the clients that send what they encode) are not.
func TestDataLibrariesAreNotSinks(t *testing.T) {
	wantNotSinks(t, map[string]bool{
		"(*k8s.io/api/core/v1.Pod).Unmarshal":                             true,
		"(k8s.io/api/core/v1.Taint).ToString":                             true,
		"k8s.io/api/apps/v1.Resource":                                     true,
		"google.golang.org/protobuf/proto.Marshal":                        true,
		"(*google.golang.org/protobuf/internal/impl.MessageInfo).Init":    true,
		"google.golang.org/protobuf/types/known/anypb.New":                true,
		"(*k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta).Unmarshal":    false,
		"(*k8s.io/client-go/rest.Request).Do":                             false,
		"(*google.golang.org/grpc.ClientConn).Invoke":                     false,
		"(github.com/golang/protobuf/proto.Message).ProtoMessage":         false,
		"(k8s.io/client-go/kubernetes/typed/core/v1.PodInterface).Create": false,
	})
}

// TestReadWith checks that a readwith line marks its write sink with the
// option, normalized, and that ReadOf pairs the writes with their reads.
func TestReadWith(t *testing.T) {
	c := New()
	in := "sink db-write example.com/db/v2.Query\nreadwith example.com/db/v2.Query example.com/db/v2.WithReaders\n"
	if err := c.Parse("t.cat", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	sk, ok := c.Sink("example.com/db/v3.Query")
	if !ok || sk.ReadWith != Normalize("example.com/db/v3.WithReaders") {
		t.Errorf("Sink = %+v, %v; want ReadWith %q", sk, ok, Normalize("example.com/db/v3.WithReaders"))
	}
	for write, read := range map[string]string{"db-write": "db-read", "fs-write": "fs-read", "cloud-write": "cloud-read", "exec": ""} {
		if got := ReadOf(write); got != read {
			t.Errorf("ReadOf(%q) = %q, want %q", write, got, read)
		}
	}
}

func TestReadTx(t *testing.T) {
	c := New()
	in := `readtx (*example.com/db/v2.DB).BeginTx options=2 AccessMode "read only"
readtx example.com/db/v2.BeginFunc options=2 ReadOnly true work=3
readtx (example.com/db/v2.Session).ExecuteRead work=2
`
	if err := c.Parse("t.cat", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	for sym, want := range map[string]ReadTx{
		"(*example.com/db/v3.DB).BeginTx":         {Options: 2, Field: "AccessMode", Value: "read only", Work: -1},
		"example.com/db/v3.BeginFunc":             {Options: 2, Field: "ReadOnly", Value: "true", Work: 3},
		"(example.com/db/v3.Session).ExecuteRead": {Options: -1, Work: 2},
	} {
		got, ok := c.ReadTx(sym)
		got.Symbol, got.Where = "", Where{}
		if !ok || got != want {
			t.Errorf("ReadTx(%q) = %+v, %v; want %+v", sym, got, ok, want)
		}
	}
	if _, ok := c.ReadTx("(*example.com/db/v2.DB).Begin"); ok {
		t.Error("ReadTx found a symbol no line names")
	}
	for _, bad := range []string{"readtx", "readtx a.B options=1", "readtx a.B options=1 ReadOnly", "readtx a.B options=x F V", "readtx a.B work=-1", "readtx a.B flag=1", "readtx a.B options=1 1x true"} {
		if err := New().Parse("bad.cat", strings.NewReader(bad+"\n")); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestRanBy(t *testing.T) {
	c := New()
	if err := c.Parse("t.cat", strings.NewReader("ranby fw example.com/agent/v2/session.Event\n")); err != nil {
		t.Fatal(err)
	}
	if got := c.RanBy[Normalize("example.com/agent/v3/session.Event")]; got != "fw" {
		t.Errorf("RanBy = %q, want fw", got)
	}
	for _, bad := range []string{"ranby", "ranby fw", "ranby fw a.B c"} {
		if err := New().Parse("bad.cat", strings.NewReader(bad+"\n")); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

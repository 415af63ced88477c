// Command synthgen writes a synthetic agent module for the benchmarks: N
// mcp-go tools spread over M packages, each tool calling a chain of helpers
// that ends in a sink (a command, a file read or write, an HTTP request, a
// SQL statement, or an interface call that VTA resolves). The output is the
// same for the same flags, so that runs compare.
//
//	go -C testdata/synthgen run . -tools 200 -packages 40 -out /tmp/synth
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
)

//go:embed template/go.mod.txt
var goMod []byte

// goSum pins mcp-go v1.2.1 and its dependencies, as testdata/ops-assistant.
//
//go:embed template/go.sum.txt
var goSum []byte

func main() {
	tools := flag.Int("tools", 50, "number of tools")
	pkgs := flag.Int("packages", 10, "number of packages the tools are spread over")
	out := flag.String("out", "", "directory to write the module into (created; must be empty or absent)")
	flag.Parse()
	if *out == "" || *tools < 1 || *pkgs < 1 {
		fmt.Fprintln(os.Stderr, "usage: synthgen -tools N -packages M -out DIR")
		os.Exit(2)
	}
	if err := generate(*out, *tools, *pkgs); err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(1)
	}
}

func generate(dir string, tools, pkgs int) error {
	if err := write(dir, "go.mod", goMod, false); err != nil {
		return err
	}
	if err := write(dir, "go.sum", goSum, false); err != nil {
		return err
	}
	if err := write(dir, "common/common.go", []byte(commonSrc), true); err != nil {
		return err
	}
	var main bytes.Buffer
	fmt.Fprintf(&main, "// Command synthetic serves %d generated tools over MCP.\npackage main\n\nimport (\n\t\"log\"\n\n\t\"github.com/mark3labs/mcp-go/server\"\n\n", tools)
	for p := 0; p < pkgs; p++ {
		fmt.Fprintf(&main, "\t%q\n", fmt.Sprintf("example.com/synthetic/tools/p%03d", p))
	}
	fmt.Fprintf(&main, ")\n\nfunc main() {\n\ts := server.NewMCPServer(\"synthetic\", \"1.0.0\")\n")
	for p := 0; p < pkgs; p++ {
		fmt.Fprintf(&main, "\tp%03d.Register(s)\n", p)
	}
	fmt.Fprintf(&main, "\tif err := server.ServeStdio(s); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n")
	if err := write(dir, "main.go", main.Bytes(), true); err != nil {
		return err
	}
	for p := 0; p < pkgs; p++ {
		var b bytes.Buffer
		name := fmt.Sprintf("p%03d", p)
		fmt.Fprintf(&b, "// Package %s holds generated tools.\npackage %s\n\n", name, name)
		b.WriteString(pkgImports)
		fmt.Fprintf(&b, "// Register adds the package's tools to s.\nfunc Register(s *server.MCPServer) {\n")
		// Tools are dealt round robin: tool i lives in package i%pkgs.
		for i := p; i < tools; i += pkgs {
			fmt.Fprintf(&b, "\ts.AddTool(mcp.NewTool(\"tool_%04d\", mcp.WithString(\"arg\")), handle%04d)\n", i, i)
		}
		b.WriteString("}\n")
		for i := p; i < tools; i += pkgs {
			writeTool(&b, i)
		}
		b.WriteString(pkgTail)
		if err := write(dir, filepath.Join("tools", name, name+".go"), b.Bytes(), true); err != nil {
			return err
		}
	}
	return nil
}

// writeTool writes tool i: a handler, two helpers and a sink of kind i%8.
func writeTool(b *bytes.Buffer, i int) {
	fmt.Fprintf(b, `
func handle%04[1]d(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	arg, err := req.RequireString("arg")
	if err != nil {
		return nil, err
	}
	out, err := prepare%04[1]d(ctx, arg)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(out), nil
}

func prepare%04[1]d(ctx context.Context, arg string) (string, error) {
	arg = common.Normalize(arg)
	if arg == "" {
		return "", errors.New("empty argument")
	}
	return execute%04[1]d(ctx, arg)
}
`, i)
	var body string
	switch i % 8 {
	case 0:
		body = `	out, err := exec.CommandContext(ctx, "sh", "-c", arg).Output()
	return string(out), err`
	case 1:
		body = `	b, err := os.ReadFile(filepath.Join(common.Root, arg))
	return string(b), err`
	case 2:
		body = `	return "written", os.WriteFile(filepath.Join(common.Root, arg), []byte(arg), 0o644)`
	case 3:
		body = `	resp, err := http.Get(arg)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err`
	case 4:
		body = `	res, err := common.DB.ExecContext(ctx, "delete from items where name = '"+arg+"'")
	if err != nil {
		return "", err
	}
	n, err := res.RowsAffected()
	return fmt.Sprint(n), err`
	case 5:
		// An interface call: VTA resolves it to the backend that main
		// installs.
		body = `	return common.Current.Do(ctx, arg)`
	case 6:
		body = `	return "removed", os.Remove(filepath.Join(common.Root, arg))`
	default:
		// A harmless tool: no sink.
		body = `	return strings.ToUpper(arg) + time.Now().UTC().Format(time.RFC3339), nil`
	}
	fmt.Fprintf(b, "\nfunc execute%04d(ctx context.Context, arg string) (string, error) {\n%s\n}\n", i, body)
}

const pkgImports = `import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/synthetic/common"
)

`

// pkgTail keeps every import used whatever the mix of tools.
const pkgTail = `
var (
	_ = errors.New
	_ = fmt.Sprint
	_ = io.ReadAll
	_ = http.Get
	_ = os.ReadFile
	_ = exec.Command
	_ = filepath.Join
	_ = strings.ToUpper
	_ = time.Now
	_ = common.Normalize
)
`

const commonSrc = `// Package common holds what the generated tools share.
package common

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Root is the directory the file tools work in.
var Root = os.Getenv("SYNTH_ROOT")

// DB is the database the SQL tools use.
var DB *sql.DB

// Backend runs an action; the tools call it through an interface.
type Backend interface {
	Do(ctx context.Context, arg string) (string, error)
}

// Current is the installed backend.
var Current Backend = Shell{}

// Shell runs the argument as a command.
type Shell struct{}

// Do runs arg.
func (Shell) Do(ctx context.Context, arg string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", arg).Output()
	return string(out), err
}

// Files reads the file the argument names.
type Files struct{}

// Do reads arg.
func (Files) Do(ctx context.Context, arg string) (string, error) {
	b, err := os.ReadFile(filepath.Join(Root, arg))
	return string(b), err
}

func init() {
	if os.Getenv("SYNTH_FILES") != "" {
		Current = Files{}
	}
}

// Normalize trims the argument.
func Normalize(s string) string { return strings.TrimSpace(s) }
`

// write writes one file under dir, gofmt'ed when it is Go.
func write(dir, name string, src []byte, isGo bool) error {
	if isGo {
		var err error
		if src, err = format.Source(src); err != nil {
			return fmt.Errorf("formatting %s: %w", name, err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

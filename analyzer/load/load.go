// Package load loads a Go module the way `go build` sees it, for analysis.
//
// [Load] is its one entry point. It asks the go command (through
// golang.org/x/tools/go/packages) which packages, files and modules make up
// the program, then parses and type-checks them itself, so that it can:
//
//   - tell the module's own code from the standard library and from
//     dependencies by go/packages' module information, never by the shape
//     of an import path (a module may be called `groundhog`);
//   - see cgo packages as `go build` does when a C compiler is there, and
//     still type-check their Go side when it is not ([cgo.go]);
//   - drop the bodies of opaque packages (the standard library, catalogued
//     SDKs) at parse time: they are never analysed;
//   - keep code that does not type-check from reaching SSA ([illtyped.go]).
//
// # Safety
//
// Loading never runs the scanned code and never fetches a toolchain: the go
// command runs with GOTOOLCHAIN=local unless the user set it, and nothing
// is built or executed. With cgo on, `go list -compiled` runs the cgo tool,
// which runs the C compiler on the C declarations of the package's preamble
// (under the go command's allowlist of #cgo flags) to learn their types; it
// links and runs nothing. Every other go setting (GOFLAGS, -mod, vendor/,
// go.work, CGO_ENABLED, CC) is the user's, as for `go build`.
package load

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Config says what to load.
type Config struct {
	// Dir is the directory the patterns are relative to.
	Dir string
	// Patterns are go/packages patterns; empty means "./...".
	Patterns []string
	// Tags are build tags, comma-separated as for go build -tags.
	Tags string
	// Tests includes the packages' test files.
	Tests bool
	// Env is the environment for the go command; nil means os.Environ().
	// [Env] adds GOTOOLCHAIN=local to it.
	Env []string
	// Opaque reports whether a package outside the standard library is
	// never analysed (a catalogued SDK): its function bodies are dropped at
	// parse time. Nil means none is.
	Opaque func(pkgPath string) bool
	// NeverEntered, when set, names by symbol (types.Func.FullName's
	// spelling) the dependency functions whose bodies the analysis never
	// enters (a call of no capability): they lose their bodies before
	// type-checking, and what only they reach goes too.
	NeverEntered func(symbol string) bool
	// Invoked, when set, are the methods that opaque code calls on the
	// values it is handed (an SDK runs a tool's InvokableRun and asks its
	// Info): the pruning keeps them for every type whose values can
	// exist, as if the module called them.
	Invoked *Invoked
}

// Invoked are the interface methods that opaque code calls.
type Invoked struct {
	// Names returns the names of those declared by the package with the
	// path given, for the pruning before type-checking, which knows no
	// types: only an SDK the program loads calls them.
	Names func(pkgPath string) []string
	// Of returns the methods of an interface that opaque code calls.
	Of func(iface *types.TypeName) []string
}

// Program is what was loaded.
type Program struct {
	Fset *token.FileSet
	// Roots are the packages the patterns matched; their dependencies hang
	// off their Imports.
	Roots []*packages.Package
	// ModuleDir is the root of the main module, or of the workspace or
	// directory holding the main modules: positions are relative to it.
	ModuleDir string
	// ModulePath is the main module's path, or the directory's name.
	ModulePath string
	// MainModules are the paths of the main modules (the scanned one, or
	// each of a workspace's), sorted.
	MainModules []string
	// ModCache is GOMODCACHE, for naming dependency files module@version.
	ModCache string
	// Std holds the import paths of the standard library's packages, as the
	// go command reports them (no module, under GOROOT).
	Std map[string]bool
	// Broken maps the path of each package that did not load or
	// type-check to its first error, one line, positions relative to
	// ModuleDir.
	Broken map[string]string
	// Stripped lists the functions whose bodies were dropped because they
	// use declarations that did not type-check, by package path: their
	// code is not analysed (see illtyped.go).
	Stripped map[string][]token.Pos
	// Bodies holds the packages whose function bodies were parsed and
	// type-checked, to be analysed: the main module's, and the dependencies
	// it reaches without passing through an opaque package. The others have
	// types only, and no syntax.
	Bodies map[*packages.Package]bool
	// Count is the number of packages loaded, dependencies included.
	Count int
	// KeptFuncs and DroppedFuncs count the dependency functions in Bodies
	// whose bodies were kept, and dropped as unreachable (see prune.go and
	// reachable.go).
	KeptFuncs, DroppedFuncs int
	// UnnamedDecls counts the dependency declarations (functions, methods
	// and types) that nothing left names, removed before type-checking
	// (see unnamed.go).
	UnnamedDecls int
	// Warnings are one-line messages, sorted: one per broken package, and
	// one if cgo could not be used.
	Warnings []string
	// Build says what selects the files of a package besides its module
	// version: the Go version, GOOS, GOARCH and whether cgo ran
	// ("go1.26.8 linux/amd64 cgo"), as the go command reports them.
	Build string

	// cgo is how this load handled cgo, for [Program.LoadOpaque].
	cgo cgoMode
}

// InputError is a problem with what the user asked to load: a missing
// directory, no Go packages, a module the go command refuses.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Load loads the packages that cfg names, with their dependencies, parsed
// and type-checked.
func Load(ctx context.Context, cfg Config) (*Program, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, &InputError{fmt.Errorf("resolving %s: %w", cfg.Dir, err)}
	}
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{fmt.Errorf("directory %s does not exist", cfg.Dir)}
		}
		return nil, &InputError{fmt.Errorf("reading %s: %w", cfg.Dir, err)}
	}
	if !st.IsDir() {
		return nil, &InputError{fmt.Errorf("%s is not a directory", cfg.Dir)}
	}
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	env = Env(env)
	goenv := readGoEnv(ctx, dir, env)
	cgo := decideCgo(goenv, env)

	pcfg := &packages.Config{
		Mode:    metadataMode,
		Context: ctx,
		Dir:     dir,
		Env:     cgo.listEnv(env),
		Tests:   cfg.Tests,
	}
	if cgo.fallback {
		// Without -compiled, go list does not run cgo, and with
		// CGO_ENABLED=1 it still selects the cgo files.
		pcfg.Mode &^= packages.NeedCompiledGoFiles
	}
	if cfg.Tags != "" {
		pcfg.BuildFlags = []string{"-tags=" + cfg.Tags}
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &InputError{fmt.Errorf("loading packages: %s", firstLine(err.Error()))}
	}
	if len(pkgs) == 0 {
		return nil, &InputError{fmt.Errorf("no Go packages in %s", cfg.Dir)}
	}

	p := &Program{Fset: token.NewFileSet(), Roots: pkgs, ModCache: goenv.GOMODCACHE,
		Broken: map[string]string{}, Stripped: map[string][]token.Pos{}, cgo: cgo}
	mains := map[string]string{}
	for _, r := range pkgs {
		if r.Module != nil && r.Module.Dir != "" && (r.Module.Main || len(mains) == 0) {
			mains[r.Module.Dir] = r.Module.Path
		}
	}
	p.ModuleDir, p.ModulePath = commonRoot(mains, dir)
	for _, path := range mains {
		if !slices.Contains(p.MainModules, path) {
			p.MainModules = append(p.MainModules, path)
		}
	}
	sort.Strings(p.MainModules)
	if p.ModuleDir == "" {
		p.ModuleDir, p.ModulePath = dir, filepath.Base(dir)
	}
	p.Std = standardLibrary(pkgs, goenv.GOROOT)
	p.Build = fmt.Sprintf("%s %s/%s cgo=%s", goenv.GOVERSION, goenv.GOOS, goenv.GOARCH, goenv.CGO_ENABLED)
	if cgo.fallback {
		p.Build += " (no C compiler)"
	}

	opaque := func(path string) bool { return p.Std[path] || cfg.Opaque != nil && cfg.Opaque(path) }
	main := func(q *packages.Package) bool { return isMain(q, pkgs) }
	c := &checker{fset: p.Fset, opaque: opaque, cgo: cgo, main: main, stop: cfg.NeverEntered}
	if cfg.Invoked != nil {
		c.invokedNames = cfg.Invoked.Names
	}
	if err := c.check(ctx, pkgs); err != nil {
		return nil, err
	}
	if usable(pkgs) == 0 || allListErrors(pkgs) {
		// Nothing loaded at all: a folder without Go code, or a module the
		// go command refuses (a newer go version, a bad go.mod).
		return nil, &InputError{fmt.Errorf("no Go package could be loaded in %s: %s",
			cfg.Dir, firstLine(pkgs[0].Errors[0].Error()))}
	}
	p.Bodies = c.bodies
	p.Stripped = stripIllTyped(pkgs, c.bodies, c.fakeC)
	gone := map[*types.Info][]span{}
	if pruning {
		var invoked func(*types.TypeName) []string
		if cfg.Invoked != nil {
			invoked = cfg.Invoked.Of
		}
		kept, dropped := pruneUnreachable(c.order, c.bodies, main, nil, byFunc(cfg.NeverEntered), invoked, gone)
		p.KeptFuncs, p.DroppedFuncs = kept, dropped+c.dropped
		p.UnnamedDecls = c.unnamed
	}
	forgetAll(gone)

	rel := func(msg string) string {
		return strings.ReplaceAll(msg, p.ModuleDir+string(filepath.Separator), "")
	}
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		p.Count++
		if len(q.Errors) == 0 {
			return
		}
		msg := rel(firstLine(q.Errors[0].Error()))
		p.Broken[q.PkgPath] = msg
		p.Warnings = append(p.Warnings, fmt.Sprintf("package %s does not load, skipping its code: %s", q.PkgPath, msg))
	})
	if w := c.cgoWarning(); w != "" {
		p.Warnings = append(p.Warnings, w)
	}
	sort.Strings(p.Warnings)
	return p, nil
}

// pruning turns on the dropping of unreachable dependency bodies (prune.go,
// reachable.go): a test turns it off to check that it changes no result.
var pruning = true

// metadataMode asks go/packages for what the go command knows: files,
// imports, modules and sizes. Parsing and type-checking are ours.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// Env returns env with GOTOOLCHAIN=local unless the user set GOTOOLCHAIN: a
// go.mod asking for a newer Go fails with a clear error instead of
// downloading and running another toolchain. Nothing else is changed: the
// user's GOFLAGS (and `go env -w` settings), CGO_ENABLED and CC stand, so
// that the program loaded is the one `go build` would build.
func Env(env []string) []string {
	out := append([]string(nil), env...)
	if _, ok := lookupEnv(out, "GOTOOLCHAIN"); !ok {
		out = append(out, "GOTOOLCHAIN=local")
	}
	return out
}

// lookupEnv returns the value of key in env, the last setting winning as in
// os/exec.
func lookupEnv(env []string, key string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(env[i], "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}

// goEnv is what the go command says of the scan's environment.
type goEnv struct {
	GOROOT, GOMODCACHE, CGO_ENABLED, CC string
	GOVERSION, GOOS, GOARCH             string
}

func readGoEnv(ctx context.Context, dir string, env []string) goEnv {
	var v goEnv
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOROOT", "GOMODCACHE", "CGO_ENABLED", "CC", "GOVERSION", "GOOS", "GOARCH")
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.Output(); err == nil {
		json.Unmarshal(out, &v)
	}
	if v.GOMODCACHE != "" {
		v.GOMODCACHE = filepath.Clean(v.GOMODCACHE)
	}
	return v
}

// standardLibrary returns the paths of the standard library's packages
// among those loaded: packages in no module whose files are under GOROOT
// (unsafe has none). A module named `agent` is not one of them.
func standardLibrary(roots []*packages.Package, goroot string) map[string]bool {
	std := map[string]bool{}
	src := ""
	if goroot != "" {
		src = filepath.Join(goroot, "src") + string(filepath.Separator)
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Module != nil {
			return
		}
		switch {
		case p.PkgPath == "unsafe":
			std[p.PkgPath] = true
		case len(p.GoFiles) > 0 && src != "" && strings.HasPrefix(p.GoFiles[0], src):
			std[p.PkgPath] = true
		case len(p.GoFiles) == 0 && src != "" && strings.HasPrefix(p.PkgPath, "vendor/"):
			std[p.PkgPath] = true
		}
	})
	return std
}

// commonRoot is where positions are relative to: the module's directory,
// or for a go.work workspace with several main modules the scanned
// directory (the workspace's), or else the deepest directory holding them
// all, named after itself.
func commonRoot(mains map[string]string, scanned string) (string, string) {
	if len(mains) == 0 {
		return "", ""
	}
	var dirs []string
	for d := range mains {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	if len(dirs) == 1 {
		return dirs[0], mains[dirs[0]]
	}
	under := true
	for _, d := range dirs {
		under = under && strings.HasPrefix(d+string(filepath.Separator), scanned+string(filepath.Separator))
	}
	if under {
		return scanned, filepath.Base(scanned)
	}
	root := dirs[0]
	for _, d := range dirs[1:] {
		for root != "/" && root != "." && !strings.HasPrefix(d+string(filepath.Separator), root+string(filepath.Separator)) {
			root = filepath.Dir(root)
		}
	}
	return root, filepath.Base(root)
}

// usable counts the root packages that have something to analyse.
func usable(pkgs []*packages.Package) int {
	n := 0
	for _, p := range pkgs {
		if len(p.Errors) == 0 || (p.Types != nil && p.TypesInfo != nil && len(p.Syntax) > 0) {
			n++
		}
	}
	return n
}

// allListErrors reports whether every root package failed in the go command
// itself, before type checking, so that there is nothing to analyse.
func allListErrors(pkgs []*packages.Package) bool {
	for _, p := range pkgs {
		if len(p.Errors) == 0 {
			return false
		}
		for _, e := range p.Errors {
			if e.Kind != packages.ListError {
				return false
			}
		}
		if len(p.GoFiles) > 0 && p.Types != nil && len(p.Syntax) > 0 {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	s, rest, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if strings.HasSuffix(s, ":") {
		// The go command says what to do on the next line ("go:
		// updates to go.mod needed; to update it:" then "go mod
		// tidy"): one line keeps it.
		if next, _, _ := strings.Cut(strings.TrimSpace(rest), "\n"); next != "" {
			s += " " + strings.TrimSpace(next)
		}
	}
	return s
}

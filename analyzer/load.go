package analyzer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/rules"
)

// loadMode asks for everything SSA needs: syntax and types of every package,
// dependencies included.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// loaded is what the load stage hands on.
type loaded struct {
	roots []*packages.Package
	// moduleDir is the root of the main module: positions are relative to it.
	moduleDir string
	// modulePath is the main module's path, or the directory name outside a module.
	modulePath string
	// broken lists the packages that did not type-check, by path.
	broken map[string]bool
	// count is the number of packages loaded, dependencies included.
	count int
}

// loadPackages runs go/packages. It is the only place that does: it sets the
// environment so that loading never runs the scanned project's code nor
// fetches a toolchain (see [safeEnv]).
func loadPackages(ctx context.Context, cfg Config, cat *rules.Catalog) (*loaded, []string, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, nil, &InputError{fmt.Errorf("resolving %s: %w", cfg.Dir, err)}
	}
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, &InputError{fmt.Errorf("directory %s does not exist", cfg.Dir)}
		}
		return nil, nil, &InputError{fmt.Errorf("reading %s: %w", cfg.Dir, err)}
	}
	if !st.IsDir() {
		return nil, nil, &InputError{fmt.Errorf("%s is not a directory", cfg.Dir)}
	}
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	var buildFlags []string
	if cfg.Tags != "" {
		buildFlags = append(buildFlags, "-tags="+cfg.Tags)
	}
	env = safeEnv(env)
	pcfg := &packages.Config{
		Mode:       loadMode,
		Context:    ctx,
		Dir:        dir,
		Env:        env,
		Tests:      cfg.Tests,
		BuildFlags: buildFlags,
		ParseFile:  newBodyStripper(ctx, dir, env, cat).parseFile,
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, &InputError{fmt.Errorf("loading packages: %s", firstLine(err.Error()))}
	}
	if len(pkgs) == 0 {
		return nil, nil, &InputError{fmt.Errorf("no Go packages in %s", cfg.Dir)}
	}

	l := &loaded{roots: pkgs, broken: map[string]bool{}}
	mains := map[string]string{}
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Dir != "" && (p.Module.Main || len(mains) == 0) {
			mains[p.Module.Dir] = p.Module.Path
		}
	}
	l.moduleDir, l.modulePath = commonRoot(mains, dir)
	var warnings []string
	usable := 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		l.count++
		if len(p.Errors) == 0 {
			return
		}
		if cat.IsOpaque(p.PkgPath) && !hasListError(p) {
			// Opaque packages are type-checked without their bodies,
			// which leaves some imports unused: those errors are
			// expected, and the package is used for its types only.
			return
		}
		l.broken[p.PkgPath] = true
		msg := firstLine(p.Errors[0].Error())
		if l.moduleDir != "" {
			msg = strings.ReplaceAll(msg, l.moduleDir+string(filepath.Separator), "")
		}
		warnings = append(warnings, fmt.Sprintf("package %s does not load, skipping its code: %s", p.PkgPath, msg))
	})
	for _, p := range pkgs {
		if len(p.Errors) == 0 || (p.Types != nil && p.TypesInfo != nil && len(p.Syntax) > 0) {
			usable++
		}
	}
	if usable == 0 || allListErrors(pkgs) {
		// Nothing loaded at all: a folder without Go code, or a module the
		// go command refuses (a newer go version, a bad go.mod).
		return nil, nil, &InputError{fmt.Errorf("no Go package could be loaded in %s: %s",
			cfg.Dir, firstLine(pkgs[0].Errors[0].Error()))}
	}
	if l.moduleDir == "" {
		l.moduleDir, l.modulePath = dir, filepath.Base(dir)
	}
	sort.Strings(warnings)
	return l, warnings, nil
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

// hasListError reports whether the go command itself failed on p (a missing
// module, a syntax error), as opposed to a type error.
func hasListError(p *packages.Package) bool {
	for _, e := range p.Errors {
		if e.Kind == packages.ListError || e.Kind == packages.ParseError {
			return true
		}
	}
	return false
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

// safeEnv returns env with the settings that keep loading from running
// anything of the scanned project, unless the user chose otherwise:
//   - GOTOOLCHAIN=local: a go.mod asking for a newer Go fails with a clear
//     error instead of downloading and running another toolchain;
//   - -mod=readonly in GOFLAGS: go.mod and go.sum are never rewritten;
//   - CGO_ENABLED=0: cgo preprocessing would run the C compiler and
//     pkg-config on the project's #cgo directives.
func safeEnv(env []string) []string {
	out := append([]string(nil), env...)
	has := func(key string) (string, bool) {
		for i := len(out) - 1; i >= 0; i-- {
			if k, v, ok := strings.Cut(out[i], "="); ok && k == key {
				return v, true
			}
		}
		return "", false
	}
	if _, ok := has("GOTOOLCHAIN"); !ok {
		out = append(out, "GOTOOLCHAIN=local")
	}
	if _, ok := has("CGO_ENABLED"); !ok {
		out = append(out, "CGO_ENABLED=0")
	}
	if flags, ok := has("GOFLAGS"); !ok {
		out = append(out, "GOFLAGS=-mod=readonly")
	} else if !strings.Contains(flags, "-mod=") {
		out = append(out, strings.TrimSpace("GOFLAGS="+flags+" -mod=readonly"))
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

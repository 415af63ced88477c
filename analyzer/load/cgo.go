package load

import (
	"fmt"
	"os/exec"
	"sort"
	"strings"
)

// The program `go build` sees includes the cgo files of a package when cgo
// is on, which by default it is when a C compiler is found. Loading follows
// the user's environment:
//
//   - cgo on and a C compiler found: go list -compiled runs cgo, and cgo
//     packages type-check against the C declarations, as they compile;
//   - CGO_ENABLED=0 set by the user (in the environment or with go env -w,
//     a compiler being present): cgo files are left out, as go build does;
//   - no C compiler (CC not found, or go turned cgo off because there is
//     none): go list runs without -compiled and with CGO_ENABLED=1, so it
//     selects the cgo files without running cgo, and their Go side is
//     type-checked with `import "C"` faked (go/types FakeImportC). Functions
//     that use C.* are left out of the analysis (illtyped.go), the rest of
//     each package is analysed, and one warning says so.
//
// A package whose cgo processing fails with a compiler present (a missing
// header) is type-checked the same way, on its own.

// cgoMode is how cgo is handled in one load.
type cgoMode struct {
	// fallback: no C compiler; list cgo files without running cgo.
	fallback bool
	// compiler is CC as go env reports it, for the warning.
	compiler string
}

// decideCgo reads the go command's view of cgo in the scan's environment.
func decideCgo(g goEnv, env []string) cgoMode {
	m := cgoMode{compiler: g.CC}
	if m.compiler == "" {
		m.compiler = "gcc"
	}
	found := compilerFound(m.compiler, env)
	if v, set := lookupEnv(env, "CGO_ENABLED"); set && v == "0" {
		return m
	}
	switch {
	case g.CGO_ENABLED == "1" && !found:
		m.fallback = true
	case g.CGO_ENABLED == "0" && !found:
		// The go command turned cgo off for want of a compiler (or the
		// user did with go env -w and has none: the Go side is still
		// the program's).
		m.fallback = true
	}
	return m
}

// compilerFound reports whether the first word of CC names a program, on
// the scan's PATH.
func compilerFound(cc string, env []string) bool {
	fields := strings.Fields(cc)
	if len(fields) == 0 {
		return false
	}
	name := fields[0]
	if strings.ContainsRune(name, '/') {
		_, err := exec.LookPath(name)
		return err == nil
	}
	path, _ := lookupEnv(env, "PATH")
	for _, dir := range strings.Split(path, ":") {
		if dir == "" {
			dir = "."
		}
		if _, err := exec.LookPath(dir + "/" + name); err == nil {
			return true
		}
	}
	return false
}

// listEnv is the environment for go list: with CGO_ENABLED=1 in fallback
// mode, so that cgo files are selected.
func (m cgoMode) listEnv(env []string) []string {
	if !m.fallback {
		return env
	}
	return append(append([]string(nil), env...), "CGO_ENABLED=1")
}

// cgoWarning is the one warning for packages type-checked without cgo, or
// "".
func (c *checker) cgoWarning() string {
	var pkgs []string
	seen := map[string]bool{}
	for p := range c.fakeC {
		if !c.opaque(p.PkgPath) && !seen[p.PkgPath] {
			seen[p.PkgPath] = true
			pkgs = append(pkgs, p.PkgPath)
		}
	}
	if len(pkgs) == 0 {
		return ""
	}
	sort.Strings(pkgs)
	why := "cgo processing failed"
	if c.cgo.fallback {
		why = fmt.Sprintf("no C compiler (%s) was found", c.cgo.compiler)
	}
	list := strings.Join(pkgs, ", ")
	if len(pkgs) > 3 {
		list = strings.Join(pkgs[:3], ", ") + fmt.Sprintf(" and %d more", len(pkgs)-3)
	}
	return fmt.Sprintf("%s: %s type-checked without their C declarations; functions that use C are not analysed (%s)",
		why, plural(len(pkgs), "package that uses cgo was", "packages that use cgo were"), list)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

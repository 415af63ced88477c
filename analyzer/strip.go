package analyzer

import (
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/blastradius/blastradius/rules"
)

// bodyStripper parses source files for go/packages and drops the function
// bodies of opaque packages (the standard library, catalogued SDKs and
// drivers). Their bodies are never analysed, and type-checking and building
// SSA for them dominated the cost of a scan. Declarations stay, so every
// type and signature is exact.
type bodyStripper struct {
	cat      *rules.Catalog
	goroot   string // GOROOT/src/ with a trailing separator
	modcache string // GOMODCACHE/ with a trailing separator
}

// newBodyStripper asks the go command (with the scan's environment) where
// the standard library and the module cache are.
func newBodyStripper(ctx context.Context, dir string, env []string, cat *rules.Catalog) *bodyStripper {
	s := &bodyStripper{cat: cat}
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOROOT", "GOMODCACHE")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		return s
	}
	var v struct{ GOROOT, GOMODCACHE string }
	if json.Unmarshal(out, &v) != nil {
		return s
	}
	if v.GOROOT != "" {
		s.goroot = filepath.Join(v.GOROOT, "src") + string(filepath.Separator)
	}
	if v.GOMODCACHE != "" {
		s.modcache = filepath.Clean(v.GOMODCACHE) + string(filepath.Separator)
	}
	return s
}

// parseFile is a packages.Config.ParseFile hook. Comments are kept only
// outside the module cache, where the module's directives are: a
// dependency's comments are never read, and in generated code such as
// k8s.io/api they are a good part of the syntax held in memory.
func (s *bodyStripper) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if !s.opaqueFile(filename) {
		mode := parser.AllErrors | parser.ParseComments
		if s.inModuleCache(filename) {
			mode = parser.AllErrors | parser.SkipObjectResolution
		}
		return parser.ParseFile(fset, filename, src, mode)
	}
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if f != nil {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				fd.Body = nil
			}
		}
	}
	return f, err
}

// inModuleCache reports whether filename is a dependency's, in the module
// cache.
func (s *bodyStripper) inModuleCache(filename string) bool {
	return s.modcache != "" && strings.HasPrefix(filename, s.modcache)
}

// opaqueFile reports whether filename belongs to an opaque package.
func (s *bodyStripper) opaqueFile(filename string) bool {
	if s.goroot != "" && strings.HasPrefix(filename, s.goroot) {
		return true
	}
	if !s.inModuleCache(filename) {
		return false
	}
	rel := filepath.ToSlash(strings.TrimPrefix(filepath.Dir(filename), s.modcache))
	// module@version/sub/dir → module/sub/dir
	at := strings.Index(rel, "@")
	if at < 0 {
		return false
	}
	pkg := rel[:at]
	if slash := strings.Index(rel[at:], "/"); slash >= 0 {
		pkg += rel[at+slash:]
	}
	return s.cat.IsOpaque(unescapeModulePath(pkg))
}

// unescapeModulePath undoes the module cache's case encoding ("!a" is "A").
func unescapeModulePath(p string) string {
	if !strings.Contains(p, "!") {
		return p
	}
	var b strings.Builder
	bang := false
	for _, r := range p {
		if bang {
			b.WriteRune(unicode.ToUpper(r))
			bang = false
			continue
		}
		if r == '!' {
			bang = true
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

package load

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// checker parses and type-checks the packages go list described, each once
// its imports are done, as many at a time as there are CPUs.
//
// What is parsed of a package depends on what the analysis can use of it:
//   - the main module's packages in full, with comments (directives live
//     there);
//   - the dependencies the module's code can enter in full, without
//     comments;
//   - opaque packages (the standard library, catalogued SDKs) and the
//     packages the module reaches only through them, declarations only:
//     their bodies are never analysed, and type-checking them dominated the
//     cost of a scan. Their syntax is let go of once they are checked.
type checker struct {
	fset   *token.FileSet
	opaque func(pkgPath string) bool
	cgo    cgoMode
	// main reports whether a package is the code under analysis, whose
	// own bodies are all kept: the scanned module's packages (isMain), or
	// the opaque packages being summarised (LoadOpaque).
	main func(*packages.Package) bool
	// roots, when set, are the functions of the main packages that the
	// analysis starts from, by symbol and package path (LoadOpaque: the
	// functions to summarise); their other bodies are pruned like a
	// dependency's. Unset, every body of a main package is a root.
	roots map[string][]string
	// invokedNames gives the names of the methods opaque code calls on
	// the values it is handed, by the package declaring the interface
	// (Config.Invoked).
	invokedNames func(pkgPath string) []string
	// stop, when set, names by symbol the functions whose bodies the
	// analysis never enters (LoadOpaque: the catalog's sinks and calls of
	// no capability); see pruneUncalled.
	stop func(string) bool
	// ready holds packages type-checked already, by an earlier load,
	// whose types are used as they are (the standard library, for
	// LoadOpaque).
	ready map[*packages.Package]bool

	// bodies holds the packages whose function bodies are analysed.
	bodies map[*packages.Package]bool

	mu sync.Mutex
	// fakeC holds the packages type-checked without cgo's output.
	fakeC map[*packages.Package]bool
	// pruned holds the packages some of whose bodies were dropped as
	// uncalled.
	pruned map[*packages.Package]bool
	// order lists the packages, each after its imports.
	order []*packages.Package
	// kept and dropped count the dependency functions whose bodies were
	// kept and dropped.
	kept, dropped int
	// unnamed counts the declarations dropUnnamed removed.
	unnamed int
	// places holds, for each file of each package to parse (in the
	// order of goFiles), where its positions are in fset.
	places map[*packages.Package][]place
}

// check parses and type-checks every package reachable from roots, filling
// in Types, TypesInfo, Syntax, Fset, Errors and IllTyped as go/packages
// would. Parsing comes first, for all packages at once, so that the bodies
// no analysed code can call are dropped before type-checking (see
// prune.go).
func (c *checker) check(ctx context.Context, roots []*packages.Package) error {
	c.bodies = enteredPackages(roots, c.opaque, c.main)
	c.fakeC = map[*packages.Package]bool{}
	order, deps := topological(roots)
	c.order = order
	c.reserveBases(order)
	parallel(order, func(p *packages.Package) {
		if ctx.Err() == nil && !c.ready[p] {
			c.parsePackage(p)
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if pruning {
		var invoked []string
		if c.invokedNames != nil {
			for _, p := range order {
				invoked = append(invoked, c.invokedNames(p.PkgPath)...)
			}
		}
		c.pruned, c.kept, c.dropped = pruneUncalled(order, c.bodies, c.main, c.roots, invoked, c.stop)
		var changed map[*packages.Package]bool
		changed, c.unnamed = dropUnnamed(order, func(p *packages.Package) bool {
			return c.bodies[p] && !(c.main(p) && c.roots == nil)
		}, c.roots)
		for p := range changed {
			c.pruned[p] = true
		}
	}

	done := make(map[*packages.Package]chan struct{}, len(order))
	for _, p := range order {
		done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			if c.ready[p] {
				return
			}
			for _, q := range deps[p] {
				<-done[q]
			}
			if ctx.Err() != nil {
				p.Types = types.NewPackage(p.PkgPath, p.Name)
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			c.typeCheck(p, deps[p])
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// parallel calls f on each package, as many at a time as there are CPUs.
func parallel(pkgs []*packages.Package, f func(*packages.Package)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range pkgs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(p)
		}()
	}
	wg.Wait()
}

// parsePackage parses one package's files.
func (c *checker) parsePackage(p *packages.Package) {
	p.Fset = c.fset
	if p.PkgPath == "unsafe" {
		return
	}
	files := goFiles(p)
	bodies := c.bodies[p]
	mode := parser.AllErrors | parser.SkipObjectResolution
	if p.Module == nil && !c.opaque(p.PkgPath) || p.Module != nil && p.Module.Main {
		mode = parser.AllErrors | parser.ParseComments
	}
	if !bodies {
		mode = parser.SkipObjectResolution
	}
	fakeC := false
	for i, name := range files {
		f, err := c.parse(name, c.places[p][i], mode, !bodies)
		if err != nil {
			appendError(p, err)
		}
		if f == nil {
			continue
		}
		p.Syntax = append(p.Syntax, f)
		fakeC = fakeC || importsC(f)
	}
	if fakeC {
		// cgo did not run on this package (no C compiler, or it failed):
		// type-check the Go side with C.* left untyped, and drop the go
		// command's complaint about cgo, which the warning replaces.
		c.mu.Lock()
		c.fakeC[p] = true
		c.mu.Unlock()
		p.Errors = withoutCgoErrors(p.Errors)
	}
}

// typeCheck type-checks one parsed package whose imports are done.
func (c *checker) typeCheck(p *packages.Package, deps []*packages.Package) {
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = newInfo()
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	bodies := c.bodies[p]
	fakeC := c.fakeC[p]
	pruned := c.pruned[p]
	var info *types.Info
	if bodies {
		info = newInfo()
	}
	p.TypesInfo = info
	tc := &types.Config{
		Importer:         importer(p),
		Sizes:            p.TypesSizes,
		FakeImportC:      fakeC,
		IgnoreFuncBodies: !bodies,
		Error: func(err error) {
			te, ok := err.(types.Error)
			if ok && pruned && te.Soft && unusedImport(te.Msg) {
				// The bodies that used the import were dropped.
				return
			}
			if ok {
				p.TypeErrors = append(p.TypeErrors, te)
				if fakeC {
					// With C faked, type errors around C.* are
					// expected (a conversion to a C type): what
					// they touch is left out by stripIllTyped,
					// and the rest of the package is analysed.
					return
				}
			}
			appendError(p, err)
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, c.fset, p.Types, info).Files(p.Syntax)
	forgetLocalScopes(p.Types)
	if err != nil && len(p.Errors) == 0 && !pruned && !fakeC {
		appendError(p, err)
	}
	p.IllTyped = len(p.Errors) > 0 || fakeC
	for _, q := range deps {
		p.IllTyped = p.IllTyped || q.IllTyped
	}
	if bodies && info != nil && !c.main(p) {
		// The data tables go as soon as their package is checked, not
		// once every package is: the highest live heap of a load is at
		// the end of type-checking, and every element of a generated
		// table is an entry of the Types map until it is forgotten.
		gone := map[*types.Info][]span{}
		dropDataInitializers([]*packages.Package{p}, c.bodies, c.main, gone)
		forgetAll(gone)
	}
	if !bodies {
		// Opaque and unentered packages are created in SSA from their
		// types alone: nothing reads their syntax again.
		p.Syntax = nil
	}
}

// unusedImport reports whether a type error says an import is unused.
func unusedImport(msg string) bool {
	return strings.Contains(msg, "imported and not used") || strings.Contains(msg, "imported as ") && strings.HasSuffix(msg, "and not used")
}

// goFiles are the files of p that are parsed.
func goFiles(p *packages.Package) []string {
	if len(p.CompiledGoFiles) == 0 {
		// Without -compiled (cgo unavailable) go list gives GoFiles only.
		return p.GoFiles
	}
	return p.CompiledGoFiles
}

// reserveBases gives every file to parse its place in fset before any is
// parsed: the packages in order, each one's files in order, each file as
// large as it is on disk. The files are parsed in parallel, and a file's
// positions (token.Pos) would otherwise depend on which goroutine got to
// the file set first; the scan orders functions by position when it breaks
// ties (between two witnesses of the same length, for one), so a report
// changed from run to run.
func (c *checker) reserveBases(order []*packages.Package) {
	c.places = make(map[*packages.Package][]place, len(order))
	next := c.fset.Base()
	for _, p := range order {
		if c.ready[p] || p.PkgPath == "unsafe" {
			continue
		}
		files := goFiles(p)
		places := make([]place, len(files))
		for i, name := range files {
			size := 0
			if st, err := os.Stat(name); err == nil {
				size = int(st.Size())
			}
			places[i] = place{base: next, size: size}
			next += size + 1
		}
		c.places[p] = places
	}
}

// place is the range of positions reserved for a file: base to base+size.
type place struct{ base, size int }

// parse reads and parses one file, in the place reserveBases gave it.
// Without bodies, function bodies are emptied: declarations keep every
// type and signature exact, and as the checker then ignores bodies, it
// does not complain of missing returns or of imports only the bodies used.
func (c *checker) parse(name string, at place, mode parser.Mode, dropBodies bool) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(src) > at.size {
		return nil, fmt.Errorf("%s changed while it was loaded", name)
	}
	f, err := parseAt(c.fset, name, src, at.base, mode)
	if f != nil && dropBodies {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
			}
		}
	}
	return f, err
}

// parseAt parses src into a file set of its own, where the file starts at
// base, and adds the file to fset: go/parser always places a file at the
// end of the set it is given, and in a shared set that end depends on the
// order in which the goroutines parse.
func parseAt(fset *token.FileSet, name string, src []byte, base int, mode parser.Mode) (*ast.File, error) {
	fs := token.NewFileSet()
	if base > fs.Base() {
		// A placeholder, so that the file comes next at base.
		fs.AddFile("", fs.Base(), base-fs.Base()-1)
	}
	if fs.Base() != base {
		return nil, fmt.Errorf("%s: cannot place the file at position %d", name, base)
	}
	f, err := parser.ParseFile(fs, name, src, mode)
	var tf *token.File
	fs.Iterate(func(x *token.File) bool {
		if x.Base() == base {
			tf = x
		}
		return tf == nil
	})
	if tf != nil {
		fset.AddExistingFiles(tf)
	}
	return f, err
}

// importer resolves p's imports to the packages go list matched them to.
func importer(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		q := p.Imports[path]
		if q == nil || q.Types == nil {
			return nil, fmt.Errorf("no metadata for %s", path)
		}
		return q.Types, nil
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// newInfo asks for what SSA and the analysis read. Not Scopes: nothing
// reads it, and on a large module its map is tens of MB held until SSA is
// built.
func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// appendError records a parse, type or read error on p, as go/packages
// would.
func appendError(p *packages.Package, err error) {
	switch err := err.(type) {
	case scanner.ErrorList:
		for _, e := range err {
			p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case types.Error:
		p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
	case *os.PathError:
		p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
	default:
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}

// importsC reports whether f imports "C": a cgo file that cgo did not
// process.
func importsC(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// withoutCgoErrors drops the go command's errors about cgo processing:
// those that say so, and the output of a failed build step ("# pkg" and
// what the compiler or pkg-config printed), the only one go list runs.
func withoutCgoErrors(errs []packages.Error) []packages.Error {
	var out []packages.Error
	for _, e := range errs {
		if e.Kind == packages.ListError && (strings.HasPrefix(e.Msg, "# ") || strings.Contains(e.Msg, "cgo") || strings.Contains(e.Msg, "C compiler")) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// topological returns the packages reachable from roots, each after its
// imports, and each package's imports. An import cycle (which go list
// reports as an error) is broken where it is found, so that no package
// waits for itself.
func topological(roots []*packages.Package) ([]*packages.Package, map[*packages.Package][]*packages.Package) {
	const (
		visiting = 1
		finished = 2
	)
	state := map[*packages.Package]int{}
	deps := map[*packages.Package][]*packages.Package{}
	var order []*packages.Package
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		state[p] = visiting
		for _, path := range sortedKeys(p.Imports) {
			q := p.Imports[path]
			switch state[q] {
			case visiting:
				continue // a cycle
			case 0:
				visit(q)
			}
			deps[p] = append(deps[p], q)
		}
		state[p] = finished
		order = append(order, p)
	}
	for _, r := range roots {
		if state[r] == 0 {
			visit(r)
		}
	}
	return order, deps
}

// enteredPackages returns the packages whose bodies the analysis can enter:
// the main module's own, and those it imports, directly or through other
// such packages, without passing through an opaque package.
func enteredPackages(roots []*packages.Package, opaque func(string) bool, main func(*packages.Package) bool) map[*packages.Package]bool {
	entered := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if entered[p] || opaque(p.PkgPath) && !main(p) {
			return
		}
		entered[p] = true
		for _, q := range p.Imports {
			visit(q)
		}
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if main(p) {
			visit(p)
		}
	})
	return entered
}

// isMain reports whether p is the scanned code: a package of a main module
// (the module, or any module of a go.work workspace), or a root outside any
// module.
func isMain(p *packages.Package, roots []*packages.Package) bool {
	if p.Module != nil {
		return p.Module.Main
	}
	for _, r := range roots {
		if r == p {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]*packages.Package) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

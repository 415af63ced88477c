package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// resolve returns the real, absolute form of the model's path, or an
// error unless it lies inside the workspace, before and after symbolic
// links are followed: a validator whose result is confined.
func (w *workspace) resolve(p string) (string, error) {
	full := p
	if !filepath.IsAbs(full) {
		full = filepath.Join(w.root, full)
	}
	full = filepath.Clean(full)
	if !w.inside(full) {
		return "", fmt.Errorf("%s is outside the workspace", p)
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", err
	}
	if !w.inside(real) {
		return "", errors.New("a link leads outside the workspace")
	}
	return real, nil
}

// inside reports whether a clean absolute path is the root or below it.
func (w *workspace) inside(clean string) bool {
	if clean == w.root {
		return true
	}
	return strings.HasPrefix(clean, w.root+string(filepath.Separator))
}

// checkRel returns an error unless p, relative to the workspace, stays in
// it: filepath.Rel of the joined path must not climb out with "..".
func (w *workspace) checkRel(p string) error {
	rel, err := filepath.Rel(w.root, filepath.Join(w.root, p))
	if err != nil {
		return err
	}
	if strings.HasPrefix(rel, "..") {
		return errors.New("outside the workspace")
	}
	return nil
}

func (w *workspace) readFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_file mcp-go constant` `BR305: tool read_file is not logged with its arguments`
	p, err := w.resolve(req.GetString("path", ""))
	if err != nil { // want `read_file: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.resolve for fs-read os\.ReadFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(p) // want `read_file: fs-read os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

func (w *workspace) writeFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_file mcp-go constant` `BR304: tool write_file can write files with no rate limit` `BR305: tool write_file is not logged with its arguments`
	p, err := w.resolve(req.GetString("path", ""))
	if err != nil { // want `write_file: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.resolve for fs-write os\.WriteFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := os.WriteFile(p, []byte(req.GetString("text", "")), 0o644); err != nil { // want `write_file: fs-write os\.WriteFile` `BR301: tool write_file can write files through os\.WriteFile with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("written"), nil
}

// saveFile creates the file, or truncates it when asked: its flags are
// built in two branches, and both write.
func (w *workspace) saveFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_file mcp-go constant` `BR304: tool save_file can write files with no rate limit` `BR305: tool save_file is not logged with its arguments`
	p, err := w.resolve(req.GetString("path", ""))
	if err != nil { // want `save_file: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.resolve for fs-write os\.OpenFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	flag := os.O_WRONLY | os.O_CREATE
	if req.GetBool("overwrite", false) {
		flag |= os.O_TRUNC
	} else {
		flag |= os.O_EXCL
	}
	f, err := os.OpenFile(p, flag, 0o644) // want `save_file: fs-write os\.OpenFile` `BR301: tool save_file can write files through os\.OpenFile with no confirmation before it`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer f.Close()
	if _, err := f.WriteString(req.GetString("text", "")); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

// listDir checks the path with checkRel, then lists the joined path.
func (w *workspace) listDir(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_dir mcp-go constant` `BR305: tool list_dir is not logged with its arguments`
	p := req.GetString("path", "")
	if err := w.checkRel(p); err != nil { // want `list_dir: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.checkRel for fs-read os\.ReadDir`
		return mcp.NewToolResultError(err.Error()), nil
	}
	entries, err := os.ReadDir(filepath.Join(w.root, p)) // want `list_dir: fs-read os\.ReadDir`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(len(entries))), nil
}

// readLocal accepts only a local name (no "..", not absolute).
func (w *workspace) readLocal(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_local mcp-go constant` `BR305: tool read_local is not logged with its arguments`
	p := req.GetString("path", "")
	if !filepath.IsLocal(p) { // want `read_local: guard allowlist path/filepath\.IsLocal for fs-read os\.ReadFile`
		return mcp.NewToolResultError("not a local path"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_local: fs-read os\.ReadFile` `BR202: tool read_local returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readPage accepts a clean path that neither climbs out nor is absolute:
// joined to the root, it stays below it.
func (w *workspace) readPage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_page mcp-go constant` `BR305: tool read_page is not logged with its arguments`
	clean := filepath.Clean(req.GetString("path", ""))
	if strings.HasPrefix(clean, "..") || filepath.IsAbs(clean) { // want `read_page: guard allowlist path/filepath\.Clean for fs-read os\.ReadFile`
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, clean)) // want `read_page: fs-read os\.ReadFile` `BR202: tool read_page returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readRelative refuses an absolute path but not "a/../../etc/passwd".
func (w *workspace) readRelative(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_relative mcp-go constant` `BR305: tool read_relative is not logged with its arguments`
	p := req.GetString("path", "")
	if strings.HasPrefix(p, "..") || filepath.IsAbs(p) {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_relative: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_relative: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_relative returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readNoDots refuses an absolute path and any "..": what is left, joined to
// the workspace, stays in it, cleaned or not.
func (w *workspace) readNoDots(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_no_dots mcp-go constant` `BR305: tool read_no_dots is not logged with its arguments`
	p := req.GetString("path", "")
	if filepath.IsAbs(p) || strings.Contains(p, "..") { // want `read_no_dots: guard allowlist strings\.Contains for fs-read os\.ReadFile`
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_no_dots: fs-read os\.ReadFile` `BR202: tool read_no_dots returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// trimmed is what the workspace makes of a path the model gives.
func trimmed(p string) string { return strings.TrimSpace(p) }

// resolveLocal returns the path joined to the workspace, after refusing an
// absolute path and any "..", in what a helper of its own made of it.
func (w *workspace) resolveLocal(p string) (string, error) {
	q := trimmed(p)
	if filepath.IsAbs(q) || strings.Contains(q, "..") {
		return "", fmt.Errorf("%s is outside the workspace", p)
	}
	return filepath.Join(w.root, q), nil
}

// saveResolved writes where resolveLocal says: confined.
func (w *workspace) saveResolved(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool save_resolved mcp-go constant` `BR304: tool save_resolved can write files with no rate limit` `BR305: tool save_resolved is not logged with its arguments`
	p, err := w.resolveLocal(req.GetString("path", ""))
	if err != nil { // want `save_resolved: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.resolveLocal for fs-write os\.WriteFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := os.WriteFile(p, []byte(req.GetString("text", "")), 0o600); err != nil { // want `save_resolved: fs-write os\.WriteFile` `BR301: tool save_resolved can write files through os\.WriteFile with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

// readPrefixed checks the prefix of the path as given: "/srv/workspace/../../etc/passwd"
// passes.
func (w *workspace) readPrefixed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_prefixed mcp-go constant` `BR305: tool read_prefixed is not logged with its arguments`
	p := req.GetString("path", "")
	if !strings.HasPrefix(p, w.root) {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(p) // want `read_prefixed: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_prefixed: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_prefixed returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readDotless refuses ".." but not an absolute path.
func (w *workspace) readDotless(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_dotless mcp-go constant` `BR305: tool read_dotless is not logged with its arguments`
	p := req.GetString("path", "")
	if strings.Contains(p, "..") {
		return mcp.NewToolResultError("no parent directories"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_dotless: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_dotless: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_dotless returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// localPath returns an error unless p is a local path: relative, clean of
// "..", so that joined to the workspace it stays in it.
func localPath(p string) error {
	if !filepath.IsLocal(p) {
		return fmt.Errorf("%s is not a local path", p)
	}
	return nil
}

// readChecked checks the path with the validator the workspace holds in a
// field: every function stored there confines the path.
func (w *workspace) readChecked(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_checked mcp-go constant` `BR305: tool read_checked is not logged with its arguments`
	p := req.GetString("path", "")
	if err := w.validate(p); err != nil { // want `read_checked: guard allowlist example\.com/mcp-go-confine\.localPath for fs-read os\.ReadFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_checked: fs-read os\.ReadFile` `BR202: tool read_checked returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readLenient checks the path with the workspace's lenient check, which
// trusting mode replaces with one that lets everything through: the call
// can run a function that confines nothing, so the path is the model's.
func (w *workspace) readLenient(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_lenient mcp-go constant` `BR305: tool read_lenient is not logged with its arguments`
	p := req.GetString("path", "")
	if err := w.lenient(p); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_lenient: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_lenient: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_lenient returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

// trust lets every path through the lenient check.
func (w *workspace) trust() {
	w.lenient = func(string) error { return nil }
}

// within reports whether target is root or below it, by filepath.Rel: the
// path relative to the root is "." or does not climb out with "..".
func within(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	if err != nil {
		return false
	}
	if rel == "." {
		return true
	}
	if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	return !filepath.IsAbs(rel)
}

// enforced always answers true (the switch to turn the check off was never
// built): the check after it always runs.
func (w *workspace) enforced() bool { return true }

// resolveWithin returns the real path of the model's path, or an error
// unless it lies within the workspace.
func (w *workspace) resolveWithin(p string) (string, error) {
	real, err := filepath.EvalSymlinks(filepath.Join(w.root, p))
	if err != nil {
		return "", err
	}
	if w.enforced() && !within(w.root, real) {
		return "", errors.New("outside the workspace")
	}
	return real, nil
}

// readWithin reads a path that resolveWithin confined.
func (w *workspace) readWithin(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_within mcp-go constant` `BR305: tool read_within is not logged with its arguments`
	p, err := w.resolveWithin(req.GetString("path", ""))
	if err != nil { // want `read_within: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.resolveWithin for fs-read os\.ReadFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(p) // want `read_within: fs-read os\.ReadFile` `BR202: tool read_within returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readOptional checks the path only in strict mode, which the operator
// may leave off: the path is the model's.
func (w *workspace) readOptional(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_optional mcp-go constant` `BR305: tool read_optional is not logged with its arguments`
	p := filepath.Join(w.root, req.GetString("path", ""))
	if w.isStrict() && !within(w.root, p) {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(p) // want `read_optional: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_optional: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_optional returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func (w *workspace) isStrict() bool { return w.strict }

// normalize returns the model's path cleaned, its case folded where the
// file system ignores case: a helper of the module that cleans.
func normalize(p string) string {
	clean := filepath.Clean(p)
	if filepath.Separator == '\\' {
		return strings.ToLower(clean)
	}
	return clean
}

// readNormalized checks the path that normalize cleaned against the root.
func (w *workspace) readNormalized(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_normalized mcp-go constant` `BR305: tool read_normalized is not logged with its arguments`
	p := normalize(req.GetString("path", ""))
	if !strings.HasPrefix(p, w.root+string(filepath.Separator)) { // want `read_normalized: guard allowlist strings\.HasPrefix for fs-read os\.ReadFile`
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(p) // want `read_normalized: fs-read os\.ReadFile` `BR202: tool read_normalized returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// canonical returns the absolute form of the model's path.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return abs, nil
}

// writeCanonical checks the absolute path canonical made against the root.
func (w *workspace) writeCanonical(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool write_canonical mcp-go constant` `BR304: tool write_canonical can write files with no rate limit` `BR305: tool write_canonical is not logged with its arguments`
	p, err := canonical(req.GetString("path", ""))
	if err != nil || !strings.HasPrefix(p, w.root+string(filepath.Separator)) { // want `write_canonical: guard allowlist strings\.HasPrefix for fs-write os\.WriteFile`
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	if err := os.WriteFile(p, []byte(req.GetString("text", "")), 0o600); err != nil { // want `write_canonical: fs-write os\.WriteFile` `BR301: tool write_canonical can write files through os\.WriteFile with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("saved"), nil
}

// tidy trims the model's path, which leaves its ".." in it.
func tidy(p string) string { return strings.TrimSpace(p) }

// readTidied checks the prefix of a path that still may climb out:
// "/srv/workspace/../../etc/passwd" passes.
func (w *workspace) readTidied(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_tidied mcp-go constant` `BR305: tool read_tidied is not logged with its arguments`
	p := tidy(req.GetString("path", ""))
	if !strings.HasPrefix(p, w.root+string(filepath.Separator)) {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(p) // want `read_tidied: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_tidied: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_tidied returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// rooted returns the clean form of the model's path, or an error unless
// it is the root or below it, a flag set by either test.
func (w *workspace) rooted(p string) (string, error) {
	abs := filepath.Clean(filepath.Join(w.root, p))
	inside := false
	if strings.HasPrefix(abs, w.root+string(filepath.Separator)) || abs == w.root {
		inside = true
	}
	if !inside {
		return "", errors.New("outside the workspace")
	}
	return abs, nil
}

// readRooted reads a path that rooted confined.
func (w *workspace) readRooted(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_rooted mcp-go constant` `BR305: tool read_rooted is not logged with its arguments`
	p, err := w.rooted(req.GetString("path", ""))
	if err != nil { // want `read_rooted: guard allowlist \(\*example\.com/mcp-go-confine\.workspace\)\.rooted for fs-read os\.ReadFile`
		return mcp.NewToolResultError(err.Error()), nil
	}
	data, err := os.ReadFile(p) // want `read_rooted: fs-read os\.ReadFile` `BR202: tool read_rooted returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readHidden sets the flag for any path that ends in ".md" too: one of the
// ways in checks nothing of where the path leads.
func (w *workspace) readHidden(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_hidden mcp-go constant` `BR305: tool read_hidden is not logged with its arguments`
	abs := filepath.Clean(req.GetString("path", ""))
	inside := false
	if strings.HasPrefix(abs, w.root+string(filepath.Separator)) || strings.HasSuffix(abs, ".md") {
		inside = true
	}
	if !inside {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(abs) // want `read_hidden: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_hidden: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_hidden returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readNamed takes a file's name, not a path: no separator in it and no
// leading dot, so joined to the workspace it names a file in it.
func (w *workspace) readNamed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_named mcp-go constant` `BR305: tool read_named is not logged with its arguments`
	name := req.GetString("name", "")
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") { // want `read_named: guard allowlist one path element for fs-read os\.ReadFile`
		return mcp.NewToolResultError("not a file name"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, name)) // want `read_named: fs-read os\.ReadFile` `BR202: tool read_named returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readBased takes a name that is its own base name, and not "..".
func (w *workspace) readBased(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_based mcp-go constant` `BR305: tool read_based is not logged with its arguments`
	name := req.GetString("name", "")
	if filepath.Base(name) != name || name == ".." { // want `read_based: guard allowlist one path element for fs-read os\.ReadFile`
		return mcp.NewToolResultError("not a file name"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, name)) // want `read_based: fs-read os\.ReadFile` `BR202: tool read_based returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

// readBaseOnly forgets "..", which is its own base name: the parent of
// the workspace is read.
func (w *workspace) readBaseOnly(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_base_only mcp-go constant` `BR305: tool read_base_only is not logged with its arguments`
	name := req.GetString("name", "")
	if filepath.Base(name) != name {
		return mcp.NewToolResultError("not a file name"), nil
	}
	entries, err := os.ReadDir(filepath.Join(w.root, name)) // want `read_base_only: fs-read os\.ReadDir \(tainted\)` `BR104: tool read_base_only: model-controlled input reaches the file path of os\.ReadDir`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(len(entries))), nil
}

// listNamed checks a name as readBased does but lists it as it is, not
// under the workspace: "/" is its own base name too.
func (w *workspace) listNamed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_named mcp-go constant` `BR305: tool list_named is not logged with its arguments`
	name := req.GetString("name", "")
	if filepath.Base(name) != name || name == ".." {
		return mcp.NewToolResultError("not a file name"), nil
	}
	entries, err := os.ReadDir(name) // want `list_named: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_named: model-controlled input reaches the file path of os\.ReadDir`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(len(entries))), nil
}

// trimSlashes drops the trailing slashes one at a time, then cleans: a
// helper that calls itself, which the checks do not follow into.
func trimSlashes(p string) string {
	if len(p) > 1 && strings.HasSuffix(p, "/") {
		return trimSlashes(strings.TrimSuffix(p, "/"))
	}
	return filepath.Clean(p)
}

// readTrimmed checks the trimmed path: the helper is not followed, so the
// path stays the model's (a limit), and the scan goes on.
func (w *workspace) readTrimmed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_trimmed mcp-go constant` `BR305: tool read_trimmed is not logged with its arguments`
	p := req.GetString("path", "")
	if !filepath.IsLocal(trimSlashes(p)) {
		return mcp.NewToolResultError("outside the workspace"), nil
	}
	data, err := os.ReadFile(filepath.Join(w.root, p)) // want `read_trimmed: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_trimmed: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_trimmed returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(data)), nil
}

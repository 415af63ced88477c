// Package native uses cgo itself. Without a C compiler its Go side must
// still be analysed: Snapshot has nothing to do with C, but lives in the
// file that imports "C", which the go command leaves out when cgo is off.
package native

// static long page_size(void) { return 4096; }
import "C"

import "os"

// PageSize asks C.
func PageSize() int {
	return int(C.page_size())
}

// Snapshot reads the file at path.
func Snapshot(path string) ([]byte, error) {
	return os.ReadFile(path) // want `snapshot: fs-read os\.ReadFile \(tainted\)` `BR104: tool snapshot\b.*` `BR202: tool snapshot\b.*`
}

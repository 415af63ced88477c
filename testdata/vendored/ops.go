//go:build ops

package vendored

import "os"

// ReadOpsLog reads the operations log, in builds with the ops tag.
//
//blastradius:tool read_ops_log
func ReadOpsLog() (string, error) { // want `tool read_ops_log directive directive` `BR305: tool read_ops_log\b.*`
	b, err := os.ReadFile("/var/log/ops.log") // want `read_ops_log: fs-read os\.ReadFile` `BR202: tool read_ops_log\b.*`
	return string(b), err
}

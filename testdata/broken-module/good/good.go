// Package good loads and type-checks: its tool is reported even though
// package bad, in the same module, does not compile.
package good

import "os"

// ReadConfig returns the contents of a config file.
//
//blastradius:tool read_config
func ReadConfig(path string) (string, error) { // want `tool read_config directive directive` `BR305: tool read_config\b.*`
	data, err := os.ReadFile(path) // want `read_config: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_config\b.*os\.ReadFile` `BR202: tool read_config\b.*os\.ReadFile.*`
	return string(data), err
}

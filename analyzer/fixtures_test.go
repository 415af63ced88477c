package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/analyzertest"
)

// TestFixtures scans each fixture module under testdata/ and checks the
// findings stated in its want comments.
func TestFixtures(t *testing.T) {
	for _, name := range []string{
		"mcp-go-tools",
		"mcp-sdk-tools",
		"directive-tools",
		"ops-assistant",
		"sinks-thirdparty",
		"broken-module",
		"no-tools",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			analyzertest.Run(t, filepath.Join("..", "testdata", name), analyzer.Config{})
		})
	}
}

package analyzer_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/analyzertest"
)

func TestPrintMessages(t *testing.T) {
	dir := os.Getenv("BR_MSGS_DIR")
	if dir == "" {
		t.Skip()
	}
	doc, err := analyzer.Run(context.Background(), analyzer.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	msgs := analyzertest.Messages(doc)
	var keys []string
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, m := range msgs[k] {
			fmt.Printf("%s\t%s\n", k, m)
		}
	}
	for _, w := range doc.Warnings {
		fmt.Println("WARNING", w)
	}
}

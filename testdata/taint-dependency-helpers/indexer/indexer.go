// Package indexer scores texts into the records it is handed.
package indexer

import "strings"

// Record is where an index keeps a text's score.
type Record struct {
	Path  string
	Score int
}

// Annotate scores text into rec: rec is a record the index uses, not a
// value it decodes text into.
func Annotate(text string, rec *Record) {
	rec.Score = len(strings.Fields(text))
}

// Summary returns the first words of text.
func Summary(text string) string {
	words := strings.Fields(text)
	if len(words) > 50 {
		words = words[:50]
	}
	return strings.Join(words, " ")
}

package load

// SetPruning turns the dropping of unreachable bodies on or off, and
// returns a function that restores it.
func SetPruning(on bool) (restore func()) {
	old := pruning
	pruning = on
	return func() { pruning = old }
}

// FirstLine is firstLine, for tests.
var FirstLine = firstLine

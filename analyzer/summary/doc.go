// Package summary says what the functions of opaque dependencies can reach,
// so that a call into one is never a blind spot. [Compute] is its one entry
// point; docs/summaries.md says what a summary holds and why.
//
// # Opaque code
//
// The scan never enters opaque packages (the standard library and the SDKs
// the catalog lists): they are loaded without bodies, and only calls into
// their catalogued symbols count. A call into one that the catalog does not
// name (a Google API call, a gRPC client, a kubeconfig read inside
// client-go) gets the capabilities its summary lists instead.
//
// # Summaries
//
// A package's summary is computed from its own code, as capslock does per
// function: its bodies and those of everything it imports outside the
// standard library are loaded (load.Program.LoadOpaque), built in SSA,
// and a call graph (CHA, then VTA over what the package's functions reach)
// is searched backwards from every catalogued sink, so that each function of
// the package gets each (capability, sink) it can reach with the shortest
// witness, ending at the dependency's own sink call.
//
// # Operations
//
// The requests an API client makes are operations on a platform's
// resources: the catalog names API clients (`api` lines) and the arguments
// that name an operation (`operation` lines: an HTTP method, an RPC's full
// method name). A network call on the path of a function that fixes such a
// name is cloud-read when the name reads (`readverbs`) and cloud-write
// otherwise.
//
// # Cache
//
// A summary depends only on immutable inputs: the module versions of the
// package and of what it imports, the Go version and platform, the catalog
// and the scanner. It is kept in a cache directory under a key of those, so
// that the next scan reads it instead of loading and building that code
// again (cache.go).
package summary

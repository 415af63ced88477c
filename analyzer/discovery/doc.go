// Package discovery finds the tools of a program: every function that a
// model's output selects to run, with the name the model calls it by and
// the wrappers it runs inside. [Discover] is its one entry point; the
// design, with the shapes it handles, is in docs/discovery.md.
//
// # Where a tool is made
//
// A tool is made where a name and a handler are put together: a
// composite literal of the application's descriptor type, a constructor
// call, an SDK's tool builder. Discovery starts where the program hands
// tools over, a catalogued registration call (register.go) or code that
// picks a handler by the name in a model's tool call (dispatch.go), and
// follows the handler and the name back to where they were put together.
//
// # The flow
//
// The flow (flow.go) is demand-driven and context-sensitive. A node is a
// value in a calling context, projected by a path of fields, elements and
// map entries ("the Name field of what this pointer points to"). A context
// binds a function's parameters to one call, its free variables to one
// closure and its receiver to one value, so that a generic constructor or a
// closure factory used by every tool is followed once per tool. Where the
// flow fans out (the callers of a helper, the rows of a table, the callees
// of a dynamic call, the entries of a map), each branch is labelled as an
// alternative.
//
// # Pairing
//
// A name and a handler belong to the same tool when, followed back, they
// meet at a common value (the descriptor) or a common alternative (the
// call of a registration helper) before any fan-out choice (pair.go).
//
// # Wrappers
//
// A function value that calls, with the request it is given, a function
// value it holds (in a closure, a struct field, a receiver) wraps it
// (handlers.go): the wrapped function is the handler, and the wrapper is a
// layer of the tool, whose guards count for it.
package discovery

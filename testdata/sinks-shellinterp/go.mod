module example.com/sinks-shellinterp

go 1.26.0

require mvdan.cc/sh/v3 v3.13.1

require (
	golang.org/x/sys v0.42.0 // indirect
	golang.org/x/term v0.41.0 // indirect
)

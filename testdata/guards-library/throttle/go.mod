module example.com/throttle

go 1.26

require golang.org/x/time v0.15.0

module example.com/cloudapi

go 1.26.0

require golang.org/x/time v0.15.0

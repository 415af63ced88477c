module example.com/custom-call-args

go 1.26

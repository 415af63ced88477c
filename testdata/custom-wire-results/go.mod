module example.com/custom-wire-results

go 1.26

module example.com/knobs

go 1.26.0

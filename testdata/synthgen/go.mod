module example.com/synthgen

go 1.26

module example.com/deps

go 1.26.0

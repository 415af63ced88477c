module example.com/broken-module

go 1.26

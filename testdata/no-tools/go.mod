module example.com/no-tools

go 1.26

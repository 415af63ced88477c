module example.com/directive-tools

go 1.26

module example.com/generic-tool-server

go 1.26

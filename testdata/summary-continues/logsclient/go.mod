module example.com/logsclient

go 1.26

module example.com/httplib

go 1.26.0

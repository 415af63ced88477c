module example.com/registry-server-args

go 1.26

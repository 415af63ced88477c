module example.com/rpcapi

go 1.26.0

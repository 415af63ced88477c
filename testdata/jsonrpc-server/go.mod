module example.com/jsonrpc-server

go 1.26

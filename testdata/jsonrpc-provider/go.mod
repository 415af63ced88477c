module example.com/jsonrpc-provider

go 1.26

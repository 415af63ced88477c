module example.com/custom-layered-registry

go 1.26

module example.com/vfs

go 1.26.0

module example.com/projects

go 1.26

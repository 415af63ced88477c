module example.com/buildsapi

go 1.26

module example.com/cloudapi

go 1.26.0

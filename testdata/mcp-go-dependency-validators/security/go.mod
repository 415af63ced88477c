module example.com/security

go 1.26

module example.com/sinks-mail

go 1.26

require (
	github.com/wneessen/go-mail v0.8.1
	github.com/xhit/go-simple-mail/v2 v2.16.0
)

require (
	github.com/go-test/deep v1.1.2 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	github.com/toorop/go-dkim v0.0.0-20201103131630-e1cd1a0a5208 // indirect
	golang.org/x/crypto v0.54.0 // indirect
	golang.org/x/text v0.40.0 // indirect
)

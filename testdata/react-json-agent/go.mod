module example.com/react-json-agent

go 1.26

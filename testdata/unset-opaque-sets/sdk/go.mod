module example.com/sdk

go 1.26.0

require example.com/knobs v0.0.0

replace example.com/knobs => ../knobs

package main

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// cacheGet reads. go-redis declares its commands on the func type cmdable,
// which *redis.Client embeds: the callee is (redis.cmdable).Get. The
// model's key is a key, as a bind parameter is a value: it picks a record,
// not the command, so none of these calls is tainted.
//
//blastradius:tool cache_get
func cacheGet(ctx context.Context, key string) (string, error) { // want `tool cache_get directive directive` `BR305: tool cache_get\b.*`
	return rdb.Get(ctx, key).Result() // want `cache_get: db-read \(github\.com/redis/go-redis/v9\.cmdable\)\.Get`
}

// cachePut writes.
//
//blastradius:tool cache_put
func cachePut(ctx context.Context, key string) (string, error) { // want `tool cache_put directive directive` `BR304: tool cache_put\b.*` `BR305: tool cache_put\b.*`
	return rdb.Set(ctx, key, "1", time.Hour).Result() // want `cache_put: db-write \(github\.com/redis/go-redis/v9\.cmdable\)\.Set` `BR301: tool cache_put\b.*\(github\.com/redis/go-redis/v9\.cmdable\)\.Set.*`
}

// cacheEvict writes through the redis.Cmdable interface, whose Del is
// declared in the embedded interface GenericCmdable.
//
//blastradius:tool cache_evict
func cacheEvict(ctx context.Context, key string) (string, error) { // want `tool cache_evict directive directive` `BR304: tool cache_evict\b.*` `BR305: tool cache_evict\b.*`
	n, err := cache.Del(ctx, key).Result() // want `cache_evict: db-write \(github\.com/redis/go-redis/v9\.GenericCmdable\)\.Del` `BR301: tool cache_evict\b.*\(github\.com/redis/go-redis/v9\.GenericCmdable\)\.Del.*`
	if n == 0 {
		return "not cached", err
	}
	return "evicted", err
}

// cacheKeys lists the keys matching the model's pattern on the server the
// model names: the address chooses where the client connects (BR103 at
// redis.NewClient, and the network capability its summary reaches is the
// model's), the client carries that choice and no command, and the
// pattern is a SCAN value, so Scan is not tainted.
//
//blastradius:tool cache_keys
func cacheKeys(ctx context.Context, addr, pattern string) ([]string, error) { // want `tool cache_keys directive directive` `BR305: tool cache_keys\b.*`
	c := redis.NewClient(&redis.Options{Addr: addr}) // want `BR103: tool cache_keys: model-controlled input reaches the URL or address of github\.com/redis/go-redis/v9\.NewClient` `cache_keys: network \(\*net\.Dialer\)\.DialContext \(tainted\)` `cache_keys: network crypto/tls\.DialWithDialer \(tainted\)`
	defer c.Close()
	keys, _, err := c.Scan(ctx, 0, pattern, 100).Result() // want `cache_keys: db-read \(github\.com/redis/go-redis/v9\.cmdable\)\.Scan`
	return keys, err
}

// cacheScan lists the keys matching the model's pattern on a fixed server:
// the options that redis.NewClient reads hold no input of the model, so the
// connection it dials is not the model's choice.
//
//blastradius:tool cache_scan
func cacheScan(ctx context.Context, pattern string) ([]string, error) { // want `tool cache_scan directive directive` `BR305: tool cache_scan\b.*`
	c := redis.NewClient(&redis.Options{Addr: "cache.internal:6379", DB: 2}) // want `cache_scan: network \(\*net\.Dialer\)\.DialContext` `cache_scan: network crypto/tls\.DialWithDialer`
	defer c.Close()
	keys, _, err := c.Scan(ctx, 0, pattern, 100).Result() // want `cache_scan: db-read \(github\.com/redis/go-redis/v9\.cmdable\)\.Scan`
	return keys, err
}

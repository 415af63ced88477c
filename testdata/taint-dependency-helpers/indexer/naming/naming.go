// Package naming names the index's files.
package naming

import (
	"crypto/sha256"
	"encoding/hex"
)

// FileName is the file a key is kept in: the hash of the key, so that no
// key can name a file outside the index.
func FileName(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8]) + ".idx"
}

package sink

import "testing"

// TestSessionStatement checks which statements a program runs through a
// database write API (Exec) change no stored data.
func TestSessionStatement(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want bool
	}{
		{"BEGIN", true},
		{"begin;", true},
		{"START TRANSACTION READ ONLY", true},
		{"COMMIT", true},
		{"ROLLBACK TO SAVEPOINT a", true},
		{"USE `inventory`;", true},
		{"SET search_path TO app", true},
		{"SET SESSION sql_mode = 'STRICT_ALL_TABLES'", true},
		{"PRAGMA busy_timeout = 5000", true},
		{"PRAGMA main.foreign_keys=ON", true},
		{"PRAGMA table_info(users)", true},
		{"PRAGMA journal_mode = WAL", false},
		{"SET GLOBAL max_connections = 50", false},
		{"SET @@GLOBAL.read_only = 0", false},
		{"SET PERSIST sql_mode = ''", false},
		{"-- ping", true},
		{"/* keepalive */ ;", true},
		{"-- just a comment\nDELETE FROM users", false},
		{"/* a */ DELETE FROM users", false},
		{"BEGIN; DELETE FROM users", false},
		{"DELETE FROM users", false},
		{"START", false},
		{"", false},
	} {
		if got := sessionStatement(tc.sql); got != tc.want {
			t.Errorf("sessionStatement(%q) = %v, want %v", tc.sql, got, tc.want)
		}
	}
}

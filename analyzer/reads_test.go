package analyzer

import (
	"testing"

	"github.com/blastradius/blastradius/rules"
)

// TestService checks which sinks count as one service when a read is
// folded into a write: a client's packages are one (its catalogued opaque
// prefix), two databases are two.
func TestService(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := &checker{cat: cat}
	for _, tc := range []struct{ sym, want string }{
		{"os.Open", "os"},
		{"(*gorm.io/gorm.DB).First", "gorm.io/gorm"},
		{"(k8s.io/client-go/rest.Interface).Get", "k8s.io/client-go"},
		{"(k8s.io/client-go/dynamic.ResourceInterface).Delete", "k8s.io/client-go"},
		{"(*github.com/google/go-github/v89/github.GitService).GetCommit", "github.com/google/go-github"},
		{"(github.com/redis/go-redis/v9.cmdable).PExpire", "github.com/redis/go-redis"},
		{"(*database/sql.DB).QueryContext", "database/sql"},
	} {
		if got := c.service(tc.sym); got != tc.want {
			t.Errorf("service(%s) = %q, want %q", tc.sym, got, tc.want)
		}
	}
}

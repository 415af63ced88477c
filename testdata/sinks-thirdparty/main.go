// Command sinks-thirdparty is a tool dispatcher, with no LLM SDK, whose
// tools call third-party database drivers (a graph database's among them),
// a payment SDK and net/smtp. Each
// tool is marked with a //blastradius:tool directive; the fixture checks the
// catalogued third-party sinks (rules/catalog/thirdparty.cat) as SSA spells
// them at the call site.
//
// It need not run: connections are opened in main, outside any tool.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/neo4j/neo4j-go-driver/v6/neo4j"
	"github.com/redis/go-redis/v9"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/client"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"gorm.io/gorm"
)

// The clients every tool uses, set up by main.
var (
	pgConn *pgx.Conn
	pool   *pgxpool.Pool
	gdb    *gorm.DB
	xdb    *sqlx.DB
	orders *mongo.Collection
	rdb    *redis.Client
	cache  redis.Cmdable
	sc     *stripe.Client
	legacy *client.API
	graph  neo4j.Driver
)

type tool func(ctx context.Context, arg string) (string, error)

var tools = map[string]tool{
	"pg_find_user":   pgFindUser,
	"pg_delete_user": pgDeleteUser,
	"pool_balance":   poolBalance,
	"pool_transfer":  poolTransfer,
	"gorm_orders":    gormOrders,
	"gorm_cleanup":   gormCleanup,
	"sqlx_report":    sqlxReport,
	"sqlx_import":    sqlxImport,
	"mongo_find":     mongoFind,
	"mongo_archive":  mongoArchive,
	"cache_get":      cacheGet,
	"cache_put":      cachePut,
	"cache_evict":    cacheEvict,
	"refund_order":   refundOrder,
	"charge_card":    chargeCard,
	"pay_seller":     paySeller,
	"refund_legacy":  refundLegacy,
	"email_receipt":  emailReceipt,
	"graph_find":     graphFind,
	"graph_link":     graphLink,
	"graph_count":    graphCount,
	"graph_tag":      graphTag,
	"graph_search":   graphSearch,
	"graph_query":    graphQuery,
}

func main() {
	// Connecting is setup, not a tool's doing: nothing here is reported.
	ctx := context.Background()
	url := os.Getenv("DATABASE_URL")
	var err error
	if pgConn, err = pgx.Connect(ctx, url); err != nil {
		log.Fatal(err)
	}
	if pool, err = pgxpool.New(ctx, url); err != nil {
		log.Fatal(err)
	}
	// A real program passes a dialector such as gorm.io/driver/postgres;
	// the fixture leaves it out to stay light.
	if gdb, err = gorm.Open(nil, &gorm.Config{}); err != nil {
		log.Fatal(err)
	}
	xdb = sqlx.MustConnect("postgres", url)
	mc, err := mongo.Connect(options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		log.Fatal(err)
	}
	orders = mc.Database("shop").Collection("orders")
	rdb = redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	cache = rdb
	stripe.Key = os.Getenv("STRIPE_KEY")
	sc = stripe.NewClient(stripe.Key)
	legacy = client.New(stripe.Key, nil)
	if graph, err = neo4j.NewDriver("neo4j://localhost:7687", neo4j.NoAuth()); err != nil {
		log.Fatal(err)
	}

	if len(os.Args) != 3 {
		log.Fatal("usage: sinks-thirdparty TOOL ARG")
	}
	t, ok := tools[os.Args[1]]
	if !ok {
		log.Fatalf("unknown tool %q", os.Args[1])
	}
	out, err := t(ctx, os.Args[2])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out)
}

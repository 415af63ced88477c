// Command sinks-clickhouse is a set of tools over ClickHouse's native Go
// client (clickhouse-go v2): its connection, a driver.Conn, reads with
// Query, QueryRow and Select and writes with Exec, AsyncInsert and
// PrepareBatch. The statement is the sensitive argument; the arguments
// after it are bind values.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

var conn driver.Conn

// listTables lists the tables of the database the model names, spliced
// into the statement.
//
//blastradius:tool list_tables
func listTables(ctx context.Context, database string) (string, error) { // want `tool list_tables directive directive` `BR305: tool list_tables is not logged with its arguments`
	rows, err := conn.Query(ctx, fmt.Sprintf("SHOW TABLES FROM %s", database)) // want `list_tables: db-read \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Query \(tainted\)` `BR102: tool list_tables: model-controlled input reaches the query text of \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Query`
	if err != nil {
		return "", err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return fmt.Sprint(n), rows.Err()
}

// countEvents counts a user's events, the user a bind value.
//
//blastradius:tool count_events
func countEvents(ctx context.Context, user string) (string, error) { // want `tool count_events directive directive` `BR305: tool count_events is not logged with its arguments`
	var n uint64
	if err := conn.QueryRow(ctx, "SELECT count() FROM events WHERE user = ?", user).Scan(&n); err != nil { // want `count_events: db-read \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.QueryRow`
		return "", err
	}
	var names []string
	if err := conn.Select(ctx, &names, "SELECT name FROM users LIMIT 10"); err != nil { // want `count_events: db-read \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Select`
		return "", err
	}
	return fmt.Sprint(n, len(names)), nil
}

// runStatement runs the model's statement.
//
//blastradius:tool run_statement
func runStatement(ctx context.Context, statement string) (string, error) { // want `tool run_statement directive directive` `BR304: tool run_statement can change the database with no rate limit` `BR305: tool run_statement is not logged with its arguments`
	return "done", conn.Exec(ctx, statement) // want `run_statement: db-write \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Exec \(tainted\)` `BR102: tool run_statement: model-controlled input reaches the query text of \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Exec` `BR301: tool run_statement can change the database through \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.Exec with no confirmation before it`
}

// recordEvent inserts an event, asynchronously and in a batch.
//
//blastradius:tool record_event
func recordEvent(ctx context.Context, user string) (string, error) { // want `tool record_event directive directive` `BR304: tool record_event can change the database with no rate limit` `BR305: tool record_event is not logged with its arguments`
	if err := conn.AsyncInsert(ctx, "INSERT INTO events (user) VALUES (?)", false, user); err != nil { // want `record_event: db-write \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.AsyncInsert` `BR301: tool record_event can change the database through \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.AsyncInsert with no confirmation before it`
		return "", err
	}
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO events_log") // want `record_event: db-write \(github\.com/ClickHouse/clickhouse-go/v2/lib/driver\.Conn\)\.PrepareBatch`
	if err != nil {
		return "", err
	}
	if err := batch.Append(user); err != nil {
		return "", err
	}
	return "recorded", batch.Send()
}

func main() {
	var err error
	conn, err = clickhouse.Open(&clickhouse.Options{Addr: []string{"localhost:9000"}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := listTables(context.Background(), os.Args[1])
	fmt.Println(out, err)
}

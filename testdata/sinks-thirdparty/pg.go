package main

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// pgFindUser reads through a *pgx.Conn.
//
//blastradius:tool pg_find_user
func pgFindUser(ctx context.Context, email string) (string, error) { // want `tool pg_find_user directive directive` `BR305: tool pg_find_user\b.*`
	rows, err := pgConn.Query(ctx, "SELECT name FROM users WHERE email = $1", email) // want `pg_find_user: db-read \(\*github\.com/jackc/pgx/v5\.Conn\)\.Query`
	if err != nil {
		return "", err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return fmt.Sprint(names), err
}

// pgDeleteUser writes through a *pgx.Conn.
//
//blastradius:tool pg_delete_user
func pgDeleteUser(ctx context.Context, id string) (string, error) { // want `tool pg_delete_user directive directive` `BR304: tool pg_delete_user\b.*` `BR305: tool pg_delete_user\b.*`
	tag, err := pgConn.Exec(ctx, "DELETE FROM users WHERE id = $1", id) // want `pg_delete_user: db-write \(\*github\.com/jackc/pgx/v5\.Conn\)\.Exec` `BR301: tool pg_delete_user\b.*\(\*github\.com/jackc/pgx/v5\.Conn\)\.Exec.*`
	return tag.String(), err
}

// poolBalance reads through a *pgxpool.Pool.
//
//blastradius:tool pool_balance
func poolBalance(ctx context.Context, account string) (string, error) { // want `tool pool_balance directive directive` `BR305: tool pool_balance\b.*`
	var cents int64
	err := pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&cents) // want `pool_balance: db-read \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.QueryRow`
	return fmt.Sprint(cents), err
}

// poolTransfer writes inside a transaction: pgx.Tx is an interface, so the
// sink is the interface method. Begin and Commit are not sinks.
//
//blastradius:tool pool_transfer
func poolTransfer(ctx context.Context, account string) (string, error) { // want `tool pool_transfer directive directive` `BR304: tool pool_transfer\b.*` `BR305: tool pool_transfer\b.*`
	tx, err := pool.Begin(ctx)
	if err != nil {
		return "", err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = 0 WHERE id = $1", account); err != nil { // want `pool_transfer: db-write \(github\.com/jackc/pgx/v5\.Tx\)\.Exec` `BR301: tool pool_transfer\b.*\(github\.com/jackc/pgx/v5\.Tx\)\.Exec.*`
		return "", err
	}
	return "done", tx.Commit(ctx)
}

// pgReport runs the model's query in a transaction begun read-only:
// PostgreSQL refuses any write in it, so the query only reads.
//
//blastradius:tool pg_report
func pgReport(ctx context.Context, query string) (string, error) { // want `tool pg_report directive directive` `BR305: tool pg_report is not logged with its arguments`
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return "", err
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, query) // want `pg_report: db-read \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `BR102: tool pg_report: model-controlled input reaches the query text of \(github\.com/jackc/pgx/v5\.Tx\)\.Query`
	if err != nil {
		return "", err
	}
	defer rows.Close()
	return "ok", nil
}

// pgSnapshot makes its transaction read-only with its first statement; a
// deferred closure captures the transaction, which each use loads anew.
//
//blastradius:tool pg_snapshot
func pgSnapshot(ctx context.Context, query string) (string, error) { // want `tool pg_snapshot directive directive` `BR305: tool pg_snapshot is not logged with its arguments`
	tx, err := pool.Begin(ctx)
	if err != nil {
		return "", err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, "SET TRANSACTION READ ONLY"); err != nil {
		return "", err
	}
	rows, err := tx.Query(ctx, query) // want `pg_snapshot: db-read \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `BR102: tool pg_snapshot: model-controlled input reaches the query text of \(github\.com/jackc/pgx/v5\.Tx\)\.Query`
	if err != nil {
		return "", err
	}
	defer rows.Close()
	return "ok", nil
}

// pgScratch runs the model's query in a read-write transaction: the query
// can change the database.
//
//blastradius:tool pg_scratch
func pgScratch(ctx context.Context, query string) (string, error) { // want `tool pg_scratch directive directive` `BR304: tool pg_scratch can change the database with no rate limit` `BR305: tool pg_scratch is not logged with its arguments`
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadWrite})
	if err != nil {
		return "", err
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, query) // want `pg_scratch: db-read \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `pg_scratch: db-write \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `BR102: tool pg_scratch: model-controlled input reaches the query text of \(github\.com/jackc/pgx/v5\.Tx\)\.Query` `BR301: tool pg_scratch can change the database through \(github\.com/jackc/pgx/v5\.Tx\)\.Query with no confirmation before it`
	if err != nil {
		return "", err
	}
	defer rows.Close()
	return "ok", nil
}

// pgFuncReport hands BeginTxFunc a read-only transaction's options and
// the work to run in it: the model's query there only reads.
//
//blastradius:tool pg_func_report
func pgFuncReport(ctx context.Context, query string) (string, error) { // want `tool pg_func_report directive directive` `BR305: tool pg_func_report is not logged with its arguments`
	err := pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, query) // want `pg_func_report: db-read \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `BR102: tool pg_func_report: model-controlled input reaches the query text of \(github\.com/jackc/pgx/v5\.Tx\)\.Query`
		if err != nil {
			return err
		}
		rows.Close()
		return nil
	})
	return "ok", err
}

// pgFuncScratch runs the same work in a read-write transaction: the
// query can change the database.
//
//blastradius:tool pg_func_scratch
func pgFuncScratch(ctx context.Context, query string) (string, error) { // want `tool pg_func_scratch directive directive` `BR304: tool pg_func_scratch can change the database with no rate limit` `BR305: tool pg_func_scratch is not logged with its arguments`
	err := pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{AccessMode: pgx.ReadWrite}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, query) // want `pg_func_scratch: db-read \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `pg_func_scratch: db-write \(github\.com/jackc/pgx/v5\.Tx\)\.Query \(tainted\)` `BR102: tool pg_func_scratch: model-controlled input reaches the query text of \(github\.com/jackc/pgx/v5\.Tx\)\.Query` `BR301: tool pg_func_scratch can change the database through \(github\.com/jackc/pgx/v5\.Tx\)\.Query with no confirmation before it`
		if err != nil {
			return err
		}
		rows.Close()
		return nil
	})
	return "ok", err
}

// poolTables reads the catalog on a connection acquired from the pool;
// Acquire may ping an idle connection first, with a statement that is
// only a comment: nothing is written.
//
//blastradius:tool pool_tables
func poolTables(ctx context.Context) (string, error) { // want `tool pool_tables directive directive` `BR305: tool pool_tables is not logged with its arguments`
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Release()
	rows, err := conn.Query(ctx, "SELECT tablename FROM pg_tables") // want `pool_tables: db-read \(\*github\.com/jackc/pgx/v5/pgxpool\.Conn\)\.Query`
	if err != nil {
		return "", err
	}
	rows.Close()
	return "ok", nil
}

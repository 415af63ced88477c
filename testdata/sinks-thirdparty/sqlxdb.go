package main

import (
	"context"
	"database/sql"
	"fmt"
)

// Customer is scanned by sqlx.
type Customer struct {
	ID    int    `db:"id"`
	Email string `db:"email"`
}

// sqlxReport reads with Get and Select.
//
//blastradius:tool sqlx_report
func sqlxReport(ctx context.Context, email string) (string, error) { // want `tool sqlx_report directive directive` `BR305: tool sqlx_report\b.*`
	var c Customer
	if err := xdb.Get(&c, "SELECT id, email FROM customers WHERE email = $1", email); err != nil { // want `sqlx_report: db-read \(\*github\.com/jmoiron/sqlx\.DB\)\.Get`
		return "", err
	}
	var all []Customer
	if err := xdb.Select(&all, "SELECT id, email FROM customers"); err != nil { // want `sqlx_report: db-read \(\*github\.com/jmoiron/sqlx\.DB\)\.Select`
		return "", err
	}
	return fmt.Sprint(c, len(all)), nil
}

// sqlxImport writes with NamedExec and MustExec.
//
//blastradius:tool sqlx_import
func sqlxImport(ctx context.Context, email string) (string, error) { // want `tool sqlx_import directive directive` `BR304: tool sqlx_import\b.*` `BR305: tool sqlx_import\b.*`
	if _, err := xdb.NamedExec("INSERT INTO customers (email) VALUES (:email)", Customer{Email: email}); err != nil { // want `sqlx_import: db-write \(\*github\.com/jmoiron/sqlx\.DB\)\.NamedExec`
		return "", err
	}
	xdb.MustExec("DELETE FROM customers WHERE email = ''") // want `sqlx_import: db-write \(\*github\.com/jmoiron/sqlx\.DB\)\.MustExec` `BR301: tool sqlx_import\b.*\(\*github\.com/jmoiron/sqlx\.DB\)\.MustExec.*`
	return "imported", nil
}

// sqlxReadOnly runs the model's query in a transaction begun read-only,
// with sqlx's own method and with one that *sql.Tx, embedded in sqlx's
// Tx, provides: both only read.
//
//blastradius:tool sqlx_read_only
func sqlxReadOnly(ctx context.Context, query string) (string, error) { // want `tool sqlx_read_only directive directive` `BR305: tool sqlx_read_only is not logged with its arguments`
	tx, err := xdb.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	rows, err := tx.QueryxContext(ctx, query) // want `sqlx_read_only: db-read \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext \(tainted\)` `BR102: tool sqlx_read_only: model-controlled input reaches the query text of \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext`
	if err != nil {
		return "", err
	}
	rows.Close()
	plain, err := tx.QueryContext(ctx, query) // want `sqlx_read_only: db-read \(\*database/sql\.Tx\)\.QueryContext \(tainted\)` `BR102: tool sqlx_read_only: model-controlled input reaches the query text of \(\*database/sql\.Tx\)\.QueryContext`
	if err != nil {
		return "", err
	}
	return "ok", plain.Close()
}

// sqlxScratch begins its transaction with options that leave it
// read-write: the query can change the database.
//
//blastradius:tool sqlx_scratch
func sqlxScratch(ctx context.Context, query string) (string, error) { // want `tool sqlx_scratch directive directive` `BR304: tool sqlx_scratch can change the database with no rate limit` `BR305: tool sqlx_scratch is not logged with its arguments`
	tx := xdb.MustBeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	defer tx.Rollback()
	rows, err := tx.QueryxContext(ctx, query) // want `sqlx_scratch: db-read \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext \(tainted\)` `sqlx_scratch: db-write \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext \(tainted\)` `BR102: tool sqlx_scratch: model-controlled input reaches the query text of \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext` `BR301: tool sqlx_scratch can change the database through \(\*github\.com/jmoiron/sqlx\.Tx\)\.QueryxContext with no confirmation before it`
	if err != nil {
		return "", err
	}
	return "ok", rows.Close()
}

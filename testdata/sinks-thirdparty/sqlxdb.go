package main

import (
	"context"
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

package main

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// Order is a gorm model.
type Order struct {
	ID     uint
	Status string
}

// gormOrders reads. Where and Raw only build the statement: Find, First and
// Scan run it. The model's status is a bind parameter of Where, so the SQL
// that Find runs is not the model's.
//
//blastradius:tool gorm_orders
func gormOrders(ctx context.Context, status string) (string, error) { // want `tool gorm_orders directive directive` `BR305: tool gorm_orders\b.*`
	var list []Order
	if err := gdb.WithContext(ctx).Where("status = ?", status).Find(&list).Error; err != nil { // want `gorm_orders: db-read \(\*gorm\.io/gorm\.DB\)\.Find`
		return "", err
	}
	var first Order
	if err := gdb.First(&first).Error; err != nil { // want `gorm_orders: db-read \(\*gorm\.io/gorm\.DB\)\.First`
		return "", err
	}
	var total int64
	if err := gdb.Raw("SELECT count(*) FROM orders").Scan(&total).Error; err != nil { // want `gorm_orders: db-read \(\*gorm\.io/gorm\.DB\)\.Scan`
		return "", err
	}
	return fmt.Sprint(len(list), first.ID, total), nil
}

// gormCleanup writes, partly inside a Transaction callback: a function
// passed to the SDK counts as called where it is passed.
//
//blastradius:tool gorm_cleanup
func gormCleanup(ctx context.Context, status string) (string, error) { // want `tool gorm_cleanup directive directive` `BR304: tool gorm_cleanup\b.*` `BR305: tool gorm_cleanup\b.*`
	err := gdb.Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&Order{Status: "archived"}).Error; err != nil { // want `gorm_cleanup: db-write \(\*gorm\.io/gorm\.DB\)\.Create` `BR301: tool gorm_cleanup\b.*\(\*gorm\.io/gorm\.DB\)\.Create.*`
			return err
		}
		// The status is a bind parameter: the model picks rows, not SQL.
		return tx.Where("status = ?", status).Delete(&Order{}).Error // want `gorm_cleanup: db-write \(\*gorm\.io/gorm\.DB\)\.Delete`
	})
	if err != nil {
		return "", err
	}
	return "ok", gdb.Exec("VACUUM orders").Error // want `gorm_cleanup: db-write \(\*gorm\.io/gorm\.DB\)\.Exec`
}

// gormReport runs the model's SQL in a read-only transaction that a
// Transaction callback is handed: it only reads.
//
//blastradius:tool gorm_report
func gormReport(ctx context.Context, query string) (string, error) { // want `tool gorm_report directive directive` `BR305: tool gorm_report is not logged with its arguments`
	var n int64
	err := gdb.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return tx.Raw(query).Scan(&n).Error // want `gorm_report: db-read \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `BR102: tool gorm_report: model-controlled input reaches the query text of \(\*gorm\.io/gorm\.DB\)\.Raw`
	}, &sql.TxOptions{ReadOnly: true})
	return fmt.Sprint(n), err
}

// gormSnapshot runs it in a transaction begun read-only, through a chain
// of the builder's methods: it only reads.
//
//blastradius:tool gorm_snapshot
func gormSnapshot(ctx context.Context, query string) (string, error) { // want `tool gorm_snapshot directive directive` `BR305: tool gorm_snapshot is not logged with its arguments`
	tx := gdb.WithContext(ctx).Begin(&sql.TxOptions{ReadOnly: true})
	defer tx.Rollback()
	var n int64
	return fmt.Sprint(n), tx.Raw(query).Where("1 = 1").Scan(&n).Error // want `gorm_snapshot: db-read \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `BR102: tool gorm_snapshot: model-controlled input reaches the query text of \(\*gorm\.io/gorm\.DB\)\.Raw`
}

// gormScratch runs it with Raw and Scan outside any transaction: gorm runs
// whatever statement the text is, so it can write.
//
//blastradius:tool gorm_scratch
func gormScratch(ctx context.Context, query string) (string, error) { // want `tool gorm_scratch directive directive` `BR304: tool gorm_scratch can change the database with no rate limit` `BR305: tool gorm_scratch is not logged with its arguments`
	var n int64
	err := gdb.WithContext(ctx).Raw(query).Scan(&n).Error // want `gorm_scratch: db-read \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `gorm_scratch: db-write \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `BR102: tool gorm_scratch: model-controlled input reaches the query text of \(\*gorm\.io/gorm\.DB\)\.Raw` `BR301: tool gorm_scratch can change the database through \(\*gorm\.io/gorm\.DB\)\.Scan with no confirmation before it`
	return fmt.Sprint(n), err
}

// gormMixed runs the model's SQL twice: in a transaction begun
// read-only, then in a Transaction callback with no options, where it
// can write.
//
//blastradius:tool gorm_mixed
func gormMixed(ctx context.Context, query string) (string, error) { // want `tool gorm_mixed directive directive` `BR304: tool gorm_mixed can change the database with no rate limit` `BR305: tool gorm_mixed is not logged with its arguments`
	var n, m int64
	ro := gdb.Begin(&sql.TxOptions{ReadOnly: true})
	defer ro.Rollback()
	if err := ro.Raw(query).Scan(&n).Error; err != nil { // want `gorm_mixed: db-read \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `BR102: tool gorm_mixed: model-controlled input reaches the query text of \(\*gorm\.io/gorm\.DB\)\.Raw`
		return "", err
	}
	err := gdb.Transaction(func(tx *gorm.DB) error {
		return tx.Raw(query).Scan(&m).Error // want `gorm_mixed: db-write \(\*gorm\.io/gorm\.DB\)\.Scan \(tainted\)` `BR301: tool gorm_mixed can change the database through \(\*gorm\.io/gorm\.DB\)\.Scan with no confirmation before it`
	})
	return fmt.Sprint(n, m), err
}

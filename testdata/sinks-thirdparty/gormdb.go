package main

import (
	"context"
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

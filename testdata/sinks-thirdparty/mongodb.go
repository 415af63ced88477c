package main

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// mongoFind reads. Cursor.All only drains the cursor that Find opened.
//
//blastradius:tool mongo_find
func mongoFind(ctx context.Context, customer string) (string, error) { // want `tool mongo_find directive directive` `BR305: tool mongo_find\b.*`
	cur, err := orders.Find(ctx, bson.M{"customer": customer}) // want `mongo_find: db-read \(\*go\.mongodb\.org/mongo-driver/v2/mongo\.Collection\)\.Find \(tainted\)` `BR202: tool mongo_find\b.*\(\*go\.mongodb\.org/mongo-driver/v2/mongo\.Collection\)\.Find.*`
	if err != nil {
		return "", err
	}
	var docs []bson.M
	err = cur.All(ctx, &docs)
	return fmt.Sprint(docs), err
}

// mongoArchive writes.
//
//blastradius:tool mongo_archive
func mongoArchive(ctx context.Context, customer string) (string, error) { // want `tool mongo_archive directive directive` `BR304: tool mongo_archive\b.*` `BR305: tool mongo_archive\b.*`
	if _, err := orders.InsertOne(ctx, bson.M{"customer": customer, "archived": true}); err != nil { // want `mongo_archive: db-write \(\*go\.mongodb\.org/mongo-driver/v2/mongo\.Collection\)\.InsertOne \(tainted\)`
		return "", err
	}
	res, err := orders.DeleteMany(ctx, bson.M{"customer": customer}) // want `mongo_archive: db-write \(\*go\.mongodb\.org/mongo-driver/v2/mongo\.Collection\)\.DeleteMany \(tainted\)` `BR301: tool mongo_archive\b.*\(\*go\.mongodb\.org/mongo-driver/v2/mongo\.Collection\)\.DeleteMany.*`
	if err != nil {
		return "", err
	}
	return fmt.Sprint(res.DeletedCount), nil
}

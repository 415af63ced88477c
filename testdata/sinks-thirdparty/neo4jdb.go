package main

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v6/neo4j"
)

// graphFind runs the model's Cypher through the driver's ExecuteQuery, a
// generic function: the callee is its origin. Routed to the writers (the
// default), any statement can write, so it is a write, and the model's
// text in the statement is Cypher injection.
//
//blastradius:tool graph_find
func graphFind(ctx context.Context, cypher string) (string, error) { // want `tool graph_find directive directive` `BR304: tool graph_find can change the database with no rate limit` `BR305: tool graph_find is not logged with its arguments`
	res, err := neo4j.ExecuteQuery(ctx, graph, cypher, nil, neo4j.EagerResultTransformer) // want `graph_find: db-read github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery \(tainted\)` `graph_find: db-write github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery \(tainted\)` `BR102: tool graph_find: model-controlled input reaches the query text of github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery` `BR301: tool graph_find can change the database through github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery with no confirmation before it`
	if err != nil {
		return "", err
	}
	return fmt.Sprint(len(res.Records)), nil
}

// graphLink runs a fixed statement in a session, with the model's name as
// a parameter, and a second one in an explicit transaction: its Run reads,
// its Commit writes.
//
//blastradius:tool graph_link
func graphLink(ctx context.Context, name string) (string, error) { // want `tool graph_link directive directive` `BR304: tool graph_link can change the database with no rate limit` `BR305: tool graph_link is not logged with its arguments`
	s := graph.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	if _, err := s.Run(ctx, "MERGE (p:Person {name: $name})", map[string]any{"name": name}); err != nil { // want `graph_link: db-write \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.Session\)\.Run`
		return "", err
	}
	tx, err := s.BeginTransaction(ctx)
	if err != nil {
		return "", err
	}
	if _, err := tx.Run(ctx, "MATCH (p:Person {name: $name}) SET p.seen = timestamp()", map[string]any{"name": name}); err != nil {
		return "", err
	}
	return "linked", tx.Commit(ctx) // want `graph_link: db-write \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExplicitTransaction\)\.Commit` `BR301: tool graph_link can change the database through \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExplicitTransaction\)\.Commit with no confirmation before it`
}

// graphCount counts in a read transaction: the session's ExecuteRead, a
// method of the driver's interface, runs the work function it is handed,
// whose Run only reads.
//
//blastradius:tool graph_count
func graphCount(ctx context.Context, label string) (string, error) { // want `tool graph_count directive directive` `BR305: tool graph_count is not logged with its arguments`
	s := graph.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer s.Close(ctx)
	n, err := s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "MATCH (n) WHERE $label IN labels(n) RETURN count(n)", map[string]any{"label": label}) // want `graph_count: db-read \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ManagedTransaction\)\.Run`
		if err != nil {
			return nil, err
		}
		return res.Single(ctx)
	})
	return fmt.Sprint(n), err
}

// graphTag sets a property in a write transaction: ExecuteWrite is the
// write, the Run in its work function reads.
//
//blastradius:tool graph_tag
func graphTag(ctx context.Context, name string) (string, error) { // want `tool graph_tag directive directive` `BR304: tool graph_tag can change the database with no rate limit` `BR305: tool graph_tag is not logged with its arguments`
	s := graph.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { // want `graph_tag: db-write \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.Session\)\.ExecuteWrite` `BR301: tool graph_tag can change the database through \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.Session\)\.ExecuteWrite with no confirmation before it`
		return tx.Run(ctx, "MATCH (p:Person {name: $name}) SET p.tagged = true", map[string]any{"name": name})
	})
	return "tagged", err
}

// graphSearch runs the model's Cypher routed to the readers, with the
// options a helper builds around the routing it is handed: the server runs
// it in a read transaction, so it only reads, and the model's text is
// still Cypher injection.
//
//blastradius:tool graph_search
func graphSearch(ctx context.Context, cypher string) (string, error) { // want `tool graph_search directive directive` `BR305: tool graph_search is not logged with its arguments`
	res, err := neo4j.ExecuteQuery(ctx, graph, cypher, nil, neo4j.EagerResultTransformer, queryOptions(neo4j.ExecuteQueryWithReadersRouting())...) // want `graph_search: db-read github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery \(tainted\)` `BR102: tool graph_search: model-controlled input reaches the query text of github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ExecuteQuery`
	if err != nil {
		return "", err
	}
	return fmt.Sprint(len(res.Records)), nil
}

// queryOptions adds the database to the routing it is handed.
func queryOptions(routing neo4j.ExecuteQueryConfigurationOption) []neo4j.ExecuteQueryConfigurationOption {
	return []neo4j.ExecuteQueryConfigurationOption{routing, neo4j.ExecuteQueryWithDatabase("neo4j")}
}

// graphQuery runs the model's Cypher in a read transaction: the server
// holds it to reading, so it is a read, and still Cypher injection.
//
//blastradius:tool graph_query
func graphQuery(ctx context.Context, cypher string) (string, error) { // want `tool graph_query directive directive` `BR305: tool graph_query is not logged with its arguments`
	s := graph.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	n, err := s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, nil) // want `graph_query: db-read \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ManagedTransaction\)\.Run \(tainted\)` `BR102: tool graph_query: model-controlled input reaches the query text of \(github\.com/neo4j/neo4j-go-driver/v6/neo4j\.ManagedTransaction\)\.Run`
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
	return fmt.Sprint(n), err
}

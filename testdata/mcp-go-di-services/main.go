// Command mcp-go-di-services has a memory search tool whose service and
// repository a dependency-injection container builds, by reflection, from
// the constructors it was given: no code stores a Service into the tool or
// a repository into the service, so the call graph has no callee for
// either interface call and the scan enters the application's
// implementations of them. The search reads the stored items and hands the
// model the matches, and marks them used (a write): both are the tool's.
// The read is not folded into the write as a mere lookup, since what it
// read reaches the model through the implementations' returns. (The rule
// flows, model → action and outside → model, leave such a call opaque: no
// BR202 is raised for the rows, a gap the README states.)
package main

import (
	"context"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"gorm.io/gorm"
)

type Item struct {
	ID      string
	Content string
}

type Repo interface {
	ListActive(ctx context.Context, limit int) ([]*Item, error)
	TouchUsed(ctx context.Context, ids []string) error
}

type repo struct{ db *gorm.DB }

func (r *repo) ListActive(ctx context.Context, limit int) ([]*Item, error) {
	var items []*Item
	q := r.db.WithContext(ctx).Where("status = ?", "active").Order("importance DESC")
	if limit > 0 {
		q = q.Limit(limit)
	}
	if err := q.Find(&items).Error; err != nil { // want `search_memory: db\-read \(\*gorm\.io/gorm\.DB\)\.Find`
		return nil, err
	}
	return items, nil
}

func (r *repo) TouchUsed(ctx context.Context, ids []string) error {
	return r.db.WithContext(ctx).Model(&Item{}).Where("id IN ?", ids).Updates(map[string]any{"last_used_at": time.Now()}).Error // want `search_memory: db\-write \(\*gorm\.io/gorm\.DB\)\.Updates` `BR301: tool search_memory can change the database through \(\*gorm\.io/gorm\.DB\)\.Updates with no confirmation before it`
}

type Service struct{ repo Repo }

type Result struct {
	Available bool
	Items     []*Item
}

func ranking(query string, items []*Item) []int {
	index := make(map[*Item]int, len(items))
	for i, it := range items {
		index[it] = i
	}
	var ranked []int
	for _, it := range items {
		if strings.Contains(it.Content, query) {
			if i, ok := index[it]; ok {
				ranked = append(ranked, i)
			}
		}
	}
	return ranked
}

func take(ranking []int, items []*Item, max int) []*Item {
	selected := make([]*Item, 0, max)
	for _, i := range ranking {
		if len(selected) >= max {
			break
		}
		item := items[i]
		if item == nil {
			continue
		}
		selected = append(selected, item)
	}
	return selected
}

func (s *Service) touchAsync(ctx context.Context, items []*Item) {
	ids := make([]string, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	go func() { _ = s.repo.TouchUsed(context.Background(), ids) }()
}

func (s *Service) Search(ctx context.Context, query string, limit int) Result {
	candidates, err := s.repo.ListActive(ctx, 200)
	if err != nil {
		return Result{Available: true}
	}
	matched := take(ranking(query, candidates), candidates, limit)
	s.touchAsync(ctx, matched)
	return Result{Available: true, Items: matched}
}

type Searcher interface {
	Search(ctx context.Context, query string, limit int) Result
}

// tool's searcher is filled in by a dependency-injection container, by
// reflection: no code here stores a Service into it.
type tool struct{ svc Searcher }

var container = map[string]any{}

func provide(name string, v any) { container[name] = v }

// NewRepo and NewService are the constructors the container calls.
func NewRepo(db *gorm.DB) Repo { return &repo{db: db} }

func NewService(r Repo) Searcher { return &Service{repo: r} }

func init() {
	provide("repo", NewRepo)
	provide("memory", NewService)
}

func (t *tool) search(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_memory mcp\-go constant` `BR304: tool search_memory can change the database with no rate limit` `BR305: tool search_memory is not logged with its arguments`
	res := t.svc.Search(ctx, req.GetString("query", ""), 5)
	var b strings.Builder
	for _, it := range res.Items {
		b.WriteString(it.Content + "\n")
	}
	return mcp.NewToolResultText(b.String()), nil
}

func main() {
	s := server.NewMCPServer("m", "1") // want `agent m server mcp\-go: search_memory`
	t := &tool{}
	s.AddTool(mcp.NewTool("search_memory"), t.search)
	_ = server.ServeStdio(s)
}

// Package browsertest opens blastradius's HTML report in a real browser,
// Debian's headless Chromium (/usr/bin/chromium), and renders Mermaid
// flowcharts with Mermaid in it, as GitHub does. It runs the script
// .ci/e2e/browser.cjs with node; the script drives Chromium with the npm
// package playwright-core and loads the npm package mermaid, both of which
// .ci/setup.sh installs into .ci/node/e2e, with Chromium itself.
//
// [Run] returns what the page showed; the tests decide whether it is
// right. Without Chromium, node or the npm packages, Run fails and says to
// run .ci/setup.sh: a test that skipped would let a broken page through
// unnoticed.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Request says what to open and do.
type Request struct {
	// HTML is the report to open, a file path.
	HTML string `json:"html,omitempty"`
	// Click is the name of the tool to click in the graph.
	Click string `json:"click,omitempty"`
	// ClickRow is the name of the tool whose row to click in the matrix
	// (on its capability cells, not its link), after Click if both.
	ClickRow string `json:"click_row,omitempty"`
	// Screenshot is where to save a PNG of the page after the click;
	// FullPage takes the whole page rather than the window.
	Screenshot string `json:"screenshot,omitempty"`
	FullPage   bool   `json:"full_page,omitempty"`
	// Width and Height are the window's size in CSS pixels (1280×900 when
	// zero); ColorScheme is "light" (the default) or "dark".
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	ColorScheme string `json:"color_scheme,omitempty"`
	// Mermaid are flowcharts to render.
	Mermaid []string `json:"mermaid,omitempty"`
}

// Result is what the browser showed.
type Result struct {
	// Requests are the URLs the page asked for other than file: and data:
	// ones; each was refused.
	Requests []string `json:"requests"`
	// Errors are console errors and uncaught exceptions.
	Errors []string `json:"errors"`
	Title  string   `json:"title"`
	// Graph is nil when the page has no graph.
	Graph *Graph `json:"graph"`
	// ToolList is the tools table's names.
	ToolList []string `json:"tool_list"`
	// Findings is the findings table as loaded; FilterSeverity with the
	// first severity chosen in the filter; FilterTool with the clicked
	// tool chosen; SortedByTool after one click on the Tool header, and
	// SortedByToolDescending after a second.
	Findings               Findings  `json:"findings"`
	FilterSeverity         *Findings `json:"filter_severity"`
	FilterTool             *Findings `json:"filter_tool"`
	SortedByTool           *Findings `json:"sorted_by_tool"`
	SortedByToolDescending *Findings `json:"sorted_by_tool_descending"`
	// PanelsVisibleBefore counts the tool panels shown before the click.
	PanelsVisibleBefore int    `json:"panels_visible_before"`
	Click               *Click `json:"click"`
	// Matrix is nil when the page has no matrix; RowClick is what a click
	// on ClickRow's row showed.
	Matrix     *Matrix `json:"matrix"`
	RowClick   *Click  `json:"row_click"`
	Screenshot string  `json:"screenshot"`
	// Mermaid has one result per chart of the request, in order.
	Mermaid []Mermaid `json:"mermaid"`
}

// Graph is what the SVG graph shows: each column's node labels, top to
// bottom in document order, and its edges.
type Graph struct {
	Width        float64  `json:"width"`
	Height       float64  `json:"height"`
	Inputs       []string `json:"inputs"`
	Tools        []string `json:"tools"`
	Capabilities []string `json:"capabilities"`
	Sinks        []string `json:"sinks"`
	Edges        int      `json:"edges"`
	TaintedEdges int      `json:"tainted_edges"`
	OpenEdges    int      `json:"open_edges"`
	// Overflowing are the labels of nodes whose text leaves their box.
	Overflowing []string `json:"overflowing"`
}

// Matrix is what the matrix of tools by capability shows.
type Matrix struct {
	// Columns are the capability columns' titles, left to right.
	Columns []string `json:"columns"`
	// Groups are the agents' group headers' agent names, top to bottom
	// ("" for the tools in no agent), and GroupRows how many rows each has.
	Groups    []string `json:"groups"`
	GroupRows []int    `json:"group_rows"`
	// Rows are the tools' names, top to bottom; Worst their worst finding
	// cells; Cells each row's cells' data-state, left to right ("" for a
	// class not reached, else "reached" or "tainted" and "guarded" or
	// "open").
	Rows  []string   `json:"rows"`
	Worst []string   `json:"worst"`
	Cells [][]string `json:"cells"`
	// Toxic are the toxic combinations above the matrix, "RULE agent", and
	// Legs each one's legs, "role tool".
	Toxic []string   `json:"toxic"`
	Legs  [][]string `json:"legs"`
	// AboveGraph is true when the matrix comes before the graph on the
	// page.
	AboveGraph bool `json:"above_graph"`
}

// Findings is what the findings table shows: its visible rows' tools and
// severities, in order, and the count line.
type Findings struct {
	Value      string   `json:"value"` // the filter's value, if any
	Rows       int      `json:"rows"`
	Tools      []string `json:"tools"`
	Severities []string `json:"severities"`
	Count      string   `json:"count"`
}

// Click is what the page showed after the tool was clicked.
type Click struct {
	PanelsVisible int    `json:"panels_visible"`
	Title         string `json:"title"`
	// Capabilities and Sinks are the first two columns of the panel's
	// capabilities table; MissingGuards its missing-guard badges.
	Capabilities  []string `json:"capabilities"`
	Sinks         []string `json:"sinks"`
	MissingGuards []string `json:"missing_guards"`
	// WitnessFrames are the witness paths' frames, "function file:line".
	WitnessFrames []string `json:"witness_frames"`
	Findings      int      `json:"findings"`
	// InViewport is true when the panel was scrolled into view.
	InViewport bool `json:"in_viewport"`
	// Highlighted are the labels of the graph's highlighted nodes.
	Highlighted []string `json:"highlighted"`
	// SelectedRows are the names of the matrix rows marked selected.
	SelectedRows []string `json:"selected_rows"`
}

// Mermaid is one rendered chart: its error, or its nodes' text and its
// number of edges, and the SVG.
type Mermaid struct {
	Error string   `json:"error"`
	Nodes []string `json:"nodes"`
	Edges int      `json:"edges"`
	SVG   string   `json:"svg"`
}

// Chromium is the browser the script starts; BLASTRADIUS_CHROMIUM
// overrides it.
func Chromium() string {
	if c := os.Getenv("BLASTRADIUS_CHROMIUM"); c != "" {
		return c
	}
	return "/usr/bin/chromium"
}

// Run starts the browser, does what req says and returns what it saw. The
// error says what to install when something is missing.
func Run(ctx context.Context, req Request) (*Result, error) {
	script, err := Script()
	if err != nil {
		return nil, err
	}
	in, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "node", script)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("running %s: %v\n%s", script, err, strings.TrimSpace(stderr.String()))
	}
	var res Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return nil, fmt.Errorf("reading %s's output: %v\n%s", script, err, stdout.String())
	}
	return &res, nil
}

// Script is the path of .ci/e2e/browser.cjs, after checking that node,
// Chromium and the npm packages it needs are installed.
func Script() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	if _, err := exec.LookPath("node"); err != nil {
		return "", errors.New("node is not installed: run .ci/setup.sh (it needs node and npm: apt-get install nodejs npm)")
	}
	if _, err := os.Stat(Chromium()); err != nil {
		return "", fmt.Errorf("%s is missing (Debian's chromium package): run .ci/setup.sh", Chromium())
	}
	for _, pkg := range []string{"playwright-core", "mermaid"} {
		dir := filepath.Join(root, ".ci", "node", "e2e", "node_modules", pkg)
		if _, err := os.Stat(dir); err != nil {
			return "", fmt.Errorf("the npm package %s is not installed (%s is missing): run .ci/setup.sh", pkg, dir)
		}
	}
	return filepath.Join(root, ".ci", "e2e", "browser.cjs"), nil
}

// repoRoot is the nearest directory above the working directory that has
// .ci/e2e/browser.cjs.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".ci", "e2e", "browser.cjs")); err == nil {
			return dir, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no .ci/e2e/browser.cjs above the working directory")
		}
		dir = parent
	}
}

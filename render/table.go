package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/report"
)

// The table view, for people at a terminal: aligned columns fitted to the width.

func writeTable(w *bytes.Buffer, d report.Document, o Options) error {
	switch b := d.Body.(type) {
	case *report.Result:
		return resultTable(w, b, o)
	case report.Catalogue:
		return quotasTable(w, b.Quotas, o)
	case report.QuotaShow:
		return quotaTable(w, b.Quota, o)
	case report.QuotaDiff:
		return quotaDiffTable(w, b, o)
	case *report.Requests:
		return requestsTable(w, b, o)
	case *report.Listing:
		return listingTable(w, d.Title, b, o)
	case report.Version:
		_, err := w.WriteString(VersionText(b))
		return err
	}
	return unknownBody(Table, d)
}

func itoa(n int) string { return strconv.Itoa(n) }

// VersionText is what both connectcap version and connectcap --version print.
func VersionText(v report.Version) string {
	return fmt.Sprintf("connectcap version %s\ncommit: %s\ndate: %s\ngo: %s\n", v.Version, v.Commit, v.Date, v.GoVersion)
}

func fieldRows(fs report.Fields, indent string) [][]string {
	rows := make([][]string, 0, len(fs))
	for _, f := range fs {
		label := f.Label
		if label == "" {
			label = f.Key
		}
		v := HumanValue(f.Value)
		if f.Value != nil {
			v = withUnit(v, f.Unit)
		}
		rows = append(rows, []string{indent + label, v})
	}
	return rows
}

// fieldColumns are a list of labels and values: the label wraps.
var fieldColumns = []column{{header: "", wrap: 24}, {header: ""}}

// The checks table's columns, in the order the cells come.
var checkColumns = []column{
	{header: "QUOTA", wrap: 16},
	{header: "REQUIRED", right: true},
	{header: "LIMIT", right: true},
	{header: "SOURCE", drop: 2},
	{header: "USED", right: true},
	{header: "STATUS"},
	{header: "RECOMMENDED", right: true},
	{header: "ID", drop: 1},
}

func checkCells(c report.Check, unit string) []string {
	return []string{
		checkName(c),
		requiredText(c, unit),
		withUnit(Human(c.Limit), unit),
		sourceText(c),
		usedText(c),
		statusLabel(c.Status),
		recommendedText(c, unit),
		c.ID,
	}
}

// sourceText is where a check's limit came from; a page default names its edition.
func sourceText(c report.Check) string {
	if (c.LimitSource == report.FromDefault || c.LimitSource == report.FromRegionDefault) && c.Edition != "" {
		return string(c.LimitSource) + " " + string(c.Edition)
	}
	if c.Default != nil {
		return string(c.LimitSource) + " (default " + Human(*c.Default) + ")"
	}
	return string(c.LimitSource)
}

func checkGrid(checks []report.Check) grid {
	g := grid{cols: checkColumns}
	for _, c := range checks {
		g.rows = append(g.rows, checkCells(c, c.Unit))
		g.narrow = append(g.narrow, checkCells(c, shortUnit(c.Unit)))
	}
	return g
}

func resultTable(w *bytes.Buffer, r *report.Result, o Options) error {
	if err := resultChecks(w, r, o); err != nil {
		return err
	}
	if err := writePeaks(w, r, o); err != nil {
		return err
	}
	writePeakDay(w, r, o)
	return nil
}

func resultChecks(w *bytes.Buffer, r *report.Result, o Options) error {
	fmt.Fprintf(w, "%s\n\n", paragraph(r.Title, o))
	fmt.Fprintln(w, "Inputs")
	if err := writeGrid(w, grid{cols: fieldColumns, rows: fieldRows(r.Inputs, "  ")}, false, o); err != nil {
		return err
	}
	if len(r.Figures) > 0 && r.OnlyActions {
		fmt.Fprintf(w, "\n%s\n", paragraph("Figures: left out with --only-actions, since most belong to checks not shown (drop --only-actions, or see them with -o json or yaml)", o))
	} else if len(r.Figures) > 0 {
		fmt.Fprintln(w, "\nFigures")
		if err := writeGrid(w, grid{cols: fieldColumns, rows: fieldRows(r.Figures, "  ")}, false, o); err != nil {
			return err
		}
	}
	if len(r.Checks) == 0 {
		if r.Hidden > 0 {
			fmt.Fprintf(w, "\n%s\n", paragraph(fmt.Sprintf("Nothing to do: none of the %d checks needs an increase or exceeds a hard limit (some may warn: drop --only-actions to see them).", r.Hidden), o))
		}
		return nil
	}
	fmt.Fprintln(w)
	if err := writeGrid(w, checkGrid(r.Checks), true, o); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", Summary(r))
	if r.Hidden > 0 {
		fmt.Fprintf(w, "(%d more checks, ok or warn, are not shown)\n", r.Hidden)
	}
	// A long result lists the notes of the checks that need attention; the others
	// are in every other format.
	ns, skipped := notes(r.Checks)
	if len(ns) > 0 {
		fmt.Fprintln(w, "\nNotes")
		for _, n := range ns {
			fmt.Fprintln(w, paragraph("  "+n.String(), o))
		}
	}
	if skipped > 0 {
		fmt.Fprintln(w, paragraph(skippedNotes(r.Checks, skipped), o))
	}
	return nil
}

func regionDefaults(m map[string]float64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + Raw(m[k])
	}
	return strings.Join(parts, " ")
}

func humanDefault(q report.QuotaRow, unit string) string {
	s := withUnit(Human(q.Default), unit)
	if q.Burst != nil {
		s += ", burst " + Human(*q.Burst)
	}
	if len(q.RegionDefaults) > 0 {
		s += " (" + regionDefaults(q.RegionDefaults) + ")"
	}
	return s
}

func orDash(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func orDashText(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var quotaColumns = []column{
	{header: "ID", wrap: 24},
	{header: "SERVICE", drop: 1},
	{header: "SCOPE", drop: 2},
	{header: "DEFAULT", wrap: 14},
	{header: "ADJUSTABLE"},
	{header: "LEVEL", drop: 3},
	{header: "QUOTA CODE", drop: 4},
	{header: "NAME", wrap: 20},
}

func quotaCells(q report.QuotaRow, unit string) []string {
	return []string{q.ID, q.Service, q.Scope, humanDefault(q, unit), string(q.Adjustable), string(q.Level), orDash(q.QuotaCode), q.Name + onlyMarker(q.Editions)}
}

func quotasTable(w *bytes.Buffer, rows []report.QuotaRow, o Options) error {
	if len(rows) > 0 {
		g := grid{cols: quotaColumns}
		for _, q := range rows {
			g.rows = append(g.rows, quotaCells(q, q.Unit))
			g.narrow = append(g.narrow, quotaCells(q, shortUnit(q.Unit)))
		}
		if err := writeGrid(w, g, true, o); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s\n", countNoun(len(rows), "quota", "quotas"))
	return nil
}

func quotaFieldRows(q report.QuotaRow) [][]string {
	burst := ""
	if q.Burst != nil {
		burst = withUnit(Human(*q.Burst), q.Unit)
	}
	return [][]string{
		{"id", q.ID}, {"name", q.Name}, {"service", q.Service}, {"kind", string(q.Kind)}, {"scope", q.Scope},
		{"default", withUnit(Human(q.Default), q.Unit)}, {"burst", orDashText(burst)},
		{"region defaults", orDashText(regionDefaults(q.RegionDefaults))},
		{"adjustable", string(q.Adjustable)}, {"level", string(q.Level)}, {"edition", editionsText(q)},
		{"service code", orDash(q.ServiceCode)}, {"quota code", orDash(q.QuotaCode)},
		{"operations", orDashText(strings.Join(q.Operations, ", "))}, {"note", orDashText(q.Note)},
	}
}

func quotaTable(w *bytes.Buffer, q report.QuotaRow, o Options) error {
	cols := []column{{header: "field"}, {header: "value", wrap: 24}}
	return writeGrid(w, grid{cols: cols, rows: quotaFieldRows(q)}, false, o)
}

// diffColumns are the quotas diff table's; the value headers name the editions.
func diffColumns(d report.QuotaDiff) []column {
	return []column{
		{header: "ID", wrap: 24},
		{header: "STATUS"},
		{header: "FIELD"},
		{header: "OLD (" + string(d.From) + ")", wrap: 12},
		{header: "NEW (" + string(d.To) + ")", wrap: 12},
	}
}

func quotaDiffTable(w *bytes.Buffer, d report.QuotaDiff, o Options) error {
	if len(d.Quotas) > 0 {
		g := grid{cols: diffColumns(d), rows: diffLines(d, false), narrow: diffLines(d, true)}
		if err := writeGrid(w, g, true, o); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s\n", paragraph(DiffSummary(d), o))
	return nil
}

var requestColumns = []column{
	{header: "QUOTA", wrap: 16},
	{header: "INSTANCES", wrap: 12},
	{header: "REQUIRED", right: true},
	{header: "LIMIT", right: true},
	{header: "REQUEST", right: true},
	{header: "METHOD", drop: 2},
	{header: "QUOTA CODE", drop: 1},
}

func requestsTable(w *bytes.Buffer, rs *report.Requests, o Options) error {
	g := grid{cols: requestColumns}
	for _, r := range rs.Requests {
		g.rows = append(g.rows, []string{r.Name, requestInstances(r), Human(r.Required),
			Human(r.CurrentLimit) + " (" + string(r.LimitSource) + ")", Human(r.DesiredValue), r.Method, orDash(r.QuotaCode)})
	}
	if len(g.rows) > 0 {
		if err := writeGrid(w, g, true, o); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s\n", paragraph(fmt.Sprintf("%s in %s. Lead time: %s", countNoun(len(rs.Requests), "request", "requests"), rs.Region, rs.LeadTime), o))
	if len(rs.CannotRaise) > 0 {
		fmt.Fprintf(w, "\nCannot be raised (no request fixes these):\n")
		for _, c := range rs.CannotRaise {
			fmt.Fprintln(w, paragraph(fmt.Sprintf("  %s: need %s, limit %s. %s", blockedName(c), Human(c.Required), Human(c.Limit), c.Note), o))
		}
	}
	return nil
}

package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// CSV: one row per check, catalogue row, request or changed field of a quotas
// diff, under a header of the JSON field names; null is an empty cell; lists are
// joined by spaces.

func writeCSV(w *bytes.Buffer, d report.Document) error {
	var header []string
	var rows [][]string
	switch b := d.Body.(type) {
	case *report.Result:
		header, rows = report.CheckFields, checkRows(b.Checks)
	case report.Catalogue:
		header = report.QuotaFields
		for _, q := range b.Quotas {
			rows = append(rows, quotaCSVRow(q))
		}
	case report.QuotaShow:
		header, rows = report.QuotaFields, [][]string{quotaCSVRow(b.Quota)}
	case report.QuotaDiff:
		header, rows = report.QuotaDiffFields, diffRecords(b)
	case *report.Requests:
		header, rows = report.RequestFields, requestRows(b)
	case *report.Listing:
		header, rows = listingCSV(b)
	case report.Version:
		header = []string{"schema_version", "command", "version", "commit", "date", "go_version"}
		rows = [][]string{{itoa(report.SchemaVersion), d.Command, b.Version, b.Commit, b.Date, b.GoVersion}}
	default:
		return unknownBody(CSV, d)
	}
	// WriteAll flushes; writes to a bytes.Buffer do not fail.
	return csv.NewWriter(w).WriteAll(append([][]string{header}, rows...))
}

func checkRows(checks []report.Check) [][]string {
	rows := make([][]string, 0, len(checks))
	for _, c := range checks {
		rows = append(rows, []string{
			c.ID, c.Name, deref(c.Instance), c.Service,
			Raw(c.Required), rawNum(c.Recommended), Raw(c.Limit), c.Unit, string(c.LimitSource), string(c.Edition),
			rawNum(c.UtilizationPct), string(c.Status), string(c.Adjustable), string(c.Level),
			deref(c.ServiceCode), deref(c.QuotaCode), c.Note,
		})
	}
	return rows
}

func rawNum(p *float64) string {
	if p == nil {
		return ""
	}
	return Raw(*p)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func quotaCSVRow(q report.QuotaRow) []string {
	return []string{q.ID, q.Name, q.Service, string(q.Kind), q.Scope, Raw(q.Default), q.Unit, rawNum(q.Burst),
		regionDefaults(q.RegionDefaults), string(q.Adjustable), string(q.Level), string(q.Edition), editionList(q.Editions), deref(q.ServiceCode), deref(q.QuotaCode),
		strings.Join(q.Operations, " "), q.Note}
}

// requestRows are the requests, then the limits that cannot be raised as rows
// with method cannot-raise (their note in the text column).
func requestRows(rs *report.Requests) [][]string {
	var out [][]string
	for _, r := range rs.Requests {
		out = append(out, []string{r.ID, r.Name, strings.Join(r.Instances, " "), Raw(r.Required), Raw(r.CurrentLimit), string(r.LimitSource),
			Raw(r.DesiredValue), r.Unit, r.Region, deref(r.ServiceCode), deref(r.QuotaCode), string(r.Level), deref(r.ContextID), r.Method, deref(r.Command), Covered(&r), r.Text})
	}
	for _, c := range rs.CannotRaise {
		out = append(out, []string{c.ID, c.Name, deref(c.Instance), Raw(c.Required), Raw(c.Limit), "", "", c.Unit, rs.Region, "", "", "", "", report.MethodCannotRaise, "", "", c.Note})
	}
	return out
}

// editionList writes editions space-separated, as operations are.
func editionList(es []tables.Edition) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return strings.Join(out, " ")
}

// diffRecords are a quotas diff's CSV records: one per changed field, one for a
// quota with no changes (added, removed or unchanged) with field, old and new
// empty.
func diffRecords(d report.QuotaDiff) [][]string {
	var out [][]string
	for _, r := range d.Quotas {
		head := []string{r.ID, r.Service, r.Name, string(r.Status), r.Unit, rawNum(r.OldDefault), rawNum(r.NewDefault)}
		if len(r.Changes) == 0 {
			out = append(out, append(head, "", "", ""))
			continue
		}
		for _, c := range r.Changes {
			rec := append(append([]string{}, head...), c.Field, rawValue(c.Old), rawValue(c.New))
			out = append(out, rec)
		}
	}
	return out
}

// rawValue writes a compared field's value as the catalogue's CSV does: numbers
// raw, null empty, region defaults as region=value, lists space-separated.
func rawValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return Raw(x)
	case string:
		return x
	case map[string]float64:
		return regionDefaults(x)
	case []string:
		return strings.Join(x, " ")
	}
	panic(fmt.Sprintf("render: a diff value of type %T", v))
}

package render

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// QuotaRow is one catalogue row as connectcap quotas writes it. Fields that mean
// the same as a check's carry the same names.
type QuotaRow struct {
	ID             string             `json:"id" yaml:"id"`
	Name           string             `json:"name" yaml:"name"`
	Service        string             `json:"service" yaml:"service"`
	Kind           tables.Kind        `json:"kind" yaml:"kind"`
	Scope          string             `json:"scope" yaml:"scope"`
	Default        float64            `json:"default" yaml:"default"`
	Unit           string             `json:"unit" yaml:"unit"`
	Burst          *float64           `json:"burst" yaml:"burst"`
	RegionDefaults map[string]float64 `json:"region_defaults" yaml:"region_defaults"`
	Adjustable     tables.Adjustable  `json:"adjustable" yaml:"adjustable"`
	ServiceCode    *string            `json:"service_code" yaml:"service_code"`
	QuotaCode      *string            `json:"quota_code" yaml:"quota_code"`
	Operations     []string           `json:"operations" yaml:"operations"`
	Note           string             `json:"note" yaml:"note"`
}

// QuotaFields are the QuotaRow field names in order: the CSV header.
var QuotaFields = []string{"id", "name", "service", "kind", "scope", "default", "unit", "burst", "region_defaults", "adjustable", "service_code", "quota_code", "operations", "note"}

// NewQuotaRow converts a catalogue row.
func NewQuotaRow(q tables.Quota) QuotaRow {
	r := QuotaRow{
		ID: q.ID, Name: q.Name, Service: q.Service, Kind: q.Kind, Scope: q.Scope,
		Default: q.Default, Unit: q.Unit, Adjustable: q.Adjustable,
		RegionDefaults: map[string]float64{}, Operations: []string{}, Note: q.Note,
	}
	if q.Burst > 0 {
		b := q.Burst
		r.Burst = &b
	}
	for k, v := range q.RegionDefaults {
		r.RegionDefaults[k] = v
	}
	r.Operations = append(r.Operations, q.Operations...)
	if q.ServiceCode != "" {
		s := q.ServiceCode
		r.ServiceCode = &s
	}
	if q.QuotaCode != "" {
		s := q.QuotaCode
		r.QuotaCode = &s
	}
	return r
}

type quotaList struct {
	SchemaVersion int        `json:"schema_version" yaml:"schema_version"`
	Command       string     `json:"command" yaml:"command"`
	Quotas        []QuotaRow `json:"quotas" yaml:"quotas"`
}

type quotaOne struct {
	SchemaVersion int      `json:"schema_version" yaml:"schema_version"`
	Command       string   `json:"command" yaml:"command"`
	Quota         QuotaRow `json:"quota" yaml:"quota"`
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

func quotaCSVRow(q QuotaRow) []string {
	burst := ""
	if q.Burst != nil {
		burst = Raw(*q.Burst)
	}
	return []string{q.ID, q.Name, q.Service, string(q.Kind), q.Scope, Raw(q.Default), q.Unit, burst,
		regionDefaults(q.RegionDefaults), string(q.Adjustable), rawValue(deref(q.ServiceCode)), rawValue(deref(q.QuotaCode)),
		strings.Join(q.Operations, " "), q.Note}
}

func humanDefault(q QuotaRow) string {
	s := withUnit(Human(q.Default), q.Unit)
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

// Quotas renders a list of catalogue rows.
func Quotas(w io.Writer, rows []QuotaRow, f Format) error {
	return view{
		data: quotaList{report.SchemaVersion, "quotas", rows},
		csv: func() ([]string, [][]string) {
			out := make([][]string, len(rows))
			for i, q := range rows {
				out[i] = quotaCSVRow(q)
			}
			return QuotaFields, out
		},
		people: func(b *bytes.Buffer, markdown bool) error {
			header := []string{"ID", "SERVICE", "SCOPE", "DEFAULT", "ADJUSTABLE", "QUOTA CODE", "NAME"}
			out := make([][]string, len(rows))
			for i, q := range rows {
				out[i] = []string{q.ID, q.Service, q.Scope, humanDefault(q), string(q.Adjustable), orDash(q.QuotaCode), q.Name}
			}
			if markdown {
				for i := range out {
					out[i][0] = "`" + out[i][0] + "`"
				}
				markdownTable(b, header, out, nil)
			} else if err := table(b, header, out, nil); err != nil {
				return err
			}
			noun := "quotas"
			if len(rows) == 1 {
				noun = "quota"
			}
			fmt.Fprintf(b, "\n%d %s\n", len(rows), noun)
			return nil
		},
	}.write(w, f)
}

// Quota renders one catalogue row with its note.
func Quota(w io.Writer, q QuotaRow, f Format) error {
	return view{
		data: quotaOne{report.SchemaVersion, "quotas show", q},
		csv:  func() ([]string, [][]string) { return QuotaFields, [][]string{quotaCSVRow(q)} },
		people: func(b *bytes.Buffer, markdown bool) error {
			rows := [][]string{
				{"id", q.ID}, {"name", q.Name}, {"service", q.Service}, {"kind", string(q.Kind)}, {"scope", q.Scope},
				{"default", withUnit(Human(q.Default), q.Unit)}, {"burst", orDashText(burstText(q))},
				{"region defaults", orDashText(regionDefaults(q.RegionDefaults))},
				{"adjustable", string(q.Adjustable)}, {"service code", orDash(q.ServiceCode)}, {"quota code", orDash(q.QuotaCode)},
				{"operations", orDashText(strings.Join(q.Operations, ", "))}, {"note", orDashText(q.Note)},
			}
			if markdown {
				markdownTable(b, []string{"field", "value"}, rows, nil)
				return nil
			}
			return table(b, nil, rows, nil)
		},
	}.write(w, f)
}

func burstText(q QuotaRow) string {
	if q.Burst == nil {
		return ""
	}
	return withUnit(Human(*q.Burst), q.Unit)
}

func orDashText(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

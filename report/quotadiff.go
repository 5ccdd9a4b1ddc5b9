package report

import (
	"reflect"

	"github.com/connectcap/connectcap/tables"
)

// DiffStatus says how a quota differs between two editions of the quotas page.
type DiffStatus string

const (
	// Added: only the new side (to, --to) has the row.
	Added DiffStatus = "added"
	// Removed: only the old side (from, --from) has the row.
	Removed DiffStatus = "removed"
	// Changed: both editions have the row and at least one compared field differs.
	Changed DiffStatus = "changed"
	// Unchanged: both editions have the row and every compared field is the same.
	Unchanged DiffStatus = "unchanged"
)

// FieldChange is one field of a quota that differs between the editions. Field is
// the QuotaRow field name; Old and New are the values as quota rows carry them in
// JSON: numbers raw, null for no value (burst, codes), region_defaults an object,
// operations a list.
type FieldChange struct {
	Field string `json:"field" yaml:"field"`
	Old   any    `json:"old" yaml:"old"`
	New   any    `json:"new" yaml:"new"`
}

// DiffRow is one quota id compared across two editions.
type DiffRow struct {
	ID string `json:"id" yaml:"id"`
	// Service and Name are the new edition's, or the old one's for a removed row.
	Service string     `json:"service" yaml:"service"`
	Name    string     `json:"name" yaml:"name"`
	Status  DiffStatus `json:"status" yaml:"status"`
	// Unit is the unit of the defaults: the new edition's, or the old one's for a
	// removed row (a change of unit is also listed in changes).
	Unit string `json:"unit" yaml:"unit"`
	// OldDefault and NewDefault are the row's default in each edition; null where
	// the edition has no such row.
	OldDefault *float64 `json:"old_default" yaml:"old_default"`
	NewDefault *float64 `json:"new_default" yaml:"new_default"`
	// Changes lists the fields that differ, in QuotaDiffCompared order; empty
	// unless the status is changed.
	Changes []FieldChange `json:"changes" yaml:"changes"`
}

// DiffCounts counts the quotas of a diff by status: every quota that matched the
// filters, including unchanged ones the output leaves out (without --all).
type DiffCounts struct {
	Changed   int `json:"changed" yaml:"changed"`
	Added     int `json:"added" yaml:"added"`
	Removed   int `json:"removed" yaml:"removed"`
	Unchanged int `json:"unchanged" yaml:"unchanged"`
}

// QuotaDiff is the body of connectcap quotas diff: two editions of the page
// compared row by row, by quota id. From is the old side and To the new one; the
// old and new of the rows and changes are their values.
type QuotaDiff struct {
	From    tables.Edition `json:"from" yaml:"from"`
	To      tables.Edition `json:"to" yaml:"to"`
	Summary DiffCounts     `json:"summary" yaml:"summary"`
	Quotas  []DiffRow      `json:"quotas" yaml:"quotas"`
}

// QuotaDiffFields are the CSV header of connectcap quotas diff: the DiffRow fields
// without changes, then one change's field, old and new. The CSV has one record
// per changed field; an added, removed or unchanged quota has one record with
// field, old and new empty.
var QuotaDiffFields = []string{"id", "service", "name", "status", "unit", "old_default", "new_default", "field", "old", "new"}

// QuotaDiffCompared are the QuotaRow fields a diff compares, in the order changes
// lists them. The note is left out: it is connectcap's commentary, reworded with
// each edition; quotas show --edition gives each edition's.
var QuotaDiffCompared = []string{"name", "service", "kind", "scope", "default", "unit", "region_defaults", "burst", "adjustable", "level", "service_code", "quota_code", "operations"}

// comparedValue is a QuotaRow field's value as a diff reports it: plain strings,
// float64, nil, map[string]float64 or []string.
func comparedValue(r QuotaRow, field string) any {
	switch field {
	case "name":
		return r.Name
	case "service":
		return r.Service
	case "kind":
		return string(r.Kind)
	case "scope":
		return r.Scope
	case "default":
		return r.Default
	case "unit":
		return r.Unit
	case "region_defaults":
		return r.RegionDefaults
	case "burst":
		if r.Burst == nil {
			return nil
		}
		return *r.Burst
	case "adjustable":
		return string(r.Adjustable)
	case "level":
		return string(r.Level)
	case "service_code":
		if r.ServiceCode == nil {
			return nil
		}
		return *r.ServiceCode
	case "quota_code":
		if r.QuotaCode == nil {
			return nil
		}
		return *r.QuotaCode
	case "operations":
		return r.Operations
	}
	panic("report: no compared field " + field)
}

// QuotaPair is one quota id in two editions; Old or New is nil where that edition
// has no row with the id.
type QuotaPair struct {
	ID       string
	Old, New *tables.Quota
}

// Pairs matches the rows of two editions by id, in the new side's page order. A
// row only the old side has goes where it stood among its service's rows: after
// the shared row of its service that precedes it on the old page; without one,
// before the new side's first row of its service (so a replaced row comes just
// before its replacements); for a service the new side lacks, after the shared
// row that precedes it, or first.
func Pairs(from, to *tables.Catalogue) []QuotaPair { return pairs(from.All(), to.All()) }

// pairs is Pairs on two editions' rows in page order.
func pairs(oldRows, newRows []tables.Quota) []QuotaPair {
	oldByID, newByID := map[string]tables.Quota{}, map[string]tables.Quota{}
	for _, q := range oldRows {
		oldByID[q.ID] = q
	}
	firstOfService := map[string]string{}
	for _, q := range newRows {
		newByID[q.ID] = q
		if _, seen := firstOfService[q.Service]; !seen {
			firstOfService[q.Service] = q.ID
		}
	}
	after := map[string][]QuotaPair{}  // shared id ("" for the start) → old-only rows that follow it
	before := map[string][]QuotaPair{} // new-side id → old-only rows that precede it
	lastShared, lastSharedOfService := "", map[string]string{}
	for _, q := range oldRows {
		if _, shared := newByID[q.ID]; shared {
			lastShared, lastSharedOfService[q.Service] = q.ID, q.ID
			continue
		}
		p := QuotaPair{ID: q.ID, Old: &q}
		if id, ok := lastSharedOfService[q.Service]; ok {
			after[id] = append(after[id], p)
		} else if id, ok := firstOfService[q.Service]; ok {
			before[id] = append(before[id], p)
		} else {
			after[lastShared] = append(after[lastShared], p)
		}
	}
	out := append([]QuotaPair{}, after[""]...)
	for _, q := range newRows {
		out = append(out, before[q.ID]...)
		p := QuotaPair{ID: q.ID, New: &q}
		if o, ok := oldByID[q.ID]; ok {
			p.Old = &o
		}
		out = append(out, p)
		out = append(out, after[q.ID]...)
	}
	return out
}

// NewDiffRow compares one pair field by field.
func NewDiffRow(p QuotaPair) DiffRow {
	d := DiffRow{ID: p.ID, Changes: []FieldChange{}}
	var oldRow, newRow QuotaRow
	if p.Old != nil {
		oldRow = NewQuotaRow(*p.Old)
		d.Service, d.Name, d.Unit = oldRow.Service, oldRow.Name, oldRow.Unit
		v := oldRow.Default
		d.OldDefault = &v
	}
	if p.New != nil {
		newRow = NewQuotaRow(*p.New)
		d.Service, d.Name, d.Unit = newRow.Service, newRow.Name, newRow.Unit
		v := newRow.Default
		d.NewDefault = &v
	}
	if p.Old == nil {
		d.Status = Added
		return d
	}
	if p.New == nil {
		d.Status = Removed
		return d
	}
	for _, f := range QuotaDiffCompared {
		o, n := comparedValue(oldRow, f), comparedValue(newRow, f)
		if !reflect.DeepEqual(o, n) {
			d.Changes = append(d.Changes, FieldChange{Field: f, Old: o, New: n})
		}
	}
	d.Status = Unchanged
	if len(d.Changes) > 0 {
		d.Status = Changed
	}
	return d
}

// NewQuotaDiff compares the pairs and counts them; unchanged rows are listed only
// with all, and counted either way.
func NewQuotaDiff(from, to tables.Edition, pairs []QuotaPair, all bool) QuotaDiff {
	d := QuotaDiff{From: from, To: to, Quotas: []DiffRow{}}
	for _, p := range pairs {
		r := NewDiffRow(p)
		switch r.Status {
		case Added:
			d.Summary.Added++
		case Removed:
			d.Summary.Removed++
		case Changed:
			d.Summary.Changed++
		case Unchanged:
			d.Summary.Unchanged++
			if !all {
				continue
			}
		}
		d.Quotas = append(d.Quotas, r)
	}
	return d
}

// Document wraps the diff.
func (d QuotaDiff) Document() Document {
	if d.Quotas == nil {
		d.Quotas = []DiffRow{}
	}
	return Document{Command: "quotas diff", Body: d}
}

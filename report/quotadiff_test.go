package report_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// A pair built by hand: every compared field differs but the id.
func TestNewDiffRowChangedFields(t *testing.T) {
	old := tables.Quota{ID: "test.row", Name: "Old name", Service: "connect", Kind: tables.Resource, Scope: "instance",
		Default: 50, Unit: "count", Adjustable: tables.No, Level: tables.LevelNotStated,
		RegionDefaults: map[string]float64{"us-east-1": 100}, Operations: []string{"A"}, Note: "old note"}
	newer := tables.Quota{ID: "test.row", Name: "New name", Service: "cases", Kind: tables.APIRate, Scope: "account",
		Default: 300, Unit: "requests/second", Adjustable: tables.Yes, Level: tables.AccountLevel, Burst: 8,
		ServiceCode: "connect", QuotaCode: "L-0000ABCD", Operations: []string{"A", "B"}, Note: "new note"}
	r := report.NewDiffRow(report.QuotaPair{ID: "test.row", Old: &old, New: &newer})
	if r.Status != report.Changed {
		t.Fatalf("status %s, want changed", r.Status)
	}
	want := []report.FieldChange{
		{Field: "name", Old: "Old name", New: "New name"},
		{Field: "service", Old: "connect", New: "cases"},
		{Field: "kind", Old: "resource", New: "api-rate"},
		{Field: "scope", Old: "instance", New: "account"},
		{Field: "default", Old: 50.0, New: 300.0},
		{Field: "unit", Old: "count", New: "requests/second"},
		{Field: "region_defaults", Old: map[string]float64{"us-east-1": 100}, New: map[string]float64{}},
		{Field: "burst", Old: nil, New: 8.0},
		{Field: "adjustable", Old: "no", New: "yes"},
		{Field: "level", Old: "not-stated", New: "account"},
		{Field: "service_code", Old: nil, New: "connect"},
		{Field: "quota_code", Old: nil, New: "L-0000ABCD"},
		{Field: "operations", Old: []string{"A"}, New: []string{"A", "B"}},
	}
	if !reflect.DeepEqual(r.Changes, want) {
		t.Errorf("changes:\n%#v\nwant\n%#v", r.Changes, want)
	}
	var fields []string
	for _, c := range r.Changes {
		fields = append(fields, c.Field)
	}
	if got := strings.Join(fields, ","); got != strings.Join(report.QuotaDiffCompared, ",") {
		t.Errorf("changed fields %s, want every compared field in order %v", got, report.QuotaDiffCompared)
	}
	if r.Service != "cases" || r.Name != "New name" || r.Unit != "requests/second" || *r.OldDefault != 50 || *r.NewDefault != 300 {
		t.Errorf("row takes the new side's service, name and unit, both defaults: %+v", r)
	}
}

// The note alone differing leaves a row unchanged: notes are not compared.
func TestNewDiffRowNoteIgnored(t *testing.T) {
	old := tables.Quota{ID: "test.row", Name: "A", Service: "connect", Default: 5, Unit: "count", Note: "old"}
	newer := old
	newer.Note = "new"
	r := report.NewDiffRow(report.QuotaPair{ID: old.ID, Old: &old, New: &newer})
	if r.Status != report.Unchanged || len(r.Changes) != 0 || r.Changes == nil {
		t.Errorf("status %s, changes %#v; want unchanged with an empty list", r.Status, r.Changes)
	}
}

func TestNewDiffRowOneSide(t *testing.T) {
	q := tables.Quota{ID: "test.one", Name: "One side", Service: "voice-id", Default: 7, Unit: "days"}
	added := report.NewDiffRow(report.QuotaPair{ID: q.ID, New: &q})
	if added.Status != report.Added || added.OldDefault != nil || *added.NewDefault != 7 || len(added.Changes) != 0 || added.Unit != "days" {
		t.Errorf("added: %+v", added)
	}
	removed := report.NewDiffRow(report.QuotaPair{ID: q.ID, Old: &q})
	if removed.Status != report.Removed || removed.NewDefault != nil || *removed.OldDefault != 7 || removed.Name != "One side" || removed.Service != "voice-id" {
		t.Errorf("removed: %+v", removed)
	}
}

func TestQuotaDiffCountsAndAll(t *testing.T) {
	a := tables.Quota{ID: "a", Default: 1}
	b := tables.Quota{ID: "b", Default: 2}
	b2 := tables.Quota{ID: "b", Default: 3}
	c := tables.Quota{ID: "c", Default: 4}
	pairs := []report.QuotaPair{{ID: "a", Old: &a, New: &a}, {ID: "b", Old: &b, New: &b2}, {ID: "c", New: &c}, {ID: "d", Old: &a}}
	d := report.NewQuotaDiff(tables.Edition2023, tables.Edition2026, pairs, false)
	if want := (report.DiffCounts{Changed: 1, Added: 1, Removed: 1, Unchanged: 1}); d.Summary != want {
		t.Errorf("summary %+v, want %+v", d.Summary, want)
	}
	if len(d.Quotas) != 3 || d.Quotas[0].ID != "b" {
		t.Errorf("without all, rows %+v", d.Quotas)
	}
	all := report.NewQuotaDiff(tables.Edition2023, tables.Edition2026, pairs, true)
	if all.Summary != d.Summary || len(all.Quotas) != 4 || all.Quotas[0].Status != report.Unchanged {
		t.Errorf("with all: %+v", all)
	}
	empty := report.NewQuotaDiff(tables.Edition2023, tables.Edition2026, nil, false).Document()
	out, err := json.Marshal(empty)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"schema_version":3,"command":"quotas diff","from":"2023","to":"2026","summary":{"changed":0,"added":0,"removed":0,"unchanged":0},"quotas":[]}`; string(out) != want {
		t.Errorf("empty diff JSON\n%s\nwant\n%s", out, want)
	}
}

func TestQuotaDiffKeys(t *testing.T) {
	q := tables.Quota{ID: "x", Default: 1}
	q2 := tables.Quota{ID: "x", Default: 2}
	d := report.NewQuotaDiff(tables.Edition2023, tables.Edition2026, []report.QuotaPair{{ID: "x", Old: &q, New: &q2}}, false)
	b, err := json.Marshal(d.Quotas[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonKeys(t, b), []string{"id", "service", "name", "status", "unit", "old_default", "new_default", "changes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("row keys %v, want %v", got, want)
	}
	// The CSV header is the row's keys with changes spread into field, old, new.
	if got := strings.Join(report.QuotaDiffFields, ","); got != "id,service,name,status,unit,old_default,new_default,field,old,new" {
		t.Errorf("QuotaDiffFields = %s", got)
	}
}

// The two editions' resource rows, compared: values from the 2023 page (the shared
// reference) and the current page (quota facts §6).
func TestPairsOfTheEditions(t *testing.T) {
	from, to := tables.In(tables.Edition2023), tables.In(tables.Edition2026)
	pairs := report.Pairs(from, to)
	seen := map[string]int{}
	for i, p := range pairs {
		if _, dup := seen[p.ID]; dup {
			t.Errorf("%s paired twice", p.ID)
		}
		seen[p.ID] = i
	}
	if len(pairs) != len(tables.Union()) {
		t.Errorf("%d pairs, %d ids in the editions", len(pairs), len(tables.Union()))
	}
	// The new side's rows keep their page order.
	last := -1
	for _, id := range to.IDs() {
		if seen[id] <= last {
			t.Errorf("%s out of the 2026 page order", id)
		}
		last = seen[id]
	}
	// A row the new page replaced comes just before its replacements.
	if seen["outbound-campaigns.campaigns"]+1 != seen["outbound-campaigns.active-campaigns"] {
		t.Errorf("outbound-campaigns.campaigns at %d, active-campaigns at %d", seen["outbound-campaigns.campaigns"], seen["outbound-campaigns.active-campaigns"])
	}
	// Removed rows stay among their service's.
	if seen["wisdom.knowledge-base-size"] != seen["wisdom.knowledge-bases"]+1 {
		t.Errorf("wisdom.knowledge-base-size does not follow wisdom.knowledge-bases")
	}

	rows := map[string]report.DiffRow{}
	for _, p := range pairs {
		rows[p.ID] = report.NewDiffRow(p)
	}
	change := func(id, field string) (report.FieldChange, bool) {
		for _, c := range rows[id].Changes {
			if c.Field == field {
				return c, true
			}
		}
		return report.FieldChange{}, false
	}
	for _, tc := range []struct {
		id, field string
		old, new  any
	}{
		{"connect.concurrent-active-chats", "default", 100.0, 500.0},
		{"connect.queues", "default", 50.0, 100.0},
		{"contact-lens.concurrent-realtime-calls", "default", 50.0, 300.0},
		{"contact-lens.concurrent-realtime-calls", "region_defaults", map[string]float64{"us-east-1": 100}, map[string]float64{}},
		{"connect.scheduled-reports", "default", 50.0, 100.0},
		{"connect.scheduled-reports", "adjustable", "no", "yes"},
	} {
		c, ok := change(tc.id, tc.field)
		if rows[tc.id].Status != report.Changed || !ok || !reflect.DeepEqual(c.Old, tc.old) || !reflect.DeepEqual(c.New, tc.new) {
			t.Errorf("%s %s: status %s, change %+v; want %v -> %v", tc.id, tc.field, rows[tc.id].Status, c, tc.old, tc.new)
		}
	}
	if r := rows["connect.concurrent-active-emails"]; r.Status != report.Added || *r.NewDefault != 1000 {
		t.Errorf("connect.concurrent-active-emails: %+v", r)
	}
	if r := rows["outbound-campaigns.campaigns"]; r.Status != report.Removed || *r.OldDefault != 25 {
		t.Errorf("outbound-campaigns.campaigns: %+v", r)
	}
	if r := rows["connect.concurrent-active-calls"]; r.Status != report.Unchanged {
		t.Errorf("connect.concurrent-active-calls (10 in both, only the note reworded): %+v", r)
	}
	// Swapping the sides swaps added and removed.
	back := map[string]report.DiffRow{}
	for _, p := range report.Pairs(to, from) {
		back[p.ID] = report.NewDiffRow(p)
	}
	if back["connect.concurrent-active-emails"].Status != report.Removed || back["outbound-campaigns.campaigns"].Status != report.Added {
		t.Errorf("2026 to 2023: emails %s, campaigns %s", back["connect.concurrent-active-emails"].Status, back["outbound-campaigns.campaigns"].Status)
	}
}

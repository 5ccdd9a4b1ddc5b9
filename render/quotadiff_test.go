package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// fixedDiff is a quotas diff built from rows written by hand, so that its golden
// files do not move with the catalogue: a changed row with several fields (a unit
// change among them), one with Region defaults dropped and codes added, an added,
// a removed and an unchanged row.
func fixedDiff(all bool) report.QuotaDiff {
	chatsOld := tables.Quota{ID: "test.chats", Name: "Concurrent chats per instance", Service: "connect", Kind: tables.Resource, Scope: "instance", Default: 100, Unit: "count", Adjustable: tables.No, Level: tables.ResourceLevel}
	chatsNew := chatsOld
	chatsNew.Default, chatsNew.Adjustable = 500, tables.Yes
	rtOld := tables.Quota{ID: "test.realtime-calls-with-a-long-identifier", Name: "Concurrent real-time calls with analytics", Service: "conversational-analytics", Kind: tables.Resource, Scope: "not-stated", Default: 50, Unit: "count", Adjustable: tables.Yes,
		RegionDefaults: map[string]float64{"us-east-1": 100, "eu-west-2": 75}}
	rtNew := rtOld
	rtNew.Scope, rtNew.Default, rtNew.RegionDefaults, rtNew.ServiceCode, rtNew.QuotaCode = "account", 300, nil, "connect", "L-0000ABCD"
	rateOld := tables.Quota{ID: "test.api", Name: "Rate limit, all APIs", Service: "agent-assist", Kind: tables.APIRate, Scope: "account", Default: 50, Unit: "count", Adjustable: tables.NotStated, Operations: []string{"GetThing"}}
	rateNew := rateOld
	rateNew.Default, rateNew.Unit, rateNew.Burst, rateNew.Operations = 10.5, "requests/second", 20, []string{"GetThing", "PutThing"}
	emails := tables.Quota{ID: "test.emails", Name: "Concurrent emails per instance", Service: "connect", Kind: tables.Resource, Scope: "instance", Default: 1000, Unit: "count", Adjustable: tables.Yes}
	campaigns := tables.Quota{ID: "test.campaigns", Name: "Campaigns", Service: "outbound-campaigns", Kind: tables.Resource, Scope: "not-stated", Default: 25, Unit: "count", Adjustable: tables.Yes}
	calls := tables.Quota{ID: "test.calls", Name: "Concurrent calls per instance", Service: "connect", Kind: tables.Resource, Scope: "instance", Default: 10, Unit: "count", Adjustable: tables.Yes}
	pairs := []report.QuotaPair{
		{ID: calls.ID, Old: &calls, New: &calls},
		{ID: chatsOld.ID, Old: &chatsOld, New: &chatsNew},
		{ID: emails.ID, New: &emails},
		{ID: rtOld.ID, Old: &rtOld, New: &rtNew},
		{ID: rateOld.ID, Old: &rateOld, New: &rateNew},
		{ID: campaigns.ID, Old: &campaigns},
	}
	return report.NewQuotaDiff(tables.Edition2023, tables.Edition2026, pairs, all)
}

func TestQuotaDiffGolden(t *testing.T) {
	d := fixedDiff(false).Document()
	for _, f := range goldenFormats {
		t.Run("quotas-diff/"+string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Write(&buf, d, f, render.Options{}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "quotas-diff."+ext(f)+".golden", buf.Bytes())
		})
	}
	widthGolden(t, "quotas-diff", d)
}

// One CSV record per changed field; one with field, old and new empty for a quota
// without changes. The expected records follow from fixedDiff's rows.
func TestQuotaDiffCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := render.Write(&buf, fixedDiff(true).Document(), render.CSV, render.Options{}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		report.QuotaDiffFields,
		{"test.calls", "connect", "Concurrent calls per instance", "unchanged", "count", "10", "10", "", "", ""},
		{"test.chats", "connect", "Concurrent chats per instance", "changed", "count", "100", "500", "default", "100", "500"},
		{"test.chats", "connect", "Concurrent chats per instance", "changed", "count", "100", "500", "adjustable", "no", "yes"},
		{"test.emails", "connect", "Concurrent emails per instance", "added", "count", "", "1000", "", "", ""},
		{"test.realtime-calls-with-a-long-identifier", "conversational-analytics", "Concurrent real-time calls with analytics", "changed", "count", "50", "300", "scope", "not-stated", "account"},
		{"test.realtime-calls-with-a-long-identifier", "conversational-analytics", "Concurrent real-time calls with analytics", "changed", "count", "50", "300", "default", "50", "300"},
		{"test.realtime-calls-with-a-long-identifier", "conversational-analytics", "Concurrent real-time calls with analytics", "changed", "count", "50", "300", "region_defaults", "eu-west-2=75 us-east-1=100", ""},
		{"test.realtime-calls-with-a-long-identifier", "conversational-analytics", "Concurrent real-time calls with analytics", "changed", "count", "50", "300", "service_code", "", "connect"},
		{"test.realtime-calls-with-a-long-identifier", "conversational-analytics", "Concurrent real-time calls with analytics", "changed", "count", "50", "300", "quota_code", "", "L-0000ABCD"},
		{"test.api", "agent-assist", "Rate limit, all APIs", "changed", "requests/second", "50", "10.5", "default", "50", "10.5"},
		{"test.api", "agent-assist", "Rate limit, all APIs", "changed", "requests/second", "50", "10.5", "unit", "count", "requests/second"},
		{"test.api", "agent-assist", "Rate limit, all APIs", "changed", "requests/second", "50", "10.5", "burst", "", "20"},
		{"test.api", "agent-assist", "Rate limit, all APIs", "changed", "requests/second", "50", "10.5", "operations", "GetThing", "GetThing PutThing"},
		{"test.campaigns", "outbound-campaigns", "Campaigns", "removed", "count", "25", "", "", "", ""},
	}
	if !reflect.DeepEqual(records, want) {
		t.Errorf("CSV records:\n%q\nwant\n%q", records, want)
	}
}

func TestQuotaDiffJSONAndYAML(t *testing.T) {
	d := fixedDiff(false).Document()
	var buf bytes.Buffer
	if err := render.Write(&buf, d, render.JSON, render.Options{}); err != nil {
		t.Fatal(err)
	}
	keys, vals := orderedKeys(t, buf.Bytes())
	if want := []string{"schema_version", "command", "from", "to", "summary", "quotas"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if got := string(vals["summary"]); strings.Join(strings.Fields(got), "") != `{"changed":3,"added":1,"removed":1,"unchanged":1}` {
		t.Errorf("summary %s", got)
	}
	var doc struct {
		Quotas []struct {
			ID         string   `json:"id"`
			OldDefault *float64 `json:"old_default"`
			Changes    []struct {
				Field    string
				Old, New any
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotas) != 5 {
		t.Fatalf("%d rows without --all, want 5 (the unchanged one left out)", len(doc.Quotas))
	}
	// Raw values: numbers, null, objects and lists, not text for people.
	rt := doc.Quotas[2].Changes
	if rt[1].Old != 50.0 || rt[1].New != 300.0 || !reflect.DeepEqual(rt[2].Old, map[string]any{"us-east-1": 100.0, "eu-west-2": 75.0}) || rt[3].Old != nil {
		t.Errorf("realtime row changes: %+v", rt)
	}
	if doc.Quotas[1].OldDefault != nil {
		t.Errorf("added row old_default %v, want null", *doc.Quotas[1].OldDefault)
	}
	buf.Reset()
	if err := render.Write(&buf, d, render.YAML, render.Options{}); err != nil {
		t.Fatal(err)
	}
	var y map[string]any
	if err := yaml.Unmarshal(buf.Bytes(), &y); err != nil {
		t.Fatal(err)
	}
	var j map[string]any
	buf.Reset()
	_ = render.Write(&buf, d, render.JSON, render.Options{})
	_ = json.Unmarshal(buf.Bytes(), &j)
	if yj, _ := json.Marshal(y); string(yj) != mustJSON(t, j) {
		t.Errorf("YAML and JSON carry different data:\n%s\n%s", yj, mustJSON(t, j))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// People see one line per changed field under the id, the defaults of rows
// without changes, and the count of each status.
func TestQuotaDiffPeople(t *testing.T) {
	out := writeDoc(t, fixedDiff(false).Document(), render.Table)
	lines := strings.Split(out, "\n")
	for _, re := range []string{
		`^ID +STATUS +FIELD +OLD \(2023\) +NEW \(2026\)$`,
		`^test\.chats +changed +default +100 +500$`,
		`^ +adjustable +no +yes$`,
		`^test\.emails +added +default +- +1000$`,
		`^test\.campaigns +removed +default +25 +-$`,
		`^ +region_defaults +eu-west-2=75 us-east-1=100 +-$`,
		`^test\.api +changed +default +50 +10\.5 requests/second$`,
		`^ +unit +count +requests/second$`,
		`^ +burst +- +20 requests/second$`,
		`^ +operations +GetThing +GetThing, PutThing$`,
		`^2023 to 2026: 3 changed, 1 added, 1 removed, 1 unchanged \(not listed; --all lists them\)$`,
	} {
		if !regexpLine(lines, re) {
			t.Errorf("table has no line %s:\n%s", re, out)
		}
	}
	if strings.Contains(out, "test.calls") {
		t.Errorf("an unchanged row is listed without --all:\n%s", out)
	}
	all := writeDoc(t, fixedDiff(true).Document(), render.Table)
	if !regexpLine(strings.Split(all, "\n"), `^test\.calls +unchanged +default +10 +10$`) || !strings.HasSuffix(all, "1 unchanged\n") {
		t.Errorf("with --all:\n%s", all)
	}
	md := writeDoc(t, fixedDiff(false).Document(), render.Markdown)
	for _, s := range []string{"| ID | STATUS | FIELD | OLD (2023) | NEW (2026) |", "| `test.chats` | changed | default | 100 | 500 |", "|  |  | adjustable | no | yes |", "\n2023 to 2026: 3 changed"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown has no %q:\n%s", s, md)
		}
	}
}

// An empty diff is its count alone, in the people's formats; the machines' have
// an empty list.
func TestQuotaDiffEmpty(t *testing.T) {
	d := report.NewQuotaDiff(tables.Edition2026, tables.Edition2023, nil, false).Document()
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if got, want := writeDoc(t, d, f), "\n2026 to 2023: 0 changed, 0 added, 0 removed, 0 unchanged\n"; got != want {
			t.Errorf("%s = %q, want %q", f, got, want)
		}
	}
	if got := writeDoc(t, d, render.CSV); got != strings.Join(report.QuotaDiffFields, ",")+"\n" {
		t.Errorf("CSV = %q", got)
	}
	if got := writeDoc(t, d, render.JSON); !strings.Contains(got, `"quotas": []`) {
		t.Errorf("JSON = %s", got)
	}
	if err := render.Write(&bytes.Buffer{}, d, render.Sh, render.Options{}); err == nil {
		t.Errorf("sh renders a diff")
	}
}

// A catalogue row on one edition only is marked for people; the machines carry
// editions.
func TestQuotasOneEditionMarker(t *testing.T) {
	only := report.QuotaRow{ID: "test.only", Name: "Only here", Service: "connect", Default: 1, Unit: "count", Adjustable: tables.Yes,
		Edition: tables.Edition2026, Editions: []tables.Edition{tables.Edition2026}}
	both := report.QuotaRow{ID: "test.both", Name: "In both", Service: "connect", Default: 2, Unit: "count", Adjustable: tables.Yes,
		Edition: tables.Edition2023, Editions: []tables.Edition{tables.Edition2026, tables.Edition2023}}
	d := report.Catalogue{Quotas: []report.QuotaRow{only, both}}.Document()
	for _, f := range []render.Format{render.Table, render.Markdown} {
		out := writeDoc(t, d, f)
		if !strings.Contains(out, "Only here (2026 only)") || strings.Contains(out, "In both (") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
	if csvOut := writeDoc(t, d, render.CSV); !strings.Contains(csvOut, ",2026,2026,") || !strings.Contains(csvOut, ",2023,2026 2023,") || strings.Contains(csvOut, "2026 only") {
		t.Errorf("CSV edition, editions:\n%s", csvOut)
	}
	for row, want := range map[*report.QuotaRow]string{&only: `^edition +2026 only$`, &both: `^edition +2023 \(also 2026\)$`} {
		out := writeDoc(t, report.QuotaShow{Quota: *row}.Document(), render.Table)
		if !regexpLine(strings.Split(out, "\n"), want) {
			t.Errorf("quotas show %s has no line %s:\n%s", row.ID, want, out)
		}
	}
}

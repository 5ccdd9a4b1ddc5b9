package render_test

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

// writeDoc renders d in f; tables as with --wide, so that a line is never wrapped.
func writeDoc(t *testing.T, d report.Document, f render.Format) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Write(&buf, d, f, render.Options{Wide: true}); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return buf.String()
}

func TestVersionFormats(t *testing.T) {
	v := report.Version{Version: "1.2.3", Commit: "abc123", Date: "2026-01-02", GoVersion: "go1.26"}
	d := report.Document{Command: "version", Body: v}
	for f, want := range map[render.Format]string{
		render.Table:    "connectcap version 1.2.3\ncommit: abc123\ndate: 2026-01-02\ngo: go1.26\n",
		render.CSV:      "schema_version,command,version,commit,date,go_version\n3,version,1.2.3,abc123,2026-01-02,go1.26\n",
		render.Markdown: "| version | commit | date | go_version |\n| --- | --- | --- | --- |\n| 1.2.3 | abc123 | 2026-01-02 | go1.26 |\n",
		render.JSON:     "{\n  \"schema_version\": 3,\n  \"command\": \"version\",\n  \"version\": \"1.2.3\",\n  \"commit\": \"abc123\",\n  \"date\": \"2026-01-02\",\n  \"go_version\": \"go1.26\"\n}\n",
		render.YAML:     "schema_version: 3\ncommand: version\nversion: 1.2.3\ncommit: abc123\ndate: \"2026-01-02\"\ngo_version: go1.26\n", // a date unquoted would read back as a timestamp
	} {
		if got := writeDoc(t, d, f); got != want {
			t.Errorf("%s:\n%q\nwant\n%q", f, got, want)
		}
	}
	if got := render.VersionText(v); got != "connectcap version 1.2.3\ncommit: abc123\ndate: 2026-01-02\ngo: go1.26\n" {
		t.Errorf("VersionText = %q", got)
	}
}

// A body no renderer knows is a programming error, reported, with nothing written.
func TestUnknownBody(t *testing.T) {
	d := report.Document{Command: "odd", Body: 42}
	for _, f := range []render.Format{render.Table, render.Markdown, render.CSV} {
		var buf bytes.Buffer
		err := render.Write(&buf, d, f, render.Options{})
		if want := fmt.Sprintf("output format %s: nothing renders a int (command odd)", f); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", f, err, want)
		}
		if buf.Len() > 0 {
			t.Errorf("%s wrote %q", f, buf.String())
		}
	}
	// JSON and YAML say what is wrong with the body, not what it made the encoder do.
	for f, want := range map[render.Format]string{render.JSON: "document body int is not an object", render.YAML: "document body int is not a mapping"} {
		var buf bytes.Buffer
		if err := render.Write(&buf, d, f, render.Options{}); err == nil || !strings.Contains(err.Error(), want) || buf.Len() > 0 {
			t.Errorf("%s: %v, wrote %q; want an error saying %q", f, err, buf.String(), want)
		}
	}
	var buf bytes.Buffer
	err := render.Write(&buf, d, render.Sh, render.Options{})
	if want := "output format sh is for connectcap request only; accepted here: table, json, csv, yaml, markdown"; err == nil || err.Error() != want {
		t.Errorf("sh: %v", err)
	}
	err = render.Write(&buf, d, "xml", render.Options{})
	if want := `unknown output format "xml"; accepted: table, json, csv, yaml, markdown`; err == nil || err.Error() != want {
		t.Errorf("xml: %v", err)
	}
}

func TestRequestFormats(t *testing.T) {
	if got := strings.Join(render.RequestFormats, ","); got != "sh,table,json,csv,yaml,markdown" {
		t.Errorf("RequestFormats = %s", got)
	}
	if f, ok := render.ParseFormat("sh"); !ok || f != render.Sh {
		t.Errorf("ParseFormat(sh) = %q, %v", f, ok)
	}
}

// plan --only-actions with nothing to do: the people's views say so; without
// hidden checks they say nothing.
func TestNothingToDo(t *testing.T) {
	r := report.New("plan", "Plan")
	r.Inputs.Add("region", "us-east-1", "Region", "")
	r.Hidden = 3
	const msg = "Nothing to do: none of the 3 checks needs an increase or exceeds a hard limit (some may warn: drop --only-actions to see them)."
	for _, f := range []render.Format{render.Table, render.Markdown} {
		out := writeDoc(t, r.Document(), f)
		if !strings.Contains(out, "\n"+msg+"\n") {
			t.Errorf("%s:\n%s", f, out)
		}
		if strings.Contains(out, "more checks") {
			t.Errorf("%s counts hidden checks again:\n%s", f, out)
		}
	}
	r.Hidden = 0
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if out := writeDoc(t, r.Document(), f); strings.Contains(out, "Nothing to do") || strings.Contains(out, "more checks") {
			t.Errorf("%s with nothing hidden:\n%s", f, out)
		}
	}
}

// Hidden checks are counted under the summary, in both people's views; none
// hidden, nothing is said.
func TestHiddenCount(t *testing.T) {
	r := fixedResult()
	r.Hidden = 1
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if out := writeDoc(t, r.Document(), f); !strings.Contains(out, "1 hard-limit\n(1 more checks, ok or warn, are not shown)\n") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
	r.Hidden = 0
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if out := writeDoc(t, r.Document(), f); strings.Contains(out, "more checks") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
	// Markdown says the figures are left out with --only-actions.
	r.OnlyActions = true
	out := writeDoc(t, r.Document(), render.Markdown)
	if !strings.Contains(out, "\nFigures are left out with --only-actions: most belong to checks not shown.\n") || strings.Contains(out, "### Figures") {
		t.Errorf("markdown --only-actions:\n%s", out)
	}
	// With no figures, neither view mentions them.
	r.Figures = report.Fields{}
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if out := writeDoc(t, r.Document(), f); strings.Contains(out, "Figures") {
			t.Errorf("%s without figures:\n%s", f, out)
		}
	}
}

// Up to 8 checks, the table lists every note; from 9, only those of checks that
// need attention, and says where the others are.
func TestNotesOfManyChecks(t *testing.T) {
	mk := func(n int, status report.Status) *report.Result {
		r := report.New("plan", "Plan")
		for i := 0; i < n; i++ {
			r.Checks = append(r.Checks, report.Check{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Check %d", i), Unit: "count",
				Status: status, Note: fmt.Sprintf("note %d", i)})
		}
		r.Checks[0].Status = report.Warn
		return r
	}
	out := tableOf(t, mk(8, report.OK), render.Options{Wide: true})
	if !strings.Contains(out, "  Check 7: note 7\n") || strings.Contains(out, "(notes of") {
		t.Errorf("8 checks:\n%s", out)
	}
	out = tableOf(t, mk(9, report.OK), render.Options{Wide: true})
	if !strings.Contains(out, "\nNotes\n  Check 0: note 0\n(notes of 8 ok checks: -o markdown, json, yaml or csv)\n") || strings.Contains(out, "note 8") {
		t.Errorf("9 checks:\n%s", out)
	}
	r := mk(9, report.OK)
	r.Checks[8].Status = report.Untouch
	out = tableOf(t, r, render.Options{Wide: true})
	if !strings.HasSuffix(out, "\n(notes of 8 ok or untouched checks: -o markdown, json, yaml or csv)\n") {
		t.Errorf("9 checks, one untouched:\n%s", out)
	}
	// Only ok checks with notes, and many: no Notes heading at all.
	r = mk(9, report.OK)
	r.Checks[0].Status, r.Checks[0].Note = report.OK, ""
	out = tableOf(t, r, render.Options{Wide: true})
	if strings.Contains(out, "\nNotes\n") || !strings.HasSuffix(out, "\n(notes of 8 ok checks: -o markdown, json, yaml or csv)\n") {
		t.Errorf("9 ok checks:\n%s", out)
	}
}

// Five instances are all named; six are four and a count.
func TestNoteInstances(t *testing.T) {
	for n, want := range map[int]string{
		5: "  Users [i0, i1, i2, i3, i4]: n\n",
		6: "  Users [i0, i1, i2, i3 and 2 more instances]: n\n",
	} {
		r := report.New("plan", "Plan")
		for i := 0; i < n; i++ {
			inst := fmt.Sprintf("i%d", i)
			r.Checks = append(r.Checks, report.Check{ID: "u", Name: "Users", Instance: &inst, Unit: "count", Status: report.Warn, Note: "n"})
		}
		if out := tableOf(t, r, render.Options{Wide: true}); !strings.Contains(out, want) {
			t.Errorf("%d instances: no %q in\n%s", n, want, out)
		}
	}
}

func TestHumanEdges(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{1, "1"}, {-1, "-1"}, {1e15, "1000000000000000"}, {-2.5e15, "-2500000000000000"},
		{1.005, "1"}, {0.9999, "0.9999"}, {0.99999, "1"}, {1e-4, "0.0001"}, {9.99e-5, "9.990e-05"},
		{0.0123456, "0.01235"}, {0.5, "0.5"}, {-0.25, "-0.25"}, {math.Inf(-1), "-Inf"},
	} {
		if got := render.Human(tc.in); got != tc.want {
			t.Errorf("Human(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := render.HumanValue(int64(12)); got != "12" {
		t.Errorf("HumanValue(int64) = %q", got)
	}
}

// An account check keeps its own note line even when instance checks of the
// same name carry the same note.
func TestNoteAccountApart(t *testing.T) {
	r := report.New("plan", "Plan")
	a, b := "a", "b"
	for _, inst := range []*string{&a, nil, &b} {
		r.Checks = append(r.Checks, report.Check{ID: "x", Name: "Flows", Instance: inst, Unit: "count", Status: report.Warn, Note: "n"})
	}
	out := tableOf(t, r, render.Options{Wide: true})
	if !strings.Contains(out, "\nNotes\n  Flows [a, b]: n\n  Flows: n\n") {
		t.Errorf("notes:\n%s", out)
	}
}

// Notes of different text under one name are separate lines, each naming its own
// instances.
func TestNotesPerText(t *testing.T) {
	r := report.New("plan", "Plan")
	a, b, c := "a", "b", "c"
	for _, ch := range []struct {
		inst *string
		note string
	}{{&a, "one"}, {&b, "two"}, {&c, "one"}} {
		r.Checks = append(r.Checks, report.Check{ID: "x", Name: "Flows", Instance: ch.inst, Unit: "count", Status: report.Warn, Note: ch.note})
	}
	if out := tableOf(t, r, render.Options{Wide: true}); !strings.Contains(out, "\nNotes\n  Flows [a, c]: one\n  Flows [b]: two\n") {
		t.Errorf("notes:\n%s", out)
	}
}

// A checks table too wide for the terminal abbreviates its units first.
func TestCheckUnitsNarrow(t *testing.T) {
	r := report.New("calls", "API rate")
	r.Checks = []report.Check{{ID: "connect.api-rate", Name: "Rate of GetCurrentMetricData API requests", Required: 6, Limit: 5,
		Recommended: ptr(8), Unit: "requests/second", LimitSource: report.FromDefault, UtilizationPct: ptr(120), Status: report.HardLimit}}
	wide := tableOf(t, r, render.Options{Wide: true})
	if !regexpLine(strings.Split(wide, "\n"), `^Rate of GetCurrentMetricData API requests +6 requests/second +5 requests/second +default +120.0 % +HARD-LIMIT +8 requests/second +connect.api-rate$`) {
		t.Errorf("wide:\n%s", wide)
	}
	narrow := tableOf(t, r, render.Options{Width: 70})
	if !strings.Contains(narrow, " 6 req/s  ") || !strings.Contains(narrow, " 5 req/s  ") || strings.Contains(narrow, "requests/second") {
		t.Errorf("at 70 columns:\n%s", narrow)
	}
}

// Region defaults are listed by Region code, whatever the map's order.
func TestRegionDefaultsSorted(t *testing.T) {
	row := report.QuotaRow{ID: "t.row", Name: "Row", Default: 1, Unit: "count", RegionDefaults: map[string]float64{
		"us-west-2": 6, "eu-west-2": 5, "ap-southeast-1": 4, "ca-central-1": 3, "af-south-1": 2, "us-east-1": 1.5}}
	const want = "af-south-1=2 ap-southeast-1=4 ca-central-1=3 eu-west-2=5 us-east-1=1.5 us-west-2=6"
	out := writeDoc(t, report.QuotaShow{Quota: row}.Document(), render.CSV)
	if !strings.Contains(out, ","+want+",") {
		t.Errorf("CSV:\n%s\nwant %q", out, want)
	}
	if out := writeDoc(t, report.Catalogue{Quotas: []report.QuotaRow{row}}.Document(), render.Table); !strings.Contains(out, "1 ("+want+")") {
		t.Errorf("table:\n%s", out)
	}
}

package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// limitZeroResult has a need of a quota whose default is 0 (15 concurrent
// campaign calls), no need of another (external voice connectors), and an
// ordinary check: the first has no utilization percentage.
func limitZeroResult(t *testing.T) *report.Result {
	t.Helper()
	r := report.New("plan", "Plan")
	inst := "outbound"
	cat := tables.In(tables.Edition2026)
	calls := cat.MustLookup("outbound-campaigns.concurrent-calls")
	c := report.NewCheck(calls, 15, report.DefaultLimit(calls, "us-east-1"), 80, "The default is 0: campaigns cannot place calls until this quota is raised.")
	c.Instance = &inst
	connectors := cat.MustLookup("contact-lens.external-voice-connectors")
	queues := cat.MustLookup("connect.queues")
	r.Checks = append(r.Checks, c,
		report.NewCheck(connectors, 0, report.DefaultLimit(connectors, "us-east-1"), 80, ""),
		report.NewCheck(queues, 30, report.Limit{Value: 50, Source: report.FromDefault}, 80, ""))
	return r
}

// TestLimitZeroEveryFormat: a need of a limit of 0 renders in every format, with
// its utilization null in JSON and YAML, an empty cell in CSV and "-" for people,
// and its status increase and recommended value everywhere.
func TestLimitZeroEveryFormat(t *testing.T) {
	r := limitZeroResult(t)
	out := map[render.Format]string{}
	for _, f := range render.Formats {
		var buf bytes.Buffer
		if err := render.Write(&buf, r.Document(), render.Format(f), render.Options{Wide: true}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if s := buf.String(); strings.Contains(s, "Inf") || strings.Contains(s, "NaN") {
			t.Errorf("%s has Inf or NaN:\n%s", f, s)
		}
		out[render.Format(f)] = buf.String()
	}

	var doc struct {
		Checks []map[string]json.RawMessage `json:"checks"`
	}
	if err := json.Unmarshal([]byte(out[render.JSON]), &doc); err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct{ utilization, recommended, status string }{
		{"null", "19", `"increase"`}, // 15 / 0.8 = 18.75
		{"0", "null", `"ok"`},
		{"60", "null", `"ok"`},
	} {
		c := doc.Checks[i]
		if string(c["utilization_pct"]) != want.utilization || string(c["recommended"]) != want.recommended || string(c["status"]) != want.status {
			t.Errorf("JSON check %d: utilization_pct %s, recommended %s, status %s; want %s, %s, %s",
				i, c["utilization_pct"], c["recommended"], c["status"], want.utilization, want.recommended, want.status)
		}
	}

	var y struct {
		Checks []map[string]any `yaml:"checks"`
	}
	if err := yaml.Unmarshal([]byte(out[render.YAML]), &y); err != nil {
		t.Fatal(err)
	}
	if v, ok := y.Checks[0]["utilization_pct"]; !ok || v != nil {
		t.Errorf("YAML utilization_pct = %v (present %v), want null", v, ok)
	}
	if !strings.Contains(out[render.YAML], "    utilization_pct: null\n") {
		t.Errorf("YAML does not write utilization_pct: null:\n%s", out[render.YAML])
	}

	rows, err := csv.NewReader(strings.NewReader(out[render.CSV])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, want := range [][3]string{{"", "19", "increase"}, {"0", "", "ok"}, {"60", "", "ok"}} {
		row := rows[i+1]
		if got := [3]string{row[col["utilization_pct"]], row[col["recommended"]], row[col["status"]]}; got != want {
			t.Errorf("CSV row %d: utilization_pct, recommended, status = %q, want %q", i+1, got, want)
		}
	}

	// People: "-" in the used column, the status and the value to request.
	table := regexp.MustCompile(`Concurrent campaign active calls per\s.*\s15\s+0\s+default 2026\s+-\s+INCREASE\s+19\s`)
	if !table.MatchString(out[render.Table]) {
		t.Errorf("table row of 15 of 0 is not 15, 0, -, INCREASE, 19:\n%s", out[render.Table])
	}
	if !regexp.MustCompile(`External voice analytics\s.*\s0\s+0\s+default 2026\s+0\.0 %\s+ok\s`).MatchString(out[render.Table]) {
		t.Errorf("table row of 0 of 0 is not 0.0 %% ok:\n%s", out[render.Table])
	}
	if !regexp.MustCompile(`\| 15 \| 0 \|[^|\n]*\| - \| \*\*INCREASE\*\* \| 19 \|`).MatchString(out[render.Markdown]) {
		t.Errorf("Markdown row of 15 of 0 is not 15 | 0 | ... | - | INCREASE | 19:\n%s", out[render.Markdown])
	}
}

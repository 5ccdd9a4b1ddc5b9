package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// checkHeader is the CSV header the issue fixes, in its order.
const checkHeader = "id,name,instance,service,required,recommended,limit,unit,limit_source,edition,utilization_pct,status,adjustable,level,service_code,quota_code,note"

func str(s string) *string { return &s }

// fixedResult is a result with one check of each status, built by hand so these
// tests do not depend on the models or the catalogue.
func fixedResult() *report.Result {
	r := report.New("calls", "Concurrent active calls (test)")
	r.Inputs.Add("calls_per_hour", 1200.0, "inbound calls per hour", "")
	r.Inputs.Add("duration_minutes", 6.5, "minutes per call", "minutes")
	r.Inputs.Add("region", nil, "Region", "")
	r.Inputs.Add("target_utilization_pct", 80.0, "target utilization", "%")
	r.Figures.Add("offered_load_erlangs", 130.0, "offered load", "erlangs")
	r.Figures.Add("blocking_at_limit", 0.917391, "blocking at the limit", "")
	r.Figures.Add("max_calls_per_hour_at_limit", 1e21, "", "")
	r.Checks = []report.Check{
		{
			ID: "test.ok", Name: "Quota that fits", Service: "connect",
			Required: 21, Recommended: nil, Limit: 40, LimitSource: report.FromEnv,
			UtilizationPct: ptr(52.5), Status: report.OK, Adjustable: tables.Yes,
			ServiceCode: str("connect"), QuotaCode: str("L-12AB7C57"), Note: "", Unit: "count",
		},
		{
			ID: "test.warn", Name: "Quota near its limit", Service: "contact-lens",
			Required: 200, Recommended: ptr(250), Limit: 200, LimitSource: report.FromDefault,
			UtilizationPct: ptr(100), Status: report.Warn, Adjustable: tables.Yes,
			Note: `A note with a comma, a "quote" and a | pipe`, Unit: "count",
		},
		{
			ID: "test.increase", Name: "Quota to raise", Service: "connect",
			Required: 1234567, Recommended: ptr(1543209), Limit: 150, LimitSource: report.FromFlag,
			UtilizationPct: ptr(823044.6666666666), Status: report.Increase, Adjustable: tables.NotStated,
			Note: "two\nlines", Unit: "count",
		},
		{
			ID: "test.hard", Name: "Quota that cannot be raised", Service: "connect",
			Required: 7, Recommended: nil, Limit: 6, LimitSource: report.FromRegionDefault,
			UtilizationPct: ptr(116.66666666666667), Status: report.HardLimit, Adjustable: tables.No,
			Note: "Not adjustable.", Unit: "days",
		},
	}
	return r
}

func writeResult(w io.Writer, r *report.Result, f render.Format) error {
	return render.Write(w, r.Document(), f, render.Options{})
}

func writeQuotas(w io.Writer, rows []report.QuotaRow, f render.Format) error {
	return render.Write(w, report.Catalogue{Quotas: rows}.Document(), f, render.Options{})
}

func writeQuota(w io.Writer, row report.QuotaRow, f render.Format) error {
	return render.Write(w, report.QuotaShow{Quota: row}.Document(), f, render.Options{})
}

func renderString(t *testing.T, r *report.Result, f render.Format) string {
	t.Helper()
	var buf bytes.Buffer
	if err := writeResult(&buf, r, f); err != nil {
		t.Fatalf("render %s: %v", f, err)
	}
	return buf.String()
}

// orderedKeys returns the keys of the JSON object read from dec, in order, and the
// raw value of each.
func orderedKeys(t *testing.T, data []byte) ([]string, map[string]json.RawMessage) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %s", data)
	}
	var keys []string
	vals := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		key := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key)
		vals[key] = raw
	}
	return keys, vals
}

func TestResultJSONKeyOrder(t *testing.T) {
	out := renderString(t, fixedResult(), render.JSON)
	keys, vals := orderedKeys(t, []byte(out))
	if want := []string{"schema_version", "command", "inputs", "figures", "checks"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("top-level keys = %v, want %v", keys, want)
	}
	if string(vals["schema_version"]) != "3" {
		t.Errorf("schema_version = %s, want 3", vals["schema_version"])
	}
	if string(vals["command"]) != `"calls"` {
		t.Errorf("command = %s", vals["command"])
	}
	inKeys, inVals := orderedKeys(t, vals["inputs"])
	if want := []string{"calls_per_hour", "duration_minutes", "region", "target_utilization_pct"}; !reflect.DeepEqual(inKeys, want) {
		t.Errorf("input keys = %v, want %v (the order they were added)", inKeys, want)
	}
	if string(inVals["region"]) != "null" {
		t.Errorf("region = %s, want null", inVals["region"])
	}
	figKeys, figVals := orderedKeys(t, vals["figures"])
	if want := []string{"offered_load_erlangs", "blocking_at_limit", "max_calls_per_hour_at_limit"}; !reflect.DeepEqual(figKeys, want) {
		t.Errorf("figure keys = %v, want %v", figKeys, want)
	}
	if got := string(figVals["blocking_at_limit"]); got != "0.917391" {
		t.Errorf("blocking_at_limit = %s, want the raw number 0.917391", got)
	}

	var checks []json.RawMessage
	if err := json.Unmarshal(vals["checks"], &checks); err != nil {
		t.Fatal(err)
	}
	if len(checks) != 4 {
		t.Fatalf("%d checks, want 4", len(checks))
	}
	for i, c := range checks {
		keys, cv := orderedKeys(t, c)
		if strings.Join(keys, ",") != checkHeader {
			t.Errorf("check %d keys = %s, want %s", i, strings.Join(keys, ","), checkHeader)
		}
		if i == 3 {
			for _, k := range []string{"recommended", "service_code", "quota_code"} {
				if string(cv[k]) != "null" {
					t.Errorf("hard-limit check %s = %s, want null", k, cv[k])
				}
			}
		}
	}
	for _, hidden := range []string{"Title", "title", "Unit", "Concurrent active calls (test)", "Label", "inbound calls per hour"} {
		if strings.Contains(out, hidden) {
			t.Errorf("JSON carries %q, which is for people only", hidden)
		}
	}
}

func TestCheckFields(t *testing.T) {
	if got := strings.Join(report.CheckFields, ","); got != checkHeader {
		t.Errorf("report.CheckFields = %s, want %s", got, checkHeader)
	}
	// The JSON tags of report.Check are the same names in the same order; a
	// field written only where it applies (omitempty: default, on the account's
	// checks) is not a CSV column, and its value is in the note too.
	var tags []string
	ct := reflect.TypeOf(report.Check{})
	for i := 0; i < ct.NumField(); i++ {
		tag, opts, _ := strings.Cut(ct.Field(i).Tag.Get("json"), ",")
		if tag != "-" && tag != "" && opts != "omitempty" {
			tags = append(tags, tag)
		}
	}
	if got := strings.Join(tags, ","); got != checkHeader {
		t.Errorf("report.Check JSON tags = %s, want %s", got, checkHeader)
	}
}

// rawJSON formats a decoded JSON value as the CSV writes it.
func rawJSON(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case json.Number:
		f, _ := x.Float64()
		return strconv.FormatFloat(f, 'f', -1, 64)
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func TestResultCSV(t *testing.T) {
	r := fixedResult()
	out := renderString(t, r, render.CSV)
	if first, _, _ := strings.Cut(out, "\n"); first != checkHeader {
		t.Fatalf("CSV header = %q, want %q", first, checkHeader)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, out)
	}
	if len(records) != 1+len(r.Checks) {
		t.Fatalf("%d CSV records, want a header and %d rows", len(records), len(r.Checks))
	}

	// Every CSV cell is the JSON value of the same field, raw.
	dec := json.NewDecoder(strings.NewReader(renderString(t, r, render.JSON)))
	dec.UseNumber()
	var doc struct {
		Checks []map[string]any `json:"checks"`
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	for i, row := range records[1:] {
		for j, name := range records[0] {
			if want := rawJSON(doc.Checks[i][name]); row[j] != want {
				t.Errorf("row %d %s = %q, JSON has %q", i, name, row[j], want)
			}
		}
	}

	want := map[string]string{"required": "1234567", "recommended": "1543209", "utilization_pct": "823044.6666666666", "status": "increase", "adjustable": "not-stated", "note": "two\nlines"}
	for j, name := range records[0] {
		if w, ok := want[name]; ok && records[3][j] != w {
			t.Errorf("increase row %s = %q, want %q", name, records[3][j], w)
		}
	}
	hard := records[4]
	for j, name := range records[0] {
		switch name {
		case "recommended", "service_code", "quota_code":
			if hard[j] != "" {
				t.Errorf("hard-limit row %s = %q, want empty", name, hard[j])
			}
		case "limit_source":
			if hard[j] != "region-default" {
				t.Errorf("hard-limit row limit_source = %q", hard[j])
			}
		}
	}
	if strings.Contains(out, "Concurrent active calls (test)") || strings.Contains(out, "offered_load") {
		t.Errorf("CSV has more than the checks:\n%s", out)
	}
}

// yamlKeys returns the keys of a YAML mapping node in order.
func yamlKeys(n *yaml.Node) []string {
	var keys []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

func yamlValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func TestResultYAMLMatchesJSON(t *testing.T) {
	out := renderString(t, fixedResult(), render.YAML)
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("YAML does not parse: %v\n%s", err, out)
	}
	top := doc.Content[0]
	if got, want := yamlKeys(top), []string{"schema_version", "command", "inputs", "figures", "checks"}; !reflect.DeepEqual(got, want) {
		t.Errorf("YAML keys = %v, want %v", got, want)
	}
	if got, want := yamlKeys(yamlValue(top, "inputs")), []string{"calls_per_hour", "duration_minutes", "region", "target_utilization_pct"}; !reflect.DeepEqual(got, want) {
		t.Errorf("YAML input keys = %v, want %v", got, want)
	}
	checks := yamlValue(top, "checks")
	for i, c := range checks.Content {
		if got := strings.Join(yamlKeys(c), ","); got != checkHeader {
			t.Errorf("YAML check %d keys = %s, want %s", i, got, checkHeader)
		}
	}
	// The same data as the JSON.
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal([]byte(out), &fromYAML); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(renderString(t, fixedResult(), render.JSON)), &fromJSON); err != nil {
		t.Fatal(err)
	}
	if a, b := normalize(fromYAML), normalize(fromJSON); !reflect.DeepEqual(a, b) {
		t.Errorf("YAML and JSON differ:\nyaml %v\njson %v", a, b)
	}
}

// normalize turns decoded numbers into float64 so YAML ints and JSON floats compare.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, e := range x {
			m[k] = normalize(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case int:
		return float64(x)
	case uint64:
		return float64(x)
	}
	return v
}

func TestResultTable(t *testing.T) {
	var buf bytes.Buffer
	if err := render.Write(&buf, fixedResult().Document(), render.Table, render.Options{Wide: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(out, "\n")
	if lines[0] != "Concurrent active calls (test)" {
		t.Errorf("first line = %q, want the title", lines[0])
	}
	for i, l := range lines {
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("line %d has trailing blanks: %q", i+1, l)
		}
	}
	// Inputs, then figures, then the checks, then the summary and the notes.
	order := []string{"\nInputs\n", "\nFigures\n", "\nQUOTA ", "\n4 checks: 1 ok, 1 warn, 1 increase, 1 hard-limit\n", "\nNotes\n"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < 0 {
			t.Fatalf("table has no %q:\n%s", s, out)
		}
		if i < last {
			t.Errorf("%q comes too early:\n%s", s, out)
		}
		last = i
	}
	for _, s := range []string{
		"  minutes per call", "6.5 minutes", "80 %", "130 erlangs", "0.9174",
		"  max_calls_per_hour_at_limit", // a field without a label shows its key
		"1000000000000000000000",        // large whole numbers in full, no grouping
		"  Quota near its limit: A note with a comma",
		"  Quota to raise: two lines", // a note stays on one line
	} {
		if !strings.Contains(out, s) {
			t.Errorf("table has no %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "Quota that fits:") {
		t.Errorf("a check without a note is listed under Notes:\n%s", out)
	}
	if !regexpLine(lines, `^  Region\s+-$`) {
		t.Errorf("an input without a value does not show as -:\n%s", out)
	}

	header, rows := checkLines(t, lines)
	if got := strings.Fields(header); !reflect.DeepEqual(got, []string{"QUOTA", "REQUIRED", "LIMIT", "SOURCE", "USED", "STATUS", "RECOMMENDED", "ID"}) {
		t.Errorf("check header = %v", got)
	}
	wantRows := []struct{ status, used, recommended, limit, source string }{
		{"ok", "52.5 %", "-", "40", "env"},
		{"WARN", "100.0 %", "250", "200", "default"},
		{"INCREASE", "823044.7 %", "1543209", "150", "flag"},
		{"HARD-LIMIT", "116.7 %", "-", "6 days", "region-default"},
	}
	// Numbers are right-aligned under their headers.
	rightEdge := func(col string) int { return strings.Index(header, col) + len(col) }
	for i, w := range wantRows {
		row := rows[i]
		for _, cell := range []struct{ col, value string }{{"LIMIT", w.limit}, {"USED", w.used}, {"RECOMMENDED", w.recommended}} {
			end := rightEdge(cell.col)
			if end > len(row) || !strings.HasSuffix(row[:end], " "+cell.value) {
				t.Errorf("row %d: %s %q is not right-aligned under its header\n%s\n%s", i, cell.col, cell.value, header, row)
			}
		}
		if !strings.Contains(row, "  "+w.status+"  ") || !strings.Contains(row, "  "+w.source+"  ") {
			t.Errorf("row %d = %q, want status %s and source %s", i, row, w.status, w.source)
		}
	}
	if !strings.Contains(rows[3], "7 days") {
		t.Errorf("hard-limit row does not show its unit: %q", rows[3])
	}
}

func regexpLine(lines []string, pattern string) bool {
	for _, l := range lines {
		if ok, _ := regexp.MatchString(pattern, l); ok {
			return true
		}
	}
	return false
}

// checkLines returns the header line of the checks table and the check rows.
func checkLines(t *testing.T, lines []string) (string, []string) {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, "QUOTA ") {
			var rows []string
			for _, r := range lines[i+1:] {
				if r == "" {
					break
				}
				rows = append(rows, r)
			}
			return l, rows
		}
	}
	t.Fatal("no checks table")
	return "", nil
}

func TestResultMarkdown(t *testing.T) {
	out := renderString(t, fixedResult(), render.Markdown)
	for _, s := range []string{
		"## Concurrent active calls (test)\n",
		"### Inputs\n\n| input | value |\n| --- | --- |\n| inbound calls per hour | 1200 |\n",
		"### Figures\n\n| figure | value |\n",
		"### Checks\n\n| QUOTA | REQUIRED | LIMIT | SOURCE | USED | STATUS | RECOMMENDED | ID | NOTE |\n| --- | ---: | ---: | --- | ---: | --- | ---: | --- | --- |\n",
		"| Quota that fits | 21 | 40 | env | 52.5 % | **ok** | - | `test.ok` |  |\n",
		`| A note with a comma, a "quote" and a \| pipe |`,
		"| two lines |",
		"| **HARD-LIMIT** | - | `test.hard` |",
		"\n4 checks: 1 ok, 1 warn, 1 increase, 1 hard-limit\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("markdown has no %q:\n%s", s, out)
		}
	}
	// Every table line has the same number of unescaped cell separators as its header.
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| ") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 10 && strings.Count(l, "|") != 3 {
			t.Errorf("markdown row with a stray cell separator: %q", l)
		}
	}
}

func TestResultNoChecks(t *testing.T) {
	r := report.New("analytics", "No checks")
	r.Inputs.Add("calls_per_hour", 10.0, "calls per hour", "")
	if out := renderString(t, r, render.JSON); !strings.Contains(out, `"checks": []`) || !strings.Contains(out, `"figures": {}`) {
		t.Errorf("JSON without checks:\n%s", out)
	}
	if out := renderString(t, r, render.CSV); out != checkHeader+"\n" {
		t.Errorf("CSV without checks = %q, want the header alone", out)
	}
	out := renderString(t, r, render.Table)
	if strings.Contains(out, "QUOTA") || strings.Contains(out, "Figures") || strings.Contains(out, "checks:") {
		t.Errorf("table without checks or figures shows their sections:\n%s", out)
	}
}

func TestResultUnknownFormat(t *testing.T) {
	for _, f := range []render.Format{"xml", "JSON", "Table"} {
		var buf bytes.Buffer
		if err := writeResult(&buf, fixedResult(), f); err == nil {
			t.Errorf("format %q: no error", f)
		}
		if buf.Len() != 0 {
			t.Errorf("format %q: wrote %q", f, buf.String())
		}
		if err := writeQuotas(&buf, nil, f); err == nil || buf.Len() != 0 {
			t.Errorf("quotas in format %q: err %v, wrote %q", f, err, buf.String())
		}
	}
}

// A result that cannot be encoded writes nothing at all, not half a document.
func TestResultAllOrNothing(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		r := fixedResult()
		r.Figures.Add("broken", bad, "broken", "")
		var buf bytes.Buffer
		if err := writeResult(&buf, r, render.JSON); err == nil {
			t.Errorf("JSON with %v: no error", bad)
		}
		if buf.Len() != 0 {
			t.Errorf("JSON with %v wrote %d bytes", bad, buf.Len())
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestResultWriteError(t *testing.T) {
	for _, f := range render.Formats {
		if err := writeResult(failingWriter{}, fixedResult(), render.Format(f)); err == nil {
			t.Errorf("%s: a failed write is not reported", f)
		}
	}
}

func TestHuman(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{200, "200"},
		{2500, "2500"},
		{1e21, "1000000000000000000000"},
		{166.666666, "166.67"},
		{1100.8910, "1100.89"},
		{1.5, "1.5"},
		{1.0001, "1"},
		{0.917391, "0.9174"},
		{0.001, "0.001"},
		{0.00012346, "0.0001235"},
		{-3.25, "-3.25"},
		{math.Inf(1), "unbounded"},
		{math.NaN(), "n/a"},
	} {
		if got := render.Human(tc.in); got != tc.want {
			t.Errorf("Human(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRaw(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{33.333333333333336, "33.333333333333336"},
		{1e21, "1000000000000000000000"},
		{1e-7, "0.0000001"},
		{1387.5, "1387.5"},
	} {
		if got := render.Raw(tc.in); got != tc.want {
			t.Errorf("Raw(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHumanValue(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{nil, "-"}, {true, "yes"}, {false, "no"}, {3, "3"}, {"us-east-1", "us-east-1"}, {2.5, "2.5"},
	} {
		if got := render.HumanValue(tc.in); got != tc.want {
			t.Errorf("HumanValue(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSummary(t *testing.T) {
	r := fixedResult()
	r.Checks = r.Checks[:1]
	if got, want := render.Summary(r), "1 check: 1 ok, 0 warn, 0 increase, 0 hard-limit"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	r.Checks = nil
	if got, want := render.Summary(r), "0 checks: 0 ok, 0 warn, 0 increase, 0 hard-limit"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestParseFormat(t *testing.T) {
	if got := strings.Join(render.Formats, ","); got != "table,json,csv,yaml,markdown" {
		t.Errorf("Formats = %s", got)
	}
	for _, f := range render.Formats {
		if got, ok := render.ParseFormat(f); !ok || string(got) != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, ok)
		}
	}
	for _, s := range []string{"", "xml", "JSON", " json"} {
		if _, ok := render.ParseFormat(s); ok {
			t.Errorf("ParseFormat(%q) accepted", s)
		}
	}
}

func TestQuotasEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := writeQuotas(&buf, []report.QuotaRow{}, render.JSON); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"quotas": []`) {
		t.Errorf("empty JSON list:\n%s", buf.String())
	}
	buf.Reset()
	if err := writeQuotas(&buf, nil, render.CSV); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), strings.Join(report.QuotaFields, ",")+"\n"; got != want {
		t.Errorf("empty CSV = %q, want %q", got, want)
	}
	buf.Reset()
	if err := writeQuotas(&buf, nil, render.Table); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "\n0 quotas\n") {
		t.Errorf("empty table:\n%s", buf.String())
	}
}

func TestQuotaFields(t *testing.T) {
	want := "id,name,service,kind,scope,default,unit,burst,region_defaults,adjustable,level,edition,editions,service_code,quota_code,operations,note"
	if got := strings.Join(report.QuotaFields, ","); got != want {
		t.Errorf("QuotaFields = %s, want %s", got, want)
	}
	// Fields a catalogue row shares with a check carry the same names.
	for _, f := range []string{"id", "name", "service", "adjustable", "service_code", "quota_code", "note"} {
		if !strings.Contains(","+checkHeader+",", ","+f+",") {
			t.Errorf("%s is not a check field", f)
		}
	}
	q := tables.Quota{ID: "test.row", Name: "A row", Service: "connect", Kind: tables.Resource, Scope: "instance", Default: 5, Unit: "count", Adjustable: tables.No}
	row := report.NewQuotaRow(q)
	var buf bytes.Buffer
	if err := writeQuota(&buf, row, render.JSON); err != nil {
		t.Fatal(err)
	}
	keys, vals := orderedKeys(t, buf.Bytes())
	if want := []string{"schema_version", "command", "quota"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("quotas show keys = %v, want %v", keys, want)
	}
	qkeys, qvals := orderedKeys(t, vals["quota"])
	if got := strings.Join(qkeys, ","); got != want {
		t.Errorf("quota keys = %s, want %s", got, want)
	}
	for k, v := range map[string]string{"burst": "null", "service_code": "null", "quota_code": "null", "region_defaults": "{}", "operations": "[]", "default": "5"} {
		if string(qvals[k]) != v {
			t.Errorf("%s = %s, want %s", k, qvals[k], v)
		}
	}
	buf.Reset()
	if err := writeQuota(&buf, row, render.Table); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"quota code  -", "service code  -", "burst  -", "note  -"} {
		if !regexpLine(strings.Split(buf.String(), "\n"), `^`+strings.ReplaceAll(s, "  ", `\s+`)+`$`) {
			t.Errorf("quotas show table has no %q line:\n%s", s, buf.String())
		}
	}
}

// Every catalogue row renders in every format.
func TestQuotasCatalogueRenders(t *testing.T) {
	rows := make([]report.QuotaRow, 0)
	for _, q := range tables.Default().All() {
		rows = append(rows, report.NewQuotaRow(q))
	}
	for _, f := range render.Formats {
		var buf bytes.Buffer
		if err := writeQuotas(&buf, rows, render.Format(f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	var buf bytes.Buffer
	if err := writeQuotas(&buf, rows, render.CSV); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(rows)+1 {
		t.Errorf("%d CSV records for %d rows", len(records), len(rows))
	}
}

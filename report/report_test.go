package report_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// jsonKeys returns the keys of a JSON object in the order they appear.
func jsonKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(data)))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %s", data)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// yamlKeys returns the keys of a YAML mapping in document order.
func yamlKeys(t *testing.T, data []byte) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		t.Fatalf("not a YAML mapping: %s", data)
	}
	var keys []string
	for i := 0; i < len(m.Content); i += 2 {
		keys = append(keys, m.Content[i].Value)
	}
	return keys
}

var checkKeys = []string{"id", "name", "instance", "service", "required", "recommended", "limit", "unit", "limit_source", "edition", "utilization_pct", "status", "adjustable", "level", "service_code", "quota_code", "note"}

func TestNewCheckFields(t *testing.T) {
	q := sourcePage.MustLookup("connect.concurrent-active-calls")
	c := report.NewCheck(q, 200, report.Limit{Value: 180, Source: report.FromFlag}, 80, "")
	if c.ID != q.ID || c.Name != q.Name || c.Service != "connect" {
		t.Errorf("identity fields %q %q %q", c.ID, c.Name, c.Service)
	}
	if c.Required != 200 || c.Limit != 180 || c.LimitSource != report.FromFlag {
		t.Errorf("required %v limit %v source %q", c.Required, c.Limit, c.LimitSource)
	}
	if c.Recommended == nil || *c.Recommended != 250 {
		t.Errorf("recommended %v, want 250", c.Recommended)
	}
	if want := 200.0 * 100 / 180; c.UtilizationPct == nil || math.Abs(*c.UtilizationPct-want) > 1e-12 {
		t.Errorf("utilization %v, want %v", c.UtilizationPct, want)
	}
	if c.Status != report.Increase {
		t.Errorf("status %q, want increase", c.Status)
	}
	if c.Adjustable != tables.Yes {
		t.Errorf("adjustable %q", c.Adjustable)
	}
	if c.ServiceCode == nil || *c.ServiceCode != "connect" || c.QuotaCode == nil || *c.QuotaCode != "L-12AB7C57" {
		t.Errorf("codes %v %v", c.ServiceCode, c.QuotaCode)
	}
	if c.Note != q.Note || c.Note == "" {
		t.Errorf("note %q, want the catalogue's", c.Note)
	}
	if c.Unit != q.Unit {
		t.Errorf("unit %q", c.Unit)
	}
	if c := report.NewCheck(q, 1, report.Limit{Value: 10}, 80, "own note"); c.Note != "own note" {
		t.Errorf("note %q, want the given one", c.Note)
	}
}

func TestNewCheckStatus(t *testing.T) {
	calls := sourcePage.MustLookup("connect.concurrent-active-calls")
	ahead := sourcePage.MustLookup("connect.task-schedule-ahead")
	voice := sourcePage.MustLookup("voice-id.concurrent-sessions") // adjustable not stated
	tests := []struct {
		q        tables.Quota
		required float64
		limit    float64
		want     report.Status
	}{
		{calls, 7, 10, report.OK},
		{calls, 8, 10, report.OK}, // at the target
		{calls, 9, 10, report.Warn},
		{calls, 10, 10, report.Warn},
		{calls, 11, 10, report.Increase},
		{ahead, 6, 6, report.Warn},
		{ahead, 7, 6, report.HardLimit},
		{voice, 51, 50, report.Increase},
	}
	for _, tt := range tests {
		c := report.NewCheck(tt.q, tt.required, report.Limit{Value: tt.limit, Source: report.FromDefault}, 80, "")
		if c.Status != tt.want {
			t.Errorf("%s: %v of %v graded %q, want %q", tt.q.ID, tt.required, tt.limit, c.Status, tt.want)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	if !reflect.DeepEqual(report.CheckFields, checkKeys) {
		t.Errorf("CheckFields = %v, want %v", report.CheckFields, checkKeys)
	}
	q := sourcePage.MustLookup("connect.concurrent-active-calls")
	c := report.NewCheck(q, 200, report.Limit{Value: 10, Source: report.FromDefault}, 80, "")
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonKeys(t, data); !reflect.DeepEqual(got, checkKeys) {
		t.Errorf("JSON keys %v, want %v", got, checkKeys)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"id": "connect.concurrent-active-calls", "name": "Concurrent active calls per instance", "instance": nil, "service": "connect",
		"required": 200.0, "recommended": 250.0, "limit": 10.0, "unit": "count", "limit_source": "default", "edition": "2023", "utilization_pct": 2000.0,
		"status": "increase", "adjustable": "yes", "level": string(q.Level), "service_code": "connect", "quota_code": "L-12AB7C57", "note": q.Note,
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("JSON %s\nwant %v", data, want)
	}
}

func TestCheckJSONNulls(t *testing.T) {
	tests := []struct {
		id                               string
		recommendedNull, serviceCodeNull bool
	}{
		{"connect.task-schedule-ahead", true, true},       // not adjustable, no code
		{"connect.lambda-functions", true, false},         // not adjustable, has a code
		{"voice-id.concurrent-sessions", false, true},     // adjustable not stated, no code
		{"customer-profiles.domains", false, true},        // adjustable, no code
		{"connect.concurrent-active-chats", false, false}, // adjustable, has a code
	}
	for _, tt := range tests {
		q := sourcePage.MustLookup(tt.id)
		limit := report.DefaultLimit(q, "")
		c := report.NewCheck(q, limit.Value+1, limit, 80, "") // over the limit
		if (c.Recommended == nil) != tt.recommendedNull {
			t.Errorf("%s: recommended %v, want null %v", tt.id, c.Recommended, tt.recommendedNull)
		}
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		if got := string(m["recommended"]) == "null"; got != tt.recommendedNull {
			t.Errorf("%s: JSON recommended %s", tt.id, m["recommended"])
		}
		for _, k := range []string{"service_code", "quota_code"} {
			if got := string(m[k]) == "null"; got != tt.serviceCodeNull {
				t.Errorf("%s: JSON %s %s", tt.id, k, m[k])
			}
		}
	}
}

func TestCheckYAML(t *testing.T) {
	q := sourcePage.MustLookup("connect.task-schedule-ahead")
	c := report.NewCheck(q, 7, report.DefaultLimit(q, ""), 80, "")
	data, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if got := yamlKeys(t, data); !reflect.DeepEqual(got, checkKeys) {
		t.Errorf("YAML keys %v, want %v", got, checkKeys)
	}
	for _, line := range []string{"recommended: null", "service_code: null", "quota_code: null", "status: hard-limit"} {
		if !strings.Contains(string(data), line+"\n") {
			t.Errorf("YAML lacks %q:\n%s", line, data)
		}
	}
}

func TestDefaultLimit(t *testing.T) {
	rt := sourcePage.MustLookup("contact-lens.concurrent-realtime-calls")
	tests := []struct {
		q      tables.Quota
		region string
		want   report.Limit
	}{
		{rt, "us-east-1", report.Limit{Value: 100, Source: report.FromRegionDefault}},
		{rt, "eu-west-1", report.Limit{Value: 50, Source: report.FromDefault}},
		{rt, "", report.Limit{Value: 50, Source: report.FromDefault}},
		{sourcePage.MustLookup("connect.concurrent-active-calls"), "us-east-1", report.Limit{Value: 10, Source: report.FromDefault}},
	}
	for _, tt := range tests {
		if got := report.DefaultLimit(tt.q, tt.region); got != tt.want {
			t.Errorf("DefaultLimit(%s, %q) = %+v, want %+v", tt.q.ID, tt.region, got, tt.want)
		}
	}
}

func testFields() report.Fields {
	var f report.Fields
	f.Add("zeta_minutes", 3.5, "zeta", "minutes")
	f.Add("alpha", 2, "alpha", "")
	f.Add("mid", "text", "mid", "")
	f.Add("none", nil, "none", "")
	f.Add("flag", true, "flag", "")
	return f
}

func TestFieldsJSON(t *testing.T) {
	data, err := json.Marshal(testFields())
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"zeta_minutes":3.5,"alpha":2,"mid":"text","none":null,"flag":true}`; string(data) != want {
		t.Errorf("JSON %s, want %s", data, want)
	}
	if data, err := json.Marshal(report.Fields{}); err != nil || string(data) != "{}" {
		t.Errorf("empty fields: %s, %v", data, err)
	}
	if _, err := json.Marshal(report.Fields{{Key: "bad", Value: make(chan int)}}); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("unencodable value: error %v, want one naming the field", err)
	}
}

func TestFieldsYAML(t *testing.T) {
	data, err := yaml.Marshal(testFields())
	if err != nil {
		t.Fatal(err)
	}
	want := "zeta_minutes: 3.5\nalpha: 2\nmid: text\nnone: null\nflag: true\n"
	if string(data) != want {
		t.Errorf("YAML:\n%s\nwant:\n%s", data, want)
	}
}

func TestFieldsGet(t *testing.T) {
	f := testFields()
	if v, ok := f.Get("alpha"); !ok || v != 2 {
		t.Errorf("Get(alpha) = %v, %v", v, ok)
	}
	if v, ok := f.Get("none"); !ok || v != nil {
		t.Errorf("Get(none) = %v, %v", v, ok)
	}
	if _, ok := f.Get("missing"); ok {
		t.Error("Get(missing) found a value")
	}
	if f[0].Label != "zeta" || f[0].Unit != "minutes" {
		t.Errorf("Add kept label %q unit %q", f[0].Label, f[0].Unit)
	}
}

func TestResultEncoding(t *testing.T) {
	r := report.New("calls", "Concurrent active calls")
	r.Inputs.Add("calls_per_hour", 1000.0, "calls per hour", "")
	r.Inputs.Add("duration_minutes", 5.0, "duration", "minutes")
	r.Figures.Add("offered_load_erlangs", 83.3, "load", "erlangs")
	q := sourcePage.MustLookup("connect.concurrent-active-calls")
	r.Checks = append(r.Checks, report.NewCheck(q, 100, report.DefaultLimit(q, ""), 80, ""))

	data, err := json.Marshal(r.Document())
	if err != nil {
		t.Fatal(err)
	}
	top := []string{"schema_version", "command", "inputs", "figures", "checks"}
	if got := jsonKeys(t, data); !reflect.DeepEqual(got, top) {
		t.Errorf("JSON keys %v, want %v", got, top)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if got := jsonKeys(t, m["inputs"]); !reflect.DeepEqual(got, []string{"calls_per_hour", "duration_minutes"}) {
		t.Errorf("inputs keys %v", got)
	}
	if strings.Contains(string(data), "Concurrent active calls\"") || strings.Contains(string(data), "title") {
		t.Errorf("JSON carries the title: %s", data)
	}
	var checks []json.RawMessage
	if err := json.Unmarshal(m["checks"], &checks); err != nil || len(checks) != 1 {
		t.Fatalf("checks %s", m["checks"])
	}
	if got := jsonKeys(t, checks[0]); !reflect.DeepEqual(got, checkKeys) {
		t.Errorf("check keys %v", got)
	}

	ydata, err := yaml.Marshal(r.Document())
	if err != nil {
		t.Fatal(err)
	}
	if got := yamlKeys(t, ydata); !reflect.DeepEqual(got, top) {
		t.Errorf("YAML keys %v, want %v", got, top)
	}
	if !strings.Contains(string(ydata), "inputs:\n    calls_per_hour: 1000\n    duration_minutes: 5\n") {
		t.Errorf("YAML inputs not in order:\n%s", ydata)
	}

	// A new result encodes empty collections, not nulls.
	empty, err := json.Marshal(report.New("x", "x").Document())
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"schema_version":3,"command":"x","inputs":{},"figures":{},"checks":[]}`; string(empty) != want {
		t.Errorf("empty result %s, want %s", empty, want)
	}
}

func TestWorstAndCounts(t *testing.T) {
	r := report.New("x", "x")
	if got := r.Worst(); got != report.OK {
		t.Errorf("Worst() with no checks = %q", got)
	}
	for _, s := range []report.Status{report.OK, report.Warn, report.OK, report.Increase} {
		r.Checks = append(r.Checks, report.Check{Status: s})
	}
	if got := r.Worst(); got != report.Increase {
		t.Errorf("Worst() = %q, want increase", got)
	}
	r.Checks = append(r.Checks, report.Check{Status: report.HardLimit}, report.Check{Status: report.Warn})
	if got := r.Worst(); got != report.HardLimit {
		t.Errorf("Worst() = %q, want hard-limit", got)
	}
	want := map[report.Status]int{report.OK: 2, report.Warn: 2, report.Increase: 1, report.HardLimit: 1}
	if got := r.Counts(); !reflect.DeepEqual(got, want) {
		t.Errorf("Counts() = %v, want %v", got, want)
	}
}

package report_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// A body without fields is the header alone; a body that is no object is refused.
func TestDocumentBodies(t *testing.T) {
	d := report.Document{Command: "x", Body: struct{}{}}
	js, err := json.Marshal(d)
	if err != nil || string(js) != `{"schema_version":3,"command":"x"}` {
		t.Errorf("JSON of an empty body = %s, %v", js, err)
	}
	y, err := yaml.Marshal(d)
	var back map[string]any
	if err == nil {
		err = yaml.Unmarshal(y, &back)
	}
	if err != nil || !reflect.DeepEqual(back, map[string]any{"schema_version": 3, "command": "x"}) {
		t.Errorf("YAML of an empty body = %q, %v", y, err)
	}
	one := report.Document{Command: "x", Body: struct {
		A int `json:"a" yaml:"a"`
	}{7}}
	if js, err := json.Marshal(one); err != nil || string(js) != `{"schema_version":3,"command":"x","a":7}` {
		t.Errorf("JSON of one field = %s, %v", js, err)
	}
	for _, body := range []any{42, "s", []int{1}, nil} {
		d := report.Document{Command: "x", Body: body}
		if _, err := json.Marshal(d); err == nil || !strings.Contains(err.Error(), "is not an object") {
			t.Errorf("JSON of a %T body: %v", body, err)
		}
		if _, err := yaml.Marshal(d); err == nil || !strings.Contains(err.Error(), "is not a mapping") {
			t.Errorf("YAML of a %T body: %v", body, err)
		}
	}
}

func TestNewQuotaRow(t *testing.T) {
	q := tables.Quota{ID: "t.row", Name: "Row", Service: "connect", Kind: tables.APIRate, Scope: "account", Default: 2,
		Unit: "requests/second", Adjustable: tables.Yes, ServiceCode: "connect", RegionDefaults: map[string]float64{"us-east-1": 5},
		Burst: 5, Operations: []string{"GetX"}, Note: "n"}
	r := report.NewQuotaRow(q)
	if r.ID != "t.row" || r.Name != "Row" || r.Service != "connect" || r.Kind != tables.APIRate || r.Scope != "account" ||
		r.Default != 2 || r.Unit != "requests/second" || r.Adjustable != tables.Yes || r.Note != "n" {
		t.Errorf("NewQuotaRow = %+v", r)
	}
	if r.Burst == nil || *r.Burst != 5 || r.ServiceCode == nil || *r.ServiceCode != "connect" || r.QuotaCode != nil {
		t.Errorf("burst %v, service code %v, quota code %v", r.Burst, r.ServiceCode, r.QuotaCode)
	}
	if !reflect.DeepEqual(r.RegionDefaults, map[string]float64{"us-east-1": 5}) || !reflect.DeepEqual(r.Operations, []string{"GetX"}) {
		t.Errorf("region defaults %v, operations %v", r.RegionDefaults, r.Operations)
	}
	// The row holds copies: changing it leaves the catalogue alone.
	r.RegionDefaults["us-east-1"] = 9
	r.Operations[0] = "changed"
	if q.RegionDefaults["us-east-1"] != 5 || q.Operations[0] != "GetX" {
		t.Error("NewQuotaRow shares the catalogue's map or slice")
	}
	// No burst (0) is null; no Region defaults or operations are empty, not null.
	r = report.NewQuotaRow(tables.Quota{ID: "t.plain"})
	if r.Burst != nil || r.RegionDefaults == nil || len(r.RegionDefaults) != 0 || r.Operations == nil || len(r.Operations) != 0 {
		t.Errorf("plain row = %+v", r)
	}
	// A Voice ID row opens its note with the end of support (2026-05-20); one
	// without a note of its own says only that.
	if r := report.NewQuotaRow(tables.Quota{ID: "voice-id.t", Service: "voice-id", Note: "n"}); r.Note != "AWS ended support for Voice ID on 2026-05-20. n" {
		t.Errorf("Voice ID note %q", r.Note)
	}
	if r := report.NewQuotaRow(tables.Quota{ID: "voice-id.t", Service: "voice-id"}); r.Note != "AWS ended support for Voice ID on 2026-05-20." {
		t.Errorf("Voice ID note without a note of the row's %q", r.Note)
	}
}

func TestBodyDocuments(t *testing.T) {
	d := report.Catalogue{}.Document()
	if c, ok := d.Body.(report.Catalogue); d.Command != "quotas" || !ok || c.Quotas == nil {
		t.Errorf("empty catalogue = %+v", d)
	}
	rows := []report.QuotaRow{{ID: "a"}}
	if c := (report.Catalogue{Quotas: rows}).Document().Body.(report.Catalogue); !reflect.DeepEqual(c.Quotas, rows) {
		t.Errorf("catalogue rows = %v", c.Quotas)
	}
	if d := (report.QuotaShow{Quota: rows[0]}).Document(); d.Command != "quotas show" || d.Body.(report.QuotaShow).Quota.ID != "a" {
		t.Errorf("quotas show = %+v", d)
	}
	rs := &report.Requests{}
	if d := rs.Document(); d.Command != "request" || d.Body != rs {
		t.Errorf("request = %+v", d)
	}
}

func TestRequestsWorst(t *testing.T) {
	req := []report.Request{{ID: "r"}}
	blocked := []report.Blocked{{ID: "b"}}
	for _, tc := range []struct {
		rs   report.Requests
		want report.Status
	}{
		{report.Requests{}, report.OK},
		{report.Requests{Requests: []report.Request{}, CannotRaise: []report.Blocked{}}, report.OK},
		{report.Requests{Requests: req}, report.Increase},
		{report.Requests{CannotRaise: blocked}, report.HardLimit},
		{report.Requests{Requests: req, CannotRaise: blocked}, report.HardLimit},
	} {
		if got := tc.rs.Worst(); got != tc.want {
			t.Errorf("Worst(%d requests, %d cannot raise) = %s, want %s", len(tc.rs.Requests), len(tc.rs.CannotRaise), got, tc.want)
		}
	}
}

// The document's JSON leaves HTML characters alone (form URLs carry '&'), for an
// encoder that does too.
func TestDocumentJSONNoHTMLEscape(t *testing.T) {
	d := report.Document{Command: "x", Body: struct {
		URL string `json:"url"`
	}{"https://example.com/?a=1&b=<2>"}}
	js, err := d.MarshalJSON()
	if err != nil || string(js) != `{"schema_version":3,"command":"x","url":"https://example.com/?a=1&b=<2>"}` {
		t.Errorf("MarshalJSON = %s, %v", js, err)
	}
}

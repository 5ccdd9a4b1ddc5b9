package report_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

func TestUtilization(t *testing.T) {
	tests := []struct{ required, limit, want float64 }{
		{200, 250, 80},
		{200, 200, 100},
		{0, 10, 0},
		{15, 10, 150},
		{0, 0, 0}, // nothing needed of a quota of 0: nothing used
	}
	for _, tt := range tests {
		if got := report.Utilization(tt.required, tt.limit); got == nil || *got != tt.want {
			t.Errorf("Utilization(%v, %v) = %v, want %v", tt.required, tt.limit, got, tt.want)
		}
	}
	// A need of a limit of 0 has no percentage: nil, which JSON and YAML write as
	// null (+Inf, what the division gives, cannot be encoded).
	for _, limit := range []float64{0, -1} {
		if got := report.Utilization(1, limit); got != nil {
			t.Errorf("Utilization(1, %v) = %v, want nil", limit, *got)
		}
	}
}

// TestLimitZero: a quota whose limit is 0 (concurrent campaign calls, external
// voice connectors by default) with a need is an increase to the recommended
// value, its utilization null in JSON and YAML; with no need it is ok at 0 %,
// with nothing to request.
func TestLimitZero(t *testing.T) {
	for _, id := range []string{"outbound-campaigns.concurrent-calls", "contact-lens.external-voice-connectors"} {
		q := tables.Default().MustLookup(id)
		limit := report.DefaultLimit(q, "us-east-1")
		if limit.Value != 0 {
			t.Fatalf("%s: default %v, want 0", id, limit.Value)
		}
		c := report.NewCheck(q, 15, limit, 80, "")
		if c.Status != report.Increase || c.Recommended == nil || *c.Recommended != 19 || c.UtilizationPct != nil {
			t.Errorf("%s: 15 of 0: status %s, recommended %v, utilization %v; want increase, 19 (15 / 0.8 = 18.75), nil", id, c.Status, c.Recommended, c.UtilizationPct)
		}
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("%s: JSON: %v", id, err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		if string(m["utilization_pct"]) != "null" || string(m["recommended"]) != "19" {
			t.Errorf("%s: JSON utilization_pct %s, recommended %s; want null, 19", id, m["utilization_pct"], m["recommended"])
		}
		y, err := yaml.Marshal(c)
		if err != nil {
			t.Fatalf("%s: YAML: %v", id, err)
		}
		if !strings.Contains(string(y), "\nutilization_pct: null\n") || !strings.Contains(string(y), "\nstatus: increase\n") {
			t.Errorf("%s: YAML lacks utilization_pct: null and status: increase:\n%s", id, y)
		}
		c = report.NewCheck(q, 0, limit, 80, "")
		if c.Status != report.OK || c.Recommended != nil || c.UtilizationPct == nil || *c.UtilizationPct != 0 {
			t.Errorf("%s: 0 of 0: status %s, recommended %v, utilization %v; want ok, nil, 0", id, c.Status, c.Recommended, c.UtilizationPct)
		}
	}
}

func TestRecommended(t *testing.T) {
	tests := []struct{ required, limit, targetPct, want float64 }{
		{200, 100, 80, 250},
		{201, 100, 80, 252}, // 251.25
		{1, 1, 80, 2},       // 1 of 1 is 100 %: 2 keeps 50 %
		{8, 5, 80, 10},
		{24, 20, 80, 30},
		{21, 20, 70, 30},
		{100, 99, 100, 100},
		{34, 33, 80, 43}, // 42.5
		{67, 60, 90, 75}, // 74.44
		{1, 0, 80, 2},    // a limit of 0 (campaign calls) asks for what the need takes
	}
	for _, tt := range tests {
		got := report.Recommended(tt.required, tt.limit, tt.targetPct, true)
		if got == nil || *got != tt.want {
			t.Errorf("Recommended(%v, %v, %v) = %v, want %v", tt.required, tt.limit, tt.targetPct, got, tt.want)
		}
	}
}

// Where the current limit already holds the need at the target there is nothing to
// request; a quota that cannot be raised never has a recommended value.
func TestRecommendedNone(t *testing.T) {
	tests := []struct {
		required, limit, targetPct float64
		canRaise                   bool
	}{
		{50, 500, 80, true},  // users 50 of 500: nothing to ask for
		{200, 250, 80, true}, // exactly at the target
		{0, 10, 80, true},
		{0, 0, 80, true}, // no need of a quota of 0
		{101, 100, 80, false},
		{10, 100, 80, false},
	}
	for _, tt := range tests {
		if got := report.Recommended(tt.required, tt.limit, tt.targetPct, tt.canRaise); got != nil {
			t.Errorf("Recommended(%v, %v, %v, %v) = %v, want none", tt.required, tt.limit, tt.targetPct, tt.canRaise, *got)
		}
	}
}

// The recommended quota is whole, never below the need, holds the need at or below
// the target, and is the smallest that does: one less would put it above. Asked of
// the recommended value itself, the answer is ok with nothing more to request.
func TestRecommendedProperties(t *testing.T) {
	for _, target := range []float64{50, 70, 75, 80, 85, 90, 95, 99, 100} {
		for required := 1.0; required <= 3000; required++ {
			p := report.Recommended(required, 0, target, true)
			if p == nil {
				t.Fatalf("Recommended(%v, 0, %v) = none", required, target)
			}
			rec := *p
			if rec < required || rec != math.Trunc(rec) {
				t.Fatalf("Recommended(%v, %v) = %v, below the need or not whole", required, target, rec)
			}
			// Integer arithmetic: rec·target ≥ 100·required > (rec−1)·target.
			r, tg, rc := int64(required), int64(target), int64(rec)
			if rc*tg < 100*r {
				t.Fatalf("Recommended(%v, %v) = %v puts the need above the target", required, target, rec)
			}
			if (rc-1)*tg >= 100*r {
				t.Fatalf("Recommended(%v, %v) = %v is not the smallest (%v also holds it)", required, target, rec, rc-1)
			}
			if got := report.Grade(required, rec, target, true); got != report.OK {
				t.Fatalf("Grade(%v, recommended %v, %v) = %q, want ok", required, rec, target, got)
			}
			if again := report.Recommended(required, rec, target, true); again != nil {
				t.Fatalf("Recommended(%v, recommended %v, %v) = %v, want none", required, rec, target, *again)
			}
		}
	}
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name                    string
		required, limit, target float64
		canRaise                bool
		want                    report.Status
	}{
		{"well below target", 10, 100, 80, true, report.OK},
		{"just below target", 79, 100, 80, true, report.OK},
		{"just below target, fraction", 79.999, 100, 80, false, report.OK},
		{"at target", 80, 100, 80, true, report.OK},
		{"at target, not whole percentages", 56, 70, 80, true, report.OK},
		{"at target, 200 of 250", 200, 250, 80, true, report.OK},
		{"just above target", 80.001, 100, 80, true, report.Warn},
		{"one above target", 201, 250, 80, true, report.Warn},
		{"between target and limit", 90, 100, 80, false, report.Warn},
		{"at 100 %", 100, 100, 80, true, report.Warn},
		{"at 100 %, cannot raise", 6, 6, 80, false, report.Warn},
		{"above 100 %, can raise", 101, 100, 80, true, report.Increase},
		{"above 100 %, cannot raise", 101, 100, 80, false, report.HardLimit},
		{"just above 100 %, cannot raise", 6.5, 6, 80, false, report.HardLimit},
		{"zero need", 0, 10, 80, true, report.OK},
		{"zero need of a zero quota", 0, 0, 80, true, report.OK},
		{"any need of a zero quota", 1, 0, 80, true, report.Increase},
		{"target 100: below", 99, 100, 100, true, report.OK},
		{"target 100: at", 100, 100, 100, true, report.OK},
		{"target 1: above", 2, 100, 1, true, report.Warn},
	}
	for _, tt := range tests {
		if got := report.Grade(tt.required, tt.limit, tt.target, tt.canRaise); got != tt.want {
			t.Errorf("%s: Grade(%v, %v, %v, %v) = %q, want %q", tt.name, tt.required, tt.limit, tt.target, tt.canRaise, got, tt.want)
		}
	}
}

func TestStatusSeverity(t *testing.T) {
	order := []report.Status{report.OK, report.Warn, report.Increase, report.HardLimit}
	for i, s := range order {
		if got := s.Severity(); got != i {
			t.Errorf("%q.Severity() = %d, want %d", s, got, i)
		}
	}
	if got := report.Untouch.Severity(); got != 0 {
		t.Errorf("untouched severity = %d, want 0", got)
	}
	want := map[report.Status]string{report.OK: "ok", report.Warn: "warn", report.Increase: "increase", report.HardLimit: "hard-limit", report.Untouch: "untouched"}
	for s, name := range want {
		if string(s) != name {
			t.Errorf("status %q, want %q", s, name)
		}
	}
	for _, s := range []report.Status{report.Untouch, report.OK, report.Warn} {
		if s.NeedsAction() {
			t.Errorf("%q needs action", s)
		}
	}
	for _, s := range []report.Status{report.Increase, report.HardLimit} {
		if !s.NeedsAction() {
			t.Errorf("%q needs no action", s)
		}
	}
}

// A quota with a ceiling (email addresses: 100, raised to at most 500) holds no
// need above it, and is never asked for more than it.
func TestNewCheckCeiling(t *testing.T) {
	q := tables.Default().MustLookup("connect.email-addresses")
	if q.Max != 500 || q.Default != 100 {
		t.Fatalf("email addresses: default %v, max %v; the page says 100 and 500", q.Default, q.Max)
	}
	lim := report.Limit{Value: 100, Source: report.FromDefault}
	for _, tc := range []struct {
		required float64
		status   report.Status
		rec      float64 // 0: none
		capped   bool
	}{
		{300, report.Increase, 375, false}, // 300 / 0.8 = 375, under the ceiling
		{400, report.Increase, 500, false}, // 400 / 0.8 = 500, the ceiling itself: nothing cut
		{450, report.Increase, 500, true},  // 450 / 0.8 = 562.5: asked for 500
		{500, report.Increase, 500, true},
		{501, report.HardLimit, 0, false}, // no raise holds it
	} {
		c := report.NewCheck(q, tc.required, lim, 80, "")
		if c.Status != tc.status || (c.Recommended == nil) != (tc.rec == 0) || (c.Recommended != nil && *c.Recommended != tc.rec) {
			t.Errorf("%v: %s, recommended %v; want %s, %v", tc.required, c.Status, c.Recommended, tc.status, tc.rec)
		}
		if got := strings.HasSuffix(c.Note, " Recommended is the most it can be raised to, 500: above it the need sits past the target."); got != tc.capped {
			t.Errorf("%v: note %q", tc.required, c.Note)
		}
	}
}

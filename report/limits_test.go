package report_test

import (
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// Limits chain: the first source that holds a quota answers, by quota id or by its
// Service Quotas code in any case; the page's defaults answer the rest, with the
// Region's own default where the page gives one.
func TestLimitsChain(t *testing.T) {
	calls := sourcePage.MustLookup("connect.concurrent-active-calls") // L-12AB7C57, default 10
	chats := sourcePage.MustLookup("connect.concurrent-active-chats")
	rt := sourcePage.MustLookup("contact-lens.concurrent-realtime-calls")   // 100 in us-east-1, else 50
	jobs := sourcePage.MustLookup("contact-lens.concurrent-post-call-jobs") // no quota code

	defaults := report.Defaults{Region: "us-east-1"}
	if got := defaults.Limit(rt); got != (report.Limit{Value: 100, Source: report.FromRegionDefault}) {
		t.Errorf("us-east-1 real-time default %+v", got)
	}
	if got := (report.Defaults{}).Limit(rt); got != (report.Limit{Value: 50, Source: report.FromDefault}) {
		t.Errorf("general real-time default %+v", got)
	}

	plan := report.Applied{Values: map[string]float64{"l-12ab7c57": 300, "connect.concurrent-active-chats": 700}, Source: report.FromPlan, Next: defaults}
	instance := report.Applied{Values: map[string]float64{"connect.concurrent-active-calls": 400}, Source: report.FromPlan, Next: plan}
	for _, tt := range []struct {
		name string
		l    report.Limits
		q    tables.Quota
		want report.Limit
	}{
		{"by code, any case", plan, calls, report.Limit{Value: 300, Source: report.FromPlan}},
		{"by id", plan, chats, report.Limit{Value: 700, Source: report.FromPlan}},
		{"not held: next", plan, rt, report.Limit{Value: 100, Source: report.FromRegionDefault}},
		{"no code: next", plan, jobs, report.Limit{Value: 200, Source: report.FromDefault}},
		{"the instance's own first", instance, calls, report.Limit{Value: 400, Source: report.FromPlan}},
		{"then the plan's", instance, chats, report.Limit{Value: 700, Source: report.FromPlan}},
		{"override its own quota", report.Override{ID: chats.ID, Value: report.Limit{Value: 9, Source: report.FromFlag}, Next: plan}, chats, report.Limit{Value: 9, Source: report.FromFlag}},
		{"override no other", report.Override{ID: chats.ID, Value: report.Limit{Value: 9, Source: report.FromFlag}, Next: plan}, calls, report.Limit{Value: 300, Source: report.FromPlan}},
	} {
		if got := tt.l.Limit(tt.q); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	// A key that is another quota's code does not match.
	other := report.Applied{Values: map[string]float64{"L-9A46857E": 5}, Source: report.FromPlan, Next: defaults}
	if got := other.Limit(calls); got.Value != 10 {
		t.Errorf("users' code applied to calls: %+v", got)
	}
}

func TestMeetsTarget(t *testing.T) {
	for _, tt := range []struct {
		required, limit, target float64
		want                    bool
	}{
		{80, 100, 80, true},
		{80.0000001, 100, 80, false},
		{0.1 * 3 * 100, 37.5, 80, true}, // 30.000000000000004 of 37.5 is 80 % within rounding
		{0, 0, 80, true},
		{1, 0, 80, false},
	} {
		if got := report.MeetsTarget(tt.required, tt.limit, tt.target); got != tt.want {
			t.Errorf("MeetsTarget(%v, %v, %v) = %v, want %v", tt.required, tt.limit, tt.target, got, tt.want)
		}
	}
}

// Untouched rows weigh nothing: a result of only untouched rows is ok at worst.
func TestWorstIgnoresUntouched(t *testing.T) {
	r := report.New("x", "x")
	q := sourcePage.MustLookup("connect.queues")
	r.Checks = append(r.Checks, report.Untouched(q, report.DefaultLimit(q, "")))
	if got := r.Worst(); got != report.OK {
		t.Errorf("Worst() of untouched rows = %q, want ok", got)
	}
}

// sourcePage is the 2023 edition, the source document, whose figures these tests
// check; the current edition's rows are checked against their page in tables.
var sourcePage = tables.In(tables.Edition2023)

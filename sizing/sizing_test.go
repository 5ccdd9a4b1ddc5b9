package sizing_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// figure returns a numeric figure of r as a float64.
func figure(t *testing.T, r *report.Result, key string) float64 {
	t.Helper()
	v, ok := r.Figures.Get(key)
	if !ok {
		t.Fatalf("%s: no figure %q", r.Command, key)
	}
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	}
	t.Fatalf("%s: figure %q is %T, not a number", r.Command, key, v)
	return 0
}

// check returns r's check with id.
func check(t *testing.T, r *report.Result, id string) report.Check {
	t.Helper()
	for _, c := range r.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("%s: no check %s", r.Command, id)
	return report.Check{}
}

func ptr(v float64) *float64 { return &v }

// common is the calculation's shared input in a Region. These tests check figures
// worked from the source document, so they read its edition (2023); the current
// edition's defaults are checked in current_test.go.
func common(region string) sizing.Common {
	return sizing.Common{Region: region, TargetPct: sizing.DefaultTargetPct, Edition: tables.Edition2023}
}

// source is common in the 2023 edition, the source document, for the tests that
// check its figures (50 real-time calls, 100 chats, tasks 6 days ahead).
func source(region string) sizing.Common {
	c := common(region)
	c.Edition = tables.Edition2023
	return c
}

// limitOf is c's limits with the quota id's limit given, as a command's --limit.
func limitOf(c sizing.Common, id string, l report.Limit) report.Limits {
	return report.Override{ID: id, Value: l, Next: report.Defaults{Region: c.Region}}
}

func withLimit(c sizing.Common, id string, l report.Limit) sizing.Common {
	c.Limits = limitOf(c, id, l)
	return c
}

// assertLimit checks a check's limit and its source.
func assertLimit(t *testing.T, c report.Check, value float64, source report.LimitSource) {
	t.Helper()
	if c.Limit != value || c.LimitSource != source {
		t.Errorf("%s: limit %v from %q, want %v from %q", c.ID, c.Limit, c.LimitSource, value, source)
	}
}

// assertSmallestServers checks that required is the smallest number of slots that
// hold load erlangs at or below blocking.
func assertSmallestServers(t *testing.T, required, load, blocking float64) {
	t.Helper()
	n := int(required)
	if float64(n) != required || n < 1 {
		t.Fatalf("required %v is not a positive whole number", required)
	}
	if b := calc.ErlangB(n, load); b > blocking {
		t.Errorf("required %d at %v erlangs blocks %v > %v", n, load, b, blocking)
	}
	if b := calc.ErlangB(n-1, load); b <= blocking {
		t.Errorf("required %d at %v erlangs, but %d already block only %v", n, load, n-1, b)
	}
}

// The page's post-call table through the analytics result.
func TestSizeAnalyticsPageTable(t *testing.T) {
	tests := []struct {
		durationMinutes, callsPerHour float64
		page, required                float64
		status                        report.Status
	}{
		{5, 1000, 33, 34, report.OK},
		{10, 500, 33, 34, report.OK},
		{10, 1000, 67, 67, report.OK},
		{10, 3000, 200, 200, report.Warn},
	}
	for _, tt := range tests {
		r, err := sizing.SizeAnalytics(sizing.Analytics{Common: common(""), DurationMinutes: tt.durationMinutes, CallsPerHour: tt.callsPerHour, Blocking: sizing.DefaultBlocking})
		if err != nil {
			t.Fatal(err)
		}
		if got := figure(t, r, "post_call_jobs_rounded"); got != tt.page {
			t.Errorf("%v min, %v cph: post_call_jobs_rounded %v, page %v", tt.durationMinutes, tt.callsPerHour, got, tt.page)
		}
		if len(r.Checks) != 1 {
			t.Fatalf("%d checks without real-time analytics, want 1", len(r.Checks))
		}
		c := r.Checks[0]
		if c.ID != "contact-lens.concurrent-post-call-jobs" {
			t.Errorf("checks[0] is %s", c.ID)
		}
		if c.Required != tt.required {
			t.Errorf("%v min, %v cph: checks[0].required %v, want %v", tt.durationMinutes, tt.callsPerHour, c.Required, tt.required)
		}
		if c.Status != tt.status {
			t.Errorf("%v min, %v cph: status %q, want %q", tt.durationMinutes, tt.callsPerHour, c.Status, tt.status)
		}
		assertLimit(t, c, 200, report.FromDefault)
	}
	r, _ := sizing.SizeAnalytics(sizing.Analytics{Common: common(""), DurationMinutes: 10, CallsPerHour: 3000})
	if c := r.Checks[0]; c.Recommended == nil || *c.Recommended != 250 {
		t.Errorf("200 jobs at 80 %%: recommended %v, want 250", c.Recommended)
	}
}

func TestSizeAnalyticsRealtime(t *testing.T) {
	const (
		minutes  = 5.0
		cph      = 1200.0
		share    = 0.5
		blocking = 0.001
	)
	load := calc.OfferedLoad(cph*share, minutes) // 50 erlangs
	tests := []struct {
		region  string
		limit   float64
		source  report.LimitSource
		noteTip bool
	}{
		{"us-east-1", 100, report.FromRegionDefault, false},
		{"eu-west-1", 50, report.FromDefault, false},
		{"us-west-2", 50, report.FromDefault, false},
		{"", 50, report.FromDefault, true},
	}
	for _, tt := range tests {
		r, err := sizing.SizeAnalytics(sizing.Analytics{Common: source(tt.region), DurationMinutes: minutes, CallsPerHour: cph, RealtimeShare: ptr(share), Blocking: blocking})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Checks) != 2 {
			t.Fatalf("region %q: %d checks, want 2", tt.region, len(r.Checks))
		}
		c := r.Checks[1]
		if c.ID != "contact-lens.concurrent-realtime-calls" {
			t.Fatalf("checks[1] is %s", c.ID)
		}
		assertLimit(t, c, tt.limit, tt.source)
		assertLimit(t, r.Checks[0], 200, report.FromDefault)
		if got := figure(t, r, "realtime_offered_load_erlangs"); math.Abs(got-load) > 1e-12*load {
			t.Errorf("realtime load %v, want %v", got, load)
		}
		assertSmallestServers(t, c.Required, load, blocking)
		if got, want := figure(t, r, "realtime_blocking_at_limit"), calc.ErlangB(int(tt.limit), load); got != want {
			t.Errorf("region %q: realtime blocking at limit %v, want ErlangB(%v, %v) = %v", tt.region, got, tt.limit, load, want)
		}
		if got, want := figure(t, r, "realtime_poisson_p999_concurrent"), float64(calc.PoissonQuantile(load, sizing.P999)); got != want {
			t.Errorf("realtime Poisson 99.9 %% %v, want %v", got, want)
		}
		if got := strings.Contains(c.Note, "No --region given"); got != tt.noteTip {
			t.Errorf("region %q: note %q", tt.region, c.Note)
		}
	}
}

// A limit override changes only the check it is for, and carries its source.
func TestSizeAnalyticsOverrides(t *testing.T) {
	base := sizing.Analytics{Common: source("us-east-1"), DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: ptr(1), Blocking: 0.001}

	in := base
	in.Limits = limitOf(in.Common, sizing.PostCallJobsID, report.Limit{Value: 400, Source: report.FromFlag})
	r, err := sizing.SizeAnalytics(in)
	if err != nil {
		t.Fatal(err)
	}
	assertLimit(t, r.Checks[0], 400, report.FromFlag)
	assertLimit(t, r.Checks[1], 100, report.FromRegionDefault)

	in = base
	in.Limits = limitOf(in.Common, sizing.RealtimeCallsID, report.Limit{Value: 300, Source: report.FromConfig})
	r, err = sizing.SizeAnalytics(in)
	if err != nil {
		t.Fatal(err)
	}
	assertLimit(t, r.Checks[0], 200, report.FromDefault)
	assertLimit(t, r.Checks[1], 300, report.FromConfig)
	if got, want := figure(t, r, "realtime_blocking_at_limit"), calc.ErlangB(300, 100); got != want {
		t.Errorf("blocking at the overridden limit %v, want %v", got, want)
	}
}

// assertMaxPerHour checks that perHour contacts of minutes each, on top of
// otherLoad erlangs, keep limit slots at or below blocking, and one more does not.
func assertMaxPerHour(t *testing.T, perHour, limit, blocking, otherLoad, minutes float64) {
	t.Helper()
	if perHour != math.Trunc(perHour) || perHour < 0 {
		t.Fatalf("max per hour %v is not a whole number", perHour)
	}
	n := int(limit)
	if b := calc.ErlangB(n, calc.OfferedLoad(perHour, minutes)+otherLoad); b > blocking*(1+1e-9) {
		t.Errorf("%v per hour of %v min (+%v erlangs) on %d slots blocks %v > %v", perHour, minutes, otherLoad, n, b, blocking)
	}
	if b := calc.ErlangB(n, calc.OfferedLoad(perHour+1, minutes)+otherLoad); b <= blocking {
		t.Errorf("%v per hour is not the most: %v per hour blocks only %v", perHour, perHour+1, b)
	}
	// And the same through MaxLoad, the model's inverse.
	if want := math.Floor((calc.MaxLoad(n, blocking) - otherLoad) * 60 / minutes); math.Abs(perHour-want) > 1 {
		t.Errorf("max per hour %v, MaxLoad gives %v", perHour, want)
	}
}

func TestSizeCalls(t *testing.T) {
	tests := []struct {
		name   string
		in     sizing.Calls
		limit  float64
		source report.LimitSource
		status report.Status
	}{
		{"default limit", sizing.Calls{Common: common("us-east-1"), CallsPerHour: 1000, DurationMinutes: 5, Blocking: 0.001}, 10, report.FromDefault, report.Increase},
		{"flag limit", sizing.Calls{Common: withLimit(common("us-east-1"), "connect.concurrent-active-calls", report.Limit{Value: 150, Source: report.FromFlag}), CallsPerHour: 1000, DurationMinutes: 5, Blocking: 0.001}, 150, report.FromFlag, report.OK},
		{"config limit, with outbound", sizing.Calls{Common: withLimit(common(""), "connect.concurrent-active-calls", report.Limit{Value: 150, Source: report.FromConfig}), CallsPerHour: 1000, DurationMinutes: 5, OutboundCallsPerHour: 300, OutboundDurationMinutes: 2, Blocking: 0.001}, 150, report.FromConfig, report.Warn},
		{"large", sizing.Calls{Common: withLimit(common(""), "connect.concurrent-active-calls", report.Limit{Value: 5000, Source: report.FromPlan}), CallsPerHour: 60000, DurationMinutes: 4.5, Blocking: 0.01}, 5000, report.FromPlan, report.Warn},
	}
	for _, tt := range tests {
		r, err := sizing.SizeCalls(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(r.Checks) != 1 {
			t.Fatalf("%s: %d checks", tt.name, len(r.Checks))
		}
		c := r.Checks[0]
		if c.ID != "connect.concurrent-active-calls" {
			t.Errorf("%s: check %s", tt.name, c.ID)
		}
		assertLimit(t, c, tt.limit, tt.source)
		inbound := calc.OfferedLoad(tt.in.CallsPerHour, tt.in.DurationMinutes)
		outbound := calc.OfferedLoad(tt.in.OutboundCallsPerHour, tt.in.OutboundDurationMinutes)
		load := inbound + outbound
		if got := figure(t, r, "offered_load_erlangs"); math.Abs(got-load) > 1e-12*load {
			t.Errorf("%s: load %v, want %v", tt.name, got, load)
		}
		assertSmallestServers(t, c.Required, load, tt.in.Blocking)
		if c.Status != tt.status {
			t.Errorf("%s: %v of %v graded %q, want %q", tt.name, c.Required, c.Limit, c.Status, tt.status)
		}
		b := calc.ErlangB(int(tt.limit), load)
		if got := figure(t, r, "blocking_at_limit"); got != b {
			t.Errorf("%s: blocking_at_limit %v, want ErlangB(%v, %v) = %v", tt.name, got, tt.limit, load, b)
		}
		if got, want := figure(t, r, "blocked_calls_per_hour_at_limit"), b*(tt.in.CallsPerHour+tt.in.OutboundCallsPerHour); math.Abs(got-want) > 1e-12*math.Max(1, want) {
			t.Errorf("%s: blocked calls per hour %v, want %v", tt.name, got, want)
		}
		if got := figure(t, r, "max_contacts_in_queue_setting"); got != tt.limit-1 {
			t.Errorf("%s: max_contacts_in_queue_setting %v, want %v", tt.name, got, tt.limit-1)
		}
		if got, want := figure(t, r, "poisson_p999_concurrent"), float64(calc.PoissonQuantile(load, sizing.P999)); got != want {
			t.Errorf("%s: Poisson 99.9 %% %v, want %v", tt.name, got, want)
		}
		assertMaxPerHour(t, figure(t, r, "max_calls_per_hour_at_limit"), tt.limit, tt.in.Blocking, outbound, tt.in.DurationMinutes)
	}
}

// Outbound load can use up the whole limit: no inbound calls fit.
func TestSizeCallsOutboundFillsLimit(t *testing.T) {
	r, err := sizing.SizeCalls(sizing.Calls{Common: common(""), CallsPerHour: 100, DurationMinutes: 5, OutboundCallsPerHour: 600, OutboundDurationMinutes: 10, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if got := figure(t, r, "max_calls_per_hour_at_limit"); got != 0 {
		t.Errorf("max calls per hour %v with 100 outbound erlangs on 10 slots, want 0", got)
	}
}

func TestSizeCallsTooLarge(t *testing.T) {
	_, err := sizing.SizeCalls(sizing.Calls{Common: common(""), CallsPerHour: 1e9, DurationMinutes: 60, Blocking: 0.001})
	var ie *sizing.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an InputError", err)
	}
	if ie.Flag != "--cph" || !strings.Contains(ie.Error(), "--cph: ") {
		t.Errorf("error %q names flag %q", ie.Error(), ie.Flag)
	}
}

func TestSizeChats(t *testing.T) {
	in := sizing.Contacts{Common: source(""), PerHour: 600, DurationMinutes: 8, Blocking: 0.001} // 80 erlangs
	r, err := sizing.SizeChats(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Command != "chats" || len(r.Checks) != 1 {
		t.Fatalf("command %q, %d checks", r.Command, len(r.Checks))
	}
	c := check(t, r, "connect.concurrent-active-chats")
	assertLimit(t, c, 100, report.FromDefault)
	assertSmallestServers(t, c.Required, 80, 0.001)
	if got, want := figure(t, r, "blocking_at_limit"), calc.ErlangB(100, 80); got != want {
		t.Errorf("blocking_at_limit %v, want %v", got, want)
	}
	if got, want := figure(t, r, "blocked_chats_per_hour_at_limit"), calc.ErlangB(100, 80)*600; math.Abs(got-want) > 1e-12 {
		t.Errorf("blocked chats per hour %v, want %v", got, want)
	}
	assertMaxPerHour(t, figure(t, r, "max_chats_per_hour_at_limit"), 100, 0.001, 0, 8)
	if _, ok := r.Inputs.Get("chats_per_hour"); !ok {
		t.Error("no input chats_per_hour")
	}
}

func TestSizeTasksScheduleAhead(t *testing.T) {
	tests := []struct {
		days float64
		want report.Status
	}{
		{1, report.OK},
		{4, report.OK},
		{4.8, report.OK}, // 80 % of 6 days: at the target
		{4.81, report.Warn},
		{5, report.Warn},
		{6, report.Warn},
		{6.01, report.HardLimit},
		{7, report.HardLimit},
		{30, report.HardLimit},
	}
	for _, tt := range tests {
		in := sizing.Contacts{Common: source(""), PerHour: 1000, DurationMinutes: 60, Blocking: 0.001, ScheduleAheadDays: ptr(tt.days)}
		r, err := sizing.SizeTasks(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Checks) != 2 {
			t.Fatalf("%d checks, want 2", len(r.Checks))
		}
		c := r.Checks[1]
		if c.ID != "connect.task-schedule-ahead" {
			t.Fatalf("checks[1] is %s", c.ID)
		}
		if c.Required != tt.days || c.Status != tt.want {
			t.Errorf("%v days ahead: required %v status %q, want %q", tt.days, c.Required, c.Status, tt.want)
		}
		assertLimit(t, c, 6, report.FromDefault)
		if c.Recommended != nil {
			t.Errorf("%v days ahead: recommended %v for a quota that cannot be raised", tt.days, *c.Recommended)
		}
	}
}

func TestSizeTasks(t *testing.T) {
	in := sizing.Contacts{Common: source(""), PerHour: 1000, DurationMinutes: 120, Blocking: 0.001} // 2000 erlangs
	r, err := sizing.SizeTasks(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Checks) != 1 {
		t.Fatalf("%d checks without --schedule-ahead, want 1", len(r.Checks))
	}
	c := check(t, r, "connect.concurrent-active-tasks")
	assertLimit(t, c, 2500, report.FromDefault)
	assertSmallestServers(t, c.Required, 2000, 0.001)
	assertMaxPerHour(t, figure(t, r, "max_tasks_per_hour_at_limit"), 2500, 0.001, 0, 120)

	// An override applies to concurrent tasks only, not to the schedule-ahead limit.
	in.Limits = limitOf(in.Common, "connect.concurrent-active-tasks", report.Limit{Value: 5000, Source: report.FromEnv})
	in.ScheduleAheadDays = ptr(3)
	r, err = sizing.SizeTasks(in)
	if err != nil {
		t.Fatal(err)
	}
	assertLimit(t, check(t, r, "connect.concurrent-active-tasks"), 5000, report.FromEnv)
	assertLimit(t, check(t, r, "connect.task-schedule-ahead"), 6, report.FromDefault)
	assertMaxPerHour(t, figure(t, r, "max_tasks_per_hour_at_limit"), 5000, 0.001, 0, 120)
}

func TestSizeVoiceIDSessions(t *testing.T) {
	tests := []struct {
		callsPerHour, domains float64
		sessions, perDomain   float64
		required              float64
		status                report.Status
	}{
		{1000, 1, 50, 50, 50, report.Warn},
		{500, 1, 25, 25, 25, report.OK},
		{20000, 2, 1000, 500, 500, report.Increase},
		{10000, 3, 500, 500.0 / 3, 167, report.Increase},
		{50000, 3, 2500, 2500.0 / 3, 834, report.Increase},
		{60000, 3, 3000, 1000, 1000, report.Increase},
		{3000, 3, 150, 50, 50, report.Warn},
	}
	for _, tt := range tests {
		r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: common(""), CallsPerHour: tt.callsPerHour, Domains: tt.domains})
		if err != nil {
			t.Fatal(err)
		}
		if got := figure(t, r, "sessions"); got != tt.sessions {
			t.Errorf("%v cph: sessions %v, want %v", tt.callsPerHour, got, tt.sessions)
		}
		if got := figure(t, r, "sessions_per_domain"); math.Abs(got-tt.perDomain) > 1e-12*tt.perDomain {
			t.Errorf("%v cph over %v domains: %v per domain, want %v", tt.callsPerHour, tt.domains, got, tt.perDomain)
		}
		c := r.Checks[0]
		if c.ID != "voice-id.concurrent-sessions" || c.Required != tt.required || c.Status != tt.status {
			t.Errorf("%v cph over %v domains: %s required %v status %q, want %v %q", tt.callsPerHour, tt.domains, c.ID, c.Required, c.Status, tt.required, tt.status)
		}
		assertLimit(t, c, 50, report.FromDefault)
		d := check(t, r, "voice-id.domains")
		if d.Required != tt.domains {
			t.Errorf("domains check required %v, want %v", d.Required, tt.domains)
		}
		assertLimit(t, d, 3, report.FromDefault)
	}
}

func TestSizeVoiceIDOverride(t *testing.T) {
	in := sizing.VoiceID{Common: common(""), CallsPerHour: 20000, Domains: 2, Speakers: ptr(1000)}
	in.Limits = limitOf(in.Common, "voice-id.concurrent-sessions", report.Limit{Value: 600, Source: report.FromFlag})
	r, err := sizing.SizeVoiceID(in)
	if err != nil {
		t.Fatal(err)
	}
	assertLimit(t, check(t, r, "voice-id.concurrent-sessions"), 600, report.FromFlag)
	assertLimit(t, check(t, r, "voice-id.domains"), 3, report.FromDefault)
	assertLimit(t, check(t, r, "voice-id.speakers"), 100000, report.FromDefault)
	if c := check(t, r, "voice-id.concurrent-sessions"); c.Status != report.Warn {
		t.Errorf("500 of 600 sessions graded %q, want warn", c.Status)
	}
}

func TestSizeVoiceIDSpeakersAndFraudsters(t *testing.T) {
	in := sizing.VoiceID{Common: common(""), CallsPerHour: 1000, Domains: 3, Speakers: ptr(250000), Fraudsters: ptr(2400)}
	r, err := sizing.SizeVoiceID(in)
	if err != nil {
		t.Fatal(err)
	}
	figures := map[string]float64{
		"speakers_per_domain":         83334, // 83,333.3
		"speaker_enrollment_jobs":     9,     // of 10,000 each
		"fraudsters_per_domain":       800,
		"watchlists_per_domain":       2, // 500 fraudsters per watchlist
		"fraudster_registration_jobs": 2, // of 500 each
	}
	for key, want := range figures {
		if got := figure(t, r, key); got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	checks := map[string]struct {
		required float64
		status   report.Status
	}{
		"voice-id.speakers":                 {83334, report.Warn},
		"voice-id.watchlists":               {2, report.OK},
		"voice-id.fraudsters-per-watchlist": {400, report.OK}, // 80 % of 500: at the target
	}
	for id, want := range checks {
		c := check(t, r, id)
		if c.Required != want.required || c.Status != want.status {
			t.Errorf("%s: required %v status %q, want %v %q", id, c.Required, c.Status, want.required, want.status)
		}
		assertLimit(t, c, c.Limit, report.FromDefault)
	}
	// Batch sizes not given are planned as large as the quota allows: the planner's
	// own need is the number of jobs, not a batch at 100 % of its quota.
	for _, id := range []string{"voice-id.speakers-per-enrollment-job", "voice-id.fraudsters-per-registration-job"} {
		for _, c := range r.Checks {
			if c.ID == id {
				t.Errorf("%s checked at %v without a batch size given", id, c.Required)
			}
		}
	}

	// Given sizes are kept; a watchlist count spreads the fraudsters over them.
	in = sizing.VoiceID{Common: common(""), CallsPerHour: 1000, Domains: 1, Speakers: ptr(5000), Fraudsters: ptr(900), Watchlists: 3, SpeakerBatch: 2000, FraudsterBatch: 100}
	r, err = sizing.SizeVoiceID(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := figure(t, r, "speaker_enrollment_jobs"); got != 3 {
		t.Errorf("5000 speakers in jobs of 2000: %v jobs, want 3", got)
	}
	if got := figure(t, r, "fraudster_registration_jobs"); got != 9 {
		t.Errorf("900 fraudsters in jobs of 100: %v jobs, want 9", got)
	}
	if c := check(t, r, "voice-id.fraudsters-per-watchlist"); c.Required != 300 {
		t.Errorf("900 fraudsters over 3 watchlists: %v per watchlist, want 300", c.Required)
	}
	if c := check(t, r, "voice-id.watchlists"); c.Required != 3 || c.Status != report.Warn {
		t.Errorf("3 watchlists: required %v status %q", c.Required, c.Status)
	}

	// Fewer to load than a full job: the job holds what there is.
	in = sizing.VoiceID{Common: common(""), CallsPerHour: 1000, Domains: 2, Speakers: ptr(3000)}
	r, err = sizing.SizeVoiceID(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := figure(t, r, "speaker_enrollment_jobs"); got != 1 {
		t.Errorf("speaker_enrollment_jobs %v, want 1", got)
	}
}

// Inputs are echoed with the region and target, and region is null when not given.
func TestCommonInputs(t *testing.T) {
	r, err := sizing.SizeCalls(sizing.Calls{Common: common(""), CallsPerHour: 100, DurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Inputs.Get("region"); !ok || v != nil {
		t.Errorf("region input %v, %v; want null", v, ok)
	}
	if v, ok := r.Inputs.Get("target_utilization_pct"); !ok || v != 80.0 {
		t.Errorf("target_utilization_pct %v, %v", v, ok)
	}
	r, _ = sizing.SizeCalls(sizing.Calls{Common: common("eu-west-2"), CallsPerHour: 100, DurationMinutes: 3, Blocking: 0.001})
	if v, _ := r.Inputs.Get("region"); v != "eu-west-2" {
		t.Errorf("region input %v", v)
	}
}

// fields writes fs as key=value pairs in order, the way a result lists them.
func fields(fs report.Fields) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s=%v", f.Key, f.Value))
	}
	return strings.Join(parts, " ")
}

// keys writes the keys of fs in order.
func keys(fs report.Fields) string {
	var k []string
	for _, f := range fs {
		k = append(k, f.Key)
	}
	return strings.Join(k, " ")
}

// TestInputsEchoed: every command echoes each input it was given, in order, with
// the Region (null when not given) and the utilization target last.
func TestInputsEchoed(t *testing.T) {
	analytics, err := sizing.SizeAnalytics(sizing.Analytics{Common: common("us-east-1"), DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: ptr(0.5), Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	postCallOnly, err := sizing.SizeAnalytics(sizing.Analytics{Common: common(""), DurationMinutes: 10, CallsPerHour: 3000})
	if err != nil {
		t.Fatal(err)
	}
	calls, err := sizing.SizeCalls(sizing.Calls{Common: common("eu-west-2"), CallsPerHour: 1000, DurationMinutes: 5, OutboundCallsPerHour: 300, OutboundDurationMinutes: 2, Blocking: 0.002})
	if err != nil {
		t.Fatal(err)
	}
	chats, err := sizing.SizeChats(sizing.Contacts{Common: common(""), PerHour: 600, DurationMinutes: 8, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	tasks, err := sizing.SizeTasks(sizing.Contacts{Common: common(""), PerHour: 1000, DurationMinutes: 60, Blocking: 0.01, ScheduleAheadDays: ptr(3)})
	if err != nil {
		t.Fatal(err)
	}
	voiceID, err := sizing.SizeVoiceID(sizing.VoiceID{Common: common(""), CallsPerHour: 1000, Domains: 2, Speakers: ptr(3000), Fraudsters: ptr(900)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    *report.Result
		want string
	}{
		{analytics, "duration_minutes=5 calls_per_hour=1200 realtime_share=0.5 blocking_target=0.001 region=us-east-1 target_utilization_pct=80 edition=2023"},
		{postCallOnly, "duration_minutes=10 calls_per_hour=3000 region=<nil> target_utilization_pct=80 edition=2023"},
		{calls, "calls_per_hour=1000 duration_minutes=5 outbound_calls_per_hour=300 outbound_duration_minutes=2 blocking_target=0.002 region=eu-west-2 target_utilization_pct=80 edition=2023"},
		{chats, "chats_per_hour=600 duration_minutes=8 blocking_target=0.001 region=<nil> target_utilization_pct=80 edition=2023"},
		{tasks, "tasks_per_hour=1000 duration_minutes=60 schedule_ahead_days=3 blocking_target=0.01 region=<nil> target_utilization_pct=80 edition=2023"},
		{voiceID, "calls_per_hour=1000 domains=2 speakers=3000 fraudsters=900 region=<nil> target_utilization_pct=80 edition=2023"},
	}
	for _, tt := range tests {
		if got := fields(tt.r.Inputs); got != tt.want {
			t.Errorf("%s inputs:\n got %s\nwant %s", tt.r.Command, got, tt.want)
		}
	}
}

// TestAnalyticsFigures: the page's formula gives 5 min x 0.4 x 1,200 / 60 = 40
// post-call jobs; the real-time half of the calls is 600 x 5 / 60 = 50 erlangs.
func TestAnalyticsFigures(t *testing.T) {
	r, err := sizing.SizeAnalytics(sizing.Analytics{Common: common("us-east-1"), DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: ptr(0.5), Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(r.Figures), "post_call_jobs post_call_jobs_rounded realtime_offered_load_erlangs realtime_blocking_at_limit realtime_poisson_p999_concurrent"; got != want {
		t.Errorf("figures %s, want %s", got, want)
	}
	if got := figure(t, r, "post_call_jobs"); got != 40 {
		t.Errorf("post_call_jobs %v, want 40", got)
	}
	if got := figure(t, r, "realtime_offered_load_erlangs"); got != 50 {
		t.Errorf("realtime_offered_load_erlangs %v, want 50", got)
	}
	// The Region is given, so the note is the catalogue's alone.
	if c := check(t, r, sizing.RealtimeCallsID); c.Note != tables.In(tables.Edition2023).MustLookup(sizing.RealtimeCallsID).Note {
		t.Errorf("real-time note %q", c.Note)
	}
	r, err = sizing.SizeAnalytics(sizing.Analytics{Common: common(""), DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: ptr(0.5), Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if c, want := check(t, r, sizing.RealtimeCallsID), tables.In(tables.Edition2023).MustLookup(sizing.RealtimeCallsID).Note+" No --region given: the general default applies."; c.Note != want {
		t.Errorf("real-time note without a Region %q, want %q", c.Note, want)
	}
}

// The schedule-ahead note names the limit it was checked against: 6 days by
// default, or the one the planner gives.
func TestSizeTasksScheduleAheadNote(t *testing.T) {
	const rest = " days ahead, and create later ones nearer the time (from a scheduled job or flow)."
	for _, tt := range []struct {
		c    sizing.Common
		want string
	}{
		{source(""), "Cannot be raised: schedule tasks at most 6" + rest},
		{withLimit(source(""), "connect.task-schedule-ahead", report.Limit{Value: 2.5, Source: report.FromFlag}), "Cannot be raised: schedule tasks at most 2.5" + rest},
	} {
		r, err := sizing.SizeTasks(sizing.Contacts{Common: tt.c, PerHour: 10, DurationMinutes: 5, Blocking: 0.001, ScheduleAheadDays: ptr(1)})
		if err != nil {
			t.Fatal(err)
		}
		if c := check(t, r, "connect.task-schedule-ahead"); c.Note != tt.want {
			t.Errorf("note %q, want %q", c.Note, tt.want)
		}
	}
}

// TestVoiceIDJobChecks: a batch size or a number of jobs at once that the planner
// gives is checked against its quota (the page: 10,000 speakers and 500 fraudsters
// per job, one active job of each kind per domain).
func TestVoiceIDJobChecks(t *testing.T) {
	r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: common(""), CallsPerHour: 1000, Domains: 1, Speakers: ptr(5000), Fraudsters: ptr(900),
		SpeakerBatch: 2000, FraudsterBatch: 100, EnrollmentJobs: ptr(1), RegistrationJobs: ptr(2)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id              string
		required, limit float64
		status          report.Status
	}{
		{"voice-id.speakers-per-enrollment-job", 2000, 10000, report.OK},
		{"voice-id.fraudsters-per-registration-job", 100, 500, report.OK},
		{"voice-id.active-speaker-enrollment-jobs", 1, 1, report.Warn},
		{"voice-id.active-fraudster-registration-jobs", 2, 1, report.Increase},
	} {
		c := check(t, r, tt.id)
		if c.Required != tt.required || c.Limit != tt.limit || c.Status != tt.status {
			t.Errorf("%s: %v of %v (%s), want %v of %v (%s)", tt.id, c.Required, c.Limit, c.Status, tt.required, tt.limit, tt.status)
		}
	}
}

// A check made for a named instance carries its name; without one it has none.
func TestCheckInstance(t *testing.T) {
	c := common("")
	c.Instance = "support"
	r, err := sizing.SizeCalls(sizing.Calls{Common: c, CallsPerHour: 100, DurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Checks[0].Instance; got == nil || *got != "support" {
		t.Errorf("instance %v, want support", got)
	}
	r, err = sizing.SizeCalls(sizing.Calls{Common: common(""), CallsPerHour: 100, DurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Checks[0].Instance; got != nil {
		t.Errorf("instance %q without one named, want none", *got)
	}
}

// The load cap is inclusive: exactly 1,000,000 erlangs (a million chats an hour of
// 60 minutes each) is sized. Above it, the message gives the contacts per hour as
// written (inbound and outbound together) and the load.
func TestLoadCap(t *testing.T) {
	if _, err := sizing.SizeChats(sizing.Contacts{Common: common(""), PerHour: 1_000_000, DurationMinutes: 60, Blocking: 0.001}); err != nil {
		t.Errorf("1,000,000 erlangs: %v", err)
	}
	_, err := sizing.SizeCalls(sizing.Calls{Common: common(""), CallsPerHour: 1e9, DurationMinutes: 60, OutboundCallsPerHour: 5e8, OutboundDurationMinutes: 60, Blocking: 0.001})
	const want = "--cph: 1500000000 per hour gives an offered load of 1.5e+09 erlangs, more than connectcap sizes (1000000 erlangs); lower the contacts per hour or their duration"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestMaxPerHourAtTheTarget: with the blocking target set to B(10, 5) itself, 5
// chats an hour of 60 minutes each (5 erlangs) block exactly at the target, so 5 is
// the most the limit carries, not 4: the last whole contact is not lost to
// rounding. B(10, 5) = 0.018384570336648133 (mpmath, 40 digits); 6 chats an hour
// block 0.0431.
func TestMaxPerHourAtTheTarget(t *testing.T) {
	c := withLimit(common(""), "connect.concurrent-active-chats", report.Limit{Value: 10, Source: report.FromFlag})
	r, err := sizing.SizeChats(sizing.Contacts{Common: c, PerHour: 5, DurationMinutes: 60, Blocking: 0.018384570336648133})
	if err != nil {
		t.Fatal(err)
	}
	if got := figure(t, r, "max_chats_per_hour_at_limit"); got != 5 {
		t.Errorf("max chats per hour %v, want 5", got)
	}
}

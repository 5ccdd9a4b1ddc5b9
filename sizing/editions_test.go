package sizing_test

import (
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// The source document's worked examples reproduce under both editions: the current
// page prints the same post-call formula and examples and the same Voice ID table,
// and both editions give the two quotas the same defaults (200 jobs, 50 sessions).

func inEdition(e tables.Edition, region string) sizing.Common {
	return sizing.Common{Region: region, TargetPct: sizing.DefaultTargetPct, Edition: e}
}

func assertEdition(t *testing.T, r *report.Result, e tables.Edition) {
	t.Helper()
	if v, ok := r.Inputs.Get("edition"); !ok || v != string(e) {
		t.Errorf("%s: input edition %v, want %s", r.Command, v, e)
	}
	for _, c := range r.Checks {
		if c.Edition != e {
			t.Errorf("%s: check %s from the %s edition, want %s", r.Command, c.ID, c.Edition, e)
		}
	}
}

// The page's table "Derive Concurrent post-call analytics jobs": average call
// duration, calls per hour, approximate concurrent post-call jobs. Required is the
// exact figure rounded up (5 x 0.4 x 1000 / 60 = 33.3 needs 34 jobs); 200 jobs fill
// the 200-job quota, over the 80 % target, so 250 is recommended.
func TestPostCallTableBothEditions(t *testing.T) {
	tests := []struct {
		durationMinutes, callsPerHour float64
		page, required                float64
		status                        report.Status
		recommended                   float64 // 0: none
	}{
		{5, 1000, 33, 34, report.OK, 0},
		{10, 500, 33, 34, report.OK, 0},
		{10, 1000, 67, 67, report.OK, 0},
		{10, 3000, 200, 200, report.Warn, 250},
	}
	for _, e := range tables.Editions {
		for _, tt := range tests {
			r, err := sizing.SizeAnalytics(sizing.Analytics{Common: inEdition(e, ""), DurationMinutes: tt.durationMinutes, CallsPerHour: tt.callsPerHour, Blocking: sizing.DefaultBlocking})
			if err != nil {
				t.Fatal(err)
			}
			assertEdition(t, r, e)
			if got := figure(t, r, "post_call_jobs_rounded"); got != tt.page {
				t.Errorf("%s, %v min, %v cph: %v jobs, page %v", e, tt.durationMinutes, tt.callsPerHour, got, tt.page)
			}
			c := check(t, r, sizing.PostCallJobsID)
			if c.Required != tt.required || c.Status != tt.status {
				t.Errorf("%s, %v min, %v cph: required %v status %q, want %v %q", e, tt.durationMinutes, tt.callsPerHour, c.Required, c.Status, tt.required, tt.status)
			}
			if (c.Recommended == nil) != (tt.recommended == 0) || (c.Recommended != nil && *c.Recommended != tt.recommended) {
				t.Errorf("%s, %v min, %v cph: recommended %v, want %v", e, tt.durationMinutes, tt.callsPerHour, c.Recommended, tt.recommended)
			}
			assertLimit(t, c, 200, report.FromDefault)
		}
	}
}

// The real-time quota is where the editions differ: 50, and 100 in US East
// (N. Virginia), on the 2023 page; 300 in every Region on the current one.
func TestRealtimeDefaultByEdition(t *testing.T) {
	tests := []struct {
		e      tables.Edition
		region string
		limit  float64
		source report.LimitSource
	}{
		{tables.Edition2023, "us-east-1", 100, report.FromRegionDefault},
		{tables.Edition2023, "eu-west-2", 50, report.FromDefault},
		{tables.Edition2026, "us-east-1", 300, report.FromDefault},
		{tables.Edition2026, "eu-west-2", 300, report.FromDefault},
	}
	for _, tt := range tests {
		r, err := sizing.SizeAnalytics(sizing.Analytics{Common: inEdition(tt.e, tt.region), DurationMinutes: 5, CallsPerHour: 1000, RealtimeShare: ptr(0.1), Blocking: sizing.DefaultBlocking})
		if err != nil {
			t.Fatal(err)
		}
		assertEdition(t, r, tt.e)
		assertLimit(t, check(t, r, sizing.RealtimeCallsID), tt.limit, tt.source)
	}
}

// The page's table "Derive Concurrent active sessions": calls per hour through
// Voice ID and concurrent active sessions, against the 50-session quota of one
// domain. 50 sessions fill the quota, over the 80 % target (63 recommended); the
// larger rows exceed it, and 80 % of each is recommended: 250 / 0.8 = 312.5 → 313.
func TestVoiceIDTableBothEditions(t *testing.T) {
	tests := []struct {
		callsPerHour, sessions float64
		status                 report.Status
		recommended            float64
	}{
		{1000, 50, report.Warn, 63},
		{5000, 250, report.Increase, 313},
		{10000, 500, report.Increase, 625},
		{20000, 1000, report.Increase, 1250},
		{50000, 2500, report.Increase, 3125},
	}
	for _, e := range tables.Editions {
		for _, tt := range tests {
			r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: inEdition(e, ""), CallsPerHour: tt.callsPerHour, Domains: 1})
			if err != nil {
				t.Fatal(err)
			}
			assertEdition(t, r, e)
			if got := figure(t, r, "sessions"); got != tt.sessions {
				t.Errorf("%s, %v cph: %v sessions, page %v", e, tt.callsPerHour, got, tt.sessions)
			}
			c := check(t, r, "voice-id.concurrent-sessions")
			if c.Required != tt.sessions || c.Status != tt.status {
				t.Errorf("%s, %v cph: required %v status %q, want %v %q", e, tt.callsPerHour, c.Required, c.Status, tt.sessions, tt.status)
			}
			if c.Recommended == nil || *c.Recommended != tt.recommended {
				t.Errorf("%s, %v cph: recommended %v, want %v", e, tt.callsPerHour, c.Recommended, tt.recommended)
			}
			assertLimit(t, c, 50, report.FromDefault)
			assertLimit(t, check(t, r, "voice-id.domains"), 3, report.FromDefault)
		}
	}
}

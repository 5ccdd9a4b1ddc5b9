package sizing_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
)

// These tests read the current edition (current, in current_test.go): the 2023
// edition has no concurrent campaign calls row. The expected values below are Erlang B worked independently with mpmath (50
// digits), B(N, A) = (A^N / N!) / Σ_{k≤N} A^k / k!, and the Poisson quantile by
// summing the pmf:
//
//	120 calls/h × 3 min = 6 erlangs: B(14, 6) = 0.00223 > 0.001 ≥ B(15, 6) = 0.000892,
//	  so 15 slots at blocking 0.001 (13 at 0.01); 99.9 % Poisson concurrency 15.
//	400 calls/h × 6 min = 40 erlangs alone need 60 slots at 0.001.
//	40 + 6 = 46 erlangs pooled: B(66, 46) = 0.00107 > 0.001 ≥ B(67, 46) = 0.000734,
//	  so 67 slots, where the separately rounded needs sum to 60 + 15 = 75.
//	B(20, 6) = 3.725e-6; 20 slots carry 9.4115 erlangs at 0.001: 188 calls/h of 3 min.
//	100 slots carry 75.242 erlangs at 0.001.

// TestSizeCampaignCallsDefaultZero: with the default of 0, campaign traffic is an
// increase sized to the target, and the note says plainly why.
func TestSizeCampaignCallsDefaultZero(t *testing.T) {
	for _, tt := range []struct {
		blocking       float64
		required, want float64 // slots, and the value to request at 80 %
	}{
		{0.001, 15, 19}, // 15 / 0.8 = 18.75
		{0.01, 13, 17},  // 13 / 0.8 = 16.25
	} {
		r, err := sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: current("us-east-1"), CallsPerHour: 120, DurationMinutes: 3, Blocking: tt.blocking})
		if err != nil {
			t.Fatal(err)
		}
		c := check(t, r, sizing.CampaignCallsID)
		assertLimit(t, c, 0, report.FromDefault)
		if c.Required != tt.required || c.Status != report.Increase || c.Recommended == nil || *c.Recommended != tt.want {
			t.Errorf("blocking %v: required %v, status %s, recommended %v; want %v, increase, %v", tt.blocking, c.Required, c.Status, c.Recommended, tt.required, tt.want)
		}
		if c.UtilizationPct != nil {
			t.Errorf("utilization of 0 is %v, want nil", *c.UtilizationPct)
		}
		if c.Level != "resource" {
			t.Errorf("level %q, want resource", c.Level)
		}
		for _, want := range []string{"The default is 0: campaigns cannot place calls until this quota is raised.", "120 campaign calls per hour of 3 minutes offer 6 erlangs", "fast busy"} {
			if !strings.Contains(c.Note, want) {
				t.Errorf("note %q lacks %q", c.Note, want)
			}
		}
		// At a limit of 0 every campaign call is blocked.
		for key, want := range map[string]float64{"offered_load_erlangs": 6, "blocking_at_limit": 1, "blocked_calls_per_hour_at_limit": 120,
			"poisson_p999_concurrent": 15, "max_calls_per_hour_at_limit": 0} {
			if got := figure(t, r, key); got != want {
				t.Errorf("blocking %v: %s = %v, want %v", tt.blocking, key, got, want)
			}
		}
		if _, err := json.Marshal(r.Document()); err != nil {
			t.Errorf("JSON: %v", err)
		}
	}
}

// TestSizeCampaignCallsRaised: with the quota raised, the need is graded as any
// loss-model quota and the note no longer speaks of 0.
func TestSizeCampaignCallsRaised(t *testing.T) {
	c := withLimit(current("us-east-1"), sizing.CampaignCallsID, report.Limit{Value: 20, Source: report.FromPlan})
	r, err := sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: c, CallsPerHour: 120, DurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	ch := check(t, r, sizing.CampaignCallsID)
	if ch.Required != 15 || ch.Status != report.OK || ch.Recommended != nil || ch.UtilizationPct == nil || *ch.UtilizationPct != 75 {
		t.Errorf("15 of 20: required %v, status %s, recommended %v, utilization %v; want 15, ok, nil, 75", ch.Required, ch.Status, ch.Recommended, ch.UtilizationPct)
	}
	if strings.Contains(ch.Note, "default is 0") {
		t.Errorf("note %q speaks of the default with a limit of 20", ch.Note)
	}
	if got := figure(t, r, "blocking_at_limit"); math.Abs(got-3.7250673674145e-6) > 1e-17 {
		t.Errorf("blocking at 20 slots = %v, want 3.7250673674145e-6", got)
	}
	if got := figure(t, r, "max_calls_per_hour_at_limit"); got != 188 {
		t.Errorf("most calls per hour at 20 slots = %v, want 188", got)
	}
	// No calls on a raised quota: nothing to recall about the default.
	r, err = sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: c, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if ch := check(t, r, sizing.CampaignCallsID); ch.Status != report.OK || strings.Contains(ch.Note, "default is 0") || !strings.HasPrefix(ch.Note, "No campaign calls in the plan. Above the quota") {
		t.Errorf("no calls on a limit of 20: %s, note %q", ch.Status, ch.Note)
	}
}

// TestSizeCampaignCallsNoTraffic: no campaign calls need no slots: ok against the
// default of 0, nothing to request, and the note says the quota is still 0.
func TestSizeCampaignCallsNoTraffic(t *testing.T) {
	r, err := sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: current("us-east-1"), Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	c := check(t, r, sizing.CampaignCallsID)
	if c.Required != 0 || c.Status != report.OK || c.Recommended != nil || c.UtilizationPct == nil || *c.UtilizationPct != 0 {
		t.Errorf("0 of 0: required %v, status %s, recommended %v, utilization %v; want 0, ok, nil, 0", c.Required, c.Status, c.Recommended, c.UtilizationPct)
	}
	if !strings.Contains(c.Note, "No campaign calls in the plan. The default is 0: campaigns cannot place calls until this quota is raised") {
		t.Errorf("note %q", c.Note)
	}
	if len(r.Figures) != 0 {
		t.Errorf("figures without traffic: %v", r.Figures)
	}
}

func TestSizeCampaignCallsTooLarge(t *testing.T) {
	_, err := sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: current(""), CallsPerHour: 1e7, DurationMinutes: 7 * 1440, Blocking: 0.001})
	var ie *sizing.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an InputError", err)
	}
}

// TestSizeCallsPoolsCampaignCalls: campaign calls count against concurrent active
// calls, pooled with inbound calls in one Erlang B: 46 erlangs need 67 slots,
// not the 60 + 15 = 75 of rounding each need on its own.
func TestSizeCallsPoolsCampaignCalls(t *testing.T) {
	c := withLimit(current("us-east-1"), "connect.concurrent-active-calls", report.Limit{Value: 100, Source: report.FromPlan})
	r, err := sizing.SizeCalls(sizing.Calls{Common: c, CallsPerHour: 400, DurationMinutes: 6, CampaignCallsPerHour: 120, CampaignDurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	ch := check(t, r, "connect.concurrent-active-calls")
	if ch.Required != 67 {
		t.Errorf("required %v, want 67 (46 erlangs pooled; 75 summed separately)", ch.Required)
	}
	if got := figure(t, r, "offered_load_erlangs"); got != 46 {
		t.Errorf("offered load %v, want 46", got)
	}
	if got, want := figure(t, r, "blocked_calls_per_hour_at_limit"), figure(t, r, "blocking_at_limit")*520; got != want {
		t.Errorf("blocked calls per hour %v, want blocking × 520 calls = %v", got, want)
	}
	// 100 slots carry 75.242 erlangs at 0.001; after the campaign's 6 that is 692
	// inbound calls per hour of 6 minutes.
	if got := figure(t, r, "max_calls_per_hour_at_limit"); got != 692 {
		t.Errorf("most inbound calls per hour beside the campaign = %v, want 692", got)
	}
	if !strings.Contains(ch.Note, "Includes campaign calls: 120 per hour of 3 minutes, 6 of the 46 erlangs offered, pooled with the other calls in one Erlang B.") {
		t.Errorf("note %q does not say it includes campaign calls", ch.Note)
	}
	for _, key := range []string{"campaign_calls_per_hour", "campaign_duration_minutes"} {
		if _, ok := r.Inputs.Get(key); !ok {
			t.Errorf("no input %s", key)
		}
	}
	// Without campaign calls nothing changes: no campaign inputs, the catalogue's note.
	r, err = sizing.SizeCalls(sizing.Calls{Common: c, CallsPerHour: 400, DurationMinutes: 6, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if ch := check(t, r, "connect.concurrent-active-calls"); ch.Required != 60 || strings.Contains(ch.Note, "Includes campaign calls") {
		t.Errorf("inbound alone: required %v (want 60), note %q", ch.Required, ch.Note)
	}
	if _, ok := r.Inputs.Get("campaign_calls_per_hour"); ok {
		t.Error("campaign input without campaign calls")
	}
}

// TestSizeCallsCampaignOnly: an instance whose only calls are its campaigns'
// still needs concurrent active calls for them, and has no inbound rate to give.
func TestSizeCallsCampaignOnly(t *testing.T) {
	r, err := sizing.SizeCalls(sizing.Calls{Common: current("us-east-1"), CampaignCallsPerHour: 120, CampaignDurationMinutes: 3, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if c := check(t, r, "connect.concurrent-active-calls"); c.Required != 15 {
		t.Errorf("required %v, want 15", c.Required)
	}
	if _, ok := r.Figures.Get("max_calls_per_hour_at_limit"); ok {
		t.Error("an inbound rate figure without inbound calls")
	}
	if _, err := json.Marshal(r.Document()); err != nil {
		t.Errorf("JSON: %v", err)
	}
}

// TestSizeCampaignCallsInputs: the result lists the command's own inputs and then
// the common ones, as every command does.
func TestSizeCampaignCallsInputs(t *testing.T) {
	c := current("us-east-1")
	c.TargetPct = 70
	r, err := sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: c, CallsPerHour: 120, DurationMinutes: 3, Blocking: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fields(r.Inputs), "calls_per_hour=120 duration_minutes=3 blocking_target=0.01 region=us-east-1 target_utilization_pct=70 edition=2026"; got != want {
		t.Errorf("inputs %s, want %s", got, want)
	}
}

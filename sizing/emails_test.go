package sizing_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// The expected values below come from Erlang B evaluated at 60 digits with mpmath
// (the recursion B(n) = A·B(n−1) / (n + A·B(n−1)), and a bisection on A for the
// largest load 1000 slots carry at 0.001), not from calc.
func TestSizeEmails(t *testing.T) {
	tests := []struct {
		name          string
		in            sizing.Emails
		load          float64
		required      float64
		blocking      float64 // ErlangB(1000, load)
		maxPerHour    float64
		status        report.Status
		recommended   float64 // 0: none
		utilizationPc float64
	}{
		// 120 emails an hour, 6 hours active: 720 erlangs.
		{"hours", sizing.Emails{EmailsPerHour: 120, DurationMinutes: 360}, 720, 783, 1.085988531128363e-23, 155, report.OK, 0, 78.3},
		// 100 an hour, 9 hours: 900 erlangs, above the 80 % target of 1000.
		{"near the limit", sizing.Emails{EmailsPerHour: 100, DurationMinutes: 540}, 900, 969, 5.9298626701462239e-5, 103, report.Warn, 1212, 96.9},
		// 120 an hour for 2 days and 30 agent-initiated an hour for 20 minutes:
		// 5760 + 10 = 5770 erlangs; the most inbound emails the limit carries are
		// what is left of 930.325 erlangs after the 10 outbound, over 2 days.
		{"days with agent-initiated", sizing.Emails{EmailsPerHour: 120, DurationMinutes: 2 * 1440, OutboundEmailsPerHour: 30, OutboundDurationMinutes: 20}, 5770, 5910, 0.82672608966503653, 19, report.Increase, 7388, 591},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.Common, in.Blocking = current(""), 0.001
			r, err := sizing.SizeEmails(in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Command != "emails" || len(r.Checks) != 1 {
				t.Fatalf("command %q, %d checks", r.Command, len(r.Checks))
			}
			if got := figure(t, r, "offered_load_erlangs"); math.Abs(got-tt.load) > 1e-9 {
				t.Errorf("offered load %v, want %v", got, tt.load)
			}
			c := check(t, r, "connect.concurrent-active-emails")
			assertLimit(t, c, 1000, report.FromDefault)
			if c.Required != tt.required {
				t.Errorf("required %v, want %v", c.Required, tt.required)
			}
			if got := figure(t, r, "blocking_at_limit"); math.Abs(got-tt.blocking) > 1e-12*tt.blocking {
				t.Errorf("blocking at the limit %v, want %v", got, tt.blocking)
			}
			perHour := in.EmailsPerHour + in.OutboundEmailsPerHour
			if got := figure(t, r, "blocked_emails_per_hour_at_limit"); math.Abs(got-tt.blocking*perHour) > 1e-12*tt.blocking*perHour {
				t.Errorf("blocked emails per hour %v, want %v", got, tt.blocking*perHour)
			}
			if got := figure(t, r, "max_emails_per_hour_at_limit"); got != tt.maxPerHour {
				t.Errorf("max emails per hour at the limit %v, want %v", got, tt.maxPerHour)
			}
			if c.Status != tt.status || c.UtilizationPct == nil || math.Abs(*c.UtilizationPct-tt.utilizationPc) > 1e-9 {
				t.Errorf("status %s at %v %%, want %s at %v %%", c.Status, c.UtilizationPct, tt.status, tt.utilizationPc)
			}
			if (c.Recommended == nil) != (tt.recommended == 0) || (c.Recommended != nil && *c.Recommended != tt.recommended) {
				t.Errorf("recommended %v, want %v", c.Recommended, tt.recommended)
			}
			for _, key := range []string{"emails_per_hour", "duration_minutes", "outbound_emails_per_hour", "outbound_duration_minutes", "blocking_target", "edition"} {
				if _, ok := r.Inputs.Get(key); !ok {
					t.Errorf("no input %s", key)
				}
			}
		})
	}
}

// TestSizeEmailsMaxPerHourLeavesOutbound: the most inbound emails the limit
// carries are what is left of its load after the agent-initiated emails. 1000
// slots carry 930.325 erlangs at 0.001 (mpmath, as above); 600 agent-initiated an
// hour of 60 minutes take 600 of them, and inbound emails of 60 minutes fit in
// the 330.325 left: 330 an hour (930 without the agent-initiated load).
func TestSizeEmailsMaxPerHourLeavesOutbound(t *testing.T) {
	r, err := sizing.SizeEmails(sizing.Emails{Common: current(""), EmailsPerHour: 100, DurationMinutes: 60,
		OutboundEmailsPerHour: 600, OutboundDurationMinutes: 60, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if got := figure(t, r, "max_emails_per_hour_at_limit"); got != 330 {
		t.Errorf("max inbound emails per hour at the limit %v, want 330", got)
	}
}

// TestSizeEmailsSmall: 30 emails an hour for 90 minutes, 45 erlangs, need 66
// slots (mpmath); the limit's blocking, about 1e-934, is below float64 and is 0.
func TestSizeEmailsSmall(t *testing.T) {
	r, err := sizing.SizeEmails(sizing.Emails{Common: current(""), EmailsPerHour: 30, DurationMinutes: 90, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if c := check(t, r, "connect.concurrent-active-emails"); c.Required != 66 {
		t.Errorf("required %v, want 66", c.Required)
	}
	if got := figure(t, r, "blocking_at_limit"); got != 0 {
		t.Errorf("blocking at the limit %v, want 0", got)
	}
}

// TestSizeEmailsRequiredMonotone: more emails, or longer ones, never need fewer
// slots; and the load pools inbound and agent-initiated emails.
func TestSizeEmailsRequiredMonotone(t *testing.T) {
	required := func(in sizing.Emails) float64 {
		t.Helper()
		in.Common, in.Blocking = current(""), 0.001
		r, err := sizing.SizeEmails(in)
		if err != nil {
			t.Fatal(err)
		}
		return check(t, r, "connect.concurrent-active-emails").Required
	}
	prev := 0.0
	for perHour := 1.0; perHour <= 2000; perHour *= 1.37 {
		got := required(sizing.Emails{EmailsPerHour: perHour, DurationMinutes: 600})
		if got < prev {
			t.Errorf("%v emails an hour need %v slots, fewer than %v for fewer emails", perHour, got, prev)
		}
		prev = got
	}
	prev = 0
	for minutes := 1.0; minutes <= 90*1440; minutes *= 1.9 {
		got := required(sizing.Emails{EmailsPerHour: 5, DurationMinutes: minutes})
		if got < prev {
			t.Errorf("%v minutes active need %v slots, fewer than %v for shorter emails", minutes, got, prev)
		}
		prev = got
	}
	prev = 0
	for outbound := 0.0; outbound <= 500; outbound += 25 {
		got := required(sizing.Emails{EmailsPerHour: 100, DurationMinutes: 300, OutboundEmailsPerHour: outbound, OutboundDurationMinutes: 30})
		if got < prev {
			t.Errorf("%v agent-initiated emails an hour need %v slots, fewer than %v with fewer", outbound, got, prev)
		}
		prev = got
	}
	// 100 inbound of 5 hours and 1000 agent-initiated of 30 minutes are 500 + 500
	// erlangs, as 200 inbound emails of 5 hours alone.
	if a, b := required(sizing.Emails{EmailsPerHour: 100, DurationMinutes: 300, OutboundEmailsPerHour: 1000, OutboundDurationMinutes: 30}),
		required(sizing.Emails{EmailsPerHour: 200, DurationMinutes: 300}); a != b {
		t.Errorf("pooled load needs %v, the same load inbound alone %v", a, b)
	}
}

func TestSizeEmailsLimitFlag(t *testing.T) {
	c := withLimit(current(""), "connect.concurrent-active-emails", report.Limit{Value: 7388, Source: report.FromFlag})
	r, err := sizing.SizeEmails(sizing.Emails{Common: c, EmailsPerHour: 120, DurationMinutes: 2 * 1440, OutboundEmailsPerHour: 30, OutboundDurationMinutes: 20, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	ch := check(t, r, "connect.concurrent-active-emails")
	assertLimit(t, ch, 7388, report.FromFlag)
	if ch.Status != report.OK || ch.Recommended != nil {
		t.Errorf("at the recommended value: status %s, recommended %v", ch.Status, ch.Recommended)
	}
}

// TestSizeEmailsExpiryNote: a time active past the active email contact expiry
// (14 days by default) is noted; at it, not.
func TestSizeEmailsExpiryNote(t *testing.T) {
	for _, tt := range []struct {
		in   sizing.Emails
		want string // "" for no note
	}{
		{sizing.Emails{EmailsPerHour: 1, DurationMinutes: 14 * 1440}, ""},
		{sizing.Emails{EmailsPerHour: 1, DurationMinutes: 20 * 1440}, "The time an inbound email stays active, 20d, is longer than the active email contact expiry of 14 days"},
		{sizing.Emails{EmailsPerHour: 1, DurationMinutes: 60, OutboundEmailsPerHour: 1, OutboundDurationMinutes: 15 * 1440}, "The time an agent-initiated email stays active, 15d, is longer"},
		// An agent-initiated time only as long as the inbound one leaves the inbound
		// emails named: the note names the other only when it is longer.
		{sizing.Emails{EmailsPerHour: 1, DurationMinutes: 20 * 1440, OutboundEmailsPerHour: 1, OutboundDurationMinutes: 20 * 1440}, "The time an inbound email stays active, 20d, is longer"},
		// Agent-initiated minutes without agent-initiated emails say nothing.
		{sizing.Emails{EmailsPerHour: 1, DurationMinutes: 60, OutboundDurationMinutes: 15 * 1440}, ""},
	} {
		in := tt.in
		in.Common, in.Blocking = current(""), 0.001
		r, err := sizing.SizeEmails(in)
		if err != nil {
			t.Fatal(err)
		}
		note := check(t, r, "connect.concurrent-active-emails").Note
		if !strings.HasPrefix(note, "Counts emails in flows") {
			t.Errorf("note %q does not start with the catalogue's", note)
		}
		if tt.want == "" && strings.Contains(note, "expiry") {
			t.Errorf("%+v: note %q mentions the expiry", tt.in, note)
		}
		if tt.want != "" && (!strings.Contains(note, tt.want) || !strings.Contains(note, "up to 90 days")) {
			t.Errorf("%+v: note %q, want %q and the 90-day most", tt.in, note, tt.want)
		}
	}
	// An applied expiry of 30 days takes a 20-day time active.
	c := current("")
	c.Limits = report.Override{ID: "connect.email-contact-expiry", Value: report.Limit{Value: 30, Source: report.FromPlan}, Next: report.Defaults{}}
	r, err := sizing.SizeEmails(sizing.Emails{Common: c, EmailsPerHour: 1, DurationMinutes: 20 * 1440, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	if note := check(t, r, "connect.concurrent-active-emails").Note; strings.Contains(note, "expiry") {
		t.Errorf("with a 30-day expiry: note %q", note)
	}
}

// TestSizeEmails2023: the 2023 edition has no email rows: an error naming
// --edition, whatever the limits say.
func TestSizeEmails2023(t *testing.T) {
	c := withLimit(current(""), "connect.concurrent-active-emails", report.Limit{Value: 5000, Source: report.FromFlag})
	c.Edition = tables.Edition2023
	r, err := sizing.SizeEmails(sizing.Emails{Common: c, EmailsPerHour: 120, DurationMinutes: 360, Blocking: 0.001})
	var ie *sizing.InputError
	if !errors.As(err, &ie) || r != nil {
		t.Fatalf("result %v, error %v; want an InputError", r, err)
	}
	if ie.Flag != "--edition" || ie.Message != "the 2023 edition of the quotas page has no email quotas; use --edition 2026, the current page" {
		t.Errorf("error %q", err)
	}
	if c.HasEmails() || !current("").HasEmails() || !(sizing.Common{}).HasEmails() {
		t.Error("HasEmails: want false for 2023, true for 2026 and the default edition")
	}
}

// TestSizeEmailsLoadGuard: a load past MaxLoadErlangs is refused, naming --cph;
// just under it is sized, and quickly (the O(N) recursions stop at the load).
func TestSizeEmailsLoadGuard(t *testing.T) {
	_, err := sizing.SizeEmails(sizing.Emails{Common: current(""), EmailsPerHour: 463, DurationMinutes: 90 * 1440, Blocking: 0.001})
	var ie *sizing.InputError
	if !errors.As(err, &ie) || ie.Flag != "--cph" || !strings.Contains(ie.Message, "more than connectcap sizes (1000000 erlangs)") {
		t.Fatalf("463 emails an hour of 90 days (1,000,080 erlangs): %v", err)
	}
	r, err := sizing.SizeEmails(sizing.Emails{Common: current(""), EmailsPerHour: 462.9, DurationMinutes: 90 * 1440, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	// 999,864 erlangs: at a million slots Erlang B at 0.001 needs fewer slots
	// than erlangs (blocking at N = A is about sqrt(2/(πA)) ≈ 0.0008).
	if c := check(t, r, "connect.concurrent-active-emails"); c.Required > 999864 || c.Required < 999000 {
		t.Errorf("required %v for 999,864 erlangs", c.Required)
	}
}

// TestStaffChannelsAnswerWithin: a channel's own answer time replaces the
// targets'. 120 emails an hour of 10 minutes are 20 erlangs; Erlang C at 60
// digits (mpmath) gives 21 agents for 80 % within 4 hours, 25 within 20 seconds,
// and 24 at 85 % occupancy (20 / 0.85 = 23.5) whichever the answer time.
func TestStaffChannelsAnswerWithin(t *testing.T) {
	targets := sizing.Agents{AnswerWithinSeconds: 20, ServiceLevelPct: 80, MaxOccupancyPct: 100}
	email := sizing.Channel{Name: "email", PerHour: 120, AHTSeconds: 600, Concurrency: 1}
	staff := func(t *testing.T, targets sizing.Agents, ch sizing.Channel) int {
		t.Helper()
		r, err := sizing.StaffChannels(targets, []sizing.Channel{ch})
		if err != nil {
			t.Fatal(err)
		}
		return r.PerChannel[0]
	}
	if got := staff(t, targets, email); got != 25 {
		t.Errorf("within the targets' 20 s: %d agents, want 25", got)
	}
	email.AnswerWithinSeconds = 4 * 3600
	if got := staff(t, targets, email); got != 21 {
		t.Errorf("within 4 h: %d agents, want 21", got)
	}
	targets.MaxOccupancyPct = 85
	if got := staff(t, targets, email); got != 24 {
		t.Errorf("within 4 h at 85 %% occupancy: %d agents, want 24", got)
	}
	email.AnswerWithinSeconds = 8 * 1440 * 60 // past the 7 days an answer time may be
	if _, err := sizing.StaffChannels(targets, []sizing.Channel{email}); err == nil {
		t.Error("an answer time of 8 days was accepted")
	}
}

package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// emailPlan has every email key. Expected values are worked out by hand and with
// mpmath (60 digits), not by the evaluator:
//   - concurrent emails: 120 an hour for 2 days + 30 agent-initiated an hour for
//     20 minutes = 5760 + 10 = 5770 erlangs; Erlang B at 0.001 needs 5910;
//     recommended ceil(5910 / 0.8) = 7388;
//   - staffing: 120 emails of 10 minutes = 20 erlangs, 80 % within 4 h at 85 %
//     occupancy: 24 agents (20 / 0.85 = 23.5); 100 calls of 6 minutes = 10
//     erlangs, 80 % within 20 s at 85 %: 14 agents; 38 agents x roster 1.5 = 57
//     users;
//   - the longest email, 20 days, against the 14-day expiry; a 25 MB attachment
//     against 20 MB (recommended ceil(25 / 0.8) = 32); 60 addresses against 50;
//     120 email addresses against 100 (recommended 150); 3 domains against 100.
const emailPlan = `
region: us-east-1
instances:
  - name: care
    users:
      staffing:
        service_level_pct: 80
        answer_within: 20s
        max_occupancy_pct: 85
      roster_factor: 1.5
    inventory:
      email_addresses: 120
      email_domains: 3
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6m
      email:
        inbound_emails_per_hour: 120
        minutes_in_connect: 2d
        handle_time: 10m
        answer_within: 4h
        outbound_emails_per_hour: 30
        outbound_minutes: 20m
        longest_active: 20d
        largest_attachment_mb: 25
        addresses_per_message: 60
`

// emailRows are the email rows the plan's keys reach.
var emailRows = []string{
	"connect.concurrent-active-emails", "connect.email-contact-expiry", "connect.email-attachment-size",
	"connect.email-addresses-per-message", "connect.email-addresses", "connect.email-domains",
}

// current is the current edition, the one with email rows (evaluate's default is
// the 2023 edition).
var current = Options{Edition: tables.Edition2026}

func TestEmailChannel(t *testing.T) {
	// Without an edition anywhere the current one applies: Evaluate itself, not
	// the evaluate helper, which defaults to 2023.
	p, err := Decode([]byte(emailPlan), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Evaluate(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Warnings) != 0 {
		t.Errorf("warnings %q", ev.Warnings)
	}
	want := []struct {
		id          string
		required    float64
		limit       float64
		status      report.Status
		recommended float64 // 0: none
	}{
		{"connect.concurrent-active-emails", 5910, 1000, report.Increase, 7388},
		{"connect.email-contact-expiry", 20, 14, report.HardLimit, 0},
		{"connect.email-attachment-size", 25, 20, report.Increase, 32},
		{"connect.email-addresses-per-message", 60, 50, report.HardLimit, 0},
		{"connect.email-addresses", 120, 100, report.Increase, 150},
		{"connect.email-domains", 3, 100, report.OK, 0},
		{"connect.users", 57, 500, report.OK, 0},
	}
	for _, w := range want {
		c := mustCheck(t, ev, w.id, "care").Check
		if c.Required != w.required || c.Limit != w.limit || c.Status != w.status || c.LimitSource != report.FromDefault {
			t.Errorf("%s: %v of %v (%s), %s; want %v of %v (default), %s", w.id, c.Required, c.Limit, c.LimitSource, c.Status, w.required, w.limit, w.status)
		}
		if (c.Recommended == nil) != (w.recommended == 0) || (c.Recommended != nil && *c.Recommended != w.recommended) {
			t.Errorf("%s: recommended %v, want %v", w.id, c.Recommended, w.recommended)
		}
	}
	for key, v := range map[string]float64{
		"care.emails.offered_load_erlangs":         5770,
		"care.emails.max_emails_per_hour_at_limit": 19, // (930.325 − 10) erlangs × 60 / 2880
		"care.staff.email_agents":                  24,
		"care.staff.voice_agents":                  14,
		"care.staff.agents":                        38,
	} {
		if got := figure(t, ev, key); got != v {
			t.Errorf("%s = %v, want %v", key, got, v)
		}
	}
	expiry := mustCheck(t, ev, "connect.email-contact-expiry", "care").Check
	for _, s := range []string{"customized up to 90 days", "at least 20 days", "applied as connect.email-contact-expiry"} {
		if !strings.Contains(expiry.Note, s) {
			t.Errorf("expiry note %q lacks %q", expiry.Note, s)
		}
	}
	if strings.Contains(expiry.Note, "Cannot be raised") || strings.Contains(expiry.Note, "Spread") {
		t.Errorf("expiry note %q treats a setting as a fixed quota", expiry.Note)
	}
	if n := mustCheck(t, ev, "connect.email-addresses-per-message", "care").Check.Note; !strings.Contains(n, "at most 50 addresses") {
		t.Errorf("addresses per message note %q", n)
	}
	// 2 days active is within the expiry: the concurrent check says nothing of it.
	if n := mustCheck(t, ev, "connect.concurrent-active-emails", "care").Check.Note; strings.Contains(n, "expiry") {
		t.Errorf("concurrent emails note %q", n)
	}
}

// TestEmailChannel2023: the 2023 edition has no email rows. Each key's row is
// warned about once and not checked; the emails are still staffed.
func TestEmailChannel2023(t *testing.T) {
	ev := evaluate(t, emailPlan, Options{Edition: tables.Edition2023})
	for _, id := range emailRows {
		if it := findCheck(ev, id, "care"); it != nil {
			t.Errorf("%s checked under 2023", id)
		}
		n := 0
		for _, w := range ev.Warnings {
			if strings.Contains(w, "("+id+") is not on the 2023 edition of the quotas page, so it is not checked; it is on the 2026 edition (--edition 2026)") &&
				strings.HasPrefix(w, "test.yaml: ") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d warnings, want 1: %q", id, n, ev.Warnings)
		}
	}
	if len(ev.Warnings) != len(emailRows) {
		t.Errorf("%d warnings, want %d: %q", len(ev.Warnings), len(emailRows), ev.Warnings)
	}
	if got := figure(t, ev, "care.staff.email_agents"); got != 24 {
		t.Errorf("email agents %v under 2023, want 24", got)
	}
	if c := mustCheck(t, ev, "connect.users", "care").Check; c.Required != 57 {
		t.Errorf("users %v under 2023, want 57", c.Required)
	}
	mustCheck(t, ev, "connect.concurrent-active-calls", "care")
}

// TestEmailStaffingDefaults: without handle_time emails are not staffed; without
// their own answer_within they take the staffing's, 20 s: 25 agents for 20 erlangs
// at 80 % (mpmath), and 24 at 85 % occupancy either way.
func TestEmailStaffingDefaults(t *testing.T) {
	base := `
instances:
  - name: care
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      email: {inbound_emails_per_hour: 120, minutes_in_connect: 1d, handle_time: 10m%s}
`
	for _, tt := range []struct {
		extra string
		want  float64
	}{{"", 25}, {", answer_within: 4h", 21}} {
		ev := evaluate(t, strings.Replace(base, "%s", tt.extra, 1), current)
		if got := figure(t, ev, "care.staff.email_agents"); got != tt.want {
			t.Errorf("answer_within %q: %v agents, want %v", tt.extra, got, tt.want)
		}
		if c := mustCheck(t, ev, "connect.users", "care").Check; c.Required != tt.want {
			t.Errorf("users %v, want %v", c.Required, tt.want)
		}
	}
	ev := evaluate(t, `
instances:
  - name: care
    users: {agents: 10}
    traffic:
      email: {inbound_emails_per_hour: 120, minutes_in_connect: 1d}
`, current)
	if _, ok := ev.Result.Figures.Get("care.staff.email_agents"); ok {
		t.Error("emails without handle_time were staffed")
	}
	// 120 × 1440 / 60 = 2880 erlangs: 2989 slots (mpmath).
	if c := mustCheck(t, ev, "connect.concurrent-active-emails", "care").Check; c.Required != 2989 {
		t.Errorf("concurrent emails %v, want 2989", c.Required)
	}
}

// TestEmailAppliedExpiry: an expiry the instance's setting has raised, given under
// the top-level applied map, takes the longest email and the average.
func TestEmailAppliedExpiry(t *testing.T) {
	ev := evaluate(t, `
applied:
  connect.email-contact-expiry: 30
  connect.concurrent-active-emails: 60000
instances:
  - name: care
    traffic:
      email: {inbound_emails_per_hour: 100, minutes_in_connect: 20d, longest_active: 25d}
`, current)
	c := mustCheck(t, ev, "connect.email-contact-expiry", "care").Check
	if c.Required != 25 || c.Limit != 30 || c.LimitSource != report.FromPlan || c.Status != report.Warn {
		t.Errorf("expiry: %v of %v from %s, %s; want 25 of 30 from plan, warn", c.Required, c.Limit, c.LimitSource, c.Status)
	}
	// 100 × 28800 / 60 = 48000 erlangs: 48263 slots (mpmath).
	e := mustCheck(t, ev, "connect.concurrent-active-emails", "care").Check
	if e.Required != 48263 || e.Limit != 60000 || e.LimitSource != report.FromPlan || strings.Contains(e.Note, "expiry") {
		t.Errorf("concurrent emails: %v of %v from %s, note %q; want 48263 of 60000 from plan, no expiry note", e.Required, e.Limit, e.LimitSource, e.Note)
	}
	if got := figure(t, ev, "care.emails.offered_load_erlangs"); got != 48000 {
		t.Errorf("offered load %v, want 48000", got)
	}
}

func TestEmailPlanErrors(t *testing.T) {
	for _, tt := range []struct {
		email string
		want  string
	}{
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 91d}",
			`test.yaml:4: instances[0].traffic.email.minutes_in_connect: "91d": too long; accepted: the time an email stays active, at most the longest active email contact expiry, a duration from 1s to 90d: `},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 0}",
			`test.yaml:4: instances[0].traffic.email.minutes_in_connect: 0: must be greater than 0; accepted: the time an email stays active`},
		{"{inbound_emails_per_hour: -1, minutes_in_connect: 1d}",
			`test.yaml:4: instances[0].traffic.email.inbound_emails_per_hour: -1: too small; accepted: a number at least 0`},
		{"{minutes_in_connect: 1d}",
			`test.yaml:4: instances[0].traffic.email.inbound_emails_per_hour: missing; accepted: inbound emails per hour at the peak.`},
		{"{inbound_emails_per_hour: 10}",
			`test.yaml:4: instances[0].traffic.email.minutes_in_connect: missing; accepted: average time an inbound email stays active`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, outbound_emails_per_hour: 5}",
			`test.yaml:4: instances[0].traffic.email.outbound_emails_per_hour: needs outbound_minutes, the average time an agent-initiated email stays active`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, outbound_minutes: 91d}",
			`instances[0].traffic.email.outbound_minutes: "91d": too long; accepted: the time an email stays active`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, answer_within: 4h}",
			`test.yaml:4: instances[0].traffic.email.answer_within: applies only with handle_time, which staffs the emails; give handle_time, or drop answer_within`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, handle_time: 10m, answer_within: 8d}",
			`instances[0].traffic.email.answer_within: "8d": too long; accepted: a duration from 1s to 7d`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 3d, longest_active: 2d}",
			`test.yaml:4: instances[0].traffic.email.longest_active: 2d is shorter than minutes_in_connect, 3d, an average; accepted: the longest time an email stays active, at least every average`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, outbound_minutes: 3d, longest_active: 2d}",
			`instances[0].traffic.email.longest_active: 2d is shorter than outbound_minutes, 3d, an average`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, longest_active: 100d}",
			`instances[0].traffic.email.longest_active: "100d": too long; accepted: the time an email stays active`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, addresses_per_message: 2.5}",
			`instances[0].traffic.email.addresses_per_message: 2.5: not a whole number`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, largest_attachment_mb: -3}",
			`instances[0].traffic.email.largest_attachment_mb: -3: too small`},
		{"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, largest_attachmnet_mb: 3}",
			`instances[0].traffic.email.largest_attachmnet_mb: unknown key (did you mean largest_attachment_mb?)`},
	} {
		plan := "instances:\n  - name: care\n    traffic:\n      email: " + tt.email + "\n"
		_, err := Decode([]byte(plan), "test.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("email %s: error %v, want one line with %q", tt.email, err, tt.want)
		}
	}
	// Staffing needs some staffed traffic: emails count only with a handle time.
	_, err := Decode([]byte(`
instances:
  - name: care
    users:
      staffing: {service_level_pct: 80, answer_within: 4h}
      roster_factor: 1
    traffic:
      email: {inbound_emails_per_hour: 10, minutes_in_connect: 1d}
`), "test.yaml")
	if err == nil || !strings.Contains(err.Error(), "no voice, chat or staffed task traffic, and no email traffic with a handle_time") {
		t.Errorf("staffing emails without handle_time: %v", err)
	}
}

// TestEmailLoadTooLarge: a load past what connectcap sizes is reported at the
// email channel's key.
func TestEmailLoadTooLarge(t *testing.T) {
	p, err := Decode([]byte(`
instances:
  - name: care
    traffic:
      email: {inbound_emails_per_hour: 1000, minutes_in_connect: 90d}
`), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, current)
	if err == nil || !strings.HasPrefix(err.Error(), "test.yaml:5: instances[0].traffic.email.inbound_emails_per_hour: 1000 per hour gives an offered load of 2.16e+06 erlangs") {
		t.Errorf("error %v", err)
	}
}

// TestEmailKeysInSchema: the email keys are in the schema with their bounds.
func TestEmailKeysInSchema(t *testing.T) {
	s := loadSchema(t)
	inst := s["properties"].(map[string]any)["instances"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	email := inst["traffic"].(map[string]any)["properties"].(map[string]any)["email"].(map[string]any)
	props := email["properties"].(map[string]any)
	for _, k := range []string{"inbound_emails_per_hour", "minutes_in_connect", "handle_time", "answer_within", "outbound_emails_per_hour", "outbound_minutes", "longest_active", "largest_attachment_mb", "addresses_per_message"} {
		p, ok := props[k].(map[string]any)
		if !ok || p["description"] == "" {
			t.Errorf("email.%s: not in the schema, or without a description", k)
		}
	}
	if req := email["required"].([]any); len(req) != 2 || req[0] != "inbound_emails_per_hour" || req[1] != "minutes_in_connect" {
		t.Errorf("email required %v", req)
	}
	max := props["minutes_in_connect"].(map[string]any)["anyOf"].([]any)[0].(map[string]any)["maximum"]
	if max != float64(90*1440) {
		t.Errorf("minutes_in_connect maximum %v, want %v minutes", max, 90*1440)
	}
	inv := inst["inventory"].(map[string]any)["properties"].(map[string]any)
	for _, k := range []string{"email_addresses", "email_domains"} {
		if _, ok := inv[k]; !ok {
			t.Errorf("inventory.%s not in the schema", k)
		}
	}
}

// TestEmailPlanBoundsAccepted: each rule of TestEmailPlanErrors at its edge is
// met: no agent-initiated emails need no outbound_minutes, and the longest time
// active may equal an average.
func TestEmailPlanBoundsAccepted(t *testing.T) {
	for _, email := range []string{
		"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, outbound_emails_per_hour: 0}",
		"{inbound_emails_per_hour: 10, minutes_in_connect: 2d, longest_active: 2d}",
		"{inbound_emails_per_hour: 10, minutes_in_connect: 1d, outbound_emails_per_hour: 5, outbound_minutes: 2d, longest_active: 2d}",
	} {
		plan := "instances:\n  - name: care\n    traffic:\n      email: " + email + "\n"
		if _, err := Decode([]byte(plan), "test.yaml"); err != nil {
			t.Errorf("email %s: %v", email, err)
		}
	}
}

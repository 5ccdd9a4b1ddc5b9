package sizing_test

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// current is the shared input on the current page (2026), the default edition.
func current(region string) sizing.Common {
	return sizing.Common{Region: region, TargetPct: sizing.DefaultTargetPct}
}

// The current page's defaults reach the checks: 500 chats (80 erlangs need 106
// slots at blocking 0.001, by mpmath's Erlang B recursion), 90 days of task
// scheduling, and 300 real-time analytics calls in every Region, us-east-1
// included, as a plain default.
func TestCurrentEditionDefaults(t *testing.T) {
	r, err := sizing.SizeChats(sizing.Contacts{Common: current(""), PerHour: 600, DurationMinutes: 8, Blocking: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	c := check(t, r, "connect.concurrent-active-chats")
	if c.Limit != 500 || c.LimitSource != report.FromDefault || c.Edition != tables.Edition2026 || c.Required != 106 || c.Status != report.OK || c.Level != tables.ResourceLevel {
		t.Errorf("chats: %v of %v from %s (%s, %s), %s; want 106 of 500 from default (2026, resource), ok", c.Required, c.Limit, c.LimitSource, c.Edition, c.Level, c.Status)
	}

	days := 30.0
	r, err = sizing.SizeTasks(sizing.Contacts{Common: current(""), PerHour: 10, DurationMinutes: 5, Blocking: 0.001, ScheduleAheadDays: &days})
	if err != nil {
		t.Fatal(err)
	}
	if c := check(t, r, "connect.task-schedule-ahead"); c.Limit != 90 || c.Status != report.OK || !strings.Contains(c.Note, "at most 90 days ahead") {
		t.Errorf("30 days ahead: limit %v, %s, note %q; want 90, ok", c.Limit, c.Status, c.Note)
	}

	for _, region := range []string{"us-east-1", "eu-west-2", ""} {
		r, err := sizing.SizeAnalytics(sizing.Analytics{Common: current(region), DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: ptr(0.5), Blocking: 0.001})
		if err != nil {
			t.Fatal(err)
		}
		c := check(t, r, sizing.RealtimeCallsID)
		if c.Limit != 300 || c.LimitSource != report.FromDefault || strings.Contains(c.Note, "No --region") {
			t.Errorf("region %q: real-time limit %v from %s, note %q; want 300 from default", region, c.Limit, c.LimitSource, c.Note)
		}
	}
}

// The largest "Maximum contacts in queue" setting: on the current page the calls,
// chats and tasks quotas combined, less 1 (10 + 500 + 2500 - 1 = 3009, and 40 +
// 500 + 2500 - 1 = 3039 with 40 calls applied); in the 2023 edition the calls
// quota less 1 (9, and 39).
func TestQueueSettingByEdition(t *testing.T) {
	for _, tc := range []struct {
		edition tables.Edition
		limit   float64
		want    float64
	}{
		{tables.Edition2026, 0, 3009},
		{tables.Edition2026, 40, 3039},
		{tables.Edition2023, 0, 9},
		{tables.Edition2023, 40, 39},
	} {
		c := sizing.Common{TargetPct: 80, Edition: tc.edition}
		if tc.limit > 0 {
			c.Limits = report.Override{ID: "connect.concurrent-active-calls", Value: report.Limit{Value: tc.limit, Source: report.FromFlag}, Next: report.Defaults{}}
		}
		r, err := sizing.SizeCalls(sizing.Calls{Common: c, CallsPerHour: 100, DurationMinutes: 3, Blocking: 0.001})
		if err != nil {
			t.Fatal(err)
		}
		if got := figure(t, r, "max_contacts_in_queue_setting"); got != tc.want {
			t.Errorf("%s, calls limit %v: setting %v, want %v", tc.edition, tc.limit, got, tc.want)
		}
		// The label says which quotas the setting comes from.
		want := `largest "Maximum contacts in queue" setting (calls quota less 1)`
		if tc.edition == tables.Edition2026 {
			want = `largest "Maximum contacts in queue" setting (calls, chats and tasks quotas combined, less 1)`
		}
		for _, f := range r.Figures {
			if f.Key == "max_contacts_in_queue_setting" && f.Label != want {
				t.Errorf("%s: label %q, want %q", tc.edition, f.Label, want)
			}
		}
	}
}

// Every Voice ID check, in either edition, opens with the end of support.
func TestVoiceIDEndOfSupport(t *testing.T) {
	for _, e := range tables.Editions {
		r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: sizing.Common{TargetPct: 80, Edition: e}, CallsPerHour: 5000, Domains: 1, Speakers: ptr(1000), Fraudsters: ptr(100)})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Checks) < 4 {
			t.Fatalf("%s: %d checks", e, len(r.Checks))
		}
		for _, c := range r.Checks {
			if !strings.HasPrefix(c.Note, "AWS ended support for Voice ID on 2026-05-20: ") {
				t.Errorf("%s %s: note %q", e, c.ID, c.Note)
			}
		}
	}
	// Other services' notes do not carry it.
	r, _ := sizing.SizeChats(sizing.Contacts{Common: current(""), PerHour: 60, DurationMinutes: 5, Blocking: 0.001})
	if c := check(t, r, "connect.concurrent-active-chats"); strings.Contains(c.Note, "Voice ID") {
		t.Errorf("chats note %q", c.Note)
	}
}

// Contact Lens needs are summed over instances. The current page puts the three
// quotas at account level, and the note says so; the 2023 page gives no level, and
// the note says that edition does not say.
func TestContactLensSummedNote(t *testing.T) {
	u := sizing.LensUse{Calls: sizing.Calls{CallsPerHour: 600, DurationMinutes: 5}, ChatsPerHour: 300, ChatMinutes: 15,
		PostCallShare: ptr(0.25), PostChatShare: ptr(0.2), RealtimeShare: ptr(0.1)}
	want := map[tables.Edition]string{
		tables.Edition2026: " Summed over the plan's instances: the quota applies to the account (account level).",
		tables.Edition2023: " Summed over the plan's instances: the 2023 edition does not say whether this quota is per instance or per account (the current page puts it at account level).",
	}
	for e, suffix := range want {
		r := sizing.SizeContactLens(sizing.Common{TargetPct: 80, Edition: e}, []sizing.LensUse{u, u}, 0.001)
		for _, id := range []string{sizing.PostCallJobsID, sizing.PostChatJobsID, sizing.RealtimeCallsID} {
			if c := check(t, r, id); !strings.HasSuffix(c.Note, suffix) {
				t.Errorf("%s %s: note %q, want it to end %q", e, id, c.Note, suffix)
			}
		}
	}
}

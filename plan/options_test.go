package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// inputOf returns one of the result's inputs.
func inputOf(t *testing.T, ev *Evaluation, key string) any {
	t.Helper()
	v, ok := ev.Result.Inputs.Get(key)
	if !ok {
		t.Fatalf("no input %s", key)
	}
	return v
}

// TestRegionPrecedence: --region beats the plan's region, which beats a default
// Region from the environment; the report's inputs say which applied.
func TestRegionPrecedence(t *testing.T) {
	const bare = "instances:\n  - name: a\n"
	for _, c := range []struct {
		name, plan string
		o          Options
		want       string
	}{
		{"nothing", bare, Options{}, ""},
		{"default only", bare, Options{DefaultRegion: "eu-west-2"}, "eu-west-2"},
		{"plan over default", "region: us-east-1\n" + bare, Options{DefaultRegion: "eu-west-2"}, "us-east-1"},
		{"option over plan", "region: us-east-1\n" + bare, Options{Region: "ap-southeast-2", DefaultRegion: "eu-west-2"}, "ap-southeast-2"},
		{"option over default", bare, Options{Region: "ap-southeast-2", DefaultRegion: "eu-west-2"}, "ap-southeast-2"},
	} {
		ev := evaluate(t, c.plan, c.o)
		if ev.Region != c.want {
			t.Errorf("%s: Region %q, want %q", c.name, ev.Region, c.want)
		}
		got := inputOf(t, ev, "region")
		if c.want == "" {
			if got != nil {
				t.Errorf("%s: region input %v, want null", c.name, got)
			}
		} else if got != c.want {
			t.Errorf("%s: region input %v, want %s", c.name, got, c.want)
		}
	}
	// A default Region must agree with the instances' ARNs as much as --region.
	p, err := Decode([]byte("instances:\n  - name: a\n  - name: b\n    arn: "+arnA+"\n"), "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, Options{DefaultRegion: "eu-west-2"})
	if err == nil || err.Error() != "d.yaml:4: instances[1].arn: the ARN is in us-east-1 but the Region checked is eu-west-2; accepted: the instances' own Region" {
		t.Errorf("default Region against an ARN: %v", err)
	}
	// The ARN's own Region as the default is fine.
	if ev, err := Evaluate(p, Options{DefaultRegion: "us-east-1"}); err != nil || ev.Region != "us-east-1" {
		t.Errorf("default Region matching the ARN: %v", err)
	}
}

// TestBlockingPrecedence: --blocking beats the plan's blocking, which beats a
// default from the environment, then 0.001; the calls, chats, tasks and real-time
// analytics are all sized at the blocking that applies.
func TestBlockingPrecedence(t *testing.T) {
	// 600 an hour of 1 minute: 10 erlangs on each channel, all with real time.
	const traffic = `instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 600, minutes_in_connect: 1}
      chat: {chats_per_hour: 600, minutes_in_connect: 1}
      tasks: {tasks_per_hour: 600, minutes_in_connect: 1}
    contact_lens: {realtime_share: 1}
`
	// Erlang B, the fewest servers N with B(N, 10) <= target, by the recursion
	// B(k) = A B(k-1) / (k + A B(k-1)) in mpmath at 40 digits:
	// 0.001 → 21, 0.01 → 18, 0.02 → 17, 0.05 → 15.
	for _, c := range []struct {
		name, plan string
		o          Options
		block      float64
		servers    float64
	}{
		{"none", traffic, Options{}, 0.001, 21},
		{"default", traffic, Options{DefaultBlocking: 0.02}, 0.02, 17},
		{"plan over default", "blocking: 0.01\n" + traffic, Options{DefaultBlocking: 0.02}, 0.01, 18},
		{"plan alone", "blocking: 0.01\n" + traffic, Options{}, 0.01, 18},
		{"option over plan", "blocking: 0.01\n" + traffic, Options{Blocking: 0.05, DefaultBlocking: 0.02}, 0.05, 15},
	} {
		ev := evaluate(t, c.plan, c.o)
		if got := inputOf(t, ev, "blocking_target"); got != c.block {
			t.Errorf("%s: blocking target %v, want %v", c.name, got, c.block)
		}
		for _, k := range []struct{ id, instance string }{
			{"connect.concurrent-active-calls", "a"},
			{"connect.concurrent-active-chats", "a"},
			{"connect.concurrent-active-tasks", "a"},
			{"contact-lens.concurrent-realtime-calls", ""},
		} {
			if got := mustCheck(t, ev, k.id, k.instance).Check.Required; got != c.servers {
				t.Errorf("%s: %s needs %v at blocking %v, want %v", c.name, k.id, got, c.block, c.servers)
			}
		}
	}
}

// TestEvaluateInputs: the report names the plan file, counts the instances and
// gives the target utilization (80 % unless asked otherwise).
func TestEvaluateInputs(t *testing.T) {
	const plan = "instances:\n  - name: a\n  - name: b\n  - name: c\n"
	ev := evaluate(t, plan, Options{})
	for key, want := range map[string]any{"plan_file": "test.yaml", "instances": 3, "target_utilization_pct": 80.0} {
		if got := inputOf(t, ev, key); got != want {
			t.Errorf("%s = %v (%T), want %v", key, got, got, want)
		}
	}
	if ev.Result.Command != "plan" {
		t.Errorf("command %q", ev.Result.Command)
	}
	ev = evaluate(t, plan, Options{TargetPct: 60})
	if got := inputOf(t, ev, "target_utilization_pct"); got != 60.0 {
		t.Errorf("target %v, want 60", got)
	}
	// 3 instances of the default 2 at 60 %: request ceil(3 / 0.6) = 5.
	if c := mustCheck(t, ev, "connect.instances", "").Check; c.Recommended == nil || *c.Recommended != 5 || c.Status != report.Increase {
		t.Errorf("3 instances at 60 %%: %s, recommended %v", c.Status, c.Recommended)
	}
	if !strings.HasPrefix(ev.Result.Title, "Quota plan") {
		t.Errorf("title %q", ev.Result.Title)
	}
}

// TestVoiceIDSectionValues: the voice_id section's domains, watchlists and batch
// sizes reach the checks. Expected values by hand from the page's rows: 30,000
// speakers over 2 domains are 15,000 a domain, enrolled in batches of 5,000 (3
// jobs); 1,000 fraudsters are 500 a domain, 125 in each of 4 watchlists, registered
// in batches of 200 (3 jobs).
func TestVoiceIDSectionValues(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
voice_id:
  domains: 2
  speakers: 30000
  fraudsters: 1000
  watchlists: 4
  speaker_batch: 5000
  fraudster_batch: 200
`, Options{})
	for id, want := range map[string]float64{
		"voice-id.domains":                         2,
		"voice-id.speakers":                        15000,
		"voice-id.speakers-per-enrollment-job":     5000,
		"voice-id.watchlists":                      4,
		"voice-id.fraudsters-per-watchlist":        125,
		"voice-id.fraudsters-per-registration-job": 200,
		"voice-id.concurrent-sessions":             0,
	} {
		if got := mustCheck(t, ev, id, "").Check.Required; got != want {
			t.Errorf("%s = %v, want %v", id, got, want)
		}
	}
	for key, want := range map[string]float64{
		"account.voice_id.speaker_enrollment_jobs":     3,
		"account.voice_id.fraudster_registration_jobs": 3,
		"account.voice_id.watchlists_per_domain":       4,
	} {
		if got := figure(t, ev, key); got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	// domains: 0 counts as the one domain every Voice ID use has.
	ev = evaluate(t, "instances:\n  - name: a\nvoice_id: {domains: 0, speakers: 300}\n", Options{})
	if got := mustCheck(t, ev, "voice-id.domains", "").Check.Required; got != 1 {
		t.Errorf("domains: 0 checks %v domains, want 1", got)
	}
	if got := mustCheck(t, ev, "voice-id.speakers", "").Check.Required; got != 300 {
		t.Errorf("300 speakers in one domain: %v", got)
	}
	// A domains count of 1 is one domain too.
	ev = evaluate(t, "instances:\n  - name: a\nvoice_id: {domains: 1, speakers: 300}\n", Options{})
	if got := mustCheck(t, ev, "voice-id.speakers", "").Check.Required; got != 300 {
		t.Errorf("300 speakers in domains: 1: %v", got)
	}
}

// TestUsersNotes: the users check says where its count comes from.
func TestUsersNotes(t *testing.T) {
	ev := evaluate(t, "instances:\n  - name: a\n    users: {agents: 420, supervisors: 30, other: 10}\n", Options{})
	if c := mustCheck(t, ev, "connect.users", "a").Check; c.Note != "Users from the plan's headcount: 420 agents, + 30 supervisors + 10 other users." {
		t.Errorf("headcount note %q", c.Note)
	}
	ev = evaluate(t, "instances:\n  - name: a\n    users: {supervisors: 5, other: 2}\n", Options{})
	c := mustCheck(t, ev, "connect.users", "a").Check
	if c.Required != 7 || c.Note != "Users from the plan: 5 supervisors + 2 other users, no agents given." {
		t.Errorf("no agents: %v, %q", c.Required, c.Note)
	}
	ev = evaluate(t, "instances:\n  - name: a\n    users: {agents: 12}\n", Options{})
	c = mustCheck(t, ev, "connect.users", "a").Check
	if c.Required != 12 || c.Note != "Users from the plan's headcount: 12 agents, + 0 supervisors + 0 other users." {
		t.Errorf("agents alone: %v, %q", c.Required, c.Note)
	}
	// 5 erlangs at 80 % in 20 s take 8 agents (Erlang C, queueing notes); roster
	// factor 1.25 makes 10 accounts.
	ev = evaluate(t, `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1.25
      other: 1
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 3}
`, Options{})
	c = mustCheck(t, ev, "connect.users", "a").Check
	want := "Users from the roster: 8 agents scheduled at the peak x roster factor 1.25 = 10 agent accounts, + 0 supervisors + 1 other users."
	if c.Required != 11 || c.Note != want {
		t.Errorf("roster: %v, %q; want 11, %q", c.Required, c.Note, want)
	}
}

// TestFigureLabels: each figure's key and label carry its instance and stage.
func TestFigureLabels(t *testing.T) {
	ev := evaluate(t, "instances:\n  - name: a\n    users: {agents: 3}\n", Options{})
	for _, f := range ev.Result.Figures {
		if f.Key == "a.staff.users" {
			if f.Label != "a.staff: users (agents + supervisors + other)" || f.Value != 3.0 {
				t.Errorf("figure %+v", f)
			}
			return
		}
	}
	t.Fatal("no a.staff.users figure")
}

// TestStaffOnlyChannelsWithTraffic: a channel without contacts is not staffed,
// and a zero outbound rate needs no outbound length.
func TestStaffOnlyChannelsWithTraffic(t *testing.T) {
	// Chat: 60 an hour of 5 minutes, 1 at a time, is 5 erlangs of 300 s; at 80 %
	// in 20 s that takes 8 agents (Erlang C, mpmath).
	ev := evaluate(t, `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 0, minutes_in_connect: 3, outbound_calls_per_hour: 0}
      chat: {chats_per_hour: 60, minutes_in_connect: 5}
`, Options{})
	if _, ok := ev.Result.Figures.Get("a.staff.voice_agents"); ok {
		t.Error("a voice channel without calls is staffed")
	}
	if got := figure(t, ev, "a.staff.chat_agents"); got != 8 {
		t.Errorf("chat agents %v, want 8", got)
	}
	if got := figure(t, ev, "a.staff.agents"); got != 8 {
		t.Errorf("agents %v, want 8", got)
	}
}

// TestEditionPrecedence: Options.Edition (--edition) beats the plan's edition,
// which beats Options.DefaultEdition; with none of them the current page, 2026
// (tables.DefaultEdition), is checked. The report's inputs say which applied.
func TestEditionPrecedence(t *testing.T) {
	const bare = "instances:\n  - name: a\n"
	for _, c := range []struct {
		name, plan string
		o          Options
		want       string
	}{
		{"nothing", bare, Options{}, "2026"},
		{"default only", bare, Options{DefaultEdition: tables.Edition2023}, "2023"},
		{"plan over default", "edition: \"2026\"\n" + bare, Options{DefaultEdition: tables.Edition2023}, "2026"},
		{"plan alone", "edition: \"2023\"\n" + bare, Options{}, "2023"},
		{"option over plan", "edition: \"2023\"\n" + bare, Options{Edition: tables.Edition2026, DefaultEdition: tables.Edition2023}, "2026"},
	} {
		p, err := Decode([]byte(c.plan), "test.yaml")
		if err != nil {
			t.Fatal(err)
		}
		ev, err := Evaluate(p, c.o)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := inputOf(t, ev, "edition"); got != c.want {
			t.Errorf("%s: edition %v, want %s", c.name, got, c.want)
		}
	}
}

package plan

import (
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// TestScopePerInstance: two instances of 300 users each are each within the
// default 500 users per instance, although the plan has 600 users in all.
func TestScopePerInstance(t *testing.T) {
	ev := evaluate(t, `
region: us-east-1
instances:
  - name: a
    users: {agents: 280, supervisors: 15, other: 5}
  - name: b
    users: {agents: 300}
`, Options{})
	for _, name := range []string{"a", "b"} {
		c := mustCheck(t, ev, "connect.users", name).Check
		if c.Required != 300 || c.Limit != 500 || c.Status != report.OK || c.LimitSource != report.FromDefault {
			t.Errorf("users [%s]: required %v limit %v (%s) status %s, want 300 of 500 (default), ok", name, c.Required, c.Limit, c.LimitSource, c.Status)
		}
		if c.Instance == nil || *c.Instance != name || c.Name != "Users per instance" {
			t.Errorf("users check %q of instance %v, want the quota's name and instance %s", c.Name, c.Instance, name)
		}
	}
	if got := figure(t, ev, "a.staff.users"); got != 300 {
		t.Errorf("a.users = %v, want 280 + 15 + 5", got)
	}
	inst := mustCheck(t, ev, "connect.instances", "").Check
	if inst.Required != 2 || inst.Limit != 2 || inst.Status != report.Warn {
		t.Errorf("instances: required %v of %v, %s; want 2 of 2, warn", inst.Required, inst.Limit, inst.Status)
	}
	if n := countChecks(ev, "connect.instances"); n != 1 {
		t.Errorf("%d instances checks without any hard limit, want 1", n)
	}
}

// TestScopeAPIRates: Amazon Connect API rates are per account and Region, summed
// over consumers and instances; Participant Service rates are per instance.
func TestScopeAPIRates(t *testing.T) {
	ev := evaluate(t, `
region: us-east-1
instances:
  - name: a
  - name: b
api_consumers:
  - name: crm
    operation: DescribeContact
    rate_per_second: 1.5
  - name: sync
    operation: DescribeContact
    rate_per_minute: 15
    clients: 2
    instance: b
  - name: poller
    operation: DescribeUser
    interval: 2s
  - name: widget
    service: participant
    operation: SendMessage
    rate_per_second: 4
  - name: widget-b
    service: participant
    operation: SendMessage
    rate_per_second: 7
    instance: b
`, Options{})
	if n := countChecks(ev, "connect.api-requests"); n != 2 {
		t.Errorf("%d checks of the other-operations rate, want one per operation (2)", n)
	}
	var describe *report.Check
	for _, it := range ev.Items {
		if it.Operation == "DescribeContact" {
			c := it.Check
			describe = &c
			if it.Instance != "" {
				t.Errorf("DescribeContact is checked for instance %q; the rate is per account", it.Instance)
			}
		}
	}
	if describe == nil {
		t.Fatal("no DescribeContact check")
	}
	if describe.Required != 2 || describe.Limit != 2 || describe.Status != report.Warn {
		t.Errorf("DescribeContact: %v of %v (%s), want 1.5 + 2 x 15/60 = 2 of 2, warn", describe.Required, describe.Limit, describe.Status)
	}
	if describe.Name != "Rate of API requests: DescribeContact" {
		t.Errorf("name %q", describe.Name)
	}
	if !strings.HasPrefix(describe.Note, "DescribeContact from crm and sync.") {
		t.Errorf("note %q does not name the consumers", describe.Note)
	}
	if got := figure(t, ev, "account.api.DescribeUser.requests_per_second"); got != 0.5 {
		t.Errorf("DescribeUser every 2 s = %v requests/second, want 0.5", got)
	}
	a := mustCheck(t, ev, "participant.api.send-message", "a").Check
	b := mustCheck(t, ev, "participant.api.send-message", "b").Check
	if a.Required != 4 || a.Status != report.OK {
		t.Errorf("SendMessage [a]: %v (%s), want 4, ok", a.Required, a.Status)
	}
	if b.Required != 11 || b.Limit != 10 || b.Status != report.Increase {
		t.Errorf("SendMessage [b]: %v of %v (%s), want 4 + 7 = 11 of 10, increase", b.Required, b.Limit, b.Status)
	}
}

func TestAPIBurstAndPollingAdvice(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - name: team wallboards
    operation: GetCurrentMetricData
    interval: 15s
    clients: 80
    aligned: true
  - name: ops
    operation: GetCurrentMetricData
    rate_per_second: 0.5
`, Options{})
	var rate, burst *Item
	for i := range ev.Items {
		it := &ev.Items[i]
		if it.Check.ID != "connect.api.get-current-metric-data" {
			continue
		}
		if strings.HasSuffix(it.Check.Name, "(burst)") {
			burst = it
		} else {
			rate = it
		}
	}
	if rate == nil || burst == nil {
		t.Fatal("want a rate and a burst check of GetCurrentMetricData")
	}
	// 80 clients every 15 s and one at 0.5/s: 5.8333 requests a second.
	if got, want := rate.Check.Required, 80.0/15+0.5; math.Abs(got-want) > 1e-12 || rate.Check.Status != report.HardLimit {
		t.Errorf("rate %v (%s), want %v, hard-limit", got, rate.Check.Status, want)
	}
	if rate.Check.Recommended != nil {
		t.Errorf("a hard limit recommends %v", *rate.Check.Recommended)
	}
	// 80 clients every 15 s and one at 0.5/s send 35/6 = 5.8333 requests a second
	// against 5: 7/6 = 1.1667 times too many (shown rounded up, 1.17), 1.4583 at
	// 80 % (1.46). The wallboards fit polling every 15 × 7/6 = 17.5 s; at 80 %
	// every 21.875 s, shown rounded up to 21.9.
	if !strings.Contains(strings.ToLower(rate.Check.Note), "cannot be") {
		t.Errorf("rate note %q does not say the rate cannot be raised", rate.Check.Note)
	}
	for _, s := range []string{"Together the clients send 5.83 requests/s: call 1.17 times less often to fit (1.46 times keeps 80 %)",
		"team wallboards polling every 17.5 s instead of every 15 s (21.9 s keeps 80 %)"} {
		if !strings.Contains(rate.Check.Note, s) {
			t.Errorf("rate note %q lacks %q", rate.Check.Note, s)
		}
	}
	// The aligned clients all fire at once, 80 requests, plus the other client's
	// ceil(0.5) = 1.
	if burst.Check.Required != 81 || burst.Check.Limit != 8 || burst.Check.Status != report.HardLimit {
		t.Errorf("burst %v of %v (%s), want 81 of 8, hard-limit", burst.Check.Required, burst.Check.Limit, burst.Check.Status)
	}
	if !strings.Contains(burst.Check.Note, "stagger them") {
		t.Errorf("burst note %q does not say to stagger the clients", burst.Check.Note)
	}
}

// TestAppliedValues: applied values by quota id and by quota code, at the top
// level and per instance, give limit_source plan; an instance's own value wins.
func TestAppliedValues(t *testing.T) {
	ev := evaluate(t, `
region: us-east-1
applied:
  connect.users: 700
  L-12AB7C57: 40
  contact-lens.concurrent-realtime-calls: 30
instances:
  - name: a
    applied:
      L-9A46857E: 900
    users: {agents: 600}
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 6}
    contact_lens: {realtime_share: 1}
  - name: b
    applied:
      connect.concurrent-active-calls: 15
    users: {agents: 600}
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 6}
      chat: {chats_per_hour: 10, minutes_in_connect: 6}
`, Options{})
	for _, c := range []struct {
		id, instance string
		limit        float64
		source       report.LimitSource
	}{
		{"connect.users", "a", 900, report.FromPlan},
		{"connect.users", "b", 700, report.FromPlan},
		{"connect.concurrent-active-calls", "a", 40, report.FromPlan},
		{"connect.concurrent-active-calls", "b", 15, report.FromPlan},
		{"connect.concurrent-active-chats", "b", 100, report.FromDefault},
		{"contact-lens.concurrent-realtime-calls", "", 30, report.FromPlan},
		{"connect.instances", "", 2, report.FromDefault},
	} {
		got := mustCheck(t, ev, c.id, c.instance).Check
		if got.Limit != c.limit || got.LimitSource != c.source {
			t.Errorf("%s [%s]: limit %v from %s, want %v from %s", c.id, c.instance, got.Limit, got.LimitSource, c.limit, c.source)
		}
	}
	// The calls sizing follows the applied limit: 10 erlangs need 21; 15 slots
	// leave room for 14 in "Maximum contacts in queue".
	if got := figure(t, ev, "b.calls.max_contacts_in_queue_setting"); got != 14 {
		t.Errorf("b's max contacts in queue setting = %v, want 14", got)
	}
	if c := mustCheck(t, ev, "connect.concurrent-active-calls", "b").Check; c.Required != 21 || c.Status != report.Increase {
		t.Errorf("calls [b]: %v (%s), want 21, increase", c.Required, c.Status)
	}
}

func TestRegionDefaults(t *testing.T) {
	plan := `
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 600, minutes_in_connect: 6}
    contact_lens: {realtime_share: 1}
`
	ev := evaluate(t, "region: us-east-1\n"+plan, Options{})
	if c := mustCheck(t, ev, "contact-lens.concurrent-realtime-calls", "").Check; c.Limit != 100 || c.LimitSource != report.FromRegionDefault {
		t.Errorf("us-east-1: %v from %s, want 100 from region-default", c.Limit, c.LimitSource)
	}
	ev = evaluate(t, "region: us-east-1\n"+plan, Options{Region: "eu-west-2"})
	if c := mustCheck(t, ev, "contact-lens.concurrent-realtime-calls", "").Check; c.Limit != 50 || c.LimitSource != report.FromDefault {
		t.Errorf("--region eu-west-2: %v from %s, want 50 from default", c.Limit, c.LimitSource)
	}
	if ev.Region != "eu-west-2" {
		t.Errorf("Options.Region does not override the plan's: %q", ev.Region)
	}
}

// TestHardLimitRemedy: a hard limit exceeded per instance says how many instances
// the need spreads over, and a knock-on check counts the instances per account
// that spreading takes: per instance the most any of its hard limits needs.
func TestHardLimitRemedy(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    inventory: {lambda_functions: 120, agent_statuses: 60}
  - name: b
    inventory: {lambda_functions: 60}
  - name: c
    inventory: {lambda_functions: 10}
`, Options{})
	for _, c := range []struct {
		id, instance, want string
	}{
		{"connect.lambda-functions", "a", "Cannot be raised. Spread this need over 3 instances (50 each at most), or reduce it; see the knock-on check of instances per account."},
		{"connect.agent-statuses", "a", "Spread this need over 2 instances (50 each at most)"},
		{"connect.lambda-functions", "b", "Spread this need over 2 instances (50 each at most)"},
	} {
		it := mustCheck(t, ev, c.id, c.instance)
		if it.Check.Status != report.HardLimit || it.Check.Recommended != nil {
			t.Errorf("%s [%s]: status %s", c.id, c.instance, it.Check.Status)
		}
		if !strings.Contains(it.Check.Note, c.want) {
			t.Errorf("%s [%s]: note %q lacks %q", c.id, c.instance, it.Check.Note, c.want)
		}
	}
	if c := mustCheck(t, ev, "connect.lambda-functions", "c").Check; c.Status != report.OK {
		t.Errorf("lambda [c] 10 of 50: %s", c.Status)
	}
	var plain, knock *report.Check
	for _, it := range ev.Items {
		if it.Check.ID == "connect.instances" {
			c := it.Check
			if strings.HasSuffix(c.Name, "(if hard limits are spread)") {
				knock = &c
			} else {
				plain = &c
			}
		}
	}
	if plain == nil || knock == nil {
		t.Fatal("want the instances check and its knock-on check")
	}
	if plain.Required != 3 || plain.Status != report.Increase {
		t.Errorf("instances: %v (%s), want 3, increase", plain.Required, plain.Status)
	}
	// a needs 3 (the larger of 3 and 2), b 2, c 1.
	if knock.Required != 6 || *knock.Recommended != 8 {
		t.Errorf("knock-on instances: %v, recommended %v; want 6 and 8", knock.Required, *knock.Recommended)
	}
	if !strings.Contains(knock.Note, "(3 today)") {
		t.Errorf("knock-on note %q", knock.Note)
	}
}

func TestOtherHardLimitRemedies(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    traffic:
      tasks: {tasks_per_hour: 10, minutes_in_connect: 1h, schedule_ahead_days: 8}
cases:
  fields_per_template: 40
customer_profiles:
  identity_resolution_jobs_per_week: 7
  object_size_kb: 300
`, Options{})
	for _, c := range []struct{ id, instance, want string }{
		{"connect.task-schedule-ahead", "a", "schedule tasks at most 6 days ahead"},
		{"cases.fields-per-template", "", "Split the fields over 2 templates."},
		{"customer-profiles.identity-resolution-jobs", "", "Spread the jobs over 3 domains"},
		{"customer-profiles.object-size", "", "Reduce the need below the limit."},
	} {
		it := mustCheck(t, ev, c.id, c.instance)
		if it.Check.Status != report.HardLimit || !strings.Contains(it.Check.Note, c.want) {
			t.Errorf("%s: %s, note %q; want hard-limit and %q", c.id, it.Check.Status, it.Check.Note, c.want)
		}
	}
	// None of these is spread over instances.
	if n := countChecks(ev, "connect.instances"); n != 1 {
		t.Errorf("%d instances checks, want 1", n)
	}
}

// TestVoiceIDSessions: sessions come from the page's table for the calls through
// Voice ID, summed over the instances, and are shared over the domains.
func TestVoiceIDSessions(t *testing.T) {
	plan := `
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 2000, minutes_in_connect: 5, voice_id_share: 0.5}
  - name: b
    traffic:
      voice: {inbound_calls_per_hour: 4000, minutes_in_connect: 5, voice_id_share: 0.5}
  - name: c
    traffic:
      voice: {inbound_calls_per_hour: 9000, minutes_in_connect: 5}
`
	// 1000 + 2000 = 3000 calls an hour: halfway from 1,000 (50) to 5,000 (250).
	ev := evaluate(t, plan, Options{})
	if got := figure(t, ev, "account.voice_id.sessions"); got != 150 {
		t.Errorf("sessions = %v, want 150", got)
	}
	c := mustCheck(t, ev, "voice-id.concurrent-sessions", "").Check
	if c.Required != 150 || c.Limit != 50 || c.Status != report.Increase {
		t.Errorf("sessions check %v of %v (%s)", c.Required, c.Limit, c.Status)
	}
	ev = evaluate(t, plan+"voice_id: {domains: 2}\n", Options{})
	if c := mustCheck(t, ev, "voice-id.concurrent-sessions", "").Check; c.Required != 75 {
		t.Errorf("sessions per domain over 2 domains = %v, want 75", c.Required)
	}
	if c := mustCheck(t, ev, "voice-id.domains", "").Check; c.Required != 2 {
		t.Errorf("domains = %v, want 2", c.Required)
	}
	// The page's own rows: 10,000 calls an hour take 500 sessions.
	ev = evaluate(t, `
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 10000, minutes_in_connect: 5, voice_id_share: 1}
`, Options{})
	if got := figure(t, ev, "account.voice_id.sessions"); got != 500 {
		t.Errorf("10,000 calls an hour: %v sessions, want the page's 500", got)
	}
	// Without Voice ID traffic or a voice_id section, nothing of Voice ID is checked.
	ev = evaluate(t, `
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 1000, minutes_in_connect: 5}
`, Options{})
	for _, it := range ev.Items {
		if strings.HasPrefix(it.Check.ID, "voice-id.") {
			t.Errorf("a plan without Voice ID checks %s", it.Check.ID)
		}
	}
}

// TestContactLens: post-call jobs by the page's formula, summed over instances and
// over inbound and outbound calls; real-time calls by Erlang B per instance.
func TestContactLens(t *testing.T) {
	ev := evaluate(t, `
region: eu-west-2
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 3000, minutes_in_connect: 10}
    contact_lens: {post_call_share: 1}
  - name: b
    traffic:
      voice:
        inbound_calls_per_hour: 500
        minutes_in_connect: 10
        outbound_calls_per_hour: 300
        outbound_minutes: 4
      chat: {chats_per_hour: 150, minutes_in_connect: 20}
    contact_lens: {post_call_share: 0.5, realtime_share: 0.2, post_chat_share: 0.5}
`, Options{})
	// a: the page's row, 10 min x 0.4 x 3000 / 60 = 200. b: half of
	// 10 x 0.4 x 500 / 60 + 4 x 0.4 x 300 / 60 = 33.33 + 8 → 20.67. Sum 220.67 → 221.
	if got := figure(t, ev, "account.contact_lens.post_call_jobs"); math.Abs(got-(200+(200.0/6+8)/2)) > 1e-9 {
		t.Errorf("post-call jobs = %v", got)
	}
	if c := mustCheck(t, ev, "contact-lens.concurrent-post-call-jobs", "").Check; c.Required != 221 || c.Status != report.Increase {
		t.Errorf("post-call check %v (%s), want 221, increase", c.Required, c.Status)
	}
	// Half of 20 min x 0.4 x 150 / 60 = 10.
	if c := mustCheck(t, ev, "contact-lens.concurrent-post-chat-jobs", "").Check; c.Required != 10 {
		t.Errorf("post-chat jobs %v, want 10", c.Required)
	}
	// Real time on b only: (500 x 10 + 300 x 4) / 60 x 0.2 = 20.667 erlangs.
	load := (500.0*10 + 300*4) / 60 * 0.2
	if got := figure(t, ev, "b.contact_lens.realtime_offered_load_erlangs"); math.Abs(got-load) > 1e-9 {
		t.Errorf("real-time load %v, want %v", got, load)
	}
	// Erlang B at 0.001 for 20.667 erlangs takes 36 slots (mpmath).
	if c := mustCheck(t, ev, "contact-lens.concurrent-realtime-calls", "").Check; c.Required != 36 || c.Limit != 50 {
		t.Errorf("real-time check %v of %v", c.Required, c.Limit)
	}
}

// TestStaffing: agents sized per channel with Erlang C are what calc gives for the
// same inputs, and users count the scheduled agents.
func TestStaffing(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    users:
      staffing:
        service_level_pct: 80
        answer_within: 20s
        shrinkage_pct: 30
        max_occupancy_pct: 90
      roster_factor: 1.5
      supervisors: 12
      other: 3
    traffic:
      voice:
        inbound_calls_per_hour: 600
        minutes_in_connect: 7
        handle_time: 5m
      chat:
        chats_per_hour: 120
        minutes_in_connect: 20
        handle_time: 15
        concurrency: 3
      tasks:
        tasks_per_hour: 40
        minutes_in_connect: 4h
        handle_time: 6
  - name: b
    users:
      staffing:
        service_level_pct: 90
        answer_within: 0.5
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 360, minutes_in_connect: 4}
      tasks: {tasks_per_hour: 30, minutes_in_connect: 2h}
`, Options{})
	// Erlang C worked independently (mpmath, 40 digits): voice 50 erlangs of 300 s
	// → 57 agents; chat 120/h × 15 min / 3 at once = 10 erlangs of 900 s → 14;
	// tasks 4 erlangs of 360 s → 7, all at 80 % in 20 s and occupancy ≤ 90 %.
	// 78 agents at 30 % shrinkage schedule 112; × roster factor 1.5 = 168 accounts.
	const voice, chat, task, scheduled, accounts = 57, 14, 7, 112, 168
	for key, want := range map[string]float64{
		"a.staff.voice_agents": voice, "a.staff.chat_agents": chat, "a.staff.task_agents": task,
		"a.staff.agents": voice + chat + task, "a.staff.scheduled_agents": scheduled,
		"a.staff.users": accounts + 15,
	} {
		if got := figure(t, ev, key); got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	c := mustCheck(t, ev, "connect.users", "a").Check
	if c.Required != accounts+15 {
		t.Errorf("users [a] = %v, want %d", c.Required, accounts+15)
	}
	if !strings.Contains(c.Note, "roster factor 1.5") || !strings.Contains(c.Note, "112 agents scheduled") {
		t.Errorf("users [a] note does not say it counts the roster: %q", c.Note)
	}
	// b: voice handle time defaults to minutes in Connect; tasks without a handle
	// time are not staffed; no shrinkage, occupancy up to 100 %.
	const bv = 30 // 24 erlangs of 240 s at 90 % in 30 s (mpmath)
	if got := figure(t, ev, "b.staff.voice_agents"); got != float64(bv) {
		t.Errorf("b.voice_agents = %v, want %d", got, bv)
	}
	if _, ok := ev.Result.Figures.Get("b.staff.task_agents"); ok {
		t.Error("b's tasks have no handle time but are staffed")
	}
	if got := figure(t, ev, "b.staff.scheduled_agents"); got != float64(bv) {
		t.Errorf("b.scheduled_agents = %v, want %d", got, bv)
	}
	// A sanity anchor independent of calc: 100 calls an hour of 3 minutes is 5
	// erlangs, which takes 8 agents for 80 % in 20 s (Erlang C).
	ev = evaluate(t, `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 3}
`, Options{})
	if got := figure(t, ev, "a.staff.agents"); got != 8 {
		t.Errorf("5 erlangs at 80/20 with 180 s handle time: %v agents, want 8", got)
	}
}

// TestChecksSortedBySeverity: hard limits first, then increases, warnings and ok,
// each group in plan order; the result lists the checks in the items' order.
func TestChecksSortedBySeverity(t *testing.T) {
	for name, data := range samplePlans(t) {
		p, err := Decode(data, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, all := range []bool{false, true} {
			ev, err := Evaluate(p, Options{All: all})
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.Items) != len(ev.Result.Checks) {
				t.Fatalf("%s: %d items, %d checks", name, len(ev.Items), len(ev.Result.Checks))
			}
			for i, it := range ev.Items {
				c := ev.Result.Checks[i]
				if c.ID != it.Check.ID || c.Name != it.Check.Name {
					t.Errorf("%s: check %d is %s, item %s", name, i, c.Name, it.Check.Name)
				}
				if i > 0 && c.Status.Severity() > ev.Result.Checks[i-1].Status.Severity() {
					t.Errorf("%s: %s (%s) after %s (%s)", name, c.Name, c.Status, ev.Result.Checks[i-1].Name, ev.Result.Checks[i-1].Status)
				}
			}
		}
	}
	// Within a status, the plan's order stays.
	ev := evaluate(t, `
instances:
  - name: a
    inventory: {queues: 1, flows: 95, phone_numbers: 9, prompts: 2, lambda_functions: 51, reports: 1900}
`, Options{})
	var got []string
	for _, c := range ev.Result.Checks {
		got = append(got, c.ID)
	}
	// The lambda hard limit adds the knock-on instances check: 2 of 2, a warning.
	want := "connect.lambda-functions connect.phone-numbers connect.flows connect.reports connect.instances connect.queues connect.prompts connect.instances"
	if strings.Join(got, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestAll: --all adds every catalogue row the plan does not touch, once, marked.
func TestAll(t *testing.T) {
	plan := `
instances:
  - name: a
    users: {agents: 10}
`
	ev := evaluate(t, plan, Options{})
	touched := map[string]bool{}
	for _, it := range ev.Items {
		touched[it.Check.ID] = true
		if it.Check.Note == "Not in the plan." {
			t.Errorf("without --all, %s is listed as not in the plan", it.Check.ID)
		}
	}
	if len(touched) != 2 || !touched["connect.users"] || !touched["connect.instances"] {
		t.Errorf("a plan of users checks %v", touched)
	}
	ev = evaluate(t, plan, Options{All: true})
	count := map[string]int{}
	for _, it := range ev.Items {
		count[it.Check.ID]++
		untouched := strings.HasPrefix(it.Check.Note, "Not in the plan.")
		if untouched && strings.HasPrefix(it.Check.ID, "voice-id.") != strings.Contains(it.Check.Note, "AWS ended support for Voice ID on 2026-05-20.") {
			t.Errorf("untouched %s: note %q", it.Check.ID, it.Check.Note)
		}
		if untouched == touched[it.Check.ID] {
			t.Errorf("%s: note %q", it.Check.ID, it.Check.Note)
		}
		if untouched && (it.Check.Required != 0 || it.Check.Status != report.Untouch || it.Check.Recommended != nil || it.Instance != "") {
			t.Errorf("untouched %s: required %v, status %s, instance %q", it.Check.ID, it.Check.Required, it.Check.Status, it.Instance)
		}
	}
	for _, q := range tables.In(ev.Edition).All() {
		if count[q.ID] != 1 {
			t.Errorf("with --all, %s is listed %d times", q.ID, count[q.ID])
		}
	}
}

func TestTargetUtilization(t *testing.T) {
	plan := `
instances:
  - name: a
    inventory: {queues: 45}
`
	if c := mustCheck(t, evaluate(t, plan, Options{}), "connect.queues", "a").Check; c.Status != report.Warn || *c.Recommended != 57 {
		t.Errorf("45 of 50 at 80 %%: %s, recommended %v; want warn, 57", c.Status, *c.Recommended)
	}
	// At 95 % the 50 queues hold 45 (90 %): nothing to request.
	if c := mustCheck(t, evaluate(t, plan, Options{TargetPct: 95}), "connect.queues", "a").Check; c.Status != report.OK || c.Recommended != nil {
		t.Errorf("45 of 50 at 95 %%: %s, recommended %v; want ok, none", c.Status, c.Recommended)
	}
	// At 90 % they sit exactly at the target: ok, nothing to request.
	if c := mustCheck(t, evaluate(t, plan, Options{TargetPct: 90}), "connect.queues", "a").Check; c.Status != report.OK || c.Recommended != nil {
		t.Errorf("45 of 50 at 90 %%: %s, recommended %v; want ok, none", c.Status, c.Recommended)
	}
}

func TestEvaluateErrors(t *testing.T) {
	p, err := Decode([]byte(`
instances:
  - name: a
  - name: b
    traffic:
      voice:
        inbound_calls_per_hour: 10000000
        minutes_in_connect: 7d
`), "load.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "load.yaml:7: instances[1].traffic.voice.inbound_calls_per_hour: ") || !strings.Contains(err.Error(), "more than connectcap sizes") {
		t.Errorf("an unsizable load: %v", err)
	}
}

func countChecks(ev *Evaluation, id string) int {
	n := 0
	for _, it := range ev.Items {
		if it.Check.ID == id {
			n++
		}
	}
	return n
}

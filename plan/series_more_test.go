package plan

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/report"
)

func mins(v float64) *Minutes { m := Minutes(v); return &m }
func num(v float64) *float64  { return &v }

// TestWithTraffic puts one 15-minute interval of every channel on an instance:
// contacts per interval × 4 are contacts per hour, seconds / 60 minutes.
func TestWithTraffic(t *testing.T) {
	in := Instance{
		Name:        "main",
		Traffic:     &Traffic{Chat: &Chat{Concurrency: num(3)}, Email: &Email{AnswerWithin: mins(240)}},
		Campaigns:   &Campaigns{Active: num(2), Total: num(5)},
		ContactLens: &ContactLens{PostCallShare: num(0.9)},
	}
	var iv traffic.Interval
	// No time in Connect: the handle time of 240 s stands in, 4 minutes.
	iv.Channels[traffic.Voice] = traffic.Load{Contacts: 30, HandleSeconds: 240,
		Shares: traffic.Shares{VoiceID: 0.2, PostCall: 0.5, Realtime: 0.25, Has: traffic.HasVoiceID | traffic.HasPostCall | traffic.HasRealtime}}
	// 5 of 10 chats handled, 600 s each: agents are offered half the chats, for
	// 10 minutes each.
	iv.Channels[traffic.Chat] = traffic.Load{Contacts: 10, HandleSeconds: 600, ConnectSeconds: 900, Handled: 5, HasHandled: true,
		Shares: traffic.Shares{PostChat: 0.75, Has: traffic.HasPostChat}}
	// Tasks without a handle time are not staffed.
	iv.Channels[traffic.Task] = traffic.Load{Contacts: 6, ConnectSeconds: 120}
	iv.Channels[traffic.Email] = traffic.Load{Contacts: 3, HandleSeconds: 300, ConnectSeconds: 3600}
	iv.Channels[traffic.Campaign] = traffic.Load{Contacts: 15, ConnectSeconds: 90}
	withTraffic(&in, &iv, 15)

	want := &Traffic{
		Voice: &Voice{InboundCallsPerHour: 120, MinutesInConnect: mins(4), HandleTime: mins(4), VoiceIDShare: num(0.2)},
		Chat:  &Chat{ChatsPerHour: 40, MinutesInConnect: mins(15), HandleTime: mins(10), Concurrency: num(3)},
		Tasks: &Tasks{TasksPerHour: 24, MinutesInConnect: mins(2)},
		Email: &Email{InboundEmailsPerHour: 12, MinutesInConnect: mins(60), HandleTime: mins(5), AnswerWithin: mins(240)},
	}
	if !reflect.DeepEqual(in.Traffic, want) {
		t.Errorf("traffic:\n%s\nwant\n%s", dump(in.Traffic), dump(want))
	}
	if want := map[string]float64{"chat": 0.5}; !reflect.DeepEqual(in.handled, want) {
		t.Errorf("handled shares %v, want %v", in.handled, want)
	}
	if wantC := (&Campaigns{Active: num(2), Total: num(5), CallsPerHour: num(60), MinutesInConnect: mins(1.5)}); !reflect.DeepEqual(in.Campaigns, wantC) {
		t.Errorf("campaigns %s, want %s", dump(in.Campaigns), dump(wantC))
	}
	if wantL := (&ContactLens{PostCallShare: num(0.5), RealtimeShare: num(0.25), PostChatShare: num(0.75)}); !reflect.DeepEqual(in.ContactLens, wantL) {
		t.Errorf("conversational analytics %s, want %s", dump(in.ContactLens), dump(wantL))
	}

	// An interval without traffic: no channel, the campaigns without their
	// calls, the analytics shares as they were.
	withTraffic(&in, &traffic.Interval{}, 15)
	if !reflect.DeepEqual(in.Traffic, &Traffic{}) {
		t.Errorf("traffic of an empty interval: %s", dump(in.Traffic))
	}
	if wantC := (&Campaigns{Active: num(2), Total: num(5)}); !reflect.DeepEqual(in.Campaigns, wantC) {
		t.Errorf("campaigns of an empty interval %s, want %s", dump(in.Campaigns), dump(wantC))
	}
	if wantL := (&ContactLens{PostCallShare: num(0.5), RealtimeShare: num(0.25), PostChatShare: num(0.75)}); !reflect.DeepEqual(in.ContactLens, wantL) {
		t.Errorf("conversational analytics of an empty interval %s, want %s", dump(in.ContactLens), dump(wantL))
	}

	// Half the calls handled: the handle time stays 2 minutes and half the calls
	// are staffed. A voice share other than Voice ID's leaves the Voice ID share
	// unset.
	var iv2 traffic.Interval
	iv2.Channels[traffic.Voice] = traffic.Load{Contacts: 60, HandleSeconds: 120, ConnectSeconds: 180, Handled: 30, HasHandled: true,
		Shares: traffic.Shares{PostCall: 0.1, Has: traffic.HasPostCall}}
	// Emails without a handle time are not staffed.
	iv2.Channels[traffic.Email] = traffic.Load{Contacts: 2, ConnectSeconds: 600}
	bare := Instance{Name: "b"}
	withTraffic(&bare, &iv2, 30)
	if e := bare.Traffic.Email; e == nil || e.InboundEmailsPerHour != 4 || *e.MinutesInConnect != 10 || e.HandleTime != nil || e.AnswerWithin != nil {
		t.Errorf("email %s, want 4 per hour, 10 min in Connect, no handle time", dump(e))
	}
	if v := bare.Traffic.Voice; v.InboundCallsPerHour != 120 || *v.MinutesInConnect != 3 || *v.HandleTime != 2 || v.VoiceIDShare != nil || bare.handled["voice"] != 0.5 {
		t.Errorf("voice %s (handled %v), want 120 per hour, 3 min in Connect, 2 min handled, half staffed, no Voice ID share", dump(v), bare.handled)
	}
	if bare.Campaigns != nil {
		t.Errorf("campaigns %s on an instance without them", dump(bare.Campaigns))
	}
	if wantL := (&ContactLens{PostCallShare: num(0.1)}); !reflect.DeepEqual(bare.ContactLens, wantL) {
		t.Errorf("conversational analytics %s, want %s", dump(bare.ContactLens), dump(wantL))
	}
	// A campaigns section without calls stays as it was.
	noCalls := Instance{Name: "c", Campaigns: &Campaigns{Active: num(1)}}
	withTraffic(&noCalls, &traffic.Interval{}, 15)
	if wantC := (&Campaigns{Active: num(1)}); !reflect.DeepEqual(noCalls.Campaigns, wantC) {
		t.Errorf("campaigns without calls %s, want %s", dump(noCalls.Campaigns), dump(wantC))
	}
}

func TestShares(t *testing.T) {
	if got := shares(&traffic.Interval{}); got != nil {
		t.Errorf("shares of an interval without any = %s, want nil", dump(got))
	}
	for _, c := range []struct {
		ch   traffic.Channel
		s    traffic.Shares
		want ContactLens
	}{
		{traffic.Voice, traffic.Shares{PostCall: 0.3, Has: traffic.HasPostCall}, ContactLens{PostCallShare: num(0.3)}},
		{traffic.Voice, traffic.Shares{Realtime: 0.4, Has: traffic.HasRealtime}, ContactLens{RealtimeShare: num(0.4)}},
		{traffic.Chat, traffic.Shares{PostChat: 0, Has: traffic.HasPostChat}, ContactLens{PostChatShare: num(0)}},
		// A post-chat share on calls, or a Voice ID share, is no analytics share.
		{traffic.Voice, traffic.Shares{PostChat: 0.5, VoiceID: 0.5, Has: traffic.HasPostChat | traffic.HasVoiceID}, ContactLens{}},
	} {
		var iv traffic.Interval
		iv.Channels[c.ch].Shares = c.s
		got := shares(&iv)
		if c.want == (ContactLens{}) {
			if got != nil {
				t.Errorf("%v %+v: %s, want nil", c.ch, c.s, dump(got))
			}
			continue
		}
		if got == nil || !reflect.DeepEqual(*got, c.want) {
			t.Errorf("%v %+v: %s, want %s", c.ch, c.s, dump(got), dump(&c.want))
		}
	}
}

// dump shows pointers' values: JSON follows them.
func dump(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// TestEvaluateSeriesBatches sizes 300 one-minute intervals, more than one batch
// of 256: 1 call a minute of 6 minutes is 6 erlangs, which needs 15 slots at
// 0.001 (Erlang B, mpmath: B(14, 6) = 0.00223 > 0.001 ≥ B(15, 6) = 0.000892),
// and 3 calls (18 erlangs) at 04:40 need 32 (B(31, 18) = 0.00152, B(32, 18) =
// 0.000854).
func TestEvaluateSeriesBatches(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	var ivs []traffic.Interval
	for i := range 300 {
		iv := traffic.Interval{Start: t0.Add(time.Duration(i) * time.Minute)}
		n := 1.0
		if i == 280 {
			n = 3
		}
		iv.Channels[traffic.Voice] = traffic.Load{Contacts: n, HandleSeconds: 300, ConnectSeconds: 360}
		ivs = append(ivs, iv)
	}
	s := traffic.Series{Step: time.Minute, Instances: []traffic.Instance{{Name: "main", ARN: "arn:aws:connect:us-east-1:123456789012:instance/abc", Intervals: ivs}}}
	ev, err := EvaluateSeries(nil, s, SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := peakOf(t, ev, "connect.concurrent-active-calls")
	if p.Check.Required != 32 || !p.At.Equal(t0.Add(280*time.Minute)) || len(p.Timeline.Required) != 300 {
		t.Fatalf("peak %v at %v over %d intervals, want 32 at 04:40 over 300", p.Check.Required, p.At, len(p.Timeline.Required))
	}
	for i, v := range p.Timeline.Required {
		if want := map[bool]float64{true: 32, false: 15}[i == 280]; v != want {
			t.Errorf("interval %d needs %v, want %v", i, v, want)
		}
	}
	// The series gives the ARN when no plan does.
	for _, it := range ev.Items {
		if it.Check.ID == "connect.concurrent-active-calls" && (it.ARN != s.Instances[0].ARN || it.Instance != "main") {
			t.Errorf("calls item %q, ARN %q", it.Instance, it.ARN)
		}
	}
	// Peaks by severity: the increase first, then the rest in order.
	for i := 1; i < len(ev.Peaks); i++ {
		if a, b := ev.Peaks[i-1].Check.Status.Severity(), ev.Peaks[i].Check.Status.Severity(); a < b {
			t.Errorf("peak %d (%s) before the more severe %d (%s)", i-1, ev.Peaks[i-1].Check.Status, i, ev.Peaks[i].Check.Status)
		}
	}
	if ev.Peaks[0].Check.Status != report.Increase || len(ev.Peaks) < 2 || ev.Peaks[len(ev.Peaks)-1].Check.Status == report.Increase {
		t.Errorf("peaks from %s to %s", ev.Peaks[0].Check.Status, ev.Peaks[len(ev.Peaks)-1].Check.Status)
	}
}

func TestEvaluateSeriesErrorNamesInterval(t *testing.T) {
	// The plan's instance is in eu-west-1; checking us-east-1 fails each interval.
	base, err := Decode([]byte("instances:\n  - name: main\n    arn: arn:aws:connect:eu-west-1:123456789012:instance/aaa\n"), "base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = EvaluateSeries(base, voiceSeries(nil), SeriesOptions{Options: Options{Region: "us-east-1"}})
	if err == nil || !strings.HasPrefix(err.Error(), "interval starting 2026-03-02T10:00:00Z: ") {
		t.Errorf("err = %v, want it to name the first interval", err)
	}
}

// Handle time stands in for time in Connect only where there is traffic.
func TestEvaluateSeriesHandleStandsIn(t *testing.T) {
	for _, c := range []struct {
		contacts float64
		want     bool
	}{{0, false}, {1, true}} {
		s := voiceSeries(nil)
		var iv traffic.Interval
		iv.Start = s.Instances[0].Intervals[2].Start.Add(15 * time.Minute)
		iv.Channels[traffic.Chat] = traffic.Load{Contacts: c.contacts, HandleSeconds: 300, ConnectSeconds: 300, HandleStandsIn: true}
		s.Instances[0].Intervals = append(s.Instances[0].Intervals, iv)
		ev, err := EvaluateSeries(nil, s, SeriesOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ev.HandleStandsIn != c.want {
			t.Errorf("%v chats standing in: HandleStandsIn %v, want %v", c.contacts, ev.HandleStandsIn, c.want)
		}
	}
	ev, err := EvaluateSeries(nil, voiceSeries(nil), SeriesOptions{})
	if err != nil || ev.HandleStandsIn {
		t.Errorf("time in Connect given: HandleStandsIn %v (%v)", ev.HandleStandsIn, err)
	}
}

func TestLimitSet(t *testing.T) {
	base, err := Decode([]byte(`
region: eu-west-1
applied:
  connect.concurrent-active-calls: 30
instances:
  - name: care
    arn: arn:aws:connect:eu-west-1:123456789012:instance/aaa
    applied:
      connect.concurrent-active-calls: 40
  - name: sales
`), "base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Limits(base, Options{TargetPct: 70, Blocking: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if l.TargetPct != 70 || l.Blocking != 0.01 || l.Edition() != "2026" {
		t.Errorf("target %v, blocking %v, edition %s; want 70, 0.01, 2026", l.TargetPct, l.Blocking, l.Edition())
	}
	for _, c := range []struct{ id, arn, want string }{
		{"aaa", "arn:aws:connect:eu-west-1:123456789012:instance/aaa", "care"},  // by ARN
		{"care", "arn:aws:connect:eu-west-1:123456789012:instance/zzz", "care"}, // by name
		{"sales", "", "sales"},
		// No ARN matches no instance without one: the id.
		{"bbb", "", "bbb"},
		{"bbb", "arn:aws:connect:eu-west-1:123456789012:instance/bbb", "bbb"},
	} {
		if got := l.NameOf(c.id, c.arn); got != c.want {
			t.Errorf("NameOf(%q, %q) = %q, want %q", c.id, c.arn, got, c.want)
		}
	}
	const calls = "connect.concurrent-active-calls"
	for _, c := range []struct {
		name  string
		limit float64
	}{{"care", 40}, {"sales", 30}, {"elsewhere", 30}} {
		cm := l.Common(c.name)
		ch := cm.Check(calls, 10, "")
		if ch.Limit != c.limit || ch.LimitSource != report.FromPlan || cm.Instance != c.name || cm.Region != "eu-west-1" || cm.TargetPct != 70 || ch.Instance == nil || *ch.Instance != c.name {
			t.Errorf("Common(%q): limit %v (%s), instance %q, region %q, target %v", c.name, ch.Limit, ch.LimitSource, cm.Instance, cm.Region, cm.TargetPct)
		}
	}
	r := report.New("contacts", "Contacts")
	l.AddInputs(r)
	for key, want := range map[string]any{"plan_file": "base.yaml", "region": "eu-west-1", "edition": "2026", "target_utilization_pct": 70.0} {
		if got, ok := r.Inputs.Get(key); !ok || got != want {
			t.Errorf("input %s = %v, want %v", key, got, want)
		}
	}

	// No plan: the page's defaults, no file, no Region, the default targets.
	l, err = Limits(nil, Options{Edition: "2023"})
	if err != nil {
		t.Fatal(err)
	}
	if l.TargetPct != 80 || l.Blocking != 0.001 || l.Edition() != "2023" {
		t.Errorf("no plan: target %v, blocking %v, edition %s; want 80, 0.001, 2023", l.TargetPct, l.Blocking, l.Edition())
	}
	r = report.New("contacts", "Contacts")
	l.AddInputs(r)
	for _, key := range []string{"plan_file", "region"} {
		if got, ok := r.Inputs.Get(key); !ok || got != nil {
			t.Errorf("no plan: input %s = %v, want null", key, got)
		}
	}
	if ch := l.Common("x").Check(calls, 10, ""); ch.Limit != 10 || ch.LimitSource != report.FromDefault {
		t.Errorf("no plan: limit %v (%s), want the default 10", ch.Limit, ch.LimitSource)
	}
	if _, err := Limits(base, Options{Region: "us-east-1"}); err == nil || !strings.Contains(err.Error(), "the ARN is in eu-west-1") {
		t.Errorf("Limits with a Region other than the ARN's: %v", err)
	}
}

// ChecksOnly keeps an evaluation's checks and builds no figures.
func TestEvaluateChecksOnly(t *testing.T) {
	p, err := Decode([]byte(`
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 200
        minutes_in_connect: 6
      chat:
        chats_per_hour: 100
        minutes_in_connect: 10
`), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	full, err := Evaluate(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := Evaluate(p, Options{ChecksOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Result.Figures) == 0 || len(lean.Result.Figures) != 0 {
		t.Errorf("%d figures, %d with ChecksOnly; want some and none", len(full.Result.Figures), len(lean.Result.Figures))
	}
	if !reflect.DeepEqual(lean.Result.Checks, full.Result.Checks) || len(full.Result.Checks) == 0 {
		t.Errorf("checks with ChecksOnly differ:\n%s\nwant\n%s", dump(lean.Result.Checks), dump(full.Result.Checks))
	}
}

// TestEvaluateSeriesPeaksBySeverity has the checks first seen in an order other
// than by severity: in the first of two 15-minute intervals both instances' calls
// are ok, and b's become an increase only in the second. 1 call of 6 minutes in
// Connect is 0.4 erlangs, which needs 4 slots at 0.001 (Erlang B: B(3, 0.4) =
// 0.00716, B(4, 0.4) = 0.000715), 4 of the default 10; b's 50 in the second are
// 20 erlangs, 35 slots (as in TestEvaluateSeriesPeakInterval), over 10; two
// instances of the default 2 sit at the limit, above the 80 % target: warn.
func TestEvaluateSeriesPeaksBySeverity(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	calls := func(ns ...float64) []traffic.Interval {
		var ivs []traffic.Interval
		for i, n := range ns {
			iv := traffic.Interval{Start: t0.Add(time.Duration(i) * 15 * time.Minute)}
			iv.Channels[traffic.Voice] = traffic.Load{Contacts: n, HandleSeconds: 300, ConnectSeconds: 360}
			ivs = append(ivs, iv)
		}
		return ivs
	}
	s := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "a", Intervals: calls(1, 1)}, {Name: "b", Intervals: calls(1, 50)}}}
	ev, err := EvaluateSeries(nil, s, SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"connect.concurrent-active-calls b increase 35/10",
		"connect.instances  warn 2/2",
		"connect.concurrent-active-calls a ok 4/10",
	}
	var got []string
	for _, p := range ev.Peaks {
		got = append(got, fmt.Sprintf("%s %s %s %v/%v", p.Check.ID, instanceOf(p.Check), p.Check.Status, p.Check.Required, p.Check.Limit))
	}
	if !slices.Equal(got, want) {
		t.Errorf("peaks\n got %q\nwant %q", got, want)
	}
	// The items follow the peaks.
	for i, it := range ev.Items {
		if i < len(ev.Peaks) && (it.Check.ID != ev.Peaks[i].Check.ID || it.Instance != instanceOf(ev.Peaks[i].Check)) {
			t.Errorf("item %d is %s %q, peak %s", i, it.Check.ID, it.Instance, ev.Peaks[i].Check.ID)
		}
	}
}

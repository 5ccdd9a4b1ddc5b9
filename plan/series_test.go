package plan

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/report"
)

// voiceSeries is one instance's calls over three 15-minute intervals: 25, 50
// and 5 calls of 6 minutes in Connect, that is 100, 200 and 20 calls per hour
// offering 10, 20 and 2 erlangs.
func voiceSeries(postCall *float64) traffic.Series {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	var ivs []traffic.Interval
	for i, n := range []float64{25, 50, 5} {
		iv := traffic.Interval{Start: t0.Add(time.Duration(i) * 15 * time.Minute)}
		l := traffic.Load{Contacts: n, HandleSeconds: 300, ConnectSeconds: 360}
		if postCall != nil {
			l.Shares = traffic.Shares{PostCall: *postCall, Has: traffic.HasPostCall}
		}
		iv.Channels[traffic.Voice] = l
		ivs = append(ivs, iv)
	}
	return traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "main", Intervals: ivs}}}
}

func peakOf(t *testing.T, ev *SeriesEvaluation, id string) report.Peak {
	t.Helper()
	for _, p := range ev.Peaks {
		if p.Check.ID == id {
			return p
		}
	}
	t.Fatalf("no peak for %s in %d peaks", id, len(ev.Peaks))
	return report.Peak{}
}

func TestEvaluateSeriesPeakInterval(t *testing.T) {
	ev, err := EvaluateSeries(nil, voiceSeries(nil), SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Erlang B at 0.001 (mpmath, independently): 10 erlangs need 21 slots, 20
	// need 35, 2 need 8. The default limit is 10, the target 80 % of it: 8.
	p := peakOf(t, ev, "connect.concurrent-active-calls")
	if p.Check.Required != 35 || p.Check.Limit != 10 || p.Check.Status != report.Increase {
		t.Errorf("peak check = %v of %v, %s; want 35 of 10, increase", p.Check.Required, p.Check.Limit, p.Check.Status)
	}
	if want := time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC); !p.At.Equal(want) {
		t.Errorf("peak at %v, want %v", p.At, want)
	}
	if got := p.Timeline.Required; len(got) != 3 || got[0] != 21 || got[1] != 35 || got[2] != 8 {
		t.Errorf("timeline = %v, want [21 35 8]", got)
	}
	// 8 of 10 sits at the target, not above it.
	if p.IntervalsAbove != 2 || p.HoursAbove != 0.5 || p.IntervalsOverLimit != 2 || p.HoursOver != 0.5 {
		t.Errorf("above target %d (%v h), above limit %d (%v h); want 2 (0.5 h) and 2 (0.5 h)", p.IntervalsAbove, p.HoursAbove, p.IntervalsOverLimit, p.HoursOver)
	}
	if p.Check.Recommended == nil || *p.Check.Recommended != 44 { // ceil(35 / 0.8)
		t.Errorf("recommended = %v, want 44", p.Check.Recommended)
	}
	if !strings.Contains(p.Check.Note, "Peak 35 at 2026-03-02T10:15:00Z (intervals of 15 min); 2 intervals (0.5 h) above the 80 % target, 2 intervals (0.5 h) above the limit.") {
		t.Errorf("note = %q", p.Check.Note)
	}
	if len(ev.Starts) != 3 || ev.Step != 15*time.Minute || ev.TargetPct != 80 || ev.Blocking != 0.001 {
		t.Errorf("evaluation = %d starts, step %v, target %v, blocking %v", len(ev.Starts), ev.Step, ev.TargetPct, ev.Blocking)
	}
}

func TestEvaluateSeriesBasePlanAndShares(t *testing.T) {
	base, err := Decode([]byte(`
instances:
  - name: main
    arn: arn:aws:connect:us-east-1:123456789012:instance/abc
    applied:
      connect.concurrent-active-calls: 40
    inventory:
      queues: 12
`), "base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	half := 0.5
	ev, err := EvaluateSeries(base, voiceSeries(&half), SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 35 of the applied 40 is 87.5 %: above the target, under the limit.
	calls := peakOf(t, ev, "connect.concurrent-active-calls")
	if calls.Check.Status != report.Warn || calls.Check.LimitSource != report.FromPlan || calls.IntervalsOverLimit != 0 || calls.IntervalsAbove != 1 {
		t.Errorf("calls = %v of %v (%s, %s), %d over the limit, %d above the target", calls.Check.Required, calls.Check.Limit, calls.Check.Status, calls.Check.LimitSource, calls.IntervalsOverLimit, calls.IntervalsAbove)
	}
	// Post-call jobs, the page's formula: 6 min x 0.4 x calls per hour x share /
	// 60: 200 x 0.5 = 100 calls per hour give 4 jobs at the peak.
	jobs := peakOf(t, ev, "contact-lens.concurrent-post-call-jobs")
	if jobs.Check.Required != 4 || !jobs.At.Equal(calls.At) {
		t.Errorf("post-call jobs = %v at %v, want 4 at %v", jobs.Check.Required, jobs.At, calls.At)
	}
	queues := peakOf(t, ev, "connect.queues")
	if queues.Check.Required != 12 || len(queues.Timeline.Required) != 3 {
		t.Errorf("queues = %v over %d intervals, want 12 in each of 3", queues.Check.Required, len(queues.Timeline.Required))
	}
	for _, it := range ev.Items {
		if it.Check.ID == "connect.concurrent-active-calls" && it.ARN != "arn:aws:connect:us-east-1:123456789012:instance/abc" {
			t.Errorf("calls item ARN = %q", it.ARN)
		}
	}
}

func TestEvaluateSeriesStaffing(t *testing.T) {
	// The published Erlang C example: 100 calls per 30 minutes of 180 s, 80 %
	// answered in 20 s, needs 14 agents; with 30 % shrinkage 20 are scheduled.
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var ivs []traffic.Interval
	for i, n := range []float64{50, 100} {
		iv := traffic.Interval{Start: t0.Add(time.Duration(i) * 30 * time.Minute)}
		iv.Channels[traffic.Voice] = traffic.Load{Contacts: n, HandleSeconds: 180, ConnectSeconds: 240}
		ivs = append(ivs, iv)
	}
	s := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{{Name: "main", Intervals: ivs}}}
	answer := Minutes(20.0 / 60)
	shrink, occ, roster, sup, other := 30.0, 100.0, 1.0, 3.0, 0.0
	users := &Users{Staffing: &Staffing{ServiceLevelPct: 80, AnswerWithin: &answer, ShrinkagePct: &shrink, MaxOccupancyPct: &occ}, RosterFactor: &roster, Supervisors: &sup, Other: &other}
	ev, err := EvaluateSeries(nil, s, SeriesOptions{Users: users})
	if err != nil {
		t.Fatal(err)
	}
	u := peakOf(t, ev, "connect.users")
	if u.Check.Required != 23 || !u.At.Equal(t0.Add(30*time.Minute)) { // 20 scheduled + 3 supervisors
		t.Errorf("users = %v at %v, want 23 at 09:30", u.Check.Required, u.At)
	}
}

func TestEvaluateSeriesHandledScalesStaffing(t *testing.T) {
	// 100 contacts per 30 minutes of which 50 reach an agent for 360 s: agents
	// are offered 100 handled contacts an hour of 360 s, 10 erlangs. Erlang C
	// (mpmath): 13 agents answer 75.85 % within 20 s, 14 agents 86.06 %: 14.
	// An interval where no contact reached an agent staffs no one.
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	iv := traffic.Interval{Start: t0}
	iv.Channels[traffic.Voice] = traffic.Load{Contacts: 100, HandleSeconds: 360, ConnectSeconds: 240, Handled: 50, HasHandled: true}
	none := traffic.Interval{Start: t0.Add(30 * time.Minute)}
	none.Channels[traffic.Voice] = traffic.Load{Contacts: 40, HandleSeconds: 0, ConnectSeconds: 60, Handled: 0, HasHandled: true}
	s := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{{Name: "main", Intervals: []traffic.Interval{iv, none}}}}
	answer := Minutes(20.0 / 60)
	zero, occ, roster := 0.0, 100.0, 1.0
	users := &Users{Staffing: &Staffing{ServiceLevelPct: 80, AnswerWithin: &answer, ShrinkagePct: &zero, MaxOccupancyPct: &occ}, RosterFactor: &roster, Supervisors: &zero, Other: &zero}
	ev, err := EvaluateSeries(nil, s, SeriesOptions{Users: users})
	if err != nil {
		t.Fatal(err)
	}
	u := peakOf(t, ev, "connect.users")
	if u.Check.Required != 14 || u.Timeline.Required[1] != 0 {
		t.Errorf("users = %v (timeline %v), want 14 then 0", u.Check.Required, u.Timeline.Required)
	}
}

// A forecast that leaves out the night still has its intervals one Step apart:
// the missing ones are sized with no traffic.
func TestEvaluateSeriesGaps(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)
	mk := func(at time.Time, n float64) traffic.Interval {
		iv := traffic.Interval{Start: at}
		iv.Channels[traffic.Voice] = traffic.Load{Contacts: n, HandleSeconds: 300, ConnectSeconds: 360}
		return iv
	}
	s := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "main", Intervals: []traffic.Interval{mk(t0, 25), mk(t0.Add(time.Hour), 50)}}}}
	ev, err := EvaluateSeries(nil, s, SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := peakOf(t, ev, "connect.concurrent-active-calls")
	// 07:00 10 erlangs (21), 07:15-07:45 nothing, 08:00 20 erlangs (35).
	if got := p.Timeline.Required; len(ev.Starts) != 5 || len(got) != 5 || got[0] != 21 || got[1] != 0 || got[4] != 35 || !p.At.Equal(t0.Add(time.Hour)) {
		t.Errorf("starts %d, timeline %v, peak at %v", len(ev.Starts), got, p.At)
	}
}

// A plan instance is the series' by ARN before name, and one the series does not
// name has no traffic: the plan's peak hour is not mixed in.
func TestEvaluateSeriesMatchesByARNAndDropsPlanTraffic(t *testing.T) {
	base, err := Decode([]byte(`
instances:
  - name: sales
    arn: arn:aws:connect:us-east-1:123456789012:instance/abc
    applied:
      connect.concurrent-active-calls: 40
  - name: care
    traffic:
      voice:
        inbound_calls_per_hour: 3000
        minutes_in_connect: 6
`), "base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := voiceSeries(nil)
	s.Instances[0].Name, s.Instances[0].ARN = "abc", "arn:aws:connect:us-east-1:123456789012:instance/abc"
	ev, err := EvaluateSeries(base, s, SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ev.Peaks {
		if p.Check.ID != "connect.concurrent-active-calls" {
			continue
		}
		switch name := instanceOf(p.Check); name {
		case "sales":
			if p.Check.Required != 35 || p.Check.Limit != 40 {
				t.Errorf("sales = %v of %v, want 35 of the plan's 40", p.Check.Required, p.Check.Limit)
			}
		default:
			t.Errorf("calls checked for %q: the plan's traffic or a second instance leaked in", name)
		}
	}
	if inst := peakOf(t, ev, "connect.instances"); inst.Check.Required != 2 {
		t.Errorf("instances = %v, want the plan's 2", inst.Check.Required)
	}
}

func TestEvaluateSeriesEmpty(t *testing.T) {
	if _, err := EvaluateSeries(nil, traffic.Series{Step: time.Minute}, SeriesOptions{}); err == nil || !strings.Contains(err.Error(), "no intervals") {
		t.Errorf("err = %v", err)
	}
}

// A series whose step is not positive has no intervals to size, whatever its
// instances hold: stepping from the first start by 0 would never pass the last.
// The call runs against a deadline so that a loop which never ends fails the test
// (by a panic, which also stops the loop) instead of hanging it.
func TestEvaluateSeriesNoStep(t *testing.T) {
	iv := traffic.Interval{Start: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	iv.Channels[traffic.Voice] = traffic.Load{Contacts: 1, HandleSeconds: 300}
	for _, step := range []time.Duration{0, -time.Minute} {
		s := traffic.Series{Step: step, Instances: []traffic.Instance{{Name: "main", Intervals: []traffic.Interval{iv}}}}
		done := make(chan error, 1)
		go func() {
			_, err := EvaluateSeries(nil, s, SeriesOptions{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "no intervals") {
				t.Errorf("step %v: err = %v, want no intervals", step, err)
			}
		case <-time.After(time.Second):
			panic(fmt.Sprintf("EvaluateSeries with step %v has not returned after 1 s", step))
		}
	}
}

// A series instance is matched to one plan instance at most. Plan instance a
// takes series instance b by ARN; plan instance b, matched by name, would take
// the same series instance and so gets none; series instance c, matched by no
// plan instance, is added. One 15-minute interval: the series' b has 50 calls of
// 6 minutes in Connect (20 erlangs, 35 slots at 0.001, as in
// TestEvaluateSeriesPeakInterval) and c 1 (0.4 erlangs, 4 slots: Erlang B
// B(3, 0.4) = 0.00716 > 0.001 ≥ B(4, 0.4) = 0.000715).
func TestEvaluateSeriesInstanceTakenOnce(t *testing.T) {
	const arn = "arn:aws:connect:us-east-1:123456789012:instance/abc"
	base, err := Decode([]byte("instances:\n  - name: a\n    arn: "+arn+"\n  - name: b\n"), "base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	calls := func(n float64) []traffic.Interval {
		iv := traffic.Interval{Start: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
		iv.Channels[traffic.Voice] = traffic.Load{Contacts: n, HandleSeconds: 300, ConnectSeconds: 360}
		return []traffic.Interval{iv}
	}
	s := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "b", ARN: arn, Intervals: calls(50)},
		{Name: "c", Intervals: calls(1)},
	}}
	ev, err := EvaluateSeries(base, s, SeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, p := range ev.Peaks {
		if p.Check.ID == "connect.concurrent-active-calls" {
			got[instanceOf(p.Check)] = p.Check.Required
		}
	}
	if want := map[string]float64{"a": 35, "c": 4}; !maps.Equal(got, want) {
		t.Errorf("calls by instance = %v, want %v", got, want)
	}
	if inst := peakOf(t, ev, "connect.instances"); inst.Check.Required != 3 {
		t.Errorf("instances = %v, want a, b and c", inst.Check.Required)
	}
}

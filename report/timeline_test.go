package report

import (
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/tables"
)

func TestTrackerPeaks(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	starts := []time.Time{t0, t0.Add(time.Hour), t0.Add(2 * time.Hour), t0.Add(3 * time.Hour)}
	tr := NewTracker(starts, time.Hour, 80)
	q := tables.Default().MustLookup("connect.concurrent-active-chats") // default 500, target 400
	inst := "main"
	for i, need := range []float64{100, 450, 520, 520} {
		c := NewCheck(q, need, Limit{Value: 500, Source: FromDefault}, 80, "")
		c.Instance = &inst
		tr.Add(i, c)
	}
	at := t0.Add(2*time.Hour + 90*time.Second + 250*time.Millisecond)
	tr.PeakAt(q.ID, "main", at)
	tr.PeakAt(q.ID, "other", t0) // no such track: nothing happens
	ps := tr.Peaks()
	if len(ps) != 1 {
		t.Fatalf("%d peaks", len(ps))
	}
	p := ps[0]
	// The first of the two 520s is the peak; 450 and both 520s are above 400;
	// only the 520s are above 500.
	if p.Check.Required != 520 || !p.At.Equal(at) || p.IntervalsAbove != 3 || p.HoursAbove != 3 || p.IntervalsOverLimit != 2 || p.HoursOver != 2 {
		t.Errorf("peak = %+v", p)
	}
	if p.Check.Status != Increase || p.Timeline.PeakAt != at || p.Timeline.Start != t0 || p.Timeline.Step != time.Hour || p.Timeline.Limit != 500 || p.Timeline.Instance != "main" {
		t.Errorf("check %s, timeline %+v", p.Check.Status, p.Timeline)
	}
	if want := "Peak 520 at 2026-11-01T02:01:30.250Z (intervals of 60 min); 3 intervals (3 h) above the 80 % target, 2 intervals (2 h) above the limit."; !strings.HasSuffix(p.Check.Note, want) {
		t.Errorf("note = %q, want it to end %q", p.Check.Note, want)
	}
}

func TestInstant(t *testing.T) {
	loc := time.FixedZone("x", 3600)
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 3, 2, 11, 0, 0, 0, loc), "2026-03-02T10:00:00Z"},
		{time.Date(2026, 3, 2, 10, 0, 0, 5e6, time.UTC), "2026-03-02T10:00:00.005Z"},
	} {
		if got := Instant(c.t); got != c.want {
			t.Errorf("Instant(%v) = %s, want %s", c.t, got, c.want)
		}
	}
}

func TestTrackerOneInterval(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tr := NewTracker([]time.Time{t0}, 15*time.Minute, 80)
	q := tables.Default().MustLookup("connect.queues")
	tr.Add(0, NewCheck(q, 1, Limit{Value: 5000}, 80, ""))
	p := tr.Peaks()[0]
	if !strings.HasSuffix(p.Check.Note, "0 intervals (0 h) above the 80 % target, 0 intervals (0 h) above the limit.") || !p.At.Equal(t0) {
		t.Errorf("note %q at %v", p.Check.Note, p.At)
	}
}

// An API rate and its burst share a quota id: they are two tracks.
func TestTrackerRateAndBurst(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tr := NewTracker([]time.Time{t0, t0.Add(time.Hour)}, time.Hour, 80)
	q := tables.Default().MustLookup("connect.api.get-current-metric-data")
	for i, need := range []float64{1, 2} {
		rate := NewCheck(q, need, Limit{Value: 5}, 80, "")
		burst := NewCheck(q, need*10, Limit{Value: 8}, 80, "")
		burst.Name += " (burst)"
		tr.Add(i, rate)
		tr.Add(i, burst)
	}
	ps := tr.Peaks()
	if len(ps) != 2 || ps[0].Check.Required != 2 || ps[0].IntervalsOverLimit != 0 || ps[1].Check.Required != 20 || ps[1].IntervalsOverLimit != 2 {
		t.Errorf("peaks = %+v", ps)
	}
}

// TestTrackerFirstPeak tracks three instances of one quota over four half-hour
// intervals, with no instant given, so each peak falls at the start of the first
// interval holding the largest need. The limit is 500 and the 80 % target 400.
func TestTrackerFirstPeak(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	starts := []time.Time{t0, t0.Add(30 * time.Minute), t0.Add(time.Hour), t0.Add(90 * time.Minute)}
	tr := NewTracker(starts, 30*time.Minute, 80)
	q := tables.Default().MustLookup("connect.concurrent-active-chats")
	needs := map[string][]float64{
		// The peak is the first interval; a later one comes back to it. 500 is
		// at the limit, not above it; 500, 450 and 500 are above 400 (1.5 h).
		"a": {500, 300, 450, 500},
		// Above the limit twice: 2 intervals, 1 h.
		"b": {600, 600, 0, 0},
		// No need at all: the peak is 0, in the first interval.
		"c": {0, 0, 0, 0},
	}
	for _, inst := range []string{"a", "b", "c"} {
		for i, need := range needs[inst] {
			c := NewCheck(q, need, Limit{Value: 500, Source: FromDefault}, 80, "")
			c.Instance = &inst
			tr.Add(i, c)
		}
	}
	ps := tr.Peaks()
	if len(ps) != 3 {
		t.Fatalf("%d peaks", len(ps))
	}
	for i, want := range []struct {
		inst                  string
		required              float64
		above, over           int
		hoursAbove, hoursOver float64
	}{
		{"a", 500, 3, 0, 1.5, 0},
		{"b", 600, 2, 2, 1, 1},
		{"c", 0, 0, 0, 0, 0},
	} {
		p := ps[i]
		if p.Timeline.Instance != want.inst || p.Check.Required != want.required || !p.At.Equal(t0) || !p.Timeline.PeakAt.Equal(t0) ||
			p.IntervalsAbove != want.above || p.IntervalsOverLimit != want.over || p.HoursAbove != want.hoursAbove || p.HoursOver != want.hoursOver {
			t.Errorf("peak %d = %+v, want %+v at %v", i, p, want, t0)
		}
	}
}

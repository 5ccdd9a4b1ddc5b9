package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/input"
)

// Tracker gathers the checks of a calculation made interval by interval (a
// forecast, measured contact records) and keeps, per quota and instance, the
// check of the peak interval: a check's required over time is its need in every
// interval, and the result's required is the largest.
type Tracker struct {
	starts    []time.Time
	step      time.Duration
	targetPct float64
	tracks    map[trackKey]*track
	order     []trackKey
}

// trackKey names a tracked need: a quota of an instance, and its name (an API
// rate and its burst share the quota id).
type trackKey struct{ id, instance, name string }

type track struct {
	required []float64
	peak     int // index of the first interval holding the largest need
	check    Check
	at       time.Time // the instant of the peak, when known closer than its interval
	above    struct{ target, limit int }
}

// NewTracker tracks needs over the intervals starting at starts (UTC, sorted),
// each step long, graded at targetPct.
func NewTracker(starts []time.Time, step time.Duration, targetPct float64) *Tracker {
	return &Tracker{starts: starts, step: step, targetPct: targetPct, tracks: map[trackKey]*track{}}
}

// Add records check c as interval i's need. The first interval reaching the
// largest need keeps its check (with its grade, recommended value and note).
func (t *Tracker) Add(i int, c Check) {
	k := trackKey{c.ID, deref(c.Instance), c.Name}
	tr, ok := t.tracks[k]
	if !ok {
		tr = &track{required: make([]float64, len(t.starts)), peak: -1}
		t.tracks[k] = tr
		t.order = append(t.order, k)
	}
	tr.required[i] = c.Required
	if tr.peak < 0 || c.Required > tr.check.Required {
		tr.peak, tr.check = i, c
	}
	if c.Required > c.Limit {
		tr.above.limit++
	}
	if !MeetsTarget(c.Required, c.Limit, t.targetPct) {
		tr.above.target++
	}
}

// PeakAt sets the instant at which the need of quota id (instance, "" for none)
// first reaches its peak, when the source knows it more closely than the interval
// (measured contact records).
func (t *Tracker) PeakAt(id, instance string, at time.Time) {
	for k, tr := range t.tracks {
		if k.id == id && k.instance == instance {
			tr.at = at
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Peak is one quota's result over time: its check at the peak, when the peak
// falls, and how long the need sits above the target and above the limit.
type Peak struct {
	Check Check
	// At is when the peak falls: the first instant reached, or the start of the
	// first interval holding it.
	At                    time.Time
	IntervalsAbove        int // intervals whose need is above the target utilization
	IntervalsOverLimit    int // intervals whose need is above the limit
	Timeline              Timeline
	HoursAbove, HoursOver float64
}

// Peaks are the tracked quotas in the order first seen, each with its peak
// check, whose note ends with when the peak falls and how many intervals and
// hours sit above the target and above the limit.
func (t *Tracker) Peaks() []Peak {
	out := make([]Peak, 0, len(t.order))
	hours := t.step.Hours()
	for _, k := range t.order {
		tr := t.tracks[k]
		at := t.starts[tr.peak]
		if !tr.at.IsZero() {
			at = tr.at
		}
		p := Peak{
			Check: tr.check, At: at, IntervalsAbove: tr.above.target, IntervalsOverLimit: tr.above.limit,
			HoursAbove: float64(tr.above.target) * hours, HoursOver: float64(tr.above.limit) * hours,
		}
		p.Check.Note = strings.TrimSpace(p.Check.Note + " " + p.sentence(t.step, t.targetPct))
		p.Timeline = Timeline{
			ID: k.id, Name: tr.check.Name, Instance: k.instance, Unit: tr.check.Unit, Limit: tr.check.Limit, TargetPct: t.targetPct,
			Start: t.starts[0], Step: t.step, Required: tr.required, Peak: tr.check.Required, PeakAt: at,
		}
		out = append(out, p)
	}
	return out
}

// sentence says when the peak falls and how long the need sits high.
func (p Peak) sentence(step time.Duration, targetPct float64) string {
	return fmt.Sprintf("Peak %s at %s (intervals of %s); %s above the %s %% target, %s above the limit.",
		input.Format(p.Check.Required), Instant(p.At), minutes(step), span(p.IntervalsAbove, p.HoursAbove), input.Format(targetPct), span(p.IntervalsOverLimit, p.HoursOver))
}

// Instant formats an instant for output: RFC 3339 in UTC, milliseconds only when
// it has them.
func Instant(t time.Time) string {
	t = t.UTC()
	if t.Nanosecond() != 0 {
		return t.Format("2006-01-02T15:04:05.000Z07:00")
	}
	return t.Format(time.RFC3339)
}

func minutes(d time.Duration) string { return input.Format(d.Minutes()) + " min" }

func span(n int, hours float64) string {
	noun := "intervals"
	if n == 1 {
		noun = "interval"
	}
	return fmt.Sprintf("%d %s (%s h)", n, noun, input.Format(hours))
}

// PeakRow is a check's peak for machines: the field order is part of the schema.
type PeakRow struct {
	ID       string  `json:"id" yaml:"id"`
	Instance *string `json:"instance" yaml:"instance"`
	Required float64 `json:"required" yaml:"required"`
	// PeakAt is RFC 3339 in UTC: the first instant the peak is reached, or the
	// start of the first interval holding it.
	PeakAt               string  `json:"peak_at" yaml:"peak_at"`
	IntervalMinutes      float64 `json:"interval_minutes" yaml:"interval_minutes"`
	IntervalsAboveTarget int     `json:"intervals_above_target" yaml:"intervals_above_target"`
	HoursAboveTarget     float64 `json:"hours_above_target" yaml:"hours_above_target"`
	IntervalsAboveLimit  int     `json:"intervals_above_limit" yaml:"intervals_above_limit"`
	HoursAboveLimit      float64 `json:"hours_above_limit" yaml:"hours_above_limit"`
}

// Row is the peak for machines.
func (p Peak) Row() PeakRow {
	return PeakRow{
		ID: p.Check.ID, Instance: p.Check.Instance, Required: p.Check.Required, PeakAt: Instant(p.At),
		IntervalMinutes: p.Timeline.Step.Minutes(), IntervalsAboveTarget: p.IntervalsAbove, HoursAboveTarget: p.HoursAbove,
		IntervalsAboveLimit: p.IntervalsOverLimit, HoursAboveLimit: p.HoursOver,
	}
}

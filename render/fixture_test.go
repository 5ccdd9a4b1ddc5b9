package render_test

import (
	"math"
	"time"

	"github.com/connectcap/connectcap/report"
)

// timelineResult is a forecast-like result for one day in 15-minute intervals:
// concurrent calls on instance care, which pass the limit in the afternoon,
// and the account's API rate, which stays under its target.
func timelineResult() *report.Result {
	r := report.New("forecast", "Forecast: Amazon Connect quotas interval by interval")
	r.Inputs.Add("intervals", 96, "intervals", "")
	r.Inputs.Add("interval_minutes", 15.0, "interval", "minutes")
	r.Figures.Add("peak_concurrent_calls", 132.0, "peak concurrent calls", "")
	care := "care"
	r.Checks = append(r.Checks,
		report.Check{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls", Instance: &care, Service: "connect",
			Required: 132, Recommended: ptr(165), Limit: 100, Unit: "count", LimitSource: report.FromDefault, UtilizationPct: ptr(132),
			Status: report.Increase, Note: "Calls past the limit are rejected <busy>."},
		report.Check{ID: "connect.api-requests", Name: "API requests", Service: "connect",
			Required: 1.5, Limit: 2, Unit: "requests/second", LimitSource: report.FromDefault, UtilizationPct: ptr(75),
			Status: report.OK, Note: ""},
	)
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	calls := make([]float64, 96)
	api := make([]float64, 96)
	for i := range calls {
		h := float64(i) / 4
		// A working day: nothing at night, a morning rise, the peak at 14:30.
		if h >= 7 && h < 21 {
			calls[i] = math.Round(132 * math.Sin(math.Pi*(h-7)/15) * (0.75 + 0.25*math.Sin(math.Pi*(h-7)/15)))
		}
		api[i] = 0.25 + math.Round(100*1.25*math.Max(0, math.Sin(math.Pi*(h-6)/14)))/100
	}
	return withTimelines(r, []report.Timeline{
		{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls", Instance: "care", Unit: "count", Limit: 100, TargetPct: 80,
			Start: start, Step: 15 * time.Minute, Required: calls},
		{ID: "connect.api-requests", Name: "API requests", Unit: "requests/second", Limit: 2, TargetPct: 80,
			Start: start, Step: 15 * time.Minute, Required: api},
	})
}

// withTimelines sets each timeline's peak from its needs and adds them to r.
func withTimelines(r *report.Result, ts []report.Timeline) *report.Result {
	for i := range ts {
		t := &ts[i]
		for j, v := range t.Required {
			if j == 0 || v > t.Peak {
				t.Peak, t.PeakAt = v, t.Start.Add(time.Duration(j)*t.Step)
			}
		}
	}
	r.Timelines = ts
	return r
}

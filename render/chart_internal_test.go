package render

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/connectcap/connectcap/report"
)

// t0 is midnight UTC, 2026-03-02: 1772409600 s after the epoch (20,514 days
// of 86,400 s; 2026-03-02 is day 20,514 counted from 1970-01-01).
var t0 = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

const unix0 = 1772409600.0

func TestUnixSeconds(t *testing.T) {
	if got := unixSeconds(t0); got != unix0 {
		t.Errorf("unixSeconds(%v) = %v, want %v", t0, got, unix0)
	}
	if got := unixSeconds(time.Unix(10, 5e8)); got != 10.5 {
		t.Errorf("unixSeconds(10 s + 0.5 s) = %v, want 10.5", got)
	}
}

func TestChartSize(t *testing.T) {
	// 10 inches of 72 points; a panel is 3.2 inches, the gap 0.2.
	for _, c := range []struct {
		n int
		h vg.Length
	}{{1, 230.4}, {2, 2*230.4 + 14.4}, {3, 3*230.4 + 2*14.4}} {
		w, h := chartSize(c.n)
		if w != 720 || h != c.h {
			t.Errorf("chartSize(%d) = %v × %v, want 720 × %v", c.n, w, h, c.h)
		}
	}
}

// hourly is a timeline of four hourly intervals from t0 with the given peak.
func hourly(peakHour float64) report.Timeline {
	return report.Timeline{
		Name: "Concurrent active calls", Instance: "care", Unit: "count", Limit: 40, TargetPct: 80,
		Start: t0, Step: time.Hour, Required: []float64{10, 50, 20, 30},
		Peak: 50, PeakAt: t0.Add(time.Duration(peakHour * float64(time.Hour))),
	}
}

func TestNeedSteps(t *testing.T) {
	// One point at each start, the last value again at the end of the last
	// interval: four hours from t0 are 0, 3600, 7200, 10800 and 14400 s on.
	got := needSteps(hourly(1))
	want := plotter.XYs{{X: unix0, Y: 10}, {X: unix0 + 3600, Y: 50}, {X: unix0 + 7200, Y: 20}, {X: unix0 + 10800, Y: 30}, {X: unix0 + 14400, Y: 30}}
	if !slices.Equal(got, want) {
		t.Errorf("needSteps = %v, want %v", got, want)
	}
	empty := hourly(1)
	empty.Required = nil
	if got := needSteps(empty); len(got) != 0 {
		t.Errorf("needSteps of no intervals = %v, want none", got)
	}
}

func TestChartTop(t *testing.T) {
	for _, c := range []struct{ peak, limit, want float64 }{
		{50, 40, 50}, {30, 40, 40}, {0.5, 0, 0.5},
		{0, 0, 1}, // nothing to draw: a scale of 1
		{-1, 0, 1},
	} {
		if got := chartTop(report.Timeline{Peak: c.peak, Limit: c.limit}); got != c.want {
			t.Errorf("chartTop(peak %v, limit %v) = %v, want %v", c.peak, c.limit, got, c.want)
		}
	}
}

// The peak's label sits at 1.07 × max(peak, limit) above the point, reading
// towards the middle of the span: left-aligned for a peak in the first half or
// at the middle, right-aligned past it, offset 4 points away from the drop line
// and 2 up. The legend takes the other top corner, 8 points in from the edge
// and 2 down.
func TestPeakMarks(t *testing.T) {
	for _, c := range []struct {
		hour       float64
		align      draw.XAlignment
		offsetX    vg.Length
		legendLeft bool
		legendX    vg.Length
	}{
		{1, draw.XLeft, -4, false, -8},
		{2, draw.XLeft, -4, false, -8}, // exactly the middle of 0 … 4 h
		{3, draw.XRight, 4, true, 8},
	} {
		tl := hourly(c.hour)
		x := unix0 + c.hour*3600
		drop, point, label, err := peakMarks(tl, unix0, unix0+4*3600, 50)
		if err != nil {
			t.Fatal(err)
		}
		if want := (plotter.XYs{{X: x, Y: 50}, {X: x, Y: 53.5}}); !slices.Equal(drop.XYs, want) {
			t.Errorf("peak at %v h: drop %v, want %v", c.hour, drop.XYs, want)
		}
		if want := (plotter.XYs{{X: x, Y: 50}}); !slices.Equal(point.XYs, want) {
			t.Errorf("peak at %v h: point %v, want %v", c.hour, point.XYs, want)
		}
		wantText := "peak 50 at 2026-03-02 0" + string(rune('0'+int(c.hour))) + ":00 UTC"
		if !slices.Equal(label.XYs, plotter.XYs{{X: x, Y: 53.5}}) || len(label.Labels) != 1 || label.Labels[0] != wantText {
			t.Errorf("peak at %v h: label %v %q, want at (%v, 53.5) %q", c.hour, label.XYs, label.Labels, x, wantText)
		}
		if s := label.TextStyle[0]; s.XAlign != c.align || s.YAlign != draw.YBottom || label.Offset != (vg.Point{X: c.offsetX, Y: 2}) {
			t.Errorf("peak at %v h: align %v/%v, offset %v; want %v/bottom, (%v, 2)", c.hour, s.XAlign, s.YAlign, label.Offset, c.align, c.offsetX)
		}
		p, err := timelinePlot(tl)
		if err != nil {
			t.Fatal(err)
		}
		if p.Legend.Left != c.legendLeft || p.Legend.XOffs != c.legendX || p.Legend.YOffs != -2 || !p.Legend.Top {
			t.Errorf("peak at %v h: legend left %v, offsets %v, %v, top %v; want left %v, %v, -2, top", c.hour, p.Legend.Left, p.Legend.XOffs, p.Legend.YOffs, p.Legend.Top, c.legendLeft, c.legendX)
		}
	}
}

func TestTimelinePlotAxes(t *testing.T) {
	p, err := timelinePlot(hourly(1))
	if err != nil {
		t.Fatal(err)
	}
	// x from the first start to the end of the fourth hour; y from 0 to 1.3 ×
	// the peak of 50, above the limit of 40.
	if p.X.Min != unix0 || p.X.Max != unix0+4*3600 || p.Y.Min != 0 || p.Y.Max != 65 {
		t.Errorf("axes x %v … %v, y %v … %v; want %v … %v, 0 … 65", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, unix0, unix0+4*3600)
	}
	if p.Title.Text != "Concurrent active calls — care" {
		t.Errorf("title %q", p.Title.Text)
	}
	// No intervals: the x axis still spans one step.
	empty := hourly(1)
	empty.Required, empty.PeakAt = nil, time.Time{}
	if p, err := timelinePlot(empty); err != nil || p.X.Max != unix0+3600 {
		t.Errorf("no intervals: %v, x up to %v, want %v", err, p, unix0+3600)
	}
	for unit, want := range map[string]string{"": "need", "count": "need", "requests/second": "requests/second"} {
		tl := hourly(1)
		tl.Unit = unit
		p, err := timelinePlot(tl)
		if err != nil || p.Y.Label.Text != want {
			t.Errorf("unit %q: y label %q (%v), want %q", unit, p.Y.Label.Text, err, want)
		}
	}
	for _, step := range []time.Duration{0, -time.Minute} {
		tl := hourly(1)
		tl.Step = step
		if _, err := timelinePlot(tl); err == nil || !strings.Contains(err.Error(), "is not positive") {
			t.Errorf("step %v: error %v, want not positive", step, err)
		}
	}
}

// timeAxis takes the first tick step giving at most 12 labels on the span.
func TestTimeAxis(t *testing.T) {
	h := time.Hour
	for _, c := range []struct {
		start      time.Time
		span, step time.Duration
		format     string
		label      string
	}{
		{t0, 3 * h, 15 * time.Minute, "15:04", "time (UTC), 2026-03-02"},
		{t0, 6 * h, 30 * time.Minute, "15:04", "time (UTC), 2026-03-02"},
		{t0, 12 * h, h, "15:04", "time (UTC), 2026-03-02"},
		// A day from midnight ends at 23:59:59.999999999 the same day.
		{t0, 24 * h, 2 * h, "15:04", "time (UTC), 2026-03-02"},
		// A day from noon runs into the next date.
		{t0.Add(12 * h), 24 * h, 2 * h, "15:04", "time (UTC), 2026-03-02 to 2026-03-03"},
		{t0.Add(12 * h), 13 * h, 2 * h, "15:04", "time (UTC), 2026-03-02 to 2026-03-03"},
		{t0, 36 * h, 3 * h, "Jan 2 15:04", "time (UTC)"},
		{t0, 48 * h, 6 * h, "Jan 2 15:04", "time (UTC)"},
		{t0, 144 * h, 12 * h, "Jan 2 15:04", "time (UTC)"},
		{t0, 12 * 24 * h, 24 * h, "Jan 2", "time (UTC)"},
		{t0, 24 * 24 * h, 2 * 24 * h, "Jan 2", "time (UTC)"},
		{t0, 84 * 24 * h, 7 * 24 * h, "Jan 2", "time (UTC)"},
		{t0, 168 * 24 * h, 14 * 24 * h, "Jan 2", "time (UTC)"},
		{t0, 336 * 24 * h, 28 * 24 * h, "Jan 2", "time (UTC)"},
		// Longer than 12 of the largest step: the largest step all the same.
		{t0, 400 * 24 * h, 28 * 24 * h, "Jan 2", "time (UTC)"},
	} {
		ticker, label := timeAxis(c.start, c.start.Add(c.span))
		tt, ok := ticker.(plot.TimeTicks)
		if !ok {
			t.Fatalf("ticker %T", ticker)
		}
		st, ok := tt.Ticker.(stepTicker)
		if !ok || st.step != c.step || tt.Format != c.format || label != c.label {
			t.Errorf("span %v from %v: step %v, format %q, label %q; want %v, %q, %q", c.span, c.start, st.step, tt.Format, label, c.step, c.format, c.label)
		}
	}
}

func TestStepTicker(t *testing.T) {
	// Hourly ticks from 00:20 to 02:00 (in seconds): minor ticks at the half
	// hours, labelled ticks at the hours; the end is included.
	got := stepTicker{time.Hour}.Ticks(1200, 7200)
	want := []plot.Tick{{Value: 1800}, {Value: 3600, Label: "x"}, {Value: 5400}, {Value: 7200, Label: "x"}}
	if !slices.Equal(got, want) {
		t.Errorf("Ticks = %v, want %v", got, want)
	}
}

func TestNiceStep(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{1, 1}, {1.5, 2}, {2, 2}, {3, 5}, {5, 5}, {6, 10}, {21.67, 50}, {20, 20}, {60, 100}, {0.07, 0.1}, {0.012, 0.02},
		// Within the 1e-9 tolerance of 20: 20.000000019999998 × (1 − 1e-9) is
		// 20 exactly in float64 (python3: 20.000000019999998*(1-1e-9) == 20.0).
		{20.000000019999998, 20},
		{20.00000003, 50},
		{0, 1}, {-3, 1},
	} {
		if got := niceStep(c.x); got != c.want {
			t.Errorf("niceStep(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestNeedTicker(t *testing.T) {
	// 10 … 130: a sixth of 120 is 20, a round step; multiples of 20 from 20 to
	// 120 (130 is no multiple).
	got := needTicker{}.Ticks(10, 130)
	want := []plot.Tick{{Value: 20, Label: "20"}, {Value: 40, Label: "40"}, {Value: 60, Label: "60"}, {Value: 80, Label: "80"}, {Value: 100, Label: "100"}, {Value: 120, Label: "120"}}
	if !slices.Equal(got, want) {
		t.Errorf("Ticks(10, 130) = %v, want %v", got, want)
	}
	// 0 … 120 includes both ends: 0, 20, …, 120.
	if got := (needTicker{}).Ticks(0, 120); len(got) != 7 || got[0].Value != 0 || got[6].Value != 120 || got[6].Label != "120" {
		t.Errorf("Ticks(0, 120) = %v, want 0 … 120 in 20s", got)
	}
	// 0 … 0.35: a sixth is 0.058…, so steps of 0.1, and 3 × 0.1 is
	// 0.30000000000000004 in float64, labelled 0.3.
	got = needTicker{}.Ticks(0, 0.35)
	if len(got) != 4 || got[3].Value != 0.30000000000000004 || got[3].Label != "0.3" || got[1].Label != "0.1" {
		t.Errorf("Ticks(0, 0.35) = %v, want 0, 0.1, 0.2, 0.3", got)
	}
}

func TestRoundTo(t *testing.T) {
	for _, c := range []struct{ v, step, want float64 }{
		{0.30000000000000004, 0.1, 0.3},
		{0.123456, 0.01, 0.12},
		{0.0149, 0.02, 0.01},
		{2.6, 1, 3},
		{119.6, 20, 120},
	} {
		if got := roundTo(c.v, c.step); got != c.want {
			t.Errorf("roundTo(%v, %v) = %v, want %v", c.v, c.step, got, c.want)
		}
	}
}

package render_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

func htmlOf(t *testing.T, r *report.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Write(&buf, r.Document(), render.HTML, render.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// With --only-actions the page says figures are left out only when there were
// figures to leave out.
func TestHTMLOnlyActions(t *testing.T) {
	const leftOut = "<p>Figures are left out with --only-actions"
	r := timelineResult()
	r.OnlyActions = true
	if page := htmlOf(t, r); !strings.Contains(page, leftOut) || strings.Contains(page, "<h2>Figures</h2>") {
		t.Error("--only-actions with figures: the page does not say they are left out, or shows them")
	}
	r.Figures = nil
	if page := htmlOf(t, r); strings.Contains(page, leftOut) || strings.Contains(page, "<h2>Figures</h2>") {
		t.Error("--only-actions without figures: the page speaks of figures")
	}
	r.OnlyActions = false
	if page := htmlOf(t, timelineResult()); strings.Contains(page, leftOut) || !strings.Contains(page, "<h2>Figures</h2>") {
		t.Error("without --only-actions: the page does not show the figures")
	}
}

// A page without checks has no summary line; with checks the summary counts them.
func TestHTMLSummary(t *testing.T) {
	if page := htmlOf(t, timelineResult()); !strings.Contains(page, `<p class="summary">2 checks: 1 ok, 0 warn, 1 increase, 0 hard-limit</p>`) {
		t.Error("the page lacks the summary of its two checks")
	}
	r := timelineResult()
	r.Checks = nil
	if page := htmlOf(t, r); strings.Contains(page, `<p class="summary">`) || strings.Contains(page, "0 checks") {
		t.Error("a page without checks has a summary")
	}
}

// Each chart is inlined from its <svg> element: no XML declaration or comment
// inside the page.
func TestHTMLInlineSVG(t *testing.T) {
	page := htmlOf(t, timelineResult())
	if strings.Contains(page, "<?xml") || strings.Count(page, "<figure") != 2 || strings.Count(page, "<figure aria-label=\"API requests — account\">\n<svg") != 1 {
		t.Error("the page's charts do not start at their <svg> elements")
	}
}

// A timeline without intervals draws its limit and target but no need line,
// and no need in the legend.
func TestChartNoIntervals(t *testing.T) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	r := withTimelines(report.New("forecast", "Forecast"), []report.Timeline{
		{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls", Unit: "calls", Limit: 100, TargetPct: 80, Start: start, Step: time.Hour},
	})
	svg := string(chartBytes(t, r, render.ChartSVG))
	if strings.Contains(svg, ">need<") || !strings.Contains(svg, ">limit 100<") || !strings.Contains(svg, ">calls<") {
		t.Error("the chart of no intervals has a need in its legend, or lacks the limit or the unit")
	}
}

package render

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/connectcap/connectcap/report"
)

// Charts of a result sized interval by interval (forecast, contacts): one panel
// per timeline, stacked in one image, the need as a step line against the limit
// and the target. Text is set in the Liberation fonts gonum/plot embeds, so
// drawing reads no system font.

// ChartFormat is the image format of a chart.
type ChartFormat string

const (
	ChartSVG ChartFormat = "svg"
	ChartPNG ChartFormat = "png"
)

// ChartFormatOf is the chart format a file name asks for by its extension.
func ChartFormatOf(path string) (ChartFormat, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return ChartSVG, nil
	case ".png":
		return ChartPNG, nil
	}
	return "", fmt.Errorf("chart file %q: unknown image format; accepted extensions: .svg, .png", path)
}

// The chart's colours. The need line's blue appears nowhere else in a chart or
// in the HTML page, so a test can find the line in a screenshot.
var (
	needColor   = color.RGBA{R: 0x00, G: 0x5f, B: 0xff, A: 0xff}
	limitColor  = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	targetColor = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	peakColor   = color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff}
)

// The size of a chart: one panel per timeline, each panelHeight tall. A
// vg.Length is in points, 72 to the inch: 10, 3.2 and 0.2 inches.
const (
	chartWidth  vg.Length = 720
	panelHeight vg.Length = 230.4
	panelGap    vg.Length = 14.4
	// chartHeadroom is how far above max(peak, limit) the y axis goes, for the
	// peak's label and the legend.
	chartHeadroom = 1.3
	// labelHeight is where the peak's label sits, as a multiple of max(peak, limit).
	labelHeight = 1.07
)

// chartSize is the size of a chart of n panels.
func chartSize(n int) (w, h vg.Length) {
	return chartWidth, vg.Length(n)*panelHeight + vg.Length(max(n-1, 0))*panelGap
}

// WriteChart draws r's timelines, one panel each, as an SVG or a PNG image.
func WriteChart(w io.Writer, r *report.Result, format ChartFormat) error {
	if len(r.Timelines) == 0 {
		return fmt.Errorf("nothing to chart: the result of %s has no timelines (only forecast and contacts size interval by interval)", r.Command)
	}
	var buf bytes.Buffer
	if err := drawChart(&buf, r.Timelines, format); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func drawChart(w io.Writer, ts []report.Timeline, format ChartFormat) error {
	plots := make([][]*plot.Plot, len(ts))
	for i, t := range ts {
		p, err := timelinePlot(t)
		if err != nil {
			return err
		}
		plots[i] = []*plot.Plot{p}
	}
	width, height := chartSize(len(ts))
	var c vg.CanvasWriterTo
	switch format {
	case ChartSVG:
		c = vgsvg.New(width, height)
	case ChartPNG:
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseBackgroundColor(color.White))}
	default:
		return fmt.Errorf("unknown chart format %q; accepted: svg, png", format)
	}
	dc := draw.New(c)
	tiles := draw.Tiles{Rows: len(ts), Cols: 1, PadY: panelGap}
	canvases := plot.Align(plots, tiles, dc)
	for i := range plots {
		plots[i][0].Draw(canvases[i][0])
	}
	_, err := c.WriteTo(w)
	return err
}

// timelineTitle names a timeline's quota and where it applies.
func timelineTitle(t report.Timeline) string {
	where := t.Instance
	if where == "" {
		where = "account"
	}
	return t.Name + " — " + where
}

// timelineName is a timeline's name in text: "Concurrent active calls [care]".
func timelineName(t report.Timeline) string {
	if t.Instance == "" {
		return t.Name
	}
	return t.Name + " [" + t.Instance + "]"
}

// targetOf is the need at the target utilization.
func targetOf(t report.Timeline) float64 { return t.Limit * t.TargetPct / 100 }

// sans is the chart's typeface, one of the Liberation fonts gonum/plot embeds.
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

func unixSeconds(t time.Time) float64 { return float64(t.Unix()) + float64(t.Nanosecond())/1e9 }

func timelinePlot(t report.Timeline) (*plot.Plot, error) {
	if t.Step <= 0 {
		return nil, fmt.Errorf("timeline %s: interval step %s is not positive", timelineName(t), t.Step)
	}
	p := plot.New()
	p.Title.Text = timelineTitle(t)
	p.Title.TextStyle.Font = sans(13)
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(11)
		a.Tick.Label.Font = sans(9)
	}
	p.Legend.TextStyle.Font = sans(10)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(8)
	p.Legend.YOffs = vg.Points(-2)

	start := t.Start.UTC()
	end := start.Add(time.Duration(max(len(t.Required), 1)) * t.Step)
	x0, x1 := unixSeconds(start), unixSeconds(end)
	need := needSteps(t)
	top := chartTop(t)

	limit, err := plotter.NewLine(plotter.XYs{{X: x0, Y: t.Limit}, {X: x1, Y: t.Limit}})
	if err != nil {
		return nil, err
	}
	limit.Color = limitColor
	limit.Width = vg.Points(1.5)

	target, err := plotter.NewLine(plotter.XYs{{X: x0, Y: targetOf(t)}, {X: x1, Y: targetOf(t)}})
	if err != nil {
		return nil, err
	}
	target.Color = targetColor
	target.Width = vg.Points(1.2)
	target.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
	p.Add(limit, target)

	if len(need) > 0 {
		l, err := plotter.NewLine(need)
		if err != nil {
			return nil, err
		}
		l.StepStyle = plotter.PostStep
		l.Color = needColor
		l.Width = vg.Points(2)
		p.Add(l)
		p.Legend.Add("need", l)
	}
	p.Legend.Add("limit "+Human(t.Limit), limit)
	p.Legend.Add(fmt.Sprintf("target %s (%s %%)", Human(targetOf(t)), Human(t.TargetPct)), target)

	if !t.PeakAt.IsZero() {
		drop, s, label, err := peakMarks(t, x0, x1, top)
		if err != nil {
			return nil, err
		}
		// The legend takes the top corner the label does not read towards.
		if label.TextStyle[0].XAlign == draw.XLeft {
			p.Legend.Left, p.Legend.XOffs = false, -p.Legend.XOffs
		}
		p.Add(drop, s, label)
	}

	p.X.Min, p.X.Max = x0, x1
	p.Y.Min, p.Y.Max = 0, top*chartHeadroom
	p.Y.Tick.Marker = needTicker{}
	p.X.Tick.Marker, p.X.Label.Text = timeAxis(start, end)
	p.Y.Label.Text = t.Unit
	if t.Unit == "" || t.Unit == "count" {
		p.Y.Label.Text = "need"
	}
	p.Add(plotter.NewGrid())
	return p, nil
}

const maxTimeTicks = 12

// timeAxis is the time axis's ticks and label for a span: clock times for up
// to two days (the label gives the date), dates for longer.
func timeAxis(start, end time.Time) (plot.Ticker, string) {
	// The spacings to choose from: the first that puts at most maxTimeTicks
	// labels on the span. (Built here, not at package level, where go's coverage
	// does not reach.)
	tickSteps := []time.Duration{
		15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
		24 * time.Hour, 2 * 24 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour, 28 * 24 * time.Hour,
	}
	span := end.Sub(start)
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if span/s <= maxTimeTicks {
			step = s
			break
		}
	}
	format, label := "15:04", "time (UTC), "+start.Format("2006-01-02")
	if span > 24*time.Hour {
		format, label = "Jan 2 15:04", "time (UTC)"
		if step >= 24*time.Hour {
			format = "Jan 2"
		}
	}
	if last := end.Add(-time.Nanosecond); last.Format("2006-01-02") != start.Format("2006-01-02") && span <= 24*time.Hour {
		label = "time (UTC), " + start.Format("2006-01-02") + " to " + last.Format("2006-01-02")
	}
	return plot.TimeTicks{Ticker: stepTicker{step}, Format: format}, label
}

// stepTicker marks every multiple of step since the Unix epoch (so in UTC, days
// at midnight), with an unlabelled minor tick half way.
type stepTicker struct{ step time.Duration }

func (s stepTicker) Ticks(lo, hi float64) []plot.Tick {
	step := s.step.Seconds()
	var ticks []plot.Tick
	for v := math.Ceil(lo/step*2) * step / 2; v <= hi; v += step / 2 {
		label := ""
		if math.Mod(v, step) == 0 {
			label = "x" // TimeTicks replaces it with the time
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: label})
	}
	return ticks
}

// needTicker marks the need axis at a round step (1, 2 or 5 times a power of
// ten) giving at most maxNeedTicks labels, numbers as people read them.
type needTicker struct{}

const maxNeedTicks = 6

func (needTicker) Ticks(lo, hi float64) []plot.Tick {
	step := niceStep((hi - lo) / maxNeedTicks)
	var ticks []plot.Tick
	for i := math.Ceil(lo / step); i*step <= hi; i++ {
		ticks = append(ticks, plot.Tick{Value: i * step, Label: Human(roundTo(i*step, step))})
	}
	return ticks
}

// niceStep is the smallest of 1, 2 and 5 times a power of ten at least x.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p // x ≤ 10^(floor(log10 x)+1)
}

// roundTo drops the float noise of a multiple of step (0.30000000000000004).
// A step of 1 or more rounds to whole numbers (a scale of 10^0).
func roundTo(v, step float64) float64 {
	scale := math.Pow(10, math.Max(0, math.Ceil(-math.Log10(step))))
	return math.Round(v*scale) / scale
}

// needSteps are the points of the need's step line: the need holds through
// each interval, so one point at each start, and one at the end of the last
// interval so its step has a width.
func needSteps(t report.Timeline) plotter.XYs {
	start := t.Start.UTC()
	need := make(plotter.XYs, 0, len(t.Required)+1)
	for i, v := range t.Required {
		need = append(need, plotter.XY{X: unixSeconds(start.Add(time.Duration(i) * t.Step)), Y: v})
	}
	if n := len(t.Required); n > 0 {
		need = append(need, plotter.XY{X: unixSeconds(start.Add(time.Duration(n) * t.Step)), Y: t.Required[n-1]})
	}
	return need
}

// chartTop is max(peak, limit), the top of a panel's data; 1 when that is 0 or
// less, so the axis has a span.
func chartTop(t report.Timeline) float64 {
	top := math.Max(t.Peak, t.Limit)
	if top <= 0 {
		return 1
	}
	return top
}

// peakMarks are the peak's point, its label and a dotted line dropping from the
// label to the point, on a panel from x0 to x1 whose data reach top. The label
// sits in the headroom above max(peak, limit), clear of the lines, reading from
// the peak towards the middle: left-aligned up to the middle, right-aligned
// past it.
func peakMarks(t report.Timeline, x0, x1, top float64) (*plotter.Line, *plotter.Scatter, *plotter.Labels, error) {
	peakAt := t.PeakAt.UTC()
	x := unixSeconds(peakAt)
	s, err := plotter.NewScatter(plotter.XYs{{X: x, Y: t.Peak}})
	if err != nil {
		return nil, nil, nil, err
	}
	s.GlyphStyle.Shape = draw.CircleGlyph{}
	s.GlyphStyle.Radius = vg.Points(3.5)
	s.GlyphStyle.Color = peakColor
	labelY := top * labelHeight
	label, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: labelY}}, Labels: []string{
		fmt.Sprintf("peak %s at %s UTC", Human(t.Peak), peakAt.Format("2006-01-02 15:04")),
	}})
	if err != nil {
		return nil, nil, nil, err
	}
	style := &label.TextStyle[0]
	style.Font = sans(10)
	style.YAlign = draw.YBottom
	label.Offset = vg.Point{X: vg.Points(-4), Y: vg.Points(2)}
	style.XAlign = draw.XLeft
	if x > (x0+x1)/2 {
		style.XAlign = draw.XRight
		label.Offset.X = -label.Offset.X
	}
	drop, err := plotter.NewLine(plotter.XYs{{X: x, Y: t.Peak}, {X: x, Y: labelY}})
	if err != nil {
		return nil, nil, nil, err
	}
	drop.Color = peakColor
	drop.Width = vg.Points(0.6)
	drop.Dashes = []vg.Length{vg.Points(1), vg.Points(2)}
	return drop, s, label, nil
}

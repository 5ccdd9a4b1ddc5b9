package cmd

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // --timezone works on machines without a zoneinfo database

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/plan"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// timelineFlags are the flags forecast and contacts share: where limits come
// from, the grading, and what to write.
type timelineFlags struct {
	files    []string
	planFile string
	plan     planFlags
	detailed bool
	output   string
	chart    string
	series   bool
}

func addTimelineFlags(cmd *cobra.Command, f *timelineFlags, what string) {
	fs := cmd.Flags()
	fs.StringArrayVarP(&f.files, "file", "f", nil, what+" ('-' reads standard input; repeat -f for several; gzip is read as is)")
	fs.StringVar(&f.planFile, "plan", "", "plan file (YAML or JSON) giving the instances' applied values, ARNs, inventory, users and campaigns; the traffic comes from the data")
	_ = cmd.MarkFlagFilename("plan", "yaml", "yml", "json")
	addRegion(cmd, &f.plan.region, "AWS Region, for Region-specific defaults: on the command line it overrides the plan's region")
	addTarget(fs, &f.plan.target)
	addEdition(cmd, &f.plan.edition)
	addNumberDefault(fs, &f.plan.blocking, "blocking", input.Blocking, 0.001,
		"largest share of contacts the concurrency quotas may turn away (Erlang B)")
	addBool(fs, &f.detailed, "detailed-exitcode", detailedUsage)
	fs.StringVar(&f.chart, "chart", "", "also draw each quota's need over time against its limit and target into FILE.svg or FILE.png")
	_ = cmd.MarkFlagFilename("chart", "svg", "png")
	addChoice(cmd, &f.output, "output", "o", string(render.Table), "an output format", render.TimelineFormats,
		"output format: "+strings.Join(render.TimelineFormats, "|")+" (html: one self-contained page with the charts)")
	addWideFlag(cmd)
}

// seriesAlone refuses --series with the options of the checks' document: the
// series is CSV, one row per interval.
func (f *timelineFlags) seriesAlone(inv *invocation) error {
	if !f.series {
		return nil
	}
	if inv.source("output") == report.FromFlag && f.output != "csv" {
		return fmt.Errorf("--series writes CSV, one row per interval; drop -o %s, or drop --series for the checks in %s", f.output, f.output)
	}
	if f.chart != "" {
		return fmt.Errorf("--chart draws the checks' peaks; drop --series to draw them, or drop --chart")
	}
	return nil
}

// worstPeak is the most severe status among the peaks.
func worstPeak(peaks []report.Peak) report.Status {
	worst := report.OK
	for _, p := range peaks {
		if p.Check.Status.Severity() > worst.Severity() {
			worst = p.Check.Status
		}
	}
	return worst
}

// inputs are the --plan, when given, and the -f sources.
func (f *timelineFlags) inputs(cmd *cobra.Command) (*plan.Plan, []traffic.Source, error) {
	var base *plan.Plan
	if f.planFile != "" {
		p, _, err := readPlanFile(cmd, f.planFile)
		if err != nil {
			return nil, nil, err
		}
		base = p
	}
	sources, err := traffic.Sources(f.files, cmd.InOrStdin())
	return base, sources, err
}

// planOptions are the evaluation's options: flags override the plan, settings
// from the environment or a config file apply to a plan without its own.
func (f *timelineFlags) planOptions(inv *invocation) plan.Options {
	return planOptions(inv, &f.plan, false)
}

// timelineOutput writes a result sized over time: the chart file first (so a
// chart that cannot be written leaves stdout empty), then the document.
func timelineOutput(inv *invocation, cmd *cobra.Command, r *report.Result, f *timelineFlags) error {
	var doc bytes.Buffer
	o := Output{Format: render.Format(f.output), DetailedExitcode: f.detailed, Out: cmd.OutOrStdout(), Err: cmd.ErrOrStderr(), Table: tableOptions(cmd)}
	o.Table.Color = colorOn(inv)
	if err := render.Write(&doc, r.Document(), o.Format, o.Table); err != nil {
		return err
	}
	if f.chart != "" {
		format, err := render.ChartFormatOf(f.chart)
		if err != nil {
			return fmt.Errorf("--chart: %v", err)
		}
		var img bytes.Buffer
		if err := render.WriteChart(&img, r, format); err != nil {
			return fmt.Errorf("--chart %s: %v", f.chart, err)
		}
		if err := os.WriteFile(f.chart, img.Bytes(), 0o644); err != nil {
			return fmt.Errorf("--chart %s: %v", f.chart, unwrapPath(err))
		}
	}
	if _, err := o.Out.Write(doc.Bytes()); err != nil {
		return err
	}
	voiceIDNotice(o.Err, checkIDs(r.Checks))
	return detailedExit(r.Worst(), o.DetailedExitcode)
}

// colorOn reports whether the table view may colour its text charts: stdout is a
// terminal and NO_COLOR is unset (or empty).
func colorOn(inv *invocation) bool {
	if inv.app.LookupEnv != nil {
		if v, ok := inv.app.LookupEnv("NO_COLOR"); ok && v != "" {
			return false
		}
	}
	f, ok := inv.app.Stdout.(*os.File)
	return ok && isTerminal(f)
}

// stderrTerminal reports whether standard error is a terminal: progress shows
// only there.
func stderrTerminal(inv *invocation) bool {
	f, ok := inv.app.Stderr.(*os.File)
	return ok && isTerminal(f)
}

// peaksResult adds the peaks to a result: the peak checks, when each peak falls
// and how long the need sits above the target and the limit, and the timelines.
func peaksResult(r *report.Result, peaks []report.Peak) {
	for _, p := range peaks {
		r.Checks = append(r.Checks, p.Check)
		r.Peaks = append(r.Peaks, p.Row())
		r.Timelines = append(r.Timelines, p.Timeline)
	}
}

// seriesColumns are the columns of --series: one row per interval and quota.
var seriesColumns = []report.ListColumn{
	{Key: "interval_start", Header: "INTERVAL"},
	{Key: "instance", Header: "INSTANCE"},
	{Key: "id", Header: "ID"},
	{Key: "required", Header: "REQUIRED", Right: true},
	{Key: "limit", Header: "LIMIT", Right: true},
	{Key: "utilization_pct", Header: "USED", Right: true},
	{Key: "status", Header: "STATUS"},
}

// writeSeries writes one CSV row per interval and quota: start, instance, quota
// id, required, limit, utilization and status, each graded through the one
// check as the peaks are.
func writeSeries(cmd *cobra.Command, peaks []report.Peak, targetPct float64) error {
	l := &report.Listing{Key: "series", Columns: seriesColumns}
	for _, p := range peaks {
		tl := p.Timeline
		q, _ := tables.Find(tl.ID)
		for i, req := range tl.Required {
			c := report.NewCheck(q, req, report.Limit{Value: tl.Limit}, targetPct, "")
			var util any
			if c.UtilizationPct != nil {
				util = *c.UtilizationPct
			}
			l.Rows = append(l.Rows, []any{report.Instant(tl.Start.Add(time.Duration(i) * tl.Step)), tl.Instance, tl.ID, req, tl.Limit, util, string(c.Status)})
		}
	}
	return render.Write(cmd.OutOrStdout(), report.Document{Command: "forecast", Body: l}, render.CSV, render.Options{})
}

// locationValue is --timezone: an IANA time zone name.
type locationValue struct{ loc **time.Location }

func (l *locationValue) Set(s string) error {
	loc, err := time.LoadLocation(s)
	if err != nil || s == "" {
		return fmt.Errorf("%q is not a time zone; accepted: an IANA name such as UTC, Europe/Berlin or America/New_York", s)
	}
	*l.loc = loc
	return nil
}

func (l *locationValue) String() string {
	if *l.loc == nil {
		return "UTC"
	}
	return (*l.loc).String()
}
func (l *locationValue) Type() string { return "zone" }

// progress shows a long run's progress on one line of standard error, rewritten
// in place: bytes, records and rate, from the first second on. Only on a
// terminal: never on stdout, never when stderr is piped.
type progress struct {
	w     io.Writer
	noun  string
	mu    sync.Mutex
	shown bool
	stop  chan struct{}
	wg    sync.WaitGroup
}

// newProgress is a meter for this run, nil when stderr is not a terminal.
func newProgress(inv *invocation, cmd *cobra.Command, noun string) *progress {
	if !stderrTerminal(inv) {
		return nil
	}
	return &progress{w: cmd.ErrOrStderr(), noun: noun}
}

func (p *progress) show(bytes, records int64, elapsed time.Duration) {
	if p == nil || elapsed < time.Second {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.shown = true
	fmt.Fprintf(p.w, "\r\033[K%s MB, %d %s, %s MB/s", render.Human(math.Round(float64(bytes)/1e5)/10), records, p.noun, render.Human(math.Round(float64(bytes)/1e6/elapsed.Seconds())))
}

// watch shows the counter's bytes and lines every quarter second until done.
func (p *progress) watch(c *traffic.Counter) {
	if p == nil {
		return
	}
	p.stop = make(chan struct{})
	start := time.Now()
	p.wg.Go(func() {
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.show(c.Bytes.Load(), c.Lines.Load(), time.Since(start))
			}
		}
	})
}

// done stops the meter and clears its line.
func (p *progress) done() {
	if p == nil {
		return
	}
	if p.stop != nil {
		close(p.stop)
		p.wg.Wait()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

package cmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/internal/traffic/forecast"
	"github.com/connectcap/connectcap/plan"
	"github.com/connectcap/connectcap/report"
	"github.com/spf13/cobra"
)

// ForecastOptions is what connectcap forecast runs with.
type ForecastOptions struct {
	Files  []string
	Read   forecast.Options
	Series plan.SeriesOptions
}

func newCmdForecast(inv *invocation, runF func(*ForecastOptions) error) *cobra.Command {
	var f timelineFlags
	var growth, intervalMinutes float64
	var columns, delimiter, channel, timeFormat string
	var noHeader bool
	var loc *time.Location
	var staff staffFlags
	ro := forecast.Options{Instance: "default"}
	cmd := &cobra.Command{
		Use:   "forecast -f FILE",
		Short: "Size every quota for the peak interval of a forecast file",
		Long: `Size every quota the traffic of an interval forecast touches, interval by interval,
and report each quota's peak: when it falls, and how many intervals and hours sit
above the target utilization and above the limit.

Each file is connectcap's own CSV (interval_start, interval_minutes, instance,
queue, channel, contacts, handle_time_seconds and optional columns), the Amazon
Connect forecasting CSV (QueueName, QueueId, ChannelType, TimeStamp,
IntervalDuration, IncomingContactVolume, AverageHandleTime, ...), both recognised
by their header, or any other grid through --columns. For each instance, channel
and interval the loads of all queues are pooled, then sized with the models of the
single commands and plans: concurrent calls, chats, tasks, emails and campaign
calls by Erlang B, post-call jobs by the page's formula, real-time analytics calls,
Voice ID, and agents by Erlang C when --service-level is given (feeding users per
instance). Without a time-in-Connect column the handle time stands in for it, and
the result says so.

Timestamps without an offset are local to --timezone and survive daylight-saving
changes. --plan gives the instances' applied values, ARNs, inventory and users.
--series writes one CSV row per interval and quota instead of the checks.`,
		Example: `  connectcap forecast -f forecast.csv
  connectcap forecast -f march.csv.gz --growth 15% --chart peak.svg
  connectcap forecast -f export.csv --timezone America/New_York --service-level 80 --answer-within 20s
  connectcap forecast -f wfm.csv --columns 'start=Date and Time,queue=Queue,contacts=Contacts Offered,handle=Average Handle Time' --interval 15m --channel voice
  connectcap contacts -f ctr/ --series | connectcap forecast -f - --growth 20%`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(f.files) == 0 {
				return fmt.Errorf("missing --file (-f): give a forecast file, a directory, or '-' for standard input")
			}
			opts := &ForecastOptions{Files: f.files, Read: ro}
			opts.Read.Location = loc
			if inv.source("growth") != "" {
				opts.Read.Growth = 1 + growth/100
			}
			if columns != "" {
				m, err := forecast.ParseColumns(columns)
				if err != nil {
					return fmt.Errorf("--columns: %v", err)
				}
				opts.Read.Columns = m
			}
			opts.Read.NoHeader, opts.Read.TimeFormat = noHeader, timeFormat
			if delimiter != "" {
				d, err := delimiterOf(delimiter)
				if err != nil {
					return err
				}
				opts.Read.Delimiter = d
			}
			if inv.source("interval") != "" {
				m, err := wholeMinutesOf(intervalMinutes)
				if err != nil {
					return err
				}
				opts.Read.IntervalMinutes = m
			}
			if channel != "" {
				c, ok := channelOf(channel)
				if !ok {
					return fmt.Errorf("--channel %q: not a channel; accepted: %s", channel, strings.Join(traffic.ChannelNames(), ", "))
				}
				opts.Read.Channel, opts.Read.HasChannel = c, true
			}
			users, err := staff.users(inv)
			if err != nil {
				return err
			}
			opts.Series = plan.SeriesOptions{Options: f.planOptions(inv), Users: users}
			if err := f.seriesAlone(inv); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			base, sources, err := f.inputs(cmd)
			if err != nil {
				return err
			}
			meter := newProgress(inv, cmd, "lines")
			counter := &traffic.Counter{}
			for i := range sources {
				sources[i].Count = counter
			}
			meter.watch(counter)
			read, err := forecast.Read(sources, opts.Read)
			meter.done()
			if err != nil {
				return err
			}
			ev, err := plan.EvaluateSeries(base, read.Series, opts.Series)
			if err != nil {
				return err
			}
			for _, w := range ev.Warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: %s\n", w)
			}
			if read.HandleStandsIn {
				fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: %s\n", standsInNote)
			}
			if f.series {
				if err := writeSeries(cmd, ev.Peaks, ev.TargetPct); err != nil {
					return err
				}
				return detailedExit(worstPeak(ev.Peaks), f.detailed)
			}
			r := forecastResult(read, ev, opts, base)
			return timelineOutput(inv, cmd, r, &f)
		},
	}
	addTimelineFlags(cmd, &f, "forecast file or directory")
	fs := cmd.Flags()
	fs.Var(&locationValue{loc: &loc}, "timezone", "time zone of timestamps written without an offset: an IANA name such as America/New_York (default UTC)")
	addNumber(fs, &growth, "growth", input.Growth, "scale every volume by this growth: 15% (or 15) is 1.15 times, -10% is 0.9 times")
	fs.StringVar(&ro.Instance, "instance", "default", "instance name for rows that name none (the Amazon Connect forecasting CSV names none)")
	fs.StringVar(&columns, "columns", "", "column mapping of another WFM grid: field=HEADER pairs, or field=#N for the N-th column, such as 'start=Date and Time,contacts=Contacts Offered,handle=Average Handle Time'")
	addBool(fs, &noHeader, "no-header", "with --columns: the file has no header line, columns are given as #N")
	fs.StringVar(&delimiter, "delimiter", "", "field delimiter of a --columns file: , ; | or tab (default: detected from the first line)")
	fs.StringVar(&timeFormat, "time-format", "", "timestamp format of a --columns file, such as 'yyyyMMdd HH:mm' or 'MM/dd/yyyy HH:mm' (default: ISO 8601 and common forms)")
	addNumber(fs, &intervalMinutes, "interval", input.Duration.Named("the interval length"), "interval length of a --columns file without an interval-length column: 15m, 30m")
	fs.StringVar(&channel, "channel", "", "channel of a --columns file without a channel column: "+strings.Join(traffic.ChannelNames(), ", "))
	addBool(fs, &f.series, "series", "write one CSV row per interval and quota (interval_start, instance, id, required, limit, utilization_pct, status) instead of the checks")
	staff.add(cmd)
	return cmd
}

const standsInNote = "no time-in-Connect column: the handle time stands in for the time each contact counts against the concurrency quotas (add time_in_connect_seconds for flow and queue time)"

// forecastResult is the forecast's document: what was read, the peak checks and
// their timelines.
func forecastResult(read *forecast.Result, ev *plan.SeriesEvaluation, o *ForecastOptions, base *plan.Plan) *report.Result {
	r := report.New("forecast", "Peak intervals of a forecast (connectcap forecast)")
	files := make([]string, len(read.Files))
	formats := make([]string, len(read.Files))
	for i, fl := range read.Files {
		files[i], formats[i] = fl.Name, string(fl.Format)
	}
	r.Inputs.Add("files", strings.Join(files, ", "), "files", "")
	r.Inputs.Add("formats", strings.Join(formats, ", "), "formats", "")
	r.Inputs.Add("rows", read.Rows, "rows read", "")
	addSeriesInputs(r, ev, o.Series, base)
	growth := 1.0
	if o.Read.Growth != 0 {
		growth = o.Read.Growth
	}
	r.Inputs.Add("growth_factor", growth, "volumes scaled by", "")
	zone := "UTC"
	if o.Read.Location != nil {
		zone = o.Read.Location.String()
	}
	r.Inputs.Add("timezone", zone, "time zone of local timestamps", "")
	standsIn := "time_in_connect"
	if read.HandleStandsIn {
		standsIn = "handle time stands in"
	}
	r.Inputs.Add("time_in_connect_from", standsIn, "time in Connect from", "")
	peaksResult(r, ev.Peaks)
	return r
}

// addSeriesInputs are the inputs every result sized over time shows.
func addSeriesInputs(r *report.Result, ev *plan.SeriesEvaluation, o plan.SeriesOptions, base *plan.Plan) {
	r.Inputs.Add("interval_minutes", ev.Step.Minutes(), "interval length", "minutes")
	r.Inputs.Add("intervals", len(ev.Starts), "intervals sized", "")
	r.Inputs.Add("first_interval_start", report.Instant(ev.Starts[0]), "first interval", "")
	r.Inputs.Add("last_interval_start", report.Instant(ev.Starts[len(ev.Starts)-1]), "last interval", "")
	var planFile any
	if base != nil {
		planFile = base.File()
	}
	r.Inputs.Add("plan_file", planFile, "plan file", "")
	var region any
	if ev.Region != "" {
		region = ev.Region
	}
	r.Inputs.Add("region", region, "Region", "")
	r.Inputs.Add("edition", string(ev.Edition), "quotas page edition", "")
	r.Inputs.Add("blocking_target", ev.Blocking, "blocking target", "")
	r.Inputs.Add("target_utilization_pct", ev.TargetPct, "target utilization", "%")
}

// staffFlags size agents interval by interval, as a plan's users.staffing does.
type staffFlags struct {
	serviceLevel, answerWithin, shrinkage, occupancy, roster, supervisors, other float64
}

func (s *staffFlags) add(cmd *cobra.Command) {
	fs := cmd.Flags()
	addNumber(fs, &s.serviceLevel, "service-level", input.ServiceLevel, "size agents with Erlang C per interval: percentage of contacts answered within --answer-within (users per instance follow the peak)")
	addDuration(fs, &s.answerWithin, "answer-within", "the service level's answer time", "with --service-level: answer time, minutes or a duration such as 20s")
	addNumberDefault(fs, &s.shrinkage, "shrinkage", input.Shrinkage, 0, "with --service-level: percentage of scheduled time agents are away")
	addNumberDefault(fs, &s.occupancy, "max-occupancy", input.MaxOccupancy, 100, "with --service-level: most of their time (percent) agents may spend on contacts")
	addNumberDefault(fs, &s.roster, "roster-factor", input.RosterFactor, 1, "with --service-level: agent user accounts per agent scheduled at the peak")
	addNumberDefault(fs, &s.supervisors, "supervisors", input.Count, 0, "with --service-level: supervisors per instance, counted in users")
	addNumberDefault(fs, &s.other, "other-users", input.Count, 0, "with --service-level: other users per instance (administrators, analysts)")
}

// users are the staffing the flags ask for; nil without --service-level.
func (s *staffFlags) users(inv *invocation) (*plan.Users, error) {
	for _, name := range []string{"answer-within", "shrinkage", "max-occupancy", "roster-factor", "supervisors", "other-users"} {
		if err := needs(inv, name, "service-level"); err != nil {
			return nil, err
		}
	}
	if inv.source("service-level") == "" {
		return nil, nil
	}
	if inv.source("answer-within") == "" {
		return nil, fmt.Errorf("--service-level needs --answer-within, the answer time (such as 20s)")
	}
	answer := plan.Minutes(s.answerWithin)
	st := &plan.Staffing{ServiceLevelPct: s.serviceLevel, AnswerWithin: &answer}
	shrink, occ := s.shrinkage, s.occupancy
	st.ShrinkagePct, st.MaxOccupancyPct = &shrink, &occ
	roster, sup, other := s.roster, s.supervisors, s.other
	return &plan.Users{Staffing: st, RosterFactor: &roster, Supervisors: &sup, Other: &other}, nil
}

// delimiterOf is --delimiter.
func delimiterOf(s string) (rune, error) {
	switch s {
	case ",", ";", "|":
		return rune(s[0]), nil
	case "tab", "\t", `\t`:
		return '\t', nil
	}
	return 0, fmt.Errorf("--delimiter %q: not a delimiter; accepted: , ; | or tab", s)
}

// wholeMinutesOf is an interval length in whole minutes dividing an hour.
func wholeMinutesOf(m float64) (int, error) {
	if m != float64(int(m)) || m < 1 || 60%int(m) != 0 {
		return 0, fmt.Errorf("--interval %s: not an interval length; accepted: whole minutes that divide an hour, such as 5m, 15m, 30m or 60m", fmtNum(m*60)+"s")
	}
	return int(m), nil
}

// channelOf is a channel by name, in any case.
func channelOf(s string) (traffic.Channel, bool) {
	for c := traffic.Channel(0); c < traffic.NumChannels; c++ {
		if strings.EqualFold(s, c.String()) {
			return c, true
		}
	}
	return 0, false
}

package cmd

import (
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

func TestForecastOptions(t *testing.T) {
	var got *ForecastOptions
	build := func(inv *invocation) *cobra.Command {
		return newCmdForecast(inv, func(o *ForecastOptions) error { got = o; return nil })
	}
	_, err := parseArgs(t, map[string]string{"CONNECTCAP_EDITION": "2023"}, build, "forecast", "-f", "a.csv", "-f", "-",
		"--growth", "15%", "--timezone", "America/New_York", "--columns", "start=Date and Time,contacts=#3,handle=#5+#6",
		"--interval", "30m", "--channel", "CHAT", "--delimiter", "tab", "--no-header", "--time-format", "yyyyMMdd HH:mm",
		"--instance", "care", "--region", "eu-west-2", "--blocking", "0.01", "--target-utilization", "75",
		"--service-level", "80", "--answer-within", "20s", "--shrinkage", "30", "--roster-factor", "1.4", "--supervisors", "3")
	if err != nil {
		t.Fatal(err)
	}
	r := got.Read
	if len(got.Files) != 2 || got.Files[1] != "-" || r.Growth != 1.15 || r.Location.String() != "America/New_York" ||
		r.IntervalMinutes != 30 || !r.HasChannel || r.Channel != traffic.Chat || r.Delimiter != '\t' || !r.NoHeader ||
		r.TimeFormat != "yyyyMMdd HH:mm" || r.Instance != "care" {
		t.Errorf("read options = %+v", r)
	}
	if r.Columns["interval_start"] != "Date and Time" || r.Columns["contacts"] != "#3" || r.Columns["handle_time_seconds"] != "#5+#6" {
		t.Errorf("columns = %v", r.Columns)
	}
	o := got.Series.Options
	// --region and --blocking on the command line override a plan's; the
	// edition from the environment is a default under a plan's.
	if o.Region != "eu-west-2" || o.Blocking != 0.01 || o.TargetPct != 75 || o.DefaultEdition != tables.Edition2023 || o.Edition != "" {
		t.Errorf("plan options = %+v", o)
	}
	u := got.Series.Users
	if u == nil || u.Staffing.ServiceLevelPct != 80 || float64(*u.Staffing.AnswerWithin) != 20.0/60 || *u.Staffing.ShrinkagePct != 30 ||
		*u.Staffing.MaxOccupancyPct != 100 || *u.RosterFactor != 1.4 || *u.Supervisors != 3 || *u.Other != 0 {
		t.Errorf("users = %+v", u)
	}
}

func TestForecastOptionsDefaults(t *testing.T) {
	var got *ForecastOptions
	build := func(inv *invocation) *cobra.Command {
		return newCmdForecast(inv, func(o *ForecastOptions) error { got = o; return nil })
	}
	if _, err := parseArgs(t, nil, build, "forecast", "-f", "a.csv"); err != nil {
		t.Fatal(err)
	}
	r := got.Read
	if r.Growth != 0 || r.Location != nil || r.Columns != nil || r.HasChannel || r.IntervalMinutes != 0 || r.Instance != "default" || got.Series.Users != nil {
		t.Errorf("defaults = %+v, users %v", r, got.Series.Users)
	}
}

func TestForecastOptionErrors(t *testing.T) {
	build := func(inv *invocation) *cobra.Command {
		return newCmdForecast(inv, func(o *ForecastOptions) error { return nil })
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast"}, "missing --file (-f)"},
		{[]string{"forecast", "-f", "a", "--interval", "7m"}, "--interval 420s: not an interval length"},
		{[]string{"forecast", "-f", "a", "--channel", "fax"}, `--channel "fax": not a channel; accepted: voice, chat, task, email, campaign`},
		{[]string{"forecast", "-f", "a", "--delimiter", "x"}, `--delimiter "x": not a delimiter`},
		{[]string{"forecast", "-f", "a", "--columns", "colour=Hue"}, "--columns: "},
		{[]string{"forecast", "-f", "a", "--service-level", "80"}, "--service-level needs --answer-within"},
		{[]string{"forecast", "-f", "a", "--shrinkage", "30"}, "--shrinkage only applies with --service-level"},
		{[]string{"forecast", "-f", "a", "--series", "-o", "yaml"}, "--series writes CSV"},
		{[]string{"forecast", "-f", "a", "--series", "--chart", "x.svg"}, "--chart draws the checks' peaks"},
	} {
		_, err := parseArgs(t, nil, build, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want %q", c.args, err, c.want)
		}
	}
}

func TestContactRecordsOptions(t *testing.T) {
	var got *RecordsOptions
	build := func(inv *invocation) *cobra.Command {
		return newCmdRecords(inv, func(o *RecordsOptions) error { got = o; return nil })
	}
	if _, err := parseArgs(t, nil, build, "contacts", "-f", "ctr/", "--interval", "30m", "--post-call-factor", "0.5", "--strict", "--edition", "2023"); err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 1 || got.Measure.Interval != 30*time.Minute || got.Measure.PostCallFactor != 0.5 || !got.Strict || got.Plan.Edition != tables.Edition2023 {
		t.Errorf("options = %+v", got)
	}
	if _, err := parseArgs(t, nil, build, "contacts", "-f", "ctr/"); err != nil {
		t.Fatal(err)
	}
	if got.Measure.Interval != 15*time.Minute || got.Measure.PostCallFactor != 0.4 || got.Strict {
		t.Errorf("defaults = %+v", got)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"contacts"}, "missing --file (-f)"},
		{[]string{"contacts", "-f", "x", "--post-call-factor", "0"}, "--post-call-factor"},
		{[]string{"contacts", "-f", "x", "--interval", "45m"}, "--interval 2700s: not an interval length"},
	} {
		_, err := parseArgs(t, nil, build, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want %q", c.args, err, c.want)
		}
	}
}

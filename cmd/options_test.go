package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// testApp is an App with only the given environment and captured streams. It
// has no HOME, so no config file is found unless one is named.
func testApp(env map[string]string) (App, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	return App{
		Stdin:  strings.NewReader(""),
		Stdout: &stdout,
		Stderr: &stderr,
		LookupEnv: func(k string) (string, bool) {
			v, ok := env[k]
			return v, ok
		},
		Environ: func() []string {
			var out []string
			for k, v := range env {
				out = append(out, k+"="+v)
			}
			return out
		},
	}, &stdout, &stderr
}

// parseArgs runs args through the real root command, with the command named by the
// first argument replaced by the one build returns (constructed with a runF that
// captures its options), so flags, environment and config are applied as in a
// real run but nothing is calculated.
func parseArgs(t *testing.T, env map[string]string, build func(*invocation) *cobra.Command, args ...string) (*bytes.Buffer, error) {
	t.Helper()
	app, stdout, _ := testApp(env)
	inv := &invocation{app: app, sources: map[string]report.LimitSource{}}
	root := newRoot(inv)
	sub := build(inv)
	for _, c := range root.Commands() {
		if c.Name() == sub.Name() {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(sub)
	root.SetArgs(args)
	root.SetIn(app.Stdin)
	root.SetOut(app.Stdout)
	root.SetErr(app.Stderr)
	err := root.Execute()
	return stdout, err
}

func analyticsOptions(t *testing.T, env map[string]string, args ...string) (*AnalyticsOptions, *bytes.Buffer) {
	t.Helper()
	var got *AnalyticsOptions
	stdout, err := parseArgs(t, env, func(inv *invocation) *cobra.Command {
		return newCmdAnalytics(inv, func(o *AnalyticsOptions) error { got = o; return nil })
	}, append([]string{"analytics"}, args...)...)
	if err != nil {
		t.Fatalf("connectcap analytics %s: %v", strings.Join(args, " "), err)
	}
	if got == nil {
		t.Fatalf("connectcap analytics %s: runF not called", strings.Join(args, " "))
	}
	return got, stdout
}

func TestDurationForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64 // minutes
	}{
		{"10", 10},
		{"7.5", 7.5},
		{"0.5", 0.5},
		{".5", 0.5},
		{"90s", 1.5},
		{"10m", 10},
		{"1h", 60},
		{"1.5h", 90},
		{"1h30m", 90},
		{"6m30s", 6.5},
		{"2d", 2880},
		{"1.5d", 2160},
		{".5d", 720},
		{"7d", 10080},
		{"10080", 10080},
		{" 10 ", 10},
		{"+10", 10},
		{"1e1", 10},
		{"1s", 1.0 / 60},
		{"0.0166667", 0.0166667},
		{"60s", 1},
	} {
		o, _ := analyticsOptions(t, nil, "--cph", "100", "--duration", tc.in)
		if o.In.DurationMinutes != tc.want {
			t.Errorf("--duration %q = %v minutes, want %v", tc.in, o.In.DurationMinutes, tc.want)
		}
	}
}

func TestAnalyticsOptions(t *testing.T) {
	o, stdout := analyticsOptions(t, nil, "--duration", "10", "--cph", "3000")
	want := sizing.Analytics{
		Common:          sizing.Common{TargetPct: sizing.DefaultTargetPct},
		DurationMinutes: 10, CallsPerHour: 3000, Blocking: sizing.DefaultBlocking,
	}
	if overridden(o.In.Limits, sizing.PostCallJobsID) != nil || o.In.RealtimeShare != nil || overridden(o.In.Limits, sizing.RealtimeCallsID) != nil {
		t.Errorf("optional inputs set without flags: %+v", o.In)
	}
	if o.In.Region != want.Region || o.In.TargetPct != want.TargetPct || o.In.DurationMinutes != want.DurationMinutes ||
		o.In.CallsPerHour != want.CallsPerHour || o.In.Blocking != want.Blocking {
		t.Errorf("inputs = %+v, want %+v", o.In, want)
	}
	if o.Format != render.Table || o.DetailedExitcode {
		t.Errorf("output = %+v, want table without --detailed-exitcode", o.Output)
	}
	if o.Out != stdout {
		t.Error("output does not go to the command's stdout")
	}

	o, _ = analyticsOptions(t, nil, "--duration=6m", "--cph=1e3", "--realtime-share", "0.25", "--realtime-limit", "80",
		"--limit", "300", "--region", "us-east-1", "--target-utilization", "85%", "--blocking", "0.01",
		"-o", "json", "--detailed-exitcode")
	if o.In.DurationMinutes != 6 || o.In.CallsPerHour != 1000 || o.In.Blocking != 0.01 || o.In.TargetPct != 85 || o.In.Region != "us-east-1" {
		t.Errorf("inputs = %+v", o.In)
	}
	if o.In.RealtimeShare == nil || *o.In.RealtimeShare != 0.25 {
		t.Errorf("RealtimeShare = %v, want 0.25", o.In.RealtimeShare)
	}
	if overridden(o.In.Limits, sizing.RealtimeCallsID) == nil || *overridden(o.In.Limits, sizing.RealtimeCallsID) != (report.Limit{Value: 80, Source: report.FromFlag}) {
		t.Errorf("RealtimeLimit = %+v, want 80 from the flag", overridden(o.In.Limits, sizing.RealtimeCallsID))
	}
	if overridden(o.In.Limits, sizing.PostCallJobsID) == nil || *overridden(o.In.Limits, sizing.PostCallJobsID) != (report.Limit{Value: 300, Source: report.FromFlag}) {
		t.Errorf("Limit = %+v, want 300 from the flag", overridden(o.In.Limits, sizing.PostCallJobsID))
	}
	if o.Format != render.JSON || !o.DetailedExitcode {
		t.Errorf("output = %+v, want json with --detailed-exitcode", o.Output)
	}

	// A share of 0 is given, not absent.
	o, _ = analyticsOptions(t, nil, "--duration", "10", "--cph", "3000", "--realtime-share", "0")
	if o.In.RealtimeShare == nil || *o.In.RealtimeShare != 0 {
		t.Errorf("--realtime-share 0: RealtimeShare = %v, want 0", o.In.RealtimeShare)
	}
	// A share may be written as a percentage.
	o, _ = analyticsOptions(t, nil, "--duration", "10", "--cph", "3000", "--realtime-share", "25%")
	if o.In.RealtimeShare == nil || *o.In.RealtimeShare != 0.25 {
		t.Errorf("--realtime-share 25%%: RealtimeShare = %v, want 0.25", o.In.RealtimeShare)
	}
}

func TestPercentForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"85%", 85}, {"85", 85}, {"100%", 100}, {"1%", 1}, {"1", 1}, {"33.3", 33.3}, {" 85 %", 85}, {"1e2", 100},
	} {
		o, _ := analyticsOptions(t, nil, "--duration", "10", "--cph", "100", "--target-utilization", tc.in)
		if o.In.TargetPct != tc.want {
			t.Errorf("--target-utilization %q = %v, want %v", tc.in, o.In.TargetPct, tc.want)
		}
	}
}

// TestRangeEdges: the smallest duration (1 s), target (1 %), blocking (1e-9) and
// the largest quota value (1000000) are accepted; just past them is not.
func TestRangeEdges(t *testing.T) {
	base := []string{"--cph", "100", "--duration", "10"}
	o, _ := analyticsOptions(t, nil, "--cph", "100", "--duration", "1s", "--target-utilization", "1%", "--blocking", "1e-9",
		"--limit", "1000000", "--realtime-share", "0.5", "--realtime-limit", "1000000")
	if o.In.DurationMinutes != 1.0/60 || o.In.TargetPct != 1 || o.In.Blocking != 1e-9 {
		t.Errorf("inputs = %+v, want 1 s, 1 %%, 1e-9", o.In)
	}
	if overridden(o.In.Limits, sizing.PostCallJobsID) == nil || overridden(o.In.Limits, sizing.PostCallJobsID).Value != 1000000 || overridden(o.In.Limits, sizing.RealtimeCallsID) == nil || overridden(o.In.Limits, sizing.RealtimeCallsID).Value != 1000000 {
		t.Errorf("limits = %+v, %+v; want 1000000", overridden(o.In.Limits, sizing.PostCallJobsID), overridden(o.In.Limits, sizing.RealtimeCallsID))
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--duration", "0.99s"}, `--duration "0.99s": shorter than a second; accepted: the average call duration, a duration from 1s to 7d: minutes as a plain number (7.5) or with a unit (90s, 10m, 1.5h, 1h30m, 2d)`},
		{[]string{"--duration", "0.016"}, `--duration "0.016": shorter than a second;`},
		{[]string{"--duration", "4.9e-324"}, `--duration "4.9e-324": shorter than a second;`},
		{[]string{"--duration", "0"}, `--duration "0": must be greater than 0;`},
		{[]string{"--duration", "9999999h"}, `--duration "9999999h": too long;`},
		{[]string{"--target-utilization", "0.99%"}, `--target-utilization "0.99%": too small; accepted: a percentage at least 1 and at most 100, as 80 or 80%`},
		{[]string{"--target-utilization", "0.5%"}, `--target-utilization "0.5%": too small;`},
		{[]string{"--blocking", "9.9e-10"}, `--blocking "9.9e-10": too small; accepted: a blocking probability, a number at least 0.000000001 and at most 0.5`},
		{[]string{"--limit", "1000001"}, `--limit "1000001": too large; accepted: the applied quota value, a whole number at least 1 and at most 1000000`},
		{[]string{"--realtime-share", "0.5", "--realtime-limit", "1000001"}, `--realtime-limit "1000001": too large;`},
		{[]string{"--detailed-exitcode=yes"}, `--detailed-exitcode "yes": not true or false; accepted: true or false (1, 0, t, f also work), or the flag alone for true`},
	} {
		app, stdout, stderr := testApp(nil)
		args := append(append([]string{"analytics"}, base...), tc.args...) // a repeated --duration replaces base's
		if code := Execute(app, args); code != ExitError {
			t.Errorf("%v: exit %d, want %d", tc.args, code, ExitError)
		}
		want := "connectcap: " + tc.want
		if got := stderr.String(); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 || stdout.Len() != 0 {
			t.Errorf("%v: stdout %q, stderr %q; want one line starting %q", tc.args, stdout, got, want)
		}
	}
}

func TestLimitSources(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(config, []byte("calls:\n  limit: 20\nanalytics:\n  limit: 30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := []string{"--duration", "10", "--cph", "3000"}
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want *report.Limit
	}{
		{"default", nil, nil, nil},
		{"config section", nil, []string{"--config", config}, &report.Limit{Value: 30, Source: report.FromConfig}},
		{"config named by env", map[string]string{"CONNECTCAP_CONFIG": config}, nil, &report.Limit{Value: 30, Source: report.FromConfig}},
		{"env over config", map[string]string{"CONNECTCAP_ANALYTICS_LIMIT": "40"}, []string{"--config", config}, &report.Limit{Value: 40, Source: report.FromEnv}},
		{"another command's scoped env", map[string]string{"CONNECTCAP_CALLS_LIMIT": "45"}, nil, nil},
		{"flag over env", map[string]string{"CONNECTCAP_ANALYTICS_LIMIT": "40"}, []string{"--limit", "50"}, &report.Limit{Value: 50, Source: report.FromFlag}},
		{"empty env is unset", map[string]string{"CONNECTCAP_ANALYTICS_LIMIT": ""}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, _ := analyticsOptions(t, tc.env, append(append([]string{}, base...), tc.args...)...)
			switch {
			case tc.want == nil && overridden(o.In.Limits, sizing.PostCallJobsID) != nil:
				t.Errorf("Limit = %+v, want none", *overridden(o.In.Limits, sizing.PostCallJobsID))
			case tc.want != nil && (overridden(o.In.Limits, sizing.PostCallJobsID) == nil || *overridden(o.In.Limits, sizing.PostCallJobsID) != *tc.want):
				t.Errorf("Limit = %+v, want %+v", overridden(o.In.Limits, sizing.PostCallJobsID), *tc.want)
			}
		})
	}
}

func TestInputsFromEnvAndConfig(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(config, []byte("cph = 3000\nduration = \"1h30m\"\noutput = \"csv\"\n\n[analytics]\nrealtime-share = 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, _ := analyticsOptions(t, map[string]string{"CONNECTCAP_TARGET_UTILIZATION": "85%", "CONNECTCAP_DETAILED_EXITCODE": "true"}, "--config", config)
	if o.In.CallsPerHour != 3000 || o.In.DurationMinutes != 90 || o.In.TargetPct != 85 {
		t.Errorf("inputs = %+v", o.In)
	}
	if o.In.RealtimeShare == nil || *o.In.RealtimeShare != 0.5 {
		t.Errorf("RealtimeShare = %v, want 0.5 from the section", o.In.RealtimeShare)
	}
	if o.Format != render.CSV || !o.DetailedExitcode {
		t.Errorf("output = %+v, want csv with --detailed-exitcode", o.Output)
	}
}

func TestCallsOptions(t *testing.T) {
	var got *CallsOptions
	run := func(env map[string]string, args ...string) error {
		got = nil
		_, err := parseArgs(t, env, func(inv *invocation) *cobra.Command {
			return newCmdCalls(inv, func(o *CallsOptions) error { got = o; return nil })
		}, append([]string{"calls"}, args...)...)
		return err
	}
	if err := run(nil, "--cph", "1200", "--duration", "6m30s", "--outbound-cph", "300", "--outbound-duration", "240s", "--blocking", "0.01", "--limit", "150"); err != nil {
		t.Fatal(err)
	}
	want := sizing.Calls{CallsPerHour: 1200, DurationMinutes: 6.5, OutboundCallsPerHour: 300, OutboundDurationMinutes: 4, Blocking: 0.01}
	if got.In.CallsPerHour != want.CallsPerHour || got.In.DurationMinutes != want.DurationMinutes ||
		got.In.OutboundCallsPerHour != want.OutboundCallsPerHour || got.In.OutboundDurationMinutes != want.OutboundDurationMinutes ||
		got.In.Blocking != want.Blocking {
		t.Errorf("inputs = %+v, want %+v", got.In, want)
	}
	if overridden(got.In.Limits, "connect.concurrent-active-calls") == nil || *overridden(got.In.Limits, "connect.concurrent-active-calls") != (report.Limit{Value: 150, Source: report.FromFlag}) {
		t.Errorf("Limit = %+v", overridden(got.In.Limits, "connect.concurrent-active-calls"))
	}

	if err := run(map[string]string{"CONNECTCAP_CALLS_CPH": "100", "CONNECTCAP_DURATION": "6"}); err != nil {
		t.Fatal(err)
	}
	if got.In.CallsPerHour != 100 || got.In.DurationMinutes != 6 || got.In.OutboundCallsPerHour != 0 || got.In.Blocking != sizing.DefaultBlocking {
		t.Errorf("inputs from the environment = %+v", got.In)
	}

	// Validation happens before runF.
	for _, args := range [][]string{
		{"--duration", "6"},
		{"--cph", "100"},
		{"--cph", "100", "--duration", "6", "--outbound-cph", "5"},
		{"--cph", "0", "--duration", "6"},
		{"--cph", "100", "--duration", "6", "extra"},
	} {
		if err := run(nil, args...); err == nil {
			t.Errorf("calls %v: no error", args)
		}
		if got != nil {
			t.Errorf("calls %v: runF called with %+v", args, got.In)
		}
	}
}

func TestContactsOptions(t *testing.T) {
	var got *ContactsOptions
	capture := func(o *ContactsOptions) error { got = o; return nil }

	_, err := parseArgs(t, nil, func(inv *invocation) *cobra.Command { return newCmdChats(inv, capture) },
		"chats", "--cph", "400", "--duration", "25m", "-o", "markdown")
	if err != nil {
		t.Fatal(err)
	}
	if got.In.PerHour != 400 || got.In.DurationMinutes != 25 || got.In.ScheduleAheadDays != nil || got.Format != render.Markdown {
		t.Errorf("chats options = %+v", got)
	}
	got = nil
	_, err = parseArgs(t, nil, func(inv *invocation) *cobra.Command { return newCmdChats(inv, capture) },
		"chats", "--cph", "400", "--duration", "25", "--schedule-ahead-days", "3")
	if err == nil || got != nil {
		t.Errorf("chats --schedule-ahead-days: err %v, runF called %v", err, got != nil)
	}

	_, err = parseArgs(t, nil, func(inv *invocation) *cobra.Command { return newCmdTasks(inv, capture) },
		"tasks", "--cph", "900", "--duration", "3h")
	if err != nil {
		t.Fatal(err)
	}
	if got.In.DurationMinutes != 180 || got.In.ScheduleAheadDays != nil {
		t.Errorf("tasks options = %+v", got.In)
	}
	_, err = parseArgs(t, nil, func(inv *invocation) *cobra.Command { return newCmdTasks(inv, capture) },
		"tasks", "--cph", "900", "--duration", "2d", "--schedule-ahead-days", "7", "--target-utilization", "90%")
	if err != nil {
		t.Fatal(err)
	}
	if got.In.DurationMinutes != 2880 || got.In.ScheduleAheadDays == nil || *got.In.ScheduleAheadDays != 7 || got.In.TargetPct != 90 {
		t.Errorf("tasks options = %+v", got.In)
	}
	_, err = parseArgs(t, nil, func(inv *invocation) *cobra.Command { return newCmdTasks(inv, capture) },
		"tasks", "--cph", "900", "--duration", "2d", "--schedule-ahead-days", "0")
	if err != nil {
		t.Fatal(err)
	}
	if got.In.ScheduleAheadDays == nil || *got.In.ScheduleAheadDays != 0 {
		t.Errorf("--schedule-ahead-days 0: %v, want 0", got.In.ScheduleAheadDays)
	}
}

func TestVoiceIDOptions(t *testing.T) {
	var got *VoiceIDOptions
	run := func(args ...string) {
		t.Helper()
		got = nil
		_, err := parseArgs(t, nil, func(inv *invocation) *cobra.Command {
			return newCmdVoiceID(inv, func(o *VoiceIDOptions) error { got = o; return nil })
		}, append([]string{"voiceid"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
	}
	run("--cph", "5000")
	if got.In.CallsPerHour != 5000 || got.In.Domains != 1 || got.In.Speakers != nil || got.In.Fraudsters != nil ||
		got.In.Watchlists != 0 || got.In.SpeakerBatch != 0 || got.In.FraudsterBatch != 0 {
		t.Errorf("defaults = %+v", got.In)
	}
	run("--cph", "12000", "--speakers", "250000", "--fraudsters", "0", "--domains", "2", "--watchlists", "3",
		"--speaker-batch", "5000", "--fraudster-batch", "100")
	if got.In.Domains != 2 || got.In.Watchlists != 3 || got.In.SpeakerBatch != 5000 || got.In.FraudsterBatch != 100 {
		t.Errorf("options = %+v", got.In)
	}
	if got.In.Speakers == nil || *got.In.Speakers != 250000 {
		t.Errorf("Speakers = %v", got.In.Speakers)
	}
	if got.In.Fraudsters == nil || *got.In.Fraudsters != 0 {
		t.Errorf("--fraudsters 0: Fraudsters = %v, want 0", got.In.Fraudsters)
	}
}

// Execute reads the App's environment and streams, not the process's.
func TestExecuteUsesApp(t *testing.T) {
	t.Setenv("CONNECTCAP_NOT_A_SETTING", "1")
	t.Setenv("CONNECTCAP_CPH", "abc")
	app, stdout, stderr := testApp(map[string]string{"CONNECTCAP_CPH": "3000"})
	if code := Execute(app, []string{"analytics", "--duration", "10", "-o", "csv"}); code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout.String(), "id,name,instance,service,") || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
}

func TestExecuteExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"analytics", "--duration", "10", "--cph", "3000"}, ExitOK},
		{[]string{"analytics", "--duration", "10", "--cph", "3000", "--detailed-exitcode"}, ExitOK},
		{[]string{"calls", "--cph", "1200", "--duration", "6"}, ExitOK},
		{[]string{"calls", "--cph", "1200", "--duration", "6", "--detailed-exitcode"}, ExitIncrease},
		{[]string{"tasks", "--cph", "900", "--duration", "3h", "--schedule-ahead-days", "91", "--detailed-exitcode"}, ExitHardLimit},
		{[]string{"tasks", "--cph", "1", "--duration", "1", "--schedule-ahead-days", "7", "--edition", "2023", "--detailed-exitcode"}, ExitHardLimit},
		{[]string{"tasks", "--cph", "1", "--duration", "1", "--schedule-ahead-days", "7", "--detailed-exitcode"}, ExitOK},
		{[]string{"calls", "--cph", "-1", "--duration", "6", "--detailed-exitcode"}, ExitError},
		{[]string{"quotas", "show", "nope"}, ExitError},
	} {
		app, stdout, stderr := testApp(nil)
		code := Execute(app, tc.args)
		if code != tc.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tc.args, code, tc.want, stderr)
		}
		if code == ExitError {
			if stdout.Len() != 0 || strings.Count(stderr.String(), "\n") != 1 || !strings.HasPrefix(stderr.String(), "connectcap: ") {
				t.Errorf("%v: stdout %q, stderr %q; want nothing and one line", tc.args, stdout, stderr)
			}
		} else if stderr.Len() != 0 || stdout.Len() == 0 {
			t.Errorf("%v: stdout %d bytes, stderr %q", tc.args, stdout.Len(), stderr)
		}
	}
}

// overridden is the limit of quota id that l holds from a flag, the environment
// or a config file; nil when it is the page's default.
func overridden(l report.Limits, id string) *report.Limit {
	got := l.Limit(tables.Default().MustLookup(id))
	if got.Source == report.FromDefault || got.Source == report.FromRegionDefault {
		return nil
	}
	return &got
}

package cmd

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

// agentsApp is an App with the given environment and captured output.
func agentsApp(env map[string]string) (App, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	environ := []string{}
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	return App{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errOut,
		LookupEnv: func(k string) (string, bool) {
			v, ok := env[k]
			return v, ok
		},
		Environ: func() []string { return environ },
	}, &out, &errOut
}

// agentsOptions parses args with connectcap agents and returns the options its
// run would get, without running it.
func agentsOptions(t *testing.T, env map[string]string, args ...string) (*AgentsOptions, error) {
	t.Helper()
	app, _, _ := agentsApp(env)
	inv := &invocation{app: app, sources: map[string]report.LimitSource{}}
	root := newRoot(inv)
	for _, c := range root.Commands() {
		if c.Name() == "agents" {
			root.RemoveCommand(c)
		}
	}
	var got *AgentsOptions
	root.AddCommand(newCmdAgents(inv, func(o *AgentsOptions) error {
		got = o
		return nil
	}))
	root.SetArgs(append([]string{"agents"}, args...))
	root.SetOut(app.Stdout)
	root.SetErr(app.Stderr)
	return got, root.Execute()
}

func TestAgentsFlags(t *testing.T) {
	published := []string{"--cph", "200", "--aht", "180s", "--answer-within", "20s", "--service-level", "80"}
	tests := []struct {
		name  string
		env   map[string]string
		args  []string
		check func(t *testing.T, o *AgentsOptions)
	}{
		{"published example and defaults", nil, published, func(t *testing.T, o *AgentsOptions) {
			in := o.In
			if in.CallsPerHour != 200 || in.AHTSeconds != 180 || in.AnswerWithinSeconds != 20 || in.ServiceLevelPct != 80 {
				t.Errorf("inputs %+v", in)
			}
			if in.ShrinkagePct != 0 || in.MaxOccupancyPct != 100 || in.Given != 0 {
				t.Errorf("defaults: shrinkage %v, max occupancy %v, agents %v; want 0, 100, 0", in.ShrinkagePct, in.MaxOccupancyPct, in.Given)
			}
			if overridden(in.Limits, "connect.users") != nil || in.Region != "" || in.TargetPct != 80 {
				t.Errorf("common %+v", in.Common)
			}
			if o.Format != render.Table || o.DetailedExitcode {
				t.Errorf("output %+v", o.Output)
			}
		}},
		{"plain numbers are minutes", nil, []string{"--cph", "200", "--aht", "3", "--answer-within", "0.5", "--service-level", "80%"}, func(t *testing.T, o *AgentsOptions) {
			if o.In.AHTSeconds != 180 || o.In.AnswerWithinSeconds != 30 || o.In.ServiceLevelPct != 80 {
				t.Errorf("aht %v s, answer within %v s, service level %v; want 180, 30, 80", o.In.AHTSeconds, o.In.AnswerWithinSeconds, o.In.ServiceLevelPct)
			}
		}},
		{"other units", nil, []string{"--cph", "1200", "--aht", "4m30s", "--answer-within", "1m", "--service-level", "90", "--shrinkage", "35%", "--max-occupancy", "85"}, func(t *testing.T, o *AgentsOptions) {
			in := o.In
			if in.AHTSeconds != 270 || in.AnswerWithinSeconds != 60 || in.ShrinkagePct != 35 || in.MaxOccupancyPct != 85 {
				t.Errorf("inputs %+v", in)
			}
		}},
		{"percent forms: 85 %, half a percent, 0 where 0 is in range", nil, []string{"--cph", "200", "--aht", "3m", "--answer-within", "20s", "--service-level", "85 %", "--shrinkage", "0.5%", "--max-occupancy", "1"}, func(t *testing.T, o *AgentsOptions) {
			if o.In.ServiceLevelPct != 85 || o.In.ShrinkagePct != 0.5 || o.In.MaxOccupancyPct != 1 {
				t.Errorf("service level %v, shrinkage %v, max occupancy %v; want 85, 0.5, 1", o.In.ServiceLevelPct, o.In.ShrinkagePct, o.In.MaxOccupancyPct)
			}
		}},
		{"shrinkage 0", nil, append(published, "--shrinkage", "0"), func(t *testing.T, o *AgentsOptions) {
			if o.In.ShrinkagePct != 0 {
				t.Errorf("shrinkage %v, want 0", o.In.ShrinkagePct)
			}
		}},
		{"agents to evaluate, no target", nil, []string{"--cph", "200", "--aht", "3m", "--answer-within", "20s", "--agents", "13"}, func(t *testing.T, o *AgentsOptions) {
			if o.In.Given != 13 || o.In.ServiceLevelPct != 0 {
				t.Errorf("agents %v, service level %v; want 13, 0", o.In.Given, o.In.ServiceLevelPct)
			}
		}},
		{"common flags", nil, append(published, "--limit", "1000", "--region", "us-east-1", "--target-utilization", "75", "-o", "json", "--detailed-exitcode"), func(t *testing.T, o *AgentsOptions) {
			if overridden(o.In.Limits, "connect.users") == nil || *overridden(o.In.Limits, "connect.users") != (report.Limit{Value: 1000, Source: report.FromFlag}) {
				t.Errorf("limit %+v", overridden(o.In.Limits, "connect.users"))
			}
			if o.In.Region != "us-east-1" || o.In.TargetPct != 75 || o.Format != render.JSON || !o.DetailedExitcode {
				t.Errorf("common %+v, output %+v", o.In.Common, o.Output)
			}
		}},
		{"environment", map[string]string{"CONNECTCAP_SHRINKAGE": "30", "CONNECTCAP_AGENTS_MAX_OCCUPANCY": "85", "CONNECTCAP_AGENTS_LIMIT": "40"}, published, func(t *testing.T, o *AgentsOptions) {
			if o.In.ShrinkagePct != 30 || o.In.MaxOccupancyPct != 85 {
				t.Errorf("shrinkage %v, max occupancy %v; want 30, 85", o.In.ShrinkagePct, o.In.MaxOccupancyPct)
			}
			if overridden(o.In.Limits, "connect.users") == nil || *overridden(o.In.Limits, "connect.users") != (report.Limit{Value: 40, Source: report.FromEnv}) {
				t.Errorf("limit %+v", overridden(o.In.Limits, "connect.users"))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := agentsOptions(t, tt.env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if o == nil {
				t.Fatal("run not called")
			}
			tt.check(t, o)
		})
	}
}

func TestAgentsBadInput(t *testing.T) {
	base := []string{"agents", "--cph", "200", "--aht", "3m", "--answer-within", "20s"}
	tests := []struct {
		args []string
		want string // the start of the one line on stderr
	}{
		{[]string{"--service-level", "100"}, `connectcap: --service-level "100": too large; accepted: a percentage at least 1 and less than 100, as 80 or 80%`},
		{[]string{"--service-level", "0"}, `connectcap: --service-level "0": too small; accepted: a percentage at least 1 and less than 100, as 80 or 80%`},
		{[]string{"--service-level", "NaN"}, `connectcap: --service-level "NaN": not a number;`},
		{[]string{"--service-level", "80", "--shrinkage", "100"}, `connectcap: --shrinkage "100": too large; accepted: a percentage at least 0 and less than 100, as 80 or 80%`},
		{[]string{"--service-level", "80", "--shrinkage", "-5"}, `connectcap: --shrinkage "-5": too small;`},
		{[]string{"--service-level", "80", "--max-occupancy", "0.85"}, `connectcap: --max-occupancy "0.85": a percent, not a share; did you mean 85? accepted: a percentage at least 1 and at most 100, as 80 or 80%`},
		{[]string{"--service-level", "0.8"}, `connectcap: --service-level "0.8": a percent, not a share; did you mean 80? accepted: `},
		{[]string{"--service-level", "80", "--shrinkage", "0.3"}, `connectcap: --shrinkage "0.3": a percent, not a share; did you mean 30? accepted: `},
		{[]string{"--service-level", "80", "--max-occupancy", "0"}, `connectcap: --max-occupancy "0": too small; accepted: a percentage at least 1 and at most 100, as 80 or 80%`},
		{[]string{"--service-level", "80", "--max-occupancy", "100.5"}, `connectcap: --max-occupancy "100.5": too large;`},
		{[]string{"--agents", "12.5"}, `connectcap: --agents "12.5": not a whole number; accepted: a number of agents, a whole number at least 1 and at most 10000000`},
		{[]string{"--agents", "0"}, `connectcap: --agents "0": too small;`},
		{[]string{"--service-level", "80", "--answer-within", "0s"}, `connectcap: --answer-within "0s": must be greater than 0;`},
		{[]string{"--service-level", "80", "--answer-within", "500ms"}, `connectcap: --answer-within "500ms": shorter than a second; accepted: the service level's answer time, a duration from 1s to 7d:`},
		{[]string{"--service-level", "80", "--aht", "-3"}, `connectcap: --aht "-3": must be greater than 0;`},
		{[]string{"--service-level", "80", "--cph", "1e300"}, `connectcap: --cph "1e300": too large;`},
		{[]string{}, `connectcap: missing --service-level (target percentage of calls answered within --answer-within)`},
		{[]string{"--service-level", "80", "--cph", "10000000", "--max-occupancy", "1"}, `connectcap: --max-occupancy: keeping 500000 erlangs at or below 1 % occupancy needs more than 10000000 agents`},
		{[]string{"--service-level", "80", "--cph", "1000000", "--shrinkage", "99.99999"}, `connectcap: --shrinkage: 50014 agents at 99.99999 % shrinkage means scheduling more than connectcap sizes (10000000 agents); lower the shrinkage`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			app, out, errOut := agentsApp(nil)
			code := Execute(app, append(append([]string{}, base...), tt.args...))
			if code != ExitError {
				t.Errorf("exit %d, want 1", code)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out)
			}
			if got := errOut.String(); !strings.HasPrefix(got, tt.want) || strings.Count(got, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", got, tt.want)
			}
		})
	}
	for _, missing := range []string{"cph", "aht", "answer-within"} {
		args := []string{"agents", "--service-level", "80"}
		for i := 1; i < len(base); i += 2 {
			if base[i] != "--"+missing {
				args = append(args, base[i], base[i+1])
			}
		}
		app, out, errOut := agentsApp(nil)
		if code := Execute(app, args); code != ExitError || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "connectcap: missing --"+missing+" (") {
			t.Errorf("without --%s: exit %d, stdout %q, stderr %q", missing, code, out, errOut)
		}
	}
}

func TestAgentsPublishedExampleJSON(t *testing.T) {
	app, out, errOut := agentsApp(nil)
	code := Execute(app, []string{"agents", "--cph", "200", "--aht", "180s", "--answer-within", "20s", "--service-level", "80", "--shrinkage", "30", "-o", "json"})
	if code != 0 || errOut.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var r struct {
		Command string
		Inputs  map[string]any
		Figures map[string]any
		Checks  []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"offered_load_erlangs": 10, "agents": 14, "scheduled_agents": 20}
	for k, v := range want {
		if r.Figures[k] != v {
			t.Errorf("%s = %v, want %v", k, r.Figures[k], v)
		}
	}
	for k, v := range map[string]float64{"calls_per_hour": 200, "aht_seconds": 180, "answer_within_seconds": 20, "service_level_target_pct": 80, "shrinkage_pct": 30, "max_occupancy_pct": 100, "target_utilization_pct": 80} {
		if r.Inputs[k] != v {
			t.Errorf("input %s = %v, want %v", k, r.Inputs[k], v)
		}
	}
	if len(r.Checks) != 1 || r.Checks[0]["id"] != "connect.users" || r.Checks[0]["required"] != 20.0 || r.Checks[0]["limit"] != 500.0 {
		t.Errorf("checks %v", r.Checks)
	}
}

func TestAgentsDetailedExitcode(t *testing.T) {
	args := []string{"agents", "--cph", "200", "--aht", "180s", "--answer-within", "20s", "--service-level", "80", "--limit", "10"}
	app, out, _ := agentsApp(nil)
	if code := Execute(app, args); code != 0 {
		t.Errorf("without --detailed-exitcode: exit %d, want 0", code)
	}
	if !strings.Contains(out.String(), "INCREASE") {
		t.Errorf("stdout %q, want an INCREASE status", out)
	}
	app, out, _ = agentsApp(nil)
	if code := Execute(app, append(args, "--detailed-exitcode")); code != ExitIncrease {
		t.Errorf("with --detailed-exitcode: exit %d, want %d", code, ExitIncrease)
	}
	if out.Len() == 0 {
		t.Error("with --detailed-exitcode: nothing on stdout")
	}
}

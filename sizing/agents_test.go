package sizing

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
)

// publishedAgents is queueing.md's Erlang C example: 100 calls per 30 minutes,
// handle time 180 s, 80 % answered in 20 s.
func publishedAgents() Agents {
	return Agents{
		Common:              Common{TargetPct: DefaultTargetPct},
		CallsPerHour:        200,
		AHTSeconds:          180,
		AnswerWithinSeconds: 20,
		ServiceLevelPct:     80,
		MaxOccupancyPct:     100,
	}
}

// roundTo rounds v to places decimals, to compare with a published figure.
func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func TestStaffPublishedExample(t *testing.T) {
	tests := []struct {
		name       string
		shrinkage  float64
		given      int
		agents     int
		scheduled  int
		pWait      float64 // 5 places
		slPct      float64 // 3 places
		asaSeconds float64 // 4 places
		occPct     float64 // 2 places
	}{
		{name: "sized", agents: 14, scheduled: 14, pWait: 0.17413, slPct: 88.835, asaSeconds: 7.8359, occPct: 71.43},
		{name: "30 % shrinkage", shrinkage: 30, agents: 14, scheduled: 20, pWait: 0.17413, slPct: 88.835, asaSeconds: 7.8359, occPct: 71.43},
		{name: "given 14", given: 14, agents: 14, scheduled: 14, pWait: 0.17413, slPct: 88.835, asaSeconds: 7.8359, occPct: 71.43},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := publishedAgents()
			in.ShrinkagePct = tt.shrinkage
			in.Given = tt.given
			s, err := Staff(in)
			if err != nil {
				t.Fatal(err)
			}
			if s.OfferedLoadErlangs != 10 {
				t.Errorf("offered load = %v, want 10", s.OfferedLoadErlangs)
			}
			if s.Agents != tt.agents || s.ScheduledAgents != tt.scheduled || s.AgentsForTarget != 14 {
				t.Errorf("agents, scheduled, for target = %d, %d, %d; want %d, %d, 14", s.Agents, s.ScheduledAgents, s.AgentsForTarget, tt.agents, tt.scheduled)
			}
			if got := roundTo(s.ProbabilityOfWaiting, 5); got != tt.pWait {
				t.Errorf("probability of waiting = %v (%v), want %v", got, s.ProbabilityOfWaiting, tt.pWait)
			}
			if got := roundTo(s.ServiceLevel*100, 3); got != tt.slPct {
				t.Errorf("service level = %v %% (%v), want %v", got, s.ServiceLevel, tt.slPct)
			}
			if got := roundTo(s.ASASeconds, 4); got != tt.asaSeconds {
				t.Errorf("ASA = %v s (%v), want %v", got, s.ASASeconds, tt.asaSeconds)
			}
			if got := roundTo(s.Occupancy*100, 2); got != tt.occPct {
				t.Errorf("occupancy = %v %%, want %v", got, tt.occPct)
			}
			if s.Overloaded {
				t.Error("Overloaded with 14 agents on 10 erlangs")
			}
		})
	}
}

// 13 agents on the published load give a service level of 0.7956, short of 80 %.
func TestStaffThirteenAgentsFallShort(t *testing.T) {
	in := publishedAgents()
	in.Given = 13
	s, err := Staff(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := roundTo(s.ServiceLevel, 4); got != 0.7956 {
		t.Errorf("service level = %v (%v), want 0.7956", got, s.ServiceLevel)
	}
	if s.AgentsForTarget != 14 {
		t.Errorf("agents for target = %d, want 14", s.AgentsForTarget)
	}
	if note := in.note(s); !strings.Contains(note, "Short of target: 80 % answered within 20 s needs 14 agents.") {
		t.Errorf("note = %q, want it to say 14 agents are needed", note)
	}
}

func TestStaffMonotoneInCallsPerHour(t *testing.T) {
	for _, target := range []float64{50, 80, 95} {
		prev := 0
		for cph := 10.0; cph <= 20000; cph *= 1.07 {
			in := publishedAgents()
			in.CallsPerHour = cph
			in.ServiceLevelPct = target
			s, err := Staff(in)
			if err != nil {
				t.Fatal(err)
			}
			if s.Agents < prev {
				t.Fatalf("%v %%: %v calls per hour need %d agents, fewer than %d at a lower rate", target, cph, s.Agents, prev)
			}
			prev = s.Agents
			load := cph * 180 / 3600
			if want := calc.AgentsForServiceLevel(load, 20, 180, target/100, 1); s.Agents != want {
				t.Fatalf("%v %% at %v calls per hour: %d agents, calc.AgentsForServiceLevel says %d", target, cph, s.Agents, want)
			}
			if s.ServiceLevel < target/100 || float64(s.Agents) <= load {
				t.Fatalf("%v %% at %v calls per hour: %d agents give %v", target, cph, s.Agents, s.ServiceLevel)
			}
		}
	}
}

func TestStaffScheduledAgents(t *testing.T) {
	tests := []struct {
		agents    int
		shrinkage float64
		want      int
	}{
		{21, 30, 30}, // 21 / 0.7 is 30.000000000000004 in float64: the trap gives 31
		{14, 30, 20},
		{14, 0, 14},
		{10, 50, 20},
		{10, 33, 15}, // 14.925...
		{1, 99, 100},
	}
	for _, tt := range tests {
		in := Agents{CallsPerHour: 1, AHTSeconds: 60, AnswerWithinSeconds: 20, ShrinkagePct: tt.shrinkage, MaxOccupancyPct: 100, Given: tt.agents}
		s, err := Staff(in)
		if err != nil {
			t.Fatal(err)
		}
		if s.ScheduledAgents != tt.want {
			t.Errorf("%d agents at %v %% shrinkage: %d scheduled, want %d", tt.agents, tt.shrinkage, s.ScheduledAgents, tt.want)
		}
	}
}

func TestStaffMaxOccupancy(t *testing.T) {
	tests := []struct {
		cph, maxOcc float64
		want        int
	}{
		{160, 80, 10},  // 8 erlangs at 80 %: exactly 10, not 11
		{200, 80, 13},  // 10 erlangs at 80 %: 12.5 → 13
		{200, 70, 15},  // 14.29 → 15
		{200, 100, 11}, // only the 10 % service level: the fewest above the load
	}
	for _, tt := range tests {
		in := publishedAgents()
		in.CallsPerHour = tt.cph
		in.ServiceLevelPct = 10
		in.MaxOccupancyPct = tt.maxOcc
		s, err := Staff(in)
		if err != nil {
			t.Fatal(err)
		}
		if s.Agents != tt.want {
			t.Errorf("%v calls per hour at %v %% occupancy: %d agents, want %d", tt.cph, tt.maxOcc, s.Agents, tt.want)
		}
	}
}

func TestStaffOverloaded(t *testing.T) {
	for _, given := range []int{1, 9, 10} {
		in := publishedAgents()
		in.Given = given
		s, err := Staff(in)
		if err != nil {
			t.Fatal(err)
		}
		if !s.Overloaded || s.ProbabilityOfWaiting != 1 || s.ServiceLevel != 0 || !math.IsInf(s.ASASeconds, 1) || s.Occupancy != 1 {
			t.Errorf("%d agents on 10 erlangs: %+v, want overloaded, P(wait) 1, SL 0, ASA +Inf, occupancy 1", given, s)
		}
		r, err := SizeAgents(in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%d agents: JSON: %v", given, err)
		}
		var decoded struct{ Figures map[string]any }
		if err := json.Unmarshal(b, &decoded); err != nil {
			t.Fatal(err)
		}
		if asa, ok := decoded.Figures["asa_seconds"]; !ok || asa != nil {
			t.Errorf("%d agents: asa_seconds = %v, want null", given, asa)
		}
		if decoded.Figures["occupancy_pct"] != 100.0 || decoded.Figures["service_level_pct"] != 0.0 || decoded.Figures["probability_of_waiting"] != 1.0 {
			t.Errorf("%d agents: figures %v", given, decoded.Figures)
		}
		if note := r.Checks[0].Note; !strings.HasPrefix(note, "Overloaded: ") || !strings.Contains(note, "At least 11 agents") {
			t.Errorf("%d agents: note %q", given, note)
		}
	}
	// One agent more than the load is enough for the queue to empty.
	in := publishedAgents()
	in.Given = 11
	s, err := Staff(in)
	if err != nil {
		t.Fatal(err)
	}
	if s.Overloaded || s.ASASeconds <= 0 || math.IsInf(s.ASASeconds, 0) {
		t.Errorf("11 agents on 10 erlangs: %+v", s)
	}
}

func TestSizeAgentsResult(t *testing.T) {
	in := publishedAgents()
	in.ShrinkagePct = 30
	in.Limits = report.Override{ID: "connect.users", Value: report.Limit{Value: 18, Source: report.FromFlag}, Next: report.Defaults{}}
	r, err := SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	keys := func(fs report.Fields) string {
		var k []string
		for _, f := range fs {
			k = append(k, f.Key)
		}
		return strings.Join(k, ",")
	}
	if got, want := keys(r.Inputs), "calls_per_hour,aht_seconds,answer_within_seconds,service_level_target_pct,shrinkage_pct,max_occupancy_pct,region,target_utilization_pct,edition"; got != want {
		t.Errorf("inputs %s, want %s", got, want)
	}
	if got, want := keys(r.Figures), "offered_load_erlangs,agents,scheduled_agents,service_level_pct,probability_of_waiting,asa_seconds,occupancy_pct"; got != want {
		t.Errorf("figures %s, want %s", got, want)
	}
	if r.Command != "agents" || len(r.Checks) != 1 {
		t.Fatalf("command %q with %d checks", r.Command, len(r.Checks))
	}
	c := r.Checks[0]
	if c.ID != "connect.users" || c.Required != 20 || c.Limit != 18 || c.LimitSource != report.FromFlag || c.Status != report.Increase || *c.Recommended != 25 {
		t.Errorf("check %+v", c)
	}
	if v, _ := r.Figures.Get("scheduled_agents"); v != 20 {
		t.Errorf("scheduled_agents = %v, want 20", v)
	}
}

func TestStaffErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Agents)
		flag string
		text string
	}{
		{"load", func(a *Agents) { a.CallsPerHour = 10_000_000; a.AHTSeconds = 7 * 86400 }, "--cph", "more than connectcap sizes"},
		{"occupancy", func(a *Agents) { a.CallsPerHour = 10_000_000; a.MaxOccupancyPct = 1 }, "--max-occupancy", "raise the maximum occupancy"},
		{"shrinkage", func(a *Agents) { a.CallsPerHour = 1_000_000; a.ShrinkagePct = 99.99999 }, "--shrinkage", "lower the shrinkage"},
		{"no target", func(a *Agents) { a.ServiceLevelPct = 0 }, "--service-level", "give --agents"},
		{"target 100", func(a *Agents) { a.ServiceLevelPct = 100 }, "--service-level", "less than 100"},
		{"zero max occupancy", func(a *Agents) { a.MaxOccupancyPct = 0 }, "--max-occupancy", "at least 1"},
		{"NaN calls", func(a *Agents) { a.CallsPerHour = math.NaN() }, "--cph", "greater than 0"},
		{"shrinkage 100", func(a *Agents) { a.ShrinkagePct = 100 }, "--shrinkage", "less than 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := publishedAgents()
			tt.edit(&in)
			_, err := SizeAgents(in)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an InputError", err)
			}
			if ie.Flag != tt.flag || !strings.Contains(ie.Message, tt.text) {
				t.Errorf("error %q, want flag %s and %q", err, tt.flag, tt.text)
			}
		})
	}
}

func TestAgentsForServiceLevelWithinBound(t *testing.T) {
	tests := []struct {
		maxOcc    float64
		maxAgents int
		want      int
		ok        bool
	}{
		{1, 14, 14, true},
		{1, 13, 0, false},
		{1, 1_000, 14, true},
		{0.5, 19, 0, false}, // occupancy alone asks for 20
		{0.5, 20, 20, true},
	}
	for _, tt := range tests {
		got, w, ok := calc.AgentsForServiceLevelWithin(10, 20, 180, 0.8, tt.maxOcc, tt.maxAgents)
		if got != tt.want || ok != tt.ok {
			t.Errorf("at most %d agents, %v occupancy: %d, %v; want %d, %v", tt.maxAgents, tt.maxOcc, got, ok, tt.want, tt.ok)
		}
		if ok && (w.ProbabilityOfWaiting != calc.ErlangC(got, 10) || w.ServiceLevel != calc.ServiceLevel(got, 10, 20, 180) || w.ASASeconds != calc.AverageSpeedOfAnswer(got, 10, 180)) {
			t.Errorf("%d agents: figures %+v differ from ErlangC, ServiceLevel and AverageSpeedOfAnswer", got, w)
		}
	}
}

// Sizing stays fast at the largest load the loss model sizes, because the search
// steps Erlang B instead of recomputing it for every candidate.
func BenchmarkStaff50000Erlangs(b *testing.B) {
	in := publishedAgents()
	in.CallsPerHour = 1_000_000 // × 180 s = 50,000 erlangs
	for b.Loop() {
		if _, err := Staff(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSizeAgentsRoster: users per instance counts every agent account. The
// published example schedules 20 agents at 30 % shrinkage; a roster of 1.6
// accounts per peak seat is 32 accounts, and the note says the check used it.
func TestSizeAgentsRoster(t *testing.T) {
	in := publishedAgents()
	in.ShrinkagePct = 30
	r, err := SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Checks[0]; c.Required != 20 || !strings.Contains(c.Note, "no --roster-factor") {
		t.Errorf("without a roster factor: %v, %q", c.Required, c.Note)
	}
	in.RosterFactor = 1.6
	r, err = SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Checks[0]
	if c.Required != 32 || !strings.Contains(c.Note, "20 agents scheduled at the peak x roster factor 1.6") {
		t.Errorf("roster factor 1.6: %v, %q", c.Required, c.Note)
	}
	if v, _ := r.Figures.Get("agent_accounts"); v != 32.0 {
		t.Errorf("agent_accounts = %v, want 32", v)
	}
}

// rosterOnly is the note's last sentence without a roster factor.
const rosterOnly = "Counts the agents scheduled at the peak only (no --roster-factor): agents on other shifts, supervisors, administrators and other users count against this quota too."

// TestSizeAgentsEcho: inputs are echoed as given, and the figures are the
// published example's (queueing notes: 14 agents, P(wait) 0.17413, 88.835 % in
// 20 s, ASA 7.8359 s, occupancy 71.43 %; 20 scheduled at 30 % shrinkage).
func TestSizeAgentsEcho(t *testing.T) {
	in := publishedAgents()
	in.ShrinkagePct = 30
	in.Region = "us-east-1"
	r, err := SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	input := func(r *report.Result) string {
		var parts []string
		for _, f := range r.Inputs {
			parts = append(parts, fmt.Sprintf("%s=%v", f.Key, f.Value))
		}
		return strings.Join(parts, " ")
	}
	if got, want := input(r), "calls_per_hour=200 aht_seconds=180 answer_within_seconds=20 service_level_target_pct=80 shrinkage_pct=30 max_occupancy_pct=100 region=us-east-1 target_utilization_pct=80 edition=2026"; got != want {
		t.Errorf("inputs\n got %s\nwant %s", got, want)
	}
	number := func(key string) float64 {
		v, _ := r.Figures.Get(key)
		switch x := v.(type) {
		case float64:
			return x
		case int:
			return float64(x)
		}
		t.Fatalf("figure %s is %T", key, v)
		return 0
	}
	for _, f := range []struct {
		key    string
		places int
		want   float64
	}{
		{"offered_load_erlangs", 9, 10},
		{"agents", 0, 14},
		{"scheduled_agents", 0, 20},
		{"service_level_pct", 3, 88.835},
		{"probability_of_waiting", 5, 0.17413},
		{"asa_seconds", 4, 7.8359},
		{"occupancy_pct", 2, 71.43},
	} {
		if got := roundTo(number(f.key), f.places); got != f.want {
			t.Errorf("%s = %v, want %v", f.key, got, f.want)
		}
	}
	// Sized, not evaluated: nothing to say about a given number of agents.
	if note := r.Checks[0].Note; note != rosterOnly {
		t.Errorf("note %q, want %q", note, rosterOnly)
	}

	// 16 agents evaluated against 80 % in 20 s at up to 85 % occupancy: 14 would do
	// (10 erlangs at 85 % need 11.8, so occupancy does not bind).
	in.Given = 16
	in.MaxOccupancyPct = 85
	r, err = SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := input(r), "calls_per_hour=200 aht_seconds=180 answer_within_seconds=20 service_level_target_pct=80 shrinkage_pct=30 max_occupancy_pct=85 agents=16 region=us-east-1 target_utilization_pct=80 edition=2026"; got != want {
		t.Errorf("inputs\n got %s\nwant %s", got, want)
	}
	if note, want := r.Checks[0].Note, "16 agents meet 80 % answered within 20 s at occupancy up to 85 %; 14 would be enough. "+rosterOnly; note != want {
		t.Errorf("note\n got %q\nwant %q", note, want)
	}
}

// TestStaffEvaluateWithoutTarget: given agents and no service level target, the
// agents are evaluated (the published example's figures for 14) and there is no
// target to size for or to compare with.
func TestStaffEvaluateWithoutTarget(t *testing.T) {
	in := publishedAgents()
	in.ServiceLevelPct = 0
	in.Given = 14
	s, err := Staff(in)
	if err != nil {
		t.Fatal(err)
	}
	if s.AgentsForTarget != 0 || s.Agents != 14 || roundTo(s.ServiceLevel*100, 3) != 88.835 {
		t.Errorf("staffing %+v, want 14 agents at 88.835 %% and no agents for a target", s)
	}
	r, err := SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Inputs.Get("service_level_target_pct"); !ok || v != nil {
		t.Errorf("service_level_target_pct %v, %v; want null", v, ok)
	}
	if note := r.Checks[0].Note; note != rosterOnly {
		t.Errorf("note %q, want %q", note, rosterOnly)
	}
}

// TestStaffMaxAgents: MaxAgents itself is sized and scheduled, one more is not,
// whether given or reached through shrinkage (5,000,000 at 50 % schedule exactly
// 10,000,000).
func TestStaffMaxAgents(t *testing.T) {
	for _, tt := range []struct {
		given     int
		shrinkage float64
		scheduled int
		flag      string
	}{
		{MaxAgents, 0, MaxAgents, ""},
		{MaxAgents + 1, 0, 0, "--agents"},
		{MaxAgents / 2, 50, MaxAgents, ""},
		{MaxAgents/2 + 1, 50, 0, "--shrinkage"},
	} {
		in := publishedAgents()
		in.Given, in.ShrinkagePct = tt.given, tt.shrinkage
		s, err := Staff(in)
		if tt.flag == "" {
			if err != nil || s.ScheduledAgents != tt.scheduled {
				t.Errorf("%d agents at %v %%: %d scheduled, %v; want %d", tt.given, tt.shrinkage, s.ScheduledAgents, err, tt.scheduled)
			}
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || ie.Flag != tt.flag {
			t.Errorf("%d agents at %v %%: error %v, want one for %s", tt.given, tt.shrinkage, err, tt.flag)
		}
	}
}

// TestStaffTimeRanges: handle and answer times are checked in minutes, from one
// second to seven days (10,080 minutes), and the message gives the value in
// minutes.
func TestStaffTimeRanges(t *testing.T) {
	in := publishedAgents()
	in.AnswerWithinSeconds = 300 // 5 minutes: in range
	if _, err := Staff(in); err != nil {
		t.Errorf("answer within 300 s: %v", err)
	}
	for _, tt := range []struct {
		edit func(*Agents)
		flag string
		text string
	}{
		{func(a *Agents) { a.AHTSeconds = 7*86400 + 60 }, "--aht", "10081 is out of range; accepted: "},
		{func(a *Agents) { a.AnswerWithinSeconds = 0.5 }, "--answer-within", "0.008333333333333333 is out of range; accepted: "},
	} {
		in := publishedAgents()
		tt.edit(&in)
		_, err := Staff(in)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Flag != tt.flag || !strings.HasPrefix(ie.Message, tt.text) {
			t.Errorf("error %v, want %s: %s…", err, tt.flag, tt.text)
		}
	}
}

// The hardest service level accepted (the largest float64 below 100 %, within
// 1 s, of a 7-day handle time) at the largest load is met far below MaxAgents:
// only the occupancy target can ask for more, which is why tooManyAgents names it.
func TestHardestServiceLevelFitsMaxAgents(t *testing.T) {
	n, _, ok := calc.AgentsForServiceLevelWithin(MaxLoadErlangs, 1, 7*86400, math.Nextafter(1, 0), 1, MaxAgents)
	if !ok || n > MaxAgents/5 {
		t.Errorf("%d agents, %v: want well below %d", n, ok, MaxAgents)
	}
}

// TestGivenAgentsExactlyEnough: 14 agents are the fewest that meet 80 % in 20 s on
// the published example's 10 erlangs; evaluating exactly 14 says neither that
// fewer would do nor that the target is missed.
func TestGivenAgentsExactlyEnough(t *testing.T) {
	in := publishedAgents()
	in.Given = 14
	r, err := SizeAgents(in)
	if err != nil {
		t.Fatal(err)
	}
	if note := r.Checks[0].Note; strings.Contains(note, "would be enough") || strings.Contains(note, "Short of target") {
		t.Errorf("14 agents for a target 14 meet: note %q", note)
	}
}

package sizing

import (
	"fmt"
	"math"
	"strings"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/report"
)

// MaxAgents is the most agents connectcap sizes or schedules: past it the inputs
// are a typo, not a contact center.
const MaxAgents = 10_000_000

// Agents is the input of the Erlang C staffing calculation.
type Agents struct {
	Common
	CallsPerHour        float64
	AHTSeconds          float64 // average handle time
	AnswerWithinSeconds float64 // the service level's answer time
	// ServiceLevelPct is the target percentage of calls answered within
	// AnswerWithinSeconds, in (0, 100). 0 means no target, which only evaluating
	// Given agents allows.
	ServiceLevelPct float64
	ShrinkagePct    float64 // share of scheduled time agents are away, in [0, 100)
	MaxOccupancyPct float64 // most of their time agents may spend on calls, in (0, 100]
	// Given, when more than 0, is a number of agents to evaluate instead of sizing.
	Given int
	// RosterFactor, when more than 0, is agent user accounts per agent scheduled
	// at the peak, for the users check; 0 counts the scheduled agents only.
	RosterFactor float64
}

// Staffing is what Erlang C says about a number of agents on a load.
type Staffing struct {
	OfferedLoadErlangs   float64
	Agents               int // agents taking calls
	ScheduledAgents      int // agents to schedule so that Agents remain after shrinkage
	ProbabilityOfWaiting float64
	ServiceLevel         float64 // share answered within the answer time
	ASASeconds           float64 // average speed of answer; +Inf when Overloaded
	Occupancy            float64 // share of agents' time on calls, at most 1
	// Overloaded is true when the agents do not exceed the load: the queue never
	// empties, every call waits and the wait has no bound.
	Overloaded bool
	// AgentsForTarget is the fewest agents that meet the service level and
	// occupancy targets; 0 without a service level target.
	AgentsForTarget int
}

// Staff sizes agents with Erlang C (queueing notes): offered load A = calls per
// hour × AHT / 3600 s erlangs; agents = the smallest N > A whose service level
// 1 − C·exp(−(N − A)·t/AHT) reaches the target and whose occupancy A/N stays at or
// below the maximum; scheduled agents = ceil(agents / (1 − shrinkage)). With Given
// agents it evaluates them instead, and reports a load at or above them as
// Overloaded rather than as a negative wait.
func Staff(in Agents) (Staffing, error) {
	if err := in.validate(); err != nil {
		return Staffing{}, err
	}
	load := in.CallsPerHour * in.AHTSeconds / 3600
	if err := checkLoad("--cph", in.CallsPerHour, load); err != nil {
		return Staffing{}, err
	}
	s := Staffing{OfferedLoadErlangs: load}
	var w calc.Waiting
	if in.ServiceLevelPct > 0 {
		n, atTarget, err := in.agentsFor(load)
		if err != nil {
			return Staffing{}, err
		}
		s.AgentsForTarget, s.Agents, w = n, n, atTarget
	}
	if in.Given > 0 {
		s.Agents = in.Given
		w = calc.WaitingWith(in.Given, load, calc.ErlangB(in.Given, load), in.AnswerWithinSeconds, in.AHTSeconds)
	}
	var err error
	if s.ScheduledAgents, err = in.schedule(s.Agents); err != nil {
		return Staffing{}, err
	}
	s.Overloaded = float64(s.Agents) <= load
	s.ProbabilityOfWaiting, s.ServiceLevel, s.ASASeconds = w.ProbabilityOfWaiting, w.ServiceLevel, w.ASASeconds
	s.Occupancy = math.Min(load/float64(s.Agents), 1)
	return s, nil
}

// agentsFor is the fewest agents that answer load erlangs at the service level and
// occupancy targets, with their Erlang C figures.
func (in Agents) agentsFor(load float64) (int, calc.Waiting, error) {
	n, w, ok := calc.AgentsForServiceLevelWithin(load, in.AnswerWithinSeconds, in.AHTSeconds,
		in.ServiceLevelPct/100, in.MaxOccupancyPct/100, MaxAgents)
	if !ok {
		return 0, calc.Waiting{}, in.tooManyAgents(load)
	}
	return n, w, nil
}

// schedule is the agents to schedule so that agents remain after shrinkage.
func (in Agents) schedule(agents int) (int, error) {
	if scheduled := float64(agents) / (1 - in.ShrinkagePct/100); calc.CeilWhole(scheduled) > MaxAgents {
		return 0, &InputError{Flag: "--shrinkage", Message: fmt.Sprintf(
			"%d agents at %s %% shrinkage means scheduling more than connectcap sizes (%d agents); lower the shrinkage",
			agents, input.Format(in.ShrinkagePct), MaxAgents)}
	}
	return calc.ScheduledAgents(agents, in.ShrinkagePct/100), nil
}

// Channel is one channel's contacts for staffing: PerHour contacts of AHTSeconds
// each, Concurrency of them handled by one agent at once (chats; 1 otherwise).
type Channel struct {
	Name        string // voice, chat, task, email
	PerHour     float64
	AHTSeconds  float64
	Concurrency float64
	// AnswerWithinSeconds, when more than 0, is this channel's own answer time in
	// place of the targets' (emails wait for hours, not seconds).
	AnswerWithinSeconds float64
}

// Roster is the agents a set of channels needs.
type Roster struct {
	PerChannel []int // agents taking contacts, per channel in order
	Agents     int   // their sum
	Scheduled  int   // agents to schedule, after shrinkage
}

// StaffChannels sizes each channel's agents with Erlang C at the service level
// and occupancy targets of t (its CallsPerHour and AHTSeconds are not used, and a
// channel may give its own answer time) and schedules their sum after
// shrinkage. Channels are staffed separately and summed:
// agents are not pooled across channels, a conservative choice. A channel with
// Concurrency c is c times fewer erlangs per agent slot.
func StaffChannels(t Agents, channels []Channel) (Roster, error) {
	var r Roster
	for _, ch := range channels {
		in := t
		in.CallsPerHour, in.AHTSeconds, in.Given = ch.PerHour/ch.Concurrency, ch.AHTSeconds, 0
		if ch.AnswerWithinSeconds > 0 {
			in.AnswerWithinSeconds = ch.AnswerWithinSeconds
		}
		if err := in.validate(); err != nil {
			return Roster{}, err
		}
		load := in.CallsPerHour * in.AHTSeconds / 3600
		if err := checkLoad("--cph", ch.PerHour, load); err != nil {
			return Roster{}, err
		}
		n, _, err := in.agentsFor(load)
		if err != nil {
			return Roster{}, err
		}
		r.PerChannel = append(r.PerChannel, n)
		r.Agents += n
	}
	var err error
	if r.Scheduled, err = t.schedule(r.Agents); err != nil {
		return Roster{}, err
	}
	return r, nil
}

// validate rejects inputs the model cannot take, naming the flag to change; the
// command line checks the same ranges first, this guards other callers.
func (in Agents) validate() error {
	bad := func(flag string, v float64, k input.Kind) error {
		return &InputError{Flag: flag, Message: fmt.Sprintf("%s is out of range; accepted: %s", input.Format(v), k.Accepted())}
	}
	// An if per input rather than a switch: Go's coverage profile leaves a
	// switch's case expressions outside every block, so tools that read it
	// (gremlins) count them as never run.
	if !input.PerHour.In(in.CallsPerHour) {
		return bad("--cph", in.CallsPerHour, input.PerHour.Named("calls per hour"))
	}
	if !input.Duration.In(in.AHTSeconds / 60) {
		return bad("--aht", in.AHTSeconds/60, input.Duration.Named("an average handle time in minutes"))
	}
	if !input.Duration.In(in.AnswerWithinSeconds / 60) {
		return bad("--answer-within", in.AnswerWithinSeconds/60, input.Duration.Named("an answer time in minutes"))
	}
	if in.ServiceLevelPct == 0 && in.Given <= 0 {
		return &InputError{Flag: "--service-level", Message: "a service level target is needed to size agents; give one, or give --agents to evaluate"}
	}
	if in.ServiceLevelPct != 0 && !input.ServiceLevel.In(in.ServiceLevelPct) {
		return bad("--service-level", in.ServiceLevelPct, input.ServiceLevel)
	}
	if !input.Shrinkage.In(in.ShrinkagePct) {
		return bad("--shrinkage", in.ShrinkagePct, input.Shrinkage)
	}
	if !input.MaxOccupancy.In(in.MaxOccupancyPct) {
		return bad("--max-occupancy", in.MaxOccupancyPct, input.MaxOccupancy)
	}
	if in.Given > MaxAgents {
		return bad("--agents", float64(in.Given), input.Count.From(1).To(MaxAgents).Named("a number of agents"))
	}
	return nil
}

// tooManyAgents is the error when the search for agents passes MaxAgents. Only the
// occupancy target can ask for that many: loads stop at MaxLoadErlangs, a tenth of
// MaxAgents, and the hardest service level accepted (just under 100 % within 1 s
// of a 7-day handle time) is met at 1,000,000 erlangs by 1,008,173 agents.
func (in Agents) tooManyAgents(load float64) error {
	return &InputError{Flag: "--max-occupancy", Message: fmt.Sprintf(
		"keeping %s erlangs at or below %s %% occupancy needs more than %d agents, more than connectcap sizes; raise the maximum occupancy",
		trim(load), input.Format(in.MaxOccupancyPct), MaxAgents)}
}

// SizeAgents sizes (or, with Given, evaluates) agents with Erlang C and checks the
// scheduled agents against users per instance.
func SizeAgents(in Agents) (*report.Result, error) {
	s, err := Staff(in)
	if err != nil {
		return nil, err
	}
	r := report.New("agents", "Agents for a service level (connectcap agents)")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "calls per hour", "")
	r.Inputs.Add("aht_seconds", in.AHTSeconds, "average handle time", "seconds")
	r.Inputs.Add("answer_within_seconds", in.AnswerWithinSeconds, "answer within", "seconds")
	var target any
	if in.ServiceLevelPct > 0 {
		target = in.ServiceLevelPct
	}
	r.Inputs.Add("service_level_target_pct", target, "service level target", "%")
	r.Inputs.Add("shrinkage_pct", in.ShrinkagePct, "shrinkage", "%")
	r.Inputs.Add("max_occupancy_pct", in.MaxOccupancyPct, "maximum occupancy", "%")
	if in.Given > 0 {
		r.Inputs.Add("agents", in.Given, "agents evaluated", "")
	}
	in.addInputs(&r.Inputs)

	// JSON cannot encode an unbounded wait: it is null, and the note says why.
	var asa any
	if !math.IsInf(s.ASASeconds, 1) {
		asa = s.ASASeconds
	}
	r.Figures.Add("offered_load_erlangs", s.OfferedLoadErlangs, "offered load", "erlangs")
	r.Figures.Add("agents", s.Agents, "agents taking calls", "")
	r.Figures.Add("scheduled_agents", s.ScheduledAgents, "agents to schedule, after shrinkage", "")
	r.Figures.Add("service_level_pct", s.ServiceLevel*100, "service level, answered within "+seconds(in.AnswerWithinSeconds), "%")
	r.Figures.Add("probability_of_waiting", s.ProbabilityOfWaiting, "probability a call waits", "")
	r.Figures.Add("asa_seconds", asa, "average speed of answer", "seconds")
	r.Figures.Add("occupancy_pct", s.Occupancy*100, "occupancy", "%")

	users := float64(s.ScheduledAgents)
	if in.RosterFactor > 0 {
		users = calc.CeilWhole(users * in.RosterFactor)
		r.Figures.Add("agent_accounts", users, "agent user accounts (scheduled agents x roster factor)", "")
	}
	r.Checks = append(r.Checks, in.Check("connect.users", users, in.note(s)))
	return r, nil
}

// note explains an overload and a missed target, then what the users check counts.
func (in Agents) note(s Staffing) string {
	var parts []string
	if s.Overloaded {
		parts = append(parts, fmt.Sprintf(
			"Overloaded: %d agents cannot carry %s erlangs; the queue grows without end, so every call waits, the service level is 0 and the average speed of answer has no bound (asa_seconds null). At least %d agents are needed for the queue to empty.",
			s.Agents, trim(s.OfferedLoadErlangs), int(math.Floor(s.OfferedLoadErlangs))+1))
	}
	if in.Given > 0 && s.AgentsForTarget > 0 {
		targets := fmt.Sprintf("%s %% answered within %s", input.Format(in.ServiceLevelPct), seconds(in.AnswerWithinSeconds))
		if in.MaxOccupancyPct < 100 {
			targets += fmt.Sprintf(" at occupancy up to %s %%", input.Format(in.MaxOccupancyPct))
		}
		// Service level grows and occupancy falls with agents, so the given agents
		// meet the targets exactly when they are at least the fewest that do.
		// (if, not switch: gremlins sees no coverage of case expressions.)
		if in.Given > s.AgentsForTarget {
			parts = append(parts, fmt.Sprintf("%d agents meet %s; %d would be enough.", in.Given, targets, s.AgentsForTarget))
		} else if in.Given < s.AgentsForTarget {
			parts = append(parts, fmt.Sprintf("Short of target: %s needs %d agents.", targets, s.AgentsForTarget))
		}
	}
	if in.RosterFactor > 0 {
		parts = append(parts, fmt.Sprintf("Users from the roster: %d agents scheduled at the peak x roster factor %s; supervisors, administrators and other users count against this quota too.", s.ScheduledAgents, input.Format(in.RosterFactor)))
	} else {
		parts = append(parts, "Counts the agents scheduled at the peak only (no --roster-factor): agents on other shifts, supervisors, administrators and other users count against this quota too.")
	}
	return strings.Join(parts, " ")
}

// seconds writes a duration in seconds for people: 20 s.
func seconds(v float64) string { return input.Format(v) + " s" }

// plain writes an input as given: no exponent, no rounding.

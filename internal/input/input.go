// Package input declares each kind of value connectcap reads — counts, rates,
// durations, shares, percentages, probabilities, quota values, Regions, choices and
// names — once: its bounds, how it is parsed, what an error says is accepted, and
// its JSON Schema fragment. Flags, the environment, config files and plan files all
// read values through it, so they accept the same things and say the same.
package input

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Error is a rejected value: what is wrong with it and what is accepted. The caller
// names where the value came from (flag, environment variable, config key, plan
// file and key) and the value as typed.
type Error struct {
	Problem  string // "too large"; a question ("did you mean 85?") ends with '?'
	Accepted string
}

func (e *Error) Error() string {
	if strings.HasSuffix(e.Problem, "?") {
		return e.Problem + " accepted: " + e.Accepted
	}
	return e.Problem + "; accepted: " + e.Accepted
}

// form is how a kind's value is written.
type form int

const (
	plain    form = iota // a decimal number
	percent              // 85, 85% or 85 %; a value below 1 needs the '%'
	share                // 0.25 or 25%; a value above 1 needs the '%'
	duration             // minutes as a number, or 90s, 6m30s, 1.5h, 2d
)

// Kind is one kind of number with its bounds. Values of a kind are made with its
// methods (From, Below, Named, ...), which narrow the bounds but keep the parsing,
// the messages and the schema of the declaration.
type Kind struct {
	name             string // the declaration: "count", "percent", ...
	what             string // what the value is, for messages: "calls per hour"
	noun             string // "a whole number", "a percentage"
	form             form
	min, max         float64
	minOpen, maxOpen bool // the bound itself is not accepted
	whole            bool
}

// The declarations. Their upper bounds are where a number stops being a contact
// center and becomes a typo.
var (
	// Count is a whole number of things: agents, queues, speakers.
	Count = Kind{name: "count", noun: "a whole number", min: 0, max: 1e9, whole: true}
	// Amount is any other number: days, megabytes.
	Amount = Kind{name: "number", noun: "a number", min: 0, max: 1e9}
	// Rate is contacts or requests per hour, minute or second.
	Rate = Kind{name: "rate", noun: "a number", min: 0, max: 1e7}
	// Limit is an applied (or requested) quota value.
	Limit = Kind{name: "limit", noun: "a quota value", min: 0, minOpen: true, max: 1e6}
	// Duration is a length of time, held in minutes.
	Duration = Kind{name: "duration", noun: "a duration", form: duration, min: unitMinutes("s"), max: days(7)}
	// Share is a fraction of a whole, from 0 to 1.
	Share = Kind{name: "share", noun: "a share", form: share, min: 0, max: 1}
	// Percent is a percentage, from 0 to 100.
	Percent = Kind{name: "percent", noun: "a percentage", form: percent, min: 0, max: 100}
	// Probability is a probability written as a plain number.
	Probability = Kind{name: "probability", noun: "a number", min: 0, max: 1}
)

// The instances with bounds of their own, shared by the flags and the plan file.
var (
	// PerHour is a contact rate that a calculation needs to be positive.
	PerHour = Rate.Above(0)
	// ServiceLevel: 100 % needs infinitely many agents.
	ServiceLevel = Percent.From(1).Below(100)
	// Shrinkage: 100 % leaves no agent.
	Shrinkage = Percent.Below(100)
	// MaxOccupancy: at least 1 %.
	MaxOccupancy = Percent.From(1)
	// TargetUtilization is where a check warns and recommended values are sized.
	TargetUtilization = Percent.From(1)
	// Blocking is the Erlang B blocking target.
	Blocking = Probability.From(1e-9).To(0.5).Named("a blocking probability")
	// Concurrency is chats one agent handles at once.
	Concurrency = Count.From(1).Named("chats per agent")
	// EmailActive is how long an email stays active in Connect, from arrival (or
	// from when an agent starts composing) to its end. Emails outlive calls, chats
	// and tasks, so it goes past Duration's 7 days, to the longest the active email
	// contact expiry can be customized to on the quotas page: 90 days (14 by
	// default). No email stays active longer.
	EmailActive = Duration.To(days(90)).Named("the time an email stays active, at most the longest active email contact expiry")
	// ScheduleAheadDays is how far ahead tasks are scheduled: ten years at most.
	ScheduleAheadDays = Amount.To(3650).Named("days")
	// RosterFactor is agent user accounts per agent scheduled at the peak.
	RosterFactor = Amount.From(1).To(100).Named("agent accounts per agent scheduled at the peak")
	// LookBack is how far back CloudWatch is read for observed peaks: up to its
	// hourly retention, 455 days.
	LookBack = Duration.To(days(455)).Named("the look-back of the observed peaks")
	// Growth scales forecast volumes: 15% is 1.15 times; -100 % would leave no
	// traffic, ten times more is a typo.
	Growth = Percent.Above(-100).To(1000).Named("a growth in percent")
	// PostCallFactor is a post-call analytics job's length per minute of call:
	// the page estimates 0.4.
	PostCallFactor = Amount.Above(0).To(10).Named("minutes of post-call job per minute of call")
	// AppliedValue is a plan's applied quota value: 0 is one (concurrent campaign
	// calls and external voice connectors start at 0, and an account can be held
	// at 0), up to a million.
	AppliedValue = Kind{name: "limit", noun: "a quota value", min: 0, max: 1e6}
	// AppliedLimit is a flag's applied quota value: whole, at least 1.
	AppliedLimit = Limit.From(1).Whole().Named("the applied quota value")
)

// Named says what the value is, in messages.
func (k Kind) Named(what string) Kind { k.what = what; return k }

// From sets an inclusive lower bound.
func (k Kind) From(min float64) Kind { k.min, k.minOpen = min, false; return k }

// Above sets an exclusive lower bound.
func (k Kind) Above(min float64) Kind { k.min, k.minOpen = min, true; return k }

// To sets an inclusive upper bound.
func (k Kind) To(max float64) Kind { k.max, k.maxOpen = max, false; return k }

// Below sets an exclusive upper bound.
func (k Kind) Below(max float64) Kind { k.max, k.maxOpen = max, true; return k }

// Whole accepts whole numbers only.
func (k Kind) Whole() Kind { k.whole = true; return k }

// Name is the declaration the kind comes from: "count", "percent", "duration".
func (k Kind) Name() string { return k.name }

// What is what the value is, for messages; "" when not named.
func (k Kind) What() string { return k.what }

// IsDuration reports whether the kind is a duration (held in minutes).
func (k Kind) IsDuration() bool { return k.form == duration }

// Bounds gives the accepted range: lo and hi, and whether each is itself excluded.
func (k Kind) Bounds() (lo, hi float64, loOpen, hiOpen bool) {
	return k.min, k.max, k.minOpen, k.maxOpen
}

// IsWhole reports whether only whole numbers are accepted.
func (k Kind) IsWhole() bool { return k.whole }

// In reports whether v is within the kind's bounds (and whole where it must be).
func (k Kind) In(v float64) bool {
	if math.IsNaN(v) || v < k.min || v > k.max || (k.minOpen && v == k.min) || (k.maxOpen && v == k.max) {
		return false
	}
	return !k.whole || v == math.Trunc(v)
}

// Accepted says what the kind accepts, for messages: "a percentage from 1 to less
// than 100, as 80 or 80%".
func (k Kind) Accepted() string {
	var s string
	if k.form == duration {
		s = fmt.Sprintf("a duration from %s to %s: %s", FormatMinutes(k.min), FormatMinutes(k.max), DurationForms)
	} else {
		noun := k.noun
		if k.whole {
			noun = "a whole number"
		}
		s = noun + " " + k.rangeText()
		switch k.form {
		case percent:
			s += ", as 80 or 80%"
		case share:
			s += ", as 0.25 or 25%"
		}
	}
	if k.what != "" && k.what != k.noun {
		s = k.what + ", " + s
	}
	return s
}

func (k Kind) rangeText() string {
	lo, hi := Format(k.min), Format(k.max)
	if k.minOpen && k.maxOpen {
		return "greater than " + lo + " and less than " + hi
	}
	if k.minOpen {
		return "greater than " + lo + " and at most " + hi
	}
	if k.maxOpen {
		return "at least " + lo + " and less than " + hi
	}
	return "at least " + lo + " and at most " + hi
}

// Parse reads a value as typed on the command line, in the environment or in a
// config file: any of the kind's forms.
func (k Kind) Parse(s string) (float64, error) {
	v, problem := k.parse(s)
	if problem != "" {
		return 0, &Error{Problem: problem, Accepted: k.Accepted()}
	}
	return v, nil
}

// ParseString reads a plan file's string value (YAML "85%", JSON "6m30s"): only
// the forms that are not plain numbers, so that a quoted "85" is no more accepted
// than the JSON Schema accepts it.
func (k Kind) ParseString(s string) (float64, error) {
	if _, pct := cutPercent(s); k.form == duration || (pct && (k.form == percent || k.form == share)) {
		return k.Parse(s)
	}
	problem := "a number in quotes; write it without quotes"
	if _, p := Number(s); p != "" {
		problem = p
	}
	return 0, &Error{Problem: problem, Accepted: k.Accepted()}
}

// blanks are the spaces a value may carry around it: the JSON Schema's \s.
const blanks = " \t\n\f\r"

func trim(s string) string { return strings.Trim(s, blanks) }

// cutPercent removes a trailing '%' (and blanks around it).
func cutPercent(s string) (string, bool) {
	t := trim(s)
	if n, ok := strings.CutSuffix(t, "%"); ok {
		return trim(n), true
	}
	return t, false
}

func (k Kind) parse(s string) (float64, string) {
	var v float64
	var problem string
	switch k.form {
	case duration:
		v, problem = Minutes(s)
		if problem != "" {
			return 0, problem
		}
		if v <= 0 {
			return 0, "must be greater than 0"
		}
		if v < k.min && k.min == 1.0/60 {
			return 0, "shorter than a second"
		}
		if v < k.min {
			return 0, "too short"
		}
		if v > k.max {
			return 0, "too long"
		}
		return v, ""
	case percent, share:
		num, pct := cutPercent(s)
		if pct {
			if !percentNumber.MatchString(num) {
				return 0, "not a number"
			}
			v, problem = Number(num)
			if k.form == share {
				v /= 100
			}
		} else {
			v, problem = Number(num)
			if problem == "" {
				if p := k.otherScale(v); p != "" {
					return 0, p
				}
			}
		}
	default:
		v, problem = Number(s)
	}
	if problem != "" {
		return 0, problem
	}
	if k.whole && v != math.Trunc(v) {
		return 0, "not a whole number"
	}
	if v < k.min || (k.minOpen && v == k.min) {
		return 0, "too small"
	}
	if v > k.max || (k.maxOpen && v == k.max) {
		return 0, "too large"
	}
	return v, ""
}

// otherScale catches a share written for a percentage and the other way round: a
// percentage below 1 or a share above 1, written without '%', where the other
// reading is in range.
func (k Kind) otherScale(v float64) string {
	if k.form == percent && v > 0 && v < 1 {
		if s := v * 100; k.In(s) {
			shown := Format(s)
			if s < 1 {
				shown += "%"
			}
			return "a percent, not a share; did you mean " + shown + "?"
		}
	} else if k.form == share && v > 1 {
		if s := v / 100; k.In(s) {
			return fmt.Sprintf("a share, not a percent; did you mean %s (%s%%)?", Format(s), Format(v))
		}
	}
	return ""
}

// String shows a value of the kind so that Parse reads it back as the same value.
func (k Kind) String(v float64) string {
	if k.form == percent && v > 0 && v < 1 {
		return Format(v) + "%"
	}
	return Format(v)
}

// plainNumber is a decimal number: no hex, no digit grouping, no NaN or Inf.
var plainNumber = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// percentNumber is the number before a '%': digits only, as the schema's pattern.
var percentNumber = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)$`)

// Number parses a plain decimal number. problem is empty on success, else says
// what is wrong.
func Number(s string) (v float64, problem string) {
	t := trim(s)
	if !plainNumber.MatchString(t) {
		if strings.ContainsAny(t, ",_") && plainNumber.MatchString(strings.NewReplacer(",", "", "_", "").Replace(t)) {
			return 0, "digit grouping is not accepted, write the digits only"
		}
		return 0, "not a number"
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, "out of range"
	}
	return v + 0, "" // + 0 turns -0 into 0
}

// durationPart is one number with its unit; a duration is one or more of them.
var (
	durationRE   = regexp.MustCompile(`^[+-]?((\d+\.?\d*|\.\d+)(ns|us|µs|ms|[dhms]))+$`)
	durationPart = regexp.MustCompile(`(\d+\.?\d*|\.\d+)(ns|us|µs|ms|[dhms])`)
)

// unitMinutes is the minutes in one of a duration's units.
func unitMinutes(unit string) float64 {
	switch unit {
	case "ns":
		return 1.0 / 60e9
	case "us", "µs":
		return 1.0 / 60e6
	case "ms":
		return 1.0 / 60000
	case "s":
		return 1.0 / 60
	case "h":
		return 60
	case "d":
		return 1440
	}
	return 1 // "m", the only other unit durationPart matches
}

// days is n days in minutes. The declarations above use it (and unitMinutes)
// rather than arithmetic, which Go's coverage does not see in a package-level
// initialiser.
func days(n float64) float64 { return n * unitMinutes("d") }

// Minutes parses a duration into minutes: a plain number is minutes; numbers with
// units (90s, 10m, 1.5h, 2d, 1h30m; ms, us and ns too) also work.
func Minutes(s string) (minutes float64, problem string) {
	t := trim(s)
	if v, p := Number(t); p == "" {
		return v, ""
	}
	if !durationRE.MatchString(t) {
		return 0, "not a duration"
	}
	for _, m := range durationPart.FindAllStringSubmatch(t, -1) {
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, "out of range"
		}
		minutes += v * unitMinutes(m[2])
	}
	if math.IsInf(minutes, 0) {
		return 0, "out of range"
	}
	if t[0] == '-' {
		minutes = -minutes
	}
	return minutes + 0, ""
}

// IsPlainNumber reports whether s is a bare number (a duration read as minutes).
func IsPlainNumber(s string) bool {
	_, p := Number(s)
	return p == ""
}

// DurationForms describes the accepted duration forms, for error messages.
const DurationForms = "minutes as a plain number (7.5) or with a unit (90s, 10m, 1.5h, 1h30m, 2d)"

// Format writes a number as machines read it: every digit, no exponent (as
// render.Raw).
func Format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// FormatMinutes writes minutes in the largest whole unit: 7d, 2h, 90m, 1s.
func FormatMinutes(m float64) string {
	if m >= 1440 && math.Mod(m, 1440) == 0 {
		return Format(m/1440) + "d"
	}
	if m >= 60 && math.Mod(m, 60) == 0 {
		return Format(m/60) + "h"
	}
	if m == 1.0/60 {
		return "1s"
	}
	return Format(m) + "m"
}

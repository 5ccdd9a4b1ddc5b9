package report

import (
	"math"

	"github.com/connectcap/connectcap/calc"
)

// Status grades a check.
type Status string

const (
	OK        Status = "ok"         // at or below the target utilization
	Warn      Status = "warn"       // above the target, up to 100 %
	Increase  Status = "increase"   // above 100 % on a quota that can be raised
	HardLimit Status = "hard-limit" // above 100 % on a quota that cannot
	// Untouch marks a catalogue row listed for completeness (plan --all) that
	// nothing the user gave touches: it is neither sized nor graded.
	Untouch Status = "untouched"
)

// Statuses lists the statuses from the least to the most severe.
var Statuses = []Status{Untouch, OK, Warn, Increase, HardLimit}

// Severity orders statuses: untouched and ok 0, warn 1, increase 2, hard-limit 3.
func (s Status) Severity() int {
	switch s {
	case Warn:
		return 1
	case Increase:
		return 2
	case HardLimit:
		return 3
	}
	return 0
}

// NeedsAction reports whether a check asks for a request or a redesign.
func (s Status) NeedsAction() bool { return s == Increase || s == HardLimit }

// targetSlack absorbs float64 noise when comparing a need with a share of its
// limit, so that a need of exactly 80 % of a limit is at the target.
const targetSlack = 1e-12

// MeetsTarget reports whether required sits at or below targetPct percent of limit.
func MeetsTarget(required, limit, targetPct float64) bool {
	return required*100 <= targetPct*limit*(1+targetSlack)
}

// Grade returns the status of a need of required against limit: ok at or below
// the target utilization, warn above it up to the limit, and over the limit
// increase or hard-limit by whether the quota can be raised.
func Grade(required, limit, targetPct float64, canRaise bool) Status {
	if required > limit {
		if canRaise {
			return Increase
		}
		return HardLimit
	}
	if !MeetsTarget(required, limit, targetPct) {
		return Warn
	}
	return OK
}

// Utilization is required as a percentage of limit, or nil when no percentage
// exists: something is required of a limit of 0 (concurrent campaign calls and
// external voice connectors default to 0, a quota that must be raised before
// anything runs). Its grade is still increase or hard-limit; JSON and YAML write
// null, CSV an empty cell and the people's views "-". Nothing required of a limit
// of 0 uses none of it: 0 %.
func Utilization(required, limit float64) *float64 {
	u := 0.0
	if limit > 0 {
		u = required * 100 / limit
	} else if required > 0 {
		return nil
	}
	return &u
}

// Recommended is the value to request: the smallest whole quota at which required
// sits at or below targetPct percent of it, ceil(required × 100 / targetPct)
// (200 at 80 % → 250), and at least 1. It is nil when the quota cannot be raised
// or when the current limit already meets the target.
func Recommended(required, limit, targetPct float64, canRaise bool) *float64 {
	if !canRaise || MeetsTarget(required, limit, targetPct) {
		return nil
	}
	v := math.Max(1, calc.CeilWhole(required*100/targetPct))
	return &v
}

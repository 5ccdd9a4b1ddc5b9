// Package parse reads the numbers and durations planners type, on the command line
// and in plan files alike.
package parse

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// plainNumber is a decimal number: no hex, no digit grouping, no NaN or Inf.
var plainNumber = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// Number parses a plain decimal number. problem is empty on success, else says
// what is wrong.
func Number(s string) (v float64, problem string) {
	t := strings.TrimSpace(s)
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

// unitDuration is a number with one unit, read here rather than by
// time.ParseDuration so that values past its ±292-year range are "too long", not
// "not a duration".
var unitDuration = regexp.MustCompile(`^(\d+\.?\d*|\.\d+)(s|m|h|d)$`)

var unitMinutes = map[string]float64{"s": 1.0 / 60, "m": 1, "h": 60, "d": 1440}

// Minutes parses a duration into minutes: a plain number is minutes; a number with
// a unit (90s, 10m, 1.5h, 2d) or a Go duration (1h30m) also works.
func Minutes(s string) (minutes float64, problem string) {
	t := strings.TrimSpace(s)
	if v, p := Number(t); p == "" {
		return v, ""
	}
	if m := unitDuration.FindStringSubmatch(t); m != nil {
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, "out of range"
		}
		return v * unitMinutes[m[2]], ""
	}
	if d, err := time.ParseDuration(t); err == nil {
		return d.Minutes(), ""
	}
	return 0, "not a duration"
}

// DurationForms describes the accepted duration forms, for error messages.
const DurationForms = "minutes as a plain number (7.5) or with a unit (90s, 10m, 1.5h, 1h30m, 2d)"

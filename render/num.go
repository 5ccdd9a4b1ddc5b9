package render

import (
	"fmt"
	"github.com/connectcap/connectcap/internal/input"
	"math"
	"strconv"
	"strings"
)

// The two number formatters: Raw for machines, Human for people. Nothing else in
// connectcap formats a number.

// Raw formats a number for machines: shortest exact decimal, no exponent, no
// grouping. It is input.Format, the one machine formatter, which the input
// messages below render need too.
func Raw(v float64) string { return input.Format(v) }

// Human formats a number for people: whole numbers as they are, others with two
// decimals, or four significant digits below one (an exponent below 0.0001). No
// grouping, so the figures paste back into flags.
func Human(v float64) string {
	if math.IsInf(v, 1) {
		return "unbounded"
	}
	if math.IsNaN(v) {
		return "n/a"
	}
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	if math.Abs(v) < 1e-4 {
		return strconv.FormatFloat(v, 'e', 3, 64)
	}
	// e is the power of ten of the first digit: from 1 up, two decimals; below,
	// 3 − e decimals leave four significant digits.
	decimals := 2
	if e := int(math.Floor(math.Log10(math.Abs(v)))); e < 0 {
		decimals = 3 - e
	}
	return trimZeros(strconv.FormatFloat(v, 'f', decimals, 64))
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// HumanValue formats any field value for people.
func HumanValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case float64:
		return Human(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// pctText shows a utilization with one decimal, never rounding a need over the
// limit down to 100.0 %.
func pctText(u float64) string {
	if math.IsInf(u, 1) {
		return "unbounded"
	}
	if u > 100 {
		u = math.Max(u, 100.1)
	}
	return strconv.FormatFloat(u, 'f', 1, 64) + " %"
}

// withUnit joins a value and its unit for people; counts go bare.
func withUnit(value, unit string) string {
	switch unit {
	case "", "count":
		return value
	case "%":
		return value + " %"
	}
	if value == "1" {
		// One of a plural unit reads in the singular: 1 request/second, 1 day.
		if one, ok := singular[unit]; ok {
			unit = one
		}
	}
	return value + " " + unit
}

// singular are the plural units' forms for one.
var singular = map[string]string{"requests/second": "request/second", "requests": "request", "days": "day", "minutes": "minute", "seconds": "second", "characters": "character"}

// shortUnits are the abbreviations a narrow table uses.
var shortUnits = map[string]string{"requests/second": "req/s", "seconds": "s", "minutes": "min", "requests": "req", "characters": "chars", "snapshots/day": "/day"}

func shortUnit(unit string) string {
	if s, ok := shortUnits[unit]; ok {
		return s
	}
	return unit
}

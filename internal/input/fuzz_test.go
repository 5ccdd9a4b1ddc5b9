package input

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// fuzzKinds are the declarations and the instances with bounds of their own.
var fuzzKinds = []Kind{Count, Amount, Rate, Limit, Duration, Share, Percent, Probability,
	PerHour, ServiceLevel, Shrinkage, MaxOccupancy, TargetUtilization, Blocking, Concurrency, AppliedLimit, ScheduleAheadDays}

// FuzzKindParse: what Parse accepts is in bounds and reads back from String; a
// plan's string form is accepted exactly when the schema's pattern matches it
// (durations excepted: their pattern holds the form, not the bounds).
func FuzzKindParse(f *testing.F) {
	for _, s := range []string{"0", "85", "85%", "85 %", " 85% ", "0.85", "0.5%", "100%", "100", "99.99%", "-0%", "+5%",
		"25%", "25", "0.25", "1e2%", "1e-9", "6m30s", "90s", "-1h", "+1h", "7d", "8d", "500ms", "1.5h", "00.5%", ".5%", "5.%",
		"100.0%", "100.00001%", "099%", "%", "", "NaN", "1,000", "\t1\n", "\v1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range fuzzKinds {
			v, err := k.Parse(s)
			if err != nil {
				if msg := err.Error(); !strings.Contains(msg, "accepted: ") || strings.ContainsAny(msg, "\n\r") {
					t.Fatalf("%s.Parse(%q): %q is not one line saying what is accepted", k.name, s, msg)
				}
			} else {
				if !k.In(v) || math.IsNaN(v) || math.Signbit(v) && v == 0 {
					t.Fatalf("%s.Parse(%q) = %v, outside %s", k.name, s, v, k.Accepted())
				}
				if back, err := k.Parse(k.String(v)); err != nil || back != v {
					t.Fatalf("%s.Parse(%q) = %v, shown %q, reads back %v, %v", k.name, s, v, k.String(v), back, err)
				}
			}
			if k.form != percent && k.form != share {
				continue
			}
			sch := k.Schema()["anyOf"].([]any)[1].(map[string]any)
			re := regexp.MustCompile(sch["pattern"].(string))
			_, perr := k.ParseString(s)
			if (perr == nil) != re.MatchString(s) {
				// float64 rounding: a long fraction next to a bound reads as the bound.
				if n, pct := cutPercent(s); pct && len(n) > 15 {
					continue
				}
				t.Fatalf("%s: ParseString(%q) error %v, but the schema pattern matches: %v", k.name, s, perr, re.MatchString(s))
			}
		}
	})
}

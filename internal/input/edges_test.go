package input

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// The boundaries of each kind, the accessors the flags and the plan schema read,
// and every schema fragment, written out by hand from the declarations.

func TestKindAccessors(t *testing.T) {
	if Percent.Name() != "percent" || Duration.Name() != "duration" || Blocking.Name() != "probability" {
		t.Errorf("Name: %q %q %q", Percent.Name(), Duration.Name(), Blocking.Name())
	}
	if Percent.What() != "" || Blocking.What() != "a blocking probability" {
		t.Errorf("What: %q %q", Percent.What(), Blocking.What())
	}
	if !Duration.IsDuration() || Percent.IsDuration() || Count.IsDuration() {
		t.Error("IsDuration")
	}
	if !Count.IsWhole() || !AppliedLimit.IsWhole() || Limit.IsWhole() || Percent.IsWhole() {
		t.Error("IsWhole")
	}
	for _, tc := range []struct {
		k              Kind
		lo, hi         float64
		loOpen, hiOpen bool
	}{
		{Percent, 0, 100, false, false}, {ServiceLevel, 1, 100, false, true}, {Limit, 0, 1e6, true, false},
		{PerHour, 0, 1e7, true, false}, {Duration, 1.0 / 60, 7 * 1440, false, false}, {Blocking, 1e-9, 0.5, false, false},
	} {
		lo, hi, loOpen, hiOpen := tc.k.Bounds()
		if lo != tc.lo || hi != tc.hi || loOpen != tc.loOpen || hiOpen != tc.hiOpen {
			t.Errorf("%s.Bounds() = %v %v %v %v, want %v %v %v %v", tc.k.name, lo, hi, loOpen, hiOpen, tc.lo, tc.hi, tc.loOpen, tc.hiOpen)
		}
	}
}

func TestKindIn(t *testing.T) {
	for _, tc := range []struct {
		k    Kind
		v    float64
		want bool
	}{
		{Percent, 0, true}, {Percent, 100, true}, {Percent, -0.1, false}, {Percent, 100.0001, false}, {Percent, math.NaN(), false},
		{Limit, 0, false}, {Limit, 1e-9, true}, {Limit, 1e6, true},
		{ServiceLevel, 100, false}, {ServiceLevel, 99.99, true}, {ServiceLevel, 1, true}, {ServiceLevel, 0.99, false},
		{Count, 2, true}, {Count, 1.5, false}, {Count, 1e9, true}, {Count, 1e9 + 1, false},
	} {
		if got := tc.k.In(tc.v); got != tc.want {
			t.Errorf("%s.In(%v) = %v, want %v", tc.k.name, tc.v, got, tc.want)
		}
	}
}

func TestKindParseEdges(t *testing.T) {
	for _, tc := range []struct {
		k       Kind
		in      string
		want    float64
		problem string // the whole message; "" when accepted
	}{
		// 1 is a percentage of 1, not a share of 100 %.
		{Percent, "1", 1, ""},
		// A share of 0.01 is 1 %, written without the '%' it does not need.
		{Percent, "0.01", 0, "a percent, not a share; did you mean 1? accepted: a percentage at least 0 and at most 100, as 80 or 80%"},
		{Percent, "0.005", 0, "a percent, not a share; did you mean 0.5%? accepted: a percentage at least 0 and at most 100, as 80 or 80%"},
		// 1 is a whole share; 1.5 is a percent too small for its form.
		{Share, "1", 1, ""},
		{Share, "1.5", 0, "a share, not a percent; did you mean 0.015 (1.5%)? accepted: a share at least 0 and at most 1, as 0.25 or 25%"},
		// Durations: the bounds themselves are accepted.
		{Duration, "1s", 1.0 / 60, ""}, {Duration, "10080", 10080, ""},
		{Duration, "10081", 0, "too long; accepted: a duration from 1s to 7d: " + DurationForms},
		{Duration.From(1), "1m", 1, ""},
		{Duration.From(1), "30s", 0, "too short; accepted: a duration from 1m to 7d: " + DurationForms},
		{Duration.From(1), "0.5s", 0, "too short; accepted: a duration from 1m to 7d: " + DurationForms},
		{Limit, "1000000", 1e6, ""},
		{Limit, "1000000.5", 0, "too large; accepted: a quota value greater than 0 and at most 1000000"},
		{ServiceLevel, "1", 1, ""},
		{Count, "2.5", 0, "not a whole number; accepted: a whole number at least 0 and at most 1000000000"},
	} {
		v, err := tc.k.Parse(tc.in)
		switch {
		case tc.problem == "" && (err != nil || math.Abs(v-tc.want) > 1e-12*tc.want):
			t.Errorf("%s.Parse(%q) = %v, %v; want %v", tc.k.name, tc.in, v, err, tc.want)
		case tc.problem != "" && (err == nil || err.Error() != tc.problem):
			t.Errorf("%s.Parse(%q) = %v, %v;\nwant the error %q", tc.k.name, tc.in, v, err, tc.problem)
		}
	}
}

// A plan's quoted number is refused for being quoted, unless it is no number at
// all.
func TestParseStringMessages(t *testing.T) {
	const accepted = "; accepted: a whole number at least 0 and at most 1000000000"
	for in, want := range map[string]string{
		"5":     "a number in quotes; write it without quotes" + accepted,
		"five":  "not a number" + accepted,
		"1,000": "digit grouping is not accepted, write the digits only" + accepted,
	} {
		if _, err := Count.ParseString(in); err == nil || err.Error() != want {
			t.Errorf("Count.ParseString(%q) = %v, want %q", in, err, want)
		}
	}
	if v, err := Share.ParseString("25%"); err != nil || v != 0.25 {
		t.Errorf(`Share.ParseString("25%%") = %v, %v`, v, err)
	}
	if _, err := Share.ParseString("0.25"); err == nil {
		t.Error(`Share.ParseString("0.25") accepted`)
	}
}

func TestKindString(t *testing.T) {
	for _, tc := range []struct {
		k    Kind
		v    float64
		want string
	}{
		{Percent, 0, "0"}, {Percent, 0.5, "0.5%"}, {Percent, 1, "1"}, {Percent, 85, "85"},
		{Share, 0.25, "0.25"}, {Count, 1e9, "1000000000"}, {Blocking, 1e-9, "0.000000001"},
	} {
		if got := tc.k.String(tc.v); got != tc.want {
			t.Errorf("%s.String(%v) = %q, want %q", tc.k.name, tc.v, got, tc.want)
		}
	}
}

func TestAcceptedRanges(t *testing.T) {
	for _, tc := range []struct {
		k    Kind
		want string
	}{
		{Percent.Above(0).Below(100), "a percentage greater than 0 and less than 100, as 80 or 80%"},
		{PerHour, "a number greater than 0 and at most 10000000"},
		{Shrinkage, "a percentage at least 0 and less than 100, as 80 or 80%"},
		{Count, "a whole number at least 0 and at most 1000000000"},
		{Amount.Whole(), "a whole number at least 0 and at most 1000000000"},
		// A name that is the noun is not said twice.
		{Count.Named("a whole number"), "a whole number at least 0 and at most 1000000000"},
		{Duration.From(1).To(60), "a duration from 1m to 1h: " + DurationForms},
	} {
		if got := tc.k.Accepted(); got != tc.want {
			t.Errorf("Accepted() = %q, want %q", got, tc.want)
		}
	}
}

func TestFormatMinutes(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{1.0 / 60, "1s"}, {0.5, "0.5m"}, {1, "1m"}, {59, "59m"}, {60, "1h"}, {90, "90m"}, {120, "2h"},
		{1380, "23h"}, {1440, "1d"}, {1500, "25h"}, {2160, "36h"}, {2880, "2d"}, {10080, "7d"}, {1441, "1441m"},
	} {
		if got := FormatMinutes(tc.in); got != tc.want {
			t.Errorf("FormatMinutes(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every unit, one minute's worth.
func TestMinutesUnits(t *testing.T) {
	for _, in := range []string{"60000000000ns", "60000000us", "60000000µs", "60000ms", "60s", "1m", "1", "0.016666666666666667h", "0.000694444444444444444d"} {
		if v, p := Minutes(in); p != "" || math.Abs(v-1) > 1e-12 {
			t.Errorf("Minutes(%q) = %v, %q; want 1", in, v, p)
		}
	}
	for in, want := range map[string]float64{"1h": 60, "1d": 1440, "2h30m": 150, "-90s": -1.5, "+90s": 1.5} {
		if v, p := Minutes(in); p != "" || v != want {
			t.Errorf("Minutes(%q) = %v, %q; want %v", in, v, p, want)
		}
	}
	if v, p := Minutes("-0s"); p != "" || v != 0 || math.Signbit(v) {
		t.Errorf(`Minutes("-0s") = %v, %q; want 0, not -0`, v, p)
	}
}

func TestIsPlainNumber(t *testing.T) {
	for in, want := range map[string]bool{"7.5": true, " 10 ": true, "90s": false, "": false, "1,000": false} {
		if got := IsPlainNumber(in); got != want {
			t.Errorf("IsPlainNumber(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestKindSchema(t *testing.T) {
	pattern := func(parts ...string) string { return pctPatternHead + strings.Join(parts, "|") + pctPatternTail }
	share := map[string]any{"exclusiveMinimum": 0, "exclusiveMaximum": 1}
	str := func(p, desc string) map[string]any {
		return map[string]any{"type": "string", "pattern": p, "description": desc}
	}
	const pctDesc, shareDesc = "a percentage with %, such as 80%", "a percentage with %, such as 25%"
	for _, tc := range []struct {
		name string
		k    Kind
		want map[string]any
	}{
		{"count", Count, map[string]any{"type": "integer", "minimum": 0.0, "maximum": 1e9}},
		{"limit", Limit, map[string]any{"type": "number", "exclusiveMinimum": 0.0, "maximum": 1e6}},
		{"service level", ServiceLevel, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 1.0, "exclusiveMaximum": 100.0},
			str(pattern(pctOneTo100), pctDesc)}}},
		{"percent", Percent, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 0.0, "maximum": 100.0, "not": share},
			str(pattern(pctZero, pctBelowOne, pctOneTo100, pctHundred), pctDesc)}}},
		{"percent from 1", MaxOccupancy, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 1.0, "maximum": 100.0},
			str(pattern(pctOneTo100, pctHundred), pctDesc)}}},
		{"percent above 0", Percent.Above(0), map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "exclusiveMinimum": 0.0, "maximum": 100.0, "not": share},
			str(pattern(pctBelowOne, pctOneTo100, pctHundred), pctDesc)}}},
		{"shrinkage", Shrinkage, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 0.0, "exclusiveMaximum": 100.0, "not": share},
			str(pattern(pctZero, pctBelowOne, pctOneTo100), pctDesc)}}},
		{"share", Share, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 0.0, "maximum": 1.0},
			str(pattern(pctZero, pctBelowOne, pctOneTo100, pctHundred), shareDesc)}}},
		// A share from 0.01 is a percentage from 1.
		{"share from 0.01", Share.From(0.01), map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 0.01, "maximum": 1.0},
			str(pattern(pctOneTo100, pctHundred), shareDesc)}}},
		{"duration", Duration, map[string]any{"anyOf": []any{
			map[string]any{"type": "number", "minimum": 1.0 / 60, "maximum": 10080.0},
			str(durationPattern, DurationForms)}}},
	} {
		if got := tc.k.Schema(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Schema() = %#v,\nwant %#v", tc.name, got, tc.want)
		}
	}
}

// percentPattern knows the ranges connectcap uses and panics on any other.
func TestPercentPatternPanics(t *testing.T) {
	for name, k := range map[string]Kind{
		"from 5": Percent.From(5), "above 1": Percent.Above(1), "to 50": Percent.To(50), "below 50": Percent.Below(50),
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			k.Schema()
		}()
	}
}

func TestTextAccessors(t *testing.T) {
	if Region.Name() != "region" || InstanceARN.Name() != "arn" || Choice("x", nil).Name() != "choice" {
		t.Error("Name")
	}
	c := Choice("an output format", []string{"sh", "table"})
	if !reflect.DeepEqual(c.Choices(), []string{"sh", "table"}) || c.Accepted() != "an output format: sh, table" {
		t.Errorf("Choice: %v %q", c.Choices(), c.Accepted())
	}
	if !reflect.DeepEqual(Region.Choices(), tables.AWSRegions) || Label.Choices() != nil {
		t.Error("Choices")
	}
	if want := "a Region code such as us-east-1 or eu-west-2 (Amazon Connect Regions: " + strings.Join(tables.ConnectRegions, ", ") + ")"; Region.Accepted() != want {
		t.Errorf("Region.Accepted() = %q, want %q", Region.Accepted(), want)
	}
}

// Lengths are in characters, and both ends are accepted.
func TestTextLengths(t *testing.T) {
	for _, tc := range []struct {
		kind    Text
		in      string
		problem string
	}{
		{Label, "a", ""}, {Label, "", "empty"}, {Label, strings.Repeat("é", 64), ""}, {Label, strings.Repeat("é", 65), "too long"},
		{InstanceName, strings.Repeat("a", 64), ""}, {InstanceName, "a", ""}, {InstanceName, "-a", "not a usable instance name"},
		{Operation, "Get", ""}, {Operation, "Ge", "empty"}, {Operation, "G" + strings.Repeat("a", 80), ""}, {Operation, "G" + strings.Repeat("a", 81), "too long"},
		{Region, "us-east-1", ""}, {Region, "", "not an AWS Region code"},
	} {
		got := tc.kind.problem(tc.in)
		if got != tc.problem {
			t.Errorf("%s: problem(%q) = %q, want %q", tc.kind.name, tc.in, got, tc.problem)
		}
		if _, err := tc.kind.Parse(tc.in); (err == nil) != (tc.problem == "") || err != nil && err.Error() != tc.problem+"; accepted: "+tc.kind.accepted {
			t.Errorf("%s: Parse(%q) = %v", tc.kind.name, tc.in, err)
		}
	}
}

func TestTextSchema(t *testing.T) {
	for _, tc := range []struct {
		kind Text
		want map[string]any
	}{
		{Region, map[string]any{"type": "string", "enum": tables.AWSRegions}},
		{InstanceName, map[string]any{"type": "string", "pattern": `^[A-Za-z0-9][A-Za-z0-9._-]*$`, "minLength": 1, "maxLength": 64}},
		{Label, map[string]any{"type": "string", "minLength": 1, "maxLength": 64}},
		{InstanceARN, map[string]any{"type": "string", "pattern": `^arn:aws[a-z-]*:connect:[a-z0-9-]+:[0-9]{12}:instance/[0-9a-fA-F-]{1,64}$`}},
		{Operation, map[string]any{"type": "string", "pattern": `^[A-Z][A-Za-z0-9]+$`, "minLength": 3, "maxLength": 81}},
		{Choice("x", []string{"a"}), map[string]any{"type": "string", "enum": []string{"a"}}},
		// A plan may write an edition bare (edition: 2026) or quoted; each choice is
		// listed as text and then as the integer it spells, newest edition first.
		{Edition, map[string]any{"type": []string{"string", "integer"}, "enum": []any{"2026", 2026, "2023", 2023}}},
		// A numeric choice that is not a number is listed as text only.
		{Text{name: "mixed", choices: []string{"x", "7"}, numeric: true}, map[string]any{"type": []string{"string", "integer"}, "enum": []any{"x", "7", 7}}},
	} {
		if got := tc.kind.Schema(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Schema() = %v, want %v", tc.kind.name, got, tc.want)
		}
	}
}

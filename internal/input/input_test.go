package input

import (
	"math"
	"strings"
	"testing"
)

func TestKindParse(t *testing.T) {
	cases := []struct {
		kind    Kind
		in      string
		want    float64
		problem string // a prefix of the error; "" when accepted
	}{
		{Percent, "85", 85, ""}, {Percent, "85%", 85, ""}, {Percent, "85 %", 85, ""}, {Percent, " 85% ", 85, ""},
		{Percent, "0", 0, ""}, {Percent, "0.5%", 0.5, ""}, {Percent, "100", 100, ""}, {Percent, "-0%", 0, ""},
		{Percent, "0.85", 0, "a percent, not a share; did you mean 85? accepted: "},
		{Percent, "0.003", 0, "a percent, not a share; did you mean 0.3%? accepted: "},
		{Percent, "101", 0, "too large; "}, {Percent, "-5%", 0, "too small; "}, {Percent, "1e2%", 0, "not a number; "},
		{Percent, "85%%", 0, "not a number; "}, {Percent, "%", 0, "not a number; "},
		{ServiceLevel, "100", 0, "too large; "}, {ServiceLevel, "0", 0, "too small; "}, {ServiceLevel, "99.9%", 99.9, ""},
		{ServiceLevel, "0.8", 0, "a percent, not a share; did you mean 80? "},
		{Shrinkage, "0", 0, ""}, {Shrinkage, "100%", 0, "too large; "}, {Shrinkage, "0.3", 0, "a percent, not a share; did you mean 30? "},
		{MaxOccupancy, "0", 0, "too small; "}, {MaxOccupancy, "100", 100, ""}, {MaxOccupancy, "0.5%", 0, "too small; "},
		{TargetUtilization, "4.9e-324", 0, "too small; "},
		{Share, "0.25", 0.25, ""}, {Share, "25%", 0.25, ""}, {Share, "1", 1, ""}, {Share, "100%", 1, ""}, {Share, "0", 0, ""},
		{Share, "25", 0, "a share, not a percent; did you mean 0.25 (25%)? accepted: "},
		{Share, "250", 0, "too large; "}, {Share, "101%", 0, "too large; "}, {Share, "-0.1", 0, "too small; "},
		{Blocking, "0.001", 0.001, ""}, {Blocking, "0", 0, "too small; "}, {Blocking, "0.6", 0, "too large; "},
		{Blocking, "1e-9", 1e-9, ""}, {Blocking, "0.1%", 0, "not a number; "},
		{Concurrency, "0", 0, "too small; "}, {Concurrency, "1.5", 0, "not a whole number; "}, {Concurrency, "3", 3, ""},
		{AppliedLimit, "0", 0, "too small; "}, {AppliedLimit, "1000001", 0, "too large; "}, {AppliedLimit, "250", 250, ""},
		{Limit, "0.5", 0.5, ""}, {Limit, "0", 0, "too small; "},
		{Duration, "20s", 1.0 / 3, ""}, {Duration, "6m30s", 6.5, ""}, {Duration, "1.5h", 90, ""}, {Duration, "7d", 10080, ""},
		{Duration, "8d", 0, "too long; "}, {Duration, "0", 0, "must be greater than 0; "}, {Duration, "-1h", 0, "must be greater than 0; "},
		{Duration, "500ms", 0, "shorter than a second; "}, {Duration, "6 minutes", 0, "not a duration; "},
		{PerHour, "0", 0, "too small; "}, {Rate, "0", 0, ""}, {Count, "1,000", 0, "digit grouping"},
	}
	for _, c := range cases {
		v, err := c.kind.Parse(c.in)
		switch {
		case c.problem == "" && err != nil:
			t.Errorf("%s.Parse(%q): %v, want %v", c.kind.name, c.in, err, c.want)
		case c.problem == "" && math.Abs(v-c.want) > 1e-12*math.Abs(c.want):
			t.Errorf("%s.Parse(%q) = %v, want %v", c.kind.name, c.in, v, c.want)
		case c.problem != "" && (err == nil || !strings.HasPrefix(err.Error(), c.problem)):
			t.Errorf("%s.Parse(%q) = %v, %v; want an error starting %q", c.kind.name, c.in, v, err, c.problem)
		}
	}
}

// TestStringForms: a plan's string values are the forms that are not plain
// numbers: a quoted "85" is refused where "85%" is read.
func TestStringForms(t *testing.T) {
	if _, err := Percent.ParseString("85"); err == nil {
		t.Error(`Percent.ParseString("85") accepted`)
	}
	if v, err := Percent.ParseString("85%"); err != nil || v != 85 {
		t.Errorf(`Percent.ParseString("85%%") = %v, %v`, v, err)
	}
	if _, err := Count.ParseString("5"); err == nil {
		t.Error(`Count.ParseString("5") accepted`)
	}
	if v, err := Duration.ParseString("20"); err != nil || v != 20 {
		t.Errorf(`Duration.ParseString("20") = %v, %v`, v, err)
	}
}

func TestAcceptedText(t *testing.T) {
	for _, c := range []struct {
		kind Kind
		want string
	}{
		{ServiceLevel, "a percentage at least 1 and less than 100, as 80 or 80%"},
		{Share.Named("a share of calls"), "a share of calls, a share at least 0 and at most 1, as 0.25 or 25%"},
		{Blocking, "a blocking probability, a number at least 0.000000001 and at most 0.5"},
		{AppliedLimit, "the applied quota value, a whole number at least 1 and at most 1000000"},
		{Limit, "a quota value greater than 0 and at most 1000000"},
		{Duration, "a duration from 1s to 7d: " + DurationForms},
	} {
		if got := c.kind.Accepted(); got != c.want {
			t.Errorf("Accepted() = %q, want %q", got, c.want)
		}
	}
}

// TestStringRoundTrip: what String shows reads back as the same value.
func TestStringRoundTrip(t *testing.T) {
	for _, c := range []struct {
		kind Kind
		v    float64
	}{{Percent, 0.5}, {Percent, 85}, {Shrinkage, 0}, {Share, 0.25}, {Blocking, 1e-9}, {Duration, 1.0 / 60}} {
		if got, err := c.kind.Parse(c.kind.String(c.v)); err != nil || got != c.v {
			t.Errorf("%s: %v shown as %q reads back as %v, %v", c.kind.name, c.v, c.kind.String(c.v), got, err)
		}
	}
}

func TestTextKinds(t *testing.T) {
	for _, c := range []struct {
		kind Text
		in   string
		ok   bool
	}{
		{Region, "us-east-1", true}, {Region, "US-EAST-1", false}, {Region, "mars", false},
		{InstanceName, "prod-1", true}, {InstanceName, "-prod", false}, {InstanceName, strings.Repeat("a", 65), false}, {InstanceName, "", false},
		{Label, "", false}, {Label, "wallboard", true},
		{InstanceARN, "arn:aws:connect:us-east-1:123456789012:instance/abcd-1234", true}, {InstanceARN, "arn:aws:connect:us-east-1:1234:instance/x", false},
		{Operation, "GetCurrentMetricData", true}, {Operation, "Ge", false}, {Operation, "getMetric", false},
		{Choice("a format", []string{"a", "b"}), "b", true}, {Choice("a format", []string{"a", "b"}), "c", false},
	} {
		_, err := c.kind.Parse(c.in)
		if (err == nil) != c.ok {
			t.Errorf("%s.Parse(%q): %v, want ok %v", c.kind.name, c.in, err, c.ok)
		}
	}
}

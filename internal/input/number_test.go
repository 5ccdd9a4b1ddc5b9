package input

import (
	"math"
	"strings"
	"testing"
)

func TestNumber(t *testing.T) {
	cases := []struct {
		in      string
		want    float64
		problem string
	}{
		{"3000", 3000, ""}, {" 7.5 ", 7.5, ""}, {".5", 0.5, ""}, {"1e3", 1000, ""}, {"-2", -2, ""},
		{"-0", 0, ""}, {"1,000", 0, "digit grouping is not accepted, write the digits only"},
		{"1_000", 0, "digit grouping is not accepted, write the digits only"},
		{"NaN", 0, "not a number"}, {"Inf", 0, "not a number"}, {"0x10", 0, "not a number"},
		{"", 0, "not a number"}, {"ten", 0, "not a number"}, {"1e400", 0, "out of range"},
	}
	for _, c := range cases {
		v, p := Number(c.in)
		if p != c.problem || (p == "" && v != c.want) {
			t.Errorf("Number(%q) = %v, %q; want %v, %q", c.in, v, p, c.want, c.problem)
		}
		if p == "" && math.Signbit(v) && v == 0 {
			t.Errorf("Number(%q) is negative zero", c.in)
		}
	}
}

func TestMinutes(t *testing.T) {
	cases := []struct {
		in      string
		want    float64
		problem string
	}{
		{"10", 10, ""}, {"7.5", 7.5, ""}, {"90s", 1.5, ""}, {"10m", 10, ""}, {"1.5h", 90, ""},
		{"1h30m", 90, ""}, {"2d", 2880, ""}, {"0.5d", 720, ""}, {"9999999h", 599999940, ""},
		{"6 minutes", 0, "not a duration"}, {"2w", 0, "not a duration"}, {"", 0, "not a duration"},
		// 10^400 is past float64's largest value, about 1.8e308.
		{"1" + strings.Repeat("0", 400) + "s", 0, "out of range"},
	}
	for _, c := range cases {
		v, p := Minutes(c.in)
		if p != c.problem || (p == "" && math.Abs(v-c.want) > 1e-9*c.want) {
			t.Errorf("Minutes(%q) = %v, %q; want %v, %q", c.in, v, p, c.want, c.problem)
		}
	}
}

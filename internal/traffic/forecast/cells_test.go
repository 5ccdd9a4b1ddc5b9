package forecast

import (
	"strconv"
	"strings"
	"testing"
)

// trim is strings.TrimSpace for cells: the same result for spaces and tabs
// either side and a carriage return at the end.
func TestTrim(t *testing.T) {
	for _, s := range []string{"", "5", " 5", "\t5", "5 ", "5\t", "5\r", " 5 ", " ", "\t", "\r", "a b", "  12\t\r"} {
		if got, want := trim(s), strings.TrimSpace(s); got != want {
			t.Errorf("trim(%q) = %q, want %q", s, got, want)
		}
	}
}

// fastNumber takes plain decimals of up to 15 digits, with the value
// strconv.ParseFloat gives, and leaves everything else to it.
func TestFastNumberTakes(t *testing.T) {
	for _, s := range []string{"0", "1", "9", "90", "10.5", ".5", "5.", "0.1", "123456789012345", "12345678.9012345", "999999999999999", "12.345678901234", "000000000000009"} {
		got, ok := fastNumber(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want {
			t.Errorf("fastNumber(%q) = %v, %v; want %v, taken", s, got, ok, want)
		}
	}
	// '/' and ':' are the bytes either side of the digits.
	for _, s := range []string{"1..5", "1.5.", "..", "/", ":", "1/2", "5:", "0000000000000000", "1234567890123456.", ".1234567890123456"} {
		if _, ok := fastNumber(s); ok {
			t.Errorf("fastNumber(%q) took it", s)
		}
	}
}

// An accepted interval length is whole minutes dividing an hour; a refused one
// says whether it is longer than an hour or not a divisor.
func TestParseMinutesMessages(t *testing.T) {
	for in, want := range map[string]int{
		"1": 1, "60": 60, "000015": 15, "1m": 1, "60m": 60, "05m": 5, "000015m": 15, "000001h": 60, "1 hour": 60, "1H": 60,
	} {
		if got, msg := parseMinutes(in); got != want || msg != "" {
			t.Errorf("parseMinutes(%q) = %d %q, want %d", in, got, msg, want)
		}
	}
	const (
		long    = "longer than an hour"
		divisor = "is not accepted: give whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)"
		whole   = "is not whole minutes"
	)
	for in, want := range map[string]string{
		"59": divisor, "0": divisor, "61": long, "90m": long, "120m": long, "2h": long, "0h": divisor, "0m": divisor, "59m": divisor,
		"123456m": long, "1234567m": whole, "0000015": whole, "m": whole, "h": whole, "1234567h": whole, "x": whole,
	} {
		if got, msg := parseMinutes(in); got != 0 || !strings.Contains(msg, want) {
			t.Errorf("parseMinutes(%q) = %d %q, want a message with %q", in, got, msg, want)
		}
	}
}

func TestParseShare(t *testing.T) {
	for in, want := range map[string]float64{"0": 0, "1": 1, "0.25": 0.25, "1e-1": 0.1} {
		if got, msg := parseShare("share", in); got != want || msg != "" {
			t.Errorf("parseShare(%q) = %v %q, want %v", in, got, msg, want)
		}
	}
	for in, want := range map[string]string{"1.5": "not a share", "-0.1": "not a share", "x": "not a number", "NaN": "not a number", "Inf": "not a number"} {
		if _, msg := parseShare("share", in); !strings.Contains(msg, want) {
			t.Errorf("parseShare(%q): %q, want %q", in, msg, want)
		}
	}
	for in, want := range map[string]float64{"0": 0, "2.5": 2.5, "1e3": 1000} {
		if got, msg := parseNumber("n", in); got != want || msg != "" {
			t.Errorf("parseNumber(%q) = %v %q, want %v", in, got, msg, want)
		}
	}
	for in, want := range map[string]string{"-0.5": "is negative", "-0": "", "x": "not a number", "NaN": "not a number", "-Inf": "not a number"} {
		if _, msg := parseNumber("n", in); !strings.Contains(msg, want) || (want == "") != (msg == "") {
			t.Errorf("parseNumber(%q): %q, want %q", in, msg, want)
		}
	}
}

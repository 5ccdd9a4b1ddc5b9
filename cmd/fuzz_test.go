package cmd

import (
	"encoding/json"
	"errors"
	"github.com/connectcap/connectcap/tables"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// declaredValues returns the value of every number, duration and Region flag the
// command tree declares, so the fuzz targets check the ranges connectcap really
// uses, including flags added later.
func declaredValues(t testing.TB) (nums []*numberValue, durs []*numberValue, regions []*textValue) {
	t.Helper()
	app, _, _ := testApp(nil)
	root := newRoot(&invocation{app: app, sources: map[string]report.LimitSource{}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			switch v := f.Value.(type) {
			case *numberValue:
				if v.kind.IsDuration() {
					durs = append(durs, v)
				} else {
					nums = append(nums, v)
				}
			case *textValue:
				if v.kind.Name() == "region" {
					regions = append(regions, v)
				}
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(nums) == 0 || len(durs) == 0 || len(regions) == 0 {
		t.Fatalf("found %d number, %d duration and %d Region flags", len(nums), len(durs), len(regions))
	}
	return nums, durs, regions
}

// seeds are inputs planners type, and inputs that have broken number parsers.
var seeds = []string{
	"", " ", "0", "-0", "+0", "1", "10", "+5", "-5", "7.5", ".5", "5.", "0.001", "0.5", "1e3", "1E-3", "1e+2",
	"3000", "10000000", "10000001", "9999999.5", "1.0000000000000002", "0.9999999999999999",
	"1,000", "1_000", "1.000,5", "6,5", "1 000", "١٢٣", "１２", "0x10", "0x1p-2", "0b101", "0o17", "017",
	"NaN", "nan", "-NaN", "Inf", "+Inf", "-Inf", "inf", "Infinity", "-infinity",
	"1e308", "1.8e308", "1e400", "-1e400", "1e-400", "4.9e-324", "2.2250738585072014e-308",
	"85%", "85 %", " 85% ", "%", "100%", "100%%", "%85", "-5%", "0%", "NaN%", "1e2%",
	"90s", "10m", "1h", "1.5h", "1h30m", "6m30s", "2d", "1.5d", ".5d", "7d", "8d", "-1h", "+1h", "1ns", "1us", "1µs",
	"0s", "0d", "10080", "10080.000000000002", "9999999h", "2562047h", "2562048h", "1e400d", "1d1h", "d", "h", "10min",
	"us-east-1", "eu-west-2", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "ap-southeast-10", "ap-southeast-100",
	"US-EAST-1", "us-east", "useast1", " us-east-1", "us-east-1 ", "us-east-1\n", "mars", "a-b-1",
	"\x00", "\n", "1\n2", "\t10\t", "ten", "--5", "5-", "1e", "e5", ".", "+", "-",
}

func checkRejected(t *testing.T, flagWhat, input string, err error, unchanged bool) {
	t.Helper()
	var ve *valueError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: Set(%q) error %T %v, want a *valueError", flagWhat, input, err, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "accepted:") {
		t.Errorf("%s: Set(%q) error %q does not say what is accepted", flagWhat, input, msg)
	}
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("%s: Set(%q) error %q is more than one line", flagWhat, input, msg)
	}
	if !unchanged {
		t.Errorf("%s: Set(%q) was rejected but changed the value", flagWhat, input)
	}
}

// sentinel is outside every declared range, so an accepted value always replaces it.
const sentinel = -123456.75

func FuzzNumberValue(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	nums, _, _ := declaredValues(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range nums {
			*n.p = sentinel
			err := n.Set(s)
			v := *n.p
			what := n.kind.Accepted()
			if err != nil {
				checkRejected(t, what, s, err, v == sentinel)
				continue
			}
			lo, hi, loOpen, hiOpen := n.kind.Bounds()
			switch {
			case math.IsNaN(v) || math.IsInf(v, 0):
				t.Fatalf("%s: Set(%q) accepted %v", what, s, v)
			case v < lo || v > hi || (loOpen && v == lo) || (hiOpen && v == hi):
				t.Fatalf("%s: Set(%q) accepted %v, outside the bounds", what, s, v)
			case n.kind.IsWhole() && v != math.Trunc(v):
				t.Fatalf("%s: Set(%q) accepted %v, not a whole number", what, s, v)
			}
			// What String shows is accepted again as the same value.
			shown := n.String()
			*n.p = sentinel
			if err := n.Set(shown); err != nil || *n.p != v {
				t.Fatalf("%s: Set(%q) gave %v, shown as %q, which reads back as %v (%v)", what, s, v, shown, *n.p, err)
			}
		}
	})
}

func FuzzDurationValue(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	_, durs, _ := declaredValues(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range durs {
			*d.p = sentinel
			err := d.Set(s)
			v := *d.p
			what := d.kind.Accepted()
			if err != nil {
				checkRejected(t, what, s, err, v == sentinel)
				continue
			}
			if _, hi, _, _ := d.kind.Bounds(); math.IsNaN(v) || math.IsInf(v, 0) || v < 1.0/60 || v > hi {
				t.Fatalf("%s: Set(%q) accepted %v minutes, outside [1s, %v minutes]", what, s, v, hi)
			}
			shown := d.String()
			*d.p = sentinel
			if err := d.Set(shown); err != nil || *d.p != v {
				t.Fatalf("%s: Set(%q) gave %v minutes, shown as %q, which reads back as %v (%v)", what, s, v, shown, *d.p, err)
			}
		}
	})
}

func FuzzRegionValue(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	_, _, regions := declaredValues(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range regions {
			const before = "sentinel"
			*r.p = before
			err := r.Set(s)
			if err != nil {
				checkRejected(t, "--region", s, err, *r.p == before)
				continue
			}
			if *r.p != s {
				t.Fatalf("Set(%q) stored %q", s, *r.p)
			}
			if s != "" && !tables.IsRegion(s) {
				t.Fatalf("Set(%q) accepted a value that is not a Region code", s)
			}
			if strings.ToLower(s) != s || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r\t ") {
				t.Fatalf("Set(%q) accepted upper case or blanks", s)
			}
		}
	})
}

func FuzzBoolValue(f *testing.F) {
	for _, s := range append([]string{"true", "false", "TRUE", "True", "t", "F", "1", "0", " true ", "yes", "no", "on", "maybe", "2", "-1", "tru"}, seeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, before := range []bool{false, true} {
			v := before
			b := &boolValue{p: &v}
			err := b.Set(s)
			want, perr := strconv.ParseBool(strings.TrimSpace(s))
			switch {
			case err != nil:
				checkRejected(t, "a switch", s, err, v == before)
				if perr == nil {
					t.Fatalf("Set(%q) rejected a value strconv.ParseBool reads as %v", s, want)
				}
				if msg := err.Error(); msg != "not true or false; accepted: true or false (1, 0, t, f also work), or the flag alone for true" {
					t.Fatalf("Set(%q) error %q", s, msg)
				}
			case perr != nil:
				t.Fatalf("Set(%q) accepted a value that is not true or false: %v", s, v)
			case v != want:
				t.Fatalf("Set(%q) stored %v, want %v", s, v, want)
			}
		}
	})
}

// TestDeclaredRanges pins the ranges the fuzz targets read, so a change to one is
// a visible change to the command line.
func TestDeclaredRanges(t *testing.T) {
	nums, durs, regions := declaredValues(t)
	for _, d := range durs {
		// Emails stay active up to the longest email contact expiry, 90 days.
		want, days := 7.0*1440, "7"
		if strings.Contains(d.kind.What(), "email") {
			want, days = 90*1440, "90"
		}
		// CloudWatch keeps hourly points 455 days.
		if strings.Contains(d.kind.What(), "look-back") {
			want, days = 455*1440, "455"
		}
		if lo, hi, _, _ := d.kind.Bounds(); lo != 1.0/60 || hi != want {
			t.Errorf("%s: from %v to %v minutes, want 1 s to %s days", d.kind.What(), lo, hi, days)
		}
	}
	for _, n := range nums {
		if lo, hi, _, _ := n.kind.Bounds(); hi <= lo || math.IsInf(hi, 0) || math.IsNaN(hi) {
			t.Errorf("%s: range [%v, %v] is empty or unbounded", n.kind.What(), lo, hi)
		}
	}
	if len(regions) < 5 {
		t.Errorf("%d --region flags, want one on each calculation", len(regions))
	}
}

// commandLines are the templates FuzzCommandLine fills with two fuzzed values.
var commandLines = [][]string{
	{"calls", "--cph", "A", "--duration", "B"},
	{"chats", "--cph", "A", "--duration", "B"},
	{"tasks", "--cph", "A", "--duration", "B", "--schedule-ahead-days", "1"},
	{"analytics", "--cph", "A", "--duration", "B", "--realtime-share", "0.5"},
	{"analytics", "--cph", "3000", "--duration", "10", "--target-utilization", "A", "--realtime-share", "B"},
	{"calls", "--cph", "100", "--duration", "6", "--blocking", "A", "--target-utilization", "B"},
	{"calls", "--cph", "A", "--duration", "6", "--outbound-cph", "B", "--outbound-duration", "B"},
	{"voiceid", "--cph", "A", "--speakers", "B", "--fraudsters", "B"},
	{"voiceid", "--cph", "A", "--domains", "B", "--region", "B"},
	{"emails", "--cph", "A", "--duration", "B"},
	{"emails", "--cph", "A", "--duration", "3d", "--outbound-cph", "B", "--outbound-duration", "B"},
}

// FuzzCommandLine runs whole command lines with fuzzed values: whatever the
// values, connectcap either writes a complete JSON result and nothing on stderr,
// or exits 1 with one line on stderr that names a flag and nothing on stdout.
func FuzzCommandLine(f *testing.F) {
	for i := range commandLines {
		for _, ab := range [][2]string{
			{"100", "6"}, {"3000", "10"}, {"1e7", "7d"}, {"0", "0"}, {"-1", "NaN"}, {"1,000", "1h30m"},
			{"85%", "0.25"}, {"0.001", "80"}, {"10000000", "10080"}, {"1e-300", "1e-300"},
			{"1", "4.9e-324"}, {"4.9e-324", "0.5"}, // once accepted, with an infinite figure
		} {
			f.Add(uint8(i), ab[0], ab[1])
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, a, b string) {
		line := commandLines[int(which)%len(commandLines)]
		args := make([]string, 0, len(line)+2)
		for _, s := range line {
			switch s {
			case "A":
				s = a
			case "B":
				s = b
			}
			args = append(args, s)
		}
		args = append(args, "-o", "json")
		app, stdout, stderr := testApp(nil)
		code := Execute(app, args)
		switch code {
		case ExitOK:
			if !json.Valid(stdout.Bytes()) || !onlyNotes(stderr.String()) {
				t.Fatalf("%q: exit 0 with stdout %q, stderr %q", args, stdout, stderr)
			}
		case ExitError:
			msg := stderr.String()
			if stdout.Len() != 0 || strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") || !strings.HasPrefix(msg, "connectcap: ") {
				t.Fatalf("%q: exit 1 with stdout %q, stderr %q; want nothing and one line", args, stdout, stderr)
			}
			if !strings.Contains(msg, "--") && !strings.Contains(msg, "unknown command") {
				t.Fatalf("%q: error names no flag: %s", args, msg)
			}
		default:
			t.Fatalf("%q: exit %d without --detailed-exitcode", args, code)
		}
	})
}

// TestNoNegativeZero: "-0" is accepted where 0 is (--realtime-share,
// --outbound-cph, --schedule-ahead-days, --speakers, --fraudsters) and stored as
// 0, so no output shows -0.
func TestNoNegativeZero(t *testing.T) {
	nums, _, _ := declaredValues(t)
	for _, n := range nums {
		*n.p = sentinel
		if err := n.Set("-0"); err == nil && math.Signbit(*n.p) {
			t.Errorf("%s: Set(\"-0\") stored negative zero", n.kind.Accepted())
		}
	}
}

// TestShownDefaultsAreAccepted: help and man pages show a default only where the
// flag accepts it (a --cph=0 for a flag that rejects 0 would mislead).
func TestShownDefaultsAreAccepted(t *testing.T) {
	app, _, _ := testApp(nil)
	root := newRoot(&invocation{app: app, sources: map[string]report.LimitSource{}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			n, ok := f.Value.(*numberValue)
			if !ok || f.DefValue == "" {
				return
			}
			if _, err := n.kind.Parse(f.DefValue); err != nil {
				t.Errorf("%s --%s shows default %q, which it rejects: %v", c.CommandPath(), f.Name, f.DefValue, err)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, name := range []string{"cph", "limit", "duration"} {
		for _, c := range []string{"calls", "chats", "emails"} {
			sub, _, _ := root.Find([]string{c})
			if d := sub.Flags().Lookup(name).DefValue; d != "" {
				t.Errorf("%s --%s shows default %q; it has none", c, name, d)
			}
		}
	}
}

// onlyNotes reports whether stderr holds nothing but notes for people (Voice ID's
// end of support), one line each.
func onlyNotes(stderr string) bool {
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if line != "" && !strings.HasPrefix(line, "connectcap: note: ") {
			return false
		}
	}
	return true
}

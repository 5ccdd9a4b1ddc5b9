package cmd

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/internal/parse"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// valueError is a rejected flag value: what is wrong with it and what is accepted.
// The caller names the flag (or environment variable, or config key) and the value.
type valueError struct{ problem, accepted string }

func (e *valueError) Error() string { return e.problem + "; accepted: " + e.accepted }

func parsePlain(s string) (float64, string) { return parse.Number(s) }

// numberValue is a float64 flag confined to a range.
type numberValue struct {
	p        *float64
	what     string // what the number is, for errors: "calls per hour"
	min, max float64
	minOpen  bool // min itself is not accepted
	whole    bool
	suffix   string // an optional suffix the value may carry ("%")
}

func (n *numberValue) accepted() string {
	kind := "a number"
	if n.whole {
		kind = "a whole number"
	}
	lower := "at least " + fmtNum(n.min)
	if n.minOpen {
		lower = "greater than " + fmtNum(n.min)
	}
	s := fmt.Sprintf("%s, %s %s and at most %s", n.what, kind, lower, fmtNum(n.max))
	if n.suffix != "" {
		s += fmt.Sprintf(" (a trailing %s is allowed)", n.suffix)
	}
	return s
}

func fmtNum(v float64) string { return render.Raw(v) }

func (n *numberValue) Set(s string) error {
	if n.suffix != "" {
		s = strings.TrimSuffix(strings.TrimSpace(s), n.suffix)
	}
	v, problem := parsePlain(s)
	switch {
	case problem != "":
	case n.whole && v != math.Trunc(v):
		problem = "not a whole number"
	case v < n.min || (n.minOpen && v == n.min):
		problem = "too small"
	case v > n.max:
		problem = "too large"
	}
	if problem != "" {
		return &valueError{problem: problem, accepted: n.accepted()}
	}
	*n.p = v
	return nil
}

func (n *numberValue) String() string {
	if n.p == nil {
		return ""
	}
	return fmtNum(*n.p)
}

func (n *numberValue) Type() string {
	if n.whole {
		return "int"
	}
	return "number"
}

// durationValue holds minutes. A plain number is minutes; a number with a unit
// (90s, 10m, 1.5h, 2d) or a Go duration (1h30m) also works.
type durationValue struct {
	p    *float64
	what string
	max  float64 // minutes
	// plain records that the value was a bare number, read as minutes.
	plain bool
}

func (d *durationValue) accepted() string {
	return fmt.Sprintf("%s, a duration from 1s to %s: %s", d.what, fmtMinutes(d.max), parse.DurationForms)
}

func fmtMinutes(m float64) string {
	switch {
	case m >= 1440 && math.Mod(m, 1440) == 0:
		return fmtNum(m/1440) + "d"
	case m >= 60 && math.Mod(m, 60) == 0:
		return fmtNum(m/60) + "h"
	}
	return fmtNum(m) + "m"
}

func (d *durationValue) Set(s string) error {
	minutes, problem := parse.Minutes(s)
	switch {
	case problem != "":
	case math.IsNaN(minutes) || minutes <= 0:
		problem = "must be greater than 0"
	case minutes < 1.0/60:
		problem = "shorter than a second"
	case minutes > d.max:
		problem = "too long"
	}
	if problem != "" {
		return &valueError{problem: problem, accepted: d.accepted()}
	}
	*d.p = minutes
	_, notNumber := parse.Number(s)
	d.plain = notNumber == ""
	return nil
}

// plainMinutes reports whether a duration flag was given as a bare number.
func plainMinutes(fs *pflag.FlagSet, name string) bool {
	d, ok := fs.Lookup(name).Value.(*durationValue)
	return ok && d.plain
}

func (d *durationValue) String() string {
	if d.p == nil || *d.p == 0 {
		return ""
	}
	return fmtNum(*d.p)
}

func (d *durationValue) Type() string { return "duration" }

// boolValue is a switch: alone it means true; =true and =false also work.
type boolValue struct{ p *bool }

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		return &valueError{problem: "not true or false", accepted: "true or false (1, 0, t, f also work), or the flag alone for true"}
	}
	*b.p = v
	return nil
}

func (b *boolValue) String() string   { return strconv.FormatBool(b.p != nil && *b.p) }
func (b *boolValue) Type() string     { return "bool" }
func (b *boolValue) IsBoolFlag() bool { return true }

func addBool(fs *pflag.FlagSet, p *bool, name, usage string) {
	fs.Var(&boolValue{p: p}, name, usage)
	fs.Lookup(name).NoOptDefVal = "true"
}

// choiceValue is a string flag with a fixed set of values.
type choiceValue struct {
	p       *string
	what    string
	choices []string
}

func (c *choiceValue) Set(s string) error {
	for _, x := range c.choices {
		if s == x {
			*c.p = s
			return nil
		}
	}
	return &valueError{problem: "not one of the choices", accepted: c.what + ": " + strings.Join(c.choices, ", ")}
}

func (c *choiceValue) String() string { return *c.p }
func (c *choiceValue) Type() string   { return "string" }

// regionValue is an AWS Region code such as us-east-1.
type regionValue struct{ p *string }

func (r *regionValue) Set(s string) error {
	if s != "" && !tables.IsRegion(s) {
		return &valueError{problem: "not an AWS Region code", accepted: "a Region code such as us-east-1 or eu-west-2 (Amazon Connect Regions: " + strings.Join(tables.ConnectRegions, ", ") + ")"}
	}
	*r.p = s
	return nil
}

func (r *regionValue) String() string { return *r.p }
func (r *regionValue) Type() string   { return "region" }

// connectRegions are the Regions offered for completion.
var connectRegions = tables.ConnectRegions

// Limits on inputs: beyond these a number is a typo, not a contact center.
const (
	maxPerHour = 10_000_000 // contacts per hour
	maxMinutes = 7 * 1440   // a contact's duration
	maxQuota   = 1_000_000  // a quota value
	maxCount   = 1e9        // an inventory count
)

func addNumber(fs *pflag.FlagSet, p *float64, name, short string, def float64, v numberValue, usage string) {
	v.p = p
	*p = def
	fs.VarP(&v, name, short, usage)
}

func addDuration(fs *pflag.FlagSet, p *float64, name string, what string, usage string) {
	fs.Var(&durationValue{p: p, what: what, max: maxMinutes}, name, usage)
}

func addChoice(cmd *cobra.Command, p *string, name, short, def, what string, choices []string, usage string) {
	*p = def
	cmd.Flags().VarP(&choiceValue{p: p, what: what, choices: choices}, name, short, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(choices, cobra.ShellCompDirectiveNoFileComp))
}

package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// valueError is a rejected flag value: what is wrong with it and what is accepted.
// The caller names the flag (or environment variable, or config key) and the value.
type valueError = input.Error

func fmtNum(v float64) string { return render.Raw(v) }

// numberValue is a float64 flag of one input kind (a count, a rate, a percentage,
// a duration in minutes, ...): the kind parses it, bounds it and says what it
// accepts.
type numberValue struct {
	p    *float64
	kind input.Kind
	// hasDefault: the value before any Set is a default that help shows; without
	// one, help shows none (a flag that rejects 0 must not show 0).
	hasDefault bool
	set        bool
	// plain records that a duration was a bare number, read as minutes.
	plain bool
}

func (n *numberValue) Set(s string) error {
	v, err := n.kind.Parse(s)
	if err != nil {
		return err
	}
	*n.p, n.set = v, true
	n.plain = n.kind.IsDuration() && input.IsPlainNumber(s)
	return nil
}

func (n *numberValue) String() string {
	if n.p == nil || (!n.set && !n.hasDefault) {
		return ""
	}
	return n.kind.String(*n.p)
}

func (n *numberValue) Type() string {
	switch {
	case n.kind.IsDuration():
		return "duration"
	case n.kind.IsWhole():
		return "int"
	}
	return "number"
}

// plainMinutes reports whether a duration flag was given as a bare number.
func plainMinutes(fs *pflag.FlagSet, name string) bool {
	d, ok := fs.Lookup(name).Value.(*numberValue)
	return ok && d.plain
}

// boolValue is a switch: alone it means true; =true and =false also work.
type boolValue struct{ p *bool }

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		return &valueError{Problem: "not true or false", Accepted: "true or false (1, 0, t, f also work), or the flag alone for true"}
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

// textValue is a string flag of one text kind: a Region code, a choice.
type textValue struct {
	p    *string
	kind input.Text
	// empty: "" is accepted and means unset (--region "").
	empty bool
}

func (c *textValue) Set(s string) error {
	if !(c.empty && s == "") {
		if _, err := c.kind.Parse(s); err != nil {
			return err
		}
	}
	*c.p = s
	return nil
}

func (c *textValue) String() string { return *c.p }
func (c *textValue) Type() string {
	if c.kind.Name() == "region" {
		return "region"
	}
	return "string"
}

// connectRegions are the Regions offered for completion.
var connectRegions = tables.ConnectRegions

func addRegion(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().Var(&textValue{p: p, kind: input.Region, empty: true}, "region", usage)
	_ = cmd.RegisterFlagCompletionFunc("region", cobra.FixedCompletions(connectRegions, cobra.ShellCompDirectiveNoFileComp))
}

// addNumber declares a flag of kind k with no default: help shows none.
func addNumber(fs *pflag.FlagSet, p *float64, name string, k input.Kind, usage string) {
	*p = 0
	fs.Var(&numberValue{p: p, kind: k}, name, usage)
}

// addNumberDefault declares a flag of kind k whose value, when not given, is def.
func addNumberDefault(fs *pflag.FlagSet, p *float64, name string, k input.Kind, def float64, usage string) {
	if !k.In(def) {
		panic(fmt.Sprintf("--%s: default %v is not accepted: %s", name, def, k.Accepted()))
	}
	*p = def
	fs.Var(&numberValue{p: p, kind: k, hasDefault: true}, name, usage)
}

func addChoice(cmd *cobra.Command, p *string, name, short, def, what string, choices []string, usage string) {
	*p = def
	cmd.Flags().VarP(&textValue{p: p, kind: input.Choice(what, choices)}, name, short, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(choices, cobra.ShellCompDirectiveNoFileComp))
}

// addDuration declares a duration flag (minutes inside) with no default.
func addDuration(fs *pflag.FlagSet, p *float64, name, what, usage string) {
	addNumber(fs, p, name, input.Duration.Named(what), usage)
}

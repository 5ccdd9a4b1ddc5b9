package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// commonFlags are the flags every calculation has.
type commonFlags struct {
	mainID   string // the quota --limit sets
	limit    float64
	region   string
	edition  string
	target   float64
	detailed bool
	output   string
}

// Output holds how a result is written.
type Output struct {
	Format           render.Format
	DetailedExitcode bool
	Out              io.Writer
	// Err takes notes for people (Voice ID's end of support); nil drops them.
	Err io.Writer
	// Table is the table view's width and --wide.
	Table render.Options
}

// addOutputFlag declares --output and, for the table view, --wide.
func addOutputFlag(cmd *cobra.Command, p *string) {
	addFormatFlag(cmd, p)
	addWideFlag(cmd)
}

// addFormatFlag declares --output alone, for a command without a table.
func addFormatFlag(cmd *cobra.Command, p *string) {
	addChoice(cmd, p, "output", "o", string(render.Table), "an output format", render.Formats,
		"output format: "+strings.Join(render.Formats, "|"))
}

func addWideFlag(cmd *cobra.Command) {
	cmd.Flags().Bool("wide", false, "table output: show every column, unwrapped, whatever the terminal's width")
}

// tableOptions are the table view's width (COLUMNS, else the terminal's, else
// 100) and --wide.
func tableOptions(cmd *cobra.Command) render.Options {
	wide, _ := cmd.Flags().GetBool("wide")
	return render.Options{Width: widthOf(cmd), Wide: wide}
}

const detailedUsage = "exit 2 when a quota needs an increase request, 3 when a limit that cannot be raised is exceeded"

func addCommonFlags(cmd *cobra.Command, c *commonFlags, mainID, limitWhat string) {
	c.mainID = mainID
	fs := cmd.Flags()
	addNumber(fs, &c.limit, "limit", input.AppliedLimit,
		"the account's applied value of "+limitWhat+" (default: the documented default)")
	addRegion(cmd, &c.region, "AWS Region, for Region-specific defaults (us-east-1, ...)")
	addEdition(cmd, &c.edition)
	addTarget(fs, &c.target)
	addBool(fs, &c.detailed, "detailed-exitcode", detailedUsage)
	addOutputFlag(cmd, &c.output)
}

func (c *commonFlags) sizing(inv *invocation) sizing.Common {
	var limits report.Limits = report.Defaults{Region: c.region}
	if src := inv.source("limit"); src != "" {
		limits = report.Override{ID: c.mainID, Value: report.Limit{Value: c.limit, Source: src}, Next: limits}
	}
	return sizing.Common{Limits: limits, Region: c.region, TargetPct: c.target, Edition: tables.Edition(c.edition)}
}

func (c *commonFlags) outputOptions(cmd *cobra.Command) Output {
	return Output{Format: render.Format(c.output), DetailedExitcode: c.detailed, Out: cmd.OutOrStdout(), Err: cmd.ErrOrStderr(), Table: tableOptions(cmd)}
}

// require fails when a flag has no value from any source.
func require(inv *invocation, cmd *cobra.Command, names ...string) error {
	for _, name := range names {
		if inv.source(name) == "" {
			f := cmd.Flags().Lookup(name)
			return fmt.Errorf("missing --%s (%s): give it as a flag, as %s, or as %s in the config file",
				name, f.Usage, envName(name), name)
		}
	}
	return nil
}

// needs fails when a flag given on the command line only makes sense with another
// that is not set. Values from the environment or a config file are shared by every
// command, so they are not held against this one.
func needs(inv *invocation, flag, with string) error {
	if inv.source(flag) == report.FromFlag && inv.source(with) == "" {
		return fmt.Errorf("--%s only applies with --%s; give --%s too, or drop --%s", flag, with, with, flag)
	}
	return nil
}

// optional returns p when the flag was set from any source, else nil.
func optionalValue(inv *invocation, name string, p *float64) *float64 {
	if inv.source(name) == "" {
		return nil
	}
	v := *p
	return &v
}

// emit renders a result and maps its worst status to the exit code when
// --detailed-exitcode is set.
func emit(r *report.Result, o Output) error {
	if err := render.Write(o.Out, r.Document(), o.Format, o.Table); err != nil {
		return err
	}
	voiceIDNotice(o.Err, checkIDs(r.Checks))
	return detailedExit(r.Worst(), o.DetailedExitcode)
}

// checkIDs are the ids of the checks made (untouched rows are listed, not
// checked).
func checkIDs(checks []report.Check) []string {
	ids := make([]string, 0, len(checks))
	for _, c := range checks {
		if c.Status != report.Untouch {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// voiceIDNotice tells people once, on stderr, that Voice ID is out of support
// when any result is a Voice ID quota's.
func voiceIDNotice(w io.Writer, ids []string) {
	if w == nil {
		return
	}
	for _, id := range ids {
		if q, ok := tables.Find(id); ok && q.Service == "voice-id" {
			fmt.Fprintf(w, "connectcap: note: %s\n", tables.VoiceIDNotice)
			return
		}
	}
}

// detailedExit maps the worst status to the exit code when --detailed-exitcode is
// set.
func detailedExit(worst report.Status, detailed bool) error {
	if !detailed {
		return nil
	}
	switch worst.Severity() {
	case 3:
		return exitCode(ExitHardLimit)
	case 2:
		return exitCode(ExitIncrease)
	}
	return nil
}

// settingName names where a setting's value came from, for errors: the flag, the
// environment variable or the config key.
func settingName(inv *invocation, name string) string {
	switch inv.source(name) {
	case report.FromEnv:
		return "environment variable " + envName(name) + " (or its scoped form)"
	case report.FromConfig:
		return "config key " + name
	}
	return "--" + name
}

// sizingError names the flag to change when inputs cannot be sized together.
func sizingError(err error) error {
	if ie, ok := err.(*sizing.InputError); ok {
		return fmt.Errorf("%s: %s", ie.Flag, ie.Message)
	}
	return err
}

// defaultOf is a quota's documented default on the current page, for help texts,
// with the 2023 edition's where it differs: the numbers live in the catalogue only.
func defaultOf(id string) string {
	now := tables.Default().MustLookup(id).Default
	s := fmtNum(now)
	if old, ok := tables.In(tables.Edition2023).Lookup(id); ok && old.Default != now {
		s += "; " + fmtNum(old.Default) + " in the 2023 edition"
	}
	return s
}

// regionDefaultOf is a quota's Region-specific default in an edition.
func regionDefaultOf(id string, e tables.Edition, region string) string {
	v, _ := tables.In(e).MustLookup(id).DefaultIn(region)
	return fmtNum(v)
}

const editionUsage = "edition of the AWS quotas page whose defaults and rows are checked: 2026 (the current page) or 2023 (its 2023 edition)"

// addEdition declares --edition, whose default is the current page.
func addEdition(cmd *cobra.Command, p *string) {
	*p = string(tables.DefaultEdition)
	cmd.Flags().Var(&textValue{p: p, kind: input.Edition}, "edition", editionUsage)
	_ = cmd.RegisterFlagCompletionFunc("edition", cobra.FixedCompletions(input.Edition.Choices(), cobra.ShellCompDirectiveNoFileComp))
}

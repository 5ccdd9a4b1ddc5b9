package cmd

import (
	"errors"
	"fmt"
	"github.com/connectcap/connectcap/internal/input"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/connectcap/connectcap/plan"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// maxPlanBytes bounds a plan file: a real one is a few kilobytes.
const maxPlanBytes = 4 << 20

// PlanOptions is what connectcap plan runs with.
type PlanOptions struct {
	File        string
	Region      string
	TargetPct   float64
	Blocking    float64
	OnlyActions bool
	All         bool
	Output
}

// planFlags are the flags plan and request share.
type planFlags struct {
	file     string
	region   string
	target   float64
	blocking float64
	edition  string
	applied  string
	account  accountFlags
}

func addPlanFlags(cmd *cobra.Command, f *planFlags) {
	fs := cmd.Flags()
	fs.StringVarP(&f.file, "file", "f", "", "plan file, YAML or JSON ('-' reads standard input)")
	_ = cmd.MarkFlagFilename("file", "yaml", "yml", "json")
	addRegion(cmd, &f.region, "AWS Region: on the command line it overrides the plan's region; from the environment or a config file it applies only to a plan without one")
	addTarget(fs, &f.target)
	addEdition(cmd, &f.edition)
	cmd.Flags().Lookup("edition").Usage = editionUsage + ": on the command line it overrides the plan's edition; from the environment or a config file it applies only to a plan without one"
	addNumberDefault(fs, &f.blocking, "blocking", input.Blocking, sizing.DefaultBlocking,
		"largest share of calls, chats, emails, tasks and campaign calls the concurrency quotas may turn away (Erlang B): on the command line it overrides the plan's blocking; from the environment or a config file it applies only to a plan without one")
	fs.StringVar(&f.applied, "applied", "", "the account's applied values, after the plan's applied: maps: 'account' reads them live (connectcap-aws; --profile, --api-rate), or a FILE: a saved 'aws service-quotas list-service-quotas --service-code connect' or 'connectcap account -o json'")
	fs.StringVar(&f.account.profile, "profile", "", "with --applied account (or request --submit): named profile of the shared AWS config and credentials files")
	addNumberDefault(fs, &f.account.rate, "api-rate", input.Amount.Above(0).To(100).Named("requests per second per API"), 1, "with --applied account (or request --submit): connectcap's own pace per API operation, requests per second")
	addBool(fs, &f.account.debug, "debug", "with --applied account (or request --submit): one line per API request on stderr (never a credential or a signed header)")
}

// planWithApplied reads the plan and applies --applied; partial reports a live
// read that could not read everything.
func planWithApplied(inv *invocation, cmd *cobra.Command, f *planFlags, o plan.Options, submit bool) (*plan.Plan, string, bool, error) {
	for _, name := range []string{"profile", "api-rate", "debug"} {
		if inv.source(name) == report.FromFlag && f.applied != appliedAccount && !submit {
			return nil, "", false, fmt.Errorf("--%s only applies with --applied account or --submit", name)
		}
	}
	p, name, err := readPlan(inv, cmd, f.file)
	if err != nil {
		return nil, name, false, err
	}
	f.account.since = 14 * 24 * 60
	partial, err := withApplied(inv, cmd, p, f.applied, &f.account, planRegion(o, p))
	return p, name, partial, err
}

func addTarget(fs *pflag.FlagSet, p *float64) {
	addNumberDefault(fs, p, "target-utilization", input.TargetUtilization, sizing.DefaultTargetPct,
		"utilization (percent) at which a check warns and to which recommended values are sized")
}

// planOptions is how plan and request evaluate: a --region or --blocking flag
// overrides the plan's; a value from the environment or a config file, less
// specific than the plan, applies only when the plan gives none.
func planOptions(inv *invocation, f *planFlags, all bool) plan.Options {
	o := plan.Options{TargetPct: f.target, All: all}
	if inv.source("region") == report.FromFlag {
		o.Region = f.region
	} else {
		o.DefaultRegion = f.region
	}
	switch inv.source("blocking") {
	case report.FromFlag:
		o.Blocking = f.blocking
	case "":
	default:
		o.DefaultBlocking = f.blocking
	}
	switch inv.source("edition") {
	case report.FromFlag:
		o.Edition = tables.Edition(f.edition)
	case "":
	default:
		o.DefaultEdition = tables.Edition(f.edition)
	}
	return o
}

// readPlan reads and decodes the plan named by --file.
func readPlan(inv *invocation, cmd *cobra.Command, file string) (*plan.Plan, string, error) {
	if inv.source("file") == "" || file == "" {
		return nil, "", errors.New("missing --file (-f): give a plan file, or '-' for standard input; 'connectcap plan init' writes a starter")
	}
	return readPlanFile(cmd, file)
}

// readPlanFile reads and decodes a plan file ('-': standard input), writing its
// decoding notes to stderr.
func readPlanFile(cmd *cobra.Command, file string) (*plan.Plan, string, error) {
	var data []byte
	var err error
	name := file
	if file == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxPlanBytes+1))
	} else {
		var f *os.File
		if f, err = os.Open(file); err == nil {
			data, err = io.ReadAll(io.LimitReader(f, maxPlanBytes+1))
			f.Close()
		}
	}
	if err != nil {
		return nil, "", fmt.Errorf("plan file %s: %v", name, unwrapPath(err))
	}
	if len(data) > maxPlanBytes {
		return nil, "", fmt.Errorf("plan file %s: larger than %d bytes; a plan is a few kilobytes", name, maxPlanBytes)
	}
	p, err := plan.Decode(data, name)
	if err != nil {
		return nil, name, err
	}
	for _, w := range p.Warnings() {
		fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: %s\n", w)
	}
	return p, name, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func newCmdPlan(inv *invocation, runF func(*PlanOptions) error) *cobra.Command {
	var f planFlags
	var c commonFlags
	var opts PlanOptions
	cmd := &cobra.Command{
		Use:   "plan -f FILE",
		Short: "Check every quota a whole deployment touches, from a plan file",
		Long: `Check every Amazon Connect quota a deployment touches, from a plan file (YAML or
JSON) describing its instances, inventory, traffic per channel, conversational
analytics (Contact Lens), Voice ID, Cases, Customer Profiles, agent assist (Wisdom),
AppIntegrations, campaigns and API consumers. The plan's edition: key, or --edition,
picks the quotas page (2026, the current one, by default).

Per-instance quotas are checked per instance; per-account and per-Region quotas
(instances, domains, API rates) are summed over the instances. Concurrent calls,
chats, emails and tasks come from the Erlang B loss model, post-call jobs from the page's
formula, Voice ID sessions from the page's table, and agents, when the plan asks,
from Erlang C. The plan's applied: maps state the account's current values
(limit_source plan). Checks are sorted by severity; a limit that cannot be raised
says what fixes it.

'connectcap plan init' writes a commented starter plan; 'connectcap plan schema'
prints the plan file's JSON Schema.`,
		Example: `  connectcap plan init > plan.yaml
  connectcap plan -f plan.yaml
  connectcap plan -f examples/multichannel-400.yaml --only-actions
  cat plan.json | connectcap plan -f - -o json --detailed-exitcode`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			opts.File, opts.Region, opts.TargetPct, opts.Blocking = f.file, f.region, f.target, f.blocking
			opts.Output = c.outputOptions(cmd)
			if runF != nil {
				return runF(&opts)
			}
			po := planOptions(inv, &f, opts.All)
			p, name, partial, err := planWithApplied(inv, cmd, &f, po, false)
			if err != nil {
				return err
			}
			ev, err := plan.Evaluate(p, po)
			if err != nil {
				return err
			}
			planNotes(cmd, ev)
			if partial {
				defer func() {
					if err == nil || errors.Is(err, exitCode(ExitIncrease)) || errors.Is(err, exitCode(ExitHardLimit)) {
						err = exitCode(ExitPartial)
					}
				}()
			}
			r := ev.Result
			r.Inputs[0].Value = name
			if opts.OnlyActions {
				var keep []report.Check
				for _, ch := range r.Checks {
					if ch.Status.NeedsAction() {
						keep = append(keep, ch)
					}
				}
				full := *r
				full.Checks = append([]report.Check{}, keep...)
				full.Hidden = len(r.Checks) - len(keep)
				full.OnlyActions = true
				return emitPlan(&full, r, opts.Output)
			}
			return emitPlan(r, r, opts.Output)
		},
	}
	addPlanFlags(cmd, &f)
	addBool(cmd.Flags(), &opts.OnlyActions, "only-actions", "show only the checks that need an increase or exceed a hard limit")
	addBool(cmd.Flags(), &opts.All, "all", "also list catalogue rows the plan does not touch")
	addBool(cmd.Flags(), &c.detailed, "detailed-exitcode", detailedUsage)
	addOutputFlag(cmd, &c.output)
	cmd.AddCommand(newCmdPlanInit(), newCmdPlanSchema())
	return cmd
}

// emitPlan renders shown; the exit code follows every check in full.
func emitPlan(shown, full *report.Result, o Output) error {
	if err := render.Write(o.Out, shown.Document(), o.Format, o.Table); err != nil {
		return err
	}
	voiceIDNotice(o.Err, checkIDs(full.Checks))
	return detailedExit(full.Worst(), o.DetailedExitcode)
}

// missingARNs tells people which instances need an arn: in the plan before their
// resource-level requests can be filed.
func missingARNs(cmd *cobra.Command, rs *report.Requests, file string) {
	var names []string
	for _, r := range rs.Requests {
		if r.PerInstance && r.ContextID == nil && !slices.Contains(names, r.Instances[0]) {
			names = append(names, r.Instances[0])
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: %s gives no arn for instance %s: resource-level quotas are raised per instance, named by its ARN, so their requests wait for it (a placeholder in the command); add arn: to the instance\n", file, strings.Join(names, ", "))
	}
}

// planNotes writes the evaluation's warnings (plan keys the edition cannot check)
// to stderr.
func planNotes(cmd *cobra.Command, ev *plan.Evaluation) {
	for _, w := range ev.Warnings {
		fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: %s\n", w)
	}
}

func newCmdPlanInit() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter plan",
		Long:  "Write a commented starter plan to FILE, or to standard output without one or with '-'. An existing file is kept unless --force.",
		Example: `  connectcap plan init > plan.yaml
  connectcap plan init plan.yaml
  connectcap plan init - | less`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("plan init takes at most one FILE, got %d arguments; accepted: plan init, or plan init FILE", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || args[0] == "-" {
				_, err := cmd.OutOrStdout().Write(plan.Starter)
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(args[0], flags, 0o644)
			if err != nil {
				if errors.Is(err, os.ErrExist) {
					return fmt.Errorf("%s already exists; pass --force to overwrite it", args[0])
				}
				return fmt.Errorf("%s: %v", args[0], unwrapPath(err))
			}
			if _, err := f.Write(plan.Starter); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s; check it with: connectcap plan -f %s\n", args[0], args[0])
			return nil
		},
	}
	addBool(cmd.Flags(), &force, "force", "overwrite FILE if it exists")
	return cmd
}

func newCmdPlanSchema() *cobra.Command {
	return &cobra.Command{
		Use:     "schema",
		Short:   "Print the plan file's JSON Schema",
		Long:    "Print the plan file's JSON Schema (draft 2020-12), for editors that validate and complete YAML and JSON files.",
		Example: "  connectcap plan schema > plan.schema.json\n  # then, first line of plan.yaml for yaml-language-server:\n  # yaml-language-server: $schema=./plan.schema.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := plan.Schema()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(b)
			return err
		},
	}
}

// RequestOptions is what connectcap request runs with.
type RequestOptions struct {
	File      string
	Region    string
	TargetPct float64
	Blocking  float64
	Format    string
	Out       io.Writer
	Table     render.Options
	// DetailedExitcode exits 2 when there is a request to file, 3 when a limit
	// that cannot be raised is exceeded.
	DetailedExitcode bool
}

func newCmdRequest(inv *invocation, runF func(*RequestOptions) error) *cobra.Command {
	var f planFlags
	var opts RequestOptions
	var submit, yes bool
	cmd := &cobra.Command{
		Use:   "request -f FILE",
		Short: "Turn a plan's needed increases into ready-to-send requests",
		Long: `Turn every check of a plan that needs an increase into a ready request for its
recommended value: by default a shell script of 'aws service-quotas
request-service-quota-increase' commands, and for quotas without a quota code the
text to paste into the quota increase form. A resource-level quota is requested
per instance with the instance ARN as --context-id (the plan's arn:); an
account-level one once for the Region. Limits that cannot be raised are listed
with what fixes them. -o json, yaml or csv give the same for tools; -o table or
markdown for people. A request's method is service-quotas (run its command) or
support-form (paste its text into the form); -o csv adds the limits that cannot
be raised as rows with method cannot-raise and their way out in the text column.
A top-level output key in the config file or environment applies here too, so it
must be one of these formats.

Large increases can take up to 3 weeks: request early.`,
		Example: `  connectcap request -f plan.yaml > requests.sh
  connectcap request -f plan.yaml -o json | jq '.requests[].desired_value'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			opts.File, opts.Region, opts.TargetPct, opts.Blocking, opts.Out, opts.Table = f.file, f.region, f.target, f.blocking, cmd.OutOrStdout(), tableOptions(cmd)
			if runF != nil {
				return runF(&opts)
			}
			if err := needs(inv, "yes", "submit"); err != nil {
				return err
			}
			po := planOptions(inv, &f, false)
			p, name, partial, err := planWithApplied(inv, cmd, &f, po, submit)
			if err != nil {
				return err
			}
			if partial {
				defer func() {
					if err == nil || errors.Is(err, exitCode(ExitIncrease)) || errors.Is(err, exitCode(ExitHardLimit)) {
						err = exitCode(ExitPartial)
					}
				}()
			}
			ev, err := plan.Evaluate(p, po)
			if err != nil {
				return err
			}
			rs, err := plan.BuildRequests(ev, name)
			if err != nil {
				return err
			}
			if submit {
				format := render.Format(opts.Format)
				if inv.source("output") != report.FromFlag {
					format = render.Table
				}
				if err := submitRequests(inv, cmd, rs, &f, yes, format, opts.Table); err != nil {
					return err
				}
				planNotes(cmd, ev)
				return nil
			}
			if err := render.Write(opts.Out, rs.Document(), render.Format(opts.Format), opts.Table); err != nil {
				return err
			}
			planNotes(cmd, ev)
			ids := []string{}
			for _, r := range rs.Requests {
				ids = append(ids, r.ID)
			}
			for _, b := range rs.CannotRaise {
				ids = append(ids, b.ID)
			}
			voiceIDNotice(cmd.ErrOrStderr(), ids)
			missingARNs(cmd, rs, name)
			return detailedExit(rs.Worst(), opts.DetailedExitcode)
		},
	}
	addPlanFlags(cmd, &f)
	addBool(cmd.Flags(), &opts.DetailedExitcode, "detailed-exitcode", "exit 2 when there is a request to file, 3 when a limit that cannot be raised is exceeded (3 wins over 2)")
	addChoice(cmd, &opts.Format, "output", "o", string(render.Sh), "an output format", render.RequestFormats, "output format: "+strings.Join(render.RequestFormats, "|")+" (sh: a shell script of AWS CLI calls)")
	addWideFlag(cmd)
	addBool(cmd.Flags(), &submit, "submit", "file the requests with Service Quotas (connectcap-aws) after showing them and asking on a terminal; skips a quota with a request open and one whose applied value already meets the desired value")
	addBool(cmd.Flags(), &yes, "yes", "with --submit: file without asking (scripts)")
	cmd.AddCommand(newCmdRequestStatus(inv))
	return cmd
}

package cmd

import (
	"fmt"
	"strings"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// QuotasOptions is what connectcap quotas runs with.
type QuotasOptions struct {
	Edition    tables.Edition
	Service    string
	Adjustable string
	Level      string
	Search     string
	Output
}

var (
	adjustableChoices = []string{string(tables.Yes), string(tables.No), string(tables.NotStated)}
	levelChoices      = []string{string(tables.AccountLevel), string(tables.ResourceLevel), string(tables.LevelNotStated)}
)

// editionsHelp explains the editions, for the quotas commands' help.
const editionsHelp = `Editions: the catalogue holds two editions of the AWS page. 2026, the default, is
the current page, "Connect Customer service quotas"; 2023 is the page's earlier
edition, "Amazon Connect service quotas". --edition picks one. Rows only one
edition has are marked: "(2026 only)" after the name in the table and Markdown
views, and editions, the list of editions that have the row, in JSON, YAML and CSV.`

func newCmdQuotas(inv *invocation, runF func(*QuotasOptions) error) *cobra.Command {
	var opts QuotasOptions
	var output, edition string
	cmd := &cobra.Command{
		Use:   "quotas",
		Short: "List the Amazon Connect quota catalogue",
		Long: `List every quota on the Amazon Connect service quotas page, with its default,
scope, whether it can be raised and at which level (account or resource: one
instance), and its true Service Quotas codes (several links on the page point at the
wrong quota; connectcap carries the right ones, and none where no reliable code is
known). --edition picks the page: 2026, the current "Connect Customer service
quotas" (the default), or 2023, the earlier edition.

` + editionsHelp + `

Filters combine: --service, --adjustable, --level and --search (a case-insensitive
match on the id, name, note, quota code and API operations). 'connectcap quotas diff'
compares the two editions row by row.`,
		Example: `  connectcap quotas
  connectcap quotas --edition 2023
  connectcap quotas --service contact-lens -o json
  connectcap quotas --adjustable no --search instance
  connectcap quotas --level account
  connectcap quotas show connect.concurrent-active-calls
  connectcap quotas diff`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Output = Output{Format: render.Format(output), Out: cmd.OutOrStdout(), Table: tableOptions(cmd)}
			opts.Edition = tables.Edition(edition)
			opts.Service, _ = tables.CanonicalService(opts.Service)
			if runF != nil {
				return runF(&opts)
			}
			var c report.Catalogue
			for _, q := range tables.In(opts.Edition).All() {
				if matches(q, opts) {
					c.Quotas = append(c.Quotas, report.NewQuotaRow(q))
				}
			}
			return render.Write(opts.Out, c.Document(), opts.Format, opts.Table)
		},
	}
	addService(cmd, &opts.Service)
	addEdition(cmd, &edition)
	addChoice(cmd, &opts.Adjustable, "adjustable", "", "", "adjustability", adjustableChoices, "only rows that are adjustable: yes, no or not-stated")
	addChoice(cmd, &opts.Level, "level", "", "", "a level", levelChoices, "only rows whose increases apply at this level: account (account-wide in the Region), resource (per instance) or not-stated")
	addSearch(cmd, &opts.Search)
	addOutputFlag(cmd, &output)
	cmd.AddCommand(newCmdQuotasShow(inv), newCmdQuotasDiff(inv, nil))
	return cmd
}

func addService(cmd *cobra.Command, p *string) {
	addChoice(cmd, p, "service", "", "", "a service", serviceChoices(), "only this service: "+strings.Join(tables.Services, ", ")+" (wisdom and contact-lens name agent-assist and conversational-analytics)")
}

func addSearch(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "search", "", "only rows whose id, name, note, quota code or operations contain TEXT (any case)")
}

// serviceChoices are the service keys and their earlier names.
func serviceChoices() []string {
	return append(append([]string{}, tables.Services...), "contact-lens", "wisdom")
}

func matches(q tables.Quota, o QuotasOptions) bool {
	if o.Service != "" && q.Service != o.Service {
		return false
	}
	if o.Adjustable != "" && string(q.Adjustable) != o.Adjustable {
		return false
	}
	if o.Level != "" && string(q.Level) != o.Level {
		return false
	}
	return searchMatches(q, o.Search)
}

// searchMatches: the text is in the row's id, name, note, quota code or
// operations, in any case; an empty text matches every row.
func searchMatches(q tables.Quota, search string) bool {
	if search == "" {
		return true
	}
	text := strings.ToLower(strings.Join(append([]string{q.ID, q.Name, q.Note, q.QuotaCode}, q.Operations...), " "))
	return strings.Contains(text, strings.ToLower(search))
}

func newCmdQuotasShow(inv *invocation) *cobra.Command {
	var output, edition string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one quota with its note",
		Long: `Show one row of the catalogue, by quota id or Service Quotas quota code, with
every field and its note.

The row comes from the edition --edition names: 2026, the default, the current AWS
page "Connect Customer service quotas", or 2023, its earlier edition. An id that
only the other edition has is an error that names that edition.`,
		Example: "  connectcap quotas show contact-lens.concurrent-realtime-calls\n  connectcap quotas show contact-lens.concurrent-realtime-calls --edition 2023\n  connectcap quotas show L-12AB7C57 -o json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("quotas show takes one quota id, got %d arguments; list the ids with 'connectcap quotas'", len(args))
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return unionIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cat := tables.In(tables.Edition(edition))
			q, ok := cat.Lookup(args[0])
			if !ok {
				q, ok = cat.ByQuotaCode(args[0])
			}
			if !ok {
				if other, known := tables.Find(args[0]); known {
					return fmt.Errorf("quota %q is not on the %s edition of the quotas page; it is on the %s edition: give --edition %s", args[0], cat.Edition, other.Edition, other.Edition)
				}
				return fmt.Errorf("unknown quota id %q; accepted: an id or quota code from 'connectcap quotas'%s", args[0], similarIDs(args[0]))
			}
			return render.Write(cmd.OutOrStdout(), report.QuotaShow{Quota: report.NewQuotaRow(q)}.Document(), render.Format(output), tableOptions(cmd))
		},
	}
	addOutputFlag(cmd, &output)
	addEdition(cmd, &edition)
	return cmd
}

// unionIDs are the ids of every edition, for completion.
func unionIDs() []string {
	var out []string
	for _, q := range tables.Union() {
		out = append(out, q.ID)
	}
	return out
}

// similarIDs names ids that contain the text, to help after a typo.
func similarIDs(s string) string {
	var near []string
	low := strings.ToLower(s)
	for _, id := range unionIDs() {
		if strings.Contains(id, low) || (len(low) > 3 && strings.Contains(id, low[strings.LastIndex(low, ".")+1:])) {
			near = append(near, id)
		}
	}
	if len(near) == 0 || len(near) > 5 {
		return ""
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

// QuotasDiffOptions is what connectcap quotas diff runs with.
type QuotasDiffOptions struct {
	From, To tables.Edition
	Service  string
	Search   string
	All      bool
	Output
}

func newCmdQuotasDiff(inv *invocation, runF func(*QuotasDiffOptions) error) *cobra.Command {
	var opts QuotasDiffOptions
	var output, from, to string
	cmd := &cobra.Command{
		Use:   "diff",
		Short: "Compare two editions of the quotas page row by row",
		Long: `Compare two editions of the AWS quotas page row by row, by quota id: 2026, the
current page "Connect Customer service quotas", and 2023, the page's earlier edition
"Amazon Connect service quotas". By default the old side is 2023 and the new one
2026; --from and --to choose.

Each quota is added (only the new edition has it), removed (only the old one has
it), changed or unchanged. A changed quota lists the fields that differ, with the
old and the new value: name, service, kind, scope, default, unit, region_defaults,
burst, adjustable, level, service_code, quota_code and operations. Notes are not
compared (they are connectcap's commentary, reworded with each edition; 'connectcap
quotas show ID --edition 2023' shows a row's note in that edition). Unchanged quotas
are counted but listed only with --all.

The table and Markdown views have one line per changed field and end with the count
of each status. JSON and YAML carry from, to, summary (the counts) and quotas (id,
service, name, status, unit, old_default, new_default, changes: field, old, new).
CSV has one record per changed field, under the header
id,service,name,status,unit,old_default,new_default,field,old,new; an added,
removed or unchanged quota has one record with field, old and new empty.

Filters combine: --service (a service key or its earlier name) and --search (a
case-insensitive match on the id, name, note, quota code and API operations); a
quota matches when its row in either edition does.`,
		Example: `  connectcap quotas diff
  connectcap quotas diff --service contact-lens
  connectcap quotas diff --search chat -o json
  connectcap quotas diff --all -o csv
  connectcap quotas diff --from 2026 --to 2023`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == to {
				return fmt.Errorf("--from %s and --to %s name the same edition; accepted: two different editions (%s)", from, to, strings.Join(input.EditionCompared.Choices(), ", "))
			}
			opts.From, opts.To = tables.Edition(from), tables.Edition(to)
			opts.Service, _ = tables.CanonicalService(opts.Service)
			opts.Output = Output{Format: render.Format(output), Out: cmd.OutOrStdout(), Table: tableOptions(cmd)}
			if runF != nil {
				return runF(&opts)
			}
			return quotasDiffRun(&opts)
		},
	}
	addEditionSide(cmd, &from, "from", tables.Edition2023, "the old side: 2023 (the page's earlier edition) or 2026 (the current page)")
	addEditionSide(cmd, &to, "to", tables.DefaultEdition, "the new side: 2026 (the current page) or 2023 (the page's earlier edition)")
	addService(cmd, &opts.Service)
	addSearch(cmd, &opts.Search)
	addBool(cmd.Flags(), &opts.All, "all", "also list the quotas that are the same in both editions")
	addOutputFlag(cmd, &output)
	return cmd
}

func quotasDiffRun(opts *QuotasDiffOptions) error {
	var pairs []report.QuotaPair
	for _, p := range report.Pairs(tables.In(opts.From), tables.In(opts.To)) {
		if pairMatches(p, opts) {
			pairs = append(pairs, p)
		}
	}
	d := report.NewQuotaDiff(opts.From, opts.To, pairs, opts.All)
	return render.Write(opts.Out, d.Document(), opts.Format, opts.Table)
}

// pairMatches: the quota's row in either edition passes the filters.
func pairMatches(p report.QuotaPair, o *QuotasDiffOptions) bool {
	for _, q := range []*tables.Quota{p.Old, p.New} {
		if q != nil && (o.Service == "" || q.Service == o.Service) && searchMatches(*q, o.Search) {
			return true
		}
	}
	return false
}

// addEditionSide declares --from or --to: an edition, one side of a comparison.
func addEditionSide(cmd *cobra.Command, p *string, name string, def tables.Edition, usage string) {
	*p = string(def)
	cmd.Flags().Var(&textValue{p: p, kind: input.EditionCompared}, name, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(input.EditionCompared.Choices(), cobra.ShellCompDirectiveNoFileComp))
}

package cmd

import (
	"fmt"
	"strings"

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
	Search     string
	Output
}

var adjustableChoices = []string{string(tables.Yes), string(tables.No), string(tables.NotStated)}

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

Filters combine: --service, --adjustable and --search (a case-insensitive match on
the id, name, note, quota code and API operations).`,
		Example: `  connectcap quotas
  connectcap quotas --service contact-lens -o json
  connectcap quotas --adjustable no --search instance
  connectcap quotas show connect.concurrent-active-calls`,
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
	addChoice(cmd, &opts.Service, "service", "", "", "a service", serviceChoices(), "only this service: "+strings.Join(tables.Services, ", ")+" (wisdom and contact-lens name agent-assist and conversational-analytics)")
	addEdition(cmd, &edition)
	addChoice(cmd, &opts.Adjustable, "adjustable", "", "", "adjustability", adjustableChoices, "only rows that are adjustable: yes, no or not-stated")
	cmd.Flags().StringVar(&opts.Search, "search", "", "only rows whose id, name, note, quota code or operations contain TEXT (any case)")
	addOutputFlag(cmd, &output)
	cmd.AddCommand(newCmdQuotasShow(inv))
	return cmd
}

// serviceChoices are the service keys and their earlier names.
func serviceChoices() []string {
	out := append([]string{}, tables.Services...)
	for _, old := range []string{"contact-lens", "wisdom"} {
		out = append(out, old)
	}
	return out
}

func matches(q tables.Quota, o QuotasOptions) bool {
	if o.Service != "" && q.Service != o.Service {
		return false
	}
	if o.Adjustable != "" && string(q.Adjustable) != o.Adjustable {
		return false
	}
	if o.Search == "" {
		return true
	}
	text := strings.ToLower(strings.Join(append([]string{q.ID, q.Name, q.Note, q.QuotaCode}, q.Operations...), " "))
	return strings.Contains(text, strings.ToLower(o.Search))
}

func newCmdQuotasShow(inv *invocation) *cobra.Command {
	var output, edition string
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Show one quota with its note",
		Example: "  connectcap quotas show contact-lens.concurrent-realtime-calls\n  connectcap quotas show L-12AB7C57 -o json",
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

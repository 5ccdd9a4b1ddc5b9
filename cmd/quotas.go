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
	Service    string
	Adjustable string
	Search     string
	Output
}

var adjustableChoices = []string{string(tables.Yes), string(tables.No), string(tables.NotStated)}

func newCmdQuotas(inv *invocation, runF func(*QuotasOptions) error) *cobra.Command {
	var opts QuotasOptions
	var output string
	cmd := &cobra.Command{
		Use:   "quotas",
		Short: "List the Amazon Connect quota catalogue",
		Long: `List every quota on the Amazon Connect service quotas page, with its default,
scope, whether it can be raised, and its true Service Quotas codes (several links on
the page point at the wrong quota; connectcap carries the right ones, and none where
no reliable code is known).

Filters combine: --service, --adjustable and --search (a case-insensitive match on
the id, name, note, quota code and API operations).`,
		Example: `  connectcap quotas
  connectcap quotas --service contact-lens -o json
  connectcap quotas --adjustable no --search instance
  connectcap quotas show connect.concurrent-active-calls`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Output = Output{Format: render.Format(output), Out: cmd.OutOrStdout(), Table: tableOptions(cmd)}
			if runF != nil {
				return runF(&opts)
			}
			var c report.Catalogue
			for _, q := range tables.All() {
				if matches(q, opts) {
					c.Quotas = append(c.Quotas, report.NewQuotaRow(q))
				}
			}
			return render.Write(opts.Out, c.Document(), opts.Format, opts.Table)
		},
	}
	addChoice(cmd, &opts.Service, "service", "", "", "a service", tables.Services, "only this service: "+strings.Join(tables.Services, ", "))
	addChoice(cmd, &opts.Adjustable, "adjustable", "", "", "adjustability", adjustableChoices, "only rows that are adjustable: yes, no or not-stated")
	cmd.Flags().StringVar(&opts.Search, "search", "", "only rows whose id, name, note, quota code or operations contain TEXT (any case)")
	addOutputFlag(cmd, &output)
	cmd.AddCommand(newCmdQuotasShow(inv))
	return cmd
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
	var output string
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
			return tables.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			q, ok := tables.Lookup(args[0])
			if !ok {
				q, ok = tables.ByQuotaCode(args[0])
			}
			if !ok {
				return fmt.Errorf("unknown quota id %q; accepted: an id or quota code from 'connectcap quotas'%s", args[0], similarIDs(args[0]))
			}
			return render.Write(cmd.OutOrStdout(), report.QuotaShow{Quota: report.NewQuotaRow(q)}.Document(), render.Format(output), tableOptions(cmd))
		},
	}
	addOutputFlag(cmd, &output)
	return cmd
}

// similarIDs names ids that contain the text, to help after a typo.
func similarIDs(s string) string {
	var near []string
	low := strings.ToLower(s)
	for _, id := range tables.IDs() {
		if strings.Contains(id, low) || (len(low) > 3 && strings.Contains(id, low[strings.LastIndex(low, ".")+1:])) {
			near = append(near, id)
		}
	}
	if len(near) == 0 || len(near) > 5 {
		return ""
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

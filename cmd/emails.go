package cmd

import (
	"fmt"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/sizing"
	"github.com/spf13/cobra"
)

// EmailsOptions is what connectcap emails runs with.
type EmailsOptions struct {
	In sizing.Emails
	Output
}

func newCmdEmails(inv *invocation, runF func(*EmailsOptions) error) *cobra.Command {
	var c commonFlags
	var in sizing.Emails
	cmd := &cobra.Command{
		Use:   "emails --cph N --duration DURATION",
		Short: "Size concurrent active emails per instance (Erlang B)",
		Long: `Size concurrent active emails per instance (default quota ` + defaultOf(sizing.ConcurrentEmailsID) + `).

Every email not yet ended counts: in flows, queued, with agents (After Contact Work
included), and emails agents start while they are being composed. So --duration is
the whole time an email stays active, often hours or days (up to ` + emailActiveMost() + `, the
longest the active email contact expiry can be set to; it is ` + defaultOf(sizing.EmailContactExpiryID) + ` days by default,
and a longer --duration is noted). Agent-initiated emails (--outbound-cph,
--outbound-duration) count against the same quota. Sized as a loss system (Erlang
B) like chats: offered load A = emails per hour x minutes active / 60 erlangs, and
required is the smallest quota whose blocking is at or below --blocking.

Figures: offered load, blocking at the current limit, blocked emails per hour at
the limit, the most inbound emails per hour the limit carries at the blocking
target (after the agent-initiated ones), and the Poisson 99.9 % concurrency (no
quota).

Email quotas are new on the current (2026) page: with --edition 2023 the command
fails, --limit or not, since that edition has no row to check against.`,
		Example: `  connectcap emails --cph 120 --duration 6h
  connectcap emails --cph 120 --duration 2d --outbound-cph 30 --outbound-duration 20m
  connectcap emails --cph 120 --duration 2d --limit 5000 -o json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := require(inv, cmd, "cph", "duration"); err != nil {
				return err
			}
			if inv.source("outbound-cph") != "" && inv.source("outbound-duration") == "" {
				return require(inv, cmd, "outbound-duration")
			}
			if err := needs(inv, "outbound-duration", "outbound-cph"); err != nil {
				return err
			}
			in.Common = c.sizing(inv)
			if !in.HasEmails() {
				return fmt.Errorf("%s: the %s edition of the quotas page has no email quotas; accepted: --edition 2026, the current page", settingName(inv, "edition"), c.edition)
			}
			opts := &EmailsOptions{In: in, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			r, err := sizing.SizeEmails(opts.In)
			if err != nil {
				return sizingError(err)
			}
			return emit(r, opts.Output)
		},
	}
	fs := cmd.Flags()
	addNumber(fs, &in.EmailsPerHour, "cph", input.PerHour.Named("emails per hour"), "inbound emails per hour")
	addNumber(fs, &in.DurationMinutes, "duration", input.EmailActive.Named("the time an inbound email stays active, at most the longest active email contact expiry"),
		"time an inbound email stays active (flow, queue, agent, After Contact Work): minutes, or 90s, 6h, 3d")
	addNumberDefault(fs, &in.OutboundEmailsPerHour, "outbound-cph", input.Rate.Named("agent-initiated emails per hour"), 0, "agent-initiated (outbound) emails per hour")
	addNumber(fs, &in.OutboundDurationMinutes, "outbound-duration", input.EmailActive.Named("the time an agent-initiated email stays active, at most the longest active email contact expiry"),
		"time an agent-initiated email stays active, composing included")
	addBlocking(fs, &in.Blocking)
	addCommonFlags(cmd, &c, sizing.ConcurrentEmailsID, "concurrent active emails per instance")
	return cmd
}

// emailActiveMost is the longest time active the email flags take, for help:
// "90 days".
func emailActiveMost() string {
	_, most, _, _ := input.EmailActive.Bounds()
	return fmtNum(most/sizing.MinutesPerDay) + " days"
}

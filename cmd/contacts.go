package cmd

import (
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func addBlocking(fs *pflag.FlagSet, p *float64) {
	addNumberDefault(fs, p, "blocking", input.Blocking, sizing.DefaultBlocking,
		"largest share of contacts the quota may turn away (Erlang B)")
}

// CallsOptions is what connectcap calls runs with.
type CallsOptions struct {
	In sizing.Calls
	Output
}

func newCmdCalls(inv *invocation, runF func(*CallsOptions) error) *cobra.Command {
	var c commonFlags
	var in sizing.Calls
	cmd := &cobra.Command{
		Use:   "calls --cph N --duration MIN",
		Short: "Size concurrent active calls per instance (Erlang B)",
		Long: `Size concurrent active calls per instance (default quota ` + defaultOf("connect.concurrent-active-calls") + `).

Over the quota a call gets a fast busy tone: it is lost, not queued. So the need is
sized as a loss system: offered load A = calls per hour x minutes in Connect / 60
erlangs, and required is the smallest quota whose Erlang B blocking is at or below
--blocking. Minutes in Connect count flow, queue and agent time. Outbound calls
(--outbound-cph, --outbound-duration) count against the same quota.

Figures: offered load, blocking at the current limit, blocked calls per hour at the
limit, the most inbound calls per hour the limit carries at the blocking target, the
Poisson 99.9 % concurrency (no quota), and the largest "Maximum contacts in queue"
setting a flow accepts: on the current page the calls, chats and tasks quotas
combined, less 1 (3009 with the defaults); in the 2023 edition the calls quota less
1.`,
		Example: `  connectcap calls --cph 1200 --duration 6
  connectcap calls --cph 1200 --duration 6m30s --outbound-cph 300 --outbound-duration 4 --limit 150
  CONNECTCAP_CALLS_LIMIT=150 connectcap calls --cph 1200 --duration 6 -o csv`,
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
			opts := &CallsOptions{In: in, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			r, err := sizing.SizeCalls(opts.In)
			if err != nil {
				return sizingError(err)
			}
			return emit(r, opts.Output)
		},
	}
	fs := cmd.Flags()
	addNumber(fs, &in.CallsPerHour, "cph", input.PerHour.Named("calls per hour"), "inbound calls per hour")
	addDuration(fs, &in.DurationMinutes, "duration", "the minutes a call spends in Connect", "minutes an inbound call spends in Connect (flow, queue, agent): minutes, or 90s, 1h")
	addNumberDefault(fs, &in.OutboundCallsPerHour, "outbound-cph", input.Rate.Named("outbound calls per hour"), 0, "outbound calls per hour")
	addDuration(fs, &in.OutboundDurationMinutes, "outbound-duration", "the minutes an outbound call lasts", "minutes an outbound call lasts")
	addBlocking(fs, &in.Blocking)
	addCommonFlags(cmd, &c, "connect.concurrent-active-calls", "concurrent active calls per instance")
	return cmd
}

// ContactsOptions is what connectcap chats and connectcap tasks run with.
type ContactsOptions struct {
	In sizing.Contacts
	Output
}

func newCmdChats(inv *invocation, runF func(*ContactsOptions) error) *cobra.Command {
	return newCmdContacts(inv, runF, contactsCommand{
		use:   "chats --cph N --duration MIN",
		short: "Size concurrent active chats per instance (Erlang B)",
		long: `Size concurrent active chats per instance (default quota ` + defaultOf("connect.concurrent-active-chats") + `).

Waiting chats count, and over the quota StartChatContact fails, so the need is sized
as a loss system (Erlang B) like calls: required is the smallest quota whose blocking
is at or below --blocking. --duration is the whole time a chat stays active.`,
		example: `  connectcap chats --cph 400 --duration 25
  connectcap chats --cph 400 --duration 25m --limit 500 -o json`,
		noun:  "chats",
		id:    "connect.concurrent-active-chats",
		quota: "concurrent active chats per instance",
		size:  sizing.SizeChats,
	})
}

func newCmdTasks(inv *invocation, runF func(*ContactsOptions) error) *cobra.Command {
	return newCmdContacts(inv, runF, contactsCommand{
		use:   "tasks --cph N --duration DURATION",
		short: "Size concurrent active tasks per instance (Erlang B)",
		long: `Size concurrent active tasks per instance (default quota ` + defaultOf("connect.concurrent-active-tasks") + `).

Every task not yet ended counts (in flows, queued, with agents, in After Contact
Work), so --duration is a task's whole life, often hours. Sized as a loss system
(Erlang B) like calls. --schedule-ahead-days checks how far ahead tasks are
scheduled against the limit in days, which cannot be raised
(` + defaultOf("connect.task-schedule-ahead") + `).`,
		example: `  connectcap tasks --cph 900 --duration 3h
  connectcap tasks --cph 900 --duration 2d --schedule-ahead-days 5`,
		noun:     "tasks",
		id:       "connect.concurrent-active-tasks",
		quota:    "concurrent active tasks per instance",
		size:     sizing.SizeTasks,
		schedule: true,
	})
}

type contactsCommand struct {
	use, short, long, example, noun, id, quota string
	size                                       func(sizing.Contacts) (*report.Result, error)
	schedule                                   bool
}

func newCmdContacts(inv *invocation, runF func(*ContactsOptions) error, spec contactsCommand) *cobra.Command {
	var c commonFlags
	var in sizing.Contacts
	var days float64
	cmd := &cobra.Command{
		Use:     spec.use,
		Short:   spec.short,
		Long:    spec.long,
		Example: spec.example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := require(inv, cmd, "cph", "duration"); err != nil {
				return err
			}
			in.Common = c.sizing(inv)
			if spec.schedule {
				in.ScheduleAheadDays = optionalValue(inv, "schedule-ahead-days", &days)
			}
			opts := &ContactsOptions{In: in, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			r, err := spec.size(opts.In)
			if err != nil {
				return sizingError(err)
			}
			return emit(r, opts.Output)
		},
	}
	fs := cmd.Flags()
	addNumber(fs, &in.PerHour, "cph", input.PerHour.Named(spec.noun+" per hour"), spec.noun+" per hour")
	addDuration(fs, &in.DurationMinutes, "duration", "the time one of the "+spec.noun+" stays active", "time one of the "+spec.noun+" stays active: minutes, or 90s, 1h, 2d")
	if spec.schedule {
		addNumber(fs, &days, "schedule-ahead-days", input.ScheduleAheadDays, "how many days ahead tasks are scheduled")
	}
	addBlocking(fs, &in.Blocking)
	addCommonFlags(cmd, &c, spec.id, spec.quota)
	return cmd
}

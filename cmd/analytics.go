package cmd

import (
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// AnalyticsOptions is what connectcap analytics runs with.
type AnalyticsOptions struct {
	In sizing.Analytics
	Output
}

func newCmdAnalytics(inv *invocation, runF func(*AnalyticsOptions) error) *cobra.Command {
	var c commonFlags
	var duration, cph, share, rtLimit, blocking float64
	cmd := &cobra.Command{
		Use:   "analytics --duration MIN --cph N",
		Short: "Check conversational analytics (Contact Lens) post-call jobs and real-time calls",
		Long: `Check concurrent post-call analytics jobs of conversational analytics (the product
AWS called Contact Lens until 2026) against their quota (` + defaultOf("contact-lens.concurrent-post-call-jobs") + `).

Jobs = average call duration in minutes x 0.4 x calls per hour / 60, the page's
formula for calls spread evenly over the hour. post_call_jobs_rounded is the figure
as the page rounds it; required is the whole number that covers the exact value.

With --realtime-share, also check concurrent real-time calls with analytics
(` + defaultOf("contact-lens.concurrent-realtime-calls") + `, ` + regionDefaultOf("contact-lens.concurrent-realtime-calls", tables.Edition2023, "us-east-1") + ` in us-east-1 there), sized with the Erlang B
loss model at --blocking.`,
		Example: `  connectcap analytics --duration 10 --cph 3000
  connectcap analytics --duration 6m --cph 1200 --realtime-share 0.25 --region us-east-1 -o json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := require(inv, cmd, "duration", "cph"); err != nil {
				return err
			}
			for _, f := range []string{"realtime-limit", "blocking"} {
				if err := needs(inv, f, "realtime-share"); err != nil {
					return err
				}
			}
			opts := &AnalyticsOptions{
				In: sizing.Analytics{
					Common:          c.sizing(inv),
					DurationMinutes: duration,
					CallsPerHour:    cph,
					RealtimeShare:   optionalValue(inv, "realtime-share", &share),
					Blocking:        blocking,
				},
				Output: c.outputOptions(cmd),
			}
			if src := inv.source("realtime-limit"); src != "" {
				opts.In.Limits = report.Override{ID: sizing.RealtimeCallsID, Value: report.Limit{Value: rtLimit, Source: src}, Next: opts.In.Limits}
			}
			if runF != nil {
				return runF(opts)
			}
			return analyticsRun(opts)
		},
	}
	fs := cmd.Flags()
	addDuration(fs, &duration, "duration", "the average call duration", "average call duration: minutes, or 90s, 1h")
	addNumber(fs, &cph, "cph", input.PerHour.Named("calls per hour"), "calls per hour with post-call conversational analytics")
	addNumber(fs, &share, "realtime-share", input.Share.Named("a share of calls"), "share of calls (0 to 1) with real-time analytics; adds the real-time check")
	addNumber(fs, &rtLimit, "realtime-limit", input.AppliedLimit, "the account's applied value of concurrent real-time calls with analytics")
	addBlocking(fs, &blocking)
	addCommonFlags(cmd, &c, sizing.PostCallJobsID, "concurrent post-call analytics jobs")
	return cmd
}

func analyticsRun(opts *AnalyticsOptions) error {
	r, err := sizing.SizeAnalytics(opts.In)
	if err != nil {
		return sizingError(err)
	}
	return emit(r, opts.Output)
}

package cmd

import (
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// VoiceIDOptions is what connectcap voiceid runs with.
type VoiceIDOptions struct {
	In sizing.VoiceID
	Output
}

func newCmdVoiceID(inv *invocation, runF func(*VoiceIDOptions) error) *cobra.Command {
	var c commonFlags
	var in sizing.VoiceID
	var speakers, fraudsters float64
	cmd := &cobra.Command{
		Use:   "voiceid --cph N",
		Short: "Check Voice ID sessions, domains, speakers and watchlists",
		Long: `Check Amazon Connect Voice ID quotas. AWS ended support for Voice ID on
` + tables.VoiceIDEndOfSupport + `: Voice ID can no longer be used, and connectcap sizes it for records
and migrations only (every check's note and a line on stderr say so).

Concurrent active sessions come from the page's table of calls per hour through
Voice ID, read piecewise-linearly: through the origin below 1,000 calls per hour and
along the last segment above 50,000. They are checked per domain (` + defaultOf("voice-id.concurrent-sessions") + `).

--speakers and --fraudsters add checks of speakers per domain, domains, watchlists
per domain, fraudsters per watchlist and batch job sizes. Totals are spread evenly
over --domains.`,
		Example: `  connectcap voiceid --cph 5000
  connectcap voiceid --cph 12000 --speakers 250000 --fraudsters 1200 --domains 2`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := require(inv, cmd, "cph"); err != nil {
				return err
			}
			for _, n := range [][2]string{{"watchlists", "fraudsters"}, {"fraudster-batch", "fraudsters"}, {"speaker-batch", "speakers"}} {
				if err := needs(inv, n[0], n[1]); err != nil {
					return err
				}
			}
			in.Common = c.sizing(inv)
			in.Speakers = optionalValue(inv, "speakers", &speakers)
			in.Fraudsters = optionalValue(inv, "fraudsters", &fraudsters)
			opts := &VoiceIDOptions{In: in, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			r, err := sizing.SizeVoiceID(opts.In)
			if err != nil {
				return sizingError(err)
			}
			return emit(r, opts.Output)
		},
	}
	fs := cmd.Flags()
	addNumber(fs, &in.CallsPerHour, "cph", input.PerHour.Named("calls per hour"), "calls per hour through Voice ID")
	addNumberDefault(fs, &in.Domains, "domains", input.Count.From(1).To(1000).Named("a number of domains"), 1, "Voice ID domains the calls and speakers are spread over")
	addNumber(fs, &speakers, "speakers", input.Count.Named("a number of speakers"), "enrolled speakers across the domains; adds speaker checks")
	addNumber(fs, &fraudsters, "fraudsters", input.Count.Named("a number of fraudsters"), "registered fraudsters across the domains; adds watchlist checks")
	addNumber(fs, &in.Watchlists, "watchlists", input.Count.From(1).To(1000).Named("a number of watchlists"), "watchlists per domain, including the default (default: the fewest that hold the fraudsters)")
	addNumber(fs, &in.SpeakerBatch, "speaker-batch", input.Count.From(1).Named("a batch size"), "speakers per batch enrollment job (default: the largest the quota allows)")
	addNumber(fs, &in.FraudsterBatch, "fraudster-batch", input.Count.From(1).Named("a batch size"), "fraudsters per batch registration job (default: the largest the quota allows)")
	addCommonFlags(cmd, &c, "voice-id.concurrent-sessions", "concurrent active sessions per domain")
	return cmd
}

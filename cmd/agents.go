package cmd

import (
	"fmt"
	"github.com/connectcap/connectcap/internal/input"
	"math"

	"github.com/connectcap/connectcap/sizing"
	"github.com/spf13/cobra"
)

// AgentsOptions is what connectcap agents runs with.
type AgentsOptions struct {
	In sizing.Agents
	Output
}

func newCmdAgents(inv *invocation, runF func(*AgentsOptions) error) *cobra.Command {
	var c commonFlags
	var in sizing.Agents
	var ahtMinutes, answerMinutes, given float64
	cmd := &cobra.Command{
		Use:   "agents --cph N --aht DURATION --answer-within DURATION --service-level PCT",
		Short: "Size agents for a service level (Erlang C) and check users per instance",
		Long: `Size the agents a queue needs for a service level, with Erlang C, and check the
scheduled agents against users per instance (default quota ` + defaultOf("connect.users") + `). The quota
counts every user account, not the seats of one hour: --roster-factor 1.6 counts
160 agent accounts per 100 agents scheduled at the peak.

Offered load A = calls per hour x AHT / 60 min erlangs. Agents = the smallest N
above A whose service level 1 - C(N, A) x exp(-(N - A) x t / AHT) reaches
--service-level and whose occupancy A / N stays at or below --max-occupancy, where
C is the Erlang C probability of waiting and t is --answer-within. The average
speed of answer is C x AHT / (N - A). Scheduled agents = ceil(agents / (1 -
shrinkage)): the agents to roster so that enough remain after breaks, training and
absence.

Durations follow the rule of every command: a plain number is minutes, so write
--answer-within 20s for 20 seconds (3m, 180s and 1h also work).

With --agents N, evaluate N agents instead of sizing; --service-level is then
optional and, when given, the note says how many agents meet it. When N does not
exceed the load, the queue never empties: probability_of_waiting is 1,
service_level_pct 0, occupancy_pct 100, and asa_seconds has no bound, written as
null in JSON.`,
		Example: `  connectcap agents --cph 200 --aht 180s --answer-within 20s --service-level 80
  connectcap agents --cph 200 --aht 3m --answer-within 20s --service-level 80 --shrinkage 30 -o json
  connectcap agents --cph 200 --aht 3m --answer-within 20s --agents 13`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := require(inv, cmd, "cph", "aht", "answer-within"); err != nil {
				return err
			}
			if inv.source("agents") == "" {
				if err := require(inv, cmd, "service-level"); err != nil {
					return err
				}
			} else {
				in.Given = int(given)
			}
			// A bare number is minutes, as everywhere in connectcap; answer targets
			// and handle times are usually said in seconds, so say how it was read.
			if plainMinutes(cmd.Flags(), "answer-within") {
				fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: --answer-within %s is read as %s minutes; write %ss for seconds\n", fmtNum(answerMinutes), fmtNum(answerMinutes), fmtNum(answerMinutes))
			}
			if plainMinutes(cmd.Flags(), "aht") && ahtMinutes > 60 {
				fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: note: --aht %s is read as %s minutes; write %ss for seconds\n", fmtNum(ahtMinutes), fmtNum(ahtMinutes), fmtNum(ahtMinutes))
			}
			in.AHTSeconds = secondsOf(ahtMinutes)
			in.AnswerWithinSeconds = secondsOf(answerMinutes)
			in.Common = c.sizing(inv)
			opts := &AgentsOptions{In: in, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			r, err := sizing.SizeAgents(opts.In)
			if err != nil {
				return sizingError(err)
			}
			return emit(r, opts.Output)
		},
	}
	fs := cmd.Flags()
	addNumber(fs, &in.CallsPerHour, "cph", input.PerHour.Named("calls per hour"), "calls per hour offered to the agents")
	addDuration(fs, &ahtMinutes, "aht", "the average handle time", "average handle time (talk, hold, after-call work): minutes, or 180s, 1h")
	addDuration(fs, &answerMinutes, "answer-within", "the service level's answer time", "answer time of the service level: minutes, so write 20s for 20 seconds")
	addNumber(fs, &in.ServiceLevelPct, "service-level", input.ServiceLevel, "target percentage of calls answered within --answer-within")
	addNumberDefault(fs, &in.ShrinkagePct, "shrinkage", input.Shrinkage, 0, "percentage of scheduled time agents are away (breaks, training, absence)")
	addNumberDefault(fs, &in.MaxOccupancyPct, "max-occupancy", input.MaxOccupancy, 100, "most of their time (percent) agents may spend on calls")
	addNumber(fs, &in.RosterFactor, "roster-factor", input.RosterFactor, "agent user accounts per agent scheduled at the peak (every shift, part-timers, leave): users per instance counts every account (default: the peak's scheduled agents only)")
	addNumber(fs, &given, "agents", input.Count.From(1).To(sizing.MaxAgents).Named("a number of agents"), "evaluate this many agents instead of sizing")
	addCommonFlags(cmd, &c, "connect.users", "users per instance")
	return cmd
}

// secondsOf turns the minutes a duration flag holds into seconds, rounded to the
// nanosecond so that 20s stays 20 rather than 19.999999999999996.
func secondsOf(minutes float64) float64 {
	return math.Round(minutes*60e9) / 1e9
}

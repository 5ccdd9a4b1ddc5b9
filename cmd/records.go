package cmd

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/internal/traffic/ctr"
	"github.com/connectcap/connectcap/internal/traffic/forecast"
	"github.com/connectcap/connectcap/plan"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// RecordsOptions is what connectcap contacts runs with.
type RecordsOptions struct {
	Files   []string
	Measure ctr.Options
	Strict  bool
	Plan    plan.Options
}

// kindQuota is the quota each measured concurrency counts against, and the
// channel whose traffic it is (post-call jobs and real-time calls are voice).
var kindQuota = [ctr.NumKinds]struct {
	id      string
	channel traffic.Channel
}{
	ctr.Calls:         {"connect.concurrent-active-calls", traffic.Voice},
	ctr.Chats:         {"connect.concurrent-active-chats", traffic.Chat},
	ctr.Tasks:         {"connect.concurrent-active-tasks", traffic.Task},
	ctr.Emails:        {sizing.ConcurrentEmailsID, traffic.Email},
	ctr.PostCallJobs:  {sizing.PostCallJobsID, traffic.Voice},
	ctr.RealtimeCalls: {sizing.RealtimeCallsID, traffic.Voice},
}

func newCmdRecords(inv *invocation, runF func(*RecordsOptions) error) *cobra.Command {
	var f timelineFlags
	var interval, factor float64
	var strict bool
	cmd := &cobra.Command{
		Use:   "contacts -f FILE|DIR",
		Short: "Measure each quota's real peak concurrency from contact records",
		Long: `Measure the real concurrency of each quota, per instance, from Amazon Connect contact
records as data streaming delivers them: JSON objects one per line or concatenated,
gzip or not, files, directories of them, or standard input.

Counting (spans are half-open: an end and a start at the same instant do not
overlap): calls are VOICE records from initiation to disconnect, a CALLBACK from
when it is dequeued to an agent, a call transferred to an external number until
the transfer completes; chats from initiation to disconnect; tasks and emails
until the later of disconnect and the end of After Contact Work; post-call
analytics jobs from disconnect for --post-call-factor x the call's connected time;
real-time analytics calls over their call span. Each contact record counts over its
own span, so transfer legs that overlap both count. A record delivered more than
once counts once, as its latest update; MONITOR records are not customer contacts
(counted, not added). Bad records are counted and the first few reported with
their file and line; --strict makes them an error.

required is the measured peak, with the first instant it is reached; the figures
compare the busiest interval's peak with what the loss model predicts for its
traffic. --series writes the traffic per interval in connectcap's forecast CSV, so
'connectcap contacts -f ctr/ --series | connectcap forecast -f - --growth 20%'
projects history forward.`,
		Example: `  connectcap contacts -f ctr/
  connectcap contacts -f 2026/03/ --chart march.svg -o html > march.html
  aws s3 cp s3://my-ctr-bucket/ctr/2026/03/02/10/part-0001.gz - | connectcap contacts -f -
  connectcap contacts -f ctr/ --series --interval 30m > history.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(f.files) == 0 {
				return fmt.Errorf("missing --file (-f): give contact record files, a directory, or '-' for standard input")
			}
			step := time.Duration(interval * float64(time.Minute))
			if _, err := wholeMinutesOf(interval); err != nil {
				return err
			}
			opts := &RecordsOptions{Files: f.files, Strict: strict, Plan: f.planOptions(inv),
				Measure: ctr.Options{PostCallFactor: factor, Interval: step}}
			if runF != nil {
				return runF(opts)
			}
			base, sources, err := f.inputs(cmd)
			if err != nil {
				return err
			}
			// The heap holds the de-duplication table and the events, a few
			// tens of bytes per contact; a soft memory limit keeps the garbage
			// collector from letting a long read's heap double before it runs.
			// GOMEMLIMIT, when set, wins.
			if v, ok := inv.app.LookupEnv("GOMEMLIMIT"); !ok || v == "" {
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(contactsMemoryLimit))
			}
			meter := newProgress(inv, cmd, "records")
			if meter != nil {
				opts.Measure.Progress = func(p ctr.Progress) { meter.show(p.Bytes, p.Records, p.Elapsed) }
			}
			m, err := ctr.Measure(sources, opts.Measure)
			meter.done()
			if err != nil {
				return err
			}
			if err := reportProblems(cmd.ErrOrStderr(), m, opts.Strict); err != nil {
				return err
			}
			if m.Distinct == 0 {
				return fmt.Errorf("-f %s: no contact record could be counted (%d read, %d MONITOR, %d bad)", strings.Join(opts.Files, ", "), m.Records, m.Monitor, m.Problems)
			}
			if f.series {
				var b strings.Builder
				if err := forecast.WriteCSV(&b, m.Series()); err != nil {
					return err
				}
				_, err := io.WriteString(cmd.OutOrStdout(), b.String())
				return err
			}
			r, err := contactsResult(m, opts, base)
			if err != nil {
				return err
			}
			return timelineOutput(inv, cmd, r, &f)
		},
	}
	addTimelineFlags(cmd, &f, "contact record file or directory")
	fs := cmd.Flags()
	addNumberDefault(fs, &interval, "interval", input.Duration.Named("the interval length"), 15, "interval of the per-interval figures, charts and --series: whole minutes dividing an hour, such as 15m or 30m")
	addNumberDefault(fs, &factor, "post-call-factor", input.PostCallFactor, 0.4, "length of a post-call analytics job per minute of call (the page estimates 0.4)")
	addBool(fs, &strict, "strict", "exit 1 when any record is bad (malformed, a timestamp missing, an end before its start, an unknown channel)")
	addBool(fs, &f.series, "series", "write the traffic per interval (contacts, average handle time, peak concurrency) in connectcap's forecast CSV instead of the checks")
	return cmd
}

// contactsMemoryLimit is the soft memory limit of a contacts run.
const contactsMemoryLimit = 40 << 20

// reportProblems writes the count of bad records, by kind, and the first few
// with their position to stderr; with strict they are an error.
func reportProblems(w io.Writer, m *ctr.Result, strict bool) error {
	if m.Monitor > 0 {
		fmt.Fprintf(w, "connectcap: note: %s (supervisors listening in) not counted: not customer contacts\n", plural(m.Monitor, "MONITOR record"))
	}
	if m.NeverDequeued > 0 {
		fmt.Fprintf(w, "connectcap: note: %s never dequeued to an agent: never counted as calls\n", plural(m.NeverDequeued, "callback"))
	}
	if m.Problems == 0 {
		return nil
	}
	var kinds []string
	for _, k := range slices.Sorted(maps.Keys(m.ProblemKinds)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, m.ProblemKinds[k]))
	}
	summary := fmt.Sprintf("%s not counted (%s)", plural(m.Problems, "bad record"), strings.Join(kinds, ", "))
	if strict {
		first := ""
		if len(m.Samples) > 0 {
			first = "; first: " + m.Samples[0].String()
		}
		return fmt.Errorf("--strict: %s%s", summary, first)
	}
	fmt.Fprintf(w, "connectcap: warning: %s; the first:\n", summary)
	for _, p := range m.Samples {
		fmt.Fprintf(w, "  %s\n", p.String())
	}
	return nil
}

// contactsResult grades each measured peak against its limit: interval by
// interval through the one check, so the peak check and the time above the
// target and the limit come from the same tracker as a forecast's.
func contactsResult(m *ctr.Result, o *RecordsOptions, base *plan.Plan) (*report.Result, error) {
	pe, err := plan.Limits(base, o.Plan)
	if err != nil {
		return nil, err
	}
	blocking := pe.Blocking
	starts := gridStarts(m)
	tr := report.NewTracker(starts, m.Step, pe.TargetPct)
	r := report.New("contacts", "Measured concurrency from contact records (connectcap contacts)")
	cat := tables.In(pe.Edition())
	// track adds one quota's measured need, interval by interval, through the
	// one check.
	track := func(c sizing.Common, k ctr.Kind, in ctr.Instance, note string) {
		id := kindQuota[k].id
		offset := int(in.Intervals[0].Start.Sub(starts[0]) / m.Step)
		for i, iv := range in.Intervals {
			tr.Add(offset+i, c.Check(id, float64(iv.Peak[k]), note))
		}
		tr.PeakAt(id, c.Instance, in.Peaks[k].At)
	}
	// Quotas of the account (post-call jobs and real-time calls on the current
	// page) take every instance's contacts together.
	account := m.Account
	if account == nil && len(m.Instances) == 1 {
		account = &m.Instances[0]
	}
	for k := ctr.Kind(0); k < ctr.NumKinds; k++ {
		q, ok := cat.Lookup(kindQuota[k].id)
		if !ok || q.Level != tables.AccountLevel || !account.Peaks[k].Seen {
			continue
		}
		track(pe.Common(""), k, *account, measuredNote(k, q, len(m.Instances), o.Measure))
	}
	for _, in := range m.Instances {
		name := pe.NameOf(in.Name, in.ARN)
		c := pe.Common(name)
		for k := ctr.Kind(0); k < ctr.NumKinds; k++ {
			q, ok := cat.Lookup(kindQuota[k].id)
			if !ok || q.Level == tables.AccountLevel || !in.Peaks[k].Seen {
				continue // the 2023 edition has no email quotas
			}
			track(c, k, in, measuredNote(k, q, len(m.Instances), o.Measure))
			if k <= ctr.Emails {
				addModelMargin(r, in, k, name, len(m.Instances) > 1, blocking, m.Step)
			}
		}
	}
	r.Inputs.Add("files", m.Files, "files read", "")
	r.Inputs.Add("bytes", m.Bytes, "bytes read", "")
	r.Inputs.Add("records", m.Records, "records read", "")
	r.Inputs.Add("contacts", m.Distinct, "distinct contacts counted", "")
	r.Inputs.Add("duplicates", m.Duplicates, "repeated deliveries dropped", "")
	r.Inputs.Add("monitor_records", m.Monitor, "MONITOR records (not counted)", "")
	r.Inputs.Add("bad_records", m.Problems, "bad records (not counted)", "")
	r.Inputs.Add("first_start", report.Instant(m.Start), "first contact starts", "")
	r.Inputs.Add("last_end", report.Instant(m.End), "last contact ends", "")
	r.Inputs.Add("interval_minutes", m.Step.Minutes(), "interval length", "minutes")
	r.Inputs.Add("post_call_factor", cmp.Or(o.Measure.PostCallFactor, ctr.DefaultPostCallFactor), "post-call job minutes per call minute", "")
	r.Inputs.Add("blocking_target", blocking, "blocking target of the model comparison", "")
	pe.AddInputs(r)
	peaks := tr.Peaks()
	slices.SortStableFunc(peaks, func(a, b report.Peak) int { return b.Check.Status.Severity() - a.Check.Status.Severity() })
	peaksResult(r, peaks)
	return r, nil
}

// plural is "1 record" or "2 records".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// measuredNote says how a measured quota was counted.
func measuredNote(k ctr.Kind, q tables.Quota, instances int, o ctr.Options) string {
	s := "Measured from contact records: the most contacts open at once."
	switch k {
	case ctr.PostCallJobs:
		s = fmt.Sprintf("Measured from contact records: jobs from disconnect lasting %s x the connected time, the most running at once.", render.Raw(cmp.Or(o.PostCallFactor, ctr.DefaultPostCallFactor)))
	case ctr.RealtimeCalls:
		s = "Measured from contact records: calls with real-time analytics open at once."
	}
	if q.Level == tables.AccountLevel {
		s += " The quota applies to the account: every instance's contacts counted together."
	}
	return s
}

// addModelMargin compares the busiest interval's measured peak with what the
// loss model needs for that interval's traffic. labelled names the instance in
// the labels (more than one instance).
func addModelMargin(r *report.Result, in ctr.Instance, k ctr.Kind, name string, labelled bool, blocking float64, step time.Duration) {
	busiest := 0
	for i, iv := range in.Intervals {
		if iv.Peak[k] > in.Intervals[busiest].Peak[k] {
			busiest = i
		}
	}
	iv := in.Intervals[busiest]
	l := iv.Channels[kindQuota[k].channel]
	perHour := l.Contacts * 60 / step.Minutes()
	load := calc.OfferedLoad(perHour, l.ConnectSeconds/60)
	model := calc.SmallestServers(load, blocking)
	key := name + "." + k.String()
	label := k.String() + ", busiest interval: "
	if labelled {
		label = name + " " + label
	}
	r.Figures.Add(key+".busiest_interval_start", report.Instant(iv.Start), label+"start", "")
	r.Figures.Add(key+".busiest_interval_contacts", l.Contacts, label+"contacts starting", "")
	r.Figures.Add(key+".busiest_interval_offered_load_erlangs", load, label+"offered load", "erlangs")
	r.Figures.Add(key+".busiest_interval_measured_peak", iv.Peak[k], label+"measured peak", "")
	r.Figures.Add(key+".busiest_interval_model_required", model, label+"loss model's need", "")
	r.Figures.Add(key+".model_margin", model-iv.Peak[k], label+"model less measured", "")
}

// gridStarts are the interval starts from the earliest instance's first to the
// latest one's last.
func gridStarts(m *ctr.Result) []time.Time {
	var first, last time.Time
	for i, in := range m.Instances {
		a, b := in.Intervals[0].Start, in.Intervals[len(in.Intervals)-1].Start
		if i == 0 || a.Before(first) {
			first = a
		}
		if i == 0 || b.After(last) {
			last = b
		}
	}
	var out []time.Time
	for t := first; !t.After(last); t = t.Add(m.Step) {
		out = append(out, t)
	}
	return out
}

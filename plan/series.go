package plan

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// SeriesOptions tune the evaluation of traffic over time.
type SeriesOptions struct {
	Options
	// Users, when not nil, are the users of every instance the base plan gives
	// none: staffing from flags (forecast --service-level), sized per interval.
	Users *Users
}

// SeriesEvaluation is traffic over time sized interval by interval.
type SeriesEvaluation struct {
	Result *report.Result
	// Peaks are the tracked quotas, each with its check at the peak interval, in
	// the order of the result's checks.
	Peaks []report.Peak
	// Starts are the intervals sized, Step apart at least.
	Starts []time.Time
	Step   time.Duration
	// Items are the checks behind the peaks, for requests.
	Items   []Item
	Region  string
	Edition tables.Edition
	// Blocking and TargetPct are the blocking target and utilization target the
	// intervals were sized and graded at.
	Blocking, TargetPct float64
	Warnings            []string
	// HandleStandsIn reports that some traffic had no time in Connect: its
	// handle time stood in for it.
	HandleStandsIn bool
}

// EvaluateSeries sizes every interval of the series through the plan's
// evaluation (the same models and checks as a plan's peak hour), then keeps for
// each quota its peak interval. base, when not nil, gives each instance what
// traffic does not: applied values, the ARN, inventory, users, campaigns and
// conversational analytics shares (the series' shares win); its traffic is
// replaced by the series'. Instances of the series that base lacks are added.
func EvaluateSeries(base *Plan, s traffic.Series, o SeriesOptions) (*SeriesEvaluation, error) {
	if base == nil {
		base = &Plan{file: "(none)"}
	}
	starts := seriesStarts(s)
	if len(starts) == 0 {
		return nil, fmt.Errorf("the traffic holds no intervals")
	}
	names, sources := instanceNames(base, s)
	minutes := s.Step.Minutes()
	build := func(i int) *Plan {
		p := *base
		p.Instances = make([]Instance, len(names))
		for j, name := range names {
			in := Instance{Name: name}
			if k := slices.IndexFunc(base.Instances, func(b Instance) bool { return b.Name == name }); k >= 0 {
				in = base.Instances[k]
			}
			if in.Users == nil && o.Users != nil {
				u := *o.Users
				in.Users = &u
			}
			// The traffic comes from the series, never from the plan: an
			// instance the series does not name has none.
			iv := &traffic.Interval{}
			if k := sources[j]; k >= 0 {
				ti := s.Instances[k]
				if in.ARN == "" {
					in.ARN = ti.ARN
				}
				if x, ok := slices.BinarySearchFunc(ti.Intervals, starts[i], func(x traffic.Interval, t time.Time) int { return x.Start.Compare(t) }); ok {
					iv = &ti.Intervals[x]
				}
			}
			withTraffic(&in, iv, minutes)
			p.Instances[j] = in
		}
		return &p
	}

	o.ChecksOnly = true // the figures of each interval are not kept
	tr := report.NewTracker(starts, s.Step, cmp.Or(o.TargetPct, sizing.DefaultTargetPct))
	ev := &SeriesEvaluation{Starts: starts, Step: s.Step}
	items := map[[3]string]Item{}
	warned := map[string]bool{}
	const batch = 256
	workers := runtime.GOMAXPROCS(0)
	for lo := 0; lo < len(starts); lo += batch {
		hi := min(lo+batch, len(starts))
		evals := make([]*Evaluation, hi-lo)
		errs := make([]error, hi-lo)
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					evals[i-lo], errs[i-lo] = Evaluate(build(i), o.Options)
				}
			})
		}
		for i := lo; i < hi; i++ {
			next <- i
		}
		close(next)
		wg.Wait()
		for k, e := range evals {
			i := lo + k
			if err := errs[k]; err != nil {
				return nil, fmt.Errorf("interval starting %s: %w", report.Instant(starts[i]), err)
			}
			ev.Region, ev.Edition, ev.Blocking, ev.TargetPct = e.Region, e.Edition, e.Blocking, e.TargetPct
			for _, w := range e.Warnings {
				if !warned[w] {
					warned[w] = true
					ev.Warnings = append(ev.Warnings, w)
				}
			}
			for _, it := range e.Items {
				tr.Add(i, it.Check)
				key := [3]string{it.Check.ID, it.Instance, it.Check.Name}
				if old, ok := items[key]; !ok || it.Check.Required > old.Check.Required {
					items[key] = it
				}
			}
		}
	}
	ev.Peaks = tr.Peaks()
	slices.SortStableFunc(ev.Peaks, func(a, b report.Peak) int { return b.Check.Status.Severity() - a.Check.Status.Severity() })
	for _, p := range ev.Peaks {
		it := items[[3]string{p.Check.ID, instanceOf(p.Check), p.Check.Name}]
		it.Check = p.Check
		ev.Items = append(ev.Items, it)
	}
	for _, in := range s.Instances {
		for _, iv := range in.Intervals {
			for _, l := range iv.Channels {
				ev.HandleStandsIn = ev.HandleStandsIn || (l.HandleStandsIn && l.Contacts > 0)
			}
		}
	}
	return ev, nil
}

func instanceOf(c report.Check) string {
	if c.Instance == nil {
		return ""
	}
	return *c.Instance
}

// seriesStarts are every interval from the earliest start of any instance to the
// latest, one Step apart: intervals a source leaves out (nights, weekends) are
// sized too, with no traffic, so that the timelines stay one Step apart.
func seriesStarts(s traffic.Series) []time.Time {
	var first, last time.Time
	for _, in := range s.Instances {
		for _, iv := range in.Intervals {
			if first.IsZero() || iv.Start.Before(first) {
				first = iv.Start
			}
			if iv.Start.After(last) {
				last = iv.Start
			}
		}
	}
	if first.IsZero() || s.Step <= 0 {
		return nil
	}
	var out []time.Time
	for t := first; !t.After(last); t = t.Add(s.Step) {
		out = append(out, t)
	}
	return out
}

// instanceNames are the base plan's instances, then the series' others, with the
// index of each one's traffic in the series (-1: none). A series instance is the
// plan's when its ARN is the plan instance's arn:, else when its name is.
func instanceNames(base *Plan, s traffic.Series) (names []string, sources []int) {
	taken := make([]bool, len(s.Instances))
	for _, in := range base.Instances {
		k := -1
		if in.ARN != "" {
			k = slices.IndexFunc(s.Instances, func(t traffic.Instance) bool { return t.ARN == in.ARN })
		}
		if k < 0 {
			k = slices.IndexFunc(s.Instances, func(t traffic.Instance) bool { return t.Name == in.Name })
		}
		if k >= 0 && taken[k] {
			k = -1
		}
		if k >= 0 {
			taken[k] = true
		}
		names, sources = append(names, in.Name), append(sources, k)
	}
	for k, in := range s.Instances {
		if !taken[k] {
			names, sources = append(names, in.Name), append(sources, k)
		}
	}
	return names, sources
}

// withTraffic sets an instance's traffic to one interval's: contacts per
// interval become contacts per hour, seconds become minutes.
func withTraffic(in *Instance, iv *traffic.Interval, stepMinutes float64) {
	perHour := func(l traffic.Load) float64 { return l.Contacts * 60 / stepMinutes }
	connect := func(l traffic.Load) *Minutes {
		s := l.ConnectSeconds
		if s == 0 { // a source without time in Connect: the handle time stands in
			s = l.HandleSeconds
		}
		m := Minutes(s / 60)
		return &m
	}
	handle := func(l traffic.Load) *Minutes {
		m := Minutes(l.HandleSeconds / 60)
		return &m
	}
	// Staffing offers agents the contacts that reach one, each for the handle
	// time: the share handled scales the rate staffed, not the handle time.
	in.handled = nil
	for ch, name := range map[traffic.Channel]string{traffic.Voice: "voice", traffic.Chat: "chat", traffic.Task: "task", traffic.Email: "email"} {
		if l := iv.Channels[ch]; l.HasHandled && l.Contacts > 0 {
			if in.handled == nil {
				in.handled = map[string]float64{}
			}
			in.handled[name] = math.Min(1, l.Handled/l.Contacts)
		}
	}
	t := &Traffic{}
	if l := iv.Channels[traffic.Voice]; l.Contacts > 0 {
		t.Voice = &Voice{InboundCallsPerHour: perHour(l), MinutesInConnect: connect(l), HandleTime: handle(l)}
		if l.Shares.Has&traffic.HasVoiceID != 0 {
			v := l.Shares.VoiceID
			t.Voice.VoiceIDShare = &v
		}
	}
	if l := iv.Channels[traffic.Chat]; l.Contacts > 0 {
		t.Chat = &Chat{ChatsPerHour: perHour(l), MinutesInConnect: connect(l), HandleTime: handle(l)}
		if in.Traffic != nil && in.Traffic.Chat != nil {
			t.Chat.Concurrency = in.Traffic.Chat.Concurrency
		}
	}
	if l := iv.Channels[traffic.Task]; l.Contacts > 0 {
		t.Tasks = &Tasks{TasksPerHour: perHour(l), MinutesInConnect: connect(l)}
		if l.HandleSeconds > 0 {
			t.Tasks.HandleTime = handle(l)
		}
	}
	if l := iv.Channels[traffic.Email]; l.Contacts > 0 {
		t.Email = &Email{InboundEmailsPerHour: perHour(l), MinutesInConnect: connect(l)}
		if l.HandleSeconds > 0 {
			t.Email.HandleTime = handle(l)
		}
		if in.Traffic != nil && in.Traffic.Email != nil {
			t.Email.AnswerWithin = in.Traffic.Email.AnswerWithin
		}
	}
	if l := iv.Channels[traffic.Campaign]; l.Contacts > 0 {
		cp := Campaigns{}
		if in.Campaigns != nil {
			cp = *in.Campaigns
		}
		r := perHour(l)
		cp.CallsPerHour, cp.MinutesInConnect = &r, connect(l)
		in.Campaigns = &cp
	} else if in.Campaigns != nil && in.Campaigns.CallsPerHour != nil {
		cp := *in.Campaigns
		cp.CallsPerHour, cp.MinutesInConnect = nil, nil
		in.Campaigns = &cp
	}
	lens := shares(iv)
	if lens != nil {
		in.ContactLens = lens
	}
	in.Traffic = t
}

// shares are the interval's conversational analytics shares, nil when it gives
// none.
func shares(iv *traffic.Interval) *ContactLens {
	var cl ContactLens
	given := false
	if v := iv.Channels[traffic.Voice].Shares; v.Has&traffic.HasPostCall != 0 {
		s := v.PostCall
		cl.PostCallShare, given = &s, true
	}
	if v := iv.Channels[traffic.Voice].Shares; v.Has&traffic.HasRealtime != 0 {
		s := v.Realtime
		cl.RealtimeShare, given = &s, true
	}
	if c := iv.Channels[traffic.Chat].Shares; c.Has&traffic.HasPostChat != 0 {
		s := c.PostChat
		cl.PostChatShare, given = &s, true
	}
	if !given {
		return nil
	}
	return &cl
}

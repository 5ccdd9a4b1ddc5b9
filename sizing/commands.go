package sizing

import (
	"fmt"
	"math"
	"strings"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// Analytics is the input of the Contact Lens analytics check.
type Analytics struct {
	Common
	DurationMinutes float64
	CallsPerHour    float64
	// RealtimeShare, when not nil, is the share of calls with real-time analytics.
	RealtimeShare *float64
	// RealtimeLimit, when not nil, is the applied real-time quota.
	RealtimeLimit *report.Limit
	Blocking      float64
}

// SizeAnalytics checks concurrent post-call analytics jobs, by the page's formula,
// and optionally concurrent real-time calls with analytics, by the loss model.
func SizeAnalytics(in Analytics) (*report.Result, error) {
	r := report.New("analytics", "Contact Lens analytics (connectcap analytics)")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "average call duration", "minutes")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "calls per hour", "")
	if in.RealtimeShare != nil {
		r.Inputs.Add("realtime_share", *in.RealtimeShare, "share with real-time analytics", "")
		r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	}
	in.addInputs(&r.Inputs)

	jobs := calc.PostCallJobs(in.DurationMinutes, in.CallsPerHour)
	r.Figures.Add("post_call_jobs", jobs, "concurrent post-call jobs", "")
	r.Figures.Add("post_call_jobs_rounded", math.Round(jobs), "concurrent post-call jobs, rounded as on the page", "")
	q := tables.MustLookup("contact-lens.concurrent-post-call-jobs")
	r.Checks = append(r.Checks, report.NewCheck(q, calc.CeilWhole(jobs), in.limitFor(q, true), in.TargetPct, ""))

	if in.RealtimeShare != nil {
		load := calc.OfferedLoad(in.CallsPerHour**in.RealtimeShare, in.DurationMinutes)
		if err := checkLoad("--cph", in.CallsPerHour, load); err != nil {
			return nil, err
		}
		rq := tables.MustLookup("contact-lens.concurrent-realtime-calls")
		limit := report.DefaultLimit(rq, in.Region)
		if in.RealtimeLimit != nil {
			limit = *in.RealtimeLimit
		}
		required := calc.SmallestServers(load, in.Blocking)
		b := calc.ErlangB(int(limit.Value), load)
		r.Figures.Add("realtime_offered_load_erlangs", load, "real-time analytics offered load", "erlangs")
		r.Figures.Add("realtime_blocking_at_limit", b, "real-time share without analytics at the limit", "")
		r.Figures.Add("realtime_poisson_p999_concurrent", calc.PoissonQuantile(load, P999), "real-time 99.9 % concurrency (Poisson, no quota)", "")
		note := rq.Note
		if in.Region == "" {
			note += " No --region given: the general default applies."
		}
		r.Checks = append(r.Checks, report.NewCheck(rq, float64(required), limit, in.TargetPct, note))
	}
	return r, nil
}

// Calls is the input of the concurrent calls check.
type Calls struct {
	Common
	CallsPerHour            float64
	DurationMinutes         float64
	OutboundCallsPerHour    float64
	OutboundDurationMinutes float64
	Blocking                float64
}

// SizeCalls sizes concurrent active calls as a loss system: over the quota a call
// gets a fast busy.
func SizeCalls(in Calls) (*report.Result, error) {
	r := report.New("calls", "Concurrent active calls (connectcap calls)")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "inbound calls per hour", "")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "inbound minutes in Connect per call", "minutes")
	r.Inputs.Add("outbound_calls_per_hour", in.OutboundCallsPerHour, "outbound calls per hour", "")
	r.Inputs.Add("outbound_duration_minutes", in.OutboundDurationMinutes, "outbound minutes per call", "minutes")
	r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	in.addInputs(&r.Inputs)

	inbound := calc.OfferedLoad(in.CallsPerHour, in.DurationMinutes)
	outbound := calc.OfferedLoad(in.OutboundCallsPerHour, in.OutboundDurationMinutes)
	load := inbound + outbound
	if err := checkLoad("--cph", in.CallsPerHour+in.OutboundCallsPerHour, load); err != nil {
		return nil, err
	}
	q := tables.MustLookup("connect.concurrent-active-calls")
	limit := in.limitFor(q, true)
	required := loss(&r.Figures, load, in.CallsPerHour+in.OutboundCallsPerHour, in.Blocking, limit.Value, "calls")
	r.Figures.Add("max_calls_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, outbound, in.DurationMinutes), "most inbound calls per hour the limit carries at the blocking target", "")
	r.Figures.Add("max_contacts_in_queue_setting", limit.Value-1, "largest \"Maximum contacts in queue\" setting", "")
	r.Checks = append(r.Checks, report.NewCheck(q, float64(required), limit, in.TargetPct, ""))
	return r, nil
}

// Contacts is the input of the concurrent chats and tasks checks.
type Contacts struct {
	Common
	PerHour         float64
	DurationMinutes float64
	Blocking        float64
	// ScheduleAheadDays, when not nil, is how far ahead tasks are scheduled.
	ScheduleAheadDays *float64
}

// SizeChats sizes concurrent active chats as a loss system: over the quota
// StartChatContact fails.
func SizeChats(in Contacts) (*report.Result, error) {
	return sizeContacts(in, "chats", "Concurrent active chats (connectcap chats)", "connect.concurrent-active-chats")
}

// SizeTasks sizes concurrent active tasks as a loss system and checks how far ahead
// tasks are scheduled.
func SizeTasks(in Contacts) (*report.Result, error) {
	r, err := sizeContacts(in, "tasks", "Concurrent active tasks (connectcap tasks)", "connect.concurrent-active-tasks")
	if err != nil || in.ScheduleAheadDays == nil {
		return r, err
	}
	q := tables.MustLookup("connect.task-schedule-ahead")
	limit := report.DefaultLimit(q, in.Region)
	note := fmt.Sprintf("Cannot be raised: schedule tasks at most %s days ahead, and create later ones nearer the time (from a scheduled job or flow).", trim(limit.Value))
	r.Checks = append(r.Checks, report.NewCheck(q, *in.ScheduleAheadDays, limit, in.TargetPct, note))
	return r, nil
}

func sizeContacts(in Contacts, noun, title, id string) (*report.Result, error) {
	r := report.New(noun, title)
	r.Inputs.Add(noun+"_per_hour", in.PerHour, noun+" per hour", "")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "average minutes in Connect", "minutes")
	if in.ScheduleAheadDays != nil {
		r.Inputs.Add("schedule_ahead_days", *in.ScheduleAheadDays, "scheduled ahead", "days")
	}
	r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	in.addInputs(&r.Inputs)
	load := calc.OfferedLoad(in.PerHour, in.DurationMinutes)
	if err := checkLoad("--cph", in.PerHour, load); err != nil {
		return nil, err
	}
	q := tables.MustLookup(id)
	limit := in.limitFor(q, true)
	required := loss(&r.Figures, load, in.PerHour, in.Blocking, limit.Value, noun)
	r.Figures.Add("max_"+noun+"_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, 0, in.DurationMinutes), "most "+noun+" per hour the limit carries at the blocking target", "")
	r.Checks = append(r.Checks, report.NewCheck(q, float64(required), limit, in.TargetPct, ""))
	return r, nil
}

// VoiceID is the input of the Voice ID checks.
type VoiceID struct {
	Common
	CallsPerHour float64
	Domains      float64
	// Speakers and Fraudsters, when not nil, are the enrolled speakers and
	// registered fraudsters across the domains.
	Speakers   *float64
	Fraudsters *float64
	// Watchlists per domain; 0 means the fewest that hold the fraudsters.
	Watchlists float64
	// SpeakerBatch and FraudsterBatch are the sizes of one batch job; 0 means the
	// largest job the quota allows.
	SpeakerBatch   float64
	FraudsterBatch float64
}

// SizeVoiceID derives concurrent Voice ID sessions from the page's table and checks
// the domain, speaker, watchlist and batch job quotas.
func SizeVoiceID(in VoiceID) (*report.Result, error) {
	r := report.New("voiceid", "Amazon Connect Voice ID (connectcap voiceid)")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "calls per hour through Voice ID", "")
	r.Inputs.Add("domains", in.Domains, "Voice ID domains", "")
	if in.Speakers != nil {
		r.Inputs.Add("speakers", *in.Speakers, "enrolled speakers", "")
	}
	if in.Fraudsters != nil {
		r.Inputs.Add("fraudsters", *in.Fraudsters, "registered fraudsters", "")
	}
	in.addInputs(&r.Inputs)

	checkNoted := func(id string, required float64, main bool, note string) {
		q := tables.MustLookup(id)
		r.Checks = append(r.Checks, report.NewCheck(q, required, in.limitFor(q, main), in.TargetPct, note))
	}
	check := func(id string, required float64, main bool) { checkNoted(id, required, main, "") }
	batchNote := func(given, batch, total float64, flag string) string {
		if given > 0 {
			return ""
		}
		return fmt.Sprintf("No batch size given (--%s, or %s in a plan): jobs as large as the quota allows: %s jobs per domain, one active at a time.", flag, strings.ReplaceAll(flag, "-", "_"), trim(jobs(total, batch)))
	}
	sessions := calc.Interpolate(tables.VoiceIDSessions, in.CallsPerHour)
	perDomain := sessions / in.Domains
	r.Figures.Add("sessions", sessions, "concurrent active sessions", "")
	r.Figures.Add("sessions_per_domain", perDomain, "sessions per domain", "")
	check("voice-id.concurrent-sessions", calc.CeilWhole(perDomain), true)
	check("voice-id.domains", in.Domains, false)

	if in.Speakers != nil {
		perDomain := calc.CeilWhole(*in.Speakers / in.Domains)
		batch := batchSize(in.SpeakerBatch, perDomain, "voice-id.speakers-per-enrollment-job", in.Common)
		r.Figures.Add("speakers_per_domain", perDomain, "speakers per domain", "")
		r.Figures.Add("speaker_enrollment_jobs", jobs(perDomain, batch), "enrollment jobs per domain, one active at a time", "")
		check("voice-id.speakers", perDomain, false)
		checkNoted("voice-id.speakers-per-enrollment-job", batch, false, batchNote(in.SpeakerBatch, batch, perDomain, "speaker-batch"))
	}
	if in.Fraudsters != nil {
		perDomain := calc.CeilWhole(*in.Fraudsters / in.Domains)
		watchlists := in.Watchlists
		if watchlists == 0 {
			per := report.DefaultLimit(tables.MustLookup("voice-id.fraudsters-per-watchlist"), in.Region).Value
			watchlists = math.Max(1, calc.CeilWhole(perDomain/per))
		}
		batch := batchSize(in.FraudsterBatch, perDomain, "voice-id.fraudsters-per-registration-job", in.Common)
		r.Figures.Add("fraudsters_per_domain", perDomain, "fraudsters per domain", "")
		r.Figures.Add("watchlists_per_domain", watchlists, "watchlists per domain", "")
		r.Figures.Add("fraudster_registration_jobs", jobs(perDomain, batch), "registration jobs per domain, one active at a time", "")
		check("voice-id.watchlists", watchlists, false)
		check("voice-id.fraudsters-per-watchlist", calc.CeilWhole(perDomain/watchlists), false)
		checkNoted("voice-id.fraudsters-per-registration-job", batch, false, batchNote(in.FraudsterBatch, batch, perDomain, "fraudster-batch"))
	}
	return r, nil
}

// batchSize is the planned size of one batch job: as given, or the largest the
// quota allows, but never more than there is to load.
func batchSize(given, total float64, id string, c Common) float64 {
	if given > 0 {
		return given
	}
	return math.Min(total, report.DefaultLimit(tables.MustLookup(id), c.Region).Value)
}

func jobs(total, batch float64) float64 {
	if total == 0 || batch == 0 {
		return 0
	}
	return calc.CeilWhole(total / batch)
}

package sizing

import (
	"fmt"
	"math"

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
	Blocking      float64
}

// SizeAnalytics checks concurrent post-call analytics jobs, by the page's formula,
// and optionally concurrent real-time calls with analytics, by the loss model.
func SizeAnalytics(in Analytics) (*report.Result, error) {
	r := report.New("analytics", "Conversational analytics, was Contact Lens (connectcap analytics)")
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
	r.Checks = append(r.Checks, in.Check(PostCallJobsID, calc.CeilWhole(jobs), ""))

	if in.RealtimeShare != nil {
		load := calc.OfferedLoad(in.CallsPerHour**in.RealtimeShare, in.DurationMinutes)
		if err := checkLoad("--cph", in.CallsPerHour, load); err != nil {
			return nil, err
		}
		rt := RealtimeCalls(load, in.Blocking)
		limit := in.limitOf(RealtimeCallsID)
		r.Figures.Add("realtime_offered_load_erlangs", load, "real-time analytics offered load", "erlangs")
		if !in.ChecksOnly {
			r.Figures.Add("realtime_blocking_at_limit", calc.ErlangB(int(limit.Value), load), "real-time share without analytics at the limit", "")
			r.Figures.Add("realtime_poisson_p999_concurrent", calc.PoissonQuantile(load, P999), "real-time 99.9 % concurrency (Poisson, no quota)", "")
		}
		note := in.catalogueNote(RealtimeCallsID)
		if in.Region == "" && len(in.quota(RealtimeCallsID).RegionDefaults) > 0 {
			note += " No --region given: the general default applies."
		}
		r.Checks = append(r.Checks, in.Check(RealtimeCallsID, rt, note))
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
	// CampaignCallsPerHour calls of CampaignDurationMinutes are placed by
	// outbound campaigns; they count against concurrent active calls too.
	CampaignCallsPerHour    float64
	CampaignDurationMinutes float64
	Blocking                float64
}

// Load is the offered load of the calls in erlangs: inbound, outbound and
// campaign calls, which share one quota and so one Erlang B.
func (c Calls) Load() float64 {
	return calc.OfferedLoad(c.CallsPerHour, c.DurationMinutes) + c.otherLoad()
}

// otherLoad is the load of the calls that are not inbound.
func (c Calls) otherLoad() float64 {
	return calc.OfferedLoad(c.OutboundCallsPerHour, c.OutboundDurationMinutes) + calc.OfferedLoad(c.CampaignCallsPerHour, c.CampaignDurationMinutes)
}

// SizeCalls sizes concurrent active calls as a loss system: over the quota a call
// gets a fast busy. Campaign calls are pooled with the others: the need is the
// servers for the summed load, not a sum of separately rounded needs.
func SizeCalls(in Calls) (*report.Result, error) {
	r := report.New("calls", "Concurrent active calls (connectcap calls)")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "inbound calls per hour", "")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "inbound minutes in Connect per call", "minutes")
	r.Inputs.Add("outbound_calls_per_hour", in.OutboundCallsPerHour, "outbound calls per hour", "")
	r.Inputs.Add("outbound_duration_minutes", in.OutboundDurationMinutes, "outbound minutes per call", "minutes")
	if in.CampaignCallsPerHour > 0 {
		r.Inputs.Add("campaign_calls_per_hour", in.CampaignCallsPerHour, "campaign calls per hour", "")
		r.Inputs.Add("campaign_duration_minutes", in.CampaignDurationMinutes, "campaign minutes in Connect per call", "minutes")
	}
	r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	in.addInputs(&r.Inputs)

	load := in.Load()
	perHour := in.CallsPerHour + in.OutboundCallsPerHour + in.CampaignCallsPerHour
	if err := checkLoad("--cph", perHour, load); err != nil {
		return nil, err
	}
	const id = "connect.concurrent-active-calls"
	limit := in.limitOf(id)
	required := loss(in.figures(&r.Figures), load, perHour, in.Blocking, limit.Value, "calls")
	if in.DurationMinutes > 0 { // without inbound calls (only campaigns) there is no inbound rate to give
		r.Figures.Add("max_calls_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, in.otherLoad(), in.DurationMinutes), "most inbound calls per hour the limit carries at the blocking target", "")
	}
	r.Figures.Add("max_contacts_in_queue_setting", in.queueSetting(), in.queueSettingLabel(), "")
	note := ""
	if in.CampaignCallsPerHour > 0 {
		campaign := calc.OfferedLoad(in.CampaignCallsPerHour, in.CampaignDurationMinutes)
		note = fmt.Sprintf("%s Includes campaign calls: %s per hour of %s minutes, %s of the %s erlangs offered, pooled with the other calls in one Erlang B.",
			in.catalogueNote(id), trim(in.CampaignCallsPerHour), trim(in.CampaignDurationMinutes), trim(campaign), trim(load))
	}
	r.Checks = append(r.Checks, in.Check(id, float64(required), note))
	return r, nil
}

// CampaignCallsID is the quota of concurrent campaign calls per instance; the
// 2023 edition of the page has no such row.
const CampaignCallsID = "outbound-campaigns.concurrent-calls"

// CampaignCalls is the input of the concurrent campaign calls check: calls that
// an instance's outbound campaigns place.
type CampaignCalls struct {
	Common
	CallsPerHour    float64
	DurationMinutes float64
	Blocking        float64
}

// SizeCampaignCalls sizes concurrent campaign active calls as a loss system, as
// for calls: above the quota contacts get a fast busy tone. The quota's default
// is 0, so any campaign traffic is an increase, and the note says so. The same
// calls count against concurrent active calls (Calls.CampaignCallsPerHour).
func SizeCampaignCalls(in CampaignCalls) (*report.Result, error) {
	r := report.New("campaign-calls", "Concurrent campaign active calls")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "campaign calls per hour", "")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "campaign minutes in Connect per call", "minutes")
	r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	in.addInputs(&r.Inputs)
	limit := in.limitOf(CampaignCallsID)
	const after = " Above the quota, contacts get a fast busy tone; campaign calls also count against concurrent active calls."
	if in.CallsPerHour <= 0 {
		note := "No campaign calls in the plan."
		if limit.Value == 0 {
			note += " The default is 0: campaigns cannot place calls until this quota is raised; give calls_per_hour and minutes_in_connect to size it."
		}
		r.Checks = append(r.Checks, in.Check(CampaignCallsID, 0, note+after))
		return r, nil
	}
	load := calc.OfferedLoad(in.CallsPerHour, in.DurationMinutes)
	if err := checkLoad("--cph", in.CallsPerHour, load); err != nil {
		return nil, err
	}
	required := loss(in.figures(&r.Figures), load, in.CallsPerHour, in.Blocking, limit.Value, "calls")
	r.Figures.Add("max_calls_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, 0, in.DurationMinutes), "most campaign calls per hour the limit carries at the blocking target", "")
	note := fmt.Sprintf("%s campaign calls per hour of %s minutes offer %s erlangs, sized with Erlang B at the blocking target.", trim(in.CallsPerHour), trim(in.DurationMinutes), trim(load))
	if limit.Value == 0 {
		// Applied values are at least 1, so a limit of 0 is the page's default.
		note = "The default is 0: campaigns cannot place calls until this quota is raised. " + note
	}
	r.Checks = append(r.Checks, in.Check(CampaignCallsID, float64(required), note+after))
	return r, nil
}

// queueSetting is the largest "Maximum contacts in queue" setting: the edition's
// queue-limit quotas summed, less 1.
func (c Common) queueSetting() float64 {
	sum := 0.0
	for _, id := range c.Catalogue().QueueLimitQuotas() {
		sum += c.limitOf(id).Value
	}
	return sum - 1
}

func (c Common) queueSettingLabel() string {
	if len(c.Catalogue().QueueLimitQuotas()) > 1 {
		return "largest \"Maximum contacts in queue\" setting (calls, chats and tasks quotas combined, less 1)"
	}
	return "largest \"Maximum contacts in queue\" setting (calls quota less 1)"
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
	const id = "connect.task-schedule-ahead"
	limit := in.limitOf(id)
	note := fmt.Sprintf("Cannot be raised: schedule tasks at most %s days ahead, and create later ones nearer the time (from a scheduled job or flow).", trim(limit.Value))
	r.Checks = append(r.Checks, in.Check(id, *in.ScheduleAheadDays, note))
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
	limit := in.limitOf(id)
	required := loss(in.figures(&r.Figures), load, in.PerHour, in.Blocking, limit.Value, noun)
	r.Figures.Add("max_"+noun+"_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, 0, in.DurationMinutes), "most "+noun+" per hour the limit carries at the blocking target", "")
	r.Checks = append(r.Checks, in.Check(id, float64(required), ""))
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
	// Watchlists per domain; 0 means connectcap chooses them (see SizeVoiceID).
	Watchlists float64
	// SpeakerBatch and FraudsterBatch are the sizes of one batch job; 0 means the
	// largest job the quota allows.
	SpeakerBatch   float64
	FraudsterBatch float64
	// EnrollmentJobs and RegistrationJobs, when not nil, are the batch jobs run at
	// once in a domain.
	EnrollmentJobs   *float64
	RegistrationJobs *float64
}

// SizeVoiceID derives concurrent Voice ID sessions from the page's table and checks
// the domain, speaker, watchlist and batch job quotas. A batch size the planner did
// not give is not a need: the jobs are planned as large as the quota allows and
// only their number is reported. Watchlists the planner did not give are chosen
// for the smallest change (voiceIDWatchlists).
func SizeVoiceID(in VoiceID) (*report.Result, error) {
	r := report.New("voiceid", "Amazon Connect Voice ID, out of support since 2026-05-20 (connectcap voiceid)")
	r.Inputs.Add("calls_per_hour", in.CallsPerHour, "calls per hour through Voice ID", "")
	r.Inputs.Add("domains", in.Domains, "Voice ID domains", "")
	if in.Speakers != nil {
		r.Inputs.Add("speakers", *in.Speakers, "enrolled speakers", "")
	}
	if in.Fraudsters != nil {
		r.Inputs.Add("fraudsters", *in.Fraudsters, "registered fraudsters", "")
	}
	in.addInputs(&r.Inputs)

	check := func(id string, required float64, note string) {
		r.Checks = append(r.Checks, in.Check(id, required, note))
	}
	sessions := calc.Interpolate(tables.VoiceIDSessions, in.CallsPerHour)
	perDomain := sessions / in.Domains
	r.Figures.Add("sessions", sessions, "concurrent active sessions", "")
	r.Figures.Add("sessions_per_domain", perDomain, "sessions per domain", "")
	check("voice-id.concurrent-sessions", calc.CeilWhole(perDomain), "")
	check("voice-id.domains", in.Domains, "")

	if in.Speakers != nil {
		perDomain := calc.CeilWhole(*in.Speakers / in.Domains)
		batch := in.batchSize(in.SpeakerBatch, perDomain, "voice-id.speakers-per-enrollment-job")
		r.Figures.Add("speakers_per_domain", perDomain, "speakers per domain", "")
		r.Figures.Add("speaker_enrollment_jobs", jobs(perDomain, batch), "enrollment jobs per domain, one active at a time", "")
		check("voice-id.speakers", perDomain, "")
		if in.SpeakerBatch > 0 {
			check("voice-id.speakers-per-enrollment-job", batch, "")
		}
	}
	if in.Fraudsters != nil {
		perDomain := calc.CeilWhole(*in.Fraudsters / in.Domains)
		batch := in.batchSize(in.FraudsterBatch, perDomain, "voice-id.fraudsters-per-registration-job")
		r.Figures.Add("fraudsters_per_domain", perDomain, "fraudsters per domain", "")
		watchlists, perWatchlist, note := in.Watchlists, 0.0, ""
		if watchlists > 0 {
			perWatchlist = calc.CeilWhole(perDomain / watchlists)
		} else {
			watchlists, perWatchlist, note = in.voiceIDWatchlists(perDomain)
		}
		r.Figures.Add("watchlists_per_domain", watchlists, "watchlists per domain", "")
		r.Figures.Add("fraudster_registration_jobs", jobs(perDomain, batch), "registration jobs per domain, one active at a time", "")
		check("voice-id.watchlists", watchlists, note)
		check("voice-id.fraudsters-per-watchlist", perWatchlist, "")
		if in.FraudsterBatch > 0 {
			check("voice-id.fraudsters-per-registration-job", batch, "")
		}
	}
	if in.EnrollmentJobs != nil {
		check("voice-id.active-speaker-enrollment-jobs", *in.EnrollmentJobs, "")
	}
	if in.RegistrationJobs != nil {
		check("voice-id.active-fraudster-registration-jobs", *in.RegistrationJobs, "")
	}
	return r, nil
}

// voiceIDWatchlists chooses watchlists per domain for fraudsters that the planner
// did not spread: the fewest that keep each watchlist at or below the target
// utilization. When that many fit in the watchlists quota at the target, nothing is
// to be raised. Otherwise two single changes fit both quotas at the target: more
// watchlists, or more fraudsters per watchlist with the watchlists the quota holds
// at the target; connectcap sizes the one that asks for the smaller multiple of its
// current limit and names the other in the note.
func (in VoiceID) voiceIDWatchlists(fraudsters float64) (watchlists, perWatchlist float64, note string) {
	t := in.TargetPct / 100
	perLimit := in.limitOf("voice-id.fraudsters-per-watchlist").Value
	listLimit := in.limitOf("voice-id.watchlists").Value
	// Whole fraudsters per watchlist at the target, and whole watchlists.
	perAtTarget := math.Max(1, math.Floor(perLimit*t*(1+1e-12)))
	listsAtTarget := math.Max(1, math.Floor(listLimit*t*(1+1e-12)))
	moreLists := math.Max(1, calc.CeilWhole(fraudsters/perAtTarget))
	if moreLists <= listsAtTarget {
		return moreLists, calc.CeilWhole(fraudsters / moreLists), ""
	}
	// The two ways out, each as the value to request over the current limit.
	raiseLists := calc.CeilWhole(moreLists / t)
	fuller := calc.CeilWhole(fraudsters / listsAtTarget)
	raisePer := calc.CeilWhole(fuller / t)
	if raiseLists/listLimit <= raisePer/perLimit {
		return moreLists, calc.CeilWhole(fraudsters / moreLists), fmt.Sprintf(
			"Watchlists chosen by connectcap (--watchlists, or watchlists in a plan, to fix them): %s of up to %s fraudsters each. The other way: keep %s watchlists and raise fraudsters per watchlist to %s.",
			trim(moreLists), trim(perAtTarget), trim(listsAtTarget), trim(raisePer))
	}
	return listsAtTarget, fuller, fmt.Sprintf(
		"Watchlists chosen by connectcap (--watchlists, or watchlists in a plan, to fix them): %s, with fraudsters per watchlist raised. The other way: %s watchlists of up to %s fraudsters each, raising watchlists per domain to %s.",
		trim(listsAtTarget), trim(moreLists), trim(perAtTarget), trim(raiseLists))
}

// batchSize is the planned size of one batch job: as given, or the largest the
// quota allows, but never more than there is to load.
func (in VoiceID) batchSize(given, total float64, id string) float64 {
	if given > 0 {
		return given
	}
	return math.Min(total, in.limitOf(id).Value)
}

func jobs(total, batch float64) float64 {
	if total == 0 || batch == 0 {
		return 0
	}
	return calc.CeilWhole(total / batch)
}

package sizing

import (
	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// The Contact Lens quotas that traffic sizes.
const (
	PostCallJobsID  = "contact-lens.concurrent-post-call-jobs"
	PostChatJobsID  = "contact-lens.concurrent-post-chat-jobs"
	RealtimeCallsID = "contact-lens.concurrent-realtime-calls"
)

// RealtimeCalls is the concurrent calls with real-time analytics needed to carry
// load erlangs at the blocking target: the loss model, as for calls.
func RealtimeCalls(load, blocking float64) float64 {
	return float64(calc.SmallestServers(load, blocking))
}

// LensUse is Contact Lens on one instance's traffic: shares of its calls with
// post-call and real-time analytics, and of its chats with post-chat analytics
// (nil: not used).
type LensUse struct {
	Calls                        Calls
	ChatsPerHour, ChatMinutes    float64
	PostCallShare, RealtimeShare *float64
	PostChatShare                *float64
}

// PostCallJobs is the instance's concurrent post-call jobs by the page's formula,
// inbound and outbound calls alike.
func (u LensUse) PostCallJobs() float64 {
	s := *u.PostCallShare
	return calc.PostCallJobs(u.Calls.DurationMinutes, u.Calls.CallsPerHour*s) + calc.PostCallJobs(u.Calls.OutboundDurationMinutes, u.Calls.OutboundCallsPerHour*s)
}

// PostChatJobs is the instance's concurrent post-chat jobs: the page's
// post-contact formula on chat minutes.
func (u LensUse) PostChatJobs() float64 {
	return calc.PostCallJobs(u.ChatMinutes, u.ChatsPerHour**u.PostChatShare)
}

// RealtimeLoad is the offered load of the instance's calls with real-time
// analytics, in erlangs.
func (u LensUse) RealtimeLoad() float64 { return u.Calls.Load() * *u.RealtimeShare }

// lensSummed says why the analytics needs of several instances are added up: the
// current page puts these quotas at account level; the 2023 edition does not say.
func (c Common) lensSummed(id string) string {
	if c.quota(id).Level == tables.AccountLevel && c.quota(id).Edition != tables.Edition2023 {
		return " Summed over the plan's instances: the quota applies to the account (account level)."
	}
	return " Summed over the plan's instances: the 2023 edition does not say whether this quota is per instance or per account (the current page puts it at account level)."
}

// SizeContactLens checks the Contact Lens quotas for the use of every instance
// together. The page does not say whether these quotas are per instance or per
// account, so the need is the sum of every instance's, which covers both
// readings; real-time calls are sized per instance with the loss model at the
// blocking target, then summed.
func SizeContactLens(c Common, uses []LensUse, blocking float64) *report.Result {
	r := report.New("contact-lens", "Conversational analytics (Contact Lens)")
	var postCall, postChat, realtime float64
	var anyPostCall, anyPostChat, anyRealtime bool
	for _, u := range uses {
		if u.PostCallShare != nil {
			postCall += u.PostCallJobs()
			anyPostCall = true
		}
		if u.PostChatShare != nil {
			postChat += u.PostChatJobs()
			anyPostChat = true
		}
		if u.RealtimeShare != nil {
			realtime += RealtimeCalls(u.RealtimeLoad(), blocking)
			anyRealtime = true
		}
	}
	if anyPostCall {
		r.Figures.Add("post_call_jobs", postCall, "concurrent post-call jobs", "")
		r.Checks = append(r.Checks, c.Check(PostCallJobsID, calc.CeilWhole(postCall), c.catalogueNote(PostCallJobsID)+c.lensSummed(PostCallJobsID)))
	}
	if anyPostChat {
		r.Figures.Add("post_chat_jobs", postChat, "concurrent post-chat jobs", "")
		r.Checks = append(r.Checks, c.Check(PostChatJobsID, calc.CeilWhole(postChat), "Jobs = chat minutes x 0.4 x chats per hour / 60, the page's post-contact formula."+c.lensSummed(PostChatJobsID)))
	}
	if anyRealtime {
		r.Checks = append(r.Checks, c.Check(RealtimeCallsID, realtime, "Each instance sized with Erlang B at the blocking target."+c.lensSummed(RealtimeCallsID)))
	}
	return r
}

package sizing_test

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// TestVoiceIDWatchlistsSmallestChange: 5,000 fraudsters in one domain do not fit
// the default 3 watchlists of 500. At 80 %, 13 watchlists of at most 400 each hold
// them (raise watchlists to 17, 5.7 times the limit); keeping 2 watchlists (80 % of
// 3) would need 2,500 per watchlist (raise to 3,125, 6.25 times): the first is the
// smaller change, and the note names the other.
func TestVoiceIDWatchlistsSmallestChange(t *testing.T) {
	r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: common(""), CallsPerHour: 100, Domains: 1, Fraudsters: ptr(5000)})
	if err != nil {
		t.Fatal(err)
	}
	w := check(t, r, "voice-id.watchlists")
	if w.Required != 13 || w.Status != report.Increase || w.Recommended == nil || *w.Recommended != 17 {
		t.Errorf("watchlists: %v (%s), recommended %v; want 13, increase, 17", w.Required, w.Status, w.Recommended)
	}
	if !strings.Contains(w.Note, ": 13 of up to 400 fraudsters each. The other way: keep 2 watchlists and raise fraudsters per watchlist to 3125.") {
		t.Errorf("watchlists note %q does not name the other way", w.Note)
	}
	p := check(t, r, "voice-id.fraudsters-per-watchlist")
	if p.Required != 385 || p.Status != report.OK { // 5000 / 13 = 384.6
		t.Errorf("fraudsters per watchlist: %v (%s), want 385, ok", p.Required, p.Status)
	}

	// With 10 watchlists per domain applied: 80 % of 10 is 8 lists, which hold
	// 3,200 at 400 each, short of 5,000. More lists: 13 (raise to 17, 1.7
	// times); fuller lists: 8 of 625 (raise to 782, 1.56 times): fuller lists win.
	c := common("")
	c.Limits = report.Applied{Values: map[string]float64{"voice-id.watchlists": 10}, Source: report.FromPlan, Next: report.Defaults{}}
	r, err = sizing.SizeVoiceID(sizing.VoiceID{Common: c, CallsPerHour: 100, Domains: 1, Fraudsters: ptr(5000)})
	if err != nil {
		t.Fatal(err)
	}
	if w := check(t, r, "voice-id.watchlists"); w.Required != 8 || w.Status != report.OK {
		t.Errorf("watchlists with 10 applied: %v (%s), want 8, ok", w.Required, w.Status)
	}
	if p := check(t, r, "voice-id.fraudsters-per-watchlist"); p.Required != 625 || p.Recommended == nil || *p.Recommended != 782 {
		t.Errorf("fraudsters per watchlist: %v, recommended %v; want 625, 782", p.Required, p.Recommended)
	}

	// 700 fraudsters fit 2 lists (80 % of 3) at 350 each: nothing to raise, and no
	// warning from connectcap's own choice. 800 fill the 2 lists to 400 each, exactly
	// at the target: still nothing to raise, and the catalogue's note.
	for _, fraudsters := range []float64{700, 800} {
		r, _ = sizing.SizeVoiceID(sizing.VoiceID{Common: common(""), CallsPerHour: 100, Domains: 1, Fraudsters: ptr(fraudsters)})
		for _, ch := range r.Checks {
			if ch.ID != "voice-id.concurrent-sessions" && ch.Status != report.OK {
				t.Errorf("%v fraudsters: %s is %s (%v of %v)", fraudsters, ch.ID, ch.Status, ch.Required, ch.Limit)
			}
		}
		if w := check(t, r, "voice-id.watchlists"); w.Required != 2 || w.Note != tables.VoiceIDCheckNote+" "+tables.In(tables.Edition2023).MustLookup("voice-id.watchlists").Note {
			t.Errorf("%v fraudsters: %v watchlists, note %q; want 2 and the catalogue's note", fraudsters, w.Required, w.Note)
		}
	}
}

// TestVoiceIDWatchlistsTie: with 10 watchlists and 10 fraudsters per watchlist
// applied, 80 % of each is 8. 100 fraudsters need 13 watchlists of 8 (13 / 0.8 =
// 16.25: raise watchlists to 17) or 8 watchlists of 13 (raise fraudsters per
// watchlist to 17): both are 1.7 times their limit. On a tie connectcap adds
// watchlists, and 100 / 13 = 7.7 rounds up to 8 per watchlist.
func TestVoiceIDWatchlistsTie(t *testing.T) {
	c := common("")
	c.Limits = report.Applied{Values: map[string]float64{"voice-id.watchlists": 10, "voice-id.fraudsters-per-watchlist": 10}, Source: report.FromPlan, Next: report.Defaults{}}
	r, err := sizing.SizeVoiceID(sizing.VoiceID{Common: c, CallsPerHour: 100, Domains: 1, Fraudsters: ptr(100)})
	if err != nil {
		t.Fatal(err)
	}
	w := check(t, r, "voice-id.watchlists")
	const note = tables.VoiceIDCheckNote + " Watchlists chosen by connectcap (--watchlists, or watchlists in a plan, to fix them): 13 of up to 8 fraudsters each. The other way: keep 8 watchlists and raise fraudsters per watchlist to 17."
	if w.Required != 13 || w.Recommended == nil || *w.Recommended != 17 || w.Note != note {
		t.Errorf("watchlists: %v, recommended %v, note %q; want 13, 17, %q", w.Required, w.Recommended, w.Note, note)
	}
	if p := check(t, r, "voice-id.fraudsters-per-watchlist"); p.Required != 8 || p.Status != report.OK {
		t.Errorf("fraudsters per watchlist: %v (%s), want 8, ok", p.Required, p.Status)
	}
}

// TestStaffChannels: channels are staffed one by one and summed, then scheduled
// once: the queueing notes' example (10 erlangs of 180 s at 80 % in 20 s: 14
// agents) twice is 28 agents, 40 scheduled at 30 % shrinkage, where scheduling each
// channel alone would give 20 + 20.
func TestStaffChannels(t *testing.T) {
	targets := sizing.Agents{AnswerWithinSeconds: 20, ServiceLevelPct: 80, ShrinkagePct: 30, MaxOccupancyPct: 100}
	r, err := sizing.StaffChannels(targets, []sizing.Channel{
		{Name: "voice", PerHour: 200, AHTSeconds: 180, Concurrency: 1},
		{Name: "chat", PerHour: 600, AHTSeconds: 180, Concurrency: 3}, // 30 erlangs, 3 at once
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.PerChannel) != 2 || r.PerChannel[0] != 14 || r.PerChannel[1] != 14 || r.Agents != 28 || r.Scheduled != 40 {
		t.Errorf("roster %+v, want [14 14], 28, 40", r)
	}
	// The same load cap as the agents command.
	_, err = sizing.StaffChannels(targets, []sizing.Channel{{Name: "voice", PerHour: 1e7, AHTSeconds: 3600, Concurrency: 1}})
	if err == nil || !strings.Contains(err.Error(), "1000000 erlangs") {
		t.Errorf("10 million erlangs: %v", err)
	}
}

// TestSizeContactLensShares: every share counts (a share of 1 would hide a share
// that is ignored), and the needs of instances add up.
func TestSizeContactLensShares(t *testing.T) {
	a := sizing.LensUse{Calls: sizing.Calls{CallsPerHour: 3000, DurationMinutes: 10}, PostCallShare: ptr(0.5)}
	b := sizing.LensUse{Calls: sizing.Calls{CallsPerHour: 600, DurationMinutes: 5}, ChatsPerHour: 300, ChatMinutes: 15,
		PostCallShare: ptr(0.25), PostChatShare: ptr(0.2), RealtimeShare: ptr(0.1)}
	r := sizing.SizeContactLens(common(""), []sizing.LensUse{a, b}, 0.001)
	// Post-call: 10 × 0.4 × 1500 / 60 = 100, plus 5 × 0.4 × 150 / 60 = 5: 105.
	if c := check(t, r, sizing.PostCallJobsID); c.Required != 105 {
		t.Errorf("post-call jobs %v, want 105", c.Required)
	}
	// Post-chat: 15 × 0.4 × 60 / 60 = 6.
	if c := check(t, r, sizing.PostChatJobsID); c.Required != 6 {
		t.Errorf("post-chat jobs %v, want 6", c.Required)
	}
	// Real-time: 600 × 5 / 60 × 0.1 = 5 erlangs; Erlang B at 0.001 takes 14
	// (B(13, 5) = 0.00131, B(14, 5) = 0.00047, by mpmath).
	if c := check(t, r, sizing.RealtimeCallsID); c.Required != 14 {
		t.Errorf("real-time calls %v, want 14", c.Required)
	}
}

// TestSizeContactLensOutbound: outbound calls count for post-call jobs at the same
// share, and the figures carry the unrounded sums. Inbound: 10 × 0.4 × (3000 ×
// 0.5) / 60 = 100; outbound: 5 × 0.4 × (600 × 0.5) / 60 = 10; 110 jobs. Chats: 15
// × 0.4 × (300 × 0.25) / 60 = 7.5, checked as 8.
func TestSizeContactLensOutbound(t *testing.T) {
	u := sizing.LensUse{Calls: sizing.Calls{CallsPerHour: 3000, DurationMinutes: 10, OutboundCallsPerHour: 600, OutboundDurationMinutes: 5},
		ChatsPerHour: 300, ChatMinutes: 15, PostCallShare: ptr(0.5), PostChatShare: ptr(0.25)}
	r := sizing.SizeContactLens(common(""), []sizing.LensUse{u}, 0.001)
	if c := check(t, r, sizing.PostCallJobsID); c.Required != 110 {
		t.Errorf("post-call jobs %v, want 110", c.Required)
	}
	if c := check(t, r, sizing.PostChatJobsID); c.Required != 8 {
		t.Errorf("post-chat jobs %v, want 8", c.Required)
	}
	if got, want := fields(r.Figures), "post_call_jobs=110 post_chat_jobs=7.5"; got != want {
		t.Errorf("figures %s, want %s", got, want)
	}
}

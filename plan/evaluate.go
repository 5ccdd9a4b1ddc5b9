package plan

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// Options tune an evaluation.
type Options struct {
	Region string // overrides the plan's region when not empty
	// DefaultRegion applies when neither Region nor the plan gives one (a Region
	// from the environment or a config file: less specific than the plan).
	DefaultRegion string
	TargetPct     float64 // utilization target, percent
	All           bool    // also list catalogue rows the plan does not touch
	// Blocking overrides the plan's blocking target when not 0; DefaultBlocking
	// applies when neither it nor the plan gives one (0: sizing.DefaultBlocking).
	Blocking, DefaultBlocking float64
	// Edition overrides the plan's edition when not empty; DefaultEdition applies
	// when neither it nor the plan gives one ("": tables.DefaultEdition).
	Edition, DefaultEdition tables.Edition
	// ChecksOnly builds no figures: an evaluation interval by interval
	// (EvaluateSeries) keeps only the checks.
	ChecksOnly bool
}

// Item is one check with what a request needs to know about it.
type Item struct {
	Check    report.Check
	Instance string // the instance a per-instance check belongs to
	ARN      string // that instance's ARN, when the plan gives it
	// Label is the check's name without the instance.
	Label string
	// Operation is the API operation of an api-rate check; Burst marks its burst
	// check.
	Operation string
	Burst     bool
}

// Evaluation is a plan's result and the items behind its checks, in the same order.
type Evaluation struct {
	Result *report.Result
	Items  []Item
	Region string
	// Edition is the edition of the quotas page the plan was checked against.
	Edition tables.Edition
	// Blocking and TargetPct are the blocking target and the utilization target
	// the plan was sized and graded at.
	Blocking, TargetPct float64
	// Warnings say what the plan asked for that the edition cannot check, one line
	// each.
	Warnings []string
}

type evaluator struct {
	p       *Plan
	o       Options
	region  string
	block   float64
	items   []Item
	figures report.Fields
	touched map[string]bool
	cat     *tables.Catalogue
	// warnings are lines for stderr: plan keys whose quota the edition lacks.
	warnings []string
	// spread counts, per instance, the instances a hard limit forces the need onto.
	spread map[string]float64
}

// Evaluate checks every quota the plan touches.
func Evaluate(p *Plan, o Options) (*Evaluation, error) {
	e, err := newEvaluator(p, o)
	if err != nil {
		return nil, err
	}
	e.appliedElsewhere()
	var n needs
	for i := range p.Instances {
		in := &p.Instances[i]
		if err := e.instance(in, &n); err != nil {
			return nil, err
		}
	}
	if err := e.account(&n); err != nil {
		return nil, err
	}
	e.knockOns()
	e.apis()
	e.instancesCheck()
	if o.All {
		e.untouched()
	}
	sort.SliceStable(e.items, func(i, j int) bool {
		return e.items[i].Check.Status.Severity() > e.items[j].Check.Status.Severity()
	})

	r := report.New("plan", "Quota plan (connectcap plan)")
	r.Inputs.Add("plan_file", p.file, "plan file", "")
	if p.account != nil {
		r.Inputs.Add("applied_from", p.account.Source, "applied values, after the plan's, from", "")
	}
	var region any
	if e.region != "" {
		region = e.region
	}
	r.Inputs.Add("region", region, "Region", "")
	r.Inputs.Add("edition", string(e.cat.Edition), "quotas page edition", "")
	r.Inputs.Add("instances", len(p.Instances), "instances", "")
	r.Inputs.Add("blocking_target", e.block, "blocking target", "")
	r.Inputs.Add("target_utilization_pct", e.o.TargetPct, "target utilization", "%")
	r.Figures = e.figures
	for _, it := range e.items {
		r.Checks = append(r.Checks, it.Check)
	}
	return &Evaluation{Result: r, Items: e.items, Region: e.region, Edition: e.cat.Edition, Blocking: e.block, TargetPct: e.o.TargetPct, Warnings: e.warnings}, nil
}

// newEvaluator resolves the Region, blocking target, utilization target and
// edition of an evaluation of p.
func newEvaluator(p *Plan, o Options) (*evaluator, error) {
	e := &evaluator{p: p, o: o, region: p.Region, block: sizing.DefaultBlocking, touched: map[string]bool{}, spread: map[string]float64{}}
	if o.Region != "" {
		if err := p.checkRegion(o.Region); err != nil {
			return nil, err
		}
		e.region = o.Region
	}
	if e.region == "" && o.DefaultRegion != "" {
		if err := p.checkRegion(o.DefaultRegion); err != nil {
			return nil, err
		}
		e.region = o.DefaultRegion
	}
	if o.Blocking != 0 {
		e.block = o.Blocking
	} else if p.Blocking != nil {
		e.block = *p.Blocking
	} else if o.DefaultBlocking != 0 {
		e.block = o.DefaultBlocking
	}
	if e.o.TargetPct == 0 {
		e.o.TargetPct = sizing.DefaultTargetPct
	}
	// --edition, then the plan's edition, then a default from the environment.
	e.cat = tables.Default()
	if edition := cmp.Or(o.Edition, tables.Edition(p.Edition), o.DefaultEdition); edition != "" {
		e.cat = tables.In(edition)
	}
	return e, nil
}

// limits are the sources of an instance's limits ("" for account rows): the
// instance's applied map, then the plan's, then the page's defaults in the Region.
//
// Values read from the account (WithAccount) come after the plan's own: an
// applied: map in the plan wins.
func (e *evaluator) limits(in *Instance) report.Limits {
	var l report.Limits = report.Defaults{Region: e.region}
	if acc := e.p.account; acc != nil {
		l = report.Applied{Values: acc.Account, Source: report.FromAccount, Next: l}
		if in != nil && in.ARN != "" {
			l = report.Applied{Values: acc.Instances[in.ARN], Source: report.FromAccount, Next: l}
		}
	}
	l = report.Applied{Values: e.p.Applied, Source: report.FromPlan, Next: l}
	if in != nil { // an instance without applied values passes every lookup on
		l = report.Applied{Values: in.Applied, Source: report.FromPlan, Next: l}
	}
	return l
}

// common is what every sizing of an instance's (or, with nil, the account's) needs
// shares.
func (e *evaluator) common(in *Instance) sizing.Common {
	c := sizing.Common{Limits: e.limits(in), Region: e.region, TargetPct: e.o.TargetPct, Edition: e.cat.Edition, ChecksOnly: e.o.ChecksOnly}
	if in != nil {
		c.Instance = in.Name
	}
	return c
}

// add grades a need and records it.
// A quota the edition does not hold is not checked: a warning says so, and the
// Item returned is not recorded.
func (e *evaluator) add(id string, required float64, in *Instance, note string) *Item {
	if !e.has(id) {
		return &Item{}
	}
	return e.record(Item{Check: e.common(in).Check(id, required, note)}, in)
}

// appliedElsewhere warns about applied values for quotas the edition lacks: they
// apply to nothing it checks.
func (e *evaluator) appliedElsewhere() {
	applied := []struct {
		path   string
		values map[string]float64
	}{{"applied", e.p.Applied}}
	for i, in := range e.p.Instances {
		applied = append(applied, struct {
			path   string
			values map[string]float64
		}{fmt.Sprintf("instances[%d].applied", i), in.Applied})
	}
	for _, m := range applied {
		for _, k := range slices.Sorted(maps.Keys(m.values)) {
			q, ok := quotaByKey(k)
			if _, held := e.cat.Lookup(q.ID); !ok || held {
				continue
			}
			e.warnings = append(e.warnings, fmt.Sprintf("%s: %s.%s: %s is not on the %s edition of the quotas page, so this applied value is not used; it is on the %s edition (--edition %s)",
				e.p.at(m.path+"."+k), m.path, k, q.Name, e.cat.Edition, q.Edition, q.Edition))
		}
	}
}

// has reports whether the edition holds the quota id, and warns once when it does
// not.
func (e *evaluator) has(id string) bool {
	if _, ok := e.cat.Lookup(id); ok {
		return true
	}
	q, _ := tables.Find(id)
	w := fmt.Sprintf("%s: %s (%s) is not on the %s edition of the quotas page, so it is not checked; it is on the %s edition (--edition %s)",
		e.p.file, q.Name, id, e.cat.Edition, q.Edition, q.Edition)
	for _, seen := range e.warnings {
		if seen == w {
			return false
		}
	}
	e.warnings = append(e.warnings, w)
	return false
}

// record files a check, naming its instance and, for a hard limit, the way out.
func (e *evaluator) record(it Item, in *Instance) *Item {
	e.touched[it.Check.ID] = true
	if it.Label == "" {
		it.Label = it.Check.Name
	}
	if in != nil {
		it.Instance, it.ARN = in.Name, in.ARN
	}
	if it.Check.Status == report.HardLimit {
		it.Check.Note = e.remedy(it, in)
	}
	e.items = append(e.items, it)
	return &e.items[len(e.items)-1]
}

func (e *evaluator) figure(prefix, key string, v any, label, unit string) {
	if e.o.ChecksOnly {
		return
	}
	if prefix != "" {
		key = prefix + "." + key
		label = prefix + ": " + label
	}
	e.figures.Add(key, v, label, unit)
}

// take copies a sizing result's figures under a prefix and records its checks for
// an instance.
func (e *evaluator) take(r *report.Result, prefix string, in *Instance) {
	for _, f := range r.Figures {
		e.figure(prefix, f.Key, f.Value, f.Label, f.Unit)
	}
	for _, c := range r.Checks {
		e.record(Item{Check: c}, in)
	}
}

var inventoryQuotas = []struct {
	id  string
	get func(*Inventory) *float64
}{
	{"connect.queues", func(v *Inventory) *float64 { return v.Queues }},
	{"connect.routing-profiles", func(v *Inventory) *float64 { return v.RoutingProfiles }},
	{"connect.queues-per-routing-profile", func(v *Inventory) *float64 { return v.QueueChannelsPerRoutingProfile }},
	{"connect.flows", func(v *Inventory) *float64 { return v.Flows }},
	{"connect.modules", func(v *Inventory) *float64 { return v.Modules }},
	{"connect.hours-of-operation", func(v *Inventory) *float64 { return v.HoursOfOperation }},
	{"connect.phone-numbers", func(v *Inventory) *float64 { return v.PhoneNumbers }},
	{"connect.prompts", func(v *Inventory) *float64 { return v.Prompts }},
	{"connect.quick-connects", func(v *Inventory) *float64 { return v.QuickConnects }},
	{"connect.security-profiles", func(v *Inventory) *float64 { return v.SecurityProfiles }},
	{"connect.user-hierarchy-groups", func(v *Inventory) *float64 { return v.HierarchyGroups }},
	{"connect.lambda-functions", func(v *Inventory) *float64 { return v.LambdaFunctions }},
	{"connect.lex-bots", func(v *Inventory) *float64 { return v.LexBots }},
	{"connect.lex-v2-bot-aliases", func(v *Inventory) *float64 { return v.LexV2BotAliases }},
	{"connect.agent-statuses", func(v *Inventory) *float64 { return v.AgentStatuses }},
	{"connect.reports", func(v *Inventory) *float64 { return v.Reports }},
	{"connect.scheduled-reports", func(v *Inventory) *float64 { return v.ScheduledReports }},
	{"connect.task-templates", func(v *Inventory) *float64 { return v.TaskTemplates }},
	{"connect.task-template-fields", func(v *Inventory) *float64 { return v.TaskTemplateFields }},
	{"connect.email-addresses", func(v *Inventory) *float64 { return v.EmailAddresses }},
	{"connect.email-domains", func(v *Inventory) *float64 { return v.EmailDomains }},
}

// needs are what the instances add up to for the account's quotas.
type needs struct {
	lens         []sizing.LensUse
	voiceIDCalls float64
}

// instance sizes one instance: its inventory, then each channel's traffic, then
// its users.
func (e *evaluator) instance(in *Instance, n *needs) error {
	name := in.Name
	c := e.common(in)
	if in.Inventory != nil {
		for _, iq := range inventoryQuotas {
			if v := iq.get(in.Inventory); v != nil {
				e.add(iq.id, *v, in, "")
			}
		}
	}
	t := in.Traffic
	if t == nil {
		t = &Traffic{}
	}
	lens := sizing.LensUse{}
	// Campaign calls count against concurrent active calls too, pooled with the
	// voice traffic's calls.
	cp := in.Campaigns
	campaignCalls := cp != nil && cp.CallsPerHour != nil && *cp.CallsPerHour > 0
	if v := t.Voice; v != nil || campaignCalls {
		calls := sizing.Calls{Common: c, Blocking: e.block}
		at := campaignCallsKey(e.p, name)
		if v != nil {
			calls.CallsPerHour, calls.DurationMinutes = v.InboundCallsPerHour, float64(*v.MinutesInConnect)
			if v.OutboundCallsPerHour != nil && v.OutboundMinutes != nil {
				calls.OutboundCallsPerHour, calls.OutboundDurationMinutes = *v.OutboundCallsPerHour, float64(*v.OutboundMinutes)
			}
			at = instancePath(e.p, name) + ".traffic.voice.inbound_calls_per_hour"
		}
		lens.Calls = calls // Contact Lens shares are of the voice traffic's calls
		if campaignCalls {
			calls.CampaignCallsPerHour, calls.CampaignDurationMinutes = *cp.CallsPerHour, float64(*cp.MinutesInConnect)
		}
		r, err := sizing.SizeCalls(calls)
		if err != nil {
			return e.sizingError(err, at)
		}
		e.take(r, name+".calls", in)
		if v != nil && v.VoiceIDShare != nil {
			n.voiceIDCalls += v.InboundCallsPerHour * *v.VoiceIDShare
		}
	}
	if ch := t.Chat; ch != nil {
		r, err := sizing.SizeChats(sizing.Contacts{Common: c, PerHour: ch.ChatsPerHour, DurationMinutes: float64(*ch.MinutesInConnect), Blocking: e.block})
		if err != nil {
			return e.sizingError(err, instancePath(e.p, name)+".traffic.chat.chats_per_hour")
		}
		e.take(r, name+".chats", in)
		lens.ChatsPerHour, lens.ChatMinutes = ch.ChatsPerHour, float64(*ch.MinutesInConnect)
	}
	if tk := t.Tasks; tk != nil {
		r, err := sizing.SizeTasks(sizing.Contacts{Common: c, PerHour: tk.TasksPerHour, DurationMinutes: float64(*tk.MinutesInConnect), Blocking: e.block, ScheduleAheadDays: tk.ScheduleAheadDays})
		if err != nil {
			return e.sizingError(err, instancePath(e.p, name)+".traffic.tasks.tasks_per_hour")
		}
		e.take(r, name+".tasks", in)
	}
	if m := t.Email; m != nil {
		if err := e.emails(in, c, m); err != nil {
			return err
		}
	}
	if cl := in.ContactLens; cl != nil {
		if t.Voice != nil {
			lens.PostCallShare, lens.RealtimeShare = cl.PostCallShare, cl.RealtimeShare
		}
		if t.Chat != nil {
			lens.PostChatShare = cl.PostChatShare
		}
		if lens.RealtimeShare != nil {
			e.figure(name+".contact_lens", "realtime_offered_load_erlangs", lens.RealtimeLoad(), "real-time analytics offered load", "erlangs")
		}
		n.lens = append(n.lens, lens)
	}
	if cp != nil {
		if err := e.campaigns(in, cp); err != nil {
			return err
		}
	}
	if u := in.Users; u != nil {
		if err := e.users(in, u); err != nil {
			return err
		}
	}
	return nil
}

// campaigns checks an instance's outbound campaigns: those active and in total,
// and the concurrent campaign calls they place, by the loss model at the blocking
// target. Without calls the concurrent calls are still checked (a need of 0) on
// an edition that has the row, whose default of 0 the note recalls.
func (e *evaluator) campaigns(in *Instance, cp *Campaigns) error {
	if cp.Active != nil {
		e.add("outbound-campaigns.active-campaigns", *cp.Active, in, "")
	}
	if cp.Total != nil {
		e.add("outbound-campaigns.total-campaigns", *cp.Total, in, "")
	}
	if _, ok := e.cat.Lookup(sizing.CampaignCallsID); !ok && cp.CallsPerHour == nil {
		return nil // no calls to size, and no row to recall
	}
	if !e.has(sizing.CampaignCallsID) {
		return nil
	}
	cc := sizing.CampaignCalls{Common: e.common(in), Blocking: e.block}
	if cp.CallsPerHour != nil {
		cc.CallsPerHour, cc.DurationMinutes = *cp.CallsPerHour, float64(*cp.MinutesInConnect)
	}
	r, err := sizing.SizeCampaignCalls(cc)
	if err != nil {
		// Not met from a plan: the instance's calls, which pool these, are sized
		// first and stop at the same load.
		return e.sizingError(err, campaignCallsKey(e.p, in.Name))
	}
	e.take(r, in.Name+".campaigns", in)
	return nil
}

// emails checks an instance's email channel: concurrent active emails by the loss
// model, inbound and agent-initiated pooled, then the message keys against their
// rows. An edition without the email rows warns once per row and checks none.
func (e *evaluator) emails(in *Instance, c sizing.Common, m *Email) error {
	if e.has(sizing.ConcurrentEmailsID) {
		emails := sizing.Emails{Common: c, EmailsPerHour: m.InboundEmailsPerHour, DurationMinutes: float64(*m.MinutesInConnect), Blocking: e.block}
		if m.OutboundEmailsPerHour != nil && m.OutboundMinutes != nil {
			emails.OutboundEmailsPerHour, emails.OutboundDurationMinutes = *m.OutboundEmailsPerHour, float64(*m.OutboundMinutes)
		}
		r, err := sizing.SizeEmails(emails)
		if err != nil {
			return e.sizingError(err, instancePath(e.p, in.Name)+".traffic.email.inbound_emails_per_hour")
		}
		e.take(r, in.Name+".emails", in)
	}
	if m.LongestActive != nil {
		e.add(sizing.EmailContactExpiryID, float64(*m.LongestActive)/sizing.MinutesPerDay, in, "")
	}
	if m.LargestAttachmentMB != nil {
		e.add("connect.email-attachment-size", *m.LargestAttachmentMB, in, "")
	}
	if m.AddressesPerMessage != nil {
		e.add("connect.email-addresses-per-message", *m.AddressesPerMessage, in, "")
	}
	return nil
}

// users checks users per instance against the roster: the agents' headcount as
// given, or the agents sized for the peak times the plan's roster factor (every
// agent on every shift has an account), plus supervisors and other users.
func (e *evaluator) users(in *Instance, u *Users) error {
	var agents float64
	var from string
	if u.Agents != nil {
		agents = *u.Agents
		from = fmt.Sprintf("Users from the plan's headcount: %s agents", trim(agents))
	} else if u.Staffing != nil {
		peak, err := e.staff(in)
		if err != nil {
			return err
		}
		agents = calc.CeilWhole(peak * *u.RosterFactor)
		from = fmt.Sprintf("Users from the roster: %s agents scheduled at the peak x roster factor %s = %s agent accounts", trim(peak), trim(*u.RosterFactor), trim(agents))
	}
	supervisors, other := deref(u.Supervisors), deref(u.Other)
	users := agents + supervisors + other
	note := fmt.Sprintf("%s, + %s supervisors + %s other users.", from, trim(supervisors), trim(other))
	if from == "" {
		note = fmt.Sprintf("Users from the plan: %s supervisors + %s other users, no agents given.", trim(supervisors), trim(other))
	}
	e.figure(in.Name+".staff", "users", users, "users (agents + supervisors + other)", "")
	e.add("connect.users", users, in, note)
	return nil
}

func instancePath(p *Plan, name string) string {
	for i, in := range p.Instances {
		if in.Name == name {
			return fmt.Sprintf("instances[%d]", i)
		}
	}
	return "instances"
}

// campaignCallsKey is the key that a campaign call load past what connectcap
// sizes is reported at.
func campaignCallsKey(p *Plan, name string) string {
	return instancePath(p, name) + ".campaigns.calls_per_hour"
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// staff sizes an instance's agents with Erlang C, channel by channel, and returns
// the agents scheduled at the peak.
func (e *evaluator) staff(in *Instance) (float64, error) {
	s := in.Users.Staffing
	t := in.Traffic
	targets := sizing.Agents{AnswerWithinSeconds: float64(*s.AnswerWithin) * 60, ServiceLevelPct: s.ServiceLevelPct,
		ShrinkagePct: deref(s.ShrinkagePct), MaxOccupancyPct: 100}
	if s.MaxOccupancyPct != nil {
		targets.MaxOccupancyPct = *s.MaxOccupancyPct
	}
	var channels []sizing.Channel
	add := func(name string, perHour float64, handle *Minutes, minutesInConnect *Minutes, concurrency *float64) {
		if share, ok := in.handled[name]; ok {
			perHour *= share
		}
		if perHour <= 0 {
			return
		}
		h := minutesInConnect
		if handle != nil {
			h = handle
		}
		c := 1.0
		if concurrency != nil {
			c = *concurrency
		}
		channels = append(channels, sizing.Channel{Name: name, PerHour: perHour, AHTSeconds: float64(*h) * 60, Concurrency: c})
	}
	if v := t.Voice; v != nil {
		add("voice", v.InboundCallsPerHour, v.HandleTime, v.MinutesInConnect, nil)
	}
	if c := t.Chat; c != nil {
		add("chat", c.ChatsPerHour, c.HandleTime, c.MinutesInConnect, c.Concurrency)
	}
	if k := t.Tasks; k != nil && k.HandleTime != nil {
		add("task", k.TasksPerHour, k.HandleTime, k.HandleTime, nil)
	}
	if m := t.Email; m != nil && m.HandleTime != nil && m.InboundEmailsPerHour*handledShare(in, "email") > 0 {
		ch := sizing.Channel{Name: "email", PerHour: m.InboundEmailsPerHour * handledShare(in, "email"), AHTSeconds: float64(*m.HandleTime) * 60, Concurrency: 1}
		if m.AnswerWithin != nil {
			ch.AnswerWithinSeconds = float64(*m.AnswerWithin) * 60
		}
		channels = append(channels, ch)
	}
	r, err := sizing.StaffChannels(targets, channels)
	if err != nil {
		return 0, e.sizingError(err, instancePath(e.p, in.Name)+".users.staffing")
	}
	for i, ch := range channels {
		e.figure(in.Name+".staff", ch.Name+"_agents", r.PerChannel[i], ch.Name+" agents (Erlang C)", "")
	}
	e.figure(in.Name+".staff", "agents", r.Agents, "agents (Erlang C)", "")
	e.figure(in.Name+".staff", "scheduled_agents", r.Scheduled, "scheduled agents (after shrinkage)", "")
	return float64(r.Scheduled), nil
}

// handledShare is the share of a channel's contacts that reach an agent: 1
// unless traffic over time says.
func handledShare(in *Instance, channel string) float64 {
	if share, ok := in.handled[channel]; ok {
		return share
	}
	return 1
}

// account sizes the quotas that the instances share: Contact Lens (summed over
// instances) and Voice ID, then the plan's account sections.
func (e *evaluator) account(n *needs) error {
	c := e.common(nil)
	// Without Contact Lens use this sizes nothing and adds no check.
	e.take(sizing.SizeContactLens(c, n.lens, e.block), "account.contact_lens", nil)
	if v := e.p.VoiceID; v != nil || n.voiceIDCalls > 0 {
		if v == nil {
			v = &VoiceID{}
		}
		in := sizing.VoiceID{Common: c, CallsPerHour: n.voiceIDCalls, Domains: 1, Speakers: v.Speakers, Fraudsters: v.Fraudsters,
			Watchlists: deref(v.Watchlists), SpeakerBatch: deref(v.SpeakerBatch), FraudsterBatch: deref(v.FraudsterBatch),
			EnrollmentJobs: v.ConcurrentEnrollmentJobs, RegistrationJobs: v.ConcurrentRegistrationJobs}
		if v.Domains != nil && *v.Domains > 0 {
			in.Domains = *v.Domains
		}
		r, err := sizing.SizeVoiceID(in)
		if err != nil {
			return e.sizingError(err, "voice_id")
		}
		e.take(r, "account.voice_id", nil)
	}
	direct := func(id string, v *float64) {
		if v != nil {
			e.add(id, *v, nil, "")
		}
	}
	if c := e.p.Cases; c != nil {
		direct("cases.domains", c.Domains)
		direct("cases.fields", c.Fields)
		direct("cases.field-options", c.FieldOptions)
		direct("cases.layouts", c.Layouts)
		direct("cases.templates", c.Templates)
		direct("cases.related-items", c.RelatedItems)
		direct("cases.fields-per-template", c.FieldsPerTemplate)
		direct("cases.fields-per-layout", c.FieldsPerLayout)
		direct("cases.files-per-case", c.FilesPerCase)
		direct("cases.slas-per-case", c.SLAsPerCase)
		direct("cases.fields-per-custom-related-item", c.CustomItemFields)
	}
	if c := e.p.CustomerProfiles; c != nil {
		direct("customer-profiles.domains", c.Domains)
		direct("customer-profiles.object-types", c.ObjectTypes)
		direct("customer-profiles.keys-per-object-type", c.KeysPerObjectType)
		direct("customer-profiles.integrations", c.Integrations)
		direct("customer-profiles.expiration-days", c.ExpirationDays)
		direct("customer-profiles.objects-per-profile", c.ObjectsPerProfile)
		direct("customer-profiles.objects-size-per-profile", c.ObjectsSizePerProfileMB)
		direct("customer-profiles.object-size", c.ObjectSizeKB)
		direct("customer-profiles.identity-resolution-jobs", c.IdentityResolutionJobsPerWeek)
		direct("customer-profiles.consolidation-rules", c.ConsolidationRules)
		direct("customer-profiles.attributes-per-consolidation-rule", c.AttributesPerConsolidationRule)
		direct("customer-profiles.calculated-attributes", c.CalculatedAttributes)
		direct("customer-profiles.event-streams", c.EventStreams)
		direct("customer-profiles.event-triggers", c.EventTriggers)
		direct("customer-profiles.segment-snapshots", c.SegmentSnapshotsPerDay)
		direct("customer-profiles.bulk-export-jobs", c.BulkExportJobs)
	}
	if w := e.p.Wisdom; w != nil {
		direct("wisdom.assistants", w.Assistants)
		direct("wisdom.knowledge-bases", w.KnowledgeBases)
		direct("wisdom.knowledge-base-size", w.KnowledgeBaseSizeGB)
		direct("wisdom.content-per-knowledge-base", w.ContentPerKnowledgeBase)
		direct("wisdom.document-size", w.DocumentSizeMB)
		direct("wisdom.api-requests", w.RequestsPerSecond)
		direct("wisdom.assistant-associations", w.AssistantAssociations)
		direct("wisdom.quick-responses", w.QuickResponses)
		direct("wisdom.message-templates", w.MessageTemplates)
		direct("wisdom.message-template-versions", w.TemplateVersions)
		direct("wisdom.email-template-attachments", w.TemplateAttachments)
		direct("wisdom.email-template-attachment-size", w.TemplateAttachmentMB)
		direct("wisdom.email-template-characters", w.EmailTemplateCharacters)
		direct("wisdom.sms-template-characters", w.SMSTemplateCharacters)
		direct("wisdom.routing-profiles-per-template", w.TemplateRoutingProfiles)
	}
	if a := e.p.AppIntegrations; a != nil {
		direct("appintegrations.data-integrations", a.DataIntegrations)
		direct("appintegrations.data-integration-associations", a.DataIntegrationAssociations)
		direct("appintegrations.event-integrations", a.EventIntegrations)
		direct("appintegrations.event-integration-associations", a.EventIntegrationAssociations)
		direct("appintegrations.applications", a.Applications)
	}
	e.accountCampaigns()
	return nil
}

// accountCampaigns checks the plan's top-level campaigns against the 2023
// edition's Amazon Connect campaigns. An edition without that row counts
// campaigns per instance, which an account-wide number cannot be split into: the
// key is not checked, and a warning points to instances[].campaigns.
func (e *evaluator) accountCampaigns() {
	const id = "outbound-campaigns.campaigns"
	v := e.p.Campaigns
	if v == nil {
		return
	}
	if _, ok := e.cat.Lookup(id); ok {
		e.add(id, *v, nil, "")
		return
	}
	q, _ := tables.Find(id)
	e.warnings = append(e.warnings, e.p.errorf("campaigns",
		"%s campaigns are not checked: the %s edition of the quotas page has no account-wide campaigns quota (%s, %s, is on the %s edition: --edition %s); it counts campaigns per instance: give instances[].campaigns.active and .total instead",
		trim(*v), e.cat.Edition, q.Name, trim(q.Default), q.Edition, q.Edition).Error())
}

// instancesCheck checks instances per account, and again with the extra instances
// that spreading hard limits would take.
func (e *evaluator) instancesCheck() {
	n := float64(len(e.p.Instances))
	e.add("connect.instances", n, nil, "")
	if len(e.spread) == 0 {
		return
	}
	total := 0.0
	for _, in := range e.p.Instances {
		total += math.Max(1, e.spread[in.Name])
	}
	it := e.add("connect.instances", total, nil, fmt.Sprintf("Knock-on check: the instances needed if every hard limit exceeded per instance is spread over more instances (%s today).", trim(n)))
	it.Check.Name += " (if hard limits are spread)"
	it.Label = it.Check.Name
}

// remedy explains what fixes an exceeded limit that cannot be raised.
func (e *evaluator) remedy(it Item, in *Instance) string {
	c := it.Check
	q := e.cat.MustLookup(c.ID)
	base := strings.TrimSpace(c.Note)
	most := c.Limit // the most one instance holds
	if q.Max > 0 {
		most = q.Max
		base = strings.TrimSpace(fmt.Sprintf("%s It cannot be raised past %s, less than the need.", base, trim(q.Max)))
	} else if !strings.Contains(strings.ToLower(base), "cannot be") {
		base = strings.TrimSpace(base + " Cannot be raised.")
	}
	base += " "
	if most == 0 {
		// Held at 0: spreading over instances holds none of it either.
		return base + "The limit is 0, so no instance holds any of this need: reduce it to 0, or ask AWS Support."
	}
	if q.Scope == "instance" && in != nil {
		n := calc.CeilWhole(c.Required / most)
		e.spread[in.Name] = math.Max(n, e.spread[in.Name])
		return base + fmt.Sprintf("Spread this need over %s instances (%s each at most), or reduce it; see the knock-on check of instances per account.", trim(n), trim(most))
	} else if c.ID == "connect.task-schedule-ahead" {
		return strings.TrimSpace(base) // the note says what to do
	} else if c.ID == sizing.EmailContactExpiryID {
		// A setting of the instance, not a quota: the need is met by changing it.
		return strings.TrimSpace(q.Note + fmt.Sprintf(" Set the instance's active email contact expiry to at least %s days and give that value under applied as %s, or end emails sooner.",
			trim(math.Ceil(c.Required)), c.ID))
	} else if c.ID == "connect.email-addresses-per-message" {
		return base + fmt.Sprintf("Send to at most %s addresses per message: split the recipients over more messages.", trim(c.Limit))
	} else if c.ID == "customer-profiles.identity-resolution-jobs" {
		n := calc.CeilWhole(c.Required / c.Limit)
		return base + fmt.Sprintf("Spread the jobs over %s domains, or run fewer; check Customer Profiles domains per account.", trim(n))
	} else if c.ID == "cases.fields-per-template" {
		return base + fmt.Sprintf("Split the fields over %s templates.", trim(calc.CeilWhole(c.Required/c.Limit)))
	} else if c.ID == "cases.fields-per-layout" {
		return base + fmt.Sprintf("Split the fields over %s layouts.", trim(calc.CeilWhole(c.Required/c.Limit)))
	} else if q.Kind == tables.APIRate && it.Burst {
		return strings.TrimSpace(base) // the note already says to stagger the clients
	} else if q.Kind == tables.APIRate && it.Operation != "" {
		return base + e.pollingAdvice(it)
	}
	return base + "Reduce the need below the limit."
}

// trim formats a number in a note, for people.
func trim(v float64) string { return render.Human(v) }

// sizingError places a sizing error at the plan key it comes from.
func (e *evaluator) sizingError(err error, path string) error {
	var ie *sizing.InputError
	if errors.As(err, &ie) {
		return e.p.errorf(path, "%s", ie.Message)
	}
	return e.p.errorf(path, "%v", err)
}

// knockOn is a quota that spreading a hard limit over more of something uses.
type knockOn struct {
	hard, target string   // the exceeded hard limit and the quota it spreads onto
	have         *float64 // how many of the target the plan has today
	what, how    string   // "domains", "the identity resolution jobs are spread"
}

// knockOns checks the per-account quotas that spreading a domain's hard limit
// would use: more Customer Profiles domains for identity resolution jobs, more
// Cases templates for fields per template.
func (e *evaluator) knockOns() {
	var spread []knockOn
	if c := e.p.CustomerProfiles; c != nil {
		spread = append(spread, knockOn{"customer-profiles.identity-resolution-jobs", "customer-profiles.domains", c.Domains, "domains", "the identity resolution jobs are spread"})
	}
	if c := e.p.Cases; c != nil {
		spread = append(spread, knockOn{"cases.fields-per-template", "cases.templates", c.Templates, "templates", "the fields are split over more templates"},
			knockOn{"cases.fields-per-layout", "cases.layouts", c.Layouts, "layouts", "the fields are split over more layouts"})
	}
	for _, s := range spread {
		for _, it := range e.items {
			if it.Check.ID != s.hard || it.Check.Status != report.HardLimit {
				continue
			}
			have := math.Max(1, deref(s.have))
			n := have - 1 + calc.CeilWhole(it.Check.Required/it.Check.Limit)
			k := e.add(s.target, n, nil, fmt.Sprintf("Knock-on check: %s %s if %s (%s today).", trim(n), s.what, s.how, trim(have)))
			k.Check.Name += " (if " + s.how + ")"
			k.Label = k.Check.Name
			break
		}
	}
}

package plan

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/internal/suggest"
	"github.com/connectcap/connectcap/tables"
)

// apiServices are the services an api_consumers entry can name: the catalogue's
// service keys with API rates, and the earlier names of the renamed ones.
var apiServices = []string{"connect", "participant", "conversational-analytics", "contact-lens", "cases", "customer-profiles", "outbound-campaigns", "voice-id", "agent-assist", "wisdom"}

// arnRegion is the Region of an instance ARN the decoder has checked (input.InstanceARN).
func arnRegion(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}

// validate checks what decoding alone cannot: references and combinations. Each
// value's own form and range were checked by the decoder, through internal/input.
func (p *Plan) validate() error {
	if len(p.Instances) == 0 {
		return p.errorf("instances", "no instances; accepted: a list of at least one instance with a name")
	}
	if err := p.validateApplied("applied", p.Applied, false); err != nil {
		return err
	}
	names := map[string]int{}
	for i, in := range p.Instances {
		path := fmt.Sprintf("instances[%d]", i)
		if j, dup := names[in.Name]; dup {
			return p.errorf(path+".name", "duplicate instance name %q (also instances[%d]); accepted: a name unique in the plan", in.Name, j)
		}
		names[in.Name] = i
		if r := arnRegion(in.ARN); in.ARN != "" && p.Region != "" && r != p.Region {
			return p.errorf(path+".arn", "the ARN is in %s but the plan's region is %s", r, p.Region)
		}
		if err := p.validateApplied(path+".applied", in.Applied, true); err != nil {
			return err
		}
		if err := p.validateInstance(path, in); err != nil {
			return err
		}
	}
	for i, c := range p.APIConsumers {
		if err := p.validateConsumer(fmt.Sprintf("api_consumers[%d]", i), c, names); err != nil {
			return err
		}
	}
	return nil
}

func (p *Plan) validateApplied(path string, m map[string]float64, instance bool) error {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	// In file order, so the first bad key is the one reported.
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(p.lines[path+"."+a], p.lines[path+"."+b]), strings.Compare(a, b))
	})
	given := map[string]string{}
	for _, key := range keys {
		if op := operationOfCode(key); op != "" {
			// A Service Quotas code of an operation the page folds into "all other
			// operations": its applied rate is that operation's alone.
			if instance {
				return p.errorf(path+"."+key, "%s (%s) is not a per-instance quota; put it under the top-level applied map", key, op)
			}
			continue
		}
		q, ok := quotaByKey(key)
		if !ok {
			return p.errorf(path+"."+key, "unknown quota id or quota code %q; accepted: an id or code from 'connectcap quotas'", key)
		}
		if prev, dup := given[q.ID]; dup {
			return p.errorf(path+"."+key, "%s is %s again (given as %s already); accepted: each quota once", key, q.ID, prev)
		}
		given[q.ID] = key
		if instance && q.Scope != "instance" && q.Scope != "routing-profile" {
			return p.errorf(path+"."+key, "%s is not a per-instance quota (scope %s); put it under the top-level applied map", q.ID, q.Scope)
		}
		if v := m[key]; q.Unit == "count" && v != math.Trunc(v) {
			return p.errorf(path+"."+key, "%v: not a whole number; accepted: a whole number of %s", v, strings.ToLower(q.Name))
		}
	}
	return nil
}

// operationOfCode returns the operation whose own Service Quotas code this is.
func operationOfCode(code string) string {
	for op, c := range tables.OperationQuotaCodes {
		if c == code {
			return op
		}
	}
	return ""
}

// quotaByKey finds a quota by id or quota code, written exactly as the catalogue
// (and the JSON Schema) writes it.
// Any edition's row is a valid key; evaluation warns when the edition checked lacks
// it.
func quotaByKey(key string) (tables.Quota, bool) {
	if q, ok := tables.Find(key); ok && (q.ID == key || q.QuotaCode == key) {
		return q, true
	}
	return tables.Quota{}, false
}

func (p *Plan) validateInstance(path string, in Instance) error {
	t := in.Traffic
	if t != nil && t.Voice != nil && t.Voice.OutboundCallsPerHour != nil && *t.Voice.OutboundCallsPerHour > 0 && t.Voice.OutboundMinutes == nil {
		return p.errorf(path+".traffic.voice.outbound_calls_per_hour", "needs outbound_minutes, the average length of an outbound call")
	}
	if err := p.validateCampaigns(path+".campaigns", in.Campaigns); err != nil {
		return err
	}
	if t != nil && t.Email != nil {
		if err := p.validateEmail(path+".traffic.email", t.Email); err != nil {
			return err
		}
	}
	u := in.Users
	if u != nil && u.RosterFactor != nil && u.Staffing == nil {
		return p.errorf(path+".users.roster_factor", "applies only with staffing (agents gives the headcount itself); drop it, or size agents with staffing")
	}
	if u == nil || u.Staffing == nil {
		return nil
	}
	sp := path + ".users.staffing"
	if u.Agents != nil {
		return p.errorf(path+".users", "give agents or staffing, not both")
	}
	if t == nil || (t.Voice == nil && t.Chat == nil && (t.Tasks == nil || t.Tasks.HandleTime == nil) && (t.Email == nil || t.Email.HandleTime == nil)) {
		return p.errorf(sp, "staffing sizes agents from traffic, but the instance has no voice, chat or staffed task traffic, and no email traffic with a handle_time")
	}
	if u.RosterFactor == nil {
		return p.errorf(path+".users", "staffing sizes the agents at the peak, but users per instance counts every agent's account on every shift: give roster_factor (agent accounts per agent scheduled at the peak, 1 or more; 1.6 for 160 accounts per 100 peak seats), or give agents as a headcount instead")
	}
	return nil
}

// validateCampaigns checks that campaign calls come with their minutes, and the
// minutes with the calls, and that no more campaigns are active than exist.
func (p *Plan) validateCampaigns(path string, c *Campaigns) error {
	if c == nil {
		return nil
	}
	if c.CallsPerHour != nil && c.MinutesInConnect == nil {
		return p.errorf(path+".calls_per_hour", "%s calls per hour need minutes_in_connect, the average time a campaign call is in Connect; accepted: calls_per_hour with minutes_in_connect", trim(*c.CallsPerHour))
	}
	if c.MinutesInConnect != nil && c.CallsPerHour == nil {
		return p.errorf(path+".minutes_in_connect", "minutes in Connect without calls_per_hour; accepted: calls_per_hour with minutes_in_connect")
	}
	if c.Active != nil && c.Total != nil && *c.Active > *c.Total {
		return p.errorf(path+".active", "%s active campaigns but %s in total; accepted: active at most total", trim(*c.Active), trim(*c.Total))
	}
	return nil
}

// validateEmail checks an email channel's combinations: agent-initiated emails
// need their time active, an answer target needs the handle time it staffs, and
// the longest time active cannot be shorter than an average.
func (p *Plan) validateEmail(path string, m *Email) error {
	if m.OutboundEmailsPerHour != nil && *m.OutboundEmailsPerHour > 0 && m.OutboundMinutes == nil {
		return p.errorf(path+".outbound_emails_per_hour", "needs outbound_minutes, the average time an agent-initiated email stays active")
	}
	if m.AnswerWithin != nil && m.HandleTime == nil {
		return p.errorf(path+".answer_within", "applies only with handle_time, which staffs the emails; give handle_time, or drop answer_within")
	}
	if m.LongestActive == nil {
		return nil
	}
	longest := float64(*m.LongestActive)
	for _, avg := range []struct {
		key string
		v   *Minutes
	}{{"minutes_in_connect", m.MinutesInConnect}, {"outbound_minutes", m.OutboundMinutes}} {
		if avg.v != nil && float64(*avg.v) > longest {
			return p.errorf(path+".longest_active", "%s is shorter than %s, %s, an average; accepted: the longest time an email stays active, at least every average",
				input.FormatMinutes(longest), avg.key, input.FormatMinutes(float64(*avg.v)))
		}
	}
	return nil
}

func (p *Plan) validateConsumer(path string, c APIConsumer, instances map[string]int) error {
	service := c.Service
	if service == "" {
		service = "connect"
	}
	if near := nearOperation(service, c.Operation); near != "" {
		return p.errorf(path+".operation", "%s is not an operation with a quota of its own; did you mean %s? (other %s operations are checked against the \"all other operations\" rate, so a typo would be checked against the wrong quota)", c.Operation, near, service)
	}
	if !anyEditionRates(service, c.Operation) {
		return p.errorf(path+".operation", "%s has no throttling quota on the page for service %s; accepted: an operation from 'connectcap quotas --service %s'", c.Operation, service, service)
	}
	given := 0
	for _, set := range []bool{c.RatePerSecond != nil, c.RatePerMinute != nil, c.Interval != nil} {
		if set {
			given++
		}
	}
	if given != 1 {
		return p.errorf(path, "give exactly one of rate_per_second, rate_per_minute or interval (got %d)", given)
	}
	if c.Instance != "" {
		if _, ok := instances[c.Instance]; !ok {
			return p.errorf(path+".instance", "no instance named %q in the plan", c.Instance)
		}
	}
	return nil
}

// checkRegion rejects a Region that differs from the Region of an instance ARN.
func (p *Plan) checkRegion(region string) error {
	for i, in := range p.Instances {
		if r := arnRegion(in.ARN); in.ARN != "" && r != region {
			return p.errorf(fmt.Sprintf("instances[%d].arn", i), "the ARN is in %s but the Region checked is %s; accepted: the instances' own Region", r, region)
		}
	}
	return nil
}

// nearOperation returns the named operation that op looks like a typo of: an
// operation the catalogue names, within a small edit distance or differing only in
// case. An exact name returns "".
func nearOperation(service, op string) string {
	if s, ok := tables.CanonicalService(service); ok {
		service = s
	}
	var named []string
	for _, q := range tables.Union() {
		if q.Kind == tables.APIRate && q.Service == service {
			named = append(named, q.Operations...)
		}
	}
	if service == "connect" {
		for o := range tables.OperationQuotaCodes {
			named = append(named, o)
		}
	}
	sort.Strings(named)
	return suggest.Nearest(op, named, 4)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// anyEditionRates reports whether some edition of the page has a throttling quota
// for the operation.
func anyEditionRates(service, operation string) bool {
	for _, e := range tables.Editions {
		if _, ok := tables.In(e).ForOperation(service, operation); ok {
			return true
		}
	}
	return false
}

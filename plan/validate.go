package plan

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/internal/suggest"
	"github.com/connectcap/connectcap/tables"
)

var (
	instanceARN  = regexp.MustCompile(`^arn:aws[a-z-]*:connect:([a-z0-9-]+):([0-9]{12}):instance/[0-9a-fA-F-]+$`)
	operationRE  = regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`) // and 3 to 81 characters
	apiServices  = []string{"connect", "participant", "contact-lens", "cases", "voice-id", "wisdom"}
	instanceName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`) // and at most 64 characters
)

// validate checks what decoding alone cannot: names, references, combinations.
func (p *Plan) validate() error {
	if p.Region != "" && !tables.IsRegion(p.Region) {
		return p.errorf("region", "%q is not an AWS Region code; accepted: a Region code such as us-east-1 or eu-west-2", p.Region)
	}
	if len(p.Instances) == 0 {
		return p.errorf("instances", "no instances; accepted: a list of at least one instance with a name")
	}
	if err := p.validateApplied("applied", p.Applied, false); err != nil {
		return err
	}
	names := map[string]int{}
	for i, in := range p.Instances {
		path := fmt.Sprintf("instances[%d]", i)
		if !instanceName.MatchString(in.Name) || len(in.Name) > 64 {
			return p.errorf(path+".name", "%q is not a usable instance name; accepted: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", in.Name)
		}
		if j, dup := names[in.Name]; dup {
			return p.errorf(path+".name", "duplicate instance name %q (also instances[%d]); accepted: a name unique in the plan", in.Name, j)
		}
		names[in.Name] = i
		if in.ARN != "" {
			m := instanceARN.FindStringSubmatch(in.ARN)
			if m == nil || len(in.ARN)-strings.Index(in.ARN, "instance/")-len("instance/") > 64 {
				return p.errorf(path+".arn", "%q is not an Amazon Connect instance ARN; accepted: arn:aws:connect:REGION:ACCOUNT:instance/ID", in.ARN)
			}
			if p.Region != "" && m[1] != p.Region {
				return p.errorf(path+".arn", "the ARN is in %s but the plan's region is %s", m[1], p.Region)
			}
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
	sort.Slice(keys, func(i, j int) bool {
		li, lj := p.lines[path+"."+keys[i]], p.lines[path+"."+keys[j]]
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
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
func quotaByKey(key string) (tables.Quota, bool) {
	if q, ok := tables.Lookup(key); ok {
		return q, true
	}
	if q, ok := tables.ByQuotaCode(key); ok && q.QuotaCode == key {
		return q, true
	}
	return tables.Quota{}, false
}

func (p *Plan) validateInstance(path string, in Instance) error {
	t := in.Traffic
	if t != nil && t.Voice != nil && t.Voice.OutboundCallsPerHour != nil && *t.Voice.OutboundCallsPerHour > 0 && t.Voice.OutboundMinutes == nil {
		return p.errorf(path+".traffic.voice.outbound_calls_per_hour", "needs outbound_minutes, the average length of an outbound call")
	}
	if t != nil && t.Chat != nil && t.Chat.Concurrency != nil && *t.Chat.Concurrency < 1 {
		return p.errorf(path+".traffic.chat.concurrency", "%v: too small; accepted: a whole number of chats per agent, at least 1", *t.Chat.Concurrency)
	}
	u := in.Users
	if u != nil && u.RosterFactor != nil && u.Staffing == nil {
		return p.errorf(path+".users.roster_factor", "applies only with staffing (agents gives the headcount itself); drop it, or size agents with staffing")
	}
	if u != nil && u.RosterFactor != nil && (*u.RosterFactor < 1 || *u.RosterFactor > 100) {
		return p.errorf(path+".users.roster_factor", "%v: out of range; accepted: agent accounts per agent scheduled at the peak, from 1 to 100 (1.6 for 160 accounts per 100 peak seats)", *u.RosterFactor)
	}
	if u == nil || u.Staffing == nil {
		return nil
	}
	sp := path + ".users.staffing"
	if u.Agents != nil {
		return p.errorf(path+".users", "give agents or staffing, not both")
	}
	s := u.Staffing
	if s.ServiceLevelPct < 1 || s.ServiceLevelPct >= 100 {
		return p.errorf(sp+".service_level_pct", "%v: out of range; accepted: a percentage from 1 to less than 100 (80 for 80 %%)", s.ServiceLevelPct)
	}
	if s.ShrinkagePct != nil && *s.ShrinkagePct >= 100 {
		return p.errorf(sp+".shrinkage_pct", "%v: too large; accepted: a percentage from 0 to less than 100", *s.ShrinkagePct)
	}
	if s.MaxOccupancyPct != nil && *s.MaxOccupancyPct < 1 {
		return p.errorf(sp+".max_occupancy_pct", "%v: too small; accepted: a percentage from 1 to 100", *s.MaxOccupancyPct)
	}
	if t == nil || (t.Voice == nil && t.Chat == nil && (t.Tasks == nil || t.Tasks.HandleTime == nil)) {
		return p.errorf(sp, "staffing sizes agents from traffic, but the instance has no voice, chat or staffed task traffic")
	}
	if u.RosterFactor == nil {
		return p.errorf(path+".users", "staffing sizes the agents at the peak, but users per instance counts every agent's account on every shift: give roster_factor (agent accounts per agent scheduled at the peak, 1 or more; 1.6 for 160 accounts per 100 peak seats), or give agents as a headcount instead")
	}
	return nil
}

func (p *Plan) validateConsumer(path string, c APIConsumer, instances map[string]int) error {
	service := c.Service
	if service == "" {
		service = "connect"
	}
	if !contains(apiServices, service) {
		return p.errorf(path+".service", "%q is not an API service; accepted: %s", c.Service, strings.Join(apiServices, ", "))
	}
	if !operationRE.MatchString(c.Operation) || len(c.Operation) < 3 || len(c.Operation) > 81 {
		return p.errorf(path+".operation", "%q is not an API operation name; accepted: a name such as GetCurrentMetricData", c.Operation)
	}
	if near := nearOperation(service, c.Operation); near != "" {
		return p.errorf(path+".operation", "%s is not an operation with a quota of its own; did you mean %s? (other %s operations are checked against the \"all other operations\" rate, so a typo would be checked against the wrong quota)", c.Operation, near, service)
	}
	if _, ok := tables.ForOperation(service, c.Operation); !ok {
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkRegion rejects a Region that differs from the Region of an instance ARN.
func (p *Plan) checkRegion(region string) error {
	for i, in := range p.Instances {
		if m := instanceARN.FindStringSubmatch(in.ARN); m != nil && m[1] != region {
			return p.errorf(fmt.Sprintf("instances[%d].arn", i), "the ARN is in %s but the Region checked is %s; accepted: the instances' own Region", m[1], region)
		}
	}
	return nil
}

// nearOperation returns the named operation that op looks like a typo of: an
// operation the catalogue names, within a small edit distance or differing only in
// case. An exact name returns "".
func nearOperation(service, op string) string {
	var named []string
	for _, q := range tables.All() {
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

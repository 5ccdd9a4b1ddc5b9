package plan

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// apiNeed is the summed demand on one operation's throttle bucket.
type apiNeed struct {
	service, operation, instance string
	rate                         float64 // requests per second
	alignedBurst                 float64 // requests that arrive at once from aligned clients
	unalignedRate                float64
	consumers                    []string
}

// apis sums API consumers per operation (and per instance for per-instance APIs)
// and checks rate and burst.
func (e *evaluator) apis() {
	needs := map[[3]string]*apiNeed{}
	var order [][3]string
	for i, c := range e.p.APIConsumers {
		service := c.Service
		if service == "" {
			service = "connect"
		}
		if s, ok := tables.CanonicalService(service); ok {
			service = s // wisdom and agent-assist consumers share one bucket
		}
		q, _ := e.cat.ForOperation(service, c.Operation)
		perClient := 0.0
		if c.RatePerSecond != nil {
			perClient = *c.RatePerSecond
		} else if c.RatePerMinute != nil {
			perClient = *c.RatePerMinute / 60
		} else if c.Interval != nil {
			perClient = 1 / (float64(*c.Interval) * 60)
		}
		clients := 1.0
		if c.Clients != nil {
			clients = *c.Clients
		}
		instances := []string{""}
		if q.Scope == "instance" {
			if c.Instance != "" {
				instances = []string{c.Instance}
			} else {
				instances = instances[:0]
				for _, in := range e.p.Instances {
					instances = append(instances, in.Name)
				}
			}
		}
		name := c.Name
		if name == "" {
			name = fmt.Sprintf("api_consumers[%d]", i)
		}
		for _, inst := range instances {
			key := [3]string{service, c.Operation, inst}
			n, ok := needs[key]
			if !ok {
				n = &apiNeed{service: service, operation: c.Operation, instance: inst}
				needs[key] = n
				order = append(order, key)
			}
			n.rate += perClient * clients
			if c.Aligned {
				n.alignedBurst += clients * math.Max(1, math.Ceil(perClient))
			} else {
				n.unalignedRate += perClient * clients
			}
			n.consumers = append(n.consumers, name)
		}
	}
	for _, key := range order {
		e.api(needs[key])
	}
}

func (e *evaluator) api(n *apiNeed) {
	q, ok := e.cat.ForOperation(n.service, n.operation)
	if !ok {
		e.warnings = append(e.warnings, fmt.Sprintf("%s: api_consumers: %s has no throttling quota of its own on the %s edition of the quotas page, so it is not checked", e.p.file, n.operation, e.cat.Edition))
		return
	}
	var in *Instance
	for i := range e.p.Instances {
		if e.p.Instances[i].Name == n.instance {
			in = &e.p.Instances[i]
		}
	}
	prefix := "account.api." + n.operation
	if n.instance != "" {
		prefix = n.instance + ".api." + n.operation
	}
	e.figure(prefix, "requests_per_second", n.rate, n.operation+" requests per second", "requests/second")
	sort.Strings(n.consumers)
	from := fmt.Sprintf("%s from %s.", n.operation, joinNames(n.consumers))
	c := e.common(in)
	if code, ok := tables.OperationQuotaCodes[n.operation]; ok && q.Service == "connect" {
		// An operation's own quota code applies to that operation alone.
		if v, given := e.p.Applied[code]; given {
			c.Limits = report.Override{ID: q.ID, Value: report.Limit{Value: v, Source: report.FromPlan}, Next: c.Limits}
		}
	}
	rc := c.Check(q.ID, n.rate, strings.TrimSpace(from+" "+q.Note))
	named(&rc, q, n.operation)
	e.record(Item{Check: rc, Operation: n.operation}, in)
	if q.Burst > 0 && n.alignedBurst > 0 {
		burst := n.alignedBurst + math.Ceil(n.unalignedRate-1e-9)
		e.figure(prefix, "burst_requests", burst, n.operation+" requests arriving at once", "requests")
		// The burst is a limit of its own, in requests, that Service Quotas does not
		// hold: the page's value is the limit.
		c.Limits = report.Override{ID: q.ID, Value: report.Limit{Value: q.Burst, Source: report.FromDefault}, Next: c.Limits}
		bc := c.Check(q.ID, burst, from+" Aligned clients fire together; stagger them to stay under the burst limit.")
		named(&bc, q, n.operation)
		bc.Name += " (burst)"
		bc.Unit = "requests"
		e.record(Item{Check: bc, Operation: n.operation, Burst: true}, in)
	}
}

// named gives an api-rate check its operation's name and code when the row covers
// several operations.
func named(c *report.Check, q tables.Quota, operation string) {
	if len(q.Operations) == 1 {
		return
	}
	// A service's "all other operations" row is one bucket the operations share:
	// the name says so. A row naming a group gives each operation its own rate.
	if q.SharedBucket() {
		c.Name = q.Name + ": " + operation
	} else {
		c.Name = "Rate of " + operation + " API requests"
		if q.Service != "connect" {
			c.Name += " (" + tables.ServiceNames[q.Service] + ")"
		}
	}
	if code, ok := tables.OperationQuotaCodes[operation]; ok && q.Service == "connect" {
		sc := "connect"
		c.ServiceCode, c.QuotaCode = &sc, &code
	}
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 && i == len(names)-1 {
			out += " and "
		} else if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

// pollingAdvice says how much less often the clients of a rate that cannot be
// raised must call it to fit: by the ratio of their summed rate to the limit.
func (e *evaluator) pollingAdvice(it Item) string {
	rate, limit := it.Check.Required, it.Check.Limit
	fit := rate / limit
	atTarget := rate * 100 / (limit * e.o.TargetPct)
	advice := fmt.Sprintf("Together the clients send %s requests/s: call %s times less often to fit (%s times keeps %s %%)",
		trim(round2(rate)), trim(ceil2(fit)), trim(ceil2(atTarget)), trim(e.o.TargetPct))
	for _, c := range e.p.APIConsumers {
		if c.Operation == it.Operation && c.Interval != nil {
			every := float64(*c.Interval) * 60
			advice += fmt.Sprintf(", for example %s polling every %s s instead of every %s s (%s s keeps %s %%)",
				consumerName(c), trim(ceil1(every*fit)), trim(round2(every)), trim(ceil1(every*atTarget)), trim(e.o.TargetPct))
			break
		}
	}
	return advice + "; or poll once and share the result."
}

func consumerName(c APIConsumer) string {
	if c.Name != "" {
		return c.Name
	}
	return "a client"
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
func ceil2(v float64) float64  { return calc.CeilWhole(v*100) / 100 }
func ceil1(v float64) float64  { return calc.CeilWhole(v*10) / 10 }

// untouched lists the catalogue rows the plan does not reach, for --all.
func (e *evaluator) untouched() {
	for _, q := range e.cat.All() {
		if e.touched[q.ID] {
			continue
		}
		u := report.Untouched(q, e.limits(nil).Limit(q))
		u.Note = "Not in the plan."
		if q.Service == "voice-id" {
			u.Note += " " + tables.VoiceIDEnded
		}
		e.record(Item{Check: u}, nil)
	}
}

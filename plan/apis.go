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
	clients                      float64
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
		q, _ := tables.ForOperation(service, c.Operation)
		perClient := 0.0
		switch {
		case c.RatePerSecond != nil:
			perClient = *c.RatePerSecond
		case c.RatePerMinute != nil:
			perClient = *c.RatePerMinute / 60
		case c.Interval != nil:
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
			n.clients += clients
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
	q, _ := tables.ForOperation(n.service, n.operation)
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
	c := report.NewCheck(q, n.rate, e.limit(q, in), e.o.TargetPct, strings.TrimSpace(from+" "+q.Note))
	named(&c, q, n.operation)
	e.record(Item{Check: c, Operation: n.operation}, in)
	if q.Burst > 0 && n.alignedBurst > 0 {
		burst := n.alignedBurst + math.Ceil(n.unalignedRate-1e-9)
		e.figure(prefix, "burst_requests", burst, n.operation+" requests arriving at once", "requests")
		limit := report.Limit{Value: q.Burst, Source: report.FromDefault}
		bc := report.NewCheck(q, burst, limit, e.o.TargetPct, from+" Aligned clients fire together; stagger them to stay under the burst limit.")
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
	c.Name = q.Name + ": " + operation
	if code, ok := tables.OperationQuotaCodes[operation]; ok && q.Service == "connect" {
		sc := "connect"
		c.ServiceCode, c.QuotaCode = &sc, &code
	}
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			out += " and "
		default:
			out += ", "
		}
		out += n
	}
	return out
}

// pollingAdvice gives the polling interval at which an API's clients fit a rate
// that cannot be raised.
func (e *evaluator) pollingAdvice(it Item) string {
	clients := 0.0
	for _, c := range e.p.APIConsumers {
		if c.Operation == it.Operation {
			clients += math.Max(1, deref(c.Clients))
		}
	}
	limit := it.Check.Limit
	fit := clients / limit
	atTarget := clients * 100 / (limit * e.o.TargetPct)
	return fmt.Sprintf("With %s clients each polling once per interval, poll every %s s or slower (%s s keeps %s %%), or poll once and share the result.",
		trim(clients), trim(calc.CeilWhole(fit*10)/10), trim(calc.CeilWhole(atTarget*10)/10), trim(e.o.TargetPct))
}

// untouched lists the catalogue rows the plan does not reach, for --all.
func (e *evaluator) untouched() {
	for _, q := range tables.All() {
		if e.touched[q.ID] {
			continue
		}
		e.record(Item{Check: report.NewCheck(q, 0, e.limit(q, nil), e.o.TargetPct, "Not in the plan.")}, nil)
	}
}

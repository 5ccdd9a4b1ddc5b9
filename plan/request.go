package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// BuildRequests turns every check above the target utilization into a request for
// its recommended value: planners ask once, weeks ahead, so a need that only
// warns is asked for too, and the value restores the target. An instance quota is
// requested per instance with the instance ARN as context when the plan gives it;
// without an ARN one request covers the Region's instances, for the largest value
// any of them needs. Limits that cannot be raised are listed with their way out.
func BuildRequests(ev *Evaluation, planFile string) (*report.Requests, error) {
	if ev.Region == "" {
		return nil, fmt.Errorf("%s: requests need a Region: set region: in the plan or pass --region", planFile)
	}
	out := &report.Requests{PlanFile: planFile, Region: ev.Region, Edition: ev.Edition,
		LeadTime: tables.LeadTime, FormURL: tables.IncreaseFormURL, Requests: []report.Request{}, CannotRaise: []report.Blocked{}}
	// report.Requests for the same quota without an instance context are one request, for
	// the largest value any check needs: per-instance quotas without an ARN are
	// raised for the Region's instances, and an account quota can be checked twice
	// (instances per account, as planned and with hard limits spread).
	merged := map[string]int{}
	for _, it := range ev.Items {
		c := it.Check
		if c.Status == report.HardLimit {
			out.CannotRaise = append(out.CannotRaise, report.Blocked{ID: c.ID, Name: it.Label, Instance: c.Instance, Required: c.Required, Limit: c.Limit, Unit: c.Unit, Note: c.Note})
			continue
		}
		if c.Recommended == nil {
			continue // at or below the target, untouched, or a limit that cannot be raised
		}
		need := report.Need{Check: it.Label, Instance: c.Instance, Required: c.Required, Status: string(c.Status)}
		r := report.Request{ID: c.ID, Name: tables.In(c.Edition).MustLookup(c.ID).Name, Level: c.Level, Instances: []string{}, Required: c.Required, CurrentLimit: c.Limit, LimitSource: c.LimitSource,
			DesiredValue: *c.Recommended, Unit: c.Unit, Region: ev.Region, ServiceCode: c.ServiceCode, QuotaCode: c.QuotaCode, Covers: []report.Need{need}}
		if it.Operation != "" {
			r.Name = strings.TrimSuffix(it.Label, " (burst)")
		}
		if it.Burst {
			// Service Quotas has no code of its own for an API's burst.
			r.ServiceCode, r.QuotaCode = nil, nil
			r.Name = it.Label
		}
		if it.Instance != "" {
			r.Instances = append(r.Instances, it.Instance)
			// A resource-level quota is raised per instance, named by its ARN; an
			// account-level one never names an instance. Without a quota code
			// (concurrent campaign calls) the form request names the instance too.
			if r.Level == tables.ResourceLevel {
				r.PerInstance = true
				if it.ARN != "" {
					arn := it.ARN
					r.ContextID = &arn
				}
			}
		}
		if !r.PerInstance {
			key := c.ID + "|" + str(r.QuotaCode) + "|" + r.Name
			if i, ok := merged[key]; ok {
				m := &out.Requests[i]
				m.Instances = appendNew(m.Instances, r.Instances...)
				m.Covers = append(m.Covers, need)
				// The largest value any check needs, and of needs that ask for the
				// same value the largest.
				if r.DesiredValue > m.DesiredValue || r.DesiredValue == m.DesiredValue && r.Required > m.Required {
					m.DesiredValue, m.Required, m.CurrentLimit, m.LimitSource = r.DesiredValue, r.Required, r.CurrentLimit, r.LimitSource
				}
				continue
			}
			merged[key] = len(out.Requests)
		}
		out.Requests = append(out.Requests, r)
	}
	for i := range out.Requests {
		r := &out.Requests[i]
		sort.SliceStable(r.Covers, func(a, b int) bool { return r.Covers[a].Required < r.Covers[b].Required })
		finish(r)
	}
	return out, nil
}

// appendNew appends the names not already in list.
func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		found := false
		for _, x := range list {
			found = found || x == n
		}
		if !found {
			list = append(list, n)
		}
	}
	return list
}

// finish words the request by its level and writes its Service Quotas command.
func finish(r *report.Request) {
	where := ""
	if r.PerInstance && r.ContextID != nil {
		where = fmt.Sprintf(" for instance %s (%s). The quota applies per instance (resource level), so the request names the instance", r.Instances[0], *r.ContextID)
	} else if r.PerInstance {
		where = fmt.Sprintf(" for instance %s. The quota applies per instance (resource level) and cannot be raised for the account: the plan gives no arn for the instance, so name it by its ARN in the request", r.Instances[0])
	} else if r.Level == tables.AccountLevel && len(r.Instances) > 0 {
		where = fmt.Sprintf(". The quota applies to every instance of the account in the Region (account level); this value covers %s", instancesText(r.Instances))
	} else if r.Level == tables.AccountLevel {
		where = ". The quota applies to the whole account in the Region (account level)"
	} else if len(r.Instances) > 0 && (r.QuotaCode == nil || r.ServiceCode == nil) {
		where = " for instance " + strings.Join(r.Instances, ", ") + " (a quota increase form request: it covers the Region's instances)"
	} else if len(r.Instances) > 0 {
		where = " for instance " + strings.Join(r.Instances, ", ")
	}
	r.Text = fmt.Sprintf("Please raise %q to %s in %s%s. Planned need at peak: %s (current limit %s, from %s); the requested value keeps the need at or below the planned utilization.",
		r.Name, render.Raw(r.DesiredValue), r.Region, where, render.Covered(r), render.Human(r.CurrentLimit), r.LimitSource)
	if strings.HasPrefix(r.ID, "voice-id.") {
		r.Text = tables.VoiceIDCheckNote + " AWS may not accept this request. " + r.Text
	}
	if r.QuotaCode == nil || r.ServiceCode == nil {
		r.Method = report.MethodSupportForm
		return
	}
	r.Method = report.MethodServiceQuotas
	cmd := fmt.Sprintf("aws service-quotas request-service-quota-increase --service-code %s --quota-code %s --desired-value %s --region %s",
		*r.ServiceCode, *r.QuotaCode, render.Raw(r.DesiredValue), r.Region)
	if r.ContextID != nil {
		cmd += " --context-id '" + *r.ContextID + "'"
	} else if r.PerInstance {
		// Service Quotas refuses this placeholder, so a script never raises the
		// quota for the wrong scope.
		cmd += " --context-id '<ARN of instance " + r.Instances[0] + ">'"
	}
	r.Command = &cmd
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// instancesText names instances in a sentence: "instance a", "instances a and b",
// "instances a, b and c".
func instancesText(names []string) string {
	if len(names) == 1 {
		return "instance " + names[0]
	}
	return "instances " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

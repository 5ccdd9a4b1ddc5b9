package plan

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// Request is one quota increase to ask for.
type Request struct {
	ID           string             `json:"id" yaml:"id"`
	Name         string             `json:"name" yaml:"name"`
	Instances    []string           `json:"instances" yaml:"instances"`
	Required     float64            `json:"required" yaml:"required"`
	CurrentLimit float64            `json:"current_limit" yaml:"current_limit"`
	LimitSource  report.LimitSource `json:"limit_source" yaml:"limit_source"`
	DesiredValue float64            `json:"desired_value" yaml:"desired_value"`
	Unit         string             `json:"unit" yaml:"unit"`
	Region       string             `json:"region" yaml:"region"`
	ServiceCode  *string            `json:"service_code" yaml:"service_code"`
	QuotaCode    *string            `json:"quota_code" yaml:"quota_code"`
	ContextID    *string            `json:"context_id" yaml:"context_id"`
	// Method is "service-quotas" (a Service Quotas API request) or "support-form"
	// (the quota increase form, for rows without a quota code).
	Method string `json:"method" yaml:"method"`
	// Command is the AWS CLI call; null for a support-form request.
	Command *string `json:"command" yaml:"command"`
	// Covers lists the needs the desired value covers: one per instance and check
	// that the request serves.
	Covers []Need `json:"covers" yaml:"covers"`
	Text   string `json:"text" yaml:"text"`
}

// Need is one check's need that a request covers.
type Need struct {
	Check    string  `json:"check" yaml:"check"` // the check's name
	Instance *string `json:"instance" yaml:"instance"`
	Required float64 `json:"required" yaml:"required"`
	Status   string  `json:"status" yaml:"status"` // warn or increase
}

// Blocked is a limit that cannot be raised, with its way out.
type Blocked struct {
	ID       string  `json:"id" yaml:"id"`
	Name     string  `json:"name" yaml:"name"`
	Instance *string `json:"instance" yaml:"instance"`
	Required float64 `json:"required" yaml:"required"`
	Limit    float64 `json:"limit" yaml:"limit"`
	Unit     string  `json:"unit" yaml:"unit"`
	Note     string  `json:"note" yaml:"note"`
}

// Requests is everything connectcap request hands over.
type Requests struct {
	SchemaVersion int       `json:"schema_version" yaml:"schema_version"`
	Command       string    `json:"command" yaml:"command"`
	PlanFile      string    `json:"plan_file" yaml:"plan_file"`
	Region        string    `json:"region" yaml:"region"`
	LeadTime      string    `json:"lead_time" yaml:"lead_time"`
	FormURL       string    `json:"form_url" yaml:"form_url"`
	Requests      []Request `json:"requests" yaml:"requests"`
	CannotRaise   []Blocked `json:"cannot_raise" yaml:"cannot_raise"`
}

// Worst is the most severe status behind the requests: increase when a quota
// must be raised, hard-limit when a limit that cannot be raised is exceeded, else
// warn (some need sits above the target) or ok (nothing to ask for).
func (rs *Requests) Worst() report.Status {
	worst := report.OK
	if len(rs.CannotRaise) > 0 {
		return report.HardLimit
	}
	for _, r := range rs.Requests {
		for _, n := range r.Covers {
			if s := report.Status(n.Status); s.Severity() > worst.Severity() {
				worst = s
			}
		}
	}
	return worst
}

// BuildRequests turns every check above the target utilization into a request for
// its recommended value: planners ask once, weeks ahead, so a need that only
// warns is asked for too, and the value restores the target. An instance quota is
// requested per instance with the instance ARN as context when the plan gives it;
// without an ARN one request covers the Region's instances, for the largest value
// any of them needs. Limits that cannot be raised are listed with their way out.
func BuildRequests(ev *Evaluation, planFile string) (*Requests, error) {
	if ev.Region == "" {
		return nil, fmt.Errorf("%s: requests need a Region: set region: in the plan or pass --region", planFile)
	}
	out := &Requests{SchemaVersion: report.SchemaVersion, Command: "request", PlanFile: planFile, Region: ev.Region,
		LeadTime: tables.LeadTime, FormURL: tables.IncreaseFormURL, Requests: []Request{}, CannotRaise: []Blocked{}}
	// Requests for the same quota without an instance context are one request, for
	// the largest value any check needs: per-instance quotas without an ARN are
	// raised for the Region's instances, and an account quota can be checked twice
	// (instances per account, as planned and with hard limits spread).
	merged := map[string]int{}
	for _, it := range ev.Items {
		c := it.Check
		if c.Status == report.HardLimit {
			out.CannotRaise = append(out.CannotRaise, Blocked{ID: c.ID, Name: it.Label, Instance: c.Instance, Required: c.Required, Limit: c.Limit, Unit: c.Unit, Note: c.Note})
			continue
		}
		if c.Recommended == nil {
			continue // at or below the target, untouched, or a limit that cannot be raised
		}
		need := Need{Check: it.Label, Instance: c.Instance, Required: c.Required, Status: string(c.Status)}
		r := Request{ID: c.ID, Name: tables.MustLookup(c.ID).Name, Instances: []string{}, Required: c.Required, CurrentLimit: c.Limit, LimitSource: c.LimitSource,
			DesiredValue: *c.Recommended, Unit: c.Unit, Region: ev.Region, ServiceCode: c.ServiceCode, QuotaCode: c.QuotaCode, Covers: []Need{need}}
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
			if it.ARN != "" && r.QuotaCode != nil {
				arn := it.ARN
				r.ContextID = &arn
			}
		}
		if r.ContextID == nil {
			key := c.ID + "|" + str(r.QuotaCode) + "|" + r.Name
			if i, ok := merged[key]; ok {
				m := &out.Requests[i]
				m.Instances = appendNew(m.Instances, r.Instances...)
				m.Covers = append(m.Covers, need)
				if r.DesiredValue > m.DesiredValue {
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

// covered says which needs a request's value covers, for people.
func (r *Request) covered() string {
	parts := make([]string, 0, len(r.Covers))
	for _, n := range r.Covers {
		p := render.Human(n.Required)
		if n.Instance != nil && len(r.Instances) > 1 {
			p += " on " + *n.Instance
		}
		if n.Check != r.Name {
			what := strings.TrimSpace(strings.TrimPrefix(n.Check, r.Name))
			if !strings.HasPrefix(what, "(") {
				what = "(" + what + ")"
			}
			p += " " + what
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func finish(r *Request) {
	scope := ""
	if len(r.Instances) > 0 {
		scope = " for instance " + strings.Join(r.Instances, ", ")
		switch {
		case r.ContextID != nil:
		case r.QuotaCode == nil || r.ServiceCode == nil:
			scope += " (a quota increase form request: it covers the Region's instances)"
		default:
			scope += " (no instance ARN in the plan: the request covers the Region's instances)"
		}
	}
	r.Text = fmt.Sprintf("Please raise %q to %s in %s%s. Planned need at peak: %s (current limit %s, from %s); the requested value keeps the need at or below the planned utilization.",
		r.Name, render.Raw(r.DesiredValue), r.Region, scope, r.covered(), render.Human(r.CurrentLimit), r.LimitSource)
	if r.QuotaCode == nil || r.ServiceCode == nil {
		r.Method = "support-form"
		return
	}
	r.Method = "service-quotas"
	cmd := fmt.Sprintf("aws service-quotas request-service-quota-increase --service-code %s --quota-code %s --desired-value %s --region %s",
		*r.ServiceCode, *r.QuotaCode, render.Raw(r.DesiredValue), r.Region)
	if r.ContextID != nil {
		cmd += " --context-id '" + *r.ContextID + "'"
	}
	r.Command = &cmd
}

// Script renders the requests as a POSIX shell script of AWS CLI calls, with the
// support-form requests and the limits that cannot be raised as comments.
func (rs *Requests) Script() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#!/bin/sh\n# Quota increase requests for %s (Region %s), from connectcap request.\n", rs.PlanFile, rs.Region)
	fmt.Fprintf(&b, "# Lead time: %s\n# Review every desired value before running this script. An instance quota is\n# requested for one instance when the plan gives its ARN (--context-id), else\n# Region-wide, for the largest value any instance needs.\nset -eu\n", rs.LeadTime)
	n := 0
	for _, r := range rs.Requests {
		if r.Method != "service-quotas" {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n# %s: need %s, limit %s (%s)\n%s\n", r.Name+instancesSuffix(r), r.covered(), render.Human(r.CurrentLimit), r.LimitSource, *r.Command)
	}
	if n == 0 {
		b.WriteString("\n# No Service Quotas requests needed.\n")
	}
	first := true
	for _, r := range rs.Requests {
		if r.Method != "support-form" {
			continue
		}
		if first {
			fmt.Fprintf(&b, "\n# These quotas have no Service Quotas code: ask through the quota increase form,\n#   %s\n# pasting:\n", rs.FormURL)
			first = false
		}
		fmt.Fprintf(&b, "#   - %s\n", r.Text)
	}
	if len(rs.CannotRaise) > 0 {
		b.WriteString("\n# Limits that cannot be raised (no request fixes these):\n")
		for _, c := range rs.CannotRaise {
			fmt.Fprintf(&b, "#   - %s: need %s, limit %s. %s\n", blockedName(c), render.Human(c.Required), render.Human(c.Limit), c.Note)
		}
	}
	return b.String()
}

// blockedName names a limit that cannot be raised, with its instance.
func blockedName(c Blocked) string {
	if c.Instance != nil {
		return c.Name + " [" + *c.Instance + "]"
	}
	return c.Name
}

func instancesSuffix(r Request) string {
	if len(r.Instances) == 0 || r.ContextID != nil {
		if len(r.Instances) == 1 {
			return " [" + r.Instances[0] + "]"
		}
		return ""
	}
	return " [" + strings.Join(r.Instances, ", ") + "; Region-wide]"
}

// RequestFields are the CSV header of requests.
var RequestFields = []string{"id", "name", "instances", "required", "current_limit", "limit_source", "desired_value", "unit", "region", "service_code", "quota_code", "context_id", "method", "command", "covers", "text"}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Rows are the requests as CSV rows, then the limits that cannot be raised as
// rows with method "cannot-raise".
func (rs *Requests) Rows() [][]string {
	var out [][]string
	for _, r := range rs.Requests {
		out = append(out, []string{r.ID, r.Name, strings.Join(r.Instances, " "), render.Raw(r.Required), render.Raw(r.CurrentLimit), string(r.LimitSource),
			render.Raw(r.DesiredValue), r.Unit, r.Region, str(r.ServiceCode), str(r.QuotaCode), str(r.ContextID), r.Method, str(r.Command), r.covered(), r.Text})
	}
	for _, c := range rs.CannotRaise {
		out = append(out, []string{c.ID, c.Name, str(c.Instance), render.Raw(c.Required), render.Raw(c.Limit), "", "", c.Unit, rs.Region, "", "", "", "cannot-raise", "", "", c.Note})
	}
	return out
}

// Render writes the requests in f: sh (the default, a shell script), json, yaml,
// csv (one row per request, then the limits that cannot be raised), table or
// markdown.
func (rs *Requests) Render(w io.Writer, f string) error {
	if f == "sh" || f == "" {
		_, err := io.WriteString(w, rs.Script())
		return err
	}
	header := []string{"QUOTA", "INSTANCES", "REQUIRED", "LIMIT", "REQUEST", "METHOD", "QUOTA CODE"}
	var rows [][]string
	for _, r := range rs.Requests {
		inst := strings.Join(r.Instances, ", ")
		if inst == "" {
			inst = "-"
		} else if r.ContextID == nil {
			inst += " (Region-wide)"
		}
		code := "-"
		if r.QuotaCode != nil {
			code = *r.QuotaCode
		}
		rows = append(rows, []string{r.Name, inst, render.Human(r.Required), render.Human(r.CurrentLimit) + " (" + string(r.LimitSource) + ")",
			render.Human(r.DesiredValue), r.Method, code})
	}
	footer := []string{"", fmt.Sprintf("%d requests in %s. Lead time: %s", len(rs.Requests), rs.Region, rs.LeadTime)}
	if len(rs.Requests) == 1 {
		footer[1] = strings.Replace(footer[1], "1 requests", "1 request", 1)
	}
	if len(rs.CannotRaise) > 0 {
		footer = append(footer, "", "Cannot be raised (no request fixes these):")
		for _, c := range rs.CannotRaise {
			footer = append(footer, fmt.Sprintf("  %s: need %s, limit %s. %s", blockedName(c), render.Human(c.Required), render.Human(c.Limit), c.Note))
		}
	}
	return render.Records(w, render.Format(f), rs, RequestFields, rs.Rows(), header, rows, footer)
}

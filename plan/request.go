package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/connectcap/connectcap/calc"
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
	Region       string             `json:"region" yaml:"region"`
	ServiceCode  *string            `json:"service_code" yaml:"service_code"`
	QuotaCode    *string            `json:"quota_code" yaml:"quota_code"`
	ContextID    *string            `json:"context_id" yaml:"context_id"`
	// Method is "service-quotas" (a Service Quotas API request) or "support-form"
	// (the quota increase form, for rows without a quota code).
	Method string `json:"method" yaml:"method"`
	// Command is the AWS CLI call; null for a support-form request.
	Command *string `json:"command" yaml:"command"`
	Text    string  `json:"text" yaml:"text"`
}

// Blocked is a limit that cannot be raised, with its way out.
type Blocked struct {
	ID       string  `json:"id" yaml:"id"`
	Name     string  `json:"name" yaml:"name"`
	Required float64 `json:"required" yaml:"required"`
	Limit    float64 `json:"limit" yaml:"limit"`
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

// BuildRequests turns every check that needs an increase into a request for its
// recommended value. An instance quota is requested per instance with the
// instance ARN as context when the plan gives it; without an ARN one request
// covers the Region's instances, for the largest value any of them needs.
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
		switch c.Status {
		case calc.HardLimit:
			out.CannotRaise = append(out.CannotRaise, Blocked{ID: c.ID, Name: c.Name, Required: c.Required, Limit: c.Limit, Note: c.Note})
			continue
		case calc.Increase:
		default:
			continue
		}
		r := Request{ID: c.ID, Name: it.Label, Instances: []string{}, Required: c.Required, CurrentLimit: c.Limit, LimitSource: c.LimitSource,
			DesiredValue: *c.Recommended, Region: ev.Region, ServiceCode: c.ServiceCode, QuotaCode: c.QuotaCode}
		if it.Burst {
			// Service Quotas has no code of its own for an API's burst.
			r.ServiceCode, r.QuotaCode = nil, nil
		}
		if it.Instance != "" {
			r.Instances = append(r.Instances, it.Instance)
			if it.ARN != "" && r.QuotaCode != nil {
				arn := it.ARN
				r.ContextID = &arn
			}
		}
		if r.ContextID == nil {
			key := c.ID + "|" + it.Label
			if i, ok := merged[key]; ok {
				m := &out.Requests[i]
				m.Instances = append(m.Instances, r.Instances...)
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
		finish(&out.Requests[i])
	}
	return out, nil
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
	r.Text = fmt.Sprintf("Please raise %q to %s in %s%s. Planned need: %s at peak (current limit %s, from %s); the requested value keeps the need at or below the planned utilization.",
		r.Name, render.Raw(r.DesiredValue), r.Region, scope, render.Human(r.Required), render.Human(r.CurrentLimit), r.LimitSource)
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
		fmt.Fprintf(&b, "\n# %s: need %s, limit %s (%s)\n%s\n", r.Name+instancesSuffix(r), render.Human(r.Required), render.Human(r.CurrentLimit), r.LimitSource, *r.Command)
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
			fmt.Fprintf(&b, "#   - %s: need %s, limit %s. %s\n", c.Name, render.Human(c.Required), render.Human(c.Limit), c.Note)
		}
	}
	return b.String()
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
var RequestFields = []string{"id", "name", "instances", "required", "current_limit", "limit_source", "desired_value", "region", "service_code", "quota_code", "context_id", "method", "command", "text"}

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
			render.Raw(r.DesiredValue), r.Region, str(r.ServiceCode), str(r.QuotaCode), str(r.ContextID), r.Method, str(r.Command), r.Text})
	}
	for _, c := range rs.CannotRaise {
		out = append(out, []string{c.ID, c.Name, "", render.Raw(c.Required), render.Raw(c.Limit), "", "", rs.Region, "", "", "", "cannot-raise", "", c.Note})
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
			footer = append(footer, fmt.Sprintf("  %s: need %s, limit %s. %s", c.Name, render.Human(c.Required), render.Human(c.Limit), c.Note))
		}
	}
	return render.Records(w, render.Format(f), rs, RequestFields, rs.Rows(), header, rows, footer)
}

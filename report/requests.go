package report

import "github.com/connectcap/connectcap/tables"

// Request is one quota increase to ask for.
type Request struct {
	ID           string      `json:"id" yaml:"id"`
	Name         string      `json:"name" yaml:"name"`
	Instances    []string    `json:"instances" yaml:"instances"`
	Required     float64     `json:"required" yaml:"required"`
	CurrentLimit float64     `json:"current_limit" yaml:"current_limit"`
	LimitSource  LimitSource `json:"limit_source" yaml:"limit_source"`
	DesiredValue float64     `json:"desired_value" yaml:"desired_value"`
	Unit         string      `json:"unit" yaml:"unit"`
	Region       string      `json:"region" yaml:"region"`
	ServiceCode  *string     `json:"service_code" yaml:"service_code"`
	QuotaCode    *string     `json:"quota_code" yaml:"quota_code"`
	// Level is where the increase applies: a resource-level request names its
	// instance (context_id, the instance ARN, when the plan gives it); an
	// account-level one never does.
	Level     tables.Level `json:"level" yaml:"level"`
	ContextID *string      `json:"context_id" yaml:"context_id"`
	// PerInstance marks a resource-level request, made for one instance.
	PerInstance bool `json:"-" yaml:"-"`
	// Method is MethodServiceQuotas or MethodSupportForm.
	Method string `json:"method" yaml:"method"`
	// Command is the AWS CLI call; null for a support-form request.
	Command *string `json:"command" yaml:"command"`
	// Covers lists the needs the desired value covers: one per instance and check
	// that the request serves.
	Covers []Need `json:"covers" yaml:"covers"`
	Text   string `json:"text" yaml:"text"`
}

// The values of a request's method. CSV also writes the limits that cannot be
// raised as rows, with MethodCannotRaise.
const (
	MethodServiceQuotas = "service-quotas" // a Service Quotas API request: command holds it
	MethodSupportForm   = "support-form"   // the quota increase form, for rows without a quota code: paste text
	MethodCannotRaise   = "cannot-raise"   // a limit no request raises (CSV rows only); note says what fixes it
)

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

// Requests is everything connectcap request hands over: the body of its
// document.
type Requests struct {
	PlanFile string `json:"plan_file" yaml:"plan_file"`
	Region   string `json:"region" yaml:"region"`
	// Edition is the edition of the quotas page the plan was checked against.
	Edition     tables.Edition `json:"edition" yaml:"edition"`
	LeadTime    string         `json:"lead_time" yaml:"lead_time"`
	FormURL     string         `json:"form_url" yaml:"form_url"`
	Requests    []Request      `json:"requests" yaml:"requests"`
	CannotRaise []Blocked      `json:"cannot_raise" yaml:"cannot_raise"`
}

// Document wraps the requests.
func (rs *Requests) Document() Document { return Document{Command: "request", Body: rs} }

// RequestFields are the CSV header of requests.
var RequestFields = []string{"id", "name", "instances", "required", "current_limit", "limit_source", "desired_value", "unit", "region", "service_code", "quota_code", "level", "context_id", "method", "command", "covers", "text"}

// Worst is what the requests ask of the planner, for --detailed-exitcode:
// hard-limit when a limit that cannot be raised is exceeded, increase when there
// is any request to file (a need above the target that is still below its limit
// is asked for too), else ok.
func (rs *Requests) Worst() Status {
	if len(rs.CannotRaise) > 0 {
		return HardLimit
	}
	if len(rs.Requests) > 0 {
		return Increase
	}
	return OK
}

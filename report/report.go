// Package report holds the one result shape that every connectcap calculation
// returns (its inputs, its figures and its quota checks), the grading of a need
// against a limit (status and the value to request), and where limits come from.
// Rendering lives in package render; the models live in package calc.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// SchemaVersion is the version of the JSON, YAML and CSV shapes. It changes only
// when a field is renamed, removed or changes meaning. Version 2: checks gained
// instance and unit, name no longer carries the instance, ok means at or below the
// target utilization, recommended is null when the current limit already meets the
// target, and plan --all marks rows the plan does not touch as untouched. Version 3:
// checks, quota rows and requests gained edition (the edition of the quotas page the
// row comes from) and level (account or resource: where an increase applies), the
// services wisdom and contact-lens are now agent-assist and
// conversational-analytics (quota ids keep their prefixes), and a check's
// utilization_pct is null when something is required of a limit of 0.
const SchemaVersion = 3

// Document is everything connectcap writes: a header (schema_version, command)
// and one body. The header is declared here only, so every output of every
// command carries the same schema version. JSON and YAML write the header's
// fields, then the body's, in order.
type Document struct {
	Command string
	// Title names the output for people; machine formats leave it out.
	Title string
	// Body is *Result, Catalogue, QuotaShow, QuotaDiff, *Requests or Version.
	Body any
}

// Document wraps a calculation's result.
func (r *Result) Document() Document {
	return Document{Command: r.Command, Title: r.Title, Body: r}
}

// MarshalJSON writes the header, then the body's fields.
func (d Document) MarshalJSON() ([]byte, error) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d.Body); err != nil {
		return nil, err
	}
	fields := bytes.TrimSpace(body.Bytes())
	if len(fields) < 2 || fields[0] != '{' {
		return nil, fmt.Errorf("document body %T is not an object", d.Body)
	}
	command, err := json.Marshal(d.Command)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"schema_version":%d,"command":%s`, SchemaVersion, command)
	if rest := bytes.TrimSpace(fields[1:]); len(rest) > 1 { // more than "}"
		b.WriteByte(',')
		b.Write(rest)
	} else {
		b.WriteByte('}')
	}
	return b.Bytes(), nil
}

// MarshalYAML writes the header, then the body's fields.
func (d Document) MarshalYAML() (any, error) {
	var body yaml.Node
	if err := body.Encode(d.Body); err != nil {
		return nil, err
	}
	if body.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("document body %T is not a mapping", d.Body)
	}
	head := []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "schema_version"}, {Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(SchemaVersion)},
		{Kind: yaml.ScalarNode, Value: "command"}, {Kind: yaml.ScalarNode, Tag: "!!str", Value: d.Command},
	}
	body.Content = append(head, body.Content...)
	return &body, nil
}

// Result is what a calculation returns: the body of its document.
type Result struct {
	// Command and Title go to the document's header.
	Command string  `json:"-" yaml:"-"`
	Title   string  `json:"-" yaml:"-"`
	Inputs  Fields  `json:"inputs" yaml:"inputs"`
	Figures Fields  `json:"figures" yaml:"figures"`
	Checks  []Check `json:"checks" yaml:"checks"`
	// Peaks say, for a result sized interval by interval (forecast, contacts),
	// when each check's peak falls and how long its need sits above the target
	// and the limit; other results have none and write no peaks field.
	Peaks []PeakRow `json:"peaks,omitempty" yaml:"peaks,omitempty"`
	// Hidden counts checks left out of Checks because they need no action
	// (plan --only-actions), for the people's summary.
	Hidden int `json:"-" yaml:"-"`
	// OnlyActions marks a result cut down to the checks that need action (plan
	// --only-actions): the people's views leave the figures out, since most
	// belong to checks not shown.
	OnlyActions bool `json:"-" yaml:"-"`
	// Timelines are the needs over time behind the checks of a result sized
	// interval by interval (forecast, contacts), for charts; machine formats
	// leave them out (forecast --series writes them).
	Timelines []Timeline `json:"-" yaml:"-"`
	// Account is the read of the live account behind a result (connectcap
	// account), for machines: saved, it gives plan --applied FILE the account's
	// values offline.
	Account *account.Report `json:"account,omitempty" yaml:"account,omitempty"`
}

// Timeline is one quota's need over time: one required value per interval,
// against the quota's limit and the target utilization.
type Timeline struct {
	ID       string
	Name     string
	Instance string // "" for a quota of the account
	Unit     string
	Limit    float64
	// TargetPct is the utilization target: the target line sits at Limit x
	// TargetPct / 100.
	TargetPct float64
	Start     time.Time // UTC start of the first interval
	Step      time.Duration
	Required  []float64 // one per interval from Start
	// Peak is the largest need and PeakAt the first instant it is reached (for
	// measured records, inside its interval).
	Peak   float64
	PeakAt time.Time
}

// New starts a result for command.
func New(command, title string) *Result {
	return &Result{Command: command, Title: title, Inputs: Fields{}, Figures: Fields{}, Checks: []Check{}}
}

// Version is what connectcap version reports.
type Version struct {
	Version   string `json:"version" yaml:"version"`
	Commit    string `json:"commit" yaml:"commit"`
	Date      string `json:"date" yaml:"date"`
	GoVersion string `json:"go_version" yaml:"go_version"`
}

// Field is one named value. Key carries the unit (duration_minutes); Label and Unit
// are for people.
type Field struct {
	Key   string
	Value any // float64, int, string, bool or nil
	Label string
	Unit  string
}

// Fields is an ordered set of named values, encoded as an object in that order.
type Fields []Field

// Add appends a field.
func (f *Fields) Add(key string, value any, label, unit string) {
	*f = append(*f, Field{Key: key, Value: value, Label: label, Unit: unit})
}

// Get returns the value of key.
func (f Fields) Get(key string) (any, bool) {
	for _, x := range f {
		if x.Key == key {
			return x.Value, true
		}
	}
	return nil, false
}

// MarshalJSON encodes the fields as one object, keys in order.
func (f Fields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range f {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(x.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(x.Value)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", x.Key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalYAML encodes the fields as one mapping, keys in order.
func (f Fields) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, x := range f {
		var v yaml.Node
		if err := v.Encode(x.Value); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: x.Key}, &v)
	}
	return n, nil
}

// Check is one quota graded against a need. The JSON field order is part of the
// schema.
type Check struct {
	ID   string `json:"id" yaml:"id"`
	Name string `json:"name" yaml:"name"`
	// Instance names the instance a per-instance check belongs to; null for checks
	// of the account, the Region or a domain.
	Instance    *string     `json:"instance" yaml:"instance"`
	Service     string      `json:"service" yaml:"service"`
	Required    float64     `json:"required" yaml:"required"`
	Recommended *float64    `json:"recommended" yaml:"recommended"`
	Limit       float64     `json:"limit" yaml:"limit"`
	Unit        string      `json:"unit" yaml:"unit"`
	LimitSource LimitSource `json:"limit_source" yaml:"limit_source"`
	// Edition is the edition of the quotas page whose row (name, default,
	// adjustability) the check used: with limit_source default, whose default.
	Edition tables.Edition `json:"edition" yaml:"edition"`
	// UtilizationPct is required as a percentage of the limit; null when
	// something is required of a limit of 0, which has no percentage (Utilization).
	UtilizationPct *float64          `json:"utilization_pct" yaml:"utilization_pct"`
	Status         Status            `json:"status" yaml:"status"`
	Adjustable     tables.Adjustable `json:"adjustable" yaml:"adjustable"`
	Level          tables.Level      `json:"level" yaml:"level"`
	ServiceCode    *string           `json:"service_code" yaml:"service_code"`
	QuotaCode      *string           `json:"quota_code" yaml:"quota_code"`
	Note           string            `json:"note" yaml:"note"`
	// Default is the AWS default beside an applied limit read from the account
	// (limit_source account) where the two differ; other checks write none.
	Default *float64 `json:"default,omitempty" yaml:"default,omitempty"`
}

// CheckFields are the check field names in order: the CSV header.
var CheckFields = []string{"id", "name", "instance", "service", "required", "recommended", "limit", "unit", "limit_source", "edition", "utilization_pct", "status", "adjustable", "level", "service_code", "quota_code", "note"}

// NewCheck grades required against limit for quota q at targetPct utilization.
// note, when not empty, replaces the catalogue's note.
func NewCheck(q tables.Quota, required float64, limit Limit, targetPct float64, note string) Check {
	if note == "" {
		note = q.Note
	}
	// A quota raised at most to a ceiling (q.Max) cannot hold a need above it, and
	// is never asked for more than it.
	canRaise := q.Adjustable.CanRaise() && (q.Max == 0 || required <= q.Max)
	rec := Recommended(required, limit.Value, targetPct, canRaise)
	if rec != nil && q.Max > 0 && *rec > q.Max {
		v := q.Max
		rec = &v
		note = strings.TrimSpace(fmt.Sprintf("%s Recommended is the most it can be raised to, %s: above it the need sits past the target.", note, input.Format(q.Max)))
	}
	return Check{
		ID:             q.ID,
		Name:           q.Name,
		Service:        q.Service,
		Required:       required,
		Recommended:    rec,
		Limit:          limit.Value,
		Unit:           q.Unit,
		LimitSource:    limit.Source,
		Edition:        q.Edition,
		UtilizationPct: Utilization(required, limit.Value),
		Status:         Grade(required, limit.Value, targetPct, canRaise),
		Adjustable:     q.Adjustable,
		Level:          q.Level,
		ServiceCode:    optional(q.ServiceCode),
		QuotaCode:      optional(q.QuotaCode),
		Note:           note,
	}
}

// Untouched is a catalogue row that nothing the user gave touches (plan --all):
// listed with its limit, neither graded nor sized.
func Untouched(q tables.Quota, limit Limit) Check {
	return Check{
		ID: q.ID, Name: q.Name, Service: q.Service, Limit: limit.Value, Unit: q.Unit, LimitSource: limit.Source, Edition: q.Edition,
		UtilizationPct: new(float64), Status: Untouch, Adjustable: q.Adjustable, Level: q.Level, ServiceCode: optional(q.ServiceCode), QuotaCode: optional(q.QuotaCode),
		Note: q.Note,
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Worst is the most severe status among the checks (ok when there are none).
func (r *Result) Worst() Status {
	worst := OK
	for _, c := range r.Checks {
		if c.Status.Severity() > worst.Severity() {
			worst = c.Status
		}
	}
	return worst
}

// Counts returns how many checks have each status.
func (r *Result) Counts() map[Status]int {
	m := map[Status]int{}
	for _, c := range r.Checks {
		m[c.Status]++
	}
	return m
}

package report

import (
	"strings"

	"github.com/connectcap/connectcap/tables"
)

// QuotaRow is one catalogue row as connectcap quotas writes it. Fields that mean
// the same as a check's carry the same names.
type QuotaRow struct {
	ID             string             `json:"id" yaml:"id"`
	Name           string             `json:"name" yaml:"name"`
	Service        string             `json:"service" yaml:"service"`
	Kind           tables.Kind        `json:"kind" yaml:"kind"`
	Scope          string             `json:"scope" yaml:"scope"`
	Default        float64            `json:"default" yaml:"default"`
	Unit           string             `json:"unit" yaml:"unit"`
	Burst          *float64           `json:"burst" yaml:"burst"`
	RegionDefaults map[string]float64 `json:"region_defaults" yaml:"region_defaults"`
	Adjustable     tables.Adjustable  `json:"adjustable" yaml:"adjustable"`
	Level          tables.Level       `json:"level" yaml:"level"`
	Edition        tables.Edition     `json:"edition" yaml:"edition"`
	// Editions lists every edition that has the row, newest first: a row on one
	// edition only is marked by a list of one.
	Editions    []tables.Edition `json:"editions" yaml:"editions"`
	ServiceCode *string          `json:"service_code" yaml:"service_code"`
	QuotaCode   *string          `json:"quota_code" yaml:"quota_code"`
	Operations  []string         `json:"operations" yaml:"operations"`
	Note        string           `json:"note" yaml:"note"`
}

// QuotaFields are the QuotaRow field names in order: the CSV header.
var QuotaFields = []string{"id", "name", "service", "kind", "scope", "default", "unit", "burst", "region_defaults", "adjustable", "level", "edition", "editions", "service_code", "quota_code", "operations", "note"}

// NewQuotaRow converts a catalogue row.
func NewQuotaRow(q tables.Quota) QuotaRow {
	r := QuotaRow{
		ID: q.ID, Name: q.Name, Service: q.Service, Kind: q.Kind, Scope: q.Scope,
		Default: q.Default, Unit: q.Unit, Adjustable: q.Adjustable, Level: q.Level, Edition: q.Edition, Editions: tables.EditionsOf(q.ID),
		RegionDefaults: map[string]float64{}, Operations: []string{}, Note: q.Note,
		ServiceCode: optional(q.ServiceCode), QuotaCode: optional(q.QuotaCode),
	}
	if q.Service == "voice-id" {
		r.Note = strings.TrimSpace(tables.VoiceIDEnded + " " + r.Note)
	}
	if q.Burst > 0 {
		b := q.Burst
		r.Burst = &b
	}
	for k, v := range q.RegionDefaults {
		r.RegionDefaults[k] = v
	}
	r.Operations = append(r.Operations, q.Operations...)
	return r
}

// Catalogue is the body of connectcap quotas: the rows that matched.
type Catalogue struct {
	Quotas []QuotaRow `json:"quotas" yaml:"quotas"`
}

// Document wraps the rows.
func (c Catalogue) Document() Document {
	if c.Quotas == nil {
		c.Quotas = []QuotaRow{}
	}
	return Document{Command: "quotas", Body: c}
}

// QuotaShow is the body of connectcap quotas show: one row.
type QuotaShow struct {
	Quota QuotaRow `json:"quota" yaml:"quota"`
}

// Document wraps the row.
func (q QuotaShow) Document() Document { return Document{Command: "quotas show", Body: q} }

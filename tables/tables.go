// Package tables is the quota catalogue: every row of the Amazon Connect service
// quotas page (shared reference "amazon-connect-service-quotas.md"), with the true
// Service Quotas codes from the quota facts. It is the one place in connectcap that
// holds a quota's number; everything else looks rows up by id.
package tables

import (
	"sort"
	"strings"
)

// Adjustable says whether a quota can be raised.
type Adjustable string

const (
	// Yes: the page marks the row adjustable.
	Yes Adjustable = "yes"
	// No: the page marks the row not adjustable (a hard limit).
	No Adjustable = "no"
	// NotStated: the page's table has no adjustable column or leaves it blank. The
	// page opens with "All service quotas can be adjusted/increased unless otherwise
	// noted", so such a row is treated as adjustable through the quota increase form.
	NotStated Adjustable = "not-stated"
)

// CanRaise reports whether an increase can be requested.
func (a Adjustable) CanRaise() bool { return a != No }

// Kind separates resource and concurrency quotas from API request rates.
type Kind string

const (
	Resource Kind = "resource"
	APIRate  Kind = "api-rate"
)

// Quota is one row of the catalogue.
type Quota struct {
	ID          string
	Name        string // the page's name for the row
	Service     string // connect, appintegrations, cases, contact-lens, customer-profiles, outbound-campaigns, voice-id, wisdom, participant
	Kind        Kind
	Scope       string // account, region, instance, domain, routing-profile, ... or not-stated
	Default     float64
	Unit        string // count, days, MB, KB, GB, requests/second
	Adjustable  Adjustable
	ServiceCode string // Service Quotas service code, "" when none is known
	QuotaCode   string // Service Quotas quota code, "" when none is known
	// RegionDefaults holds defaults that differ by AWS Region (region code → value).
	RegionDefaults map[string]float64
	// Burst is the API burst limit in requests per second; 0 when the page gives none.
	Burst float64
	// Operations lists the API operations an api-rate row covers.
	Operations []string
	Note       string
}

// DefaultIn returns the default for region and whether it is region-specific.
func (q Quota) DefaultIn(region string) (float64, bool) {
	if v, ok := q.RegionDefaults[region]; ok {
		return v, true
	}
	return q.Default, false
}

// Services lists the service names used by the catalogue, in page order.
var Services = []string{
	"connect", "appintegrations", "cases", "contact-lens", "customer-profiles",
	"outbound-campaigns", "voice-id", "wisdom", "participant",
}

// Scopes lists the scope names used by the catalogue.
func Scopes() []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range catalogue {
		if !seen[q.Scope] {
			seen[q.Scope] = true
			out = append(out, q.Scope)
		}
	}
	sort.Strings(out)
	return out
}

var byID = func() map[string]int {
	m := make(map[string]int, len(catalogue))
	for i, q := range catalogue {
		m[q.ID] = i
	}
	return m
}()

// All returns the catalogue in page order. The slice is a copy.
func All() []Quota {
	out := make([]Quota, len(catalogue))
	copy(out, catalogue)
	return out
}

// Lookup returns the row with the given id.
func Lookup(id string) (Quota, bool) {
	i, ok := byID[id]
	if !ok {
		return Quota{}, false
	}
	return catalogue[i], true
}

// MustLookup returns the row with the given id and panics when there is none. It is
// for ids written in connectcap's own code, which the tests check all exist.
func MustLookup(id string) Quota {
	q, ok := Lookup(id)
	if !ok {
		panic("tables: no quota with id " + id)
	}
	return q
}

// IDs returns every id in page order.
func IDs() []string {
	out := make([]string, len(catalogue))
	for i, q := range catalogue {
		out[i] = q.ID
	}
	return out
}

// ByQuotaCode returns the row carrying the Service Quotas quota code.
func ByQuotaCode(code string) (Quota, bool) {
	for _, q := range catalogue {
		if q.QuotaCode != "" && strings.EqualFold(q.QuotaCode, code) {
			return q, true
		}
	}
	return Quota{}, false
}

// ForOperation returns the api-rate row whose bucket an API operation draws on, in the
// given service (connect, participant, contact-lens, cases, voice-id, wisdom). An
// Amazon Connect operation that the page does not name falls under the "all other
// operations" row, and wisdom has one rate for all of its APIs.
func ForOperation(service, operation string) (Quota, bool) {
	for _, q := range catalogue {
		if q.Kind != APIRate || q.Service != service {
			continue
		}
		for _, op := range q.Operations {
			if strings.EqualFold(op, operation) {
				return q, true
			}
		}
	}
	switch service {
	case "connect":
		return Lookup("connect.api-requests")
	case "wisdom":
		return Lookup("wisdom.api-requests")
	}
	return Quota{}, false
}

// LeadTime is the page's guidance on how long an increase takes.
const LeadTime = "Smaller increases can be approved in hours; larger ones can take up to 3 weeks, and an extra-large worldwide increase can take months. You must create the instance before you can request an increase."

// IncreaseFormURL is the page's form for quotas not yet in Service Quotas.
const IncreaseFormURL = "https://console.aws.amazon.com/support/home#/case/create?issueType=service-limit-increase&limitType=service-code-connect"

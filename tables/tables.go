// Package tables is the quota catalogue: every row of two editions of the Amazon
// Connect service quotas page, the current one (2026, the default) and the 2023 one
// (the shared reference "amazon-connect-service-quotas.md"), with the true Service
// Quotas codes from the quota facts. It is the one place in connectcap that holds a
// quota's number; everything else looks rows up by id in an edition.
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

// Edition names an edition of the AWS quotas page.
type Edition string

const (
	// Edition2026 is the current page ("Connect Customer service quotas").
	Edition2026 Edition = "2026"
	// Edition2023 is the source document, the 2023 edition of the page.
	Edition2023 Edition = "2023"
	// DefaultEdition is the edition used unless another is chosen: the current one,
	// since its defaults are the ones AWS applies to new accounts.
	DefaultEdition = Edition2026
)

// Editions lists the editions, newest first.
var Editions = []Edition{Edition2026, Edition2023}

// Level says where a quota increase applies: to every instance of the account in
// the Region, or to one instance (a request then names the instance).
type Level string

const (
	// AccountLevel: the value applies account-wide in the Region.
	AccountLevel Level = "account"
	// ResourceLevel: the value applies per instance and is requested per instance.
	ResourceLevel Level = "resource"
	// LevelNotStated: the page gives no level (fixed rows, and every row of the
	// 2023 edition that the current page does not carry).
	LevelNotStated Level = "not-stated"
)

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
	Service     string // a key of Services: connect, appintegrations, agent-assist, cases, conversational-analytics, customer-profiles, outbound-campaigns, voice-id, participant
	Kind        Kind
	Scope       string // account, region, instance, domain, routing-profile, ... or not-stated
	Default     float64
	Unit        string // count, days, MB, KB, GB, requests/second
	Adjustable  Adjustable
	ServiceCode string // Service Quotas service code, "" when none is known
	QuotaCode   string // Service Quotas quota code, "" when none is known
	// RegionDefaults holds defaults that differ by AWS Region (region code → value).
	RegionDefaults map[string]float64
	// Max is the most the quota can be raised to, where the page says (email
	// addresses up to 500); 0 when it does not.
	Max float64
	// Burst is the API burst limit in requests per second; 0 when the page gives none.
	Burst float64
	// Operations lists the API operations an api-rate row covers.
	Operations []string
	Note       string
	// Level says where an increase applies (the current page's Adjustability column).
	Level Level
	// Edition is the edition of the page the row comes from.
	Edition Edition
}

// DefaultIn returns the default for region and whether it is region-specific.
func (q Quota) DefaultIn(region string) (float64, bool) {
	if v, ok := q.RegionDefaults[region]; ok {
		return v, true
	}
	return q.Default, false
}

// Services lists the service keys used by the catalogue, in page order. The keys
// follow the current product names; ServiceAliases maps the earlier names.
var Services = []string{
	"connect", "appintegrations", "agent-assist", "cases", "conversational-analytics",
	"customer-profiles", "outbound-campaigns", "voice-id", "participant",
}

// ServiceAliases maps earlier service keys to the current ones: AWS renamed Amazon
// Connect Wisdom to agent assist and Contact Lens to conversational analytics. The
// quota ids keep their first prefixes (wisdom., contact-lens.), as AWS keeps the API
// namespaces, so configs and plans that name them keep working.
var ServiceAliases = map[string]string{
	"wisdom":       "agent-assist",
	"contact-lens": "conversational-analytics",
}

// ServiceNames are the products' names for people, current name first.
var ServiceNames = map[string]string{
	"connect":                  "Amazon Connect Customer (was Amazon Connect)",
	"appintegrations":          "AppIntegrations",
	"agent-assist":             "Agent assist (was Amazon Connect Wisdom)",
	"cases":                    "Cases",
	"conversational-analytics": "Conversational analytics (was Contact Lens)",
	"customer-profiles":        "Customer Profiles",
	"outbound-campaigns":       "Outbound campaigns",
	"voice-id":                 "Voice ID (end of support 2026-05-20)",
	"participant":              "Participant Service API",
}

// CanonicalService returns the current key of a service key or alias, any case.
func CanonicalService(s string) (string, bool) {
	s = strings.ToLower(s)
	if to, ok := ServiceAliases[s]; ok {
		return to, true
	}
	for _, k := range Services {
		if k == s {
			return k, true
		}
	}
	return "", false
}

// Catalogue is one edition's rows, in page order.
type Catalogue struct {
	Edition Edition
	rows    []Quota
	byID    map[string]int
	// queueLimit are the quotas whose sum, minus 1, is the largest "Maximum
	// contacts in queue" setting a flow accepts.
	queueLimit []string
}

// QueueLimitQuotas are the quotas whose limits, summed, less 1, bound the
// "Maximum contacts in queue" setting: the calls quota alone in the 2023 edition;
// calls, chats and tasks combined on the current page (3009 for the defaults).
func (c *Catalogue) QueueLimitQuotas() []string {
	return append([]string(nil), c.queueLimit...)
}

func newCatalogue(e Edition, rows []Quota) *Catalogue {
	c := &Catalogue{Edition: e, rows: rows, byID: make(map[string]int, len(rows))}
	for i := range c.rows {
		c.rows[i].Edition = e
		if c.rows[i].Level == "" {
			c.rows[i].Level = LevelNotStated
		}
		c.byID[c.rows[i].ID] = i
	}
	return c
}

// editions holds both catalogues. The 2023 page has no Adjustability column; its rows
// take the level the current page gives the same quota, since the level is how
// Service Quotas applies an increase today, whichever edition's defaults are read.
var editions = func() map[Edition]*Catalogue {
	current := newCatalogue(Edition2026, rows2026)
	old := newCatalogue(Edition2023, rows2023)
	for i, q := range old.rows {
		if now, ok := current.Lookup(q.ID); ok {
			old.rows[i].Level = now.Level
		}
	}
	current.queueLimit = []string{"connect.concurrent-active-calls", "connect.concurrent-active-chats", "connect.concurrent-active-tasks"}
	old.queueLimit = []string{"connect.concurrent-active-calls"}
	return map[Edition]*Catalogue{Edition2026: current, Edition2023: old}
}()

// In returns the catalogue of an edition; Default's for an unknown one, which
// input.Edition keeps from reaching here.
func In(e Edition) *Catalogue {
	if c, ok := editions[e]; ok {
		return c
	}
	return editions[DefaultEdition]
}

// Default is the default edition's catalogue.
func Default() *Catalogue { return editions[DefaultEdition] }

// Scopes lists the scope names used by the catalogue.
func (c *Catalogue) Scopes() []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range c.rows {
		if !seen[q.Scope] {
			seen[q.Scope] = true
			out = append(out, q.Scope)
		}
	}
	sort.Strings(out)
	return out
}

// All returns the catalogue in page order. The slice is a copy.
func (c *Catalogue) All() []Quota {
	out := make([]Quota, len(c.rows))
	copy(out, c.rows)
	return out
}

// Lookup returns the row with the given id.
func (c *Catalogue) Lookup(id string) (Quota, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Quota{}, false
	}
	return c.rows[i], true
}

// MustLookup returns the row with the given id and panics when there is none. It is
// for ids written in connectcap's own code, which the tests check all exist.
func (c *Catalogue) MustLookup(id string) Quota {
	q, ok := c.Lookup(id)
	if !ok {
		panic("tables: no quota with id " + id + " in the " + string(c.Edition) + " edition")
	}
	return q
}

// IDs returns every id in page order.
func (c *Catalogue) IDs() []string {
	out := make([]string, len(c.rows))
	for i, q := range c.rows {
		out[i] = q.ID
	}
	return out
}

// ByQuotaCode returns the row carrying the Service Quotas quota code.
func (c *Catalogue) ByQuotaCode(code string) (Quota, bool) {
	for _, q := range c.rows {
		if q.QuotaCode != "" && strings.EqualFold(q.QuotaCode, code) {
			return q, true
		}
	}
	return Quota{}, false
}

// ForOperation returns the api-rate row whose bucket an API operation draws on, in the
// given service (connect, participant, conversational-analytics, cases,
// customer-profiles, outbound-campaigns, voice-id, agent-assist, or an alias). An
// Amazon Connect or outbound campaigns operation that the page does not name falls
// under that API's "all other operations" row, and agent assist has one rate for the
// APIs the page does not name. The other services' pages list every operation they
// rate, so an operation they do not name has no row.
func (c *Catalogue) ForOperation(service, operation string) (Quota, bool) {
	if s, ok := CanonicalService(service); ok {
		service = s
	}
	for _, q := range c.rows {
		if q.Kind != APIRate || q.Service != service {
			continue
		}
		for _, op := range q.Operations {
			if strings.EqualFold(op, operation) {
				return q, true
			}
		}
	}
	if id, ok := sharedBuckets[service]; ok {
		return c.Lookup(id)
	}
	return Quota{}, false
}

// sharedBuckets are each service's "all other operations" row: one rate that the
// operations the page does not name share.
var sharedBuckets = map[string]string{
	"connect":            "connect.api-requests",
	"agent-assist":       "wisdom.api-requests",
	"outbound-campaigns": "outbound-campaigns.api-requests",
}

// SharedBucket reports whether q is its service's "all other operations" row,
// whose rate the operations it covers share.
func (q Quota) SharedBucket() bool { return sharedBuckets[q.Service] == q.ID }

// EditionsOf lists the editions that hold a row with the id, newest first.
func EditionsOf(id string) []Edition {
	var out []Edition
	for _, e := range Editions {
		if _, ok := editions[e].Lookup(id); ok {
			out = append(out, e)
		}
	}
	return out
}

// LeadTime is the page's guidance on how long an increase takes.
const LeadTime = "Smaller increases can be approved in hours; larger ones can take up to 3 weeks, and an extra-large worldwide increase can take months. You must create the instance before you can request an increase."

// IncreaseFormURL is the page's form for quotas not yet in Service Quotas.
const IncreaseFormURL = "https://console.aws.amazon.com/support/home#/case/create?issueType=service-limit-increase&limitType=service-code-connect"

// Union is every row of every edition, once per id: the newest edition's row, in
// page order, then the rows only older editions hold. Plan keys, applied maps and
// completion accept any of them; a row the chosen edition lacks is reported when
// it is checked.
func Union() []Quota {
	seen := map[string]bool{}
	var out []Quota
	for _, e := range Editions {
		for _, q := range editions[e].rows {
			if !seen[q.ID] {
				seen[q.ID] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// Find returns the newest row with the id, or with the quota code (any case).
func Find(key string) (Quota, bool) {
	for _, e := range Editions {
		if q, ok := editions[e].Lookup(key); ok {
			return q, true
		}
	}
	for _, e := range Editions {
		if q, ok := editions[e].ByQuotaCode(key); ok {
			return q, true
		}
	}
	return Quota{}, false
}

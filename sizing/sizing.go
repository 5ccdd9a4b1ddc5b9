// Package sizing builds connectcap's results: it turns a planner's inputs into
// figures from the models in calc and checks against the catalogue in tables. It
// does no I/O.
package sizing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// DefaultBlocking is the default share of contacts the loss model may block at the
// required quota.
const DefaultBlocking = 0.001

// DefaultTargetPct is the utilization at which AWS and quota monitors alert.
const DefaultTargetPct = 80

// P999 is the probability for the Poisson concurrency figure.
const P999 = 0.999

// Common holds what every calculation shares: where limits come from, the Region
// and the utilization target, and the instance the traffic belongs to.
type Common struct {
	// Limits answers each quota's limit; nil means the page's defaults in Region.
	Limits    report.Limits
	Region    string
	TargetPct float64
	// Instance names the instance whose traffic or inventory is sized ("" when
	// none is named, or for the account's shared quotas): it labels the checks.
	Instance string
	// Edition is the edition of the quotas page whose rows are checked; "" means
	// tables.DefaultEdition.
	Edition tables.Edition
	// ChecksOnly leaves out the figures that cost a model evaluation of their
	// own (blocking at the limit, the Poisson quantile): a forecast sizes every
	// interval and keeps only the checks.
	ChecksOnly bool
}

// figures is where a sizing's costly figures go: nowhere with ChecksOnly.
func (c Common) figures(f *report.Fields) *report.Fields {
	if c.ChecksOnly {
		return nil
	}
	return f
}

// Catalogue is the edition's catalogue.
func (c Common) Catalogue() *tables.Catalogue { return tables.In(c.Edition) }

// quota is the edition's row id.
func (c Common) quota(id string) tables.Quota { return c.Catalogue().MustLookup(id) }

// limitOf is the limit of the quota id.
func (c Common) limitOf(id string) report.Limit { return c.limit(c.quota(id)) }

// limit is q's limit from the calculation's sources.
func (c Common) limit(q tables.Quota) report.Limit {
	if c.Limits == nil {
		return report.DefaultLimit(q, c.Region)
	}
	return c.Limits.Limit(q)
}

// Check grades required of the quota id against its limit; note, when not empty,
// replaces the catalogue's note. It is the one place a check is made: every
// calculation and every plan section comes through here.
func (c Common) Check(id string, required float64, note string) report.Check {
	q := c.quota(id)
	if q.Service == "voice-id" {
		if note == "" {
			note = q.Note
		}
		note = strings.TrimSpace(tables.VoiceIDCheckNote + " " + note)
	}
	ch := report.NewCheck(q, required, c.limit(q), c.TargetPct, note)
	if c.Instance != "" {
		name := c.Instance
		ch.Instance = &name
	}
	return ch
}

func (c Common) addInputs(in *report.Fields) {
	var region any
	if c.Region != "" {
		region = c.Region
	}
	in.Add("region", region, "Region", "")
	in.Add("target_utilization_pct", c.TargetPct, "target utilization", "%")
	in.Add("edition", string(c.Catalogue().Edition), "quotas page edition", "")
}

// InputError is a combination of inputs that cannot be sized; Flag names the input
// to change.
type InputError struct {
	Flag    string
	Message string
}

func (e *InputError) Error() string { return e.Flag + ": " + e.Message }

// MaxLoadErlangs is the largest offered load connectcap sizes: a million erlangs is
// far beyond any contact center, and the O(N) models stay fast below it.
const MaxLoadErlangs = 1_000_000

func checkLoad(flag string, perHour, load float64) error {
	if load > MaxLoadErlangs {
		return &InputError{Flag: flag, Message: fmt.Sprintf("%s per hour gives an offered load of %s erlangs, more than connectcap sizes (%d erlangs); lower the contacts per hour or their duration", strconv.FormatFloat(perHour, 'f', -1, 64), trim(load), MaxLoadErlangs)}
	}
	return nil
}

func trim(v float64) string { return fmt.Sprintf("%.6g", v) }

// loss adds the loss-model figures for load erlangs offered to a quota of limit
// slots, and returns the slots required for blocking at or below the target.
// With fig nil only the slots are computed.
func loss(fig *report.Fields, load, perHour, blocking, limit float64, noun string) int {
	n := int(limit)
	required := calc.SmallestServers(load, blocking)
	if fig == nil {
		return required
	}
	b := calc.ErlangB(n, load)
	fig.Add("offered_load_erlangs", load, "offered load", "erlangs")
	fig.Add("blocking_at_limit", b, "blocking at the limit", "")
	fig.Add("blocked_"+noun+"_per_hour_at_limit", b*perHour, "blocked "+noun+" per hour at the limit", "")
	fig.Add("poisson_p999_concurrent", calc.PoissonQuantile(load, P999), "99.9 % concurrency (Poisson, no quota)", "")
	return required
}

// maxPerHour is the largest whole number of contacts per hour of durationMinutes
// that limit slots carry at the blocking target, after otherLoad erlangs.
func maxPerHour(limit, blocking, otherLoad, durationMinutes float64) float64 {
	a := maxLoad(int(limit), blocking) - otherLoad
	return math.Max(0, math.Floor(a*60/durationMinutes+1e-9)) // none when the other load fills the limit
}

// maxLoads remembers calc.MaxLoad, a pure function that bisects Erlang B: a
// forecast asks it the same question (one limit, one blocking target) for every
// interval.
var maxLoads sync.Map // maxLoadKey → float64

type maxLoadKey struct {
	servers  int
	blocking float64
}

func maxLoad(servers int, blocking float64) float64 {
	k := maxLoadKey{servers, blocking}
	if v, ok := maxLoads.Load(k); ok {
		return v.(float64)
	}
	v := calc.MaxLoad(servers, blocking)
	maxLoads.Store(k, v)
	return v
}

// catalogueNote is the catalogue's note of a quota.
func (c Common) catalogueNote(id string) string { return c.quota(id).Note }

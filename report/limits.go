package report

import (
	"strings"

	"github.com/connectcap/connectcap/tables"
)

// LimitSource says where a check's limit came from.
type LimitSource string

const (
	FromDefault       LimitSource = "default"        // the page's default
	FromRegionDefault LimitSource = "region-default" // the page's default for the Region
	FromConfig        LimitSource = "config"         // the config file
	FromFlag          LimitSource = "flag"           // a command-line flag
	FromEnv           LimitSource = "env"            // a CONNECTCAP_ environment variable
	FromPlan          LimitSource = "plan"           // a plan file's applied values
	FromAccount       LimitSource = "account"        // the account's applied value, read from Service Quotas
)

// Limit is a quota value and where it came from.
type Limit struct {
	Value  float64
	Source LimitSource
}

// DefaultLimit is the page's default for q in region.
func DefaultLimit(q tables.Quota, region string) Limit {
	v, regional := q.DefaultIn(region)
	if regional {
		return Limit{Value: v, Source: FromRegionDefault}
	}
	return Limit{Value: v, Source: FromDefault}
}

// Limits answers the limit of a quota: the one question every check asks. Each
// source of limits (defaults, a flag, a plan's applied values, the account) is a
// Limits, and they chain.
type Limits interface {
	Limit(q tables.Quota) Limit
}

// Defaults are the page's defaults in a Region ("" for the general ones).
type Defaults struct{ Region string }

// Limit is q's default in the Region.
func (d Defaults) Limit(q tables.Quota) Limit { return DefaultLimit(q, d.Region) }

// Applied are applied quota values keyed by quota id or Service Quotas code (any
// case), from one source, in front of Next.
type Applied struct {
	Values map[string]float64
	Source LimitSource
	Next   Limits
}

// Limit is q's applied value when Values holds one, else Next's answer.
func (a Applied) Limit(q tables.Quota) Limit {
	if v, ok := a.Values[q.ID]; ok {
		return Limit{Value: v, Source: a.Source}
	}
	if q.QuotaCode != "" {
		for k, v := range a.Values {
			if strings.EqualFold(k, q.QuotaCode) {
				return Limit{Value: v, Source: a.Source}
			}
		}
	}
	return a.Next.Limit(q)
}

// Override is one quota's limit given by the user (a command's --limit) in front of
// Next.
type Override struct {
	ID    string
	Value Limit
	Next  Limits
}

// Limit is the override for its quota, else Next's answer.
func (o Override) Limit(q tables.Quota) Limit {
	if q.ID == o.ID {
		return o.Value
	}
	return o.Next.Limit(q)
}

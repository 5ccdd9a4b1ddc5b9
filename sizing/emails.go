package sizing

import (
	"fmt"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// Email rows that sizing reads; only the 2026 edition of the page has them.
const (
	ConcurrentEmailsID   = "connect.concurrent-active-emails"
	EmailContactExpiryID = "connect.email-contact-expiry"
)

// MinutesPerDay turns the days of the expiry rows into the minutes durations are
// held in.
const MinutesPerDay = 1440

// Emails is the input of the concurrent active emails check: inbound emails and
// the emails agents start (agent-initiated, "outbound"), each with the time it
// stays active in Connect.
type Emails struct {
	Common
	EmailsPerHour           float64 // inbound emails per hour
	DurationMinutes         float64 // minutes an inbound email stays active
	OutboundEmailsPerHour   float64 // agent-initiated emails per hour
	OutboundDurationMinutes float64 // minutes an agent-initiated email stays active, composing included
	Blocking                float64
}

// Load is the offered load of the emails in erlangs, inbound and agent-initiated.
func (e Emails) Load() float64 {
	return calc.OfferedLoad(e.EmailsPerHour, e.DurationMinutes) + calc.OfferedLoad(e.OutboundEmailsPerHour, e.OutboundDurationMinutes)
}

// HasEmails reports whether the edition has the email quotas; the 2023 edition
// has none.
func (c Common) HasEmails() bool {
	_, ok := c.Catalogue().Lookup(ConcurrentEmailsID)
	return ok
}

// SizeEmails sizes concurrent active emails per instance as a loss system, like
// chats. Every email not yet ended holds one of the quota's slots (in a flow,
// queued, with an agent, in After Contact Work, or being composed), so the offered
// load is A = emails per hour × minutes active / 60 erlangs, inbound and
// agent-initiated together, and required is the smallest quota whose Erlang B
// blocking is at or below the target. An edition without the row is an error that
// names --edition, --limit or not: a check's name, adjustability and codes are the
// row's, and the 2023 edition has none to give.
func SizeEmails(in Emails) (*report.Result, error) {
	if !in.HasEmails() {
		q, _ := tables.Find(ConcurrentEmailsID)
		return nil, &InputError{Flag: "--edition", Message: fmt.Sprintf(
			"the %s edition of the quotas page has no email quotas; use --edition %s, the current page", in.Catalogue().Edition, q.Edition)}
	}
	r := report.New("emails", "Concurrent active emails (connectcap emails)")
	r.Inputs.Add("emails_per_hour", in.EmailsPerHour, "inbound emails per hour", "")
	r.Inputs.Add("duration_minutes", in.DurationMinutes, "minutes an inbound email stays active", "minutes")
	r.Inputs.Add("outbound_emails_per_hour", in.OutboundEmailsPerHour, "agent-initiated emails per hour", "")
	r.Inputs.Add("outbound_duration_minutes", in.OutboundDurationMinutes, "minutes an agent-initiated email stays active", "minutes")
	r.Inputs.Add("blocking_target", in.Blocking, "blocking target", "")
	in.addInputs(&r.Inputs)

	perHour := in.EmailsPerHour + in.OutboundEmailsPerHour
	load := in.Load()
	if err := checkLoad("--cph", perHour, load); err != nil {
		return nil, err
	}
	outbound := calc.OfferedLoad(in.OutboundEmailsPerHour, in.OutboundDurationMinutes)
	limit := in.limitOf(ConcurrentEmailsID)
	required := loss(in.figures(&r.Figures), load, perHour, in.Blocking, limit.Value, "emails")
	r.Figures.Add("max_emails_per_hour_at_limit", maxPerHour(limit.Value, in.Blocking, outbound, in.DurationMinutes),
		"most inbound emails per hour the limit carries at the blocking target", "")
	r.Checks = append(r.Checks, in.Check(ConcurrentEmailsID, float64(required), in.emailsNote()))
	return r, nil
}

// emailsNote is the catalogue's note, with a warning when a time active is longer
// than the active email contact expiry: an email ends when it expires, so an
// average past it means the expiry has been, or must be, set longer.
func (in Emails) emailsNote() string {
	note := in.catalogueNote(ConcurrentEmailsID)
	longest, which := in.DurationMinutes, "an inbound"
	if in.OutboundEmailsPerHour > 0 && in.OutboundDurationMinutes > longest {
		longest, which = in.OutboundDurationMinutes, "an agent-initiated"
	}
	expiry := in.limitOf(EmailContactExpiryID)
	if longest <= expiry.Value*MinutesPerDay {
		return note
	}
	_, most, _, _ := input.EmailActive.Bounds()
	return note + fmt.Sprintf(" The time %s email stays active, %s, is longer than the active email contact expiry of %s days: an email ends when it expires, so set the instance's expiry to at least that (it can be customized up to %s days), or check the time active.",
		which, input.FormatMinutes(longest), trim(expiry.Value), trim(most/MinutesPerDay))
}

package ctr

import (
	"math"

	"github.com/connectcap/connectcap/internal/traffic"
)

// Problem kinds, the keys of Result.ProblemKinds.
const (
	ProblemMalformed         = "malformed"            // not JSON, or not a JSON object
	ProblemMissingARN        = "missing_instance_arn" // InstanceARN absent, null or empty
	ProblemMissingContactID  = "missing_contact_id"
	ProblemMissingChannel    = "missing_channel"
	ProblemMissingInitiation = "missing_initiation_timestamp"
	ProblemMissingDisconnect = "missing_disconnect_timestamp"
	ProblemBadTimestamp      = "bad_timestamp"   // a timestamp that is not yyyy-mm-ddThh:mm:ss[.fff]Z (1970-2099)
	ProblemBadField          = "bad_field"       // a field the count reads holds the wrong type
	ProblemUnknownChannel    = "unknown_channel" // Channel not VOICE, CHAT, TASK or EMAIL
	ProblemEndBeforeStart    = "end_before_start"
	ProblemTooLong           = "span_too_long" // a span, post-call job or handle time of 49 days or more
)

const (
	pMalformed = iota
	pMissingARN
	pMissingID
	pMissingChannel
	pMissingInit
	pMissingDisc
	pBadTimestamp
	pBadField
	pUnknownChannel
	pEndBeforeStart
	pTooLong
	numProblemKinds
)

var problemNames = [numProblemKinds]string{
	ProblemMalformed, ProblemMissingARN, ProblemMissingContactID, ProblemMissingChannel,
	ProblemMissingInitiation, ProblemMissingDisconnect, ProblemBadTimestamp, ProblemBadField,
	ProblemUnknownChannel, ProblemEndBeforeStart, ProblemTooLong,
}

// Contact flags.
const (
	fMonitor       = 1 << iota // a MONITOR record: counted apart, never in a quota
	fNeverDequeued             // a CALLBACK never dequeued: never a call
	fRealtime                  // voice with RealTime analytics
	fPostCall                  // voice with PostContact analytics
	fContactLens               // chat with ContactLens analytics
)

// noUpdate ranks a delivery without LastUpdateTimestamp below any with one.
const noUpdate = math.MinInt64

// contact is what the count reads of one record, in milliseconds since the
// epoch (entry is its packed form, kept per distinct contact).
type contact struct {
	lu         int64 // LastUpdateTimestamp, or noUpdate
	start, end int64 // the span counted against the channel's quota
	disc       int64 // DisconnectTimestamp: where a post-call job starts
	jobEnd     int64 // where it ends (== disc: no job, or one of zero length)
	handle     int64 // agent handle time; -1 when it never reached an agent
	ch         uint8 // traffic.Channel
	flags      uint8
}

const (
	chVoice = 0
	chChat  = 1
	chTask  = 2
	chEmail = 3
)

// classify turns a record's fields into the contact it counts, or a problem
// (kind and message).
func classify(r *rec, factor float64) (c contact, kind int, msg string) {
	if r.bad != 0 {
		name, isTime := r.badField()
		if isTime {
			return c, pBadTimestamp, name + " is not a UTC timestamp yyyy-mm-ddThh:mm:ss[.fff]Z from 1970 to 2099"
		}
		return c, pBadField, name + " has the wrong type"
	}
	switch {
	case len(r.arn) == 0:
		return c, pMissingARN, "no InstanceARN"
	case len(r.id) == 0:
		return c, pMissingID, "no ContactId"
	case len(r.channel) == 0:
		return c, pMissingChannel, "no Channel"
	case r.has&(1<<tInit) == 0:
		return c, pMissingInit, "no InitiationTimestamp"
	case r.has&(1<<tDisc) == 0:
		return c, pMissingDisc, "no DisconnectTimestamp"
	}
	switch string(r.channel) {
	case "VOICE":
		c.ch = chVoice
	case "CHAT":
		c.ch = chChat
	case "TASK":
		c.ch = chTask
	case "EMAIL":
		c.ch = chEmail
	default:
		return c, pUnknownChannel, "unknown Channel " + quoteShort(r.channel)
	}
	var t [numT]int64 // milliseconds
	for k := range t {
		t[k] = r.t[k] / 1e6
	}
	init, disc := t[tInit], t[tDisc]
	if disc < init {
		return c, pEndBeforeStart, "DisconnectTimestamp before InitiationTimestamp"
	}
	c.lu = noUpdate
	if r.has&(1<<tLastUpdate) != 0 {
		c.lu = t[tLastUpdate]
	}
	c.handle = -1
	c.start, c.end, c.disc, c.jobEnd = init, disc, disc, disc
	method := string(r.method)
	if method == "MONITOR" {
		c.flags = fMonitor
		return c, -1, ""
	}
	switch c.ch {
	case chVoice:
		if method == "CALLBACK" {
			if r.has&(1<<tDequeue) == 0 {
				c.flags = fNeverDequeued
				return c, -1, ""
			}
			c.start = t[tDequeue]
			if c.start > disc {
				return c, pEndBeforeStart, "DisconnectTimestamp before Queue.DequeueTimestamp of a CALLBACK"
			}
		}
		if string(r.endpoint) == "TELEPHONE_NUMBER" && r.has&(1<<tTransferDone) != 0 && t[tTransferDone] < disc {
			c.end = t[tTransferDone]
			if c.end < c.start {
				return c, pEndBeforeStart, "TransferCompletedTimestamp before the call started counting"
			}
		}
		if r.modes&modeRealTime != 0 {
			c.flags |= fRealtime
		}
		if r.modes&modePostContact != 0 {
			c.flags |= fPostCall
			from := init
			if r.has&(1<<tConnSys) != 0 {
				from = t[tConnSys]
			}
			if from > disc {
				return c, pEndBeforeStart, "DisconnectTimestamp before ConnectedToSystemTimestamp"
			}
			job := math.Round(factor * float64(disc-from))
			if job > float64(maxTime-disc) {
				return c, pBadTimestamp, "the post-call analytics job would end after 2099"
			}
			c.jobEnd = disc + int64(job)
		}
	case chChat:
		if r.modes&modeContactLens != 0 {
			c.flags |= fContactLens
		}
	default: // tasks and emails count until the later of disconnect and the end of ACW
		if r.has&(1<<tACWEnd) != 0 && t[tACWEnd] > c.end {
			c.end = t[tACWEnd]
		}
	}
	if r.has&(1<<tAgentConn) != 0 {
		to := disc
		if r.has&(1<<tACWEnd) != 0 && t[tACWEnd] > to {
			to = t[tACWEnd]
		}
		c.handle = to - t[tAgentConn]
		if c.handle < 0 {
			return c, pEndBeforeStart, "Agent.ConnectedToAgentTimestamp after the contact ended"
		}
	}
	if c.end-c.start > maxSpan || c.disc-c.start > maxSpan || c.jobEnd-c.disc > maxSpan || c.handle > maxSpan {
		return c, pTooLong, "a span, post-call job or handle time of 49 days or more"
	}
	return c, -1, ""
}

// maxTime is the end of 2099, in milliseconds since the epoch.
var maxTime = (traffic.DaysFromCivil(maxYear+1, 1, 1)) * 86400 * 1e3

// maxSpan is the longest span an entry holds, in milliseconds (49.7 days;
// Amazon Connect ends a contact after 7 days at most).
const maxSpan = math.MaxUint32 - 1

// entry is a distinct contact as the de-duplication table keeps it: 56 bytes.
type entry struct {
	id        [16]byte // the ContactId's UUID
	lu, start int64    // milliseconds since the epoch
	// milliseconds from start: the end of the counted span, the disconnect (where
	// a post-call job starts); the job's length; the handle time (noHandle: none)
	dur, disc, job, handle uint32
	inst                   uint32
	ch, flags              uint8
}

const noHandle = math.MaxUint32

func pack(c *contact) entry {
	e := entry{lu: c.lu, start: c.start, dur: uint32(c.end - c.start), disc: uint32(c.disc - c.start),
		job: uint32(c.jobEnd - c.disc), handle: noHandle, ch: c.ch, flags: c.flags}
	if c.handle >= 0 {
		e.handle = uint32(c.handle)
	}
	return e
}

func (e *entry) unpack() contact {
	c := contact{lu: e.lu, start: e.start, end: e.start + int64(e.dur), disc: e.start + int64(e.disc),
		handle: -1, ch: e.ch, flags: e.flags}
	c.jobEnd = c.disc + int64(e.job)
	if e.handle != noHandle {
		c.handle = int64(e.handle)
	}
	return c
}

func quoteShort(b []byte) string {
	const max = 40
	s := string(b)
	if len(s) > max {
		s = s[:max] + "..."
	}
	return `"` + s + `"`
}

package ctr

import (
	"math"
)

// Problem kinds, the keys of Result.ProblemKinds.
const (
	ProblemMalformed         = "malformed"           // not JSON, or not a JSON object
	ProblemMissingARN        = "missing_instance_arn" // InstanceARN absent, null or empty
	ProblemMissingContactID  = "missing_contact_id"
	ProblemMissingChannel    = "missing_channel"
	ProblemMissingInitiation = "missing_initiation_timestamp"
	ProblemMissingDisconnect = "missing_disconnect_timestamp"
	ProblemBadTimestamp      = "bad_timestamp"   // a timestamp that is not yyyy-mm-ddThh:mm:ss[.fff]Z (1970-2099)
	ProblemBadField          = "bad_field"       // a field the count reads holds the wrong type
	ProblemUnknownChannel    = "unknown_channel" // Channel not VOICE, CHAT, TASK or EMAIL
	ProblemEndBeforeStart    = "end_before_start"
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
	numProblemKinds
)

var problemNames = [numProblemKinds]string{
	ProblemMalformed, ProblemMissingARN, ProblemMissingContactID, ProblemMissingChannel,
	ProblemMissingInitiation, ProblemMissingDisconnect, ProblemBadTimestamp, ProblemBadField,
	ProblemUnknownChannel, ProblemEndBeforeStart,
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

// contact is what the count keeps of one distinct contact (its latest delivery):
// nanoseconds since the epoch.
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
	if r.bad != "" {
		if r.badTime {
			return c, pBadTimestamp, r.bad + " is not a UTC timestamp yyyy-mm-ddThh:mm:ss[.fff]Z from 1970 to 2099"
		}
		return c, pBadField, r.bad + " has the wrong type"
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
	init, disc := r.t[tInit], r.t[tDisc]
	if disc < init {
		return c, pEndBeforeStart, "DisconnectTimestamp before InitiationTimestamp"
	}
	c.lu = noUpdate
	if r.has&(1<<tLastUpdate) != 0 {
		c.lu = r.t[tLastUpdate]
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
			c.start = r.t[tDequeue]
			if c.start > disc {
				return c, pEndBeforeStart, "DisconnectTimestamp before Queue.DequeueTimestamp of a CALLBACK"
			}
		}
		if string(r.endpoint) == "TELEPHONE_NUMBER" && r.has&(1<<tTransferDone) != 0 && r.t[tTransferDone] < disc {
			c.end = r.t[tTransferDone]
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
				from = r.t[tConnSys]
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
		if r.has&(1<<tACWEnd) != 0 && r.t[tACWEnd] > c.end {
			c.end = r.t[tACWEnd]
		}
	}
	if r.has&(1<<tAgentConn) != 0 {
		to := disc
		if r.has&(1<<tACWEnd) != 0 && r.t[tACWEnd] > to {
			to = r.t[tACWEnd]
		}
		c.handle = to - r.t[tAgentConn]
		if c.handle < 0 {
			return c, pEndBeforeStart, "Agent.ConnectedToAgentTimestamp after the contact ended"
		}
	}
	return c, -1, ""
}

// maxTime is the end of 2099, in nanoseconds since the epoch.
var maxTime = (daysFromCivil(maxYear+1, 1, 1)) * 86400 * 1e9

func quoteShort(b []byte) string {
	const max = 40
	s := string(b)
	if len(s) > max {
		s = s[:max] + "..."
	}
	return `"` + s + `"`
}

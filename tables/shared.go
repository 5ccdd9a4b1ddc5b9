package tables

import "github.com/connectcap/connectcap/calc"

const (
	count = "count"
	rps   = "requests/second"
)

// OperationQuotaCodes gives Service Quotas codes for Amazon Connect API operations
// that Service Quotas lists under their own code although an edition folds them into
// "all other operations": GetMetricDataV2 in the 2023 edition (the 2026 edition gives
// it a row of its own, which carries the same code), StartOutboundVoiceContact in
// both.
var OperationQuotaCodes = map[string]string{
	"GetMetricDataV2":           "L-2E719449",
	"StartOutboundVoiceContact": "L-4E9BCC96",
}

// VoiceIDSessions is the page's table for deriving Voice ID concurrent active
// sessions from Amazon Connect voice calls per hour.
var VoiceIDSessions = []calc.Point{
	{X: 1000, Y: 50}, {X: 5000, Y: 250}, {X: 10000, Y: 500}, {X: 20000, Y: 1000}, {X: 50000, Y: 2500},
}

// VoiceIDEndOfSupport is the day AWS ended support for Amazon Connect Voice ID.
// The three texts below write it out rather than concatenate it (a test checks
// they carry it), so that they are plain string literals.
const VoiceIDEndOfSupport = "2026-05-20"

// VoiceIDNotice is said with every Voice ID result: connectcap still sizes Voice ID,
// for records and migrations.
const VoiceIDNotice = "AWS ended support for Amazon Connect Voice ID on 2026-05-20: Voice ID can no longer be used from the console, the admin website or the CCP, nor its resources reached. These figures are for records and migrations."

// VoiceIDEnded is said with every Voice ID row.
const VoiceIDEnded = "AWS ended support for Voice ID on 2026-05-20."

// VoiceIDCheckNote opens the note of every Voice ID check and request.
const VoiceIDCheckNote = "AWS ended support for Voice ID on 2026-05-20: figures for records and migrations."

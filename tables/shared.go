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

package ctr

// Timestamps of a record, by index in rec.t.
const (
	tInit = iota
	tConnSys
	tDisc
	tLastUpdate
	tTransferDone
	tDequeue
	tAgentConn
	tACWEnd
	numT
)

var tNames = [numT]string{
	"InitiationTimestamp", "ConnectedToSystemTimestamp", "DisconnectTimestamp",
	"LastUpdateTimestamp", "TransferCompletedTimestamp", "Queue.DequeueTimestamp",
	"Agent.ConnectedToAgentTimestamp", "Agent.AfterContactWorkEndTimestamp",
}

// Analytics modes.
const (
	modeRealTime = 1 << iota
	modePostContact
	modeContactLens
)

// rec is the fields of one record the count reads. A string field is nil when
// absent or null; a timestamp is present when its bit in has is set.
type rec struct {
	arn, id, channel, method, endpoint []byte
	t                                  [numT]int64 // nanoseconds since the Unix epoch
	has                                uint16
	modes                              uint8
	// bad flags the fields whose (last) value has the wrong type or form: a
	// timestamp's index, or the b* bits.
	bad uint32
}

// Fields that can be bad, after the timestamps' bits.
const (
	bARN = 1 << (numT + iota)
	bID
	bChannel
	bMethod
	bEndpointType
	bModes
	bQueue
	bAgent
	bEndpoint
	bLens      // ContactLens
	bAnalytics // ContactLens.ConversationalAnalytics
	bConfig
	bChanConfig
	numBad = numT + iota
)

var badNames = [numBad]string{
	"InstanceARN", "ContactId", "Channel", "InitiationMethod", "TransferredToEndpoint.Type",
	modesField, "Queue", "Agent", "TransferredToEndpoint", "ContactLens",
	"ContactLens.ConversationalAnalytics", "ContactLens.ConversationalAnalytics.Configuration",
	"ContactLens.ConversationalAnalytics.Configuration.ChannelConfiguration",
}

// badField names the first bad field, and whether it is a timestamp.
func (r *rec) badField() (string, bool) {
	for k := range numBad {
		if r.bad&(1<<k) != 0 {
			if k < numT {
				return tNames[k], true
			}
			return badNames[k-numT], false
		}
	}
	return "", false
}

func (r *rec) reset() { *r = rec{} }

// record reads one record: the object starting at i (white space skipped). It
// returns the index after it, or -1 with s.err set when the text is not JSON. A
// JSON value that is not an object is reported with notObject.
func (s *scanner) record(i int, r *rec) (end int, notObject bool) {
	r.reset()
	s.scratch = s.scratch[:0]
	s.depth = 0
	b := s.b
	if i >= len(b) {
		return s.fail(i, ""), false
	}
	if b[i] != '{' {
		j := s.value(i)
		return j, j >= 0
	}
	s.depth = 1
	i = s.ws(i + 1)
	if i < len(b) && b[i] == '}' {
		return i + 1, false
	}
	if s.keys == nil {
		s.keys = new([1 << keyBits]keySlot)
	}
	prev := uint32(0)
	for {
		if i >= len(b) || b[i] != '"' {
			return s.fail(i, "invalid character looking for a key:"), false
		}
		var act uint8
		if act, prev, i = s.key(i, levelRecord, keyContext(0, prev)); i < 0 {
			return -1, false
		}
		s.ctx = prev
		if i < len(b) && b[i] == ':' {
			i++
		} else if i = s.ws(i); i < len(b) && b[i] == ':' {
			i++
		} else {
			return s.fail(i, "invalid character after a key:"), false
		}
		if i < len(b) && b[i] <= ' ' {
			i = s.ws(i)
		}
		switch act {
		case aARN:
			i = s.strField(i, r, &r.arn, bARN)
		case aID:
			i = s.strField(i, r, &r.id, bID)
		case aChannel:
			i = s.strField(i, r, &r.channel, bChannel)
		case aMethod:
			i = s.strField(i, r, &r.method, bMethod)
		case aInit:
			i = s.timeField(i, r, tInit)
		case aConnSys:
			i = s.timeField(i, r, tConnSys)
		case aDisc:
			i = s.timeField(i, r, tDisc)
		case aLastUpdate:
			i = s.timeField(i, r, tLastUpdate)
		case aTransferDone:
			i = s.timeField(i, r, tTransferDone)
		case aQueue:
			r.has &^= 1 << tDequeue
			r.bad &^= bQueue | 1<<tDequeue
			i = s.sub(i, r, subQueue, bQueue)
		case aAgent:
			r.has &^= 1<<tAgentConn | 1<<tACWEnd
			r.bad &^= bAgent | 1<<tAgentConn | 1<<tACWEnd
			i = s.sub(i, r, subAgent, bAgent)
		case aEndpoint:
			r.endpoint = nil
			r.bad &^= bEndpoint | bEndpointType
			i = s.sub(i, r, subEndpoint, bEndpoint)
		case aLens:
			r.modes = 0
			r.bad &^= bLens | bAnalytics | bConfig | bChanConfig | bModes
			i = s.sub(i, r, subLens, bLens)
		default:
			if i < len(b) && b[i] == '"' {
				i, _ = s.str(i + 1)
			} else {
				i = s.value(i)
			}
		}
		if i < 0 {
			return -1, false
		}
		if i >= len(b) || b[i] <= ' ' {
			i = s.ws(i)
		}
		if i >= len(b) {
			return s.fail(i, ""), false
		}
		switch b[i] {
		case ',':
			i = s.ws(i + 1)
		case '}':
			return i + 1, false
		default:
			return s.fail(i, "invalid character after an object value:"), false
		}
	}
}

// strField reads a string (or null) into *dst.
func (s *scanner) strField(i int, r *rec, dst *[]byte, bit uint32) int {
	b := s.b
	r.bad &^= bit
	if i < len(b) && b[i] == '"' {
		v, j := s.text(i)
		*dst = v
		if v == nil && j >= 0 {
			*dst = b[i+1 : i+1] // empty, not absent
		}
		return j
	}
	*dst = nil
	if i < len(b) && b[i] == 'n' {
		return s.lit(i, "null")
	}
	j := s.value(i)
	r.bad |= bit
	return j
}

// timeField reads a timestamp (or null).
func (s *scanner) timeField(i int, r *rec, k int) int {
	b := s.b
	r.has &^= 1 << k
	r.bad &^= 1 << k
	if i < len(b) && b[i] == '"' {
		v, j := s.text(i)
		if j < 0 {
			return -1
		}
		t, ok := s.date.parse(v)
		if !ok {
			r.bad |= 1 << k
			return j
		}
		r.t[k] = t
		r.has |= 1 << k
		return j
	}
	if i < len(b) && b[i] == 'n' {
		return s.lit(i, "null")
	}
	j := s.value(i)
	r.bad |= 1 << k
	return j
}

// Nested objects the count reads.
const (
	subQueue = iota
	subAgent
	subEndpoint
	subLens       // ContactLens
	subAnalytics  // ContactLens.ConversationalAnalytics
	subConfig     // ...Configuration
	subChanConfig // ...ChannelConfiguration
)

// sub reads a nested object (or null) the count reads fields of.
func (s *scanner) sub(i int, r *rec, which int, bit uint32) int {
	b := s.b
	if i >= len(b) {
		return s.fail(i, "")
	}
	if b[i] == 'n' {
		return s.lit(i, "null")
	}
	if b[i] != '{' {
		j := s.value(i)
		r.bad |= bit
		return j
	}
	s.depth++
	if s.depth > maxDepth {
		s.err = syntaxError{pos: i, msg: "nested more than 10000 levels deep"}
		return -1
	}
	i = s.ws(i + 1)
	if i < len(b) && b[i] == '}' {
		s.depth--
		return i + 1
	}
	parent, prev := s.ctx, uint32(0)
	for {
		if i >= len(b) || b[i] != '"' {
			return s.fail(i, "invalid character looking for a key:")
		}
		var act uint8
		if act, prev, i = s.key(i, levelSub+which, keyContext(parent, prev)); i < 0 {
			return -1
		}
		s.ctx = prev
		if i = s.ws(i); i < len(b) && b[i] == ':' {
			i = s.ws(i + 1)
		} else {
			return s.fail(i, "invalid character after a key:")
		}
		done := true
		switch act {
		case aDequeue:
			i = s.timeField(i, r, tDequeue)
		case aAgentConn:
			i = s.timeField(i, r, tAgentConn)
		case aACWEnd:
			i = s.timeField(i, r, tACWEnd)
		case aEndpointType:
			i = s.strField(i, r, &r.endpoint, bEndpointType)
		case aAnalytics:
			r.modes = 0
			r.bad &^= bAnalytics | bConfig | bChanConfig | bModes
			i = s.sub(i, r, subAnalytics, bAnalytics)
		case aConfig:
			r.modes = 0
			r.bad &^= bConfig | bChanConfig | bModes
			i = s.sub(i, r, subConfig, bConfig)
		case aChanConfig:
			r.modes = 0
			r.bad &^= bChanConfig | bModes
			i = s.sub(i, r, subChanConfig, bChanConfig)
		case aModes:
			r.modes = 0
			r.bad &^= bModes
			i = s.modes(i, r)
		default:
			done = false
		}
		if !done {
			i = s.value(i)
		}
		if i < 0 {
			return -1
		}
		if i = s.ws(i); i >= len(b) {
			return s.fail(i, "")
		}
		switch b[i] {
		case ',':
			i = s.ws(i + 1)
		case '}':
			s.depth--
			return i + 1
		default:
			return s.fail(i, "invalid character after an object value:")
		}
	}
}

const modesField = "ContactLens.ConversationalAnalytics.Configuration.ChannelConfiguration.AnalyticsModes"

// modes reads the AnalyticsModes list (or null).
func (s *scanner) modes(i int, r *rec) int {
	b := s.b
	if i >= len(b) {
		return s.fail(i, "")
	}
	if b[i] == 'n' {
		return s.lit(i, "null")
	}
	if b[i] != '[' {
		j := s.value(i)
		r.bad |= bModes
		return j
	}
	i = s.ws(i + 1)
	if i < len(b) && b[i] == ']' {
		return i + 1
	}
	for {
		if i < len(b) && b[i] == '"' {
			var v []byte
			if v, i = s.text(i); i < 0 {
				return -1
			}
			switch string(v) {
			case "RealTime":
				r.modes |= modeRealTime
			case "PostContact":
				r.modes |= modePostContact
			case "ContactLens":
				r.modes |= modeContactLens
			}
		} else {
			if i = s.value(i); i < 0 {
				return -1
			}
			r.bad |= bModes
		}
		if i = s.ws(i); i >= len(b) {
			return s.fail(i, "")
		}
		switch b[i] {
		case ',':
			i = s.ws(i + 1)
		case ']':
			return i + 1
		default:
			return s.fail(i, "invalid character after an array element:")
		}
	}
}

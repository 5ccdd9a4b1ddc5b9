package ctr

// Object keys repeat from one record to the next in the same order, so the
// scanner predicts each key from its context (the key of the enclosing object
// and the key before it in the same object) and checks the bytes against the
// key seen last in that context: a match spares scanning the string for its
// end and looking up what the key means. A key matches only byte for byte, up
// to its closing quote, the text the slot was filled from, which was scanned
// and checked then; anything else is scanned and fills the slot.

// Levels of objects, the keys' meaning depending on where they are.
const (
	levelSkip   = iota // an object the count does not read
	levelRecord        // the record
	levelSub           // + subQueue..subChanConfig
)

// What a key means, by level (aSkip everywhere: a key the count does not read).
const (
	aSkip = iota
	// the record
	aARN
	aID
	aChannel
	aMethod
	aInit
	aConnSys
	aDisc
	aLastUpdate
	aTransferDone
	aQueue
	aAgent
	aEndpoint
	aLens
	// nested objects
	aDequeue
	aAgentConn
	aACWEnd
	aEndpointType
	aAnalytics
	aConfig
	aChanConfig
	aModes
)

// keyAction is what key means at level.
func keyAction(level int, key []byte) uint8 {
	switch level {
	case levelRecord:
		switch string(key) {
		case "InstanceARN":
			return aARN
		case "ContactId":
			return aID
		case "Channel":
			return aChannel
		case "InitiationMethod":
			return aMethod
		case "InitiationTimestamp":
			return aInit
		case "ConnectedToSystemTimestamp":
			return aConnSys
		case "DisconnectTimestamp":
			return aDisc
		case "LastUpdateTimestamp":
			return aLastUpdate
		case "TransferCompletedTimestamp":
			return aTransferDone
		case "Queue":
			return aQueue
		case "Agent":
			return aAgent
		case "TransferredToEndpoint":
			return aEndpoint
		case "ContactLens":
			return aLens
		}
	case levelSub + subQueue:
		if string(key) == "DequeueTimestamp" {
			return aDequeue
		}
	case levelSub + subAgent:
		switch string(key) {
		case "ConnectedToAgentTimestamp":
			return aAgentConn
		case "AfterContactWorkEndTimestamp":
			return aACWEnd
		}
	case levelSub + subEndpoint:
		if string(key) == "Type" {
			return aEndpointType
		}
	case levelSub + subLens:
		if string(key) == "ConversationalAnalytics" {
			return aAnalytics
		}
	case levelSub + subAnalytics:
		if string(key) == "Configuration" {
			return aConfig
		}
	case levelSub + subConfig:
		if string(key) == "ChannelConfiguration" {
			return aChanConfig
		}
	case levelSub + subChanConfig:
		if string(key) == "AnalyticsModes" {
			return aModes
		}
	}
	return aSkip
}

const (
	keyBits = 9
	keyMax  = 40 // longer keys are always scanned
)

// keySlot is the key last seen in one context.
type keySlot struct {
	n     uint8 // the key's length in the text (escapes included); 0: empty
	level uint8
	act   uint8
	h     uint32 // the key's hash
	text  [keyMax]byte
}

// keyContext mixes the enclosing object's key and the previous key.
func keyContext(parent, prev uint32) uint32 {
	return ((parent*0x9e3779b1 ^ prev) * 0x85ebca6b) >> (32 - keyBits)
}

// hashKey is FNV-1a of a key's text.
func hashKey(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h | 1 // never 0, the hash of "no key"
}

// key reads the key whose opening quote is at i, in an object of level in
// context ctx: what it means, its hash, and the index after its closing quote
// (-1 with s.err set when it is not a string).
func (s *scanner) key(i, level int, ctx uint32) (act uint8, h uint32, j int) {
	b := s.b
	if s.keys != nil {
		k := &s.keys[ctx]
		n := int(k.n)
		if int(k.level) == level && n > 0 && i+1+n < len(b) && b[i+1+n] == '"' && string(b[i+1:i+1+n]) == string(k.text[:n]) {
			return k.act, k.h, i + 2 + n
		}
	}
	var esc bool
	if j, esc = s.str(i + 1); j < 0 {
		return 0, 0, -1
	}
	raw := b[i+1 : j-1]
	h = hashKey(raw)
	if level != levelSkip {
		key := raw
		mark := len(s.scratch)
		if esc {
			s.scratch = unescape(s.scratch, raw)
			key = s.scratch[mark:]
		}
		act = keyAction(level, key)
		s.scratch = s.scratch[:mark]
	}
	if s.keys != nil && len(raw) > 0 && len(raw) <= keyMax {
		k := &s.keys[ctx]
		k.n, k.level, k.act, k.h = uint8(len(raw)), uint8(level), act, h
		copy(k.text[:], raw)
	}
	return act, h, j
}

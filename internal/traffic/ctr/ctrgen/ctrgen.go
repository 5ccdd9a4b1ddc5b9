// Package ctrgen writes realistic Amazon Connect contact records with known
// answers, for tests and benchmarks of package ctr: seeded and deterministic.
// Each record carries what real ones do (Attributes with user strings that
// repeat field names and escapes, Recordings, endpoints, Tags, Contact Lens
// configuration), about 1.7 KB a record. Some contacts are delivered twice: a
// stale delivery (earlier LastUpdateTimestamp, another disconnect) before or
// after the final one. The answers (peaks per instance and quota) are worked out
// here, from the final deliveries, independently of package ctr.
package ctrgen

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// Options say what to write.
type Options struct {
	Records      int       // records to write, duplicates included
	Days         int       // span of initiation times; 0 means 1
	Instances    int       // 0 means 1
	DupShare     float64   // share of contacts delivered twice
	Concatenated bool      // objects back to back, no newline
	Gzip         bool      // gzip the output
	Seed         uint64    // the same seed writes the same bytes
	Start        time.Time // first day; zero means 2026-03-02 UTC
	Millis       float64   // share of timestamps with milliseconds
}

// The kinds, in ctr.Kind order.
const (
	Calls = iota
	Chats
	Tasks
	Emails
	PostCallJobs
	RealtimeCalls
	NumKinds
)

// Answer is what a measure of the written records must find.
type Answer struct {
	Records, Distinct, Duplicates, Monitor, NeverDequeued int64
	// Peaks per instance ARN, by kind, with the first instant reached.
	Peaks   map[string][NumKinds]int
	PeakAts map[string][NumKinds]time.Time
}

type contact struct {
	inst              int
	id                string
	channel, method   string
	init, disc        int64 // ns
	connSys           int64 // 0: absent
	dequeue           int64 // 0: absent (callbacks)
	agentConn, acwEnd int64 // 0: absent
	transferDone      int64
	external          bool
	rt, post, lens    bool
	lu                int64
}

// Generate writes o.Records records to w and returns the answer.
func Generate(w io.Writer, o Options) (*Answer, error) {
	if o.Days == 0 {
		o.Days = 1
	}
	if o.Instances == 0 {
		o.Instances = 1
	}
	if o.Start.IsZero() {
		o.Start = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var out io.Writer = w
	var zw *gzip.Writer
	if o.Gzip {
		zw = gzip.NewWriter(w)
		out = zw
	}
	bw := bufio.NewWriterSize(out, 1<<20)

	// Distinct contacts: records minus the stale deliveries.
	nContacts := int(math.Round(float64(o.Records) / (1 + o.DupShare)))
	if nContacts < 1 && o.Records > 0 {
		nContacts = 1
	}
	nDup := o.Records - nContacts
	base := o.Start.UnixNano()
	span := int64(o.Days) * int64(24*time.Hour)
	inits := make([]int64, nContacts)
	for k := range inits {
		inits[k] = base + rng.Int64N(span)
	}
	slices.Sort(inits)
	millis := func(t int64) int64 {
		if rng.Float64() < o.Millis {
			return t + rng.Int64N(1000)*int64(time.Millisecond)
		}
		return t
	}
	sec := int64(time.Second)
	ans := &Answer{Peaks: map[string][NumKinds]int{}, PeakAts: map[string][NumKinds]time.Time{}}
	finals := make([]contact, 0, nContacts)
	dupLeft := nDup
	var late []contact // stale deliveries written after their final one
	var buf []byte
	write := func(c *contact) error {
		buf = appendRecord(buf[:0], c, rng, o.Concatenated)
		_, err := bw.Write(buf)
		ans.Records++
		return err
	}
	for k := range nContacts {
		c := contact{inst: rng.IntN(o.Instances), init: inits[k] / sec * sec}
		c.init = millis(c.init)
		c.id = uuid(rng)
		x := rng.Float64()
		switch {
		case x < 0.70:
			c.channel = "VOICE"
		case x < 0.85:
			c.channel = "CHAT"
		case x < 0.95:
			c.channel = "TASK"
		default:
			c.channel = "EMAIL"
		}
		dur := int64(rng.ExpFloat64()*300*float64(sec)) / sec * sec
		c.disc = millis(c.init + dur + 5*sec)
		c.connSys = c.init
		if rng.Float64() < 0.1 {
			c.connSys = 0
		}
		switch c.channel {
		case "VOICE":
			y := rng.Float64()
			switch {
			case y < 0.6:
				c.method = "INBOUND"
			case y < 0.75:
				c.method = "OUTBOUND"
			case y < 0.87:
				c.method = "TRANSFER"
			case y < 0.95:
				c.method = "CALLBACK"
			default:
				c.method = "MONITOR"
			}
			if c.method == "CALLBACK" && rng.Float64() < 0.8 {
				c.dequeue = millis(c.init + (c.disc-c.init)/3/sec*sec)
			}
			if rng.Float64() < 0.05 {
				c.external = true
				c.transferDone = c.init + (c.disc-c.init)/2/sec*sec
			}
			c.rt = rng.Float64() < 0.3
			c.post = rng.Float64() < 0.5
		case "CHAT":
			c.method = "API"
			c.lens = rng.Float64() < 0.5
		default:
			c.method = "API"
		}
		if rng.Float64() < 0.8 {
			c.agentConn = c.init + (c.disc-c.init)/4/sec*sec
			c.acwEnd = c.disc + int64(rng.IntN(120))*sec
		}
		c.lu = c.disc + int64(1+rng.IntN(60))*sec
		// A stale delivery: earlier update, disconnect and ACW 30 s earlier.
		if dupLeft > 0 && rng.Float64() < o.DupShare*1.05 {
			dupLeft--
			s := c
			s.lu = c.lu - 10*sec
			s.disc = max(s.init, c.disc-30*sec)
			if s.acwEnd != 0 {
				s.acwEnd = s.disc
			}
			if s.transferDone > s.disc {
				s.transferDone = s.disc
			}
			if s.dequeue > s.disc {
				s.dequeue = s.disc
			}
			if s.agentConn > s.disc {
				s.agentConn = s.disc
			}
			if rng.IntN(2) == 0 {
				if err := write(&s); err != nil {
					return nil, err
				}
			} else {
				late = append(late, s)
			}
			ans.Duplicates++
		}
		if err := write(&c); err != nil {
			return nil, err
		}
		finals = append(finals, c)
		if len(late) > 0 && rng.IntN(4) == 0 {
			if err := write(&late[0]); err != nil {
				return nil, err
			}
			late = late[1:]
		}
	}
	for k := range late {
		if err := write(&late[k]); err != nil {
			return nil, err
		}
	}
	// Any records still owed (rounding): more stale deliveries of the last one.
	for ; dupLeft > 0 && len(finals) > 0; dupLeft-- {
		s := finals[len(finals)-1]
		s.lu -= 20 * sec
		if err := write(&s); err != nil {
			return nil, err
		}
		ans.Duplicates++
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return nil, err
		}
	}
	answer(ans, finals)
	return ans, nil
}

func arn(inst int) string {
	return fmt.Sprintf("arn:aws:connect:us-east-1:123456789012:instance/%08x-0000-4000-8000-%012x", inst+1, inst+1)
}

// answer works out the peaks of the final deliveries with a plain sweep.
func answer(ans *Answer, finals []contact) {
	type ev struct {
		t     int64
		delta int
	}
	evs := map[int]*[NumKinds][]ev{}
	addSpan := func(inst, k int, s, e int64) {
		if e <= s {
			return
		}
		m := evs[inst]
		if m == nil {
			m = new([NumKinds][]ev)
			evs[inst] = m
		}
		m[k] = append(m[k], ev{s, 1}, ev{e, -1})
	}
	for k := range finals {
		c := &finals[k]
		switch {
		case c.method == "MONITOR":
			ans.Monitor++
			continue
		case c.method == "CALLBACK" && c.dequeue == 0:
			ans.NeverDequeued++
			continue
		}
		ans.Distinct++
		switch c.channel {
		case "VOICE":
			s, e := c.init, c.disc
			if c.method == "CALLBACK" {
				s = c.dequeue
			}
			if c.external && c.transferDone < e {
				e = c.transferDone
			}
			addSpan(c.inst, Calls, s, e)
			if c.rt {
				addSpan(c.inst, RealtimeCalls, s, e)
			}
			if c.post {
				from := c.connSys
				if from == 0 {
					from = c.init
				}
				addSpan(c.inst, PostCallJobs, c.disc, c.disc+int64(math.Round(0.4*float64(c.disc-from))))
			}
		case "CHAT":
			addSpan(c.inst, Chats, c.init, c.disc)
		case "TASK", "EMAIL":
			k := Tasks
			if c.channel == "EMAIL" {
				k = Emails
			}
			addSpan(c.inst, k, c.init, max(c.disc, c.acwEnd))
		}
	}
	for inst, m := range evs {
		var peaks [NumKinds]int
		var ats [NumKinds]time.Time
		for k := range NumKinds {
			e := m[k]
			slices.SortFunc(e, func(a, b ev) int {
				if a.t != b.t {
					if a.t < b.t {
						return -1
					}
					return 1
				}
				return a.delta - b.delta // ends first
			})
			cur := 0
			for i := 0; i < len(e); {
				t := e[i].t
				for ; i < len(e) && e[i].t == t; i++ {
					cur += e[i].delta
				}
				if cur > peaks[k] {
					peaks[k], ats[k] = cur, time.Unix(0, t).UTC()
				}
			}
		}
		ans.Peaks[arn(inst)] = peaks
		ans.PeakAts[arn(inst)] = ats
	}
}

func uuid(rng *rand.Rand) string {
	const hex = "0123456789abcdef"
	var b [36]byte
	for i := range b {
		switch i {
		case 8, 13, 18, 23:
			b[i] = '-'
		default:
			b[i] = hex[rng.IntN(16)]
		}
	}
	return string(b[:])
}

func appendTime(b []byte, t int64) []byte {
	if t == 0 {
		return append(b, "null"...)
	}
	tt := time.Unix(0, t).UTC()
	b = append(b, '"')
	if tt.Nanosecond() != 0 {
		b = tt.AppendFormat(b, "2006-01-02T15:04:05.000Z")
	} else {
		b = tt.AppendFormat(b, "2006-01-02T15:04:05Z")
	}
	return append(b, '"')
}

var queues = []string{"Sales", "Support", "Billing \"VIP\"", "Técnico", "Retención\\Priority"}

// appendRecord writes one record, fields in the order Amazon Connect's are
// (alphabetical), with the noise real records carry.
func appendRecord(b []byte, c *contact, rng *rand.Rand, concatenated bool) []byte {
	a := arn(c.inst)
	b = append(b, `{"AWSAccountId":"123456789012","AWSContactTraceRecordFormatVersion":"2017-03-10","Agent":`...)
	if c.agentConn != 0 {
		b = append(b, `{"ARN":"`...)
		b = append(b, a...)
		b = append(b, `/agent/5a5bd3b0-8bba-4e5d-9b56-dc3d7a0b3f7e","AfterContactWorkDuration":`...)
		b = strconv.AppendInt(b, (c.acwEnd-c.disc)/1e9, 10)
		b = append(b, `,"AfterContactWorkEndTimestamp":`...)
		b = appendTime(b, c.acwEnd)
		b = append(b, `,"AfterContactWorkStartTimestamp":`...)
		b = appendTime(b, c.disc)
		b = append(b, `,"AgentInteractionDuration":`...)
		b = strconv.AppendInt(b, (c.disc-c.agentConn)/1e9, 10)
		b = append(b, `,"ConnectedToAgentTimestamp":`...)
		b = appendTime(b, c.agentConn)
		b = append(b, `,"CustomerHoldDuration":0,"HierarchyGroups":null,"NumberOfHolds":0,"RoutingProfile":{"Name":"Basic"},"Username":"agent`...)
		b = strconv.AppendInt(b, int64(rng.IntN(500)), 10)
		b = append(b, `"}`...)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"AgentConnectionAttempts":1,"Attributes":{"CustomerName":"Zoë O\"Brien","DisconnectTimestamp":"not a field here","Channel":"{\"nested\":[1,2,{\"ContactId\":\"fake\"}]}","accountNumber":"`...)
	b = strconv.AppendInt(b, rng.Int64N(1e10), 10)
	b = append(b, `","intent":"billing\\question\u00e9","path":"C:\\flows\\main","ticket":"T-`...)
	b = strconv.AppendInt(b, rng.Int64N(1e6), 10)
	b = append(b, `"},"Channel":"`...)
	b = append(b, c.channel...)
	b = append(b, `","ConnectedToSystemTimestamp":`...)
	b = appendTime(b, c.connSys)
	b = append(b, `,"ContactDetails":{},"ContactId":"`...)
	b = append(b, c.id...)
	b = append(b, `","ContactLens":`...)
	if c.rt || c.post || c.lens {
		b = append(b, `{"ConversationalAnalytics":{"Configuration":{"ChannelConfiguration":{"AnalyticsModes":[`...)
		sep := ""
		if c.rt {
			b = append(b, `"RealTime"`...)
			sep = ","
		}
		if c.post {
			b = append(b, sep...)
			b = append(b, `"PostContact"`...)
		}
		if c.lens {
			b = append(b, `"ContactLens"`...)
		}
		b = append(b, `]},"LanguageLocale":"en-US"}}}`...)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"CustomerEndpoint":{"Address":"+1555`...)
	b = strconv.AppendInt(b, 1000000+rng.Int64N(9000000), 10)
	b = append(b, `","Type":"TELEPHONE_NUMBER"},"DisconnectReason":"CUSTOMER_DISCONNECT","DisconnectTimestamp":`...)
	b = appendTime(b, c.disc)
	b = append(b, `,"InitialContactId":null,"InitiationMethod":"`...)
	b = append(b, c.method...)
	b = append(b, `","InitiationTimestamp":`...)
	b = appendTime(b, c.init)
	b = append(b, `,"InstanceARN":"`...)
	b = append(b, a...)
	b = append(b, `","LastUpdateTimestamp":`...)
	b = appendTime(b, c.lu)
	b = append(b, `,"MediaStreams":[{"Type":"AUDIO"}],"NextContactId":null,"PreviousContactId":null,"Queue":`...)
	if c.channel != "" {
		b = append(b, `{"DequeueTimestamp":`...)
		deq := c.dequeue
		if c.method != "CALLBACK" && c.agentConn != 0 {
			deq = c.agentConn
		}
		b = appendTime(b, deq)
		b = append(b, `,"Duration":12,"EnqueueTimestamp":`...)
		b = appendTime(b, c.init)
		b = append(b, `,"Name":"`...)
		q := queues[rng.IntN(len(queues))]
		for k := 0; k < len(q); k++ {
			if q[k] == '"' || q[k] == '\\' {
				b = append(b, '\\')
			}
			b = append(b, q[k])
		}
		b = append(b, `"}`...)
	}
	b = append(b, `,"Recordings":[{"DeletionReason":null,"Location":"bucket/CallRecordings/`...)
	b = append(b, c.id...)
	b = append(b, `.wav","MediaStreamType":"AUDIO","StartTimestamp":`...)
	b = appendTime(b, c.init)
	b = append(b, `,"Status":"AVAILABLE","StopTimestamp":`...)
	b = appendTime(b, c.disc)
	b = append(b, `,"StorageType":"S3"}],"SystemEndpoint":{"Address":"+18005550100","Type":"TELEPHONE_NUMBER"},"Tags":{"team":"blue"},"TransferCompletedTimestamp":`...)
	b = appendTime(b, c.transferDone)
	b = append(b, `,"TransferredToEndpoint":`...)
	if c.external {
		b = append(b, `{"Address":"+15555550199","Type":"TELEPHONE_NUMBER"}`...)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `}`...)
	if !concatenated {
		b = append(b, '\n')
	}
	return b
}

package ctr

import (
	"cmp"
	"slices"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// tally de-duplicates the contacts as batches arrive in input order.
type tally struct {
	o                        Options
	files                    int
	bytes, records, problems int64
	duplicates               int64
	kinds                    [numProblemKinds]int64
	samples                  []traffic.Problem
	byARN                    map[string]*instance
}

// instance holds an instance's distinct contacts: keyed by the 16 bytes of a
// canonical lower-case UUID (as Amazon Connect writes ContactId), or by the
// string for any other id.
type instance struct {
	arn   string
	uuids map[[16]byte]contact
	other map[string]contact
}

func newTally(o Options, files int) *tally {
	return &tally{o: o, files: files, byARN: map[string]*instance{}}
}

func (t *tally) merge(b *batch) {
	t.bytes += int64(len(b.data))
	t.records += b.records
	t.problems += b.problems
	for k, n := range b.kinds {
		t.kinds[k] += n
	}
	for _, p := range b.samples {
		if len(t.samples) < t.o.MaxSamples {
			t.samples = append(t.samples, p)
		}
	}
	var last *instance
	for k := range b.items {
		it := &b.items[k]
		in := last
		if in == nil || in.arn != string(it.arn) {
			in = t.byARN[string(it.arn)]
			if in == nil {
				in = &instance{arn: string(it.arn), uuids: map[[16]byte]contact{}, other: map[string]contact{}}
				t.byARN[in.arn] = in
			}
			last = in
		}
		if u, ok := parseUUID(it.id); ok {
			if old, seen := in.uuids[u]; !seen || it.c.lu >= old.lu {
				in.uuids[u] = it.c
				if seen {
					t.duplicates++
				}
			} else {
				t.duplicates++
			}
			continue
		}
		if old, seen := in.other[string(it.id)]; !seen || it.c.lu >= old.lu {
			in.other[string(it.id)] = it.c
			if seen {
				t.duplicates++
			}
		} else {
			t.duplicates++
		}
	}
}

// parseUUID reads a canonical lower-case UUID (8-4-4-4-12 hex digits).
func parseUUID(b []byte) (u [16]byte, ok bool) {
	if len(b) != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-' {
		return u, false
	}
	k := 0
	for i := 0; i < 36; {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			i++
			continue
		}
		hi, ok1 := lowerHex(b[i])
		lo, ok2 := lowerHex(b[i+1])
		if !ok1 || !ok2 {
			return u, false
		}
		u[k] = hi<<4 | lo
		k++
		i += 2
	}
	return u, true
}

func lowerHex(c byte) (byte, bool) {
	switch {
	case c-'0' < 10:
		return c - '0', true
	case c-'a' < 6:
		return c - 'a' + 10, true
	}
	return 0, false
}

// stats sums one channel's contacts starting in an interval.
type stats struct {
	contacts, handled       int64
	connSec, connNs         int64 // sum of counted spans, as seconds and the rest in ns
	handleSec, handleNs     int64
	post, realtime, chatCL  int64
}

func (s *stats) add(c *contact) {
	s.contacts++
	d := c.end - c.start
	s.connSec += d / 1e9
	s.connNs += d % 1e9
	if c.handle >= 0 {
		s.handled++
		s.handleSec += c.handle / 1e9
		s.handleNs += c.handle % 1e9
	}
	if c.flags&fPostCall != 0 {
		s.post++
	}
	if c.flags&fRealtime != 0 {
		s.realtime++
	}
	if c.flags&fContactLens != 0 {
		s.chatCL++
	}
}

func (s *stats) load(ch int) traffic.Load {
	l := traffic.Load{HasHandled: true, HasPeak: true}
	if s.contacts > 0 {
		n := float64(s.contacts)
		l.Contacts = n
		l.ConnectSeconds = (float64(s.connSec) + float64(s.connNs)/1e9) / n
		switch ch {
		case chVoice:
			l.Shares.PostCall = float64(s.post) / n
			l.Shares.Realtime = float64(s.realtime) / n
		case chChat:
			l.Shares.PostChat = float64(s.chatCL) / n
		}
	}
	switch ch {
	case chVoice:
		l.Shares.Has = traffic.HasPostCall | traffic.HasRealtime
	case chChat:
		l.Shares.Has = traffic.HasPostChat
	}
	if s.handled > 0 {
		l.Handled = float64(s.handled)
		l.HandleSeconds = (float64(s.handleSec) + float64(s.handleNs)/1e9) / float64(s.handled)
	}
	return l
}

// kindOf is the quota a channel's contacts count against.
var kindOf = [4]Kind{Calls, Chats, Tasks, Emails}

// spans is the counted spans of a contact, by kind; ok false for a kind it does
// not count in.
func spansOf(c *contact) (out [NumKinds][2]int64, ok [NumKinds]bool) {
	k := kindOf[c.ch]
	out[k], ok[k] = [2]int64{c.start, c.end}, true
	if c.ch == chVoice {
		if c.flags&fRealtime != 0 {
			out[RealtimeCalls], ok[RealtimeCalls] = [2]int64{c.start, c.end}, true
		}
		if c.flags&fPostCall != 0 {
			out[PostCallJobs], ok[PostCallJobs] = [2]int64{c.disc, c.jobEnd}, true
		}
	}
	return out, ok
}

func (t *tally) result() *Result {
	res := &Result{
		Files: t.files, Bytes: t.bytes, Records: t.records, Duplicates: t.duplicates,
		Problems: t.problems, ProblemKinds: map[string]int64{}, Samples: t.samples,
		Step: t.o.Interval,
	}
	for k, n := range t.kinds {
		if n > 0 {
			res.ProblemKinds[problemNames[k]] = n
		}
	}
	step := int64(t.o.Interval)
	var gStart, gEnd int64
	any := false
	for _, in := range t.byARN {
		var counted []contact
		each := func(c contact) {
			switch {
			case c.flags&fMonitor != 0:
				res.Monitor++
			case c.flags&fNeverDequeued != 0:
				res.NeverDequeued++
			default:
				res.Distinct++
				counted = append(counted, c)
			}
		}
		for _, c := range in.uuids {
			each(c)
		}
		for _, c := range in.other {
			each(c)
		}
		in.uuids, in.other = nil, nil
		if len(counted) == 0 {
			continue
		}
		// The grid: from the floor of the first start to the last end.
		lo, hi := int64(1<<62), int64(-1<<62)
		first, last := int64(1<<62), int64(-1<<62)
		var events [NumKinds][]int64
		for x := range counted {
			sp, ok := spansOf(&counted[x])
			for k := range NumKinds {
				if !ok[k] {
					continue
				}
				s, e := sp[k][0], sp[k][1]
				lo, hi = min(lo, s), max(hi, e)
				first = min(first, floorDiv(s, step))
				last = max(last, floorDiv(s, step))
				if e > s {
					last = max(last, floorDiv(e-1, step))
					// start after end at the same instant: ends sort first
					events[k] = append(events[k], s<<1|1, e<<1)
				}
			}
		}
		if !any || lo < gStart {
			gStart = lo
		}
		if !any || hi > gEnd {
			gEnd = hi
		}
		any = true
		out := Instance{ARN: in.arn, Name: instanceName(in.arn)}
		n := int(last - first + 1)
		out.Intervals = make([]Interval, n)
		st := make([][4]stats, n)
		for k := range out.Intervals {
			out.Intervals[k].Start = time.Unix(0, (first+int64(k))*step).UTC()
		}
		for x := range counted {
			c := &counted[x]
			_, ok := spansOf(c)
			for k := range NumKinds {
				if ok[k] {
					out.Peaks[k].Seen = true
				}
			}
			st[floorDiv(c.start, step)-first][c.ch].add(c)
		}
		for k := range NumKinds {
			ev := events[k]
			slices.Sort(ev)
			sweep(ev, first, step, out.Intervals, Kind(k), &out.Peaks[k])
		}
		for k := range out.Intervals {
			iv := &out.Intervals[k]
			for ch := range 4 {
				iv.Channels[ch] = st[k][ch].load(ch)
				iv.Channels[ch].Peak = float64(iv.Peak[kindOf[ch]])
			}
		}
		res.Instances = append(res.Instances, out)
	}
	if any {
		res.Start, res.End = time.Unix(0, gStart).UTC(), time.Unix(0, gEnd).UTC()
	}
	slices.SortFunc(res.Instances, func(a, b Instance) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ARN, b.ARN))
	})
	return res
}

// sweep walks sorted events (time<<1 | 1 for a start, time<<1 for an end) and
// sets each interval's peak of kind k and the overall peak.
func sweep(ev []int64, first, step int64, ivs []Interval, k Kind, peak *Peak) {
	cur, best := 0, 0
	bestAt := int64(0)
	p := 0
	for x := range ivs {
		s := (first + int64(x)) * step
		e := s + step
		pk := cur
		for p < len(ev) && ev[p]>>1 < e {
			t := ev[p] >> 1
			for p < len(ev) && ev[p]>>1 == t {
				if ev[p]&1 == 1 {
					cur++
				} else {
					cur--
				}
				p++
			}
			if t == s {
				pk = cur
			} else {
				pk = max(pk, cur)
			}
			if cur > best {
				best, bestAt = cur, t
			}
		}
		ivs[x].Peak[k] = pk
	}
	peak.Value = best
	if best > 0 {
		peak.At = time.Unix(0, bestAt).UTC()
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

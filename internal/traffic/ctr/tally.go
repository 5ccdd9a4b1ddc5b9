package ctr

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
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
	lines                    []int64  // per source, the lines merged
	arns                     []string // by instance index
	byARN                    map[string]uint32
	table                    table              // contacts with a UUID ContactId
	other                    map[otherKey]entry // any other ContactId
}

type otherKey struct {
	inst uint32
	id   string
}

func newTally(o Options, files int) *tally {
	return &tally{o: o, files: files, lines: make([]int64, files), byARN: map[string]uint32{}, other: map[otherKey]entry{}, table: newTable()}
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
			if b.mode == modeLines {
				p.Line += t.lines[b.src]
			}
			t.samples = append(t.samples, p)
		}
	}
	t.lines[b.src] += b.newlines
	last := -1
	for k := range b.items {
		it := &b.items[k]
		if last < 0 || t.arns[last] != string(it.arn) {
			inst, ok := t.byARN[string(it.arn)]
			if !ok {
				inst = uint32(len(t.arns))
				t.arns = append(t.arns, string(it.arn))
				t.byARN[t.arns[inst]] = inst
			}
			last = int(inst)
		}
		it.e.inst = uint32(last)
		if it.uuid {
			if t.table.put(&it.e) {
				t.duplicates++
			}
			continue
		}
		key := otherKey{inst: uint32(last), id: string(it.id)}
		if old, seen := t.other[key]; !seen || it.e.lu >= old.lu {
			t.other[key] = it.e
			if seen {
				t.duplicates++
			}
		} else {
			t.duplicates++
		}
	}
}

// table is an open-addressing hash table of entries keyed by (instance, UUID):
// slots hold a hash tag and an index into chunks, where the entries are stored
// densely. About 56 bytes an entry plus 8 to 21 bytes of slots.
type table struct {
	slots  []uint64 // 0: empty; else tag<<32 | index+1
	n      int
	chunks [][]entry
	seed   uint64
}

const chunkLen = 4096

func newTable() table {
	return table{slots: make([]uint64, 1024), seed: rand.Uint64() | 1}
}

func (t *table) hash(e *entry) uint64 {
	lo := binary.LittleEndian.Uint64(e.id[:8])
	hi := binary.LittleEndian.Uint64(e.id[8:])
	h := (lo ^ t.seed) * 0x9e3779b97f4a7c15
	h ^= hi + uint64(e.inst)<<7
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

func (t *table) at(idx uint32) *entry { return &t.chunks[idx/chunkLen][idx%chunkLen] }

// put keeps e unless the table holds a later update of the same contact; it
// reports whether the table held the contact already.
func (t *table) put(e *entry) bool {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	h := t.hash(e)
	tag := h >> 32
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			if t.n%chunkLen == 0 {
				t.chunks = append(t.chunks, make([]entry, chunkLen))
			}
			*t.at(uint32(t.n)) = *e
			t.n++
			t.slots[i] = tag<<32 | uint64(t.n)
			return false
		}
		if s>>32 == tag {
			old := t.at(uint32(s) - 1)
			if old.id == e.id && old.inst == e.inst {
				if e.lu >= old.lu {
					*old = *e
				}
				return true
			}
		}
	}
}

// reserve sizes the slots for n contacts at most three quarters full.
func (t *table) reserve(n int) {
	size := len(t.slots)
	for 3*size < 4*n {
		size *= 2
	}
	if size > len(t.slots) && t.n == 0 {
		t.slots = make([]uint64, size)
	}
}

func (t *table) grow() {
	slots := make([]uint64, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for idx := range t.n {
		h := t.hash(t.at(uint32(idx)))
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = h>>32<<32 | uint64(idx+1)
	}
	t.slots = slots
}

// each calls f for every entry kept.
func (t *tally) each(f func(e *entry)) {
	for idx := range t.table.n {
		f(t.table.at(uint32(idx)))
	}
	for _, e := range t.other {
		f(&e)
	}
}

// parseUUID reads a canonical lower-case UUID (8-4-4-4-12 hex digits).
func parseUUID(b []byte) (u [16]byte, ok bool) {
	if len(b) != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-' {
		return u, false
	}
	var bad byte
	for k, i := range uuidAt {
		hi, lo := hexVal[b[i]], hexVal[b[i+1]]
		bad |= hi | lo
		u[k] = hi<<4 | lo
	}
	return u, bad&0x80 == 0
}

// uuidAt is where each byte's two hex digits start in a UUID.
var uuidAt = [16]int{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// hexVal is a lower-case hex digit's value, 0x80 for any other byte.
var hexVal = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = byte(c - '0')
		case c >= 'a' && c <= 'f':
			t[c] = byte(c - 'a' + 10)
		default:
			t[c] = 0x80
		}
	}
	return t
}()

// stats sums one channel's contacts starting in an interval (milliseconds).
type stats struct {
	contacts, handled      int64
	connect, handle        int64
	post, realtime, chatCL int64
}

func (s *stats) add(c *contact) {
	s.contacts++
	s.connect += c.end - c.start
	if c.handle >= 0 {
		s.handled++
		s.handle += c.handle
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
		l.ConnectSeconds = float64(s.connect) / 1e3 / n
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
		l.HandleSeconds = float64(s.handle) / 1e3 / float64(s.handled)
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

// perInstance is what result gathers of one instance.
type perInstance struct {
	counted     int
	lo, hi      int64 // earliest start, latest end (ms)
	first, last int64 // grid indexes
	events      [NumKinds][]int64
	seen        [NumKinds]bool
	stats       [][4]stats
	peaks       [NumKinds]Peak
	ivPeaks     [NumKinds][]int // per interval
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
	step := t.o.Interval.Milliseconds()
	ins := make([]perInstance, len(t.arns))
	for k := range ins {
		ins[k] = perInstance{lo: math.MaxInt64, hi: math.MinInt64, first: math.MaxInt64, last: math.MinInt64}
	}
	// The spans, and the grid of each instance: from the floor of its first
	// start to its last end.
	t.each(func(e *entry) {
		switch {
		case e.flags&fMonitor != 0:
			res.Monitor++
			return
		case e.flags&fNeverDequeued != 0:
			res.NeverDequeued++
			return
		}
		res.Distinct++
		in := &ins[e.inst]
		in.counted++
		c := e.unpack()
		sp, ok := spansOf(&c)
		for k := range NumKinds {
			if !ok[k] {
				continue
			}
			in.seen[k] = true
			s, e := sp[k][0], sp[k][1]
			in.lo, in.hi = min(in.lo, s), max(in.hi, e)
			in.first = min(in.first, floorDiv(s, step))
			in.last = max(in.last, floorDiv(s, step))
			if e > s {
				in.last = max(in.last, floorDiv(e-1, step))
				// a start sorts after an end at the same instant
				in.events[k] = append(in.events[k], s<<1|1, e<<1)
			}
		}
	})
	// With several instances, the account's concurrency is the sweep of all
	// their events together (not the sum of their peaks, which fall at
	// different instants), on one grid spanning them all.
	var account *perInstance
	if counted := countedInstances(ins); counted > 1 {
		account = &perInstance{lo: math.MaxInt64, hi: math.MinInt64, first: math.MaxInt64, last: math.MinInt64, counted: counted}
		for k := range ins {
			in := &ins[k]
			if in.counted == 0 {
				continue
			}
			account.first, account.last = min(account.first, in.first), max(account.last, in.last)
			account.lo, account.hi = min(account.lo, in.lo), max(account.hi, in.hi)
			for kind := range NumKinds {
				account.seen[kind] = account.seen[kind] || in.seen[kind]
			}
		}
	}
	// Each instance's and kind's events sort and sweep on their own goroutine,
	// while the interval statistics are summed; then the account's sweep merges
	// the instances' sorted events, without copying them.
	var wg sync.WaitGroup
	for k := range ins {
		in := &ins[k]
		if in.counted == 0 {
			continue
		}
		n := in.last - in.first + 1
		in.stats = make([][4]stats, n)
		for kind := range NumKinds {
			in.ivPeaks[kind] = make([]int, n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				ev := in.events[kind]
				slices.Sort(ev)
				in.peaks[kind] = sweep(merging(ev), in.first, step, in.ivPeaks[kind])
				in.peaks[kind].Seen = in.seen[kind]
				if account == nil {
					in.events[kind] = nil
				}
			}()
		}
	}
	t.each(func(e *entry) {
		if e.flags&(fMonitor|fNeverDequeued) == 0 {
			in := &ins[e.inst]
			c := e.unpack()
			in.stats[floorDiv(c.start, step)-in.first][c.ch].add(&c)
		}
	})
	t.table, t.other = table{}, nil
	wg.Wait()
	if account != nil {
		n := account.last - account.first + 1
		for kind := range NumKinds {
			account.ivPeaks[kind] = make([]int, n)
			lists := make([][]int64, 0, len(ins))
			for k := range ins {
				lists = append(lists, ins[k].events[kind])
			}
			wg.Go(func() {
				account.peaks[kind] = sweep(merging(lists...), account.first, step, account.ivPeaks[kind])
				account.peaks[kind].Seen = account.seen[kind]
			})
		}
		wg.Wait()
		for k := range ins {
			ins[k].events = [NumKinds][]int64{}
		}
	}
	for k := range ins {
		in := &ins[k]
		if in.counted == 0 {
			continue
		}
		if res.Start.IsZero() || in.lo < res.Start.UnixMilli() {
			res.Start = time.UnixMilli(in.lo).UTC()
		}
		if res.End.IsZero() || in.hi > res.End.UnixMilli() {
			res.End = time.UnixMilli(in.hi).UTC()
		}
		out := Instance{ARN: t.arns[k], Name: instanceName(t.arns[k])}
		out.Intervals = make([]Interval, len(in.stats))
		for x := range out.Intervals {
			out.Intervals[x].Start = time.UnixMilli((in.first + int64(x)) * step).UTC()
		}
		out.Peaks = in.peaks
		for kind := range NumKinds {
			for x := range out.Intervals {
				out.Intervals[x].Peak[kind] = in.ivPeaks[kind][x]
			}
		}
		for x := range out.Intervals {
			iv := &out.Intervals[x]
			for ch := range 4 {
				iv.Channels[ch] = in.stats[x][ch].load(ch)
				iv.Channels[ch].Peak = float64(iv.Peak[kindOf[ch]])
			}
		}
		res.Instances = append(res.Instances, out)
	}
	if account != nil {
		out := Instance{Name: "", ARN: ""}
		out.Peaks = account.peaks
		out.Intervals = make([]Interval, account.last-account.first+1)
		for x := range out.Intervals {
			out.Intervals[x].Start = time.UnixMilli((account.first + int64(x)) * step).UTC()
			for kind := range NumKinds {
				out.Intervals[x].Peak[kind] = account.ivPeaks[kind][x]
			}
		}
		res.Account = &out
	}
	slices.SortFunc(res.Instances, func(a, b Instance) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ARN, b.ARN))
	})
	return res
}

// events yields sorted events (time<<1 | 1 for a start, time<<1 for an end)
// merged from one or more sorted lists.
type events struct {
	lists [][]int64
	pos   []int
}

func merging(lists ...[]int64) *events {
	return &events{lists: lists, pos: make([]int, len(lists))}
}

// peek is the smallest event not yet taken.
func (e *events) peek() (int64, bool) {
	best, ok := int64(0), false
	for i, l := range e.lists {
		if p := e.pos[i]; p < len(l) && (!ok || l[p] < best) {
			best, ok = l[p], true
		}
	}
	return best, ok
}

// take removes the smallest event.
func (e *events) take() {
	best := -1
	for i, l := range e.lists {
		if p := e.pos[i]; p < len(l) && (best < 0 || l[p] < e.lists[best][e.pos[best]]) {
			best = i
		}
	}
	e.pos[best]++
}

// sweep walks the events in order and returns the peak, setting each interval's
// peak in ivPeaks.
func sweep(ev *events, first, step int64, ivPeaks []int) Peak {
	cur, best := 0, 0
	bestAt := int64(0)
	next, more := ev.peek()
	for x := range ivPeaks {
		s := (first + int64(x)) * step
		e := s + step
		pk := cur
		for more && next>>1 < e {
			t := next >> 1
			for more && next>>1 == t {
				if next&1 == 1 {
					cur++
				} else {
					cur--
				}
				ev.take()
				next, more = ev.peek()
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
		ivPeaks[x] = pk
	}
	peak := Peak{Value: best}
	if best > 0 {
		peak.At = time.UnixMilli(bestAt).UTC()
	}
	return peak
}

// countedInstances is how many instances have a counted contact.
func countedInstances(ins []perInstance) int {
	n := 0
	for _, in := range ins {
		if in.counted > 0 {
			n++
		}
	}
	return n
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

package ctr

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
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
	// spans counts, per instance and kind, the spans of positive length of the
	// contacts kept
	spans [][NumKinds]int
	// touched sums the slots loaded ahead of the puts (so that the loads
	// are not dropped as unused)
	touched uint64
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
	// The slots the batch's contacts hash to are loaded first, in a loop of
	// independent loads that the processor overlaps, so that the puts below
	// find them in cache instead of waiting on one miss after another.
	var touched uint64
	for k := range b.items {
		it := &b.items[k]
		if it.uuid {
			it.h = t.table.hash(&it.e)
			touched += t.table.slots[it.h&uint64(len(t.table.slots)-1)]
		}
	}
	t.touched += touched
	last := -1
	for k := range b.items {
		it := &b.items[k]
		if last < 0 || t.arns[last] != string(it.arn) {
			inst, ok := t.byARN[string(it.arn)]
			if !ok {
				inst = uint32(len(t.arns))
				t.arns = append(t.arns, string(it.arn))
				t.byARN[t.arns[inst]] = inst
				t.spans = append(t.spans, [NumKinds]int{})
			}
			last = int(inst)
		}
		it.e.inst = uint32(last)
		if it.uuid {
			old, fresh := t.table.put(&it.e, it.h)
			if fresh {
				t.count(&it.e, 1)
				continue
			}
			t.duplicates++
			if it.e.lu >= old.lu {
				t.count(old, -1)
				t.count(&it.e, 1)
				*old = it.e
			}
			continue
		}
		key := otherKey{inst: uint32(last), id: string(it.id)}
		old, seen := t.other[key]
		switch {
		case !seen:
			t.count(&it.e, 1)
			t.other[key] = it.e
		case it.e.lu >= old.lu:
			t.count(&old, -1)
			t.count(&it.e, 1)
			t.other[key] = it.e
			t.duplicates++
		default:
			t.duplicates++
		}
	}
}

// count adds d to the number of spans of positive length e counts, by kind:
// result sizes the events' lists from it.
func (t *tally) count(e *entry, d int) {
	n := &t.spans[e.inst]
	for m := spanKinds(e); m != 0; m &= m - 1 {
		n[bits.TrailingZeros8(m)] += d
	}
}

// spanKinds is the kinds in which e counts a span of positive length (one that
// adds events to the sweep), as a bit mask.
func spanKinds(e *entry) uint8 {
	if e.flags&(fMonitor|fNeverDequeued) != 0 {
		return 0
	}
	var m uint8
	if e.dur > 0 {
		m |= 1 << kindOf[e.ch]
		if e.ch == chVoice && e.flags&fRealtime != 0 {
			m |= 1 << RealtimeCalls
		}
	}
	if e.ch == chVoice && e.flags&fPostCall != 0 && e.job > 0 {
		m |= 1 << PostCallJobs
	}
	return m
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
	h ^= hi
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

func (t *table) at(idx uint32) *entry { return &t.chunks[idx/chunkLen][idx%chunkLen] }

// put stores e when the table does not hold its contact yet (fresh), else it
// returns the entry held.
func (t *table) put(e *entry, h uint64) (old *entry, fresh bool) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
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
			return nil, true
		}
		if s>>32 == tag {
			old := t.at(uint32(s) - 1)
			if old.id == e.id && old.inst == e.inst {
				return old, false
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
	tail        int64 // the last instant counted: the latest end-1 (or start of an empty span)
	first, last int64 // grid indexes
	events      [NumKinds][]int64
	seen        [NumKinds]bool
	stats       [][4]stats
	peaks       [NumKinds]Peak
	ivPeaks     [NumKinds][]int // per interval
}

// part is what one goroutine of result's first pass gathers: its share of the
// entries' spans, written into the events' lists from the front or (back) from
// the end, so that two goroutines fill the same lists.
type part struct {
	ins                     []perInstance // counted, lo, hi, tail, seen
	pos                     [][NumKinds]int
	back                    bool
	monitor, never, counted int64
}

func newPart(ins []perInstance, back bool) *part {
	p := &part{ins: make([]perInstance, len(ins)), pos: make([][NumKinds]int, len(ins)), back: back}
	for k := range p.ins {
		p.ins[k] = perInstance{lo: math.MaxInt64, hi: math.MinInt64, tail: math.MinInt64}
		if back {
			for kind := range NumKinds {
				p.pos[k][kind] = len(ins[k].events[kind])
			}
		}
	}
	return p
}

func (p *part) add(e *entry, ins []perInstance) {
	switch {
	case e.flags&fMonitor != 0:
		p.monitor++
		return
	case e.flags&fNeverDequeued != 0:
		p.never++
		return
	}
	p.counted++
	in := &p.ins[e.inst]
	in.counted++
	c := e.unpack()
	sp, ok := spansOf(&c)
	for k := range NumKinds {
		if !ok[k] {
			continue
		}
		in.seen[k] = true
		s, e2 := sp[k][0], sp[k][1]
		in.lo, in.hi = min(in.lo, s), max(in.hi, e2)
		in.tail = max(in.tail, s, e2-1)
		if e2 > s {
			// a start sorts after an end at the same instant
			ev := ins[e.inst].events[k]
			pos := &p.pos[e.inst][k]
			if p.back {
				*pos -= 2
			}
			ev[*pos], ev[*pos+1] = s<<1|1, e2<<1
			if !p.back {
				*pos += 2
			}
		}
	}
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
		ins[k] = perInstance{lo: math.MaxInt64, hi: math.MinInt64, tail: math.MinInt64}
		for kind := range NumKinds {
			ins[k].events[kind] = make([]int64, 2*t.spans[k][kind])
		}
	}
	// The spans, and the grid of each instance: from the floor of its first
	// start to its last end. Two goroutines share the entries, one filling the
	// events' lists from the front, the other from the back.
	parts := make([]*part, 1)
	if t.o.Workers > 1 && t.table.n > 2*chunkLen {
		parts = make([]*part, 2)
	}
	var wg sync.WaitGroup
	for g := range parts {
		from, to := g*t.table.n/len(parts), (g+1)*t.table.n/len(parts)
		wg.Go(func() {
			// each goroutine allocates its own part, and so (from its own
			// processor's cache of memory) on cache lines apart from the
			// other's: no false sharing of the counts written every entry
			p := newPart(ins, g == 1)
			for idx := from; idx < to; idx++ {
				p.add(t.table.at(uint32(idx)), ins)
			}
			if g == len(parts)-1 {
				for _, e := range t.other {
					p.add(&e, ins)
				}
			}
			parts[g] = p
		})
	}
	wg.Wait()
	for _, p := range parts {
		res.Monitor += p.monitor
		res.NeverDequeued += p.never
		res.Distinct += p.counted
		for k := range ins {
			in, q := &ins[k], &p.ins[k]
			in.counted += q.counted
			in.lo, in.hi, in.tail = min(in.lo, q.lo), max(in.hi, q.hi), max(in.tail, q.tail)
			for kind := range NumKinds {
				in.seen[kind] = in.seen[kind] || q.seen[kind]
			}
		}
	}
	for k := range ins {
		if in := &ins[k]; in.counted > 0 {
			// the grid: from the floor of the first start to the interval
			// of the last instant counted
			in.first, in.last = floorDiv(in.lo, step), floorDiv(in.tail, step)
		}
	}
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
	// Each instance's and kind's events sort (by radix) and sweep on a few
	// goroutines, while the interval statistics are summed; then the account's
	// sweep merges the instances' sorted events, without copying them.
	type job struct {
		in   int
		kind Kind
	}
	var jobs []job
	for k := range ins {
		in := &ins[k]
		if in.counted == 0 {
			continue
		}
		n := in.last - in.first + 1
		in.stats = make([][4]stats, n)
		for kind := range NumKinds {
			in.ivPeaks[kind] = make([]int, n)
			jobs = append(jobs, job{k, kind})
		}
	}
	var next atomic.Int64
	for range min(t.o.Workers, len(jobs)) {
		wg.Go(func() {
			var so sorter
			for {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					return
				}
				in, kind := &ins[jobs[j].in], jobs[j].kind
				ev := so.sort(in.events[kind], in.lo<<1, in.hi<<1|1)
				in.peaks[kind] = sweep(merging(ev), in.first, step, in.ivPeaks[kind])
				in.peaks[kind].Seen = in.seen[kind]
				if account == nil {
					in.events[kind] = nil
				}
			}
		})
	}
	// Records come roughly in time order: the interval of the last start
	// spares most divisions.
	x, xStart := int64(0), int64(math.MinInt64)
	t.each(func(e *entry) {
		if e.flags&(fMonitor|fNeverDequeued) == 0 {
			in := &ins[e.inst]
			c := e.unpack()
			if c.start < xStart || c.start >= xStart+step {
				x = floorDiv(c.start, step)
				xStart = x * step
			}
			in.stats[x-in.first][c.ch].add(&c)
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

// radixBits is the width of a digit of the events' radix sort: a count table
// of 2048 entries stays in the first-level cache.
const radixBits = 11

// sorter sorts events by radix: least significant digit first, a counting
// pass for all digits, then one scatter a digit (three for three days of
// milliseconds). The scratch is kept from one list to the next.
type sorter struct {
	tmp []int64
	cnt [4][1 << radixBits]uint32
}

// sort sorts ev, whose values lie in [lo, hi], in place and returns it.
func (so *sorter) sort(ev []int64, lo, hi int64) []int64 {
	n := len(ev)
	w := bits.Len64(uint64(hi - lo))
	passes := (w + radixBits - 1) / radixBits
	if n < 256 || passes > len(so.cnt) {
		slices.Sort(ev)
		return ev
	}
	d := uint((w + passes - 1) / passes)
	mask := uint64(1)<<d - 1
	cnt := so.cnt[:passes]
	for p := range cnt {
		clear(cnt[p][:1<<d])
	}
	for _, v := range ev {
		u := uint64(v - lo)
		for p := range cnt {
			cnt[p][u>>(uint(p)*d)&mask]++
		}
	}
	if cap(so.tmp) < n {
		so.tmp = make([]int64, n)
	}
	src, dst := ev, so.tmp[:n]
	for p := range cnt {
		c := &cnt[p]
		shift := uint(p) * d
		if c[uint64(src[0]-lo)>>shift&mask] == uint32(n) {
			continue // one digit for all: nothing moves
		}
		sum := uint32(0)
		for k := range c[:1<<d] {
			sum, c[k] = sum+c[k], sum
		}
		for _, v := range src {
			k := uint64(v-lo) >> shift & mask
			dst[c[k]] = v
			c[k]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ev[0] {
		copy(ev, src)
	}
	return ev
}

// events yields sorted events (time<<1 | 1 for a start, time<<1 for an end)
// merged from one or more sorted lists, a block at a time.
type events struct {
	lists [][]int64 // what is left of each list
	buf   []int64   // the current block
	block []int64   // merged blocks are written here
}

func merging(lists ...[]int64) *events {
	e := &events{}
	for _, l := range lists {
		if len(l) > 0 {
			e.lists = append(e.lists, l)
		}
	}
	return e
}

// next takes the smallest event left.
func (e *events) next() (int64, bool) {
	if len(e.buf) == 0 && !e.refill() {
		return 0, false
	}
	v := e.buf[0]
	e.buf = e.buf[1:]
	return v, true
}

// refill makes the next block: the last list left as it is, or a merge of the
// heads of the lists.
func (e *events) refill() bool {
	switch len(e.lists) {
	case 0:
		return false
	case 1:
		e.buf, e.lists = e.lists[0], nil
		return true
	}
	if e.block == nil {
		e.block = make([]int64, 0, 4096)
	}
	buf := e.block[:0]
	lists := e.lists
	for len(buf) < cap(buf) {
		best, bv := 0, lists[0][0]
		for i := 1; i < len(lists); i++ {
			if v := lists[i][0]; v < bv {
				best, bv = i, v
			}
		}
		buf = append(buf, bv)
		if lists[best] = lists[best][1:]; len(lists[best]) == 0 {
			lists = append(lists[:best], lists[best+1:]...)
			if len(lists) == 1 {
				break
			}
		}
	}
	e.lists, e.buf = lists, buf
	return true
}

// sweep walks the events in order and returns the peak, setting each interval's
// peak in ivPeaks.
func sweep(ev *events, first, step int64, ivPeaks []int) Peak {
	cur, best := 0, 0
	bestAt := int64(0)
	next, more := ev.next()
	for x := range ivPeaks {
		s := (first + int64(x)) * step
		e := s + step
		pk := cur
		for more && next>>1 < e {
			t := next >> 1
			for more && next>>1 == t {
				cur += int(next&1)<<1 - 1
				next, more = ev.next()
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

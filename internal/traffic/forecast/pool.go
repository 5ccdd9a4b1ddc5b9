package forecast

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// add parses one record and pools it.
func (f *fileReader) add(rec []string) error {
	if err := f.parse(rec); err != nil {
		return err
	}
	rd := f.rd
	r := &f.row
	line := f.line

	name := r.inst
	if name == "" && r.arn != "" {
		// An ARN without a name: the instance is named by the id the ARN ends in.
		name = r.arn[strings.LastIndexByte(r.arn, '/')+1:]
	}
	if name == "" {
		name = rd.o.Instance
	}
	inst, err := rd.instance(f, name, r.arn, int64(line))
	if err != nil {
		return err
	}
	queue := rd.queue(r.queue, r.queueLabel)
	pk := uint64(inst)<<32 | uint64(queue)
	pid := rd.lastPairID
	if pk != rd.lastPair {
		var ok bool
		if pid, ok = rd.pairIDs[pk]; !ok {
			pid = int32(len(rd.pairs))
			rd.pairIDs[pk] = pid
			rd.pairs = append(rd.pairs, [traffic.NumChannels]int32{-1, -1, -1, -1, -1})
		}
		rd.lastPair, rd.lastPairID = pk, pid
	}
	sid := rd.pairs[pid][r.ch]
	if sid < 0 {
		sid = int32(len(rd.series))
		rd.pairs[pid][r.ch] = sid
		rd.series = append(rd.series, seriesInfo{key: seriesKey{inst: inst, queue: queue, ch: r.ch}})
	}

	dur := int64(r.minutes) * 60
	if r.st.wall%dur != 0 {
		s, _ := f.cell(rec, cStart)
		return f.failAt(r.startField, fmt.Sprintf("%s %q is not aligned to its %d-minute interval: starts fall on %s", f.labels[cStart], s, r.minutes, alignedMinutes(r.minutes)))
	}
	start := r.st.instant
	if !r.st.zoned {
		early, late, n := rd.zone.candidates(r.st.wall)
		switch n {
		case 0:
			s, _ := f.cell(rec, cStart)
			return f.failAt(r.startField, rd.zone.gapMessage(s, r.st.wall))
		case 1:
			start = early
		default:
			// The clocks went back: a queue's first row at this wall clock is the
			// earlier instant, its second the later.
			if rd.amb == nil {
				rd.amb = map[ambKey]bool{}
			}
			k := ambKey{series: sid, wall: r.st.wall}
			start = early
			if rd.amb[k] {
				start = late
			}
			rd.amb[k] = true
		}
	}

	if start%60 != 0 {
		s, _ := f.cell(rec, cStart)
		return f.failAt(r.startField, fmt.Sprintf("%s %q: %s was then off UTC by a time that is not whole minutes", f.labels[cStart], s, rd.zone.loc))
	}

	si := &rd.series[sid]
	if start < si.maxEnd {
		si.unsorted = true
		rd.overlapsPossible = true
	}
	si.maxEnd = max(si.maxEnd, start+dur)
	if n := len(si.runs); n == 0 || !si.runs[n-1].extend(start, int64(line), int32(dur), f.file) {
		si.runs = append(si.runs, run{start: start, line: int64(line), n: 1, dur: int32(dur), file: f.file})
	}

	g := rd.step
	if g == 0 {
		g = dur
	}
	// The step divides every length and start (a start before 1970 is
	// negative: its remainder is taken from 0 up). Where g divides both, both
	// gcds give g back.
	g = gcd(g, dur)
	g = gcd(g, ((start%g)+g)%g)
	rd.step = g

	if si.gDur != int32(dur) {
		gk := groupKey{inst: inst, dur: int32(dur), ch: r.ch}
		gid, ok := rd.groupIDs[gk]
		if !ok {
			gid = int32(len(rd.groups))
			rd.groupIDs[gk] = gid
			rd.groups = append(rd.groups, group{ids: map[int64]int32{}, lastStart: math.MinInt64}) // no start yet
		}
		si.group, si.gDur = gid, int32(dur)
	}
	gr := &rd.groups[si.group]
	aid := gr.lastID
	if start != gr.lastStart {
		var ok bool
		if aid, ok = gr.ids[start]; !ok {
			aid = int32(len(rd.accs))
			gr.ids[start] = aid
			rd.accs = append(rd.accs, acc{allHandled: true})
			rd.accKeys = append(rd.accKeys, accKey{start: start, inst: inst, dur: int32(dur), ch: r.ch})
		}
		gr.lastStart, gr.lastID = start, aid
	}
	rd.accs[aid].addRow(&r.load)
	if r.load.HandleStandsIn {
		rd.standsIn = true
	}
	return nil
}

func alignedMinutes(m int) string {
	var s []string
	for x := 0; x < 60 && len(s) < 5; x += m {
		s = append(s, fmt.Sprintf(":%02d", x))
	}
	if 60/m > 5 {
		s = append(s, "...")
	}
	return strings.Join(s, ", ")
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func (rd *reader) instance(f *fileReader, name, arn string, line int64) (int32, error) {
	var id int32
	if rd.haveLastInst && name == rd.lastInst {
		id = rd.lastInstID
	} else {
		var ok bool
		if id, ok = rd.instIDs[name]; !ok {
			name = strings.Clone(name)
			id = int32(len(rd.insts))
			rd.instIDs[name] = id
			rd.insts = append(rd.insts, instInfo{name: name})
		}
		rd.lastInst, rd.lastInstID, rd.haveLastInst = rd.insts[id].name, id, true
	}
	if arn != "" {
		in := &rd.insts[id]
		switch in.arn {
		case arn:
		case "":
			in.arn, in.arnFile, in.arnLine = strings.Clone(arn), f.file, line
		default:
			where := fmt.Sprintf("line %d", in.arnLine)
			if in.arnFile != f.file {
				where = fmt.Sprintf("%s line %d", rd.display[in.arnFile], in.arnLine)
			}
			return 0, f.failAt(f.idx[cARN], fmt.Sprintf("instance_arn %q: instance %s has the ARN %q on %s", arn, in.name, in.arn, where))
		}
	}
	return id, nil
}

func (rd *reader) queue(key, label string) int32 {
	if rd.haveLastQueue && key == rd.lastQueue {
		return rd.lastQueueID
	}
	id, ok := rd.queueIDs[key]
	if !ok {
		key = strings.Clone(key)
		id = int32(len(rd.queues))
		rd.queueIDs[key] = id
		rd.queues = append(rd.queues, strings.Clone(label))
	}
	rd.lastQueue, rd.lastQueueID, rd.haveLastQueue = key, id, true
	return id
}

// checkOverlaps finds two rows of one instance, queue and channel whose
// intervals overlap.
func (rd *reader) checkOverlaps() error {
	if !rd.overlapsPossible {
		return nil
	}
	for i := range rd.series {
		si := &rd.series[i]
		if !si.unsorted {
			continue
		}
		slices.SortFunc(si.runs, func(a, b run) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
		})
		rs := si.runs
		far := 0 // the run reaching furthest so far
		for j := 1; j < len(rs); j++ {
			if rs[j].start < rs[far].end() {
				// The run far covers its extent row after row: one of its rows
				// holds run j's first start.
				a := &rs[far]
				return rd.overlap(si.key, a.row((rs[j].start-a.start)/int64(a.dur)), rs[j].row(0))
			}
			if rs[j].end() > rs[far].end() {
				far = j
			}
		}
	}
	return nil
}

// extend adds a row to the run if it continues it.
func (r *run) extend(start, line int64, dur, file int32) bool {
	if r.file != file || r.dur != dur || start != r.end() {
		return false
	}
	if r.n == 1 {
		r.stride = line - r.line
	} else if line != r.line+int64(r.n)*r.stride {
		return false
	}
	r.n++
	return true
}

func (rd *reader) overlap(k seriesKey, a, b span) error {
	if cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line)) > 0 {
		a, b = b, a
	}
	// b was read after a: the error is b's.
	where := fmt.Sprintf("line %d", a.line)
	if a.file != b.file {
		where = fmt.Sprintf("%s line %d", rd.display[a.file], a.line)
	}
	var what []string
	if len(rd.insts) > 1 {
		what = append(what, "instance "+rd.insts[k.inst].name)
	}
	if q := rd.queues[k.queue]; q != "" {
		what = append(what, "queue "+q)
	}
	what = append(what, k.ch.String(), rd.interval(b))
	msg := fmt.Sprintf("line %d overlaps %s (%s)", b.line, where, strings.Join(what, ", "))
	if a.start == b.start && a.dur == b.dur {
		msg = fmt.Sprintf("line %d repeats the interval of %s (%s)", b.line, where, strings.Join(what, ", "))
	}
	return &traffic.Error{Problem: traffic.Problem{File: rd.display[b.file], Line: b.line, Column: rd.startCol[b.file], Message: msg}}
}

// interval writes a span's times on the wall clock of the time zone.
func (rd *reader) interval(s span) string {
	from := time.Unix(s.start, 0).In(rd.zone.loc)
	to := from.Add(time.Duration(s.dur) * time.Second)
	text := from.Format("2006-01-02 15:04") + "-" + to.Format("15:04")
	if !rd.zone.utc {
		text += " " + from.Format("MST")
	}
	return text
}

// acc pools the rows of one instance, channel, start and interval length.
type acc struct {
	n                             int32
	allHandled, standsIn, hasPeak bool
	has                           traffic.ShareSet
	contacts, handled, peak       float64
	hByHandled, hByContacts       float64
	hPlain, cByContacts, cPlain   float64
	// The only row's times, when n is 1: given back as read, not recomputed
	// from the sums.
	rawHandle, rawConnect float64
	shares                *shareAcc // nil until a row gives a share
}

// shareAcc pools the shares: sums of contacts x share, of contacts and of
// shares, and the number of rows giving each; raw holds the only row's.
type shareAcc struct {
	cs, c, s, raw [4]float64
	n             [4]int32
}

func (a *acc) addRow(l *traffic.Load) {
	if a.n == 0 {
		a.rawHandle, a.rawConnect = l.HandleSeconds, l.ConnectSeconds
	}
	a.n++
	c := l.Contacts
	a.contacts += c
	if l.HasHandled {
		a.handled += l.Handled
		a.hByHandled += l.Handled * l.HandleSeconds
	} else {
		a.allHandled = false
	}
	a.hByContacts += c * l.HandleSeconds
	a.hPlain += l.HandleSeconds
	a.cByContacts += c * l.ConnectSeconds
	a.cPlain += l.ConnectSeconds
	a.standsIn = a.standsIn || l.HandleStandsIn
	if l.Shares.Has != 0 {
		if a.shares == nil {
			a.shares = &shareAcc{}
		}
		sh := a.shares
		for i := range 4 {
			if l.Shares.Has&(1<<i) != 0 {
				v := getShare(&l.Shares, i)
				sh.cs[i] += c * v
				sh.c[i] += c
				sh.s[i] += v
				sh.n[i]++
				if a.n == 1 {
					sh.raw[i] = v
				}
			}
		}
		a.has |= l.Shares.Has
	}
	if l.HasPeak {
		a.peak += l.Peak
		a.hasPeak = true
	}
}

// merge adds o spread over k sub-intervals (k is 1 when lengths match): its
// counts divided by k, its times, shares and peak unchanged.
func (a *acc) merge(o *acc, k float64) {
	if a.n == 0 {
		a.rawHandle, a.rawConnect = o.rawHandle, o.rawConnect
	}
	first := a.n == 0
	a.n += o.n
	a.contacts += o.contacts / k
	a.handled += o.handled / k
	a.hByHandled += o.hByHandled / k
	a.hByContacts += o.hByContacts / k
	a.hPlain += o.hPlain
	a.cByContacts += o.cByContacts / k
	a.cPlain += o.cPlain
	a.allHandled = a.allHandled && o.allHandled
	a.standsIn = a.standsIn || o.standsIn
	a.has |= o.has
	if o.shares != nil {
		if a.shares == nil {
			a.shares = &shareAcc{}
		}
		sh, osh := a.shares, o.shares
		for i := range 4 {
			sh.cs[i] += osh.cs[i] / k
			sh.c[i] += osh.c[i] / k
			sh.s[i] += osh.s[i]
			sh.n[i] += osh.n[i]
			if first {
				sh.raw[i] = osh.raw[i]
			}
		}
	}
	a.peak += o.peak
	a.hasPeak = a.hasPeak || o.hasPeak
}

func (a *acc) load(growth float64) traffic.Load {
	l := traffic.Load{
		Contacts: a.contacts, HandleStandsIn: a.standsIn,
		Handled: a.handled, HasHandled: a.allHandled,
		Peak: a.peak, HasPeak: a.hasPeak,
	}
	if a.n == 1 {
		l.HandleSeconds, l.ConnectSeconds = a.rawHandle, a.rawConnect
		for i := range 4 {
			if a.has&(1<<i) != 0 {
				setShare(&l.Shares, i, a.shares.raw[i])
			}
		}
	} else {
		n := float64(a.n)
		if a.allHandled && a.handled > 0 {
			l.HandleSeconds = a.hByHandled / a.handled
		} else if a.contacts > 0 {
			l.HandleSeconds = a.hByContacts / a.contacts
		} else {
			l.HandleSeconds = a.hPlain / n
		}
		if a.contacts > 0 {
			l.ConnectSeconds = a.cByContacts / a.contacts
		} else {
			l.ConnectSeconds = a.cPlain / n
		}
		for i := range 4 {
			if a.has&(1<<i) == 0 {
				continue
			}
			sh := a.shares
			v := sh.s[i] / float64(sh.n[i])
			if sh.c[i] > 0 {
				v = sh.cs[i] / sh.c[i]
			}
			setShare(&l.Shares, i, v)
		}
	}
	if !l.HasHandled {
		l.Handled = 0
	}
	if growth != 1 {
		l.Contacts *= growth
		l.Handled *= growth
		l.Peak *= growth
	}
	if l.Contacts == 0 && (!l.HasPeak || l.Peak == 0) {
		return traffic.Load{}
	}
	return l
}

type finalKey struct {
	start int64
	inst  int32
	ch    traffic.Channel
}

func (rd *reader) result() *Result {
	res := &Result{Rows: rd.rows, HandleStandsIn: rd.standsIn}
	res.Files = rd.files
	for _, f := range rd.files {
		res.Series.Sources = append(res.Series.Sources, f.Name)
	}
	step := rd.step
	res.Series.Step = time.Duration(step) * time.Second

	// Spread every pooled length over the step.
	finals := rd.accs
	var keys []finalKey
	sameLength := true
	for _, k := range rd.accKeys {
		if int64(k.dur) != step {
			sameLength = false
			break
		}
	}
	if sameLength {
		keys = make([]finalKey, len(rd.accs))
		for id, k := range rd.accKeys {
			keys[id] = finalKey{start: k.start, inst: k.inst, ch: k.ch}
		}
	} else {
		ids := map[finalKey]int32{}
		finals = nil
		for id, k := range rd.accKeys {
			parts := int64(k.dur) / step
			for j := range parts {
				fk := finalKey{start: k.start + j*step, inst: k.inst, ch: k.ch}
				fid, ok := ids[fk]
				if !ok {
					fid = int32(len(finals))
					ids[fk] = fid
					finals = append(finals, acc{allHandled: true})
					keys = append(keys, fk)
				}
				finals[fid].merge(&rd.accs[id], float64(parts))
			}
		}
	}

	// Two passes: number each instance's intervals, then fill them, allocated
	// once.
	type instBuild struct {
		at        map[int64]int32
		intervals []traffic.Interval
	}
	builds := make([]instBuild, len(rd.insts))
	loads := make([]traffic.Load, len(finals))
	slot := make([]int32, len(finals))
	for i := range finals {
		loads[i] = finals[i].load(rd.growth)
		slot[i] = -1
		if loads[i] == (traffic.Load{}) {
			continue
		}
		k := keys[i]
		b := &builds[k.inst]
		if b.at == nil {
			b.at = map[int64]int32{}
		}
		j, ok := b.at[k.start]
		if !ok {
			j = int32(len(b.at))
			b.at[k.start] = j
		}
		slot[i] = j
	}
	for i := range builds {
		builds[i].intervals = make([]traffic.Interval, len(builds[i].at))
	}
	for i := range finals {
		if slot[i] < 0 {
			continue
		}
		k := keys[i]
		v := &builds[k.inst].intervals[slot[i]]
		if v.Start.IsZero() {
			v.Start = time.Unix(k.start, 0).UTC()
		}
		v.Channels[k.ch] = loads[i]
	}
	for i, in := range rd.insts {
		b := builds[i]
		if len(b.intervals) == 0 {
			continue
		}
		slices.SortFunc(b.intervals, func(x, y traffic.Interval) int { return x.Start.Compare(y.Start) })
		res.Series.Instances = append(res.Series.Instances, traffic.Instance{Name: in.name, ARN: in.arn, Intervals: b.intervals})
	}
	slices.SortFunc(res.Series.Instances, func(x, y traffic.Instance) int { return strings.Compare(x.Name, y.Name) })
	return res
}

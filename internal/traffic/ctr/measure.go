package ctr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// batchSize is the text a worker parses at a time (a batch grows when one
// record is longer); a variable for tests.
var batchSize = 1 << 20

// releaseEvery is how many bytes of a mapped file are read between two
// releases of its pages.
const releaseEvery = 4 << 20

// A source is read as JSON lines (one record a line, positions by line) or as a
// stream of concatenated values (positions by byte offset).
const (
	modeUnknown = iota
	modeLines
	modeStream
)

// span is one record of a stream batch, as the reader delimited it.
type span struct {
	start, end int
	bad        bool // not JSON: msg says why, at pos
	pos        int
	msg        string
}

// item is one record a worker read: a contact to de-duplicate.
type item struct {
	arn, id []byte // into the batch's text (or copied when unescaped)
	uuid    bool   // id is a UUID, in e.id
	h       uint64 // the table's hash of e.id, set by the merge
	e       entry
}

// batch is a piece of one source: whole records, parsed by one worker and merged
// in sequence.
type batch struct {
	_    [64]byte // two workers write to two batches: not on a shared cache line
	seq  int64
	src  int
	buf  []byte
	data []byte
	mode int
	// lines: newlines counts the newlines in data, and problems' Line is
	// relative to data[0] (1 for its first line) until the merge adds the lines
	// before it
	newlines int64
	off      int64 // the byte offset of data[0] in the source
	// stream: the records
	spans []span
	// release, when set, is called once the batch is merged (a mapped file drops
	// the pages read)
	release func()

	// what the worker read
	items    []item
	records  int64
	problems int64
	kinds    [numProblemKinds]int64
	samples  []traffic.Problem
	_        [64]byte
}

// reset empties what the worker read, to use the batch again.
func (b *batch) reset() {
	b.items = b.items[:0]
	b.samples = b.samples[:0]
	b.spans = b.spans[:0]
	b.records, b.problems, b.newlines = 0, 0, 0
	b.release = nil
	b.kinds = [numProblemKinds]int64{}
}

type measurer struct {
	o       Options
	sources []traffic.Source

	free chan *batch
	work chan *batch
	done chan *batch

	nbatch int

	mu      sync.Mutex
	readErr error
	unmaps  []func()
}

func (m *measurer) setErr(err error) {
	m.mu.Lock()
	if m.readErr == nil {
		m.readErr = err
	}
	m.mu.Unlock()
}

// faulted turns a fault reading a mapped file (cut short while read) into an
// error; deferred by every goroutine that reads the text.
func (m *measurer) faulted() {
	if v := recover(); v != nil {
		// A memory fault, under debug.SetPanicOnFault, panics with an error
		// that has the faulting address.
		if err, ok := v.(interface{ Addr() uintptr }); ok {
			m.setErr(&traffic.ReadError{Err: fmt.Errorf("a file changed while read (it was cut short?): %v", err)})
			return
		}
		panic(v)
	}
}

// readMapped cuts a mapped file into batches.
func (m *measurer) readMapped(k int, data []byte) error {
	eof := len(data) <= batchSize
	mode := detectMode(data[:min(len(data), batchSize)], eof)
	if mode == modeUnknown {
		mode = detectMode(data, true)
	}
	sc := &scanner{}
	resync := false
	dropped := 0
	for pos := 0; pos < len(data); {
		b := <-m.free
		b.spans = b.spans[:0]
		end := min(pos+batchSize, len(data))
		cut := 0
		for {
			eof := end == len(data)
			if mode == modeLines {
				cut = end - pos
				if !eof {
					cut = bytes.LastIndexByte(data[pos:end], '\n') + 1
				}
			} else {
				b.spans = b.spans[:0]
				cut, resync = streamSpans(sc, data[pos:end], eof, resync, &b.spans)
			}
			if cut > 0 || eof {
				break
			}
			end = min(pos+2*(end-pos), len(data)) // one record longer than a batch
		}
		b.seq = int64(m.nbatch)
		m.nbatch++
		b.src, b.mode, b.off, b.data = k, mode, int64(pos), data[pos:pos+cut]
		pos += cut
		upTo := pos
		b.release = func() {
			// Pages read are given back every few megabytes: each madvise
			// is a system call, and the pages held meanwhile count in RSS.
			if upTo-dropped >= releaseEvery || upTo == len(data) {
				dropPages(data, dropped, upTo)
				dropped = upTo / os.Getpagesize() * os.Getpagesize()
			}
		}
		m.work <- b
	}
	return nil
}

// Measure reads contact records from the sources and measures each quota's
// concurrency per instance. Bad records are counted and sampled in the result;
// a source that cannot be read stops it with an error naming the file (a
// *traffic.ReadError).
func Measure(sources []traffic.Source, o Options) (*Result, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	m := &measurer{o: o, sources: sources}
	nb := 2*o.Workers + 2
	m.free = make(chan *batch, nb)
	m.work = make(chan *batch, nb)
	m.done = make(chan *batch, nb)
	for range nb {
		m.free <- &batch{}
	}
	started := time.Now()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	go m.read()
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			debug.SetPanicOnFault(true)
			w := newWorker(o)
			for b := range m.work {
				func() {
					defer m.faulted()
					w.parse(m.sources[b.src].Name, b)
				}()
				m.done <- b
			}
		}()
	}
	go func() { wg.Wait(); close(m.done) }()

	t := newTally(o, len(sources))
	t.table.reserve(expectedContacts(sources))
	pending := map[int64]*batch{}
	next := int64(0)
	lastProgress := started
	for b := range m.done {
		pending[b.seq] = b
		for {
			b, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			func() {
				defer m.faulted()
				t.merge(b)
			}()
			if b.release != nil {
				b.release()
			}
			b.reset()
			m.free <- b
		}
		if o.Progress != nil {
			if now := time.Now(); now.Sub(lastProgress) >= 250*time.Millisecond {
				lastProgress = now
				o.Progress(Progress{Bytes: t.bytes, Records: t.records, Elapsed: now.Sub(started)})
			}
		}
	}
	for _, unmap := range m.unmaps {
		unmap()
	}
	if m.readErr != nil {
		return nil, m.readErr
	}
	res := t.result()
	for _, s := range sources {
		res.Sources = append(res.Sources, s.Name)
	}
	if o.Progress != nil {
		o.Progress(Progress{Bytes: t.bytes, Records: t.records, Elapsed: time.Since(started)})
	}
	return res, nil
}

// expectedContacts guesses how many contacts the plain files hold, to size the
// de-duplication table once instead of doubling it: contact records run about
// 2 KB each. A guess too low only leaves the table to grow.
func expectedContacts(sources []traffic.Source) int {
	var size int64
	for _, s := range sources {
		if s.IsStdin() || s.IsGzip() {
			continue
		}
		if fi, err := os.Stat(s.Name); err == nil {
			size += fi.Size()
		}
	}
	return int(min(size/2048, 1<<26))
}

// read cuts every source into batches, in order, and closes work.
func (m *measurer) read() {
	defer close(m.work)
	debug.SetPanicOnFault(true)
	defer m.faulted()
	for k, src := range m.sources {
		if err := m.readSource(k, src); err != nil {
			m.setErr(err)
			return
		}
	}
}

func readError(name string, err error) error {
	var re *traffic.ReadError
	if errors.As(err, &re) {
		return re
	}
	return &traffic.ReadError{Err: fmt.Errorf("%s: %w", name, err)}
}

func (m *measurer) readSource(k int, src traffic.Source) error {
	if !src.IsStdin() && !src.IsGzip() {
		if data, unmap, ok := mapFile(src.Name); ok {
			m.mu.Lock()
			m.unmaps = append(m.unmaps, unmap)
			m.mu.Unlock()
			return m.readMapped(k, data)
		}
	}
	rc, err := src.Open()
	if err != nil {
		return &traffic.ReadError{Err: err}
	}
	defer rc.Close()
	mode := modeUnknown
	off := int64(0)
	sc := &scanner{}
	resync := false // stream: skipping to the next '{' after a malformed value
	cur := <-m.free
	if cap(cur.buf) < batchSize {
		cur.buf = make([]byte, 0, batchSize)
	}
	data := cur.buf[:0]
	eof := false
	for {
		if len(data) == cap(data) {
			n := 2 * cap(data)
			if n < batchSize {
				n = batchSize
			}
			grown := make([]byte, len(data), n)
			copy(grown, data)
			data = grown
			cur.buf = grown
		}
		// Fill the buffer (or reach the end).
		for len(data) < cap(data) && !eof {
			n, err := rc.Read(data[len(data):cap(data)])
			data = data[:len(data)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				m.free <- cur
				return readError(src.Name, err)
			}
		}
		if mode == modeUnknown {
			mode = detectMode(data, eof)
			if mode == modeUnknown {
				continue
			}
		}
		cut := len(data)
		cur.spans = cur.spans[:0]
		if mode == modeLines {
			if !eof {
				cut = bytes.LastIndexByte(data, '\n') + 1
			}
		} else {
			cut, resync = streamSpans(sc, data, eof, resync, &cur.spans)
		}
		if cut == 0 && !eof {
			continue // one record longer than the buffer: grow it
		}
		nxt := <-m.free
		if cap(nxt.buf) < batchSize {
			nxt.buf = make([]byte, 0, batchSize)
		}
		nxt.buf = append(nxt.buf[:0], data[cut:]...)
		cur.seq = int64(m.nbatch)
		m.nbatch++
		cur.src, cur.mode, cur.off, cur.data = k, mode, off, data[:cut]
		off += int64(cut)
		m.work <- cur
		cur, data = nxt, nxt.buf
		if eof && len(data) == 0 {
			m.free <- cur
			return nil
		}
	}
}

// detectMode tells JSON lines from concatenated values by the first record: a
// source is lines when its first value ends on its first line and nothing but
// white space follows it on that line (or when it is not JSON at all).
func detectMode(data []byte, eof bool) int {
	sc := &scanner{b: data}
	i := sc.ws(0)
	if i == len(data) {
		if eof {
			return modeLines
		}
		return modeUnknown
	}
	j := sc.value(i)
	if j < 0 {
		if sc.err.end && !eof {
			if bytes.IndexByte(data[i:], '\n') >= 0 {
				return modeStream // the first value spans lines
			}
			if len(data) == cap(data) {
				return modeStream // no newline in a whole buffer
			}
			return modeUnknown
		}
		return modeLines
	}
	if bytes.IndexByte(data[i:j], '\n') >= 0 {
		return modeStream
	}
	for ; j < len(data); j++ {
		switch data[j] {
		case '\n':
			return modeLines
		case ' ', '\t', '\r':
		default:
			return modeStream
		}
	}
	if eof {
		return modeLines
	}
	return modeUnknown
}

// streamSpans delimits the whole values in data, returning where the last ends.
// After a malformed value it resumes at the next '{' (resync carries that state
// to the next buffer).
func streamSpans(sc *scanner, data []byte, eof, resync bool, spans *[]span) (int, bool) {
	sc.b = data
	i := 0
	for {
		if resync {
			k := bytes.IndexByte(data[i:], '{')
			if k < 0 {
				return len(data), true
			}
			i += k
			resync = false
		}
		i = sc.ws(i)
		if i == len(data) {
			return i, false
		}
		sc.depth = 0
		j := sc.value(i)
		if j >= 0 {
			*spans = append(*spans, span{start: i, end: j})
			i = j
			continue
		}
		if sc.err.end && !eof {
			return i, false
		}
		e := sc.err
		next := e.pos
		if next <= i {
			next = i + 1
		}
		if next > len(data) {
			next = len(data)
		}
		*spans = append(*spans, span{start: i, end: next, bad: true, pos: e.pos, msg: e.msg})
		i = next
		resync = true
	}
}

// worker parses batches.
type worker struct {
	_  [64]byte // written all the time: never on a cache line with another's
	o  Options
	sc scanner
	r  rec
	_  [64]byte
}

func newWorker(o Options) *worker { return &worker{o: o} }

func (w *worker) problem(b *batch, kind int, p traffic.Problem) {
	b.problems++
	b.kinds[kind]++
	if len(b.samples) < w.o.MaxSamples {
		b.samples = append(b.samples, p)
	}
}

// add classifies the record just read: an item, or a problem at the position.
func (w *worker) add(b *batch, name string, line, off int64) {
	c, kind, msg := classify(&w.r, w.o.PostCallFactor)
	if kind >= 0 {
		w.problem(b, kind, traffic.Problem{File: name, Line: line, Offset: off, Message: msg})
		return
	}
	it := item{arn: w.r.arn, id: w.r.id, e: pack(&c)}
	it.e.id, it.uuid = parseUUID(it.id)
	if len(w.sc.scratch) > 0 { // unescaped text lives in scratch: copy it
		it.arn = bytes.Clone(it.arn)
		it.id = bytes.Clone(it.id)
	}
	b.items = append(b.items, it)
}

func (w *worker) parse(name string, b *batch) {
	sc := &w.sc
	if b.mode == modeStream {
		for _, s := range b.spans {
			b.records++
			off := b.off + int64(s.start)
			if s.bad {
				msg := fmt.Sprintf("not JSON: %s (at byte %d)", s.msg, b.off+int64(s.pos))
				w.problem(b, pMalformed, traffic.Problem{File: name, Offset: off, Message: msg})
				continue
			}
			sc.b = b.data[:s.end]
			j, notObject := sc.record(s.start, &w.r)
			switch {
			case notObject:
				w.problem(b, pMalformed, traffic.Problem{File: name, Offset: off, Message: "not a JSON object"})
			case j < 0: // cannot happen: the reader checked the value
				w.problem(b, pMalformed, traffic.Problem{File: name, Offset: off, Message: "not JSON: " + sc.err.msg})
			default:
				w.add(b, name, 0, off)
			}
		}
		return
	}
	data := b.data
	ln := int64(1)
	defer func() { b.newlines = ln - 1 }()
	for start := 0; start < len(data); ln++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		text := data[start:end]
		sc.b = text
		for i := 0; ; {
			if i < len(text) && text[i] <= ' ' {
				i = sc.ws(i)
			}
			if i >= len(text) {
				break
			}
			b.records++
			j, notObject := sc.record(i, &w.r)
			if j < 0 {
				p := traffic.Problem{File: name, Line: ln, Column: sc.err.pos + 1, Message: "not JSON: " + sc.err.msg}
				w.problem(b, pMalformed, p)
				break
			}
			if notObject {
				w.problem(b, pMalformed, traffic.Problem{File: name, Line: ln, Column: i + 1, Message: "not a JSON object"})
			} else {
				w.add(b, name, ln, 0)
			}
			i = j
		}
		start = end + 1
	}
}

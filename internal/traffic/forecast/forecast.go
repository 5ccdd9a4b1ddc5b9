// Package forecast reads interval forecast files into a traffic.Series and
// writes connectcap's own forecast CSV.
//
// Three kinds of file are read, each recognised by its header:
//
//   - connectcap's own CSV (what WriteCSV writes): a header naming, in any order,
//     interval_start, interval_minutes, channel, contacts and
//     handle_time_seconds, and optionally instance, instance_arn, queue,
//     time_in_connect_seconds, contacts_handled, post_call_share,
//     realtime_share, post_chat_share, voice_id_share and peak_concurrency.
//   - the CSV of Amazon Connect forecasting (QueueName, QueueId, ChannelType,
//     TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime,
//     ContactsHandled).
//   - any other interval grid, through a column mapping (Options.Columns), with or
//     without a header.
//
// The loads of every queue of an instance and channel are pooled interval by
// interval: see Read.
package forecast

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/connectcap/connectcap/internal/traffic"
)

// Format is a kind of forecast file.
type Format string

// The formats read.
const (
	Connectcap    Format = "connectcap"     // connectcap's own CSV
	AmazonConnect Format = "amazon-connect" // Amazon Connect forecasting's CSV
	Mapped        Format = "mapped"         // another grid, through Options.Columns
)

// Options say how to read forecast files.
type Options struct {
	// Location is the time zone of interval starts written without an offset;
	// nil is UTC.
	Location *time.Location
	// Instance names the instance of rows that name none; "" is "default".
	Instance string
	// Growth multiplies contacts, contacts handled and peaks (1.2 for 20 % more);
	// 0 is 1.
	Growth float64
	// Columns maps connectcap's column names (or the aliases start, minutes,
	// handle, connect, handled) to the header names or #N positions of another
	// grid, as ParseColumns reads them. Set, every file whose header holds the
	// mapped columns (or every file, with NoHeader) is read through it.
	Columns map[string]string
	// NoHeader says the files have no header: the mapping gives positions (#N).
	NoHeader bool
	// Delimiter separates fields; 0 detects it from the first line among comma,
	// semicolon, tab and pipe.
	Delimiter rune
	// TimeFormat is the layout of interval starts in mapped files, in the
	// notation of WFM tools (yyyyMMdd HH:mm, MM/dd/yyyy HH:mm, dd.MM.yyyy HH:mm:
	// see GoLayout); "" tries the usual ones.
	TimeFormat string
	// IntervalMinutes is the interval length of mapped files without an interval
	// length column.
	IntervalMinutes int
	// Channel, when HasChannel, is the channel of mapped rows without one.
	Channel    traffic.Channel
	HasChannel bool
}

// File is one file read.
type File struct {
	Name   string // the source's name ("-" for standard input)
	Format Format
	Rows   int64
}

// Result is what the files hold, pooled.
type Result struct {
	Series traffic.Series
	Files  []File
	Rows   int64
	// HandleStandsIn says some rows gave no time in Connect: their handle time
	// stands in for it.
	HandleStandsIn bool
}

// stdinName names standard input in messages.
const stdinName = "stdin"

// Read reads the sources in order and pools their rows into one Series.
//
// For each instance, channel and interval the rows of all queues pool so:
// contacts are summed; the handle time is the average weighted by contacts
// handled when every row gives them, else by contacts; the time in Connect is
// the contact-weighted average, a row without one counting its handle time
// (HandleStandsIn is then set); contacts handled are summed (HasHandled only if
// every row gave them); each share is the average weighted by the contacts of the
// rows that gave it (rows without it are left out, not counted as 0); peaks are
// summed (HasPeak if any row gave one), which bounds the pooled peak from above,
// as queues need not peak together. Growth then multiplies contacts, contacts
// handled and peaks.
//
// Rows of different interval lengths pool on the greatest length dividing them
// all (the smallest, when each divides the next): a longer row is spread evenly
// over its sub-intervals, its contacts and contacts handled divided among them,
// its times, shares and peak the same in each. Loads without contacts or a peak
// are dropped, and with them intervals and instances left empty.
//
// Bad input stops the read with a *traffic.Error naming file, line and column
// (the column is the field's number, 1-based; for malformed CSV the character
// position csv reports); a source that cannot be read returns its error (a
// *traffic.ReadError for a truncated gzip stream).
func Read(sources []traffic.Source, o Options) (*Result, error) {
	rd, err := newReader(o)
	if err != nil {
		return nil, err
	}
	if len(sources) == 0 {
		return nil, errors.New("no forecast file given")
	}
	for _, src := range sources {
		if err := rd.readSource(src); err != nil {
			return nil, err
		}
	}
	if err := rd.checkOverlaps(); err != nil {
		return nil, err
	}
	return rd.result(), nil
}

type reader struct {
	o       Options
	zone    zone
	growth  float64
	mapping [numCols][]ref
	mapped  bool
	layout  string // Go layout from Options.TimeFormat

	files    []File
	display  []string // file names in messages
	startCol []int    // per file, the 1-based column of the interval start
	rows     int64
	standsIn bool
	instIDs  map[string]int32
	insts    []instInfo
	queueIDs map[string]int32
	queues   []string
	pairIDs  map[uint64]int32             // instance<<32 | queue: index in pairs
	pairs    [][traffic.NumChannels]int32 // series of an instance and queue, -1: none
	series   []seriesInfo
	groupIDs map[groupKey]int32
	groups   []group
	accs     []acc
	accKeys  []accKey
	// overlapsPossible says some row started before the end of an earlier row
	// of its series: only then are the runs sorted and checked.
	overlapsPossible bool
	amb              map[ambKey]bool
	step             int64 // seconds: the greatest common divisor of lengths and starts

	lastInst      string
	lastInstID    int32
	lastQueue     string
	lastQueueID   int32
	lastPair      uint64
	lastPairID    int32
	haveLastInst  bool
	haveLastQueue bool
}

type instInfo struct {
	name, arn string
	arnFile   int32
	arnLine   int64
}

type seriesKey struct {
	inst, queue int32
	ch          traffic.Channel
}

type seriesInfo struct {
	key      seriesKey
	runs     []run
	maxEnd   int64
	unsorted bool
	// group is the accumulators' group of the last interval length, gDur
	// (seconds; 0 before the first row).
	group int32
	gDur  int32
}

// run is rows of one series, for overlap detection: n rows of one file and
// length, each starting where the one before ends, stride lines apart. A file
// listing interval after interval holds one run per series.
type run struct {
	start, line, stride int64
	n, dur, file        int32
}

func (r *run) end() int64 { return r.start + int64(r.n)*int64(r.dur) }

// row k of the run: its start and line.
func (r *run) row(k int64) span {
	return span{start: r.start + k*int64(r.dur), line: r.line + k*r.stride, dur: r.dur, file: r.file}
}

// span is one row's interval.
type span struct {
	start, line int64
	dur, file   int32
}

// group holds the accumulators of one instance, channel and interval length,
// by start.
type group struct {
	ids       map[int64]int32
	lastStart int64
	lastID    int32
}

type groupKey struct {
	inst, dur int32
	ch        traffic.Channel
}

type accKey struct {
	start int64
	inst  int32
	dur   int32
	ch    traffic.Channel
}

type ambKey struct {
	series int32
	wall   int64
}

func newReader(o Options) (*reader, error) {
	rd := &reader{
		o:        o,
		instIDs:  map[string]int32{},
		queueIDs: map[string]int32{},
		pairIDs:  map[uint64]int32{},
		groupIDs: map[groupKey]int32{},
		lastPair: math.MaxUint64, // no pair: ids are below 2^31
	}
	if rd.o.Location == nil {
		rd.o.Location = time.UTC
	}
	rd.zone = zone{loc: rd.o.Location, utc: rd.o.Location == time.UTC || rd.o.Location.String() == "UTC"}
	if rd.o.Instance == "" {
		rd.o.Instance = "default"
	}
	if o.Growth < 0 || math.IsNaN(o.Growth) || math.IsInf(o.Growth, 0) {
		return nil, fmt.Errorf("growth %v: give a factor above 0 (1.2 for 20 %% more)", o.Growth)
	}
	rd.growth = cmp.Or(o.Growth, 1) // 0 is no growth given
	if o.IntervalMinutes != 0 && !minutesOK(o.IntervalMinutes) {
		return nil, fmt.Errorf("%s", minutesMessage(fmt.Sprintf("%d minutes", o.IntervalMinutes), o.IntervalMinutes))
	}
	if o.HasChannel && (o.Channel < 0 || o.Channel >= traffic.NumChannels) {
		return nil, fmt.Errorf("channel %d is not known: accepted: %s", int(o.Channel), strings.Join(traffic.ChannelNames(), ", "))
	}
	if o.Delimiter != 0 && (o.Delimiter == '"' || o.Delimiter == '\r' || o.Delimiter == '\n' || !utf8.ValidRune(o.Delimiter) || o.Delimiter == utf8.RuneError) {
		return nil, fmt.Errorf("delimiter %q cannot separate fields", o.Delimiter)
	}
	if o.TimeFormat != "" {
		l, err := GoLayout(o.TimeFormat)
		if err != nil {
			return nil, err
		}
		rd.layout = l
	}
	if o.NoHeader && len(o.Columns) == 0 {
		return nil, errors.New("files without a header need a column mapping: give start=#N,contacts=#N,handle=#N")
	}
	if len(o.Columns) > 0 {
		rd.mapped = true
		for k, v := range o.Columns {
			c, ok := colByName(strings.ToLower(strings.TrimSpace(k)))
			if !ok {
				return nil, fmt.Errorf("column mapping key %q is not known: accepted keys: %s", k, acceptedKeys())
			}
			refs, err := parseRefs(strings.TrimSpace(v))
			if err != nil {
				return nil, fmt.Errorf("column mapping key %s: %v", k, err)
			}
			if whole := strings.TrimSpace(v); !strings.HasPrefix(whole, "#") {
				// A header name may itself hold +: keep the whole name first (for
				// a plain name, the name again).
				refs = append([]ref{{name: whole, pos: -1}}, refs...)
			}
			rd.mapping[c] = refs
		}
		for _, c := range mappedRequired {
			if rd.mapping[c] == nil {
				return nil, fmt.Errorf("the column mapping gives no %s column: map it (keys: %s)", colNames[c], acceptedKeys())
			}
		}
		if rd.mapping[cMinutes] == nil && o.IntervalMinutes == 0 {
			return nil, errors.New("the column mapping gives no interval_minutes column: map it or give the interval length (15 or 30 minutes)")
		}
		if rd.mapping[cChannel] == nil && !o.HasChannel {
			return nil, fmt.Errorf("the column mapping gives no channel column: map it or give the channel (%s)", strings.Join(traffic.ChannelNames(), ", "))
		}
	}
	return rd, nil
}

var bom = []byte{0xef, 0xbb, 0xbf}

// peekLine returns the first line with content (within 64 KiB) without
// consuming it.
func peekLine(br *bufio.Reader) []byte {
	for n := 512; ; n *= 2 {
		b, err := br.Peek(n)
		rest := b
		// Blank lines before the header are skipped, as encoding/csv skips
		// them: the delimiter is guessed from the first line with content.
		for {
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				break
			}
			if line := rest[:i]; len(bytes.TrimSpace(line)) > 0 {
				return line
			}
			rest = rest[i+1:]
		}
		if err != nil || n >= br.Size() {
			return rest
		}
	}
}

// detectDelimiter picks the most frequent of comma, semicolon, tab and pipe
// outside quotes in the first line (comma when none is there).
func detectDelimiter(line []byte) rune {
	var count [4]int
	cands := [4]byte{',', ';', '\t', '|'}
	quoted := false
	for _, c := range line {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		for i, d := range cands {
			if c == d {
				count[i]++
			}
		}
	}
	best := 0
	for i := 1; i < 4; i++ {
		if count[i] > count[best] {
			best = i
		}
	}
	return rune(cands[best])
}

func (rd *reader) readSource(src traffic.Source) error {
	rc, err := src.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	display := src.Name
	if src.IsStdin() {
		display = stdinName
	}
	br := bufio.NewReaderSize(rc, 64<<10)
	if p, _ := br.Peek(len(bom)); bytes.Equal(p, bom) {
		if _, err := br.Discard(len(bom)); err != nil {
			return err
		}
	}
	first := peekLine(br)
	delim := rd.o.Delimiter
	if delim == 0 {
		delim = detectDelimiter(first)
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.ReuseRecord = true
	f := &fileReader{rd: rd, cr: cr, name: display, file: int32(len(rd.files))}
	rd.files = append(rd.files, File{Name: src.Name})
	rd.display = append(rd.display, display)
	rd.startCol = append(rd.startCol, 0)
	return f.read()
}

// fileReader reads one file.
type fileReader struct {
	rd     *reader
	cr     *csv.Reader
	name   string
	file   int32
	format Format
	// idx holds each value's field (-1: absent; -2: several, in multi).
	idx       [numCols]int
	multi     [numCols][]int
	labels    [numCols]string
	queueName int // Amazon Connect's QueueName when QueueId keys the queue
	fields    int
	last      string // the mapped layout that read the last start
	row       row
	// lines are the line of each field of the record being added (the line of
	// the record's first field, for all, when the record is on one line).
	line   int64
	fieldL []int64
	free   chan *recordBatch
}

type row struct {
	st                stamp
	minutes           int
	inst, arn         string
	queue, queueLabel string
	ch                traffic.Channel
	load              traffic.Load
	startField        int
}

func (f *fileReader) fail(line int64, field int, msg string) error {
	return &traffic.Error{Problem: traffic.Problem{File: f.name, Line: line, Column: field + 1, Message: msg}}
}

func (f *fileReader) failAt(field int, msg string) error {
	return f.fail(f.lineOf(max(field, 0)), field, msg)
}

// lineOf is the line of a field of the record being added.
func (f *fileReader) lineOf(field int) int64 {
	if field < len(f.fieldL) {
		return f.fieldL[field]
	}
	return f.line
}

// setLines records where the record just read lies, before another is read.
func (f *fileReader) setLines(n int) { f.line, f.fieldL = linesOf(f.cr, n, f.fieldL[:0]) }

// linesOf is the line of the record just read, and, when a quoted field spans
// lines, the line of each of its n fields (appended to buf).
func linesOf(cr *csv.Reader, n int, buf []int64) (int64, []int64) {
	first, _ := cr.FieldPos(0)
	last, _ := cr.FieldPos(max(n-1, 0))
	if last == first {
		return int64(first), buf
	}
	for i := range n {
		l, _ := cr.FieldPos(i)
		buf = append(buf, int64(l))
	}
	return int64(first), buf
}

func (f *fileReader) csvError(err error, rec []string) error {
	var re *traffic.ReadError
	if errors.As(err, &re) {
		return err
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &traffic.ReadError{Err: fmt.Errorf("%s: %w", f.name, err)}
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		what := "the header has"
		if f.rd.o.NoHeader {
			what = "the first line has"
		}
		msg = fmt.Sprintf("the line has %d fields, %s %d", len(rec), what, f.fields)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a bare " in an unquoted field: quote the whole field and double the " inside`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a quoted field is not closed, or a " after a closing quote: double a " inside quotes`
	}
	return &traffic.Error{Problem: traffic.Problem{File: f.name, Line: int64(pe.Line), Column: pe.Column, Message: msg}}
}

func (f *fileReader) read() error {
	rec, err := f.cr.Read()
	if err == io.EOF {
		return f.fail(1, -1, "the file is empty: a forecast file needs a header and rows")
	}
	if err != nil {
		return f.csvError(err, rec)
	}
	f.fields = len(rec)
	f.setLines(len(rec))
	data, err := f.header(rec)
	if err != nil {
		return err
	}
	f.rd.files[f.file].Format = f.format
	f.rd.startCol[f.file] = f.startColumn()
	rows := int64(0)
	if data {
		if err := f.add(rec); err != nil {
			return err
		}
		rows++
	}
	// One goroutine splits the records while this one parses and pools them:
	// encoding/csv takes about half the time of a row.
	batches, stop := f.records()
	defer stop()
	for b := range batches {
		for i := range b.n {
			f.line, f.fieldL = b.lines[i], b.fieldLines[i]
			if err := f.add(b.fields[b.start[i]:b.start[i+1]]); err != nil {
				return err
			}
			rows++
		}
		if b.err != nil {
			return b.err
		}
		f.free <- b
	}
	if rows == 0 {
		return f.fail(1, -1, "the file has a header and no rows")
	}
	f.rd.files[f.file].Rows = rows
	f.rd.rows += rows
	return nil
}

// recordBatch is records split from the file, with their lines; err ends the
// file (after the records before it).
type recordBatch struct {
	n          int
	fields     []string
	start      []int
	lines      []int64
	fieldLines [][]int64
	err        error
}

const batchRecords = 1024

// records splits the file's records on their own goroutine, a batch at a time.
// stop ends it early (a bad row).
func (f *fileReader) records() (<-chan *recordBatch, func()) {
	out := make(chan *recordBatch, 4)
	f.free = make(chan *recordBatch, 6)
	for range 6 {
		f.free <- &recordBatch{}
	}
	done := make(chan struct{})
	go func() {
		defer close(out)
		for {
			var b *recordBatch
			select {
			case b = <-f.free:
			case <-done:
				return
			}
			b.n, b.fields, b.start, b.lines, b.fieldLines, b.err = 0, b.fields[:0], append(b.start[:0], 0), b.lines[:0], b.fieldLines[:0], nil
			last := false
			for b.n < batchRecords {
				rec, err := f.cr.Read()
				if err == io.EOF {
					last = true
					break
				}
				if err != nil {
					b.err, last = f.csvError(err, rec), true
					break
				}
				// encoding/csv with ReuseRecord reuses the slice, not the
				// strings: the fields are kept by copying the slice only.
				b.fields = append(b.fields, rec...)
				b.start = append(b.start, len(b.fields))
				line, fl := linesOf(f.cr, len(rec), nil)
				b.lines = append(b.lines, line)
				b.fieldLines = append(b.fieldLines, fl)
				b.n++
			}
			select {
			case out <- b:
			case <-done:
				return
			}
			if last {
				return
			}
		}
	}()
	return out, func() {
		close(done)
		for range out { // let the splitter finish its send
		}
	}
}

func (f *fileReader) startColumn() int {
	if i := f.idx[cStart]; i >= 0 {
		return i + 1
	}
	return f.multi[cStart][0] + 1 // every layout has a start: one column or several
}

// header reads the first record and sets the file's layout; data says the
// record is a row (files without a header).
func (f *fileReader) header(rec []string) (data bool, err error) {
	for i := range f.idx {
		f.idx[i] = -1
	}
	f.queueName = -1
	names := make([]string, len(rec))
	for i, h := range rec {
		names[i] = strings.TrimSpace(h)
	}
	rd := f.rd
	if rd.o.NoHeader {
		return true, f.mapColumns(nil)
	}
	var mapErr error
	if rd.mapped {
		if mapErr = f.mapColumns(names); mapErr == nil {
			return false, nil
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, colNames[cStart]) {
			return false, f.ownColumns(names)
		}
	}
	for _, n := range names {
		for _, a := range []string{"IncomingContactVolume", "TimeStamp", "IntervalDuration"} {
			if strings.EqualFold(n, a) {
				return false, f.amazonColumns(names)
			}
		}
	}
	if mapErr != nil {
		return false, mapErr
	}
	return false, f.fail(1, -1, fmt.Sprintf("the header is neither connectcap's forecast CSV (%s, ...) nor Amazon Connect forecasting's (%s): map another export's columns, such as start=Date and Time,contacts=Contacts Offered,handle=Average Handle Time",
		strings.Join(colNames[:], ", "), strings.Join(amazonNames, ", ")))
}

func (f *fileReader) ownColumns(names []string) error {
	f.format = Connectcap
	for i, n := range names {
		c := slices.Index(colNames[:], n)
		if c < 0 {
			return f.fail(1, i, fmt.Sprintf("unknown column %q: connectcap's forecast CSV has the columns %s (names in lower case)", n, strings.Join(colNames[:], ", ")))
		}
		if f.idx[c] >= 0 {
			return f.fail(1, i, fmt.Sprintf("column %s is given twice (columns %d and %d)", n, f.idx[c]+1, i+1))
		}
		f.idx[c] = i
		f.labels[c] = n
	}
	for _, c := range ownRequired {
		if f.idx[c] < 0 {
			return f.fail(1, -1, fmt.Sprintf("missing column %s: connectcap's forecast CSV needs the columns %s", colNames[c], strings.Join(colNamesOf(ownRequired), ", ")))
		}
	}
	return nil
}

func colNamesOf(cs []col) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = colNames[c]
	}
	return out
}

// The Amazon Connect forecasting columns, and the columns of its exports that
// connectcap reads past.
var (
	amazonNames = []string{"QueueName", "QueueId", "ChannelType", "TimeStamp", "IntervalDuration",
		"IncomingContactVolume", "AverageHandleTime", "ContactsHandled"}
	amazonCols    = []col{cQueue, cQueueID, cChannel, cStart, cMinutes, cContacts, cHandle, cHandled}
	amazonIgnored = []string{"ForecastGroupName", "ForecastGroupId"}
)

func (f *fileReader) amazonColumns(names []string) error {
	f.format = AmazonConnect
	queueID := -1
	for i, n := range names {
		known := false
		for j, an := range amazonNames {
			if !strings.EqualFold(n, an) {
				continue
			}
			known = true
			c := amazonCols[j]
			if c == cQueueID {
				if queueID >= 0 {
					return f.fail(1, i, fmt.Sprintf("column %s is given twice", n))
				}
				queueID = i
				continue
			}
			if f.idx[c] >= 0 {
				return f.fail(1, i, fmt.Sprintf("column %s is given twice", n))
			}
			f.idx[c] = i
			f.labels[c] = an
		}
		if !known && !slices.ContainsFunc(amazonIgnored, func(s string) bool { return strings.EqualFold(s, n) }) {
			return f.fail(1, i, fmt.Sprintf("unknown column %q: Amazon Connect forecasting's CSV has the columns %s (and %s, not read)",
				n, strings.Join(amazonNames, ", "), strings.Join(amazonIgnored, ", ")))
		}
	}
	if queueID >= 0 {
		// The id keys the queue; the name labels it in messages.
		f.queueName = f.idx[cQueue]
		f.idx[cQueue] = queueID
	}
	for j, an := range amazonNames {
		c := amazonCols[j]
		if c == cQueueID || c == cQueue || c == cHandled {
			continue
		}
		if f.idx[c] < 0 {
			return f.fail(1, -1, fmt.Sprintf("missing column %s: Amazon Connect forecasting's CSV needs the columns ChannelType, TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime and QueueName or QueueId", an))
		}
	}
	if f.idx[cQueue] < 0 {
		return f.fail(1, -1, "missing column QueueName or QueueId: Amazon Connect forecasting's CSV names each row's queue")
	}
	return nil
}

// mapColumns resolves the mapping against the header (nil: no header).
func (f *fileReader) mapColumns(names []string) error {
	f.format = Mapped
	rd := f.rd
	for c := range numCols {
		refs := rd.mapping[c]
		if refs == nil {
			continue
		}
		value := rd.o.Columns[colNames[c]]
		for k, v := range rd.o.Columns {
			if cc, _ := colByName(strings.ToLower(strings.TrimSpace(k))); cc == c {
				value = v
			}
		}
		fields, err := f.resolve(names, refs)
		if err != "" {
			return f.fail(1, -1, fmt.Sprintf("column mapping %s=%s: %s", colNames[c], strings.TrimSpace(value), err))
		}
		if c != cStart && c != cContacts && c != cHandle && c != cConnect && c != cHandled && c != cPeak && len(fields) > 1 {
			return f.fail(1, -1, fmt.Sprintf("column mapping %s=%s: only the start (joined) and number columns (summed) take several columns", colNames[c], strings.TrimSpace(value)))
		}
		if len(fields) == 1 {
			f.idx[c] = fields[0]
		} else {
			f.idx[c] = -2
			f.multi[c] = fields
		}
		label := strings.TrimSpace(value)
		if names != nil && len(fields) == 1 {
			label = names[fields[0]]
		}
		f.labels[c] = label
	}
	return nil
}

func (f *fileReader) resolve(names []string, refs []ref) ([]int, string) {
	if refs[0].pos == -1 {
		// The whole value as one header name, else its parts.
		if i := findName(names, refs[0].name); i >= 0 {
			return []int{i}, ""
		}
		refs = refs[1:]
	}
	var out []int
	for _, r := range refs {
		if r.pos > 0 {
			if r.pos > f.fields {
				return nil, fmt.Sprintf("#%d: the file has %d columns", r.pos, f.fields)
			}
			out = append(out, r.pos-1)
			continue
		}
		if names == nil {
			return nil, fmt.Sprintf("%q: the file has no header: give columns by position (#1 is the first)", r.name)
		}
		i := findName(names, r.name)
		if i < 0 {
			return nil, fmt.Sprintf("the header has no column %q (it has %s)", r.name, quoteAll(names))
		}
		out = append(out, i)
	}
	return out, ""
}

func findName(names []string, n string) int {
	for i, h := range names {
		if h == n {
			return i
		}
	}
	for i, h := range names {
		if strings.EqualFold(h, n) {
			return i
		}
	}
	return -1
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// cell is a text value of the row, trimmed; field is where it is.
func (f *fileReader) cell(rec []string, c col) (string, int) {
	i := f.idx[c]
	if i >= 0 {
		return trim(rec[i]), i
	}
	if i == -1 { // not a column of the file
		return "", i
	}
	parts := make([]string, 0, len(f.multi[c]))
	for _, j := range f.multi[c] {
		if s := trim(rec[j]); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " "), f.multi[c][0]
}

// number reads a number column: given says the cell was not empty.
func (f *fileReader) number(rec []string, c col, share bool) (v float64, given bool, err error) {
	i := f.idx[c]
	if i == -1 {
		return 0, false, nil
	}
	if i >= 0 {
		s := trim(rec[i])
		if s == "" {
			return 0, false, nil
		}
		var msg string
		if share {
			v, msg = parseShare(f.labels[c], s)
		} else {
			v, msg = parseNumber(f.labels[c], s)
		}
		if msg != "" {
			return 0, false, f.failAt(i, msg)
		}
		return v, true, nil
	}
	for _, j := range f.multi[c] {
		s := trim(rec[j])
		if s == "" {
			continue
		}
		x, msg := parseNumber(f.labels[c]+" (column "+fmt.Sprint(j+1)+")", s)
		if msg != "" {
			return 0, false, f.failAt(j, msg)
		}
		v += x
		given = true
	}
	return v, given, nil
}

func (f *fileReader) required(rec []string, c col) (float64, error) {
	v, given, err := f.number(rec, c, false)
	if err != nil {
		return 0, err
	}
	if !given {
		_, field := f.cell(rec, c)
		return 0, f.failAt(field, fmt.Sprintf("%s is empty: give a number", f.labels[c]))
	}
	return v, nil
}

var shareCols = [4]col{cPostCall, cRealtime, cPostChat, cVoiceID}

// parse reads the record into f.row.
func (f *fileReader) parse(rec []string) error {
	rd := f.rd
	r := &f.row
	*r = row{}
	s, field := f.cell(rec, cStart)
	r.startField = field
	if s == "" {
		return f.failAt(field, fmt.Sprintf("%s is empty: give the interval's start", f.labels[cStart]))
	}
	st, ok := parseStamp(s, f.format == Mapped, rd.layout, &f.last)
	if !ok {
		accepted := ownFormats
		if f.format == Mapped {
			accepted = mappedFormats(rd.layout, rd.o.TimeFormat)
		}
		return f.failAt(field, fmt.Sprintf("%s %q is not a time: accepted: %s", f.labels[cStart], s, accepted))
	}
	r.st = st
	if f.idx[cMinutes] == -1 {
		r.minutes = rd.o.IntervalMinutes
	} else {
		s, field := f.cell(rec, cMinutes)
		if s == "" {
			if rd.o.IntervalMinutes == 0 {
				return f.failAt(field, fmt.Sprintf("%s is empty: give the interval length in minutes", f.labels[cMinutes]))
			}
			r.minutes = rd.o.IntervalMinutes
		} else {
			m, msg := parseMinutes(s)
			if msg != "" {
				return f.failAt(field, msg)
			}
			r.minutes = m
		}
	}
	r.inst, _ = f.cell(rec, cInstance)
	r.arn, _ = f.cell(rec, cARN)
	r.queue, _ = f.cell(rec, cQueue)
	r.queueLabel = r.queue
	if f.queueName >= 0 {
		r.queueLabel = trim(rec[f.queueName])
		if r.queue == "" {
			r.queue = r.queueLabel
		}
	}
	l := &r.load
	if s, field := f.cell(rec, cChannel); s == "" {
		if !rd.o.HasChannel {
			return f.failAt(field, fmt.Sprintf("%s is empty: give one of %s", f.labels[cChannel], strings.Join(traffic.ChannelNames(), ", ")))
		}
		r.ch = rd.o.Channel
	} else {
		ch, ok := parseChannel(s)
		if !ok {
			return f.failAt(field, channelMessage(s))
		}
		r.ch = ch
	}
	var err error
	if l.Contacts, err = f.required(rec, cContacts); err != nil {
		return err
	}
	if l.HandleSeconds, err = f.required(rec, cHandle); err != nil {
		return err
	}
	var given bool
	if l.ConnectSeconds, given, err = f.number(rec, cConnect, false); err != nil {
		return err
	}
	if !given {
		l.ConnectSeconds = l.HandleSeconds
		l.HandleStandsIn = true
	}
	if l.Handled, l.HasHandled, err = f.number(rec, cHandled, false); err != nil {
		return err
	}
	for i, c := range shareCols {
		v, given, err := f.number(rec, c, true)
		if err != nil {
			return err
		}
		if given {
			setShare(&l.Shares, i, v)
		}
	}
	if l.Peak, l.HasPeak, err = f.number(rec, cPeak, false); err != nil {
		return err
	}
	return nil
}

func setShare(s *traffic.Shares, i int, v float64) {
	switch i {
	case 0:
		s.PostCall = v
	case 1:
		s.Realtime = v
	case 2:
		s.PostChat = v
	case 3:
		s.VoiceID = v
	}
	s.Has |= 1 << i
}

func getShare(s *traffic.Shares, i int) float64 {
	switch i {
	case 0:
		return s.PostCall
	case 1:
		return s.Realtime
	case 2:
		return s.PostChat
	}
	return s.VoiceID
}

package forecast

import (
	"fmt"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// stamp is an interval start as read: the wall clock it names (seconds since
// 1970-01-01 00:00 of that wall clock) and, when the text carried a zone (Z or
// an offset), the instant.
type stamp struct {
	wall, instant int64
	zoned         bool
}

// The layouts tried for mapped files, after the fixed ones of the own format.
var mappedLayouts = []string{
	"01/02/2006 15:04",
	"1/2/2006 15:04",
	"1/2/2006 15:04:05",
	"1/2/2006 3:04 PM",
	"1/2/2006 3:04:05 PM",
	"20060102 15:04",
	"20060102 15:04:05",
}

const ownFormats = "2026-03-02T10:00:00Z, 2026-03-02T10:00:00+01:00 (RFC 3339), or local time in the time zone given: 2026-03-02T10:00:00, 2026-03-02 10:00:00, 2026-03-02 10:00"

// parseZ reads the fixed layout YYYY-MM-DDTHH:MM:SSZ without the time package.
func parseZ(s string) (int64, bool) {
	if len(s) != 20 || s[19] != 'Z' {
		return 0, false
	}
	return parseWall(s[:19])
}

// parseWall reads YYYY-MM-DD[T ]HH:MM[:SS] as seconds of that wall clock.
func parseWall(s string) (int64, bool) {
	if len(s) != 16 && len(s) != 19 {
		return 0, false
	}
	if s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	mo, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	h, ok4 := digits(s[11:13])
	mi, ok5 := digits(s[14:16])
	sec, ok6 := 0, true
	if len(s) == 19 {
		if s[16] != ':' {
			return 0, false
		}
		sec, ok6 = digits(s[17:19])
	}
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > int(traffic.DaysIn(int64(y), int64(mo))) || h > 23 || mi > 59 || sec > 59 {
		return 0, false
	}
	return traffic.DaysFromCivil(int64(y), int64(mo), int64(d))*86400 + int64(h*3600+mi*60+sec), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, true
}

func fromTime(t time.Time, zoned bool) stamp {
	_, off := t.Zone()
	u := t.Unix()
	if !zoned {
		return stamp{wall: u}
	}
	return stamp{wall: u + int64(off), instant: u, zoned: true}
}

// parseStamp reads an interval start: the fixed layouts first, then RFC 3339
// with an offset, then (mapped files) the layout given or the usual WFM ones.
// layout, when not empty, is the only local layout tried besides RFC 3339.
func parseStamp(s string, mapped bool, layout string, last *string) (stamp, bool) {
	if u, ok := parseZ(s); ok {
		return stamp{wall: u, instant: u, zoned: true}, true
	}
	if layout == "" {
		if u, ok := parseWall(s); ok {
			return stamp{wall: u}, true
		}
	}
	if len(s) >= 20 && s[4] == '-' {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return fromTime(t, true), true
		}
	}
	if !mapped {
		return stamp{}, false
	}
	if layout != "" {
		t, err := time.Parse(layout, s)
		if err != nil {
			return stamp{}, false
		}
		return fromTime(t, false), true
	}
	if *last != "" {
		if t, err := time.Parse(*last, s); err == nil {
			return fromTime(t, false), true
		}
	}
	for _, l := range mappedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			*last = l
			return fromTime(t, false), true
		}
	}
	return stamp{}, false
}

func mappedFormats(layout, planner string) string {
	if layout != "" {
		return fmt.Sprintf("%s (the time format given), or RFC 3339 (2026-03-02T10:00:00Z)", planner)
	}
	return ownFormats + ", 03/02/2026 10:00 (month first), 3/2/2026 10:00:00 AM, 20260302 10:00; or give the time format (such as dd.MM.yyyy HH:mm)"
}

// GoLayout turns a time format in the notation of WFM tools and spreadsheets
// (yyyy, yy, MM, M, dd, d, HH, H, hh, h, mm, ss, tt for AM/PM; T and text in
// single quotes literal, as are punctuation and spaces) into a Go layout: "yyyyMMdd HH:mm" is "20060102 15:04", "dd.MM.yyyy
// HH:mm" is "02.01.2006 15:04". mm is minutes and MM months, as in those tools.
func GoLayout(f string) (string, error) {
	tokens := []struct{ from, to string }{
		{"yyyy", "2006"}, {"yy", "06"}, {"MM", "01"}, {"M", "1"}, {"dd", "02"}, {"d", "2"},
		{"HH", "15"}, {"H", "15"}, {"hh", "03"}, {"h", "3"}, {"mm", "04"}, {"m", "4"},
		{"ss", "05"}, {"s", "5"}, {"tt", "PM"},
	}
	var b strings.Builder
	has := map[byte]bool{}
	for i := 0; i < len(f); {
		matched := false
		for _, t := range tokens {
			if strings.HasPrefix(f[i:], t.from) {
				b.WriteString(t.to)
				has[t.from[0]] = true
				i += len(t.from)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := f[i]
		if c == '\'' {
			end := strings.IndexByte(f[i+1:], '\'')
			if end < 0 {
				return "", fmt.Errorf("time format %q: a quote ' is not closed", f)
			}
			lit := f[i+1 : i+1+end]
			if strings.ContainsAny(lit, "0123456789") {
				return "", fmt.Errorf("time format %q: digits are not allowed", f)
			}
			b.WriteString(lit)
			i += end + 2
			continue
		}
		// T, the date and time separator, stays as it is; other letters and
		// digits are refused.
		if c != 'T' && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", fmt.Errorf("time format %q: %q is not a field: use yyyy, yy, MM, M, dd, d, HH, H, hh, h, mm, ss, tt", f, string(c))
		}
		if c >= '0' && c <= '9' {
			return "", fmt.Errorf("time format %q: digits are not allowed (use yyyy, MM, dd, HH, mm, ss)", f)
		}
		b.WriteByte(c)
		i++
	}
	if !has['y'] || !has['M'] || !has['d'] || !(has['H'] || has['h']) {
		return "", fmt.Errorf("time format %q: needs a year (yyyy), month (MM), day (dd) and hour (HH)", f)
	}
	return b.String(), nil
}

// zone resolves local wall clocks to instants in one location.
type zone struct {
	loc *time.Location
	utc bool
}

func (z zone) offsetAt(u int64) (int64, string) {
	name, off := time.Unix(u, 0).In(z.loc).Zone()
	return int64(off), name
}

// candidates are the instants showing wall in the zone: none (the clocks went
// forward over it), one, or two (the clocks went back: early then late).
func (z zone) candidates(wall int64) (early, late int64, n int) {
	if z.utc {
		return wall, wall, 1
	}
	var offs [3]int64
	offs[0], _ = z.offsetAt(wall - 86400)
	offs[1], _ = z.offsetAt(wall)
	offs[2], _ = z.offsetAt(wall + 86400)
	var found [3]int64
	for _, o := range offs {
		u := wall - o
		if got, _ := z.offsetAt(u); got != o {
			continue
		}
		dup := false
		for _, f := range found[:n] {
			dup = dup || f == u
		}
		if !dup {
			found[n] = u
			n++
		}
	}
	switch n {
	case 0:
		return 0, 0, 0
	case 1:
		return found[0], found[0], 1
	}
	early, late = found[0], found[1]
	for _, f := range found[1:n] {
		early, late = min(early, f), max(late, f)
	}
	return early, late, 2
}

// gapMessage says why wall does not exist in the zone.
func (z zone) gapMessage(value string, wall int64) string {
	before, bn := z.offsetAt(wall - 86400)
	after, an := z.offsetAt(wall + 86400)
	return fmt.Sprintf("%q does not exist in %s: clocks go forward %d minutes there (%s to %s)", value, z.loc, (after-before)/60, bn, an)
}

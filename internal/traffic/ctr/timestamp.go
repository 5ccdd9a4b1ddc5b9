package ctr

import "github.com/connectcap/connectcap/internal/traffic"

// Timestamps are accepted from 1970 to 2099: nanoseconds since the epoch then
// fit an int64 with a bit to spare (the sweep packs a start/end flag into it).
const (
	minYear = 1970
	maxYear = 2099
)

// lastDate is the date part (yyyy-mm-dd) of the last timestamp parsed, and its
// day number: a record's timestamps mostly fall on the same day as the
// previous one's, and then the date is not read again.
type lastDate struct {
	text [10]byte
	days int64
	ok   bool
}

// parse reads a UTC timestamp yyyy-mm-ddThh:mm:ssZ, with optionally 1 to 9
// digits of fraction before the Z, as nanoseconds since the Unix epoch.
func (d *lastDate) parse(b []byte) (int64, bool) {
	if len(b) < 20 || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[len(b)-1] != 'Z' {
		return 0, false
	}
	days := d.days
	if !d.ok || string(b[:10]) != string(d.text[:]) {
		if b[4] != '-' || b[7] != '-' {
			return 0, false
		}
		year, ok1 := digits(b[0:4])
		month, ok2 := digits(b[5:7])
		day, ok3 := digits(b[8:10])
		if !(ok1 && ok2 && ok3) || year < minYear || year > maxYear || month < 1 || month > 12 || day < 1 || day > traffic.DaysIn(year, month) {
			return 0, false
		}
		days = traffic.DaysFromCivil(year, month, day)
		copy(d.text[:], b[:10])
		d.days, d.ok = days, true
	}
	hour, ok4 := digits(b[11:13])
	minute, ok5 := digits(b[14:16])
	sec, ok6 := digits(b[17:19])
	if !(ok4 && ok5 && ok6) {
		return 0, false
	}
	var frac int64
	if len(b) > 20 {
		f := b[19 : len(b)-1]
		if f[0] != '.' || len(f) < 2 || len(f) > 10 {
			return 0, false
		}
		v, ok := digits(f[1:])
		if !ok {
			return 0, false
		}
		for k := len(f) - 1; k < 9; k++ {
			v *= 10
		}
		frac = v
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	return ((days*24+hour)*60+minute)*60*1e9 + sec*1e9 + frac, true
}

func digits(b []byte) (int64, bool) {
	var v int64
	for _, c := range b {
		if c-'0' >= 10 {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

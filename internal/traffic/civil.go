package traffic

// The calendar arithmetic of the hand-written timestamp parsers of forecast
// files and contact records: faster than the time package for the fixed
// layouts they read, and exact for the proleptic Gregorian calendar.

// DaysIn is the number of days in month m (1-12) of year y.
func DaysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DaysFromCivil is the number of days from 1970-01-01 to y-m-d (proleptic
// Gregorian), after Howard Hinnant's days_from_civil.
func DaysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // rounded toward zero; the era is the floor
	if y%400 < 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

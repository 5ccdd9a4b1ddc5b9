package calc_test

import (
	"math"
	"testing"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/tables"
)

// The page's "Derive Concurrent post-call analytics jobs" table: duration, calls per
// hour, and the approximate concurrent jobs it prints. ceil is the whole number of
// jobs to plan for.
func TestPostCallJobsPageTable(t *testing.T) {
	tests := []struct {
		durationMinutes, callsPerHour float64
		page, ceil                    float64
	}{
		{5, 1000, 33, 34},
		{10, 500, 33, 34},
		{10, 1000, 67, 67},
		{10, 3000, 200, 200},
	}
	for _, tt := range tests {
		jobs := calc.PostCallJobs(tt.durationMinutes, tt.callsPerHour)
		if got := math.Round(jobs); got != tt.page {
			t.Errorf("Round(PostCallJobs(%v, %v)) = %v, page says %v", tt.durationMinutes, tt.callsPerHour, got, tt.page)
		}
		if got := calc.CeilWhole(jobs); got != tt.ceil {
			t.Errorf("CeilWhole(PostCallJobs(%v, %v)) = %v, want %v", tt.durationMinutes, tt.callsPerHour, got, tt.ceil)
		}
		// The formula as the page writes it, evaluated independently.
		want := tt.durationMinutes * 0.4 * tt.callsPerHour / 60
		if math.Abs(jobs-want) > 1e-12*want {
			t.Errorf("PostCallJobs(%v, %v) = %v, want %v", tt.durationMinutes, tt.callsPerHour, jobs, want)
		}
	}
}

func TestOfferedLoad(t *testing.T) {
	tests := []struct{ perHour, minutes, want float64 }{
		{200, 3, 10}, // 100 calls per 30 minutes, 180 s each
		{0, 5, 0},
		{3000, 10, 500},
		{60, 1, 1},
	}
	for _, tt := range tests {
		if got := calc.OfferedLoad(tt.perHour, tt.minutes); got != tt.want {
			t.Errorf("OfferedLoad(%v, %v) = %v, want %v", tt.perHour, tt.minutes, got, tt.want)
		}
	}
}

// The page's Voice ID table, read through Interpolate: every printed row exactly,
// through the origin below the first row and along the last segment above the last.
func TestInterpolateVoiceIDTable(t *testing.T) {
	tests := []struct{ callsPerHour, sessions float64 }{
		{1000, 50},
		{5000, 250},
		{10000, 500},
		{20000, 1000},
		{50000, 2500},
		{0, 0},
		{500, 25},
		{3000, 150},
		{7500, 375},
		{15000, 750},
		{35000, 1750},
		{60000, 3000},
		{100000, 5000},
	}
	for _, tt := range tests {
		if got := calc.Interpolate(tables.VoiceIDSessions, tt.callsPerHour); got != tt.sessions {
			t.Errorf("Interpolate(VoiceIDSessions, %v) = %v, want %v", tt.callsPerHour, got, tt.sessions)
		}
	}
}

func TestInterpolateShapes(t *testing.T) {
	one := []calc.Point{{X: 1000, Y: 50}}
	two := []calc.Point{{X: 10, Y: 10}, {X: 20, Y: 40}}
	tests := []struct {
		name   string
		points []calc.Point
		x      float64
		want   float64
	}{
		{"empty table", nil, 5, 0},
		{"one point, below", one, 500, 25},
		{"one point, above: the line through the origin", one, 2000, 100},
		{"below first point", two, 5, 5},
		{"between", two, 15, 25},
		{"above last: last segment extended", two, 30, 70},
	}
	for _, tt := range tests {
		if got := calc.Interpolate(tt.points, tt.x); got != tt.want {
			t.Errorf("%s: Interpolate(%v, %v) = %v, want %v", tt.name, tt.points, tt.x, got, tt.want)
		}
	}
}

func TestCeilWhole(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want float64
	}{
		{"zero", 0, 0},
		{"whole", 200, 200},
		{"float noise above a whole number", math.Nextafter(200, 300), 200},
		{"float noise below a whole number", math.Nextafter(200, 0), 200},
		{"the shrinkage trap 21/(1-0.30)", 21 / (1 - 0.30), 30},
		{"page row 10 min, 3000 cph", 10 * 0.4 * 3000 / 60, 200},
		{"a third", 100.0 / 3, 34},
		{"just over half", 0.5, 1},
		{"small fraction", 0.01, 1},
		{"fraction above whole", 200.1, 201},
		{"fraction below whole", 199.9, 200},
		{"a millionth above", 7.000001, 8},
		{"noise far below one", 1e-12, 0},
		{"large whole", 1e9, 1e9},
		{"large with half", 1e6 + 0.5, 1e6 + 1},
		{"a real fraction at a large size", 671999731.2, 671999732},
		{"a millionth above a million", 1e6 + 1e-6, 1e6 + 1},
	}
	for _, tt := range tests {
		if got := calc.CeilWhole(tt.x); got != tt.want {
			t.Errorf("%s: CeilWhole(%v) = %v, want %v", tt.name, tt.x, got, tt.want)
		}
	}
}

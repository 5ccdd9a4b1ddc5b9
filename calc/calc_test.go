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

func TestUtilization(t *testing.T) {
	tests := []struct{ required, limit, want float64 }{
		{200, 250, 80},
		{200, 200, 100},
		{0, 10, 0},
		{15, 10, 150},
	}
	for _, tt := range tests {
		if got := calc.Utilization(tt.required, tt.limit); got != tt.want {
			t.Errorf("Utilization(%v, %v) = %v, want %v", tt.required, tt.limit, got, tt.want)
		}
	}
	for _, limit := range []float64{0, -1} {
		if got := calc.Utilization(1, limit); !math.IsInf(got, 1) {
			t.Errorf("Utilization(1, %v) = %v, want +Inf", limit, got)
		}
	}
}

func TestRecommended(t *testing.T) {
	tests := []struct{ required, targetPct, want float64 }{
		{200, 80, 250},
		{201, 80, 252}, // 251.25
		{0, 80, 1},     // a quota is at least 1
		{1, 80, 2},
		{8, 80, 10},
		{24, 80, 30},
		{21, 70, 30},
		{100, 100, 100},
		{34, 80, 43}, // 42.5
		{67, 90, 75}, // 74.44
	}
	for _, tt := range tests {
		if got := calc.Recommended(tt.required, tt.targetPct); got != tt.want {
			t.Errorf("Recommended(%v, %v) = %v, want %v", tt.required, tt.targetPct, got, tt.want)
		}
	}
}

// The recommended quota is never below the need, is whole, and holds the need at or
// below the target; one less would put it above the target.
func TestRecommendedProperties(t *testing.T) {
	for _, target := range []float64{50, 70, 75, 80, 85, 90, 95, 99, 100} {
		for required := 0.0; required <= 3000; required++ {
			rec := calc.Recommended(required, target)
			if rec < required {
				t.Fatalf("Recommended(%v, %v) = %v, below the need", required, target, rec)
			}
			if rec != math.Trunc(rec) {
				t.Fatalf("Recommended(%v, %v) = %v, not whole", required, target, rec)
			}
			// Integer arithmetic: rec·target ≥ 100·required > (rec−1)·target.
			r, tg, rc := int64(required), int64(target), int64(rec)
			if rc*tg < 100*r {
				t.Fatalf("Recommended(%v, %v) = %v puts the need above the target", required, target, rec)
			}
			if required > 0 && (rc-1)*tg >= 100*r {
				t.Fatalf("Recommended(%v, %v) = %v is not the smallest (%v also holds it)", required, target, rec, rc-1)
			}
		}
	}
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name                    string
		required, limit, target float64
		canRaise                bool
		want                    calc.Status
	}{
		{"well below target", 10, 100, 80, true, calc.OK},
		{"just below target", 79, 100, 80, true, calc.OK},
		{"just below target, fraction", 79.999, 100, 80, false, calc.OK},
		{"at target", 80, 100, 80, true, calc.Warn},
		{"at target, not whole percentages", 56, 70, 80, true, calc.Warn},
		{"at target, 200 of 250", 200, 250, 80, true, calc.Warn},
		{"between target and limit", 90, 100, 80, false, calc.Warn},
		{"at 100 %", 100, 100, 80, true, calc.Warn},
		{"at 100 %, cannot raise", 6, 6, 80, false, calc.Warn},
		{"above 100 %, can raise", 101, 100, 80, true, calc.Increase},
		{"above 100 %, cannot raise", 101, 100, 80, false, calc.HardLimit},
		{"just above 100 %, cannot raise", 6.5, 6, 80, false, calc.HardLimit},
		{"zero need", 0, 10, 80, true, calc.OK},
		{"target 100: below", 99, 100, 100, true, calc.OK},
		{"target 100: at", 100, 100, 100, true, calc.Warn},
	}
	for _, tt := range tests {
		if got := calc.Grade(tt.required, tt.limit, tt.target, tt.canRaise); got != tt.want {
			t.Errorf("%s: Grade(%v, %v, %v, %v) = %q, want %q", tt.name, tt.required, tt.limit, tt.target, tt.canRaise, got, tt.want)
		}
	}
}

func TestStatusSeverity(t *testing.T) {
	order := []calc.Status{calc.OK, calc.Warn, calc.Increase, calc.HardLimit}
	for i, s := range order {
		if got := s.Severity(); got != i {
			t.Errorf("%q.Severity() = %d, want %d", s, got, i)
		}
	}
	if got := calc.Status("unknown").Severity(); got != 0 {
		t.Errorf("unknown status severity = %d, want 0", got)
	}
	want := map[calc.Status]string{calc.OK: "ok", calc.Warn: "warn", calc.Increase: "increase", calc.HardLimit: "hard-limit"}
	for s, name := range want {
		if string(s) != name {
			t.Errorf("status %q, want %q", s, name)
		}
	}
}

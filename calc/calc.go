// Package calc holds connectcap's models: pure functions from numbers to numbers,
// with no I/O. Every formula cites its source: the Amazon Connect service quotas page
// or the queueing notes (Erlang B and C, Poisson).
package calc

import (
	"cmp"
	"math"
	"slices"
)

// wholeTolerance absorbs float64 noise before rounding up to a whole number: a value
// such as 200.00000000000003 that stands for 200 must not round up to 201. The
// models' rounding errors are a few units in the last place (about 1e-15
// relative); 1e-12 is well above them and well below any real fraction of the
// sizes connectcap accepts (671,999,731.2 still rounds up).
const wholeTolerance = 1e-12

// CeilWhole returns the smallest whole number at or above x, treating x as exact
// when it lies within a relative 1e-12 of a whole number.
func CeilWhole(x float64) float64 {
	r := math.Round(x)
	if math.Abs(x-r) <= wholeTolerance*math.Max(1, math.Abs(x)) {
		return r
	}
	return math.Ceil(x)
}

// PostCallJobShare is the page's "the time to complete a post-contact analytics job
// is about 40% of the call length".
const PostCallJobShare = 0.4

// PostCallJobs is the page's formula for concurrent Contact Lens post-call analytics
// jobs: (average call duration in minutes) × 0.4 × (calls per hour) / 60.
func PostCallJobs(durationMinutes, callsPerHour float64) float64 {
	// 0.4 / 60 = 1/150: dividing by 150 keeps whole inputs exact in float64,
	// where multiplying by 0.4 first gives 48.00000000000001 for 6 min at 1200.
	return durationMinutes * callsPerHour / (60 / PostCallJobShare)
}

// OfferedLoad is the traffic in erlangs of contacts arriving at perHour and staying
// durationMinutes each: A = λ·T.
func OfferedLoad(perHour, durationMinutes float64) float64 {
	return perHour * durationMinutes / 60
}

// Point is one row of a derivation table: X in, Y out.
type Point struct{ X, Y float64 }

// Interpolate reads a table piecewise-linearly: through the origin below its first
// point, along its segments between points, and along its last segment's line above
// its last point. points must be sorted by X with X > 0.
func Interpolate(points []Point, x float64) float64 {
	if len(points) == 0 {
		return 0
	}
	i, found := slices.BinarySearchFunc(points, x, func(p Point, x float64) int {
		return cmp.Compare(p.X, x)
	})
	if found {
		return points[i].Y // a table point: its own value, exactly
	}
	if i == len(points) {
		i-- // above the last point: along the last segment's line
	}
	if i == 0 {
		return along(Point{}, points[0], x) // below the first point, or a one-point table
	}
	return along(points[i-1], points[i], x)
}

// along is the value at x on the line through p and q.
func along(p, q Point, x float64) float64 {
	return p.Y + (q.Y-p.Y)*(x-p.X)/(q.X-p.X)
}

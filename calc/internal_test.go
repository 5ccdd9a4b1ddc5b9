package calc

import (
	"math"
	"testing"
)

// The smallest normal float64 is still a blocking the recursion can carry on from:
// with A·B = 2^-1022 the denominator n + A·B rounds to 1 and the step returns
// 2^-1022 itself; only below it does a blocking count as 0.
func TestErlangBStepSmallestNormal(t *testing.T) {
	if got := erlangBStep(0x1p-1022, 1, 1); got != 0x1p-1022 {
		t.Errorf("erlangBStep(2^-1022, 1, 1) = %v, want 2^-1022", got)
	}
	if got := erlangBStep(0x1p-1023, 1, 1); got != 0 {
		t.Errorf("erlangBStep(2^-1023, 1, 1) = %v, want 0 (subnormal)", got)
	}
}

// maxLoad against roots of B(N, A) = ε computed with mpmath at 40 digits (200
// bisections of the same recursion in exact-enough arithmetic), and the number of
// O(N) Erlang B evaluations it needs. Newton on ln B against ln A gains digits
// quadratically: from A = N it needs one evaluation at N, five or six steps and one
// or two float64 steps at the end. A broken step, start or stop shows up as more
// evaluations, a wrong answer, or no end at all.
func TestMaxLoadAgainstMpmath(t *testing.T) {
	tests := []struct {
		n        int
		blocking float64
		root     float64
		maxEvals int
	}{
		{1, 1e-9, 1.000000001000000001e-9, 6},
		{15, 0.01, 8.108042797184451857621361, 8},
		{100, 0.01, 84.06415889394775159071412, 8},
		{1000, 0.5, 1998.00397625229214459393, 12},
		{50000, 0.001, 49735.22190615590030406769, 7},
		{50000, 1e-9, 48809.80887411925436810132, 10},
		{50000, 0.5, 99998.00007999040204739606, 13},
		{2, 0.2, 1, 7},
		{10000, 0.05, 10506.9845686272517412814, 8},
	}
	for _, tt := range tests {
		evals := 0
		got := maxLoad(tt.n, tt.blocking, func(n int, a float64) float64 {
			evals++
			if evals > 1000 {
				t.Fatalf("maxLoad(%d, %v): no end after 1000 evaluations", tt.n, tt.blocking)
			}
			return ErlangB(n, a)
		})
		if e := math.Abs(got-tt.root) / tt.root; e > 1e-12 {
			t.Errorf("maxLoad(%d, %v) = %.17g, root %.17g (relative error %.2g)", tt.n, tt.blocking, got, tt.root, e)
		}
		if evals > tt.maxEvals {
			t.Errorf("maxLoad(%d, %v) took %d Erlang B evaluations, want at most %d", tt.n, tt.blocking, evals, tt.maxEvals)
		}
	}
}

// The evaluation budget over a grid of N from 1 to 50,000 and ε from 1e-9 to 0.5:
// at most 13 for any one, 3,503 for the 432 together (the three-stage search this
// replaced made 10,401, up to 80 for one).
func TestMaxLoadEvaluations(t *testing.T) {
	eps := []float64{1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5}
	ns := []int{1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000, 10000, 20000, 30000, 50000}
	total := 0
	for _, e := range eps {
		for _, n := range ns {
			evals := 0
			a := maxLoad(n, e, func(n int, a float64) float64 {
				evals++
				if evals > 1000 {
					t.Fatalf("maxLoad(%d, %v): no end after 1000 evaluations", n, e)
				}
				return ErlangB(n, a)
			})
			if evals > 13 {
				t.Errorf("maxLoad(%d, %v) took %d evaluations, want at most 13", n, e, evals)
			}
			total += evals
			// The answer meets the target and the next float64 up does not.
			if b := ErlangB(n, a); b > e {
				t.Errorf("maxLoad(%d, %v) = %v with B = %v > ε", n, e, a, b)
			}
			if b := ErlangB(n, math.Nextafter(a, math.Inf(1))); b <= e {
				t.Errorf("maxLoad(%d, %v) = %v, but the next float64 up has B = %v ≤ ε", n, e, a, b)
			}
		}
	}
	if total > 3503 {
		t.Errorf("maxLoad over the grid took %d evaluations, want at most 3503", total)
	}
}

package calc_test

import (
	"math"
	"testing"

	"github.com/connectcap/connectcap/calc"
)

// erlangBSum is Erlang B from the truncated exponential series, independent of the
// recursion under test: 1/B(N, A) = Σ_{k=0..N} (A^k/k!)/(A^N/N!) = Σ_{j=0..N} t_j with
// t_0 = 1, t_j = t_{j−1}·(N−j+1)/A. The terms are positive and are added smallest
// first, so the sum holds to a few ulps. It is for loads where no term overflows.
func erlangBSum(t *testing.T, n int, a float64) float64 {
	t.Helper()
	terms := make([]float64, 0, n+1)
	term := 1.0
	terms = append(terms, term)
	for j := 1; j <= n; j++ {
		term *= float64(n-j+1) / a
		if math.IsInf(term, 1) {
			t.Fatalf("erlangBSum(%d, %v): term overflows; choose another case", n, a)
		}
		if term == 0 {
			break
		}
		terms = append(terms, term)
	}
	sum := 0.0
	for i := len(terms) - 1; i >= 0; i-- {
		sum += terms[i]
	}
	return 1 / sum
}

// poissonCDFSum is P(X ≤ k) for X ~ Poisson(a), summed term by term from
// pmf(0) = e^−a. It is for loads small enough that e^−a does not underflow.
func poissonCDFSum(a float64, k int) float64 {
	pmf := math.Exp(-a)
	sum := pmf
	for j := 1; j <= k; j++ {
		pmf *= a / float64(j)
		sum += pmf
	}
	return sum
}

// poissonCDFLog is P(X ≤ k) for large loads, each pmf taken from its logarithm:
// good to about 1e-10 relative at a = 50,000, much finer than the gap between
// neighbouring quantiles.
func poissonCDFLog(a float64, k int) float64 {
	lnA := math.Log(a)
	sum := 0.0
	for j := k; j >= 0; j-- {
		lg, _ := math.Lgamma(float64(j) + 1)
		term := math.Exp(float64(j)*lnA - a - lg)
		sum += term
		if term < 1e-30*sum {
			break
		}
	}
	return sum
}

func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

func TestErlangBPublished(t *testing.T) {
	// B(200, 180) = 0.0103250; an implementation that stops the recursion one short
	// computes B(199, 180) = 0.011592.
	if got := calc.ErlangB(200, 180); math.Abs(got-0.0103250) > 1e-7 {
		t.Errorf("ErlangB(200, 180) = %.7f, want 0.0103250", got)
	}
	// 15 lines at 1 % blocking carry 8.108 erlangs: at 8.108 the blocking is 1 %
	// to the table's precision.
	if got := calc.ErlangB(15, 8.108); math.Abs(got-0.01) > 1e-5 {
		t.Errorf("ErlangB(15, 8.108) = %v, want about 0.01", got)
	}
}

func TestErlangBEdges(t *testing.T) {
	for _, a := range []float64{0, 0.5, 1, 10, 1e6} {
		if got := calc.ErlangB(0, a); got != 1 {
			t.Errorf("ErlangB(0, %v) = %v, want 1", a, got)
		}
	}
	for _, n := range []int{1, 2, 10, 1000} {
		if got := calc.ErlangB(n, 0); got != 0 {
			t.Errorf("ErlangB(%d, 0) = %v, want 0", n, got)
		}
	}
	// Far below float64's range the blocking is 0, not the smallest subnormal
	// 5e-324 that the recursion would stick at once A/n passes 1/2: B(15000, 10000)
	// is about 4e-473.
	for _, tt := range []struct {
		n int
		a float64
	}{{1000, 10}, {15000, 10000}, {150000, 100000}} {
		if got := calc.ErlangB(tt.n, tt.a); got != 0 {
			t.Errorf("ErlangB(%d, %v) = %v, want 0 (far below float64's range)", tt.n, tt.a, got)
		}
	}
	// One server: B = A/(1+A).
	for _, a := range []float64{0.25, 1, 3, 99} {
		if got, want := calc.ErlangB(1, a), a/(1+a); math.Abs(got-want) > 1e-15 {
			t.Errorf("ErlangB(1, %v) = %v, want %v", a, got, want)
		}
	}
	// Two servers: B = (A²/2)/(1 + A + A²/2).
	for _, a := range []float64{0.25, 1, 3, 99} {
		want := a * a / 2 / (1 + a + a*a/2)
		if got := calc.ErlangB(2, a); relErr(got, want) > 1e-14 {
			t.Errorf("ErlangB(2, %v) = %v, want %v", a, got, want)
		}
	}
}

// ErlangB against the series form, from small systems to 50,000 slots.
func TestErlangBAgainstSeries(t *testing.T) {
	tests := []struct {
		n int
		a float64
	}{
		{1, 0.5}, {5, 2}, {15, 8.108}, {50, 40}, {100, 100}, {200, 180}, {199, 180},
		{1000, 950.5}, {10000, 9800}, {10000, 10000},
		{50000, 50000}, {50000, 49000}, {50700, 50000}, {49500, 50000},
	}
	for _, tt := range tests {
		got := calc.ErlangB(tt.n, tt.a)
		want := erlangBSum(t, tt.n, tt.a)
		if e := relErr(got, want); e > 1e-12 {
			t.Errorf("ErlangB(%d, %v) = %.17g, series gives %.17g (relative error %.2g)", tt.n, tt.a, got, want, e)
		}
	}
}

func TestErlangBMonotone(t *testing.T) {
	loads := []float64{0.01, 0.1, 0.5, 1, 2, 5, 8.108, 10, 20, 50, 100, 180, 200, 500, 1000}
	for _, n := range []int{1, 2, 5, 10, 15, 50, 100, 200, 500} {
		prev := -1.0
		for _, a := range loads {
			b := calc.ErlangB(n, a)
			if b < 0 || b > 1 {
				t.Fatalf("ErlangB(%d, %v) = %v, outside [0, 1]", n, a, b)
			}
			if b < prev || (prev > 1e-300 && prev < 1 && b <= prev) {
				t.Errorf("ErlangB(%d, ·) not increasing in load: %v at %v after %v", n, b, a, prev)
			}
			prev = b
		}
	}
	for _, a := range []float64{0.5, 3, 10, 100, 1000} {
		prev := 2.0
		for n := 0; n <= 1200; n++ {
			b := calc.ErlangB(n, a)
			if b > prev || (b > 1e-300 && b >= prev) {
				t.Errorf("ErlangB(·, %v) not decreasing in servers: %v at %d after %v", a, b, n, prev)
				break
			}
			prev = b
		}
	}
}

func TestSmallestServers(t *testing.T) {
	tests := []struct {
		load, blocking float64
		want           int
	}{
		{8.108, 0.01, 15},
		{180, 0.0103250, 200}, // B(200, 180) = 0.010324995
		{180, 0.010324, 201},
		{180, 0.0104, 200},
		{10, 0.001, 21},
		{0, 0.01, 0},
	}
	for _, tt := range tests {
		if got := calc.SmallestServers(tt.load, tt.blocking); got != tt.want {
			t.Errorf("SmallestServers(%v, %v) = %d, want %d", tt.load, tt.blocking, got, tt.want)
		}
	}
}

func TestSmallestServersBracket(t *testing.T) {
	loads := []float64{0.1, 0.5, 1, 2.5, 8.108, 10, 33.3, 100, 180, 500, 1000, 2500, 10000, 50000}
	for _, eps := range []float64{0.1, 0.01, 0.001, 0.0001} {
		prev := 0
		for _, a := range loads {
			n := calc.SmallestServers(a, eps)
			if n < 1 {
				t.Fatalf("SmallestServers(%v, %v) = %d, want at least 1", a, eps, n)
			}
			if b := calc.ErlangB(n, a); b > eps {
				t.Errorf("SmallestServers(%v, %v) = %d but B = %v > ε", a, eps, n, b)
			}
			if b := calc.ErlangB(n-1, a); b <= eps {
				t.Errorf("SmallestServers(%v, %v) = %d but B(%d) = %v ≤ ε already", a, eps, n, n-1, b)
			}
			if n < prev {
				t.Errorf("SmallestServers(·, %v) not monotone in load: %d at %v after %d", eps, n, a, prev)
			}
			prev = n
		}
	}
	// Fine steps of load never lower the answer.
	prev := 0
	for a := 0.05; a <= 300; a += 0.05 {
		n := calc.SmallestServers(a, 0.001)
		if n < prev {
			t.Fatalf("SmallestServers(%v, 0.001) = %d after %d at a smaller load", a, n, prev)
		}
		prev = n
	}
}

func TestMaxLoadPublished(t *testing.T) {
	// The published 8.108 is rounded; compare within its precision.
	if got := calc.MaxLoad(15, 0.01); math.Abs(got-8.108) > 5e-4 {
		t.Errorf("MaxLoad(15, 0.01) = %v, want 8.108 within 5e-4", got)
	}
	if got := calc.MaxLoad(0, 0.01); got != 0 {
		t.Errorf("MaxLoad(0, 0.01) = %v, want 0", got)
	}
}

func TestMaxLoadRoundTrip(t *testing.T) {
	servers := []int{1, 2, 3, 5, 10, 15, 50, 100, 200, 1000, 5000, 50000}
	for _, eps := range []float64{0.2, 0.05, 0.01, 0.001, 0.0001} {
		prev := 0.0
		for _, n := range servers {
			a := calc.MaxLoad(n, eps)
			if !(a > prev) {
				t.Errorf("MaxLoad(·, %v) not increasing in servers: %v at %d after %v", eps, a, n, prev)
			}
			prev = a
			if b := calc.ErlangB(n, a); b > eps {
				t.Errorf("MaxLoad(%d, %v) = %v but B = %v > ε", n, eps, a, b)
			}
			if b := calc.ErlangB(n, a*(1+1e-6)); b <= eps {
				t.Errorf("MaxLoad(%d, %v) = %v is not the largest: B at a·(1+1e-6) = %v ≤ ε", n, eps, a, b)
			}
			if got := calc.SmallestServers(a*(1-1e-9), eps); got > n {
				t.Errorf("SmallestServers(MaxLoad(%d, %v)·(1−1e-9), %v) = %d, want ≤ %d", n, eps, eps, got, n)
			} else if got != n {
				// B(N−1, A) = N·B(N, A)/(A·(1−B(N, A))) is well above ε at this load.
				t.Errorf("SmallestServers(MaxLoad(%d, %v)·(1−1e-9), %v) = %d, want %d", n, eps, eps, got, n)
			}
		}
	}
}

// A = 10 erlangs (100 calls per 30 minutes, 180 s each), 80 % answered in 20 s.
func TestErlangCPublished(t *testing.T) {
	const (
		load   = 10.0
		answer = 20.0
		handle = 180.0
	)
	if got := calc.OfferedLoad(200, 3); got != load {
		t.Fatalf("OfferedLoad(200, 3) = %v, want 10", got)
	}
	tests := []struct {
		agents      int
		c, sl, asa  float64
		cTol, slTol float64
		asaTol      float64
	}{
		{14, 0.17413, 0.88835, 7.8359, 5e-6, 5e-6, 5e-5},
		{13, 0.28527, 0.7956, 17.116, 5e-6, 5e-5, 5e-4},
	}
	for _, tt := range tests {
		if got := calc.ErlangC(tt.agents, load); math.Abs(got-tt.c) > tt.cTol {
			t.Errorf("ErlangC(%d, %v) = %v, want %v", tt.agents, load, got, tt.c)
		}
		if got := calc.ServiceLevel(tt.agents, load, answer, handle); math.Abs(got-tt.sl) > tt.slTol {
			t.Errorf("ServiceLevel(%d, %v, %v, %v) = %v, want %v", tt.agents, load, answer, handle, got, tt.sl)
		}
		if got := calc.AverageSpeedOfAnswer(tt.agents, load, handle); math.Abs(got-tt.asa) > tt.asaTol {
			t.Errorf("AverageSpeedOfAnswer(%d, %v, %v) = %v, want %v", tt.agents, load, handle, got, tt.asa)
		}
	}
	if got := load / 14 * 100; math.Abs(got-71.43) > 5e-3 {
		t.Errorf("occupancy at 14 agents = %v %%, want 71.43 %%", got)
	}
	for _, maxOcc := range []float64{1, 0.9, 0.85, 0.75} {
		if got := calc.AgentsForServiceLevel(load, answer, handle, 0.80, maxOcc); got != 14 {
			t.Errorf("AgentsForServiceLevel(10, 20, 180, 0.80, %v) = %d, want 14", maxOcc, got)
		}
	}
	if got := calc.ScheduledAgents(14, 0.30); got != 20 {
		t.Errorf("ScheduledAgents(14, 0.30) = %d, want 20", got)
	}
}

// The Erlang C forms against the recursion's B taken from the series.
func TestErlangCAgainstSeries(t *testing.T) {
	tests := []struct {
		agents int
		load   float64
	}{{11, 10}, {14, 10}, {25, 20}, {120, 100}, {1050, 1000}}
	for _, tt := range tests {
		n := float64(tt.agents)
		b := erlangBSum(t, tt.agents, tt.load)
		c := n * b / (n - tt.load*(1-b))
		if got := calc.ErlangC(tt.agents, tt.load); relErr(got, c) > 1e-12 {
			t.Errorf("ErlangC(%d, %v) = %v, want %v", tt.agents, tt.load, got, c)
		}
		sl := 1 - c*math.Exp(-(n-tt.load)*15/300)
		if got := calc.ServiceLevel(tt.agents, tt.load, 15, 300); relErr(got, sl) > 1e-12 {
			t.Errorf("ServiceLevel(%d, %v, 15, 300) = %v, want %v", tt.agents, tt.load, got, sl)
		}
		asa := c * 300 / (n - tt.load)
		if got := calc.AverageSpeedOfAnswer(tt.agents, tt.load, 300); relErr(got, asa) > 1e-12 {
			t.Errorf("AverageSpeedOfAnswer(%d, %v, 300) = %v, want %v", tt.agents, tt.load, got, asa)
		}
	}
}

func TestErlangCOverloaded(t *testing.T) {
	tests := []struct {
		agents int
		load   float64
	}{{10, 10}, {9, 10}, {0, 10}, {1, 1}, {100, 150.5}}
	for _, tt := range tests {
		if got := calc.ErlangC(tt.agents, tt.load); got != 1 {
			t.Errorf("ErlangC(%d, %v) = %v, want 1", tt.agents, tt.load, got)
		}
		if got := calc.ServiceLevel(tt.agents, tt.load, 20, 180); got != 0 {
			t.Errorf("ServiceLevel(%d, %v, 20, 180) = %v, want 0", tt.agents, tt.load, got)
		}
		if got := calc.AverageSpeedOfAnswer(tt.agents, tt.load, 180); !math.IsInf(got, 1) {
			t.Errorf("AverageSpeedOfAnswer(%d, %v, 180) = %v, want +Inf", tt.agents, tt.load, got)
		}
	}
	// Just above the load the answers stay finite and in range.
	if asa := calc.AverageSpeedOfAnswer(11, 10.999, 180); asa <= 0 || math.IsInf(asa, 0) {
		t.Errorf("AverageSpeedOfAnswer(11, 10.999, 180) = %v, want finite and positive", asa)
	}
}

func TestAgentsForServiceLevel(t *testing.T) {
	tests := []struct {
		name                                 string
		load, answer, handle, target, maxOcc float64
		want                                 int
	}{
		{"published example", 10, 20, 180, 0.80, 1, 14},
		{"occupancy cap binds", 10, 20, 180, 0.80, 0.7, 15}, // 10/0.7 = 14.29
		// 9.8/0.7 is 14.000000000000002 in float64: 14 agents give exactly 70 %.
		{"occupancy cap, float trap", 9.8, 20, 180, 0.01, 0.7, 14},
		{"whole load needs one more than the load", 10, 20, 180, 0.01, 1, 11},
		{"fractional load", 10.5, 20, 180, 0.01, 1, 11},
		{"tiny load", 0.01, 20, 180, 0.8, 1, 1},
	}
	for _, tt := range tests {
		got := calc.AgentsForServiceLevel(tt.load, tt.answer, tt.handle, tt.target, tt.maxOcc)
		if got != tt.want {
			t.Errorf("%s: AgentsForServiceLevel(%v, %v, %v, %v, %v) = %d, want %d", tt.name, tt.load, tt.answer, tt.handle, tt.target, tt.maxOcc, got, tt.want)
		}
	}
	// The answer meets the target and the cap; one agent fewer misses one of them
	// or leaves no more agents than the load.
	for _, load := range []float64{1, 2.5, 10, 37, 100, 480} {
		for _, target := range []float64{0.5, 0.8, 0.9, 0.95} {
			const answer, handle, maxOcc = 20.0, 240.0, 0.9
			n := calc.AgentsForServiceLevel(load, answer, handle, target, maxOcc)
			if sl := calc.ServiceLevel(n, load, answer, handle); sl < target {
				t.Errorf("AgentsForServiceLevel(%v, …, %v) = %d with SL %v below target", load, target, n, sl)
			}
			if load/float64(n) > maxOcc {
				t.Errorf("AgentsForServiceLevel(%v, …, %v) = %d with occupancy %v above cap", load, target, n, load/float64(n))
			}
			m := n - 1
			if float64(m) > load && load/float64(m) <= maxOcc && calc.ServiceLevel(m, load, answer, handle) >= target {
				t.Errorf("AgentsForServiceLevel(%v, …, %v) = %d, but %d agents already suffice", load, target, n, m)
			}
		}
	}
}

func TestScheduledAgents(t *testing.T) {
	tests := []struct {
		agents    int
		shrinkage float64
		want      int
	}{
		{14, 0.30, 20},
		{21, 0.30, 30}, // 21/(1−0.30) is 30.000000000000004 in float64
		{7, 0.30, 10},
		{28, 0.30, 40},
		{10, 0, 10},
		{1, 0.50, 2},
		{3, 0.33, 5}, // 4.48
		{15, 0.25, 20},
		{0, 0.30, 0},
		{22, 0.30, 32}, // 31.43
	}
	for _, tt := range tests {
		if got := calc.ScheduledAgents(tt.agents, tt.shrinkage); got != tt.want {
			t.Errorf("ScheduledAgents(%d, %v) = %d, want %d", tt.agents, tt.shrinkage, got, tt.want)
		}
	}
}

// PoissonQuantile against the CDF summed term by term: P(X ≤ k−1) < p ≤ P(X ≤ k).
func TestPoissonQuantileAgainstSum(t *testing.T) {
	for _, a := range []float64{0.5, 1, 3, 10, 50, 200} {
		for _, p := range []float64{0.5, 0.9, 0.99, 0.999, 0.9999} {
			k := calc.PoissonQuantile(a, p)
			if k < 0 {
				t.Fatalf("PoissonQuantile(%v, %v) = %d", a, p, k)
			}
			if cdf := poissonCDFSum(a, k); cdf < p {
				t.Errorf("PoissonQuantile(%v, %v) = %d but P(X ≤ %d) = %v < p", a, p, k, k, cdf)
			}
			if k > 0 {
				if cdf := poissonCDFSum(a, k-1); cdf >= p {
					t.Errorf("PoissonQuantile(%v, %v) = %d but P(X ≤ %d) = %v ≥ p already", a, p, k, k-1, cdf)
				}
			}
		}
	}
}

func TestPoissonQuantileKnown(t *testing.T) {
	tests := []struct {
		load, p float64
		want    int
	}{
		{0, 0.999, 0},
		{0.5, 0.5, 0}, // P(X = 0) = e^−0.5 = 0.607
		{0.5, 0.7, 1},
		{1, 0.999, 5},
		{10, 0.999, 21},
	}
	for _, tt := range tests {
		if got := calc.PoissonQuantile(tt.load, tt.p); got != tt.want {
			t.Errorf("PoissonQuantile(%v, %v) = %d, want %d", tt.load, tt.p, got, tt.want)
		}
	}
}

func TestPoissonQuantileLargeLoads(t *testing.T) {
	for _, a := range []float64{1000, 10000, 50000} {
		for _, p := range []float64{0.5, 0.999} {
			k := calc.PoissonQuantile(a, p)
			if cdf := poissonCDFLog(a, k); cdf < p {
				t.Errorf("PoissonQuantile(%v, %v) = %d but P(X ≤ %d) = %v < p", a, p, k, k, cdf)
			}
			if cdf := poissonCDFLog(a, k-1); cdf >= p {
				t.Errorf("PoissonQuantile(%v, %v) = %d but P(X ≤ %d) = %v ≥ p already", a, p, k, k-1, cdf)
			}
		}
	}
}

func TestPoissonQuantileMonotone(t *testing.T) {
	for _, p := range []float64{0.5, 0.99, 0.999} {
		prev := 0
		for a := 0.1; a <= 500; a *= 1.07 {
			k := calc.PoissonQuantile(a, p)
			if k < prev {
				t.Errorf("PoissonQuantile(·, %v) not monotone in load: %d at %v after %d", p, k, a, prev)
			}
			prev = k
		}
	}
	// Higher probability, no lower quantile.
	for _, a := range []float64{0.5, 10, 1000} {
		prev := 0
		for _, p := range []float64{0.1, 0.5, 0.9, 0.99, 0.999, 0.9999} {
			k := calc.PoissonQuantile(a, p)
			if k < prev {
				t.Errorf("PoissonQuantile(%v, ·) not monotone in p: %d at %v after %d", a, k, p, prev)
			}
			prev = k
		}
	}
}

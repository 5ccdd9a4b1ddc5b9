package calc

import "math"

// ErlangB is the blocking probability of a loss system with servers slots offered
// load erlangs, by the recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)), which
// stays in [0, 1] and never overflows (queueing notes).
func ErlangB(servers int, load float64) float64 {
	b := 1.0
	for n := 1; n <= servers; n++ {
		b = erlangBStep(b, load, n)
	}
	return b
}

// smallestNormal is float64's smallest normal number, 2^-1022 ≈ 2.2e-308.
const smallestNormal = 0x1p-1022

// erlangBStep is one step of the Erlang B recursion, B(n) from B(n−1). Below
// float64's normal range the recursion loses its precision and, rounding to the
// nearest subnormal, sticks at 5e-324 instead of falling further: a blocking that
// small is 0.
func erlangBStep(b, load float64, n int) float64 {
	ab := load * b
	b = ab / (float64(n) + ab)
	if b < smallestNormal {
		return 0
	}
	return b
}

// SmallestServers is the smallest N with ErlangB(N, load) ≤ blocking: the recursion
// run until it drops to the target. blocking must lie in (0, 1).
func SmallestServers(load, blocking float64) int {
	if load <= 0 {
		return 0
	}
	b := 1.0
	n := 0
	for b > blocking {
		n++
		b = erlangBStep(b, load, n)
	}
	return n
}

// MaxLoad is the largest offered load that servers slots carry with blocking at or
// below the target. B grows with A, and B(N, A) ≥ 1 − N/A puts the answer in
// [0, N/(1−ε)]; Newton steps (dB/dA = B·(N/A − 1 + B)), kept inside that bracket
// by bisection, converge in a handful of O(N) evaluations. The result satisfies
// ErlangB(servers, result) ≤ blocking.
func MaxLoad(servers int, blocking float64) float64 {
	if servers <= 0 {
		return 0
	}
	n := float64(servers)
	lo, hi := 0.0, n/(1-blocking)
	a := math.Min(n, hi/2+n/2)
	for i := 0; i < 100; i++ {
		b := ErlangB(servers, a)
		if b <= blocking {
			lo = a
		} else {
			hi = a
		}
		next := a - (b-blocking)/(b*(n/a-1+b))
		if math.Abs(next-a) <= 1e-12*a || hi-lo <= 1e-13*hi {
			break // converged: the root lies within rounding of a
		}
		if !(next > lo && next < hi) || math.IsNaN(next) {
			next = (lo + hi) / 2
		}
		a = next
	}
	// Newton has found the root to within rounding; step down from it until the
	// blocking target holds, so the answer is never just above it.
	if lo < hi*(1-1e-12) {
		for d := 1e-15; d < 1e-9; d *= 10 {
			if c := hi * (1 - d); c > lo && ErlangB(servers, c) <= blocking {
				lo = c
				break
			}
		}
	}
	// Should stepping down not have reached the root, bisect what remains.
	for i := 0; i < 200 && hi-lo > 1e-12*hi; i++ {
		if mid := (lo + hi) / 2; ErlangB(servers, mid) <= blocking {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// PoissonQuantile is the smallest k with P(X ≤ k) ≥ p for X ~ Poisson(load): the
// number of contacts in the system that is not exceeded with probability p when no
// quota applies (M/G/∞). Terms are summed outward from the mode, where the mass
// is, with pmf(m) = exp(m·ln A − A − lgamma(m+1)) and neighbours by the ratios
// pmf(k+1) = pmf(k)·A/(k+1); far-tail terms below 1e-20 of the sum are dropped.
func PoissonQuantile(load, p float64) int {
	if load <= 0 {
		return 0
	}
	m := math.Floor(load)
	lg, _ := math.Lgamma(m + 1)
	pm := math.Exp(m*math.Log(load) - load - lg)
	// P(X ≤ m) = pm · (1 + Σ_{i<m} pmf(i)/pm)
	below, t := 0.0, 1.0
	for i := m; i > 0; i-- {
		t *= i / load
		below += t
		if t < 1e-20*below {
			break
		}
	}
	cdf := pm * (1 + below)
	k, pk := m, pm
	if cdf >= p {
		// Walk down while the CDF one below still reaches p.
		for k > 0 && cdf-pk >= p {
			cdf -= pk
			pk *= k / load
			k--
		}
		return int(k)
	}
	for cdf < p {
		pk *= load / (k + 1)
		k++
		cdf += pk
	}
	return int(k)
}

// ErlangC is the probability that a contact waits in an M/M/N queue with agents
// servers and load erlangs: C = N·B / (N − A·(1 − B)). With agents ≤ load the queue
// never empties and every contact waits: C = 1.
func ErlangC(agents int, load float64) float64 {
	n := float64(agents)
	if n <= load {
		return 1
	}
	b := ErlangB(agents, load)
	return n * b / (n - load*(1-b))
}

// ServiceLevel is the share of contacts answered within answerSeconds:
// SL = 1 − C·exp(−(N − A)·t/h). With agents ≤ load it is 0.
func ServiceLevel(agents int, load, answerSeconds, handleSeconds float64) float64 {
	n := float64(agents)
	if n <= load {
		return 0
	}
	return 1 - ErlangC(agents, load)*math.Exp(-(n-load)*answerSeconds/handleSeconds)
}

// AverageSpeedOfAnswer is the mean wait in seconds: ASA = C·h/(N − A). With agents ≤
// load the wait grows without bound and the result is +Inf, never negative.
func AverageSpeedOfAnswer(agents int, load, handleSeconds float64) float64 {
	n := float64(agents)
	if n <= load {
		return math.Inf(1)
	}
	return ErlangC(agents, load) * handleSeconds / (n - load)
}

// AgentsForServiceLevel is the smallest number of agents, more than the load, with
// service level at or above target (a share in (0, 1)) and occupancy A/N at or below
// maxOccupancy (a share in (0, 1]). Callers bound the load; see
// AgentsForServiceLevelWithin for a bounded search.
func AgentsForServiceLevel(load, answerSeconds, handleSeconds, target, maxOccupancy float64) int {
	n, _, _ := AgentsForServiceLevelWithin(load, answerSeconds, handleSeconds, target, maxOccupancy, math.MaxInt32)
	return n
}

// ScheduledAgents is the agents to schedule so that agents remain after a share
// shrinkage (in [0, 1)) of them is away: ceil(agents / (1 − shrinkage)), treating
// a result within rounding of a whole number as whole, so that 21 at 0.3 gives 30,
// not 31.
func ScheduledAgents(agents int, shrinkage float64) int {
	return int(CeilWhole(float64(agents) / (1 - shrinkage)))
}

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
// below the target: a load A with ErlangB(servers, A) ≤ blocking whose next float64
// up has blocking above it, within rounding of the root of B(N, A) = ε.
func MaxLoad(servers int, blocking float64) float64 {
	return maxLoad(servers, blocking, ErlangB)
}

// maxLoad is MaxLoad with the Erlang B evaluation passed in, so that tests can count
// the O(N) evaluations it makes.
//
// ln B(N, A) is concave in ln A (1/B = Σ_k N!/(k!·A^(N−k)) and the logarithm of a
// sum of exponentials of ln A is convex), and d ln B / d ln A = N − A·(1 − B). A
// Newton step on ln B against ln A therefore lands at or below the root from any
// starting load, and from below it climbs toward the root without passing it: the
// first step from A = N, then steps up until one makes no progress. Rounding
// leaves the last iterate within a few float64 steps of the root, on either side;
// the search ends by stepping one float64 at a time to the last load that meets
// the target.
func maxLoad(servers int, blocking float64, erlangB func(int, float64) float64) float64 {
	if servers < 1 {
		return 0
	}
	n := float64(servers)
	newton := func(a, b float64) float64 {
		return a * math.Exp(math.Log(blocking/b)/(n-a+a*b))
	}
	a := newton(n, erlangB(servers, n))
	b := erlangB(servers, a)
	for {
		next := newton(a, b)
		if !(next > a) {
			break
		}
		a, b = next, erlangB(servers, next)
	}
	if b > blocking {
		// Past the root by rounding: step down until the target holds.
		for b > blocking {
			a = math.Nextafter(a, 0)
			b = erlangB(servers, a)
		}
		return a
	}
	// At or below the root: step up while the next load still meets the target.
	for {
		up := math.Nextafter(a, math.Inf(1))
		if erlangB(servers, up) > blocking {
			return a
		}
		a = up
	}
}

// PoissonQuantile is the smallest k with P(X ≤ k) ≥ p for X ~ Poisson(load): the
// number of contacts in the system that is not exceeded with probability p when no
// quota applies (M/G/∞). Terms are summed outward from the mode, where the mass
// is, with pmf(m) = exp(m·ln A − A − lgamma(m+1)) and neighbours by the ratios
// pmf(k+1) = pmf(k)·A/(k+1); far-tail terms too small to change the sum are dropped.
func PoissonQuantile(load, p float64) int {
	// No load, or a negative one from a bad subtraction upstream, has no contacts.
	if load == 0 || math.Signbit(load) {
		return 0
	}
	m := math.Floor(load)
	lg, _ := math.Lgamma(m + 1)
	pm := math.Exp(m*math.Log(load) - load - lg)
	// P(X ≤ m) = pm · (1 + Σ_{i<m} pmf(i)/pm). The terms shrink away from the
	// mode; once one no longer changes the sum, the smaller ones after it do not
	// either.
	below, t := 0.0, 1.0
	for i := m; i >= 1; i-- {
		t *= i / load
		sum := below + t
		if sum == below {
			break
		}
		below = sum
	}
	cdf := pm * (1 + below)
	k, pk := m, pm
	// Walk up while the CDF falls short of p.
	for cdf < p {
		pk *= load / (k + 1)
		k++
		cdf += pk
	}
	if k > m {
		return int(k)
	}
	// The mode reaches p: walk down while the CDF one below still reaches it.
	for k > 0 && cdf-pk >= p {
		cdf -= pk
		pk *= k / load
		k--
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
	return WaitingWith(agents, load, ErlangB(agents, load), answerSeconds, handleSeconds).ServiceLevel
}

// AverageSpeedOfAnswer is the mean wait in seconds: ASA = C·h/(N − A). With agents ≤
// load the wait grows without bound and the result is +Inf, never negative.
func AverageSpeedOfAnswer(agents int, load, handleSeconds float64) float64 {
	return WaitingWith(agents, load, ErlangB(agents, load), 0, handleSeconds).ASASeconds
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

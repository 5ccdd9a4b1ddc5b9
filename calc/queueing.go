package calc

import "math"

// ErlangB is the blocking probability of a loss system with servers slots offered
// load erlangs, by the recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)), which
// stays in [0, 1] and never overflows (queueing notes).
func ErlangB(servers int, load float64) float64 {
	b := 1.0
	for n := 1; n <= servers; n++ {
		ab := load * b
		b = ab / (float64(n) + ab)
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
		ab := load * b
		b = ab / (float64(n) + ab)
	}
	return n
}

// MaxLoad is the largest offered load that servers slots carry with blocking at or
// below the target. B grows with A, and B(N, A) ≥ 1 − N/A puts the answer in
// [0, N/(1−ε)]; a safeguarded Newton step (dB/dA = B·(N/A − 1 + B)) inside a
// bisection bracket finds it. The result satisfies ErlangB(servers, result) ≤ blocking.
func MaxLoad(servers int, blocking float64) float64 {
	if servers <= 0 {
		return 0
	}
	n := float64(servers)
	lo, hi := 0.0, n/(1-blocking)
	a := n // a reasonable start: the answer lies below N for small targets
	if a >= hi {
		a = hi / 2
	}
	for i := 0; i < 200; i++ {
		b := ErlangB(servers, a)
		if b <= blocking {
			lo = a
		} else {
			hi = a
		}
		if hi-lo <= 1e-12*math.Max(1, hi) {
			break
		}
		next := a - (b-blocking)/(b*(n/a-1+b))
		if !(next > lo && next < hi) || math.IsNaN(next) {
			next = (lo + hi) / 2
		}
		if next == a {
			next = (lo + hi) / 2
		}
		a = next
	}
	return lo
}

// PoissonQuantile is the smallest k with P(X ≤ k) ≥ p for X ~ Poisson(load): the
// number of contacts in the system that is not exceeded with probability p when no
// quota applies (M/G/∞). The CDF comes without summing terms, as
// P(X ≤ k) = pmf(k) / B(k, A) with pmf(k) = exp(k·ln A − A − lgamma(k+1)).
func PoissonQuantile(load, p float64) int {
	if load <= 0 {
		return 0
	}
	lnA := math.Log(load)
	b := 1.0
	for k := 0; ; k++ {
		if k > 0 {
			ab := load * b
			b = ab / (float64(k) + ab)
		}
		lg, _ := math.Lgamma(float64(k) + 1)
		pmf := math.Exp(float64(k)*lnA - load - lg)
		if pmf/b >= p {
			return k
		}
	}
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
// maxOccupancy (a share in (0, 1]).
func AgentsForServiceLevel(load, answerSeconds, handleSeconds, target, maxOccupancy float64) int {
	n := int(math.Floor(load)) + 1
	if min := int(CeilWhole(load / maxOccupancy)); min > n {
		n = min
	}
	for ServiceLevel(n, load, answerSeconds, handleSeconds) < target {
		n++
	}
	return n
}

// ScheduledAgents is the agents to schedule so that agents remain after
// shrinkagePct percent are away: ceil(agents / (1 − shrinkage)), rounded in whole
// hundredths so that 21 at 30 % gives 30, not 31.
func ScheduledAgents(agents int, shrinkagePct float64) int {
	return int(CeilWhole(float64(agents) * 100 / (100 - shrinkagePct)))
}

package calc

import "math"

// Waiting is what Erlang C says about agents answering a load (queueing notes).
type Waiting struct {
	ProbabilityOfWaiting float64 // C = N·B / (N − A·(1 − B))
	ServiceLevel         float64 // share answered within the answer time: 1 − C·exp(−(N − A)·t/h)
	ASASeconds           float64 // average speed of answer: C·h / (N − A); +Inf when N ≤ A
}

// WaitingWith is ErlangC, ServiceLevel and AverageSpeedOfAnswer at once, from
// erlangB = ErlangB(agents, load) already at hand, so that a caller pays for the
// O(N) recursion once rather than once per figure. With agents ≤ load the queue
// never empties: C = 1, SL = 0 and the wait has no bound (+Inf), never negative.
func WaitingWith(agents int, load, erlangB, answerSeconds, handleSeconds float64) Waiting {
	n := float64(agents)
	if n <= load {
		return Waiting{ProbabilityOfWaiting: 1, ServiceLevel: 0, ASASeconds: math.Inf(1)}
	}
	c := n * erlangB / (n - load*(1-erlangB))
	return Waiting{
		ProbabilityOfWaiting: c,
		ServiceLevel:         1 - c*math.Exp(-(n-load)*answerSeconds/handleSeconds),
		ASASeconds:           c * handleSeconds / (n - load),
	}
}

// AgentsForServiceLevelWithin is AgentsForServiceLevel with a bound: the smallest
// number of agents, more than the load, with service level at or above target (a
// share in (0, 1)) and occupancy A/N at or below maxOccupancy (a share in (0, 1]),
// looking no further than maxAgents. It also returns the Erlang C figures at that number. ok is
// false when more than maxAgents would be needed.
//
// It steps Erlang B from one N to the next, B(n) = A·B(n−1) / (n + A·B(n−1)), the
// recursion ErlangB runs, so it returns what AgentsForServiceLevel returns while a
// search that starts at N agents costs O(N) in all instead of O(N) per step.
func AgentsForServiceLevelWithin(load, answerSeconds, handleSeconds, target, maxOccupancy float64, maxAgents int) (agents int, w Waiting, ok bool) {
	// Occupancy A/N ≤ max: N ≥ A/max, a result within rounding of a whole number
	// taken as whole, so that 8 erlangs at 0.8 give 10 agents, not 11. From
	// floor(A), at or below the load, WaitingWith gives SL 0 and the search steps
	// on to more agents than the load.
	start := math.Max(math.Floor(load), CeilWhole(load/maxOccupancy))
	if !(start <= float64(maxAgents)) {
		return 0, Waiting{}, false
	}
	n := int(start)
	b := ErlangB(n, load)
	for {
		w := WaitingWith(n, load, b, answerSeconds, handleSeconds)
		if w.ServiceLevel >= target {
			return n, w, true
		}
		if n >= maxAgents {
			return 0, Waiting{}, false
		}
		n++
		b = erlangBStep(b, load, n)
	}
}

package calc_test

import (
	"testing"

	"github.com/connectcap/connectcap/calc"
)

// Sizing at the largest loads the tools see: 50,000 erlangs.

var sinkInt int
var sinkFloat float64

func BenchmarkSmallestServers50000(b *testing.B) {
	for b.Loop() {
		sinkInt = calc.SmallestServers(50000, 0.001)
	}
}

func BenchmarkMaxLoad50000(b *testing.B) {
	for b.Loop() {
		sinkFloat = calc.MaxLoad(50000, 0.001)
	}
}

func BenchmarkPoissonQuantile50000(b *testing.B) {
	for b.Loop() {
		sinkInt = calc.PoissonQuantile(50000, 0.999)
	}
}

func BenchmarkErlangB50000(b *testing.B) {
	for b.Loop() {
		sinkFloat = calc.ErlangB(50000, 50000)
	}
}

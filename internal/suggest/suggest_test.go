package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"queus", "queues", 1}, {"kitten", "sitting", 3}, {"abc", "", 3}, {"", "ab", 2}} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestNearest(t *testing.T) {
	ops := []string{"GetCurrentMetricData", "GetMetricData", "StartChatContact"}
	if got := Nearest("GetCurrentMetricsData", ops, 4); got != "GetCurrentMetricData" {
		t.Errorf("got %q", got)
	}
	if got := Nearest("getmetricdata", ops, 4); got != "GetMetricData" {
		t.Errorf("case: got %q", got)
	}
	if got := Nearest("GetMetricData", ops, 4); got != "" {
		t.Errorf("an exact name: got %q", got)
	}
	if got := Nearest("DescribeContact", ops, 4); got != "" {
		t.Errorf("nothing near: got %q", got)
	}
}

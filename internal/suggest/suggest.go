// Package suggest finds what a mistyped name was meant to be.
package suggest

import "strings"

// Distance is the Levenshtein edit distance between a and b.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Nearest is the candidate closest to name, ignoring case, if it is fewer than
// within edits away; "" when none is, or when name is itself a candidate.
func Nearest(name string, candidates []string, within int) string {
	best, dist := "", within
	for _, c := range candidates {
		if c == name {
			return ""
		}
		if d := Distance(strings.ToLower(name), strings.ToLower(c)); d < dist {
			best, dist = c, d
		}
	}
	return best
}

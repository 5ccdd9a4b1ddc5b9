package tables_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// Every row of both editions against its page. The pages are transcribed by hand in
// testdata: page-EDITION.tsv holds the quota tables, api-EDITION.tsv the API
// throttling quotas, operation by operation. The tests read them in both
// directions: every page row is in the catalogue with the same values, and every
// catalogue row of the edition is on its page.

// pageRow is one line of a page-EDITION.tsv file.
type pageRow struct {
	line              int
	section, name     string
	def, unit         string // as the page writes them
	adjustable, level string
	regionDefaults    map[string]float64
	carried           map[string]string // field → value the catalogue carries instead
	carriedWhy        string
}

// apiLine is one line of an api-EDITION.tsv file.
type apiLine struct {
	line                         int
	section, operation           string // operation "*": all other operations
	rate, burst                  string
	carriedRate, carriedBurst    string
	carriedWhy, renamedFrom, why string
}

// unitScale relates the size units the pages use, so that a value carried in
// another unit can be checked to be the same quantity.
var unitScale = map[string]float64{"KB": 1, "MB": 1024, "GB": 1024 * 1024}

// tsvLines returns the non-blank lines of a testdata file with their numbers, and
// the directive lines ("# name:") split into fields.
func tsvLines(t *testing.T, name string) (rows, directives [][]string, lines, dlines []int) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		switch {
		case strings.TrimSpace(text) == "":
		case strings.HasPrefix(text, "# carried:\t"), strings.HasPrefix(text, "# renamed:\t"):
			directives = append(directives, strings.Split(text, "\t"))
			dlines = append(dlines, n)
		case strings.HasPrefix(text, "#"):
		default:
			rows = append(rows, strings.Split(text, "\t"))
			lines = append(lines, n)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, directives, lines, dlines
}

func readPage(t *testing.T, e tables.Edition) []pageRow {
	t.Helper()
	name := "page-" + string(e) + ".tsv"
	rows, directives, lines, dlines := tsvLines(t, name)
	type key struct{ section, name string }
	carried := map[key][]string{}
	carriedLine := map[key]int{}
	for i, d := range directives {
		if d[0] != "# carried:" || len(d) != 5 {
			t.Fatalf("%s:%d: want \"# carried:\", section, name, fields, why", name, dlines[i])
		}
		carried[key{d[1], d[2]}] = d
		carriedLine[key{d[1], d[2]}] = dlines[i]
	}
	var out []pageRow
	for i, f := range rows {
		if len(f) != 6 && len(f) != 7 {
			t.Fatalf("%s:%d: %d columns, want 6 or 7", name, lines[i], len(f))
		}
		r := pageRow{line: lines[i], section: f[0], name: f[1], def: f[2], unit: f[3], adjustable: f[4], level: f[5]}
		if len(f) == 7 {
			r.regionDefaults = map[string]float64{}
			for _, kv := range strings.Split(f[6], ",") {
				region, v, ok := strings.Cut(kv, "=")
				x, err := strconv.ParseFloat(v, 64)
				if !ok || err != nil {
					t.Fatalf("%s:%d: region default %q", name, lines[i], kv)
				}
				r.regionDefaults[region] = x
			}
		}
		k := key{r.section, r.name}
		if d, ok := carried[k]; ok {
			r.carried = map[string]string{}
			for _, kv := range strings.Split(d[3], ",") {
				field, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("%s:%d: carried field %q", name, carriedLine[k], kv)
				}
				r.carried[field] = v
			}
			r.carriedWhy = d[4]
			delete(carried, k)
		}
		out = append(out, r)
	}
	for k := range carried {
		t.Errorf("%s:%d: carried for %s %q, which is no row of the file", name, carriedLine[k], k.section, k.name)
	}
	return out
}

func readAPI(t *testing.T, e tables.Edition) []apiLine {
	t.Helper()
	name := "api-" + string(e) + ".tsv"
	rows, directives, lines, dlines := tsvLines(t, name)
	type key struct{ section, operation string }
	carried := map[key][]string{}
	renamed := map[key][]string{}
	dline := map[key]int{}
	for i, d := range directives {
		switch {
		case d[0] == "# carried:" && len(d) == 6:
			carried[key{d[1], d[2]}] = d
		case d[0] == "# renamed:" && len(d) == 5:
			renamed[key{d[1], d[2]}] = d
		default:
			t.Fatalf("%s:%d: malformed directive %q", name, dlines[i], d)
		}
		dline[key{d[1], d[2]}] = dlines[i]
	}
	var out []apiLine
	for i, f := range rows {
		if len(f) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4", name, lines[i], len(f))
		}
		l := apiLine{line: lines[i], section: f[0], operation: f[1], rate: f[2], burst: f[3]}
		k := key{l.section, l.operation}
		if d, ok := carried[k]; ok {
			l.carriedRate, l.carriedBurst, l.carriedWhy = d[3], d[4], d[5]
			delete(carried, k)
		}
		if d, ok := renamed[k]; ok {
			l.renamedFrom, l.operation, l.why = l.operation, d[3], d[4]
			delete(renamed, k)
		}
		out = append(out, l)
	}
	for k := range carried {
		t.Errorf("%s:%d: carried for %s %s, which is no line of the file", name, dline[k], k.section, k.operation)
	}
	for k := range renamed {
		t.Errorf("%s:%d: renamed %s %s, which is no line of the file", name, dline[k], k.section, k.operation)
	}
	return out
}

func number(t *testing.T, where, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", where, s)
	}
	return v
}

func canonical(t *testing.T, where, section string) string {
	t.Helper()
	s, ok := tables.CanonicalService(section)
	if !ok {
		t.Fatalf("%s: section %q is no service", where, section)
	}
	return s
}

// pageTableCounts are the row counts of each edition's quota tables, counted on
// the pages (section 6 for 2026), apart from the testdata.
var pageTableCounts = map[tables.Edition]map[string]int{
	tables.Edition2023: {
		"connect": 26, "appintegrations": 4, "cases": 7, "conversational-analytics": 3,
		"customer-profiles": 11, "outbound-campaigns": 1, "voice-id": 9, "agent-assist": 6,
	},
	tables.Edition2026: {
		"connect": 45, "appintegrations": 5, "agent-assist": 14, "cases": 10, "conversational-analytics": 12,
		"customer-profiles": 13, "outbound-campaigns": 3, "voice-id": 9,
	},
}

// pageAPICounts are the operations each edition's API throttling section names
// (the fallback "*" lines apart), counted on the pages.
var pageAPICounts = map[tables.Edition]map[string]int{
	tables.Edition2023: {"connect": 5, "participant": 8, "conversational-analytics": 1, "cases": 22, "voice-id": 24},
	tables.Edition2026: {
		"connect": 39, "cases": 35, "conversational-analytics": 2, "customer-profiles": 51,
		"outbound-campaigns": 19, "participant": 8, "voice-id": 21, "agent-assist": 17,
	},
}

// pageFallbacks are the services whose page gives a rate for every operation it
// does not name.
var pageFallbacks = map[tables.Edition]map[string]bool{
	tables.Edition2023: {"connect": true, "agent-assist": true},
	tables.Edition2026: {"connect": true, "agent-assist": true, "outbound-campaigns": true},
}

// unnamedOperation is an operation no page names.
const unnamedOperation = "DescribeNoSuchThing"

func TestPageTables(t *testing.T) {
	for _, e := range tables.Editions {
		t.Run(string(e), func(t *testing.T) { testPageTables(t, e) })
	}
}

func testPageTables(t *testing.T, e tables.Edition) {
	cat := tables.In(e)
	file := "page-" + string(e) + ".tsv"
	rows := readPage(t, e)

	type key struct{ service, name string }
	byName := map[key]tables.Quota{}
	for _, q := range cat.All() {
		k := key{q.Service, q.Name}
		if other, dup := byName[k]; dup {
			t.Errorf("%s and %s are both %s %q", other.ID, q.ID, q.Service, q.Name)
		}
		byName[k] = q
	}

	counts := map[string]int{}
	matched := map[string]bool{}
	for _, r := range rows {
		where := file + ":" + strconv.Itoa(r.line)
		service := canonical(t, where, r.section)
		counts[service]++
		q, ok := byName[key{service, r.name}]
		if !ok {
			t.Errorf("%s: no %s row named %q in the %s edition", where, service, r.name, e)
			continue
		}
		if matched[q.ID] {
			t.Errorf("%s: %s matched twice", where, q.ID)
		}
		matched[q.ID] = true

		want := map[string]string{"default": r.def, "unit": r.unit, "adjustable": r.adjustable, "level": r.level}
		if e == tables.Edition2023 {
			// The 2023 page has no Adjustability column: its rows take the level the
			// current page gives the same quota.
			if r.level != "-" {
				t.Errorf("%s: level %q, want \"-\" for the 2023 page", where, r.level)
			}
			want["level"] = string(tables.LevelNotStated)
			if now, ok := tables.In(tables.Edition2026).Lookup(q.ID); ok {
				want["level"] = string(now.Level)
			}
		}
		for field, v := range r.carried {
			if _, ok := want[field]; !ok {
				t.Fatalf("%s: carried field %q", where, field)
			}
			if want[field] == v {
				t.Errorf("%s: carried %s=%s is the page's own value", where, field, v)
			}
			want[field] = v
		}
		if c := r.carried; c["default"] != "" && c["unit"] != "" {
			// A value carried in another unit is the same quantity.
			from, okFrom := unitScale[r.unit]
			to, okTo := unitScale[c["unit"]]
			if okFrom && okTo && number(t, where, r.def)*from != number(t, where, c["default"])*to {
				t.Errorf("%s: %s %s carried as %s %s, not the same quantity", where, r.def, r.unit, c["default"], c["unit"])
			}
		}
		if got := number(t, where+" default", want["default"]); q.Default != got {
			t.Errorf("%s: %s default %v, page %v", where, q.ID, q.Default, got)
		}
		if q.Unit != want["unit"] {
			t.Errorf("%s: %s unit %q, page %q", where, q.ID, q.Unit, want["unit"])
		}
		if string(q.Adjustable) != want["adjustable"] {
			t.Errorf("%s: %s adjustable %q, page %q", where, q.ID, q.Adjustable, want["adjustable"])
		}
		if string(q.Level) != want["level"] {
			t.Errorf("%s: %s level %q, page %q", where, q.ID, q.Level, want["level"])
		}
		if len(q.RegionDefaults) != len(r.regionDefaults) {
			t.Errorf("%s: %s region defaults %v, page %v", where, q.ID, q.RegionDefaults, r.regionDefaults)
		}
		for region, v := range r.regionDefaults {
			if got, ok := q.RegionDefaults[region]; !ok || got != v {
				t.Errorf("%s: %s default in %s %v, page %v", where, q.ID, region, got, v)
			}
		}
	}

	// Every resource row of the edition is on its page; an API rate row is either
	// in a quota table (the "Rate of API requests" rows) or in the API section.
	for _, q := range cat.All() {
		if q.Kind == tables.Resource && !matched[q.ID] {
			t.Errorf("%s (%s %q) is in no table of the %s page", q.ID, q.Service, q.Name, e)
		}
	}
	for service, n := range pageTableCounts[e] {
		if counts[service] != n {
			t.Errorf("%s: %d rows of %s, the page %d", file, counts[service], service, n)
		}
	}
	for service := range counts {
		if _, ok := pageTableCounts[e][service]; !ok {
			t.Errorf("%s: rows of %s, which has no table on the page", file, service)
		}
	}
	inCatalogue := map[string]int{}
	for id := range matched {
		inCatalogue[cat.MustLookup(id).Service]++
	}
	for service, n := range counts {
		if inCatalogue[service] != n {
			t.Errorf("%s: the catalogue holds %d of the page's %d rows", service, inCatalogue[service], n)
		}
	}
}

func TestPageAPIs(t *testing.T) {
	for _, e := range tables.Editions {
		t.Run(string(e), func(t *testing.T) { testPageAPIs(t, e) })
	}
}

func testPageAPIs(t *testing.T, e tables.Edition) {
	cat := tables.In(e)
	file := "api-" + string(e) + ".tsv"
	lines := readAPI(t, e)

	// The quota table rows of the page, so that an API rate row found there needs
	// no line here.
	inTable := map[[2]string]bool{}
	for _, r := range readPage(t, e) {
		inTable[[2]string{canonical(t, file, r.section), r.name}] = true
	}

	type opKey struct{ service, operation string }
	onPage := map[opKey]apiLine{}
	counts := map[string]int{}
	fallbacks := map[string]bool{}
	for _, l := range lines {
		where := file + ":" + strconv.Itoa(l.line)
		service := canonical(t, where, l.section)
		rate, burst := l.rate, l.burst
		if l.carriedRate != "" {
			if l.carriedRate == rate && l.carriedBurst == burst {
				t.Errorf("%s: carried values are the page's own", where)
			}
			rate, burst = l.carriedRate, l.carriedBurst
		}
		wantRate := number(t, where, rate)
		wantBurst := 0.0
		if burst != "-" {
			wantBurst = number(t, where, burst)
		}
		op := l.operation
		if op == "*" {
			fallbacks[service] = true
			op = unnamedOperation
		} else {
			counts[service]++
			k := opKey{service, op}
			if _, dup := onPage[k]; dup {
				t.Errorf("%s: %s %s twice", where, service, op)
			}
			onPage[k] = l
		}
		q, ok := cat.ForOperation(service, op)
		if !ok {
			t.Errorf("%s: ForOperation(%q, %q): no row in the %s edition", where, service, op, e)
			continue
		}
		if q.Kind != tables.APIRate || q.Service != service || q.Unit != "requests/second" {
			t.Errorf("%s: ForOperation(%q, %q) = %s, kind %q, service %q, unit %q", where, service, op, q.ID, q.Kind, q.Service, q.Unit)
		}
		if q.Default != wantRate || q.Burst != wantBurst {
			t.Errorf("%s: %s %s: %s rate %v burst %v, page %v and %v", where, service, l.operation, q.ID, q.Default, q.Burst, wantRate, wantBurst)
		}
		if l.operation == "*" {
			for _, named := range q.Operations {
				if strings.EqualFold(named, unnamedOperation) {
					t.Fatalf("%s names %s", q.ID, unnamedOperation)
				}
			}
		}
	}

	// Services without a fallback on the page have none in the catalogue.
	for _, service := range tables.Services {
		if fallbacks[service] != pageFallbacks[e][service] {
			t.Errorf("%s: %s has an all-operations line %v, the page %v", file, service, fallbacks[service], pageFallbacks[e][service])
		}
		if !fallbacks[service] {
			if q, ok := cat.ForOperation(service, unnamedOperation); ok {
				t.Errorf("ForOperation(%q, %q) = %s; the %s page gives that service no rate for operations it does not name", service, unnamedOperation, q.ID, e)
			}
		}
	}
	for service, n := range pageAPICounts[e] {
		if counts[service] != n {
			t.Errorf("%s: %d operations of %s, the page %d", file, counts[service], service, n)
		}
	}
	for service := range counts {
		if _, ok := pageAPICounts[e][service]; !ok {
			t.Errorf("%s: operations of %s, which has no API section on the page", file, service)
		}
	}

	// Every API rate row of the edition is on the page: each operation it names is
	// a line of the file with its values, and a row naming none is the service's
	// all-operations line or a row of a quota table.
	named := map[string]int{}
	for _, q := range cat.All() {
		if q.Kind != tables.APIRate {
			continue
		}
		seen := map[string]bool{}
		for _, op := range q.Operations {
			named[q.Service]++
			if seen[op] {
				t.Errorf("%s names %s twice", q.ID, op)
			}
			seen[op] = true
			l, ok := onPage[opKey{q.Service, op}]
			if !ok {
				t.Errorf("%s: %s is no %s operation of the %s page", q.ID, op, q.Service, e)
				continue
			}
			if got, ok := cat.ForOperation(q.Service, op); !ok || got.ID != q.ID {
				t.Errorf("%s: %s is also named by %s (%s:%d)", q.ID, op, got.ID, file, l.line)
			}
		}
		if len(q.Operations) == 0 && !inTable[[2]string{q.Service, q.Name}] {
			if f, ok := cat.ForOperation(q.Service, unnamedOperation); !ok || f.ID != q.ID || !fallbacks[q.Service] {
				t.Errorf("%s names no operation and is neither in a quota table nor %s's all-operations row", q.ID, q.Service)
			}
		}
	}
	for service, n := range counts {
		if named[service] != n {
			t.Errorf("%s: the catalogue names %d operations, the page %d", service, named[service], n)
		}
	}
}

// The page's row groupings that are tables of their own: one catalogue row per
// table row.
func TestPageAPIRowCounts(t *testing.T) {
	want := map[tables.Edition]map[string]int{
		tables.Edition2023: {"cases": 6, "voice-id": 6, "conversational-analytics": 1, "participant": 8},
		tables.Edition2026: {"cases": 7, "voice-id": 5, "conversational-analytics": 2, "participant": 8},
	}
	for e, services := range want {
		for service, n := range services {
			got := 0
			for _, q := range tables.In(e).All() {
				if q.Service == service && q.Kind == tables.APIRate {
					got++
				}
			}
			if got != n {
				t.Errorf("%s %s: %d API rate rows, the page's table %d", e, service, got, n)
			}
		}
	}
}

func TestAPIAdjustability(t *testing.T) {
	// 2023: "The rate limit cannot be increased for GetMetricData and
	// GetCurrentMetricData".
	old := tables.In(tables.Edition2023)
	for _, op := range []string{"GetMetricData", "GetCurrentMetricData"} {
		if q, _ := old.ForOperation("connect", op); q.Adjustable != tables.No {
			t.Errorf("2023 %s: adjustable %q, the page says it cannot be increased", op, q.Adjustable)
		}
	}
	// 2026: every Connect Customer and Cases API rate is adjustable at account
	// level; the page no longer says the metric APIs cannot be raised.
	for _, q := range tables.In(tables.Edition2026).All() {
		if q.Kind != tables.APIRate || (q.Service != "connect" && q.Service != "cases") {
			continue
		}
		if q.Adjustable != tables.Yes || q.Level != tables.AccountLevel {
			t.Errorf("2026 %s: adjustable %q at %q, want yes at account level", q.ID, q.Adjustable, q.Level)
		}
	}
}

// The 2026 page warns that the Service Quotas console may show 200 for three
// operations, and gives CreateIntegrationAssociation 1 for one type.
func TestAPINotes2026(t *testing.T) {
	cur := tables.In(tables.Edition2026)
	for _, op := range []string{"GetCurrentMetricData", "GetMetricDataV2", "GetCurrentUserData"} {
		q, _ := cur.ForOperation("connect", op)
		if !strings.Contains(q.Note, "200") || !strings.Contains(q.Note, "Service Quotas console") {
			t.Errorf("%s (%s): note %q lacks the page's warning", op, q.ID, q.Note)
		}
	}
	if q, _ := cur.ForOperation("connect", "GetCurrentUserData"); q.ID != "connect.api-requests" || !strings.Contains(q.Note, "GetCurrentUserData") {
		t.Errorf("GetCurrentUserData: %s, note %q", q.ID, q.Note)
	}
	for _, op := range []string{"CreateIntegrationAssociation", "DeleteIntegrationAssociation"} {
		if q, _ := cur.ForOperation("connect", op); !strings.Contains(q.Note, "1 for the SES_IDENTITY type") {
			t.Errorf("%s: note %q", op, q.Note)
		}
	}
	if q, _ := cur.ForOperation("agent-assist", "SendMessage"); q.Default != 1 || !strings.Contains(q.Note, "1 to 2") {
		t.Errorf("agent assist SendMessage: %v, note %q", q.Default, q.Note)
	}
}

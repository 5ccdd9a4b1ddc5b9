package tables_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

var (
	old = tables.In(tables.Edition2023) // the source document
	cur = tables.In(tables.Edition2026) // the current page
)

// trueCodes is quota-facts.md section 1, every row, plus the API rate codes it gives
// for rows the catalogue holds: id → service code, quota code. The codes hold in
// both editions (the 2026 page carries none of its own).
var trueCodes = map[string][2]string{
	"connect.instances":                              {"connect", "L-AA17A6B9"},
	"connect.concurrent-active-calls":                {"connect", "L-12AB7C57"},
	"connect.concurrent-active-chats":                {"connect", "L-D4BA6F6E"},
	"connect.concurrent-active-tasks":                {"connect", "L-60553137"},
	"connect.lex-v2-bot-aliases":                     {"connect", "L-CCEA7427"},
	"connect.lex-bots":                               {"connect", "L-B93A6612"},
	"connect.lambda-functions":                       {"connect", "L-E3D2F503"},
	"connect.users":                                  {"connect", "L-9A46857E"},
	"connect.queues":                                 {"connect", "L-19A87C94"},
	"connect.phone-numbers":                          {"connect", "L-8F812903"},
	"connect.routing-profiles":                       {"connect", "L-D3E7BE26"},
	"connect.queues-per-routing-profile":             {"connect", "L-516BC0EB"},
	"connect.flows":                                  {"connect", "L-22922690"},
	"connect.modules":                                {"connect", "L-19755C7E"},
	"connect.hours-of-operation":                     {"connect", "L-20CD02F7"},
	"connect.quick-connects":                         {"connect", "L-68BBE2E8"},
	"connect.prompts":                                {"connect", "L-0865B754"},
	"connect.security-profiles":                      {"connect", "L-F325A715"},
	"connect.user-hierarchy-groups":                  {"connect", "L-D68AAAE4"},
	"connect.reports":                                {"connect", "L-79564E52"},
	"connect.scheduled-reports":                      {"connect", "L-986AE5E3"},
	"appintegrations.data-integrations":              {"app-integrations", "L-013E1287"},
	"appintegrations.data-integration-associations":  {"app-integrations", "L-3DEFA101"},
	"appintegrations.event-integrations":             {"app-integrations", "L-152D3E9E"},
	"appintegrations.event-integration-associations": {"app-integrations", "L-C1BC25C8"},
	"cases.domains":                                  {"cases", "L-C2B81BC3"},
	"cases.fields":                                   {"cases", "L-C5B69356"},
	"cases.field-options":                            {"cases", "L-E52A0E46"},
	"cases.layouts":                                  {"cases", "L-D0ED993F"},
	"cases.templates":                                {"cases", "L-0482161A"},
	"cases.related-items":                            {"cases", "L-C1AF8D37"},
	"outbound-campaigns.campaigns":                   {"connect-campaigns", "L-7F7B4C39"},
	"connect.api.get-metric-data":                    {"connect", "L-52794498"},
	"connect.api.get-current-metric-data":            {"connect", "L-ED2B0490"},
	"connect.api.start-chat-contact":                 {"connect", "L-AA48CD49"},
	"connect.api.get-metric-data-v2":                 {"connect", "L-2E719449"},
}

// codeRowsMissing are the trueCodes rows an edition's page does not have.
var codeRowsMissing = map[tables.Edition][]string{
	tables.Edition2023: {"connect.api.get-metric-data-v2"}, // folded into all other operations
	tables.Edition2026: {"outbound-campaigns.campaigns"},   // replaced by three rows
}

// trueCodeNames ties the facts' rows to the catalogue's ids by name, so that the map
// above cannot point a code at the wrong row.
var trueCodeNames = map[string]string{
	"connect.lex-v2-bot-aliases":                     "Amazon Lex V2 bot aliases per instance",
	"connect.concurrent-active-calls":                "Concurrent active calls per instance",
	"connect.lambda-functions":                       "AWS Lambda functions per instance",
	"appintegrations.data-integrations":              "Data integrations per Region",
	"appintegrations.data-integration-associations":  "Data integration associations per data integration",
	"appintegrations.event-integrations":             "Event integrations per Region",
	"appintegrations.event-integration-associations": "Event integration associations per event integration",
	"cases.domains":                                  "Cases domains per AWS account",
	"cases.fields":                                   "Fields in a Cases domain",
	"cases.field-options":                            "Field options per single-select field in the Cases domain",
	"cases.layouts":                                  "Layouts in a Cases domain",
	"cases.templates":                                "Templates in a Cases domain",
	"cases.related-items":                            "Related items that can be attached to a case",
	"connect.api.get-metric-data-v2":                 "Rate of GetMetricDataV2 API requests",
}

func TestQuotaCodesMatchFacts(t *testing.T) {
	for _, e := range tables.Editions {
		cat := tables.In(e)
		for id, want := range trueCodes {
			q, ok := cat.Lookup(id)
			if slices.Contains(codeRowsMissing[e], id) {
				if ok {
					t.Errorf("%s: has %s, which its page does not", e, id)
				}
				continue
			}
			if !ok {
				t.Errorf("%s: no row %s", e, id)
				continue
			}
			if q.ServiceCode != want[0] || q.QuotaCode != want[1] {
				t.Errorf("%s %s: codes %s/%s, facts %s/%s", e, id, q.ServiceCode, q.QuotaCode, want[0], want[1])
			}
			if name, ok := trueCodeNames[id]; ok && q.Name != name {
				t.Errorf("%s %s: name %q, want %q", e, id, q.Name, name)
			}
		}
		// No other row carries a code, and no code sits on two rows: new rows
		// without a known code carry none.
		seen := map[string]string{}
		for _, q := range cat.All() {
			if _, ok := trueCodes[q.ID]; !ok && (q.QuotaCode != "" || q.ServiceCode != "") {
				t.Errorf("%s %s carries codes %q/%q that the facts do not give it", e, q.ID, q.ServiceCode, q.QuotaCode)
			}
			if q.QuotaCode == "" {
				continue
			}
			key := q.ServiceCode + "/" + q.QuotaCode
			if other, dup := seen[key]; dup {
				t.Errorf("%s: %s and %s both carry %s", e, other, q.ID, key)
			}
			seen[key] = q.ID
		}
	}
}

func TestNoKnownWrongCodes(t *testing.T) {
	// The page's wrong links, row by row.
	wrong := map[string]string{
		"connect.lex-v2-bot-aliases":                     "L-12AB7C57",
		"appintegrations.data-integrations":              "L-E3D2F503",
		"appintegrations.data-integration-associations":  "L-6603B252",
		"appintegrations.event-integrations":             "L-4A5ECB8E",
		"appintegrations.event-integration-associations": "L-3217D1F1",
	}
	// Codes the 2023 page links Customer Profiles rows to, all other quotas' codes.
	profileLinks := []string{"L-6603B252", "L-E3D2F503", "L-3217D1F1", "L-4A5ECB8E", "L-63975AF3", "L-14092FF4", "L-E17DC7C3"}
	for _, e := range tables.Editions {
		cat := tables.In(e)
		for _, q := range cat.All() {
			switch q.Service {
			case "customer-profiles", "voice-id", "agent-assist", "conversational-analytics", "participant":
				if q.QuotaCode != "" || q.ServiceCode != "" {
					t.Errorf("%s %s carries codes %q/%q; the facts give none for %s", e, q.ID, q.ServiceCode, q.QuotaCode, q.Service)
				}
			case "cases":
				if q.QuotaCode == "L-14092FF4" {
					t.Errorf("%s %s carries L-14092FF4, the page's wrong link", e, q.ID)
				}
			}
		}
		for id, code := range wrong {
			if q := cat.MustLookup(id); strings.EqualFold(q.QuotaCode, code) {
				t.Errorf("%s %s carries %s, which the facts call wrong for it", e, id, code)
			}
		}
		for _, code := range append([]string{"L-14092FF4"}, profileLinks...) {
			if q, ok := cat.ByQuotaCode(code); ok && q.Service == "customer-profiles" {
				t.Errorf("%s: ByQuotaCode(%s) = %s, a code the page borrowed", e, code, q.ID)
			}
		}
		if q, ok := cat.ByQuotaCode("L-14092FF4"); ok {
			t.Errorf("%s: ByQuotaCode(L-14092FF4) = %s, want none", e, q.ID)
		}
	}
}

func TestOperationQuotaCodes(t *testing.T) {
	want := map[string]string{
		"GetMetricDataV2":           "L-2E719449",
		"StartOutboundVoiceContact": "L-4E9BCC96",
	}
	if len(tables.OperationQuotaCodes) != len(want) {
		t.Errorf("OperationQuotaCodes = %v, facts %v", tables.OperationQuotaCodes, want)
	}
	for op, code := range want {
		if got := tables.OperationQuotaCodes[op]; got != code {
			t.Errorf("OperationQuotaCodes[%s] = %q, facts %q", op, got, code)
		}
	}
	// An operation with a row of its own carries the same code on it; one folded
	// into "all other operations" has no row carrying its code.
	for _, e := range tables.Editions {
		cat := tables.In(e)
		for op, code := range want {
			q, _ := cat.ForOperation("connect", op)
			if len(q.Operations) == 1 && q.QuotaCode != code {
				t.Errorf("%s %s (%s): code %q, facts %q", e, op, q.ID, q.QuotaCode, code)
			}
			if q.ID == "connect.api-requests" {
				if r, ok := cat.ByQuotaCode(code); ok {
					t.Errorf("%s: %s folds into all other operations but %s carries %s", e, op, r.ID, code)
				}
			}
		}
	}
	if q, _ := old.ForOperation("connect", "GetMetricDataV2"); q.ID != "connect.api-requests" {
		t.Errorf("2023 GetMetricDataV2 → %s, want connect.api-requests (the page does not name it)", q.ID)
	}
}

var idForm = regexp.MustCompile(`^([a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$`)

// zeroDefaults are the rows whose page default is 0: nothing can be used until the
// quota is raised.
var zeroDefaults = []string{"outbound-campaigns.concurrent-calls", "contact-lens.external-voice-connectors"}

func TestIDs(t *testing.T) {
	services := map[string]bool{}
	for _, s := range tables.Services {
		services[s] = true
	}
	for _, e := range tables.Editions {
		cat := tables.In(e)
		if cat.Edition != e {
			t.Errorf("In(%s).Edition = %s", e, cat.Edition)
		}
		seen := map[string]bool{}
		all := cat.All()
		ids := cat.IDs()
		if len(ids) != len(all) {
			t.Fatalf("%s: IDs() has %d ids, All() %d rows", e, len(ids), len(all))
		}
		for i, q := range all {
			if ids[i] != q.ID {
				t.Errorf("%s: IDs()[%d] = %s, All()[%d].ID = %s", e, i, ids[i], i, q.ID)
			}
			if seen[q.ID] {
				t.Errorf("%s: duplicate id %s", e, q.ID)
			}
			seen[q.ID] = true
			if q.Edition != e {
				t.Errorf("%s: %s has edition %q", e, q.ID, q.Edition)
			}
			m := idForm.FindStringSubmatch(q.ID)
			if m == nil {
				t.Errorf("%s: id %q is not of the form service.name", e, q.ID)
				continue
			}
			if m[1] != q.Service && tables.ServiceAliases[m[1]] != q.Service {
				t.Errorf("%s: id %q starts with %q, neither its service %q nor an alias of it", e, q.ID, m[1], q.Service)
			}
			if !services[q.Service] {
				t.Errorf("%s: %s: service %q not in Services", e, q.ID, q.Service)
			}
			if q.Name == "" || q.Unit == "" || q.Scope == "" {
				t.Errorf("%s: %s: empty name, unit or scope", e, q.ID)
			}
			if slices.Contains(zeroDefaults, q.ID) {
				if q.Default != 0 {
					t.Errorf("%s: %s: default %v, the page 0", e, q.ID, q.Default)
				}
			} else if q.Default <= 0 {
				t.Errorf("%s: %s: default %v", e, q.ID, q.Default)
			}
			switch q.Adjustable {
			case tables.Yes, tables.No, tables.NotStated:
			default:
				t.Errorf("%s: %s: adjustable %q", e, q.ID, q.Adjustable)
			}
			switch q.Level {
			case tables.AccountLevel, tables.ResourceLevel, tables.LevelNotStated:
			default:
				t.Errorf("%s: %s: level %q", e, q.ID, q.Level)
			}
			if q.Kind == tables.APIRate && q.Unit != "requests/second" {
				t.Errorf("%s: %s: api rate in %q", e, q.ID, q.Unit)
			}
			if q.Kind != tables.APIRate && (q.Burst != 0 || len(q.Operations) > 0) {
				t.Errorf("%s: %s: burst or operations on a %s row", e, q.ID, q.Kind)
			}
			if (q.ServiceCode == "") != (q.QuotaCode == "") {
				t.Errorf("%s: %s: service code %q with quota code %q", e, q.ID, q.ServiceCode, q.QuotaCode)
			}
		}
	}
	for _, id := range zeroDefaults {
		if _, ok := cur.Lookup(id); !ok {
			t.Errorf("no 2026 row %s", id)
		}
	}
}

// scopeChanges are the shared rows whose page changed between per instance and
// another scope.
var scopeChanges = map[string]string{
	"connect.task-template-fields": "\"per instance\" in 2023, \"per template\" in 2026",
}

// A quota both editions hold is the same quota: same service, kind, unit and codes.
// The 2023 edition has no Adjustability column; its rows take the current page's
// level for the same quota, and not-stated for the rows the current page dropped.
func TestSharedIDsAgree(t *testing.T) {
	shared := 0
	for _, q := range old.All() {
		now, ok := cur.Lookup(q.ID)
		if !ok {
			if q.Level != tables.LevelNotStated {
				t.Errorf("2023 %s: level %q, but the current page has no such row", q.ID, q.Level)
			}
			continue
		}
		shared++
		if q.Service != now.Service || q.Kind != now.Kind || q.Unit != now.Unit {
			t.Errorf("%s: 2023 %s/%s/%s, 2026 %s/%s/%s", q.ID, q.Service, q.Kind, q.Unit, now.Service, now.Kind, now.Unit)
		}
		if q.ServiceCode != now.ServiceCode || q.QuotaCode != now.QuotaCode {
			t.Errorf("%s: 2023 codes %s/%s, 2026 %s/%s", q.ID, q.ServiceCode, q.QuotaCode, now.ServiceCode, now.QuotaCode)
		}
		if why, changed := scopeChanges[q.ID]; (q.Scope == "instance") != (now.Scope == "instance") && !changed {
			t.Errorf("%s: scope %q in 2023, %q in 2026", q.ID, q.Scope, now.Scope)
		} else if changed && q.Scope == now.Scope {
			t.Errorf("%s: listed as a scope change (%s), but both editions say %q", q.ID, why, q.Scope)
		}
		if q.Level != now.Level {
			t.Errorf("%s: 2023 level %q, 2026 %q", q.ID, q.Level, now.Level)
		}
	}
	if shared == 0 {
		t.Error("no id shared between editions")
	}
}

func TestServiceAliases(t *testing.T) {
	want := map[string]string{"wisdom": "agent-assist", "contact-lens": "conversational-analytics"}
	if len(tables.ServiceAliases) != len(want) {
		t.Errorf("ServiceAliases = %v, want %v", tables.ServiceAliases, want)
	}
	for from, to := range want {
		if tables.ServiceAliases[from] != to {
			t.Errorf("ServiceAliases[%s] = %q, want %q", from, tables.ServiceAliases[from], to)
		}
		if slices.Contains(tables.Services, from) {
			t.Errorf("alias %s is also a service key", from)
		}
		if !slices.Contains(tables.Services, to) {
			t.Errorf("alias %s names %s, no service key", from, to)
		}
	}
	for _, s := range tables.Services {
		if got, ok := tables.CanonicalService(s); !ok || got != s {
			t.Errorf("CanonicalService(%q) = %q, %v", s, got, ok)
		}
		if _, ok := tables.ServiceNames[s]; !ok {
			t.Errorf("%s has no ServiceNames entry", s)
		}
	}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"wisdom", "agent-assist", true},
		{"WISDOM", "agent-assist", true},
		{"Contact-Lens", "conversational-analytics", true},
		{"Connect", "connect", true},
		{"outbound-campaigns", "outbound-campaigns", true},
		{"lex", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := tables.CanonicalService(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalService(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEditions(t *testing.T) {
	if tables.DefaultEdition != tables.Edition2026 || tables.Default() != cur {
		t.Errorf("default edition %s", tables.DefaultEdition)
	}
	if !slices.Equal(tables.Editions, []tables.Edition{tables.Edition2026, tables.Edition2023}) {
		t.Errorf("Editions = %v, want newest first", tables.Editions)
	}
	// An unknown edition, which input.Edition keeps out, gets the default.
	if c := tables.In("1999"); c != tables.Default() || c.Edition != tables.DefaultEdition {
		t.Errorf("In(1999) = the %s edition, want the default", c.Edition)
	}
	if c := tables.In(""); c != tables.Default() {
		t.Errorf("In(\"\") = the %s edition, want the default", c.Edition)
	}
	if old == cur || old.Edition != tables.Edition2023 {
		t.Errorf("In(2023) = the %s edition", old.Edition)
	}
}

func TestUnion(t *testing.T) {
	u := tables.Union()
	onlyOld := 0
	for _, q := range old.All() {
		if _, ok := cur.Lookup(q.ID); !ok {
			onlyOld++
		}
	}
	if want := len(cur.All()) + onlyOld; len(u) != want {
		t.Fatalf("Union has %d rows, want %d (2026's %d and 2023's %d of its own)", len(u), want, len(cur.All()), onlyOld)
	}
	// The current edition's rows in page order, then the rows only 2023 holds, in
	// its page order.
	for i, q := range cur.All() {
		if u[i].ID != q.ID || u[i].Edition != tables.Edition2026 || u[i].Default != q.Default {
			t.Errorf("Union[%d] = %s (%s), want 2026's %s", i, u[i].ID, u[i].Edition, q.ID)
		}
	}
	rest := u[len(cur.All()):]
	i := 0
	for _, q := range old.All() {
		if _, ok := cur.Lookup(q.ID); ok {
			continue
		}
		if rest[i].ID != q.ID || rest[i].Edition != tables.Edition2023 {
			t.Errorf("Union[%d] = %s (%s), want 2023's %s", len(cur.All())+i, rest[i].ID, rest[i].Edition, q.ID)
		}
		i++
	}
	// The rows that show an edition's own value.
	for _, q := range u {
		switch q.ID {
		case "connect.concurrent-active-chats":
			if q.Default != 500 {
				t.Errorf("Union: chats %v, the current page 500", q.Default)
			}
		case "outbound-campaigns.campaigns":
			if q.Default != 25 {
				t.Errorf("Union: campaigns %v, the 2023 page 25", q.Default)
			}
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		key     string
		wantID  string
		edition tables.Edition
		def     float64
	}{
		{"connect.concurrent-active-chats", "connect.concurrent-active-chats", tables.Edition2026, 500},
		{"connect.concurrent-active-emails", "connect.concurrent-active-emails", tables.Edition2026, 1000},
		{"outbound-campaigns.campaigns", "outbound-campaigns.campaigns", tables.Edition2023, 25},
		{"wisdom.knowledge-base-size", "wisdom.knowledge-base-size", tables.Edition2023, 5},
		{"L-D4BA6F6E", "connect.concurrent-active-chats", tables.Edition2026, 500},
		{"l-12ab7c57", "connect.concurrent-active-calls", tables.Edition2026, 10},
		{"L-7F7B4C39", "outbound-campaigns.campaigns", tables.Edition2023, 25},
		{"L-2E719449", "connect.api.get-metric-data-v2", tables.Edition2026, 10},
	}
	for _, tt := range tests {
		q, ok := tables.Find(tt.key)
		if !ok || q.ID != tt.wantID || q.Edition != tt.edition || q.Default != tt.def {
			t.Errorf("Find(%q) = %s (%s, %v), %v; want %s (%s, %v)", tt.key, q.ID, q.Edition, q.Default, ok, tt.wantID, tt.edition, tt.def)
		}
	}
	for _, key := range []string{"", "nosuch.quota", "L-14092FF4", "CONNECT.USERS"} {
		if q, ok := tables.Find(key); ok {
			t.Errorf("Find(%q) = %s, want none", key, q.ID)
		}
	}
}

func TestEditionsOf(t *testing.T) {
	both := []tables.Edition{tables.Edition2026, tables.Edition2023}
	tests := map[string][]tables.Edition{
		"connect.users":                         both,
		"wisdom.api-requests":                   both,
		"connect.concurrent-active-emails":      {tables.Edition2026},
		"connect.api.get-metric-data-v2":        {tables.Edition2026},
		"outbound-campaigns.campaigns":          {tables.Edition2023},
		"voice-id.api.integration-associations": {tables.Edition2023},
		"nosuch.quota":                          nil,
	}
	for id, want := range tests {
		got := tables.EditionsOf(id)
		if !slices.Equal(got, want) {
			t.Errorf("EditionsOf(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestAllIsACopy(t *testing.T) {
	for _, cat := range []*tables.Catalogue{old, cur} {
		a := cat.All()
		id := a[0].ID
		a[0].Default = -1
		a[0].ID = "changed"
		if q := cat.MustLookup(id); q.Default == -1 {
			t.Errorf("%s: changing All()'s result changed the catalogue", cat.Edition)
		}
		if cat.All()[0].ID != id {
			t.Errorf("%s: changing All()'s result changed the catalogue order", cat.Edition)
		}
	}
}

func TestCanRaise(t *testing.T) {
	tests := map[tables.Adjustable]bool{tables.Yes: true, tables.NotStated: true, tables.No: false}
	for a, want := range tests {
		if got := a.CanRaise(); got != want {
			t.Errorf("%q.CanRaise() = %v, want %v", a, got, want)
		}
	}
}

func TestDefaultIn(t *testing.T) {
	tests := []struct {
		edition  tables.Edition
		region   string
		want     float64
		regional bool
	}{
		{tables.Edition2023, "us-east-1", 100, true},
		{tables.Edition2023, "us-west-2", 50, false},
		{tables.Edition2023, "eu-west-2", 50, false},
		{tables.Edition2023, "", 50, false},
		{tables.Edition2026, "us-east-1", 300, false},
		{tables.Edition2026, "eu-west-2", 300, false},
	}
	for _, tt := range tests {
		q := tables.In(tt.edition).MustLookup("contact-lens.concurrent-realtime-calls")
		got, regional := q.DefaultIn(tt.region)
		if got != tt.want || regional != tt.regional {
			t.Errorf("%s DefaultIn(%q) = %v, %v; want %v, %v", tt.edition, tt.region, got, regional, tt.want, tt.regional)
		}
	}
	for _, q := range append(old.All(), cur.All()...) {
		if v, regional := q.DefaultIn("eu-central-1"); v != q.Default || regional {
			t.Errorf("%s %s: DefaultIn(eu-central-1) = %v, %v", q.Edition, q.ID, v, regional)
		}
	}
}

func TestForOperation(t *testing.T) {
	tests := []struct {
		edition            tables.Edition
		service, operation string
		wantID             string
		wantOK             bool
	}{
		{tables.Edition2023, "connect", "GetMetricData", "connect.api.get-metric-data", true},
		{tables.Edition2023, "connect", "getmetricdata", "connect.api.get-metric-data", true},
		{tables.Edition2023, "connect", "GetCurrentMetricData", "connect.api.get-current-metric-data", true},
		{tables.Edition2023, "connect", "StopContactStreaming", "connect.api.stop-contact-streaming", true},
		{tables.Edition2023, "connect", "DescribeUser", "connect.api-requests", true},
		{tables.Edition2023, "connect", "GetMetricDataV2", "connect.api-requests", true},
		{tables.Edition2023, "connect", "SearchContacts", "connect.api-requests", true},
		{tables.Edition2023, "connect", "StartOutboundVoiceContact", "connect.api-requests", true},
		{tables.Edition2023, "connect", "", "connect.api-requests", true},
		{tables.Edition2023, "wisdom", "QueryAssistant", "wisdom.api-requests", true},
		{tables.Edition2023, "agent-assist", "SendMessage", "wisdom.api-requests", true},
		{tables.Edition2023, "contact-lens", "ListRealtimeContactAnalysisSegments", "contact-lens.api.list-realtime-contact-analysis-segments", true},
		{tables.Edition2023, "contact-lens", "ListRealtimeContactAnalysisSegmentsV2", "", false},
		{tables.Edition2023, "cases", "AssociateContact", "cases.api.case-operations", true},
		{tables.Edition2023, "cases", "Unknown", "", false},
		{tables.Edition2023, "voice-id", "CreateIntegrationAssociation", "voice-id.api.integration-associations", true},
		{tables.Edition2023, "outbound-campaigns", "DescribeCampaign", "", false},
		{tables.Edition2023, "customer-profiles", "SearchProfiles", "", false},
		{tables.Edition2023, "participant", "SendMessage", "participant.api.send-message", true},
		{tables.Edition2023, "participant", "DescribeUser", "", false},
		{tables.Edition2023, "nosuch", "GetMetricData", "", false},

		{tables.Edition2026, "connect", "GetMetricDataV2", "connect.api.get-metric-data-v2", true},
		{tables.Edition2026, "CONNECT", "searchcontacts", "connect.api.search-contacts", true},
		{tables.Edition2026, "connect", "GetCurrentUserData", "connect.api-requests", true},
		{tables.Edition2026, "connect", "StartOutboundVoiceContact", "connect.api-requests", true},
		{tables.Edition2026, "connect", "SubmitContactEvaluation", "connect.api.evaluations", true},
		{tables.Edition2026, "connect", "CreateParticipant", "connect.api.participant-operations", true},
		{tables.Edition2026, "connect", "DescribeContact", "connect.api.contact-operations", true},
		{tables.Edition2026, "connect", "UntagContact", "connect.api.contact-tags", true},
		{tables.Edition2026, "connect", "ListIntegrationAssociations", "connect.api.list-integration-associations", true},
		{tables.Edition2026, "wisdom", "SendMessage", "wisdom.api.send-message", true},
		{tables.Edition2026, "agent-assist", "QueryAssistant", "wisdom.api-requests", true},
		{tables.Edition2026, "agent-assist", "DeleteMessageTemplate", "wisdom.api.message-template-writes", true},
		{tables.Edition2026, "agent-assist", "CreateMessageTemplate", "wisdom.api.message-template-writes", true},
		{tables.Edition2026, "participant", "SendMessage", "participant.api.send-message", true},
		{tables.Edition2026, "contact-lens", "ListRealtimeContactAnalysisSegmentsV2", "contact-lens.api.list-realtime-contact-analysis-segments-v2", true},
		{tables.Edition2026, "conversational-analytics", "ListRealtimeContactAnalysisSegments", "contact-lens.api.list-realtime-contact-analysis-segments", true},
		{tables.Edition2026, "cases", "CreateRelatedItem", "cases.api.case-operations", true},
		{tables.Edition2026, "cases", "DeleteCaseRule", "cases.api.admin-operations", true},
		{tables.Edition2026, "cases", "UpdateCase", "cases.api.update-case", true},
		{tables.Edition2026, "cases", "BatchGetCaseRule", "cases.api.batch-get-field", true},
		{tables.Edition2026, "cases", "AssociateContact", "", false},
		{tables.Edition2026, "voice-id", "CreateIntegrationAssociation", "", false},
		{tables.Edition2026, "voice-id", "ListSpeakers", "voice-id.api.list-speakers", true},
		{tables.Edition2026, "customer-profiles", "SearchProfiles", "customer-profiles.api.profile-operations", true},
		{tables.Edition2026, "customer-profiles", "GetProfileObjectType", "customer-profiles.api.get-profile-object-type", true},
		{tables.Edition2026, "customer-profiles", "DeleteEventStream", "customer-profiles.api.configuration-changes", true},
		{tables.Edition2026, "customer-profiles", "CreateDomain", "customer-profiles.api.configuration-changes", true},
		{tables.Edition2026, "customer-profiles", "ListProfileAttributeValues", "", false},
		{tables.Edition2026, "outbound-campaigns", "StartCampaign", "outbound-campaigns.api.campaign-changes", true},
		{tables.Edition2026, "outbound-campaigns", "PutProfileOutboundRequestBatch", "outbound-campaigns.api.outbound-requests", true},
		{tables.Edition2026, "outbound-campaigns", "UpdateCampaignSchedule", "outbound-campaigns.api-requests", true},
		{tables.Edition2026, "nosuch", "GetMetricData", "", false},
	}
	for _, tt := range tests {
		q, ok := tables.In(tt.edition).ForOperation(tt.service, tt.operation)
		if ok != tt.wantOK || q.ID != tt.wantID {
			t.Errorf("%s ForOperation(%q, %q) = %q, %v; want %q, %v", tt.edition, tt.service, tt.operation, q.ID, ok, tt.wantID, tt.wantOK)
		}
	}
	// The fallback rows carry the pages' "all other operations" and "all APIs" rates.
	fallbacks := []struct {
		edition      tables.Edition
		service      string
		rate, burst  float64
		withOperands bool
	}{
		{tables.Edition2023, "connect", 2, 5, false},
		{tables.Edition2023, "wisdom", 50, 0, false},
		{tables.Edition2026, "connect", 2, 5, false},
		{tables.Edition2026, "agent-assist", 10, 0, true},
		{tables.Edition2026, "outbound-campaigns", 2, 5, false},
	}
	for _, f := range fallbacks {
		if q, _ := tables.In(f.edition).ForOperation(f.service, "ListQueues"); q.Default != f.rate || q.Burst != f.burst {
			t.Errorf("%s %s fallback %s: rate %v burst %v, page %v and %v", f.edition, f.service, q.ID, q.Default, q.Burst, f.rate, f.burst)
		}
	}
}

func TestByQuotaCode(t *testing.T) {
	tests := []struct {
		edition tables.Edition
		code    string
		wantID  string
		wantOK  bool
	}{
		{tables.Edition2023, "L-12AB7C57", "connect.concurrent-active-calls", true},
		{tables.Edition2023, "l-12ab7c57", "connect.concurrent-active-calls", true},
		{tables.Edition2023, "L-CCEA7427", "connect.lex-v2-bot-aliases", true},
		{tables.Edition2023, "L-E3D2F503", "connect.lambda-functions", true},
		{tables.Edition2023, "L-013E1287", "appintegrations.data-integrations", true},
		{tables.Edition2023, "L-C2B81BC3", "cases.domains", true},
		{tables.Edition2023, "L-7F7B4C39", "outbound-campaigns.campaigns", true},
		{tables.Edition2023, "L-52794498", "connect.api.get-metric-data", true},
		{tables.Edition2023, "L-2E719449", "", false},
		{tables.Edition2026, "L-2E719449", "connect.api.get-metric-data-v2", true},
		{tables.Edition2026, "L-7F7B4C39", "", false},
		{tables.Edition2026, "L-D4BA6F6E", "connect.concurrent-active-chats", true},
		{tables.Edition2026, "L-4E9BCC96", "", false},
		{tables.Edition2026, "L-6603B252", "", false},
		{tables.Edition2026, "", "", false},
	}
	for _, tt := range tests {
		q, ok := tables.In(tt.edition).ByQuotaCode(tt.code)
		if ok != tt.wantOK || q.ID != tt.wantID {
			t.Errorf("%s ByQuotaCode(%q) = %q, %v; want %q, %v", tt.edition, tt.code, q.ID, ok, tt.wantID, tt.wantOK)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tt := range []struct {
		cat *tables.Catalogue
		def float64
	}{{old, 100}, {cur, 500}} {
		q, ok := tt.cat.Lookup("connect.concurrent-active-chats")
		if !ok || q.Name != "Concurrent active chats per instance" || q.Default != tt.def {
			t.Errorf("%s Lookup(connect.concurrent-active-chats) = %+v, %v", tt.cat.Edition, q, ok)
		}
		for _, id := range []string{"", "connect", "connect.concurrent-active-call", "CONNECT.CONCURRENT-ACTIVE-CALLS"} {
			if q, ok := tt.cat.Lookup(id); ok {
				t.Errorf("%s Lookup(%q) = %s, want none", tt.cat.Edition, id, q.ID)
			}
		}
		for _, id := range tt.cat.IDs() {
			if q := tt.cat.MustLookup(id); q.ID != id {
				t.Errorf("%s MustLookup(%q).ID = %q", tt.cat.Edition, id, q.ID)
			}
		}
	}
	if _, ok := cur.Lookup("outbound-campaigns.campaigns"); ok {
		t.Error("2026 has outbound-campaigns.campaigns, which its page replaced")
	}
}

func TestMustLookupPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("MustLookup(outbound-campaigns.campaigns) did not panic in 2026")
		}
		if s, _ := r.(string); !strings.Contains(s, "outbound-campaigns.campaigns") || !strings.Contains(s, "2026") {
			t.Errorf("panic %v does not name the id and the edition", r)
		}
	}()
	cur.MustLookup("outbound-campaigns.campaigns")
}

// idCalls are the functions whose first argument is a quota id: tables.MustLookup,
// the sizing package's Common.quota, limitOf, Check and catalogueNote, and the
// plan's evaluator add and its direct helper.
var idCalls = map[string]bool{"MustLookup": true, "quota": true, "limitOf": true, "Check": true, "catalogueNote": true, "add": true, "direct": true}

// Every quota id written in connectcap's own code exists in at least one edition:
// the first argument of the calls above when it is a string literal or a constant,
// and any string literal shaped like an id of a known service. A check made on the
// chosen edition's rows then panics only on a typo the tests would catch.
func TestMustLookupLiteralsExist(t *testing.T) {
	root := ".."
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("module root not found")
	}
	prefixes := map[string]bool{}
	for _, s := range tables.Services {
		prefixes[s] = true
	}
	for a := range tables.ServiceAliases {
		prefixes[a] = true
	}
	fset := token.NewFileSet()
	files := map[string][]*ast.File{} // by directory, for package-level constants
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil // a file being edited elsewhere; the build reports it
		}
		files[filepath.Dir(path)] = append(files[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	calls, shaped := 0, 0
	check := func(pos token.Pos, id, how string) {
		if len(tables.EditionsOf(id)) == 0 {
			t.Errorf("%s: %s %q: no such quota in any edition", fset.Position(pos), how, id)
		}
	}
	for _, fs := range files {
		// Package-level string constants, which the ident's own object does not
		// reach across files.
		consts := map[string]string{}
		for _, f := range fs {
			for _, decl := range f.Decls {
				if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
					for _, spec := range g.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, name := range vs.Names {
							if i < len(vs.Values) {
								if s, ok := stringLit(vs.Values[i]); ok {
									consts[name.Name] = s
								}
							}
						}
					}
				}
			}
		}
		for _, f := range fs {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, ok := stringLit(n); ok {
						if m := idForm.FindStringSubmatch(s); m != nil && prefixes[m[1]] {
							shaped++
							check(n.Pos(), s, "literal")
						}
					}
				case *ast.CallExpr:
					var name string
					switch fun := n.Fun.(type) {
					case *ast.SelectorExpr:
						name = fun.Sel.Name
						if name == "direct" {
							return true // direct is a local helper, called by its name
						}
					case *ast.Ident:
						name = fun.Name
						if name != "direct" {
							return true // add is the evaluator's method; a bare add is another helper
						}
					}
					if !idCalls[name] || len(n.Args) == 0 {
						return true
					}
					id, ok := stringLit(n.Args[0])
					if ident, isIdent := n.Args[0].(*ast.Ident); !ok && isIdent {
						id, ok = constValue(ident, consts)
					}
					if ok {
						calls++
						check(n.Args[0].Pos(), id, name)
					}
				}
				return true
			})
		}
	}
	if calls < 20 {
		t.Errorf("found %d calls with a literal or constant quota id; the sizing and plan packages make dozens", calls)
	}
	if shaped == 0 {
		t.Error("found no literal quota ids")
	}
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// constValue is the value of a string constant: a local one through the ident's
// object, a package-level one from consts.
func constValue(ident *ast.Ident, consts map[string]string) (string, bool) {
	if ident.Obj != nil && ident.Obj.Kind == ast.Con {
		if vs, ok := ident.Obj.Decl.(*ast.ValueSpec); ok {
			for i, name := range vs.Names {
				if name.Name == ident.Name && i < len(vs.Values) {
					return stringLit(vs.Values[i])
				}
			}
		}
		return "", false
	}
	s, ok := consts[ident.Name]
	return s, ok
}

func TestScopes(t *testing.T) {
	for _, cat := range []*tables.Catalogue{old, cur} {
		scopes := cat.Scopes()
		for i := 1; i < len(scopes); i++ {
			if scopes[i-1] >= scopes[i] {
				t.Errorf("%s: Scopes() not sorted and unique at %q, %q", cat.Edition, scopes[i-1], scopes[i])
			}
		}
		for _, want := range []string{"account", "instance", "region", "domain"} {
			if !slices.Contains(scopes, want) {
				t.Errorf("%s: Scopes() lacks %q", cat.Edition, want)
			}
		}
	}
}

// The 2026 page prints the Voice ID table unchanged.
func TestVoiceIDSessionsTable(t *testing.T) {
	want := [][2]float64{{1000, 50}, {5000, 250}, {10000, 500}, {20000, 1000}, {50000, 2500}}
	if len(tables.VoiceIDSessions) != len(want) {
		t.Fatalf("VoiceIDSessions has %d rows, the page %d", len(tables.VoiceIDSessions), len(want))
	}
	for i, p := range tables.VoiceIDSessions {
		if p.X != want[i][0] || p.Y != want[i][1] {
			t.Errorf("VoiceIDSessions[%d] = %v, page %v", i, p, want[i])
		}
	}
}

// The Voice ID texts write the end-of-support day out; each must give the same day
// as VoiceIDEndOfSupport, followed by a colon or a full stop.
func TestVoiceIDTextsCarryEndOfSupport(t *testing.T) {
	if tables.VoiceIDEndOfSupport != "2026-05-20" {
		t.Errorf("VoiceIDEndOfSupport = %q, the announcement says 2026-05-20", tables.VoiceIDEndOfSupport)
	}
	for _, s := range []string{tables.VoiceIDNotice, tables.VoiceIDEnded, tables.VoiceIDCheckNote} {
		if !strings.Contains(s, " on "+tables.VoiceIDEndOfSupport+":") && !strings.HasSuffix(s, " on "+tables.VoiceIDEndOfSupport+".") {
			t.Errorf("%q does not give the end of support, %s", s, tables.VoiceIDEndOfSupport)
		}
	}
}

// The "Maximum contacts in queue" setting is bounded by the calls quota alone on
// the 2023 page, and by calls, chats and tasks combined on the current page (its
// default of 3009 is calls 10 + chats 500 + tasks 2500, less 1). The slice is a copy.
func TestQueueLimitQuotas(t *testing.T) {
	want := map[tables.Edition][]string{
		tables.Edition2023: {"connect.concurrent-active-calls"},
		tables.Edition2026: {"connect.concurrent-active-calls", "connect.concurrent-active-chats", "connect.concurrent-active-tasks"},
	}
	for e, ids := range want {
		got := tables.In(e).QueueLimitQuotas()
		if !slices.Equal(got, ids) {
			t.Errorf("%s: QueueLimitQuotas() = %q, want %q", e, got, ids)
		}
		got[0] = "changed"
		if again := tables.In(e).QueueLimitQuotas(); again[0] != ids[0] {
			t.Errorf("%s: writing the result changed the catalogue: %q", e, again)
		}
	}
}

// Each service's "all other operations" row, and only it, is a shared bucket:
// the one ForOperation falls back to for an operation the page does not name.
func TestSharedBucket(t *testing.T) {
	want := map[string]string{"connect": "connect.api-requests", "agent-assist": "wisdom.api-requests", "outbound-campaigns": "outbound-campaigns.api-requests"}
	for _, q := range cur.All() {
		if q.SharedBucket() != (want[q.Service] == q.ID) {
			t.Errorf("%s: SharedBucket() = %v", q.ID, q.SharedBucket())
		}
	}
	for service, id := range want {
		if q, ok := cur.ForOperation(service, "SomeUnnamedOperation"); !ok || q.ID != id || !q.SharedBucket() {
			t.Errorf("ForOperation(%s, unnamed) = %s, %v", service, q.ID, ok)
		}
	}
	if q := cur.MustLookup("connect.api.get-metric-data-v2"); q.SharedBucket() {
		t.Errorf("%s is a row of its own, not a shared bucket", q.ID)
	}
}

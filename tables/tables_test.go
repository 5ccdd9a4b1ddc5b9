package tables_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// pageRow is one row of a table on the source page (amazon-connect-service-quotas.md),
// copied by hand: name, default, unit and the Adjustable column (NotStated where the
// table has no such column or leaves it blank).
type pageRow struct {
	name       string
	def        float64
	unit       string
	adjustable tables.Adjustable
}

const (
	yes = tables.Yes
	no  = tables.No
	ns  = tables.NotStated
)

// pageTables holds the quota tables of the page by service. The "Rate of API
// requests" and Wisdom "RateLimit for all APIs" rows sit in these tables; the other
// API throttling quotas are checked by operation in TestAPIThrottlingPage.
var pageTables = map[string][]pageRow{
	"connect": {
		{"AWS Lambda functions per instance", 50, "count", no},
		{"Agent status per instance", 50, "count", no},
		{"Amazon Connect instances per account", 2, "count", yes},
		{"Amazon Lex bots per instance", 70, "count", no},
		{"Amazon Lex V2 bot aliases per instance", 100, "count", yes},
		{"Concurrent active calls per instance", 10, "count", yes},
		{"Concurrent active chats per instance", 100, "count", yes},
		{"Concurrent active tasks per instance", 2500, "count", yes},
		{"Flows per instance", 100, "count", yes},
		{"Hours of operation per instance", 100, "count", yes},
		{"Maximum duration that a task can be scheduled in future", 6, "days", no},
		{"Modules per instance", 200, "count", no},
		{"Phone numbers per instance", 5, "count", yes},
		{"Prompts per instance", 500, "count", yes},
		{"Queues per instance", 50, "count", yes},
		{"Queues per routing profile per instance", 50, "count", yes},
		{"Quick connects per instance", 100, "count", yes},
		{"Rate of API requests", 2, "requests/second", yes},
		{"Reports per instance", 2000, "count", yes},
		{"Routing profiles per instance", 100, "count", yes},
		{"Scheduled reports per instance", 50, "count", no},
		{"Security profiles per instance", 100, "count", yes},
		{"Task templates per instance", 50, "count", no},
		{"Task template customized fields per instance", 50, "count", no},
		{"User hierarchy groups per instance", 500, "count", yes},
		{"Users per instance", 500, "count", yes},
	},
	"appintegrations": {
		{"Data integration associations per data integration", 10, "count", yes},
		{"Data integrations per Region", 10, "count", yes},
		{"Event integration associations per event integration", 10, "count", yes},
		{"Event integrations per Region", 10, "count", yes},
	},
	"cases": {
		{"Cases domains per AWS account", 5, "count", yes},
		{"Fields in a Cases domain", 50, "count", yes},
		{"Field options per single-select field in the Cases domain", 100, "count", yes},
		{"Layouts in a Cases domain", 25, "count", yes},
		{"Templates in a Cases domain", 25, "count", yes},
		{"Related items that can be attached to a case", 50, "count", yes},
		{"Case fields per case template", 30, "count", no},
	},
	"contact-lens": {
		{"Concurrent real-time calls with analytics", 50, "count", yes},
		{"Concurrent post-call analytics jobs", 200, "count", yes},
		{"Concurrent post-chat analytics jobs", 200, "count", yes},
	},
	"customer-profiles": {
		{"Amazon Connect Customer Profiles domains count", 100, "count", yes},
		{"Keys per object type", 10, "count", yes},
		{"Maximum expiration in days", 1096, "days", yes},
		{"Maximum number of integrations", 50, "count", yes},
		{"Maximum size of all objects for a profile", 50, "MB", yes},
		{"Object and profile maximum size", 250, "KB", no},
		{"Object types per domain", 100, "count", yes},
		{"Objects per profile", 1000, "count", yes},
		{"Maximum number of Identity Resolution Jobs each week for a domain", 3, "", no},
		{"Maximum number of consolidation rules in an Identity Resolution Job", 10, "count", no},
		{"Maximum number of attributes in each consolidation rule", 20, "count", no},
	},
	"outbound-campaigns": {
		{"Amazon Connect campaigns", 25, "count", yes},
	},
	"voice-id": {
		{"Domains", 3, "count", ns},
		{"Concurrent active sessions per domain", 50, "count", ns},
		{"Maximum number of fraudsters per watchlist", 500, "count", ns},
		{"Maximum number of watchlists per domain", 3, "count", ns},
		{"Maximum number of speakers per domain", 100000, "count", ns},
		{"Active Batch Speaker Enrollment Jobs per domain", 1, "count", ns},
		{"Active Batch Fraudster Registration Jobs per domain", 1, "count", ns},
		{"Speakers per Batch Speaker Enrollment Job", 10000, "count", ns},
		{"Fraudsters per Batch Fraudster Registration Job", 500, "count", ns},
	},
	"wisdom": {
		{"Assistants", 5, "count", no},
		{"Knowledge bases", 10, "count", ns},
		{"Maximum size of a knowledge base", 5, "GB", ns},
		{"Content per knowledge base", 5000, "count", ns},
		{"Maximum size per document", 1, "MB", ns},
		{"RateLimit for all APIs", 50, "requests/second", ns},
	},
}

// pageTableRowCounts are the row counts of the page's quota tables.
var pageTableRowCounts = map[string]int{
	"connect": 26, "appintegrations": 4, "cases": 7, "contact-lens": 3,
	"customer-profiles": 11, "outbound-campaigns": 1, "voice-id": 9, "wisdom": 6,
}

// inPageTable says whether a catalogue row comes from one of the page's quota tables
// rather than from its API throttling section.
func inPageTable(q tables.Quota) bool {
	return q.Kind == tables.Resource || q.ID == "connect.api-requests" || q.ID == "wisdom.api-requests"
}

func TestPageTablesPresent(t *testing.T) {
	for service, rows := range pageTables {
		if len(rows) != pageTableRowCounts[service] {
			t.Fatalf("test data: %s has %d rows, the page %d", service, len(rows), pageTableRowCounts[service])
		}
	}
	got := map[string]map[string]tables.Quota{}
	for _, q := range old.All() {
		if !inPageTable(q) {
			continue
		}
		if got[q.Service] == nil {
			got[q.Service] = map[string]tables.Quota{}
		}
		if _, dup := got[q.Service][q.Name]; dup {
			t.Errorf("%s: two rows named %q", q.Service, q.Name)
		}
		got[q.Service][q.Name] = q
	}
	for service, rows := range pageTables {
		if n := len(got[service]); n != len(rows) {
			t.Errorf("%s: catalogue has %d rows from the page's table, the page %d", service, n, len(rows))
		}
		for _, want := range rows {
			q, ok := got[service][want.name]
			if !ok {
				t.Errorf("%s: no row %q", service, want.name)
				continue
			}
			if q.Default != want.def {
				t.Errorf("%s: default %v, page %v", q.ID, q.Default, want.def)
			}
			if want.unit != "" && q.Unit != want.unit {
				t.Errorf("%s: unit %q, page %q", q.ID, q.Unit, want.unit)
			}
			if q.Adjustable != want.adjustable {
				t.Errorf("%s: adjustable %q, page %q", q.ID, q.Adjustable, want.adjustable)
			}
		}
	}
	for service := range got {
		if _, ok := pageTables[service]; !ok {
			t.Errorf("service %q has rows but no table on the page", service)
		}
	}
}

// apiOp is one operation named in the page's API throttling section, with its rate
// and burst (0 where the page gives none).
type apiOp struct {
	service, operation string
	rate, burst        float64
}

var pageAPIOperations = []apiOp{
	{"connect", "GetMetricData", 5, 8},
	{"connect", "GetCurrentMetricData", 5, 8},
	{"connect", "StartChatContact", 5, 8},
	{"connect", "StartContactStreaming", 5, 8},
	{"connect", "StopContactStreaming", 5, 8},
	{"connect", "DescribeUser", 2, 5}, // "all other operations"
	{"connect", "StartOutboundVoiceContact", 2, 5},
	{"participant", "CreateParticipantConnection", 6, 9},
	{"participant", "DisconnectParticipant", 3, 5},
	{"participant", "GetTranscript", 8, 12},
	{"participant", "SendEvent", 10, 15},
	{"participant", "SendMessage", 10, 15},
	{"participant", "StartAttachmentUpload", 2, 5},
	{"participant", "CompleteAttachmentUpload", 2, 5},
	{"participant", "GetAttachment", 8, 12},
	{"contact-lens", "ListRealtimeContactAnalysisSegments", 1, 2},
}

func init() {
	cases := map[float64][]string{
		10: {"CreateCase", "SearchCases", "UpdateCase", "AssociateContact", "ListTemplates", "CreateRelatedItem", "SearchRelatedItems"},
		5:  {"CreateField", "ListFields", "CreateDomain", "GetDomain", "CreateTemplate", "BatchPutFieldOptions", "CreateLayout", "UpdateLayout", "UpdateTemplate", "UpdateField"},
		25: {"BatchGetField"},
		15: {"GetCase", "ListFieldOptions"},
		20: {"GetTemplate", "GetLayout"},
	}
	voiceID := map[float64][]string{
		60: {"EvaluateSession"},
		2: {"CreateDomain", "DescribeDomain", "UpdateDomain", "DeleteDomain", "ListDomains",
			"StartSpeakerEnrollmentJob", "DescribeSpeakerEnrollmentJob", "ListSpeakerEnrollmentJobs",
			"StartFraudsterRegistrationJob", "DescribeFraudsterRegistrationJob", "ListFraudsterRegistrationJobs",
			"CreateIntegrationAssociation", "DeleteIntegrationAssociation", "ListIntegrationAssociation",
			"TagResource", "UnTagResource", "ListTagsForResource"},
		5:  {"ListSpeakers"},
		10: {"DescribeSpeaker", "OptOutSpeaker", "DeleteSpeaker", "DescribeFraudster", "DeleteFraudster"},
	}
	for rate, ops := range cases {
		for _, op := range ops {
			pageAPIOperations = append(pageAPIOperations, apiOp{"cases", op, rate, 0})
		}
	}
	for rate, ops := range voiceID {
		for _, op := range ops {
			pageAPIOperations = append(pageAPIOperations, apiOp{"voice-id", op, rate, 0})
		}
	}
}

func TestAPIThrottlingPage(t *testing.T) {
	for _, op := range pageAPIOperations {
		q, ok := old.ForOperation(op.service, op.operation)
		if !ok {
			t.Errorf("ForOperation(%q, %q): no row", op.service, op.operation)
			continue
		}
		if q.Kind != tables.APIRate || q.Service != op.service {
			t.Errorf("ForOperation(%q, %q) = %s, kind %q service %q", op.service, op.operation, q.ID, q.Kind, q.Service)
		}
		if q.Default != op.rate || q.Burst != op.burst {
			t.Errorf("%s/%s: rate %v burst %v, page %v and %v", op.service, op.operation, q.Default, q.Burst, op.rate, op.burst)
		}
		if q.Unit != "requests/second" {
			t.Errorf("%s: unit %q", q.ID, q.Unit)
		}
	}
	// The page's Cases and Voice ID API tables have 6 rows each.
	for service, n := range map[string]int{"cases": 6, "voice-id": 6, "contact-lens": 1} {
		got := 0
		for _, q := range old.All() {
			if q.Service == service && q.Kind == tables.APIRate {
				got++
			}
		}
		if got != n {
			t.Errorf("%s: %d API rate rows, the page %d", service, got, n)
		}
	}
	// The page: "The rate limit cannot be increased for GetMetricData and
	// GetCurrentMetricData".
	for _, op := range []string{"GetMetricData", "GetCurrentMetricData"} {
		if q, _ := old.ForOperation("connect", op); q.Adjustable != tables.No {
			t.Errorf("%s: adjustable %q, the page says it cannot be increased", op, q.Adjustable)
		}
	}
}

// trueCodes is quota-facts.md section 1, every row, plus the API rate codes it gives
// for rows the catalogue holds: id → service code, quota code.
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
}

func TestQuotaCodesMatchFacts(t *testing.T) {
	for id, want := range trueCodes {
		q, ok := old.Lookup(id)
		if !ok {
			t.Errorf("no row %s", id)
			continue
		}
		if q.ServiceCode != want[0] || q.QuotaCode != want[1] {
			t.Errorf("%s: codes %s/%s, facts %s/%s", id, q.ServiceCode, q.QuotaCode, want[0], want[1])
		}
		if name, ok := trueCodeNames[id]; ok && q.Name != name {
			t.Errorf("%s: name %q, want %q", id, q.Name, name)
		}
	}
	// No other row carries a code, and no code sits on two rows.
	seen := map[string]string{}
	for _, q := range old.All() {
		if _, ok := trueCodes[q.ID]; !ok && (q.QuotaCode != "" || q.ServiceCode != "") {
			t.Errorf("%s carries codes %q/%q that the facts do not give it", q.ID, q.ServiceCode, q.QuotaCode)
		}
		if q.QuotaCode == "" {
			continue
		}
		key := q.ServiceCode + "/" + q.QuotaCode
		if other, dup := seen[key]; dup {
			t.Errorf("%s and %s both carry %s", other, q.ID, key)
		}
		seen[key] = q.ID
	}
}

func TestNoKnownWrongCodes(t *testing.T) {
	for _, q := range old.All() {
		switch q.Service {
		case "customer-profiles", "voice-id", "wisdom", "contact-lens":
			if q.QuotaCode != "" || q.ServiceCode != "" {
				t.Errorf("%s carries codes %q/%q; the facts give none for %s", q.ID, q.ServiceCode, q.QuotaCode, q.Service)
			}
		case "cases":
			if q.QuotaCode == "L-14092FF4" {
				t.Errorf("%s carries L-14092FF4, the page's wrong link", q.ID)
			}
		}
	}
	// The page's wrong links, row by row.
	wrong := map[string]string{
		"connect.lex-v2-bot-aliases":                     "L-12AB7C57",
		"appintegrations.data-integrations":              "L-E3D2F503",
		"appintegrations.data-integration-associations":  "L-6603B252",
		"appintegrations.event-integrations":             "L-4A5ECB8E",
		"appintegrations.event-integration-associations": "L-3217D1F1",
	}
	for id, code := range wrong {
		if q := old.MustLookup(id); strings.EqualFold(q.QuotaCode, code) {
			t.Errorf("%s carries %s, which the facts call wrong for it", id, code)
		}
	}
	// L-14092FF4 belongs to no row at all.
	if q, ok := old.ByQuotaCode("L-14092FF4"); ok {
		t.Errorf("ByQuotaCode(L-14092FF4) = %s, want none", q.ID)
	}
}

func TestOperationQuotaCodes(t *testing.T) {
	want := map[string]string{
		"GetMetricDataV2":           "L-2E719449",
		"StartOutboundVoiceContact": "L-4E9BCC96",
	}
	for op, code := range want {
		if got := tables.OperationQuotaCodes[op]; got != code {
			t.Errorf("OperationQuotaCodes[%s] = %q, facts %q", op, got, code)
		}
	}
}

var idForm = regexp.MustCompile(`^([a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$`)

func TestIDs(t *testing.T) {
	services := map[string]bool{}
	for _, s := range tables.Services {
		services[s] = true
	}
	seen := map[string]bool{}
	all := old.All()
	ids := old.IDs()
	if len(ids) != len(all) {
		t.Fatalf("IDs() has %d ids, All() %d rows", len(ids), len(all))
	}
	for i, q := range all {
		if ids[i] != q.ID {
			t.Errorf("IDs()[%d] = %s, All()[%d].ID = %s", i, ids[i], i, q.ID)
		}
		if seen[q.ID] {
			t.Errorf("duplicate id %s", q.ID)
		}
		seen[q.ID] = true
		m := idForm.FindStringSubmatch(q.ID)
		if m == nil {
			t.Errorf("id %q is not of the form service.name", q.ID)
			continue
		}
		if m[1] != q.Service {
			t.Errorf("id %q starts with %q, its service is %q", q.ID, m[1], q.Service)
		}
		if !services[q.Service] {
			t.Errorf("%s: service %q not in Services", q.ID, q.Service)
		}
		if q.Name == "" || q.Unit == "" || q.Scope == "" {
			t.Errorf("%s: empty name, unit or scope", q.ID)
		}
		if q.Default <= 0 {
			t.Errorf("%s: default %v", q.ID, q.Default)
		}
		switch q.Adjustable {
		case tables.Yes, tables.No, tables.NotStated:
		default:
			t.Errorf("%s: adjustable %q", q.ID, q.Adjustable)
		}
		if q.Kind == tables.APIRate && q.Unit != "requests/second" {
			t.Errorf("%s: api rate in %q", q.ID, q.Unit)
		}
		if (q.ServiceCode == "") != (q.QuotaCode == "") {
			t.Errorf("%s: service code %q with quota code %q", q.ID, q.ServiceCode, q.QuotaCode)
		}
	}
}

func TestAllIsACopy(t *testing.T) {
	a := old.All()
	id := a[0].ID
	a[0].Default = -1
	a[0].ID = "changed"
	if q := old.MustLookup(id); q.Default == -1 {
		t.Error("changing All()'s result changed the catalogue")
	}
	if old.All()[0].ID != id {
		t.Error("changing All()'s result changed the catalogue order")
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
	q := old.MustLookup("contact-lens.concurrent-realtime-calls")
	tests := []struct {
		region   string
		want     float64
		regional bool
	}{
		{"us-east-1", 100, true},
		{"us-west-2", 50, false},
		{"eu-west-2", 50, false},
		{"", 50, false},
	}
	for _, tt := range tests {
		got, regional := q.DefaultIn(tt.region)
		if got != tt.want || regional != tt.regional {
			t.Errorf("DefaultIn(%q) = %v, %v; want %v, %v", tt.region, got, regional, tt.want, tt.regional)
		}
	}
	// Only that row differs by Region on the page.
	for _, q := range old.All() {
		if len(q.RegionDefaults) > 0 && q.ID != "contact-lens.concurrent-realtime-calls" {
			t.Errorf("%s has region defaults %v; the page gives none", q.ID, q.RegionDefaults)
		}
		if v, regional := q.DefaultIn("eu-central-1"); v != q.Default || regional {
			t.Errorf("%s: DefaultIn(eu-central-1) = %v, %v", q.ID, v, regional)
		}
	}
}

func TestForOperation(t *testing.T) {
	tests := []struct {
		service, operation string
		wantID             string
		wantOK             bool
	}{
		{"connect", "GetMetricData", "connect.api.get-metric-data", true},
		{"connect", "getmetricdata", "connect.api.get-metric-data", true},
		{"connect", "GetCurrentMetricData", "connect.api.get-current-metric-data", true},
		{"connect", "StartChatContact", "connect.api.start-chat-contact", true},
		{"connect", "StopContactStreaming", "connect.api.stop-contact-streaming", true},
		{"connect", "DescribeUser", "connect.api-requests", true},
		{"connect", "GetMetricDataV2", "connect.api-requests", true},
		{"connect", "", "connect.api-requests", true},
		{"wisdom", "GetContent", "wisdom.api-requests", true},
		{"wisdom", "QueryAssistant", "wisdom.api-requests", true},
		{"participant", "SendMessage", "participant.api.send-message", true},
		{"participant", "SendEvent", "participant.api.send-event", true},
		{"participant", "DescribeUser", "", false},
		{"cases", "CreateDomain", "cases.api.admin-operations", true},
		{"voice-id", "CreateDomain", "voice-id.api.domain-and-batch", true},
		{"cases", "GetCase", "cases.api.get-case", true},
		{"cases", "Unknown", "", false},
		{"voice-id", "EvaluateSession", "voice-id.api.evaluate-session", true},
		{"contact-lens", "ListRealtimeContactAnalysisSegments", "contact-lens.api.list-realtime-contact-analysis-segments", true},
		{"nosuch", "GetMetricData", "", false},
	}
	for _, tt := range tests {
		q, ok := old.ForOperation(tt.service, tt.operation)
		if ok != tt.wantOK || q.ID != tt.wantID {
			t.Errorf("ForOperation(%q, %q) = %q, %v; want %q, %v", tt.service, tt.operation, q.ID, ok, tt.wantID, tt.wantOK)
		}
	}
	// The fallback rows carry the page's "all other operations" and wisdom rates.
	if q, _ := old.ForOperation("connect", "ListQueues"); q.Default != 2 || q.Burst != 5 {
		t.Errorf("connect fallback: rate %v burst %v, page 2 and 5", q.Default, q.Burst)
	}
	if q, _ := old.ForOperation("wisdom", "GetContent"); q.Default != 50 {
		t.Errorf("wisdom: rate %v, page 50", q.Default)
	}
}

func TestByQuotaCode(t *testing.T) {
	tests := []struct {
		code   string
		wantID string
		wantOK bool
	}{
		{"L-12AB7C57", "connect.concurrent-active-calls", true},
		{"l-12ab7c57", "connect.concurrent-active-calls", true},
		{"L-CCEA7427", "connect.lex-v2-bot-aliases", true},
		{"L-E3D2F503", "connect.lambda-functions", true},
		{"L-013E1287", "appintegrations.data-integrations", true},
		{"L-C2B81BC3", "cases.domains", true},
		{"L-7F7B4C39", "outbound-campaigns.campaigns", true},
		{"L-52794498", "connect.api.get-metric-data", true},
		{"L-6603B252", "", false},
		{"L-14092FF4", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		q, ok := old.ByQuotaCode(tt.code)
		if ok != tt.wantOK || q.ID != tt.wantID {
			t.Errorf("ByQuotaCode(%q) = %q, %v; want %q, %v", tt.code, q.ID, ok, tt.wantID, tt.wantOK)
		}
	}
}

func TestLookup(t *testing.T) {
	q, ok := old.Lookup("connect.concurrent-active-calls")
	if !ok || q.Name != "Concurrent active calls per instance" || q.Default != 10 {
		t.Errorf("Lookup(connect.concurrent-active-calls) = %+v, %v", q, ok)
	}
	for _, id := range []string{"", "connect", "connect.concurrent-active-call", "CONNECT.CONCURRENT-ACTIVE-CALLS"} {
		if q, ok := old.Lookup(id); ok {
			t.Errorf("Lookup(%q) = %s, want none", id, q.ID)
		}
	}
	for _, id := range old.IDs() {
		if q := old.MustLookup(id); q.ID != id {
			t.Errorf("MustLookup(%q).ID = %q", id, q.ID)
		}
	}
}

func TestMustLookupPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("MustLookup(nosuch.quota) did not panic")
		}
		if s, _ := r.(string); !strings.Contains(s, "nosuch.quota") {
			t.Errorf("panic %v does not name the id", r)
		}
	}()
	old.MustLookup("nosuch.quota")
}

// Every id that connectcap's own code passes to tables.MustLookup as a literal exists:
// MustLookup's promise that it panics only on a typo the tests would catch.
func TestMustLookupLiteralsExist(t *testing.T) {
	root := ".."
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("module root not found")
	}
	fset := token.NewFileSet()
	found := 0
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
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "MustLookup" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "tables" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			id, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			found++
			if _, ok := old.Lookup(id); !ok {
				t.Errorf("%s: old.MustLookup(%q): no such quota", fset.Position(lit.Pos()), id)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Error("found no tables.MustLookup calls to check")
	}
}

func TestScopes(t *testing.T) {
	scopes := old.Scopes()
	for i := 1; i < len(scopes); i++ {
		if scopes[i-1] >= scopes[i] {
			t.Errorf("Scopes() not sorted and unique at %q, %q", scopes[i-1], scopes[i])
		}
	}
	for _, want := range []string{"account", "instance", "region", "domain"} {
		found := false
		for _, s := range scopes {
			found = found || s == want
		}
		if !found {
			t.Errorf("Scopes() lacks %q", want)
		}
	}
}

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

// old is the 2023 edition, the source document these tables transcribe.
var old = tables.In(tables.Edition2023)

package tables

// Codes for rows the page links to the wrong quota come from the quota facts
// (public dumps of Service Quotas list-service-quotas). Rows with no known code carry
// none: a request for them goes through the quota increase form.

// rows2023 is the 2023 edition of the page, the source document: its tables row by
// row, in page order.
var rows2023 = []Quota{
	// Amazon Connect quotas.
	{ID: "connect.lambda-functions", Name: "AWS Lambda functions per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-E3D2F503"},
	{ID: "connect.agent-statuses", Name: "Agent status per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.instances", Name: "Amazon Connect instances per account", Service: "connect", Kind: Resource, Scope: "account", Default: 2, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-AA17A6B9",
		Note: "Quotas apply per Region; this counts the instances of one account in one Region."},
	{ID: "connect.lex-bots", Name: "Amazon Lex bots per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 70, Unit: count, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-B93A6612"},
	{ID: "connect.lex-v2-bot-aliases", Name: "Amazon Lex V2 bot aliases per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-CCEA7427",
		Note: "The page links this row to L-12AB7C57, which is the concurrent calls quota."},
	{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 10, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-12AB7C57",
		Note: "Counts calls in flows, waiting in queue, with agents, and outbound calls; not queued callbacks or external transfers. Over the quota a call gets a fast busy (reorder) tone. Maximum contacts in queue can be set to at most this quota - 1."},
	{ID: "connect.concurrent-active-chats", Name: "Concurrent active chats per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-D4BA6F6E",
		Note: "Includes chats that are waiting. Over the quota the API call fails with a quota exceeded error."},
	{ID: "connect.concurrent-active-tasks", Name: "Concurrent active tasks per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 2500, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-60553137",
		Note: "Every task not yet ended counts: in flows, waiting in queue, with agents, or in After Contact Work."},
	{ID: "connect.flows", Name: "Flows per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-22922690"},
	{ID: "connect.hours-of-operation", Name: "Hours of operation per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-20CD02F7"},
	{ID: "connect.task-schedule-ahead", Name: "Maximum duration that a task can be scheduled in future", Service: "connect", Kind: Resource, Scope: "task", Default: 6, Unit: "days", Adjustable: No},
	{ID: "connect.modules", Name: "Modules per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 200, Unit: count, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-19755C7E"},
	{ID: "connect.phone-numbers", Name: "Phone numbers per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 5, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-8F812903",
		Note: "A \"reached the limit of Phone Numbers\" error can appear even on the first claim; AWS Support must resolve it."},
	{ID: "connect.prompts", Name: "Prompts per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-0865B754"},
	{ID: "connect.queues", Name: "Queues per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-19A87C94"},
	{ID: "connect.queues-per-routing-profile", Name: "Queues per routing profile per instance", Service: "connect", Kind: Resource, Scope: "routing-profile", Default: 50, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-516BC0EB",
		Note: "Counts queue-channel combinations: one queue on voice and chat counts 2."},
	{ID: "connect.quick-connects", Name: "Quick connects per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-68BBE2E8"},
	{ID: "connect.api-requests", Name: "Rate of API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: Yes,
		Note: "Amazon Connect API operations not listed separately: each has this rate and burst. Shared by all users and instances of the account in a Region."},
	{ID: "connect.reports", Name: "Reports per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 2000, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-79564E52",
		Note: "Personal saved reports count too; set policies so they don't pile up."},
	{ID: "connect.routing-profiles", Name: "Routing profiles per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-D3E7BE26"},
	{ID: "connect.scheduled-reports", Name: "Scheduled reports per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-986AE5E3"},
	{ID: "connect.security-profiles", Name: "Security profiles per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-F325A715"},
	{ID: "connect.task-templates", Name: "Task templates per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.task-template-fields", Name: "Task template customized fields per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.user-hierarchy-groups", Name: "User hierarchy groups per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-D68AAAE4",
		Note: "Counts hierarchy groups across all levels."},
	{ID: "connect.users", Name: "Users per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-9A46857E"},

	// Amazon Connect AppIntegrations quotas.
	{ID: "appintegrations.data-integration-associations", Name: "Data integration associations per data integration", Service: "appintegrations", Kind: Resource, Scope: "data-integration", Default: 10, Unit: count, Adjustable: Yes, ServiceCode: "app-integrations", QuotaCode: "L-3DEFA101",
		Note: "The page links this row to L-6603B252, a wrong code."},
	{ID: "appintegrations.data-integrations", Name: "Data integrations per Region", Service: "appintegrations", Kind: Resource, Scope: "region", Default: 10, Unit: count, Adjustable: Yes, ServiceCode: "app-integrations", QuotaCode: "L-013E1287",
		Note: "The page links this row to L-E3D2F503, a wrong code."},
	{ID: "appintegrations.event-integration-associations", Name: "Event integration associations per event integration", Service: "appintegrations", Kind: Resource, Scope: "event-integration", Default: 10, Unit: count, Adjustable: Yes, ServiceCode: "app-integrations", QuotaCode: "L-C1BC25C8",
		Note: "The page links this row to L-3217D1F1, a wrong code."},
	{ID: "appintegrations.event-integrations", Name: "Event integrations per Region", Service: "appintegrations", Kind: Resource, Scope: "region", Default: 10, Unit: count, Adjustable: Yes, ServiceCode: "app-integrations", QuotaCode: "L-152D3E9E",
		Note: "The page links this row to L-4A5ECB8E, a wrong code."},

	// Amazon Connect Cases quotas. The page links every adjustable row to L-14092FF4.
	{ID: "cases.domains", Name: "Cases domains per AWS account", Service: "cases", Kind: Resource, Scope: "account", Default: 5, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-C2B81BC3"},
	{ID: "cases.fields", Name: "Fields in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-C5B69356"},
	{ID: "cases.field-options", Name: "Field options per single-select field in the Cases domain", Service: "cases", Kind: Resource, Scope: "field", Default: 100, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-E52A0E46"},
	{ID: "cases.layouts", Name: "Layouts in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 25, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-D0ED993F"},
	{ID: "cases.templates", Name: "Templates in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 25, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-0482161A"},
	{ID: "cases.related-items", Name: "Related items that can be attached to a case", Service: "cases", Kind: Resource, Scope: "case", Default: 50, Unit: count, Adjustable: Yes, ServiceCode: "cases", QuotaCode: "L-C1AF8D37"},
	{ID: "cases.fields-per-template", Name: "Case fields per case template", Service: "cases", Kind: Resource, Scope: "template", Default: 30, Unit: count, Adjustable: No},

	// Contact Lens quotas. The page states no scope and gives no quota codes.
	{ID: "contact-lens.concurrent-realtime-calls", Name: "Concurrent real-time calls with analytics", Service: "conversational-analytics", Kind: Resource, Scope: "not-stated", Default: 50, RegionDefaults: map[string]float64{"us-east-1": 100}, Unit: count, Adjustable: Yes,
		Note: "50; 100 in US East (N. Virginia)."},
	{ID: "contact-lens.concurrent-post-call-jobs", Name: "Concurrent post-call analytics jobs", Service: "conversational-analytics", Kind: Resource, Scope: "not-stated", Default: 200, Unit: count, Adjustable: Yes,
		Note: "A job runs for about 40% of the call length: jobs = minutes x 0.4 x calls per hour / 60, for calls spread evenly over the hour."},
	{ID: "contact-lens.concurrent-post-chat-jobs", Name: "Concurrent post-chat analytics jobs", Service: "conversational-analytics", Kind: Resource, Scope: "not-stated", Default: 200, Unit: count, Adjustable: Yes},

	// Amazon Connect Customer Profiles quotas. The page reuses other services' codes
	// for these rows and no reliable source gives the true ones, so none are carried.
	{ID: "customer-profiles.domains", Name: "Amazon Connect Customer Profiles domains count", Service: "customer-profiles", Kind: Resource, Scope: "account", Default: 100, Unit: count, Adjustable: Yes},
	{ID: "customer-profiles.keys-per-object-type", Name: "Keys per object type", Service: "customer-profiles", Kind: Resource, Scope: "object-type", Default: 10, Unit: count, Adjustable: Yes},
	{ID: "customer-profiles.expiration-days", Name: "Maximum expiration in days", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 1096, Unit: "days", Adjustable: Yes,
		Note: "Expiration of objects and profiles (3 years)."},
	{ID: "customer-profiles.integrations", Name: "Maximum number of integrations", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: Yes},
	{ID: "customer-profiles.objects-size-per-profile", Name: "Maximum size of all objects for a profile", Service: "customer-profiles", Kind: Resource, Scope: "profile", Default: 50, Unit: "MB", Adjustable: Yes},
	{ID: "customer-profiles.object-size", Name: "Object and profile maximum size", Service: "customer-profiles", Kind: Resource, Scope: "object", Default: 250, Unit: "KB", Adjustable: No},
	{ID: "customer-profiles.object-types", Name: "Object types per domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 100, Unit: count, Adjustable: Yes},
	{ID: "customer-profiles.objects-per-profile", Name: "Objects per profile", Service: "customer-profiles", Kind: Resource, Scope: "profile", Default: 1000, Unit: count, Adjustable: Yes,
		Note: "Objects that can be attached to one profile."},
	{ID: "customer-profiles.identity-resolution-jobs", Name: "Maximum number of Identity Resolution Jobs each week for a domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 3, Unit: "jobs/week", Adjustable: No},
	{ID: "customer-profiles.consolidation-rules", Name: "Maximum number of consolidation rules in an Identity Resolution Job", Service: "customer-profiles", Kind: Resource, Scope: "identity-resolution-job", Default: 10, Unit: count, Adjustable: No},
	{ID: "customer-profiles.attributes-per-consolidation-rule", Name: "Maximum number of attributes in each consolidation rule", Service: "customer-profiles", Kind: Resource, Scope: "consolidation-rule", Default: 20, Unit: count, Adjustable: No},

	// Outbound campaigns quotas.
	{ID: "outbound-campaigns.campaigns", Name: "Amazon Connect campaigns", Service: "outbound-campaigns", Kind: Resource, Scope: "not-stated", Default: 25, Unit: count, Adjustable: Yes, ServiceCode: "connect-campaigns", QuotaCode: "L-7F7B4C39"},

	// Amazon Connect Voice ID quotas. The page's table has no adjustable column and
	// gives no codes.
	{ID: "voice-id.domains", Name: "Domains", Service: "voice-id", Kind: Resource, Scope: "account", Default: 3, Unit: count, Adjustable: NotStated,
		Note: "Applies per account."},
	{ID: "voice-id.concurrent-sessions", Name: "Concurrent active sessions per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: NotStated,
		Note: "Derive from Voice ID calls per hour: 50 sessions per 1,000 calls per hour in the page's table, for calls spread evenly over the hour."},
	{ID: "voice-id.fraudsters-per-watchlist", Name: "Maximum number of fraudsters per watchlist", Service: "voice-id", Kind: Resource, Scope: "watchlist", Default: 500, Unit: count, Adjustable: NotStated},
	{ID: "voice-id.watchlists", Name: "Maximum number of watchlists per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 3, Unit: count, Adjustable: NotStated,
		Note: "Includes the domain's default watchlist."},
	{ID: "voice-id.speakers", Name: "Maximum number of speakers per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 100000, Unit: count, Adjustable: NotStated},
	{ID: "voice-id.active-speaker-enrollment-jobs", Name: "Active Batch Speaker Enrollment Jobs per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 1, Unit: count, Adjustable: NotStated},
	{ID: "voice-id.active-fraudster-registration-jobs", Name: "Active Batch Fraudster Registration Jobs per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 1, Unit: count, Adjustable: NotStated},
	{ID: "voice-id.speakers-per-enrollment-job", Name: "Speakers per Batch Speaker Enrollment Job", Service: "voice-id", Kind: Resource, Scope: "batch-job", Default: 10000, Unit: count, Adjustable: NotStated},
	{ID: "voice-id.fraudsters-per-registration-job", Name: "Fraudsters per Batch Fraudster Registration Job", Service: "voice-id", Kind: Resource, Scope: "batch-job", Default: 500, Unit: count, Adjustable: NotStated},

	// Amazon Connect Wisdom quotas. Only Assistants is marked; the other rows leave
	// the adjustable column blank.
	{ID: "wisdom.assistants", Name: "Assistants", Service: "agent-assist", Kind: Resource, Scope: "not-stated", Default: 5, Unit: count, Adjustable: No},
	{ID: "wisdom.knowledge-bases", Name: "Knowledge bases", Service: "agent-assist", Kind: Resource, Scope: "not-stated", Default: 10, Unit: count, Adjustable: NotStated},
	{ID: "wisdom.knowledge-base-size", Name: "Maximum size of a knowledge base", Service: "agent-assist", Kind: Resource, Scope: "knowledge-base", Default: 5, Unit: "GB", Adjustable: NotStated},
	{ID: "wisdom.content-per-knowledge-base", Name: "Content per knowledge base", Service: "agent-assist", Kind: Resource, Scope: "knowledge-base", Default: 5000, Unit: count, Adjustable: NotStated,
		Note: "Content is FAQs, wikis, articles, step-by-step instructions."},
	{ID: "wisdom.document-size", Name: "Maximum size per document", Service: "agent-assist", Kind: Resource, Scope: "document", Default: 1, Unit: "MB", Adjustable: NotStated},
	{ID: "wisdom.api-requests", Name: "RateLimit for all APIs", Service: "agent-assist", Kind: APIRate, Scope: "not-stated", Default: 50, Unit: rps, Adjustable: NotStated},

	// Amazon Connect API throttling quotas: by account and per Region, shared by all
	// users and instances of the account.
	{ID: "connect.api.get-metric-data", Name: "Rate of GetMetricData API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-52794498",
		Operations: []string{"GetMetricData"}, Note: "The rate cannot be increased."},
	{ID: "connect.api.get-current-metric-data", Name: "Rate of GetCurrentMetricData API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: No, ServiceCode: "connect", QuotaCode: "L-ED2B0490",
		Operations: []string{"GetCurrentMetricData"}, Note: "The rate cannot be increased."},
	{ID: "connect.api.start-chat-contact", Name: "Rate of StartChatContact API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, ServiceCode: "connect", QuotaCode: "L-AA48CD49",
		Operations: []string{"StartChatContact"}},
	{ID: "connect.api.start-contact-streaming", Name: "Rate of StartContactStreaming API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes,
		Operations: []string{"StartContactStreaming"}},
	{ID: "connect.api.stop-contact-streaming", Name: "Rate of StopContactStreaming API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes,
		Operations: []string{"StopContactStreaming"}},

	// Amazon Connect Participant Service API throttling quotas: by instance. The page
	// does not say whether they can be raised.
	{ID: "participant.api.create-participant-connection", Name: "Rate of CreateParticipantConnection API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 6, Burst: 9, Unit: rps, Adjustable: NotStated, Operations: []string{"CreateParticipantConnection"}},
	{ID: "participant.api.disconnect-participant", Name: "Rate of DisconnectParticipant API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 3, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"DisconnectParticipant"}},
	{ID: "participant.api.get-transcript", Name: "Rate of GetTranscript API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 8, Burst: 12, Unit: rps, Adjustable: NotStated, Operations: []string{"GetTranscript"}},
	{ID: "participant.api.send-event", Name: "Rate of SendEvent API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 10, Burst: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"SendEvent"}},
	{ID: "participant.api.send-message", Name: "Rate of SendMessage API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 10, Burst: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"SendMessage"}},
	{ID: "participant.api.start-attachment-upload", Name: "Rate of StartAttachmentUpload API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"StartAttachmentUpload"}},
	{ID: "participant.api.complete-attachment-upload", Name: "Rate of CompleteAttachmentUpload API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"CompleteAttachmentUpload"}},
	{ID: "participant.api.get-attachment", Name: "Rate of GetAttachment API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 8, Burst: 12, Unit: rps, Adjustable: NotStated, Operations: []string{"GetAttachment"}},

	// Amazon Connect Contact Lens Service API throttling quotas: by account.
	{ID: "contact-lens.api.list-realtime-contact-analysis-segments", Name: "Rate of ListRealtimeContactAnalysisSegments API requests", Service: "conversational-analytics", Kind: APIRate, Scope: "account", Default: 1, Burst: 2, Unit: rps, Adjustable: NotStated,
		Operations: []string{"ListRealtimeContactAnalysisSegments"}},

	// Amazon Connect Cases API throttling quotas: TPS, no burst given. The page does
	// not state the scope; they are treated as per account in a Region.
	{ID: "cases.api.case-operations", Name: "Cases API TPS: CreateCase, SearchCases, UpdateCase, AssociateContact, ListTemplates, CreateRelatedItem, SearchRelatedItems", Service: "cases", Kind: APIRate, Scope: "account", Default: 10, Unit: rps, Adjustable: NotStated,
		Operations: []string{"CreateCase", "SearchCases", "UpdateCase", "AssociateContact", "ListTemplates", "CreateRelatedItem", "SearchRelatedItems"}, Note: "Each operation listed has this rate."},
	{ID: "cases.api.admin-operations", Name: "Cases API TPS: CreateField, ListFields, CreateDomain, GetDomain, CreateTemplate, BatchPutFieldOptions, CreateLayout, UpdateLayout, UpdateTemplate, UpdateField", Service: "cases", Kind: APIRate, Scope: "account", Default: 5, Unit: rps, Adjustable: NotStated,
		Operations: []string{"CreateField", "ListFields", "CreateDomain", "GetDomain", "CreateTemplate", "BatchPutFieldOptions", "CreateLayout", "UpdateLayout", "UpdateTemplate", "UpdateField"}, Note: "Each operation listed has this rate."},
	{ID: "cases.api.batch-get-field", Name: "Cases API TPS: BatchGetField", Service: "cases", Kind: APIRate, Scope: "account", Default: 25, Unit: rps, Adjustable: NotStated, Operations: []string{"BatchGetField"}},
	{ID: "cases.api.get-case", Name: "Cases API TPS: GetCase", Service: "cases", Kind: APIRate, Scope: "account", Default: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"GetCase"}},
	{ID: "cases.api.get-template-layout", Name: "Cases API TPS: GetTemplate, GetLayout", Service: "cases", Kind: APIRate, Scope: "account", Default: 20, Unit: rps, Adjustable: NotStated, Operations: []string{"GetTemplate", "GetLayout"}, Note: "Each operation listed has this rate."},
	{ID: "cases.api.list-field-options", Name: "Cases API TPS: ListFieldOptions", Service: "cases", Kind: APIRate, Scope: "account", Default: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"ListFieldOptions"}},

	// Amazon Connect Voice ID Service API throttling quotas: TPS, no burst given.
	{ID: "voice-id.api.evaluate-session", Name: "Voice ID API TPS: EvaluateSession", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 60, Unit: rps, Adjustable: NotStated, Operations: []string{"EvaluateSession"}},
	{ID: "voice-id.api.domain-and-batch", Name: "Voice ID API TPS: domain APIs and batch APIs", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 2, Unit: rps, Adjustable: NotStated,
		Operations: []string{"CreateDomain", "DescribeDomain", "UpdateDomain", "DeleteDomain", "ListDomains", "StartSpeakerEnrollmentJob", "DescribeSpeakerEnrollmentJob", "ListSpeakerEnrollmentJobs", "StartFraudsterRegistrationJob", "DescribeFraudsterRegistrationJob", "ListFraudsterRegistrationJobs"},
		Note:       "Each operation listed has this rate."},
	{ID: "voice-id.api.list-speakers", Name: "Voice ID API TPS: ListSpeakers", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"ListSpeakers"}},
	{ID: "voice-id.api.speaker-and-fraudster", Name: "Voice ID API TPS: DescribeSpeaker, OptOutSpeaker, DeleteSpeaker, DescribeFraudster, DeleteFraudster", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 10, Unit: rps, Adjustable: NotStated,
		Operations: []string{"DescribeSpeaker", "OptOutSpeaker", "DeleteSpeaker", "DescribeFraudster", "DeleteFraudster"}, Note: "Each operation listed has this rate."},
	{ID: "voice-id.api.integration-associations", Name: "Voice ID API TPS: CreateIntegrationAssociation, DeleteIntegrationAssociation, ListIntegrationAssociation", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 2, Unit: rps, Adjustable: NotStated,
		Operations: []string{"CreateIntegrationAssociation", "DeleteIntegrationAssociation", "ListIntegrationAssociation"}, Note: "Each operation listed has this rate."},
	{ID: "voice-id.api.tagging", Name: "Voice ID API TPS: TagResource, UnTagResource, ListTagsForResource", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 2, Unit: rps, Adjustable: NotStated,
		Operations: []string{"TagResource", "UnTagResource", "ListTagsForResource"}, Note: "Each operation listed has this rate."},
}

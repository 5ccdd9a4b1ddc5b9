package tables

// Codes for rows the page links to the wrong quota come from the quota facts
// (public dumps of Service Quotas list-service-quotas). Rows with no known code carry
// none: a request for them goes through the quota increase form.

// rows2026 is the current edition of the page (quota facts section 6): its tables row by
// row, in page order.
var rows2026 = []Quota{
	// Connect Customer (Amazon Connect) quotas. The Adjustability column gives each
	// adjustable row's level; fixed rows mostly show "-" (not stated).
	{ID: "connect.lambda-functions", Name: "AWS Lambda functions per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-E3D2F503"},
	{ID: "connect.agent-statuses", Name: "Agent status per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.instances", Name: "Connect Customer instances per Region", Service: "connect", Kind: Resource, Scope: "account", Default: 2, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "connect", QuotaCode: "L-AA17A6B9",
		Note: "The instances of one account in one Region (the 2023 edition says \"per account\")."},
	{ID: "connect.lex-bots", Name: "Amazon Lex bots per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 70, Unit: count, Adjustable: No, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-B93A6612"},
	{ID: "connect.lex-v2-bot-aliases", Name: "Amazon Lex V2 bot aliases per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-CCEA7427",
		Note: "The page linked this row to L-12AB7C57, which is the concurrent calls quota."},
	{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 10, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-12AB7C57",
		Note: "PSTN and WebRTC calls in flows, waiting in queue, with agents, and outbound calls, campaign calls included; not queued callbacks or external transfers. Over the quota a call gets a fast busy (reorder) tone."},
	{ID: "connect.concurrent-active-chats", Name: "Concurrent active chats per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-D4BA6F6E",
		Note: "Includes SMS, WhatsApp and Apple Messages for Business; idle and waiting chats count. Over the quota the API call fails with a quota exceeded error."},
	{ID: "connect.concurrent-active-emails", Name: "Concurrent active emails per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 1000, Unit: count, Adjustable: Yes, Level: ResourceLevel,
		Note: "Counts emails in flows, queued, with agents (After Contact Work included) and being composed."},
	{ID: "connect.concurrent-active-tasks", Name: "Concurrent active tasks per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 2500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-60553137",
		Note: "Every task not yet ended counts: in flows, waiting in queue, with agents, or in After Contact Work."},
	{ID: "connect.custom-metrics", Name: "Custom metrics per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 1000, Unit: count, Adjustable: No, Level: ResourceLevel},
	{ID: "connect.data-tables", Name: "Data tables per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel},
	{ID: "connect.data-table-primary-attributes", Name: "Primary attributes per data table", Service: "connect", Kind: Resource, Scope: "data-table", Default: 5, Unit: count, Adjustable: No},
	{ID: "connect.data-table-attributes", Name: "Attributes per data table", Service: "connect", Kind: Resource, Scope: "data-table", Default: 100, Unit: count, Adjustable: No},
	{ID: "connect.data-table-values", Name: "Values per data table", Service: "connect", Kind: Resource, Scope: "data-table", Default: 1000, Unit: count, Adjustable: Yes, Level: ResourceLevel},
	{ID: "connect.email-addresses", Name: "Email addresses per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Max: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel,
		Note: "Can be raised to at most 500."},
	{ID: "connect.email-addresses-per-message", Name: "Email addresses per email message", Service: "connect", Kind: Resource, Scope: "email", Default: 50, Unit: count, Adjustable: No,
		Note: "To and CC together."},
	{ID: "connect.email-domains", Name: "Email domains per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: No, Level: ResourceLevel,
		Note: "Custom domains: the page gives 1 Amazon Connect domain + 100 custom ones."},
	{ID: "connect.email-attachment-size", Name: "Maximum individual attachment size", Service: "connect", Kind: Resource, Scope: "attachment", Default: 20, Max: 100, Unit: "MB", Adjustable: Yes, Level: ResourceLevel,
		Note: "Configurable up to 100 MB."},
	{ID: "connect.email-contact-expiry", Name: "Active email contact expiry", Service: "connect", Kind: Resource, Scope: "email", Default: 14, Unit: "days", Adjustable: No, Level: ResourceLevel,
		Note: "A setting that can be customized up to 90 days; not a quota to request."},
	{ID: "connect.email-thread-expiry", Name: "Active email conversation (thread) expiry", Service: "connect", Kind: Resource, Scope: "email", Default: 90, Unit: "days", Adjustable: No, Level: ResourceLevel},
	{ID: "connect.flows", Name: "Flows per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-22922690"},
	{ID: "connect.hours-of-operation", Name: "Hours of operation per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-20CD02F7"},
	{ID: "connect.hours-of-operation-overrides", Name: "Overrides per hours of operation", Service: "connect", Kind: Resource, Scope: "hours-of-operation", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.hours-of-operation-override-associations", Name: "Associations to inherit recurring overrides per hours of operation", Service: "connect", Kind: Resource, Scope: "hours-of-operation", Default: 3, Unit: count, Adjustable: No},
	{ID: "connect.task-schedule-ahead", Name: "Maximum duration that a task can be scheduled in future", Service: "connect", Kind: Resource, Scope: "task", Default: 90, Unit: "days", Adjustable: No},
	{ID: "connect.task-reschedules", Name: "Maximum reschedules of a task scheduled for the future", Service: "connect", Kind: Resource, Scope: "task", Default: 20, Unit: count, Adjustable: No},
	{ID: "connect.modules", Name: "Modules per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 200, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-19755C7E"},
	{ID: "connect.phone-numbers", Name: "Phone numbers per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 5, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-8F812903",
		Note: "A \"reached the limit of Phone Numbers\" error can appear even on the first claim; AWS Support must resolve it."},
	{ID: "connect.predefined-attributes", Name: "Predefined attributes per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 150, Unit: count, Adjustable: Yes, Level: ResourceLevel},
	{ID: "connect.proficiencies-per-agent", Name: "Proficiencies per agent", Service: "connect", Kind: Resource, Scope: "user", Default: 10, Unit: count, Adjustable: Yes, Level: ResourceLevel},
	{ID: "connect.prompts", Name: "Prompts per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-0865B754"},
	{ID: "connect.queues", Name: "Queues per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-19A87C94"},
	{ID: "connect.agent-queue-contacts", Name: "Maximum contacts in an agent queue per instance", Service: "connect", Kind: Resource, Scope: "agent-queue", Default: 10, Unit: count, Adjustable: Yes, Level: ResourceLevel},
	{ID: "connect.queues-per-routing-profile", Name: "Queues per routing profile per instance", Service: "connect", Kind: Resource, Scope: "routing-profile", Default: 50, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-516BC0EB",
		Note: "Counts queue-channel combinations: one queue on voice and chat counts 2. Manual-assignment queues have a limit of 50 of their own."},
	{ID: "connect.quick-connects", Name: "Quick connects per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-68BBE2E8"},
	{ID: "connect.api-requests", Name: "Rate of API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Note: "Connect Customer API operations not listed separately: each has this rate and burst. Shared by all users and instances of the account in a Region. The Service Quotas console may wrongly show 200 for GetCurrentUserData, which has this rate; the page advises using this default, or opening a ticket."},
	{ID: "connect.reports", Name: "Reports per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 2000, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-79564E52",
		Note: "Personal saved reports count too; set policies so they don't pile up."},
	{ID: "connect.routing-profiles", Name: "Routing profiles per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-D3E7BE26"},
	{ID: "connect.scheduled-reports", Name: "Scheduled reports per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-986AE5E3"},
	{ID: "connect.security-profiles", Name: "Security profiles per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 100, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-F325A715"},
	{ID: "connect.task-templates", Name: "Task templates per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: No},
	{ID: "connect.task-template-fields", Name: "Task template customized fields per template", Service: "connect", Kind: Resource, Scope: "template", Default: 50, Unit: count, Adjustable: No,
		Note: "The 2023 edition says \"per instance\"."},
	{ID: "connect.theme-detection-reports", Name: "Theme detection reports generated within 30 minutes per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 6, Unit: count, Adjustable: No, Level: ResourceLevel},
	{ID: "connect.user-hierarchy-groups", Name: "User hierarchy groups per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-D68AAAE4",
		Note: "Counts hierarchy groups across all levels."},
	{ID: "connect.users", Name: "Users per instance", Service: "connect", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: ResourceLevel, ServiceCode: "connect", QuotaCode: "L-9A46857E",
		Note: "All of them can be logged in at once."},

	// AppIntegrations quotas, all account level.
	{ID: "appintegrations.data-integration-associations", Name: "Data integration associations per data integration", Service: "appintegrations", Kind: Resource, Scope: "data-integration", Default: 10, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "app-integrations", QuotaCode: "L-3DEFA101"},
	{ID: "appintegrations.data-integrations", Name: "Data integrations per Region", Service: "appintegrations", Kind: Resource, Scope: "region", Default: 20, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "app-integrations", QuotaCode: "L-013E1287"},
	{ID: "appintegrations.event-integration-associations", Name: "Event integration associations per event integration", Service: "appintegrations", Kind: Resource, Scope: "event-integration", Default: 10, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "app-integrations", QuotaCode: "L-C1BC25C8"},
	{ID: "appintegrations.event-integrations", Name: "Event integrations per Region", Service: "appintegrations", Kind: Resource, Scope: "region", Default: 10, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "app-integrations", QuotaCode: "L-152D3E9E"},
	{ID: "appintegrations.applications", Name: "Applications per Region", Service: "appintegrations", Kind: Resource, Scope: "region", Default: 50, Unit: count, Adjustable: Yes, Level: AccountLevel},

	// Agent assist (was Amazon Connect Wisdom) quotas: account level, adjusted
	// through AWS Support. Rows the page does not mark yes or no are not-stated.
	{ID: "wisdom.assistants", Name: "Assistants", Service: "agent-assist", Kind: Resource, Scope: "account", Default: 5, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.knowledge-bases", Name: "Knowledge bases", Service: "agent-assist", Kind: Resource, Scope: "account", Default: 10, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "wisdom.assistant-associations", Name: "Assistant associations", Service: "agent-assist", Kind: Resource, Scope: "assistant", Default: 20, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.quick-responses", Name: "Quick responses per knowledge base", Service: "agent-assist", Kind: Resource, Scope: "knowledge-base", Default: 1000, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "wisdom.content-per-knowledge-base", Name: "Content per knowledge base", Service: "agent-assist", Kind: Resource, Scope: "knowledge-base", Default: 5000, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "Content is FAQs, wikis, articles, step-by-step instructions."},
	{ID: "wisdom.document-size", Name: "Maximum size per document", Service: "agent-assist", Kind: Resource, Scope: "document", Default: 5, Unit: "MB", Adjustable: NotStated, Level: AccountLevel},
	{ID: "wisdom.message-templates", Name: "Message templates per knowledge base", Service: "agent-assist", Kind: Resource, Scope: "knowledge-base", Default: 200, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "wisdom.message-template-versions", Name: "Versions per message template", Service: "agent-assist", Kind: Resource, Scope: "message-template", Default: 20, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.email-template-attachments", Name: "Attachments per email template", Service: "agent-assist", Kind: Resource, Scope: "message-template", Default: 10, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.email-template-attachment-size", Name: "Maximum attachment size in an email template", Service: "agent-assist", Kind: Resource, Scope: "attachment", Default: 1, Unit: "MB", Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.email-template-characters", Name: "Characters in an email template", Service: "agent-assist", Kind: Resource, Scope: "message-template", Default: 5000000, Unit: "characters", Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.sms-template-characters", Name: "Characters in an SMS template", Service: "agent-assist", Kind: Resource, Scope: "message-template", Default: 800, Unit: "characters", Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.routing-profiles-per-template", Name: "Routing profiles per quick response or email template", Service: "agent-assist", Kind: Resource, Scope: "message-template", Default: 40, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "wisdom.api-requests", Name: "Rate limit for all APIs", Service: "agent-assist", Kind: APIRate, Scope: "account", Default: 10, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"GetMessageTemplate", "ListMessageTemplates", "ListMessageTemplateVersions", "RenderMessageTemplate", "SearchMessageTemplates"},
		Note:       "Every agent assist API has this rate but those with rows of their own (wisdom.api.*); the operations listed are the message template operations the page gives this rate."},

	// Cases quotas, all account level.
	{ID: "cases.domains", Name: "Cases domains per AWS account", Service: "cases", Kind: Resource, Scope: "account", Default: 5, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-C2B81BC3"},
	{ID: "cases.fields", Name: "Fields in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 500, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-C5B69356"},
	{ID: "cases.field-options", Name: "Field options per single-select field in the Cases domain", Service: "cases", Kind: Resource, Scope: "field", Default: 500, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-E52A0E46"},
	{ID: "cases.layouts", Name: "Layouts in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 100, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-D0ED993F"},
	{ID: "cases.templates", Name: "Templates in a Cases domain", Service: "cases", Kind: Resource, Scope: "domain", Default: 100, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-0482161A"},
	{ID: "cases.related-items", Name: "Related items that can be attached to a case", Service: "cases", Kind: Resource, Scope: "case", Default: 200, Unit: count, Adjustable: Yes, Level: AccountLevel, ServiceCode: "cases", QuotaCode: "L-C1AF8D37"},
	{ID: "cases.files-per-case", Name: "Files per case", Service: "cases", Kind: Resource, Scope: "case", Default: 50, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "cases.fields-per-layout", Name: "Case fields per case layout", Service: "cases", Kind: Resource, Scope: "layout", Default: 100, Unit: count, Adjustable: No, Level: AccountLevel,
		Note: "Replaces the 2023 edition's case fields per case template (30)."},
	{ID: "cases.slas-per-case", Name: "SLAs per case", Service: "cases", Kind: Resource, Scope: "case", Default: 10, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "cases.fields-per-custom-related-item", Name: "Fields in a Custom related item", Service: "cases", Kind: Resource, Scope: "related-item", Default: 5, Unit: count, Adjustable: NotStated, Level: AccountLevel},

	// Conversational analytics (was Contact Lens) quotas, all account level. The
	// page gives no quota codes.
	{ID: "contact-lens.concurrent-realtime-calls", Name: "Concurrent real-time calls with analytics", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 300, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "One value for every Region (the 2023 edition: 50, and 100 in US East (N. Virginia))."},
	{ID: "contact-lens.concurrent-post-call-jobs", Name: "Concurrent post-call analytics jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 200, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "A job runs for about 40% of the call length (a planning estimate that can vary): jobs = minutes x 0.4 x calls per hour / 60, for calls spread evenly over the hour. Only contacts with conversational analytics enabled start a job."},
	{ID: "contact-lens.concurrent-post-chat-jobs", Name: "Concurrent chat analytics jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 200, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "The 2023 edition calls them post-chat analytics jobs."},
	{ID: "contact-lens.automated-interaction-jobs", Name: "Concurrent automated interaction analytics jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 20, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "contact-lens.agent-summary-jobs", Name: "Concurrent post-contact agent conversation summary jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 10, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "contact-lens.automated-summary-jobs", Name: "Concurrent post-contact automated interaction summary jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 2, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "contact-lens.after-call-summary-jobs", Name: "Concurrent after-call agent conversation summary jobs", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 2, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "contact-lens.external-voice-connectors", Name: "External voice analytics connectors", Service: "conversational-analytics", Kind: Resource, Scope: "account", Default: 0, Unit: count, Adjustable: NotStated, Level: AccountLevel,
		Note: "The default is 0: no connector until the quota is raised."},
	{ID: "contact-lens.external-recording-sessions", Name: "Active recording sessions from external voice systems per instance", Service: "conversational-analytics", Kind: Resource, Scope: "instance", Default: 10, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "contact-lens.ai-assisted-answers", Name: "Evaluation questions answered with AI assistance per contact", Service: "conversational-analytics", Kind: Resource, Scope: "contact", Default: 30, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "Raised through a support ticket."},
	{ID: "contact-lens.automated-answers", Name: "Evaluation questions completed automatically per contact", Service: "conversational-analytics", Kind: Resource, Scope: "contact", Default: 15, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "Raised through a support ticket."},
	{ID: "contact-lens.evaluations-per-contact", Name: "Evaluations per contact", Service: "conversational-analytics", Kind: Resource, Scope: "contact", Default: 10, Unit: count, Adjustable: No, Level: AccountLevel},

	// Customer Profiles quotas, all account level. The page reused other services'
	// codes for these rows and no reliable source gives the true ones, so none are
	// carried.
	{ID: "customer-profiles.domains", Name: "Customer Profiles domains count", Service: "customer-profiles", Kind: Resource, Scope: "account", Default: 100, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "customer-profiles.keys-per-object-type", Name: "Keys per object type", Service: "customer-profiles", Kind: Resource, Scope: "object-type", Default: 10, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "customer-profiles.expiration-days", Name: "Maximum expiration in days", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 1098, Unit: "days", Adjustable: Yes, Level: AccountLevel,
		Note: "Expiration of objects and profiles (about 3 years)."},
	{ID: "customer-profiles.calculated-attributes", Name: "Calculated attributes per domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "customer-profiles.event-streams", Name: "Event streams per domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 1, Unit: count, Adjustable: No, Level: AccountLevel},
	{ID: "customer-profiles.event-triggers", Name: "Event triggers per domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "customer-profiles.integrations", Name: "Maximum number of integrations", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "customer-profiles.segment-snapshots", Name: "Segment snapshots per day", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 200, Unit: "snapshots/day", Adjustable: NotStated, Level: AccountLevel},
	{ID: "customer-profiles.objects-size-per-profile", Name: "Maximum size of all objects for a profile", Service: "customer-profiles", Kind: Resource, Scope: "profile", Default: 50, Unit: "MB", Adjustable: Yes, Level: AccountLevel,
		Note: "The page writes 51,200 KB: the same 50 MB."},
	{ID: "customer-profiles.object-size", Name: "Object and profile maximum size", Service: "customer-profiles", Kind: Resource, Scope: "object", Default: 250, Unit: "KB", Adjustable: No, Level: AccountLevel},
	{ID: "customer-profiles.object-types", Name: "Object types per domain", Service: "customer-profiles", Kind: Resource, Scope: "domain", Default: 100, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "customer-profiles.objects-per-profile", Name: "Objects per profile", Service: "customer-profiles", Kind: Resource, Scope: "profile", Default: 1000, Unit: count, Adjustable: Yes, Level: AccountLevel,
		Note: "Objects that can be attached to one profile."},
	{ID: "customer-profiles.bulk-export-jobs", Name: "Concurrent bulk export jobs", Service: "customer-profiles", Kind: Resource, Scope: "account", Default: 20, Unit: count, Adjustable: No, Level: AccountLevel},

	// Outbound campaigns quotas: they replace the 2023 edition's single row,
	// "Amazon Connect campaigns" (25).
	{ID: "outbound-campaigns.active-campaigns", Name: "Active campaigns per instance", Service: "outbound-campaigns", Kind: Resource, Scope: "instance", Default: 50, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "outbound-campaigns.total-campaigns", Name: "Total campaigns per instance", Service: "outbound-campaigns", Kind: Resource, Scope: "instance", Default: 500, Unit: count, Adjustable: Yes, Level: AccountLevel},
	{ID: "outbound-campaigns.concurrent-calls", Name: "Concurrent campaign active calls per instance", Service: "outbound-campaigns", Kind: Resource, Scope: "instance", Default: 0, Unit: count, Adjustable: Yes, Level: ResourceLevel,
		Note: "The default is 0: a campaign cannot place calls until this quota is raised. Above the quota, contacts get a fast busy tone. Campaign calls also count against concurrent active calls."},

	// Voice ID quotas. AWS ended support for Voice ID on 20 May 2026; the page still
	// prints the rows, unchanged and now account level.
	{ID: "voice-id.domains", Name: "Domains", Service: "voice-id", Kind: Resource, Scope: "account", Default: 3, Unit: count, Adjustable: NotStated, Level: AccountLevel,
		Note: "Applies per account."},
	{ID: "voice-id.concurrent-sessions", Name: "Concurrent active sessions per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 50, Unit: count, Adjustable: NotStated, Level: AccountLevel,
		Note: "Derive from Voice ID calls per hour: 50 sessions per 1,000 calls per hour in the page's table, for calls spread evenly over the hour."},
	{ID: "voice-id.fraudsters-per-watchlist", Name: "Maximum number of fraudsters per watchlist", Service: "voice-id", Kind: Resource, Scope: "watchlist", Default: 500, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "voice-id.watchlists", Name: "Maximum number of watchlists per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 3, Unit: count, Adjustable: NotStated, Level: AccountLevel,
		Note: "Includes the domain's default watchlist."},
	{ID: "voice-id.speakers", Name: "Maximum number of speakers per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 100000, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "voice-id.active-speaker-enrollment-jobs", Name: "Active Batch Speaker Enrollment Jobs per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 1, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "voice-id.active-fraudster-registration-jobs", Name: "Active Batch Fraudster Registration Jobs per domain", Service: "voice-id", Kind: Resource, Scope: "domain", Default: 1, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "voice-id.speakers-per-enrollment-job", Name: "Speakers per Batch Speaker Enrollment Job", Service: "voice-id", Kind: Resource, Scope: "batch-job", Default: 10000, Unit: count, Adjustable: NotStated, Level: AccountLevel},
	{ID: "voice-id.fraudsters-per-registration-job", Name: "Fraudsters per Batch Fraudster Registration Job", Service: "voice-id", Kind: Resource, Scope: "batch-job", Default: 500, Unit: count, Adjustable: NotStated, Level: AccountLevel},

	// API throttling quotas (requests per second). Operation names and the values
	// of each operation follow the page's API tables; where quota facts section 6
	// only summarises a table (Evaluations actions, Customer Profiles, outbound
	// campaigns, agent assist message templates), the operations are the page's own.
	// The page gives an account-level quota's example as "the maximum TPS limits for
	// a specific API", and says each section's quotas are at the account level, so
	// the API rows are account level except the Participant Service's, which are
	// per instance.

	// Connect Customer API throttling quotas: by account and per Region, shared by
	// all users and instances of the account. Every row is adjustable at account
	// level; the page no longer says the metric APIs cannot be raised. Operations
	// not listed fall under connect.api-requests (2 / 5).
	{ID: "connect.api.evaluations", Name: "Rate of Evaluations actions API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 3, Burst: 5, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"StartContactEvaluation", "SubmitContactEvaluation", "UpdateContactEvaluation", "DeleteContactEvaluation", "DescribeContactEvaluation", "ListContactEvaluations",
			"CreateEvaluationForm", "UpdateEvaluationForm", "DeleteEvaluationForm", "DescribeEvaluationForm", "ListEvaluationForms", "ListEvaluationFormVersions", "ActivateEvaluationForm", "DeactivateEvaluationForm"},
		Note: "The page's \"all Evaluations actions\": each operation listed has this rate and burst."},
	{ID: "connect.api.get-metric-data", Name: "Rate of GetMetricData API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel, ServiceCode: "connect", QuotaCode: "L-52794498",
		Operations: []string{"GetMetricData"}},
	{ID: "connect.api.get-metric-data-v2", Name: "Rate of GetMetricDataV2 API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 10, Burst: 10, Unit: rps, Adjustable: Yes, Level: AccountLevel, ServiceCode: "connect", QuotaCode: "L-2E719449",
		Operations: []string{"GetMetricDataV2"}, Note: serviceQuotasShows200},
	{ID: "connect.api.get-current-metric-data", Name: "Rate of GetCurrentMetricData API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel, ServiceCode: "connect", QuotaCode: "L-ED2B0490",
		Operations: []string{"GetCurrentMetricData"}, Note: serviceQuotasShows200},
	{ID: "connect.api.search-contacts", Name: "Rate of SearchContacts API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 0.5, Burst: 1, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"SearchContacts"}, Note: "One request every 2 seconds."},
	{ID: "connect.api.start-chat-contact", Name: "Rate of StartChatContact API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel, ServiceCode: "connect", QuotaCode: "L-AA48CD49",
		Operations: []string{"StartChatContact"}},
	{ID: "connect.api.start-contact-streaming", Name: "Rate of StartContactStreaming API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"StartContactStreaming"}},
	{ID: "connect.api.stop-contact-streaming", Name: "Rate of StopContactStreaming API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"StopContactStreaming"}},
	{ID: "connect.api.participant-operations", Name: "Rate of CreatePersistentContactAssociation, UpdateParticipantRoleConfig and CreateParticipant API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 5, Burst: 8, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"CreatePersistentContactAssociation", "UpdateParticipantRoleConfig", "CreateParticipant"}, Note: "Each operation listed has this rate and burst."},
	{ID: "connect.api.contact-operations", Name: "Rate of contact API requests: GetContactAttributes, UpdateContactAttributes, DescribeContact, StopContact, UpdateContact, ListContactReferences, BatchPutContact", Service: "connect", Kind: APIRate, Scope: "account", Default: 10, Burst: 15, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"GetContactAttributes", "UpdateContactAttributes", "DescribeContact", "StopContact", "UpdateContact", "ListContactReferences", "BatchPutContact"}, Note: "Each operation listed has this rate and burst."},
	{ID: "connect.api.contact-tags", Name: "Rate of TagContact and UntagContact API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 20, Burst: 25, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"TagContact", "UntagContact"}, Note: "Each operation listed has this rate and burst."},
	{ID: "connect.api.update-contact-routing-data", Name: "Rate of UpdateContactRoutingData API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 20, Burst: 20, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"UpdateContactRoutingData"}},
	{ID: "connect.api.send-chat-integration-event", Name: "Rate of SendChatIntegrationEvent API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 17, Burst: 26, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"SendChatIntegrationEvent"}},
	{ID: "connect.api.send-integration-event", Name: "Rate of SendIntegrationEvent API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 10, Burst: 15, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"SendIntegrationEvent"}, Note: "A permission-only API used by AWS End User Messaging Social."},
	{ID: "connect.api.integration-associations", Name: "Rate of CreateIntegrationAssociation and DeleteIntegrationAssociation API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"CreateIntegrationAssociation", "DeleteIntegrationAssociation"}, Note: "Each operation listed has this rate and burst; 1 for the SES_IDENTITY type."},
	{ID: "connect.api.list-integration-associations", Name: "Rate of ListIntegrationAssociations API requests", Service: "connect", Kind: APIRate, Scope: "account", Default: 25, Burst: 50, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"ListIntegrationAssociations"}},

	// Connect Customer Participant Service API throttling quotas: by instance,
	// unchanged from the 2023 edition. The page does not say whether they can be
	// raised.
	{ID: "participant.api.create-participant-connection", Name: "Rate of CreateParticipantConnection API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 6, Burst: 9, Unit: rps, Adjustable: NotStated, Operations: []string{"CreateParticipantConnection"}},
	{ID: "participant.api.disconnect-participant", Name: "Rate of DisconnectParticipant API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 3, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"DisconnectParticipant"}},
	{ID: "participant.api.get-transcript", Name: "Rate of GetTranscript API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 8, Burst: 12, Unit: rps, Adjustable: NotStated, Operations: []string{"GetTranscript"}},
	{ID: "participant.api.send-event", Name: "Rate of SendEvent API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 10, Burst: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"SendEvent"}},
	{ID: "participant.api.send-message", Name: "Rate of SendMessage API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 10, Burst: 15, Unit: rps, Adjustable: NotStated, Operations: []string{"SendMessage"}},
	{ID: "participant.api.start-attachment-upload", Name: "Rate of StartAttachmentUpload API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"StartAttachmentUpload"}},
	{ID: "participant.api.complete-attachment-upload", Name: "Rate of CompleteAttachmentUpload API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Operations: []string{"CompleteAttachmentUpload"}},
	{ID: "participant.api.get-attachment", Name: "Rate of GetAttachment API requests", Service: "participant", Kind: APIRate, Scope: "instance", Default: 8, Burst: 12, Unit: rps, Adjustable: NotStated, Operations: []string{"GetAttachment"}},

	// Conversational analytics (was Contact Lens) API throttling quotas: by account.
	{ID: "contact-lens.api.list-realtime-contact-analysis-segments", Name: "Rate of ListRealtimeContactAnalysisSegments API requests", Service: "conversational-analytics", Kind: APIRate, Scope: "account", Default: 1, Burst: 2, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"ListRealtimeContactAnalysisSegments"}, Note: "For voice contacts."},
	{ID: "contact-lens.api.list-realtime-contact-analysis-segments-v2", Name: "Rate of ListRealtimeContactAnalysisSegmentsV2 API requests", Service: "conversational-analytics", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"ListRealtimeContactAnalysisSegmentsV2"}, Note: "For chat contacts."},

	// Connect Customer Cases API throttling quotas: rate and burst, adjustable, at
	// account level. The page writes "CreateRelatedItems" and "DeleteCaseRules";
	// the Cases API operations are CreateRelatedItem and DeleteCaseRule, and those
	// names are carried so that a plan naming the real operation finds its rate.
	// AssociateContact, in the 2023 edition's first group, is no longer listed.
	{ID: "cases.api.case-operations", Name: "Cases API rate: CreateCase, SearchCases, ListTemplates, ListLayouts, CreateRelatedItem, SearchRelatedItems, ListCaseRules, ListTagsForResource, TagResource, UntagResource, GetCaseAuditEvents, GetCaseEventConfiguration, PutCaseEventConfiguration", Service: "cases", Kind: APIRate, Scope: "account", Default: 2, Burst: 10, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"CreateCase", "SearchCases", "ListTemplates", "ListLayouts", "CreateRelatedItem", "SearchRelatedItems", "ListCaseRules", "ListTagsForResource", "TagResource", "UntagResource", "GetCaseAuditEvents", "GetCaseEventConfiguration", "PutCaseEventConfiguration"},
		Note:       "Each operation listed has this rate and burst."},
	{ID: "cases.api.get-case", Name: "Cases API rate: GetCase", Service: "cases", Kind: APIRate, Scope: "account", Default: 4, Burst: 10, Unit: rps, Adjustable: Yes, Level: AccountLevel, Operations: []string{"GetCase"}},
	{ID: "cases.api.update-case", Name: "Cases API rate: UpdateCase, ListCasesForContact", Service: "cases", Kind: APIRate, Scope: "account", Default: 2, Burst: 2, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"UpdateCase", "ListCasesForContact"}, Note: "Each operation listed has this rate and burst."},
	{ID: "cases.api.admin-operations", Name: "Cases API rate: CreateField, ListFields, UpdateField, BatchPutFieldOptions, CreateDomain, GetDomain, ListDomains, CreateTemplate, UpdateTemplate, CreateLayout, UpdateLayout, CreateCaseRule, UpdateCaseRule, DeleteCaseRule", Service: "cases", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"CreateField", "ListFields", "UpdateField", "BatchPutFieldOptions", "CreateDomain", "GetDomain", "ListDomains", "CreateTemplate", "UpdateTemplate", "CreateLayout", "UpdateLayout", "CreateCaseRule", "UpdateCaseRule", "DeleteCaseRule"},
		Note:       "Each operation listed has this rate and burst."},
	{ID: "cases.api.batch-get-field", Name: "Cases API rate: BatchGetField, BatchGetCaseRule", Service: "cases", Kind: APIRate, Scope: "account", Default: 8, Burst: 25, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"BatchGetField", "BatchGetCaseRule"}, Note: "Each operation listed has this rate and burst."},
	{ID: "cases.api.list-field-options", Name: "Cases API rate: ListFieldOptions", Service: "cases", Kind: APIRate, Scope: "account", Default: 6, Burst: 16, Unit: rps, Adjustable: Yes, Level: AccountLevel, Operations: []string{"ListFieldOptions"}},
	{ID: "cases.api.get-template-layout", Name: "Cases API rate: GetTemplate, GetLayout", Service: "cases", Kind: APIRate, Scope: "account", Default: 6, Burst: 20, Unit: rps, Adjustable: Yes, Level: AccountLevel,
		Operations: []string{"GetTemplate", "GetLayout"}, Note: "Each operation listed has this rate and burst."},

	// Customer Profiles API throttling quotas: TPS, no burst given, one value per
	// operation; the rows group the operations by value. The page's table gives
	// DeleteEventStream and DeleteCalculatedAttributeDefinition 5, where quota facts
	// section 6, connectcap's reference, gives deletes of event streams and
	// calculated attribute definitions 1: the reference is followed, the lower rate.
	// Operations the page does not list have no rate here.
	{ID: "customer-profiles.api.profile-operations", Name: "Customer Profiles API TPS: profile and object operations", Service: "customer-profiles", Kind: APIRate, Scope: "account", Default: 100, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"SearchProfiles", "ListProfileObjects", "GetMatches", "GetSimilarProfiles", "GetCalculatedAttributeForProfile", "ListCalculatedAttributesForProfile",
			"CreateProfile", "UpdateProfile", "PutProfileObject", "AddProfileKey", "DeleteProfile", "DeleteProfileObject", "DeleteProfileKey", "MergeProfiles", "ListAccountIntegrations"},
		Note: "Each operation listed has this rate."},
	{ID: "customer-profiles.api.get-profile-object-type", Name: "Customer Profiles API TPS: GetProfileObjectType", Service: "customer-profiles", Kind: APIRate, Scope: "account", Default: 10, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"GetProfileObjectType"}},
	{ID: "customer-profiles.api.management-operations", Name: "Customer Profiles API TPS: reads and other management operations", Service: "customer-profiles", Kind: APIRate, Scope: "account", Default: 5, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"ListDomains", "GetDomain", "ListProfileObjectTypes", "ListProfileObjectTypeTemplates", "GetProfileObjectTypeTemplate", "ListIntegrations", "GetIntegration",
			"ListIdentityResolutionJobs", "GetIdentityResolutionJob", "ListEventStreams", "GetEventStream", "GetCalculatedAttributeDefinition",
			"ListCalculatedAttributeDefinitions", "CreateIntegrationWorkflow", "DeleteWorkflow", "ListWorkflows", "GetWorkflow", "GetWorkflowSteps", "ListRuleBasedMatches",
			"TagResource", "UntagResource", "ListTagsForResource"},
		Note: "Each operation listed has this rate."},
	{ID: "customer-profiles.api.configuration-changes", Name: "Customer Profiles API TPS: domain, object type, integration, event stream and calculated attribute changes", Service: "customer-profiles", Kind: APIRate, Scope: "account", Default: 1, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"CreateDomain", "UpdateDomain", "DeleteDomain", "PutProfileObjectType", "DeleteProfileObjectType", "PutIntegration", "DeleteIntegration", "GetAutoMergingPreview",
			"CreateEventStream", "DeleteEventStream", "CreateCalculatedAttributeDefinition", "UpdateCalculatedAttributeDefinition", "DeleteCalculatedAttributeDefinition"},
		Note: "Each operation listed has this rate."},

	// Connect Customer outbound campaigns API throttling quotas: by account and per
	// Region. Operations not listed fall under outbound-campaigns.api-requests.
	{ID: "outbound-campaigns.api.campaign-changes", Name: "Outbound campaigns API rate: campaign changes and tagging", Service: "outbound-campaigns", Kind: APIRate, Scope: "account", Default: 1, Burst: 2, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"CreateCampaign", "DeleteCampaign", "PauseCampaign", "ResumeCampaign", "StartCampaign", "StopCampaign", "UpdateCampaignDialerConfig", "UpdateCampaignName",
			"UpdateCampaignOutboundCallConfig", "ListTagsForResource", "TagResource", "UntagResource"},
		Note: "Each operation listed has this rate and burst."},
	{ID: "outbound-campaigns.api.campaign-state", Name: "Outbound campaigns API rate: GetCampaignState, GetCampaignStateBatch, ListCampaigns", Service: "outbound-campaigns", Kind: APIRate, Scope: "account", Default: 5, Burst: 10, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"GetCampaignState", "GetCampaignStateBatch", "ListCampaigns"}, Note: "Each operation listed has this rate and burst."},
	{ID: "outbound-campaigns.api.outbound-requests", Name: "Outbound campaigns API rate: PutDialRequestBatch, PutOutboundRequestBatch, PutProfileOutboundRequestBatch", Service: "outbound-campaigns", Kind: APIRate, Scope: "account", Default: 10, Burst: 10, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"PutDialRequestBatch", "PutOutboundRequestBatch", "PutProfileOutboundRequestBatch"}, Note: "Each operation listed has this rate and burst."},
	{ID: "outbound-campaigns.api.describe-campaign", Name: "Outbound campaigns API rate: DescribeCampaign", Service: "outbound-campaigns", Kind: APIRate, Scope: "account", Default: 25, Burst: 35, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"DescribeCampaign"}},
	{ID: "outbound-campaigns.api-requests", Name: "Outbound campaigns API rate: all other operations", Service: "outbound-campaigns", Kind: APIRate, Scope: "account", Default: 2, Burst: 5, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Note: "Outbound campaigns API operations not listed separately: each has this rate and burst."},

	// Voice ID API throttling quotas: TPS, no burst given; the 2023 edition's
	// integration-association row is gone.
	{ID: "voice-id.api.evaluate-session", Name: "Voice ID API TPS: EvaluateSession", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 60, Unit: rps, Adjustable: NotStated, Level: AccountLevel, Operations: []string{"EvaluateSession"}},
	{ID: "voice-id.api.domain-and-batch", Name: "Voice ID API TPS: domain APIs and batch APIs", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 2, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"CreateDomain", "DescribeDomain", "UpdateDomain", "DeleteDomain", "ListDomains", "StartSpeakerEnrollmentJob", "DescribeSpeakerEnrollmentJob", "ListSpeakerEnrollmentJobs", "StartFraudsterRegistrationJob", "DescribeFraudsterRegistrationJob", "ListFraudsterRegistrationJobs"},
		Note:       "Each operation listed has this rate."},
	{ID: "voice-id.api.list-speakers", Name: "Voice ID API TPS: ListSpeakers", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 5, Unit: rps, Adjustable: NotStated, Level: AccountLevel, Operations: []string{"ListSpeakers"}},
	{ID: "voice-id.api.speaker-and-fraudster", Name: "Voice ID API TPS: DescribeSpeaker, OptOutSpeaker, DeleteSpeaker, DescribeFraudster, DeleteFraudster", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 10, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"DescribeSpeaker", "OptOutSpeaker", "DeleteSpeaker", "DescribeFraudster", "DeleteFraudster"}, Note: "Each operation listed has this rate."},
	{ID: "voice-id.api.tagging", Name: "Voice ID API TPS: TagResource, UnTagResource, ListTagsForResource", Service: "voice-id", Kind: APIRate, Scope: "account", Default: 2, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"TagResource", "UnTagResource", "ListTagsForResource"}, Note: "Each operation listed has this rate."},

	// Agent assist API throttling quotas: TPS, no burst given. Every agent assist API
	// has wisdom.api-requests' rate (10) but for the ones below. The page's
	// message-template table gives the template writes 3 and the reads 10. One copy
	// of the table puts DeleteMessageTemplate and DeleteMessageTemplateAttachment at
	// 10; quota facts section 6, connectcap's reference, says writes are 3, and a
	// delete is a write: the reference is followed, the lower rate.
	{ID: "wisdom.api.quick-responses", Name: "Agent assist API TPS: DeleteQuickResponse, SearchQuickResponses", Service: "agent-assist", Kind: APIRate, Scope: "account", Default: 20, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"DeleteQuickResponse", "SearchQuickResponses"}, Note: "Each operation listed has this rate."},
	{ID: "wisdom.api.send-message", Name: "Agent assist API TPS: SendMessage", Service: "agent-assist", Kind: APIRate, Scope: "account", Default: 1, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"SendMessage"}, Note: "The page gives 1 to 2 TPS depending on the Region without naming the Regions; the lower, 1, is carried."},
	{ID: "wisdom.api.message-template-writes", Name: "Agent assist API TPS: message template writes", Service: "agent-assist", Kind: APIRate, Scope: "account", Default: 3, Unit: rps, Adjustable: NotStated, Level: AccountLevel,
		Operations: []string{"ActivateMessageTemplate", "CreateMessageTemplate", "CreateMessageTemplateAttachment", "CreateMessageTemplateVersion", "UpdateMessageTemplate", "UpdateMessageTemplateMetadata", "DeactivateMessageTemplate", "DeleteMessageTemplate", "DeleteMessageTemplateAttachment"},
		Note:       "Each operation listed has this rate."},
}

// serviceQuotasShows200 is the page's warning on the metric APIs' rows.
const serviceQuotasShows200 = "The Service Quotas console may wrongly show 200 as this rate; the page advises using the default given here, or opening a ticket."

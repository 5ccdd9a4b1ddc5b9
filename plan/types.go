// Package plan reads a contact center's plan file (YAML or JSON), checks every
// quota it touches, and turns the checks that need an increase into requests.
package plan

import _ "embed"

// The struct tags drive decoding, validation and the JSON Schema alike:
//   yaml: the key;
//   plan: the kind of value, a name in kinds or texts (decode.go), each an
//         internal/input declaration; then "required", and "note-minutes" for a
//         duration whose bare number (minutes) earns a note;
//   doc:  the description shown by `connectcap plan schema` and in errors.

// Plan is a whole plan file.
type Plan struct {
	Region           string             `yaml:"region" plan:"region" doc:"AWS Region code of the instances, such as us-east-1. --region overrides it."`
	Edition          string             `yaml:"edition" plan:"edition" doc:"Edition of the AWS quotas page whose defaults and rows are checked: 2026 (the current page, the default) or 2023. --edition overrides it."`
	Blocking         *float64           `yaml:"blocking" plan:"blocking" doc:"Largest share of calls, chats, emails and tasks the concurrency quotas may turn away (Erlang B). Default 0.001."`
	Applied          map[string]float64 `yaml:"applied" plan:"applied-account" doc:"The account's current (applied) quota values, keyed by quota id or quota code; for instance quotas they apply to every instance unless the instance overrides them."`
	Instances        []Instance         `yaml:"instances" plan:"required" doc:"The Amazon Connect instances in the Region."`
	VoiceID          *VoiceID           `yaml:"voice_id" doc:"Voice ID domains, speakers and fraudsters (per account)."`
	Cases            *Cases             `yaml:"cases" doc:"Amazon Connect Cases (per account and per domain)."`
	CustomerProfiles *CustomerProfiles  `yaml:"customer_profiles" doc:"Customer Profiles (per account and per domain)."`
	Wisdom           *Wisdom            `yaml:"agent_assist" plan:",alias=wisdom" doc:"Agent assist (Amazon Connect Wisdom until 2026; wisdom: still works)."`
	AppIntegrations  *AppIntegrations   `yaml:"appintegrations" doc:"Amazon Connect AppIntegrations (per Region)."`
	Campaigns        *float64           `yaml:"campaigns" plan:"count" doc:"Outbound campaigns in the account, checked against Amazon Connect campaigns, a row of the 2023 edition only (--edition 2023). The 2026 edition counts campaigns per instance instead: give instances[].campaigns (active, total); under 2026 this key is not checked, and a note on stderr says so."`
	APIConsumers     []APIConsumer      `yaml:"api_consumers" doc:"Programs that call the Amazon Connect APIs: dashboards, wallboards, integrations."`

	file     string         // the file name, for errors
	account  *AccountValues // applied values read from the account, after the plan's
	lines    map[string]int // key path → line, for errors
	warnings []string       // notes from decoding, one line each
}

// Warnings are notes from decoding, one line each with the file, line and key
// path: values read in a way the writer may not have meant (a bare answer_within
// is minutes).
func (p *Plan) Warnings() []string { return p.warnings }

// AccountValues are applied quota values read from the account (live, or from
// a saved read), keyed by quota code: account-level ones, and resource-level
// ones per instance ARN.
type AccountValues struct {
	Account   map[string]float64
	Instances map[string]map[string]float64
	// Source names where they came from, for the result's inputs.
	Source string
}

// WithAccount checks the plan against the account's applied values: for each
// quota, the plan's applied: maps first, then the account's (the instance's by
// its arn:, then the account-level ones), then the page's defaults.
func (p *Plan) WithAccount(v *AccountValues) { p.account = v }

// File is the name the plan was read from.
func (p *Plan) File() string { return p.file }

// Instance is one Amazon Connect instance.
type Instance struct {
	Name        string             `yaml:"name" plan:"name,required" doc:"A name for the instance, unique in the plan."`
	ARN         string             `yaml:"arn" plan:"arn" doc:"The instance ARN; lets connectcap request give --context-id for instance quotas."`
	Applied     map[string]float64 `yaml:"applied" plan:"applied-instance" doc:"This instance's applied quota values, keyed by quota id or quota code."`
	Users       *Users             `yaml:"users" doc:"Users: agents (given or sized), supervisors and others."`
	Inventory   *Inventory         `yaml:"inventory" doc:"Counts of the instance's configuration objects."`
	Traffic     *Traffic           `yaml:"traffic" doc:"Peak-hour traffic per channel."`
	ContactLens *ContactLens       `yaml:"conversational_analytics" plan:",alias=contact_lens" doc:"Conversational analytics (Contact Lens until 2026; contact_lens: still works) on this instance's contacts."`
	Campaigns   *Campaigns         `yaml:"campaigns" doc:"Outbound campaigns on this instance and the calls they place (2026 edition)."`

	// handled is, per channel ("voice", "chat", "task", "email"), the share of
	// contacts that reach an agent, when traffic over time says (a forecast's
	// contacts_handled): staffing offers agents only those.
	handled map[string]float64
}

// Users are the instance's user accounts.
type Users struct {
	Agents      *float64  `yaml:"agents" plan:"count" doc:"Agents with a user account. Give this, or staffing to size them."`
	Staffing    *Staffing `yaml:"staffing" plan:",with=roster_factor" doc:"Size agents with Erlang C from the traffic's handle times instead of giving them."`
	Supervisors *float64  `yaml:"supervisors" plan:"count" doc:"Supervisors and managers."`
	Other       *float64  `yaml:"other" plan:"count" doc:"Other users: administrators, analysts, service accounts."`
	// RosterFactor turns the agents sized for the peak into agent user accounts.
	RosterFactor *float64 `yaml:"roster_factor" plan:"roster-factor,with=staffing" doc:"With staffing: agent user accounts per agent scheduled at the peak (every shift, part-timers, leave), at least 1; users per instance counts every account, not the peak's seats. Required with staffing."`
}

// Staffing sizes agents per channel by Erlang C; channels are staffed separately
// and summed (no pooling across channels, a conservative choice).
type Staffing struct {
	ServiceLevelPct float64  `yaml:"service_level_pct" plan:"service-level,required" doc:"Share of contacts to answer within answer_within, in percent: 80 or 80%, from 1 to less than 100."`
	AnswerWithin    *Minutes `yaml:"answer_within" plan:"duration,required,note-minutes" doc:"Answer target: minutes, or a duration such as 20s."`
	ShrinkagePct    *float64 `yaml:"shrinkage_pct" plan:"shrinkage" doc:"Share of paid time away from contacts, in percent: 30 or 30%, from 0 to less than 100. Default 0."`
	MaxOccupancyPct *float64 `yaml:"max_occupancy_pct" plan:"max-occupancy" doc:"Highest occupancy allowed, in percent: 85 or 85%, from 1 to 100. Default 100."`
}

// Inventory counts an instance's configuration objects.
type Inventory struct {
	Queues                         *float64 `yaml:"queues" plan:"count" doc:"Queues."`
	RoutingProfiles                *float64 `yaml:"routing_profiles" plan:"count" doc:"Routing profiles."`
	QueueChannelsPerRoutingProfile *float64 `yaml:"queue_channels_per_routing_profile" plan:"count" doc:"The most queue-channel combinations in one routing profile (a queue on voice and chat counts 2)."`
	Flows                          *float64 `yaml:"flows" plan:"count" doc:"Flows."`
	Modules                        *float64 `yaml:"modules" plan:"count" doc:"Flow modules."`
	HoursOfOperation               *float64 `yaml:"hours_of_operation" plan:"count" doc:"Hours of operation."`
	PhoneNumbers                   *float64 `yaml:"phone_numbers" plan:"count" doc:"Claimed phone numbers."`
	Prompts                        *float64 `yaml:"prompts" plan:"count" doc:"Prompts."`
	QuickConnects                  *float64 `yaml:"quick_connects" plan:"count" doc:"Quick connects."`
	SecurityProfiles               *float64 `yaml:"security_profiles" plan:"count" doc:"Security profiles."`
	HierarchyGroups                *float64 `yaml:"hierarchy_groups" plan:"count" doc:"User hierarchy groups, across all levels."`
	LambdaFunctions                *float64 `yaml:"lambda_functions" plan:"count" doc:"AWS Lambda functions associated with the instance."`
	LexBots                        *float64 `yaml:"lex_bots" plan:"count" doc:"Amazon Lex (V1) bots."`
	LexV2BotAliases                *float64 `yaml:"lex_v2_bot_aliases" plan:"count" doc:"Amazon Lex V2 bot aliases."`
	AgentStatuses                  *float64 `yaml:"agent_statuses" plan:"count" doc:"Agent statuses."`
	Reports                        *float64 `yaml:"reports" plan:"count" doc:"Saved reports, personal ones included."`
	ScheduledReports               *float64 `yaml:"scheduled_reports" plan:"count" doc:"Scheduled reports."`
	TaskTemplates                  *float64 `yaml:"task_templates" plan:"count" doc:"Task templates."`
	TaskTemplateFields             *float64 `yaml:"task_template_fields" plan:"count" doc:"Customized task template fields in the instance."`
	EmailAddresses                 *float64 `yaml:"email_addresses" plan:"count" doc:"Email addresses the instance sends and receives on."`
	EmailDomains                   *float64 `yaml:"email_domains" plan:"count" doc:"Custom email domains of the instance; its own Amazon Connect domain is not counted."`
}

// Traffic is an instance's peak-hour traffic.
type Traffic struct {
	Voice *Voice `yaml:"voice" doc:"Calls."`
	Chat  *Chat  `yaml:"chat" doc:"Chats."`
	Tasks *Tasks `yaml:"tasks" doc:"Tasks."`
	Email *Email `yaml:"email" doc:"Emails: inbound and agent-initiated."`
}

// Voice is call traffic.
type Voice struct {
	InboundCallsPerHour  float64  `yaml:"inbound_calls_per_hour" plan:"rate,required" doc:"Inbound calls per hour at the peak."`
	MinutesInConnect     *Minutes `yaml:"minutes_in_connect" plan:"duration,required" doc:"Average time an inbound call spends in Connect (flow, queue, agent): minutes, or 6m30s."`
	HandleTime           *Minutes `yaml:"handle_time" plan:"duration" doc:"Average handle time (talk, hold, after-call work), for staffing. Default: minutes_in_connect."`
	OutboundCallsPerHour *float64 `yaml:"outbound_calls_per_hour" plan:"rate" doc:"Outbound calls per hour placed by agents; calls that campaigns place go in the instance's campaigns.calls_per_hour."`
	OutboundMinutes      *Minutes `yaml:"outbound_minutes" plan:"duration" doc:"Average length of an outbound call. Required with outbound_calls_per_hour."`
	VoiceIDShare         *float64 `yaml:"voice_id_share" plan:"share" doc:"Share (0-1, or 25%) of inbound calls that go through Voice ID."`
}

// Chat is chat traffic.
type Chat struct {
	ChatsPerHour     float64  `yaml:"chats_per_hour" plan:"rate,required" doc:"Chats started per hour at the peak."`
	MinutesInConnect *Minutes `yaml:"minutes_in_connect" plan:"duration,required" doc:"Average time a chat stays active, waiting included."`
	HandleTime       *Minutes `yaml:"handle_time" plan:"duration" doc:"Average agent handle time per chat, for staffing. Default: minutes_in_connect."`
	Concurrency      *float64 `yaml:"concurrency" plan:"concurrency" doc:"Chats one agent handles at once, for staffing. Default 1."`
}

// Tasks is task traffic.
type Tasks struct {
	TasksPerHour      float64  `yaml:"tasks_per_hour" plan:"rate,required" doc:"Tasks created per hour at the peak."`
	MinutesInConnect  *Minutes `yaml:"minutes_in_connect" plan:"duration,required" doc:"Average time from creation to end, queueing and After Contact Work included: minutes, or 3h, 2d."`
	HandleTime        *Minutes `yaml:"handle_time" plan:"duration" doc:"Average agent handle time per task, for staffing. Default: tasks are not staffed."`
	ScheduleAheadDays *float64 `yaml:"schedule_ahead_days" plan:"schedule-ahead-days" doc:"How many days ahead tasks are scheduled."`
}

// Email is email traffic. Emails are deferrable: they wait in queue for hours
// rather than being lost, so their own answer_within replaces the staffing's.
type Email struct {
	InboundEmailsPerHour  float64  `yaml:"inbound_emails_per_hour" plan:"rate,required" doc:"Inbound emails per hour at the peak."`
	MinutesInConnect      *Minutes `yaml:"minutes_in_connect" plan:"email-duration,required" doc:"Average time an inbound email stays active in Connect, from arrival to its end (flow, queue, agent, After Contact Work): minutes, or a duration such as 6h or 3d."`
	HandleTime            *Minutes `yaml:"handle_time" plan:"duration" doc:"Average agent handle time per inbound email (reading, replying, After Contact Work), for staffing. Default: emails are not staffed. Agent-initiated emails are not staffed either: agents start them, they do not queue."`
	AnswerWithin          *Minutes `yaml:"answer_within" plan:"duration" doc:"With handle_time: the email answer target for staffing, such as 4h: the staffing's service_level_pct of inbound emails reach an agent within it. With a target of hours Erlang C staffs about the emails' workload (emails per hour x handle time / 60), within max_occupancy_pct. Default: the staffing's answer_within, which staffs emails as if answered as fast as calls."`
	OutboundEmailsPerHour *float64 `yaml:"outbound_emails_per_hour" plan:"rate" doc:"Agent-initiated emails per hour: new emails agents compose and send, which count against concurrent active emails while being composed."`
	OutboundMinutes       *Minutes `yaml:"outbound_minutes" plan:"email-duration" doc:"Average time an agent-initiated email stays active, composing and After Contact Work included. Required with outbound_emails_per_hour."`
	LongestActive         *Minutes `yaml:"longest_active" plan:"email-duration" doc:"The longest an email stays active before it ends, checked against the active email contact expiry (an instance setting; give a changed value under applied as connect.email-contact-expiry): minutes, or a duration such as 10d."`
	LargestAttachmentMB   *float64 `yaml:"largest_attachment_mb" plan:"number" doc:"The largest single attachment sent or received, in MB, checked against the maximum individual attachment size."`
	AddressesPerMessage   *float64 `yaml:"addresses_per_message" plan:"count" doc:"The most addresses on one email, To and CC together."`
}

// ContactLens is Contact Lens use on an instance.
type ContactLens struct {
	PostCallShare *float64 `yaml:"post_call_share" plan:"share" doc:"Share (0-1, or 25%) of calls with post-call analytics."`
	RealtimeShare *float64 `yaml:"realtime_share" plan:"share" doc:"Share (0-1, or 25%) of calls with real-time analytics."`
	PostChatShare *float64 `yaml:"post_chat_share" plan:"share" doc:"Share (0-1, or 25%) of chats with post-chat analytics."`
}

// Campaigns are an instance's outbound campaigns. Their calls count against
// concurrent campaign active calls, sized with the loss model (its default is 0,
// so any campaign traffic needs an increase), and against concurrent active calls,
// pooled with the instance's other calls. They are not staffed.
type Campaigns struct {
	Active           *float64 `yaml:"active" plan:"count" doc:"Campaigns active on the instance at once."`
	Total            *float64 `yaml:"total" plan:"count" doc:"Campaigns on the instance, active or not; at least active."`
	CallsPerHour     *float64 `yaml:"calls_per_hour" plan:"rate,with=minutes_in_connect" doc:"Calls per hour the campaigns place at the peak, all of them together. Required with minutes_in_connect."`
	MinutesInConnect *Minutes `yaml:"minutes_in_connect" plan:"duration,with=calls_per_hour" doc:"Average time a campaign call is in Connect, from dialling to disconnect: minutes, or 1m30s. Required with calls_per_hour."`
}

// VoiceID is Voice ID use in the account.
type VoiceID struct {
	Domains                    *float64 `yaml:"domains" plan:"count" doc:"Voice ID domains. Default 1."`
	Speakers                   *float64 `yaml:"speakers" plan:"count" doc:"Enrolled speakers across the domains."`
	Fraudsters                 *float64 `yaml:"fraudsters" plan:"count" doc:"Registered fraudsters across the domains."`
	Watchlists                 *float64 `yaml:"watchlists" plan:"count" doc:"Watchlists per domain, the default one included. Default: the fewest that hold the fraudsters."`
	SpeakerBatch               *float64 `yaml:"speaker_batch" plan:"count" doc:"Speakers per batch enrollment job. Default: the largest the quota allows."`
	FraudsterBatch             *float64 `yaml:"fraudster_batch" plan:"count" doc:"Fraudsters per batch registration job. Default: the largest the quota allows."`
	ConcurrentEnrollmentJobs   *float64 `yaml:"concurrent_enrollment_jobs" plan:"count" doc:"Batch speaker enrollment jobs run at once in a domain."`
	ConcurrentRegistrationJobs *float64 `yaml:"concurrent_registration_jobs" plan:"count" doc:"Batch fraudster registration jobs run at once in a domain."`
}

// Cases is Amazon Connect Cases use.
type Cases struct {
	Domains           *float64 `yaml:"domains" plan:"count" doc:"Cases domains in the account."`
	Fields            *float64 `yaml:"fields" plan:"count" doc:"Fields in the (largest) Cases domain."`
	FieldOptions      *float64 `yaml:"field_options" plan:"count" doc:"The most options of one single-select field."`
	Layouts           *float64 `yaml:"layouts" plan:"count" doc:"Layouts in the domain."`
	Templates         *float64 `yaml:"templates" plan:"count" doc:"Templates in the domain."`
	RelatedItems      *float64 `yaml:"related_items" plan:"count" doc:"The most related items attached to one case."`
	FieldsPerTemplate *float64 `yaml:"fields_per_template" plan:"count" doc:"The most case fields in one case template (2023 edition; the current page limits fields per layout)."`
	FieldsPerLayout   *float64 `yaml:"fields_per_layout" plan:"count" doc:"The most case fields in one case layout."`
	FilesPerCase      *float64 `yaml:"files_per_case" plan:"count" doc:"The most files attached to one case."`
	SLAsPerCase       *float64 `yaml:"slas_per_case" plan:"count" doc:"The most SLAs on one case."`
	CustomItemFields  *float64 `yaml:"fields_per_custom_related_item" plan:"count" doc:"The most fields in one custom related item."`
}

// CustomerProfiles is Customer Profiles use.
type CustomerProfiles struct {
	Domains                        *float64 `yaml:"domains" plan:"count" doc:"Customer Profiles domains in the account."`
	ObjectTypes                    *float64 `yaml:"object_types" plan:"count" doc:"Object types in the (largest) domain."`
	KeysPerObjectType              *float64 `yaml:"keys_per_object_type" plan:"count" doc:"The most keys of one object type."`
	Integrations                   *float64 `yaml:"integrations" plan:"count" doc:"Integrations in the domain."`
	ExpirationDays                 *float64 `yaml:"expiration_days" plan:"number" doc:"Days objects and profiles are kept."`
	ObjectsPerProfile              *float64 `yaml:"objects_per_profile" plan:"count" doc:"The most objects attached to one profile."`
	ObjectsSizePerProfileMB        *float64 `yaml:"objects_size_per_profile_mb" plan:"number" doc:"The largest total size of one profile's objects, in MB."`
	ObjectSizeKB                   *float64 `yaml:"object_size_kb" plan:"number" doc:"The largest object or profile, in KB."`
	IdentityResolutionJobsPerWeek  *float64 `yaml:"identity_resolution_jobs_per_week" plan:"count" doc:"Identity Resolution Jobs a week in one domain."`
	ConsolidationRules             *float64 `yaml:"consolidation_rules" plan:"count" doc:"Consolidation rules in one Identity Resolution Job."`
	AttributesPerConsolidationRule *float64 `yaml:"attributes_per_consolidation_rule" plan:"count" doc:"The most attributes in one consolidation rule."`
	CalculatedAttributes           *float64 `yaml:"calculated_attributes" plan:"count" doc:"Calculated attributes in the (largest) domain."`
	EventStreams                   *float64 `yaml:"event_streams" plan:"count" doc:"Event streams in one domain."`
	EventTriggers                  *float64 `yaml:"event_triggers" plan:"count" doc:"Event triggers in one domain."`
	SegmentSnapshotsPerDay         *float64 `yaml:"segment_snapshots_per_day" plan:"count" doc:"Segment snapshots a day in one domain."`
	BulkExportJobs                 *float64 `yaml:"bulk_export_jobs" plan:"count" doc:"Bulk export jobs run at once."`
}

// Wisdom is agent assist use (Amazon Connect Wisdom until 2026).
type Wisdom struct {
	Assistants              *float64 `yaml:"assistants" plan:"count" doc:"Assistants."`
	KnowledgeBases          *float64 `yaml:"knowledge_bases" plan:"count" doc:"Knowledge bases."`
	KnowledgeBaseSizeGB     *float64 `yaml:"knowledge_base_size_gb" plan:"number" doc:"The largest knowledge base, in GB."`
	ContentPerKnowledgeBase *float64 `yaml:"content_per_knowledge_base" plan:"count" doc:"The most content items in one knowledge base."`
	DocumentSizeMB          *float64 `yaml:"document_size_mb" plan:"number" doc:"The largest document, in MB."`
	RequestsPerSecond       *float64 `yaml:"requests_per_second" plan:"rate" doc:"Agent assist API requests per second at the peak, all APIs together."`
	AssistantAssociations   *float64 `yaml:"assistant_associations" plan:"count" doc:"The most associations of one assistant."`
	QuickResponses          *float64 `yaml:"quick_responses_per_knowledge_base" plan:"count" doc:"The most quick responses in one knowledge base."`
	MessageTemplates        *float64 `yaml:"message_templates_per_knowledge_base" plan:"count" doc:"The most message templates in one knowledge base."`
	TemplateVersions        *float64 `yaml:"versions_per_message_template" plan:"count" doc:"The most versions of one message template."`
	TemplateAttachments     *float64 `yaml:"attachments_per_email_template" plan:"count" doc:"The most attachments of one email template."`
	TemplateAttachmentMB    *float64 `yaml:"email_template_attachment_size_mb" plan:"number" doc:"The largest attachment of an email template, in MB."`
	EmailTemplateCharacters *float64 `yaml:"email_template_characters" plan:"count" doc:"The most characters in one email template."`
	SMSTemplateCharacters   *float64 `yaml:"sms_template_characters" plan:"count" doc:"The most characters in one SMS template."`
	TemplateRoutingProfiles *float64 `yaml:"routing_profiles_per_template" plan:"count" doc:"The most routing profiles of one quick response or email template."`
}

// AppIntegrations is Amazon Connect AppIntegrations use in the Region.
type AppIntegrations struct {
	DataIntegrations             *float64 `yaml:"data_integrations" plan:"count" doc:"Data integrations in the Region."`
	DataIntegrationAssociations  *float64 `yaml:"data_integration_associations" plan:"count" doc:"The most associations of one data integration."`
	EventIntegrations            *float64 `yaml:"event_integrations" plan:"count" doc:"Event integrations in the Region."`
	EventIntegrationAssociations *float64 `yaml:"event_integration_associations" plan:"count" doc:"The most associations of one event integration."`
	Applications                 *float64 `yaml:"applications" plan:"count" doc:"Applications in the Region."`
}

// APIConsumer is a program that calls one API operation.
type APIConsumer struct {
	Name          string   `yaml:"name" plan:"text" doc:"What calls the API, for the report."`
	Service       string   `yaml:"service" plan:"service" doc:"connect (default), participant, conversational-analytics (or contact-lens), cases, customer-profiles, outbound-campaigns, voice-id, or agent-assist (or wisdom)."`
	Operation     string   `yaml:"operation" plan:"operation,required" doc:"The API operation, such as GetCurrentMetricData."`
	RatePerSecond *float64 `yaml:"rate_per_second" plan:"rate" doc:"Requests per second from one client. Give one of rate_per_second, rate_per_minute, interval."`
	RatePerMinute *float64 `yaml:"rate_per_minute" plan:"rate" doc:"Requests per minute from one client."`
	Interval      *Minutes `yaml:"interval" plan:"duration" doc:"One request every interval from each client (polling): minutes, or 15s."`
	Clients       *float64 `yaml:"clients" plan:"count" doc:"How many such clients run at once. Default 1."`
	Aligned       bool     `yaml:"aligned" doc:"The clients fire at the same moment (for example on the minute), so their requests arrive as one burst."`
	Instance      string   `yaml:"instance" plan:"name" doc:"For per-instance APIs (participant): the instance it calls. Default: every instance."`
}

// Minutes is a duration in minutes: a plain number is minutes; a string with a
// unit (90s, 6m30s, 1.5h, 2d) also works.
type Minutes float64

// Starter is the commented starter plan that `connectcap plan init` writes.
//
//go:embed starter.yaml
var Starter []byte

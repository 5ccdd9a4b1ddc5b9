package awsread

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"

	"github.com/connectcap/connectcap/internal/account"
)

// The Amazon Connect list APIs count what they list, an instance at a time,
// each page as large as the API allows (Amazon Connect API Reference, "Valid
// Range" of MaxResults), so that a count costs the fewest calls.
//
// Quotas of the catalogue that the list APIs cannot count, and are left out:
//   - connect.concurrent-active-calls, -chats, -emails, -tasks and
//     connect.agent-queue-contacts: live load, observed in CloudWatch, not
//     listed;
//   - connect.reports, connect.scheduled-reports, connect.custom-metrics,
//     connect.theme-detection-reports, connect.email-domains: no API lists them;
//   - per-resource quotas that would cost a call per resource:
//     connect.hours-of-operation-overrides and
//     connect.hours-of-operation-override-associations (per hours of
//     operation), connect.proficiencies-per-agent (per user),
//     connect.task-template-fields (per template), connect.data-table-*
//     (per data table);
//   - settings and limits of single contacts, not counts:
//     connect.email-addresses-per-message, connect.email-attachment-size,
//     connect.email-contact-expiry, connect.email-thread-expiry,
//     connect.task-schedule-ahead, connect.task-reschedules;
//   - connect.api-requests and connect.api.*: rates, not resources.
//
// connect.instances is an account-level count: the number of instances
// ListInstances gives for the Region (every status), not a CountResources
// count.

// InstanceInfo is one Amazon Connect instance of a Region.
type InstanceInfo struct {
	ID, ARN, Alias string
	// Status is ListInstances' InstanceStatus: ACTIVE, CREATION_IN_PROGRESS or
	// CREATION_FAILED.
	Status string
}

// listInstancesMax is ListInstances' largest MaxResults.
const listInstancesMax = 10

// listRoutingProfilesMax and listRoutingProfileQueuesMax are the largest
// MaxResults of the routing-profile APIs.
const (
	listRoutingProfilesMax      = 1000
	listRoutingProfileQueuesMax = 100
)

func connectClient(s *Session) *connect.Client {
	return connect.NewFromConfig(s.Config, func(o *connect.Options) { o.APIOptions = append(o.APIOptions, s.APIOptions()...) })
}

// ListInstances lists the Region's Amazon Connect instances, in every status.
// A Region the reader cannot list (Connect not offered there, ListInstances
// denied, throttled past the retries) gives the Problem, naming the
// operation, and no instances.
func ListInstances(ctx context.Context, s *Session) ([]InstanceInfo, *account.Problem) {
	c := connectClient(s)
	var out []InstanceInfo
	var token *string
	seen := map[string]bool{}
	for {
		page, err := c.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: int32Ptr(listInstancesMax), NextToken: token})
		if err != nil {
			p := connectProblem("Connect.ListInstances", err)
			return nil, &p
		}
		for _, in := range page.InstanceSummaryList {
			out = append(out, InstanceInfo{ID: connectStr(in.Id), ARN: connectStr(in.Arn), Alias: connectStr(in.InstanceAlias), Status: string(in.InstanceStatus)})
		}
		if token = page.NextToken; token == nil || *token == "" {
			return out, nil
		}
		if seen[*token] {
			p := account.Problem{What: "Connect.ListInstances", Code: "bad-pagination", Message: "ListInstances gave the same NextToken twice"}
			return nil, &p
		}
		seen[*token] = true
	}
}

// connectCounter counts one quota with one list API.
type connectCounter struct {
	quota string
	op    string
	max   int32
	// page lists one page: the items that count, and the next token.
	page func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error)
}

// connectCounters are the instance counts besides routing profiles (which
// CountResources lists itself, for the queues of each). What each includes:
var connectCounters = []connectCounter{
	// Every user, whatever its routing profile or whether it is logged in.
	{"connect.users", "ListUsers", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.UserSummaryList), out.NextToken, nil
	}},
	// STANDARD queues only: Connect makes an AGENT queue per user, and those
	// are not in the quota. The request asks for STANDARD queues; an AGENT
	// queue in the answer is not counted all the same.
	{"connect.queues", "ListQueues", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &id, MaxResults: &max, NextToken: token, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
		if err != nil {
			return 0, nil, err
		}
		n := 0
		for _, q := range out.QueueSummaryList {
			if q.QueueType != types.QueueTypeAgent {
				n++
			}
		}
		return n, out.NextToken, nil
	}},
	// Flows of every type (inbound, customer queue, whisper, hold, transfer,
	// the default flows included) and state, published or saved.
	{"connect.flows", "ListContactFlows", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.ContactFlowSummaryList), out.NextToken, nil
	}},
	// Flow modules in whatever state the API lists with no state asked for.
	{"connect.modules", "ListContactFlowModules", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListContactFlowModules(ctx, &connect.ListContactFlowModulesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.ContactFlowModulesSummaryList), out.NextToken, nil
	}},
	// Every hours of operation, the default "Basic Hours" included.
	{"connect.hours-of-operation", "ListHoursOfOperations", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.HoursOfOperationSummaryList), out.NextToken, nil
	}},
	// Phone numbers claimed to the instance, of every type and country (not
	// those claimed to a traffic distribution group).
	{"connect.phone-numbers", "ListPhoneNumbersV2", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListPhoneNumbersV2(ctx, &connect.ListPhoneNumbersV2Input{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.ListPhoneNumbersSummaryList), out.NextToken, nil
	}},
	// Every prompt, the ones Connect ships with included.
	{"connect.prompts", "ListPrompts", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListPrompts(ctx, &connect.ListPromptsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.PromptSummaryList), out.NextToken, nil
	}},
	// Quick connects of every type (user, queue, phone number).
	{"connect.quick-connects", "ListQuickConnects", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.QuickConnectSummaryList), out.NextToken, nil
	}},
	// Every security profile, the default ones (Admin, Agent, ...) included.
	{"connect.security-profiles", "ListSecurityProfiles", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.SecurityProfileSummaryList), out.NextToken, nil
	}},
	// Hierarchy groups of all levels.
	{"connect.user-hierarchy-groups", "ListUserHierarchyGroups", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.UserHierarchyGroupSummaryList), out.NextToken, nil
	}},
	// Agent statuses of every type: the built-in Available and Offline, and
	// the custom ones.
	{"connect.agent-statuses", "ListAgentStatuses", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.AgentStatusSummaryList), out.NextToken, nil
	}},
	// Lambda functions associated with the instance.
	{"connect.lambda-functions", "ListLambdaFunctions", 25, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListLambdaFunctions(ctx, &connect.ListLambdaFunctionsInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.LambdaFunctions), out.NextToken, nil
	}},
	// Amazon Lex (V1) bots associated with the instance.
	{"connect.lex-bots", "ListBots", 25, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		return listBots(ctx, c, id, max, token, types.LexVersionV1)
	}},
	// Amazon Lex V2 bot aliases associated with the instance: Connect
	// associates a V2 bot by alias, one entry per alias.
	{"connect.lex-v2-bot-aliases", "ListBots", 25, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		return listBots(ctx, c, id, max, token, types.LexVersionV2)
	}},
	// Task templates, active and inactive.
	{"connect.task-templates", "ListTaskTemplates", 100, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.TaskTemplates), out.NextToken, nil
	}},
	// Predefined attributes, the instance's own.
	{"connect.predefined-attributes", "ListPredefinedAttributes", 100, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListPredefinedAttributes(ctx, &connect.ListPredefinedAttributesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.PredefinedAttributeSummaryList), out.NextToken, nil
	}},
	// Data tables.
	{"connect.data-tables", "ListDataTables", 1000, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.ListDataTables(ctx, &connect.ListDataTablesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.DataTableSummaryList), out.NextToken, nil
	}},
	// Email addresses: there is no list API; SearchEmailAddresses with no
	// criteria lists them all, and the items are counted (not its
	// ApproximateTotalCount).
	{"connect.email-addresses", "SearchEmailAddresses", 100, func(ctx context.Context, c *connect.Client, id string, max int32, token *string) (int, *string, error) {
		out, err := c.SearchEmailAddresses(ctx, &connect.SearchEmailAddressesInput{InstanceId: &id, MaxResults: &max, NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		return len(out.EmailAddresses), out.NextToken, nil
	}},
}

func listBots(ctx context.Context, c *connect.Client, id string, max int32, token *string, v types.LexVersion) (int, *string, error) {
	out, err := c.ListBots(ctx, &connect.ListBotsInput{InstanceId: &id, LexVersion: v, MaxResults: &max, NextToken: token})
	if err != nil {
		return 0, nil, err
	}
	n := 0
	for _, b := range out.LexBots {
		if (v == types.LexVersionV1 && b.LexBot != nil) || (v == types.LexVersionV2 && b.LexV2Bot != nil) {
			n++
		}
	}
	return n, out.NextToken, nil
}

// CountResources counts an instance's resources per quota id, each list API
// asked for its largest page. connect.routing-profiles counts every routing
// profile; connect.queues-per-routing-profile is the most queue-channel
// combinations of any routing profile (ListRoutingProfileQueues per profile;
// manual-assignment queues, which have a quota of their own, are not in it).
// A count that cannot be read (the API denied, or failing after the
// session's retries) is a Problem naming the quota id, and the other counts
// go on. An instance that is not ACTIVE is not counted (one Problem, What
// "InstanceStatus").
func CountResources(ctx context.Context, s *Session, inst InstanceInfo) (map[string]float64, []account.Problem) {
	counts := map[string]float64{}
	if inst.Status != "" && inst.Status != string(types.InstanceStatusActive) {
		return counts, []account.Problem{{What: "InstanceStatus", Code: "not-active",
			Message: fmt.Sprintf("instance %s is %s: its resources are not counted", inst.ID, inst.Status)}}
	}
	c := connectClient(s)
	var problems []account.Problem
	for _, ct := range connectCounters {
		n, err := connectPages(ctx, ct.op, func(token *string) (int, *string, error) { return ct.page(ctx, c, inst.ID, ct.max, token) })
		if err != nil {
			problems = append(problems, connectProblem(ct.quota, err))
			if ctx.Err() != nil {
				return counts, problems
			}
			continue
		}
		counts[ct.quota] = float64(n)
	}
	problems = append(problems, countRoutingProfiles(ctx, c, inst.ID, counts)...)
	return counts, problems
}

// countRoutingProfiles lists the routing profiles, then each one's queues.
func countRoutingProfiles(ctx context.Context, c *connect.Client, id string, counts map[string]float64) []account.Problem {
	var profiles []string
	_, err := connectPages(ctx, "ListRoutingProfiles", func(token *string) (int, *string, error) {
		out, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: &id, MaxResults: int32Ptr(listRoutingProfilesMax), NextToken: token})
		if err != nil {
			return 0, nil, err
		}
		for _, rp := range out.RoutingProfileSummaryList {
			profiles = append(profiles, connectStr(rp.Id))
		}
		return len(out.RoutingProfileSummaryList), out.NextToken, nil
	})
	if err != nil {
		p := connectProblem("connect.routing-profiles", err)
		q := p
		q.What, q.Message = "connect.queues-per-routing-profile", "needs ListRoutingProfiles: "+p.Message
		return []account.Problem{p, q}
	}
	counts["connect.routing-profiles"] = float64(len(profiles))
	most := 0
	for _, rp := range profiles {
		n, err := connectPages(ctx, "ListRoutingProfileQueues", func(token *string) (int, *string, error) {
			out, err := c.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: &id, RoutingProfileId: &rp,
				MaxResults: int32Ptr(listRoutingProfileQueuesMax), NextToken: token})
			if err != nil {
				return 0, nil, err
			}
			return len(out.RoutingProfileQueueConfigSummaryList), out.NextToken, nil
		})
		var nf *types.ResourceNotFoundException
		if errors.As(err, &nf) {
			continue // deleted since it was listed
		}
		if err != nil {
			p := connectProblem("connect.queues-per-routing-profile", err)
			p.Message = fmt.Sprintf("routing profile %s: %s", rp, p.Message)
			return []account.Problem{p}
		}
		most = max(most, n)
	}
	counts["connect.queues-per-routing-profile"] = float64(most)
	return nil
}

// pages sums the items of every page, following NextToken.
func connectPages(ctx context.Context, op string, page func(token *string) (int, *string, error)) (int, error) {
	total := 0
	var token *string
	seen := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		n, next, err := page(token)
		if err != nil {
			return 0, err
		}
		total += n
		if next == nil || *next == "" {
			return total, nil
		}
		if seen[*next] {
			return 0, errConnectPagination{op}
		}
		seen[*next] = true
		token = next
	}
}

type errConnectPagination struct{ op string }

func (e errConnectPagination) Error() string { return e.op + " gave the same NextToken twice" }

// ConnectCallsEstimate is how many API calls CountResources makes for an
// instance with the given counts (keyed by quota id; a missing one is 0),
// when nothing is throttled: each API's pages at its largest MaxResults (at
// least one), the routing profiles' pages, and for each routing profile the
// pages of its queues (counted as if every profile had the most combinations,
// so an upper bound when they differ by more than a page). ListInstances adds
// one call per 10 instances (at least one) per Region; every throttled
// attempt adds one.
func ConnectCallsEstimate(counts map[string]float64) int {
	calls := 0
	for _, ct := range connectCounters {
		calls += connectPageCount(counts[ct.quota], ct.max)
	}
	profiles := counts["connect.routing-profiles"]
	calls += connectPageCount(profiles, listRoutingProfilesMax)
	calls += int(profiles) * connectPageCount(counts["connect.queues-per-routing-profile"], listRoutingProfileQueuesMax)
	return calls
}

func connectPageCount(n float64, size int32) int {
	return max(1, int(math.Ceil(n/float64(size))))
}

// problem is an error as a Problem: the AWS error code and message, or a
// connectcap code (unreachable, canceled, bad-pagination).
func connectProblem(what string, err error) account.Problem {
	p := account.Problem{What: what}
	var ae smithy.APIError
	var bp errConnectPagination
	switch {
	case errors.As(err, &ae):
		p.Code, p.Message = ae.ErrorCode(), ae.ErrorMessage()
	case errors.As(err, &bp):
		p.Code, p.Message = "bad-pagination", bp.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		p.Code, p.Message = "canceled", plain(err).Error()
	default:
		p.Code, p.Message = "unreachable", plain(err).Error()
	}
	var me *retry.MaxAttemptsError
	if errors.As(err, &me) {
		p.Message = fmt.Sprintf("gave up after %d attempts: %s", me.Attempt, p.Message)
	}
	return p
}

func int32Ptr(v int32) *int32 { return &v }

func connectStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

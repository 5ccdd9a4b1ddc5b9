package awstest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ConnectMaxResults are the largest MaxResults each Connect list API accepts,
// from the Amazon Connect API Reference ("Valid Range: Minimum value of 1.
// Maximum value of ..."). The server refuses a larger one with a
// ValidationException, as Connect does.
var ConnectMaxResults = map[string]int{
	"ListInstances":            10,
	"ListUsers":                1000,
	"ListQueues":               1000,
	"ListRoutingProfiles":      1000,
	"ListRoutingProfileQueues": 100,
	"ListContactFlows":         1000,
	"ListContactFlowModules":   1000,
	"ListHoursOfOperations":    1000,
	"ListPhoneNumbersV2":       1000,
	"ListPrompts":              1000,
	"ListQuickConnects":        1000,
	"ListSecurityProfiles":     1000,
	"ListUserHierarchyGroups":  1000,
	"ListAgentStatuses":        1000,
	"ListLambdaFunctions":      25,
	"ListBots":                 25,
	"ListTaskTemplates":        100,
	"ListPredefinedAttributes": 100,
	"ListDataTables":           1000,
	"SearchEmailAddresses":     100,
}

// ConnectInstance is one instance of the fixture.
type ConnectInstance struct {
	ID, ARN, Alias string
	// Status is the InstanceStatus ListInstances gives; "" is ACTIVE.
	Status string
	// Lists are how many items each list operation holds ("ListUsers": 2301).
	// "ListQueues" is the STANDARD queues; "ListBots" the Amazon Lex (V1) bots.
	// Operations not named hold none.
	Lists map[string]int
	// AgentQueues are the AGENT queues (one per user in Connect), listed by
	// ListQueues besides the standard ones unless the request asks for
	// queueTypes=STANDARD only.
	AgentQueues int
	// LexV2Aliases are the Amazon Lex V2 bot aliases ListBots lists with
	// lexVersion=V2.
	LexV2Aliases int
	// RoutingProfileQueues are the queue-channel combinations of routing
	// profiles, by id ("routing-profile-0003"); the ids are those
	// ListRoutingProfiles generates, and a profile not named has none.
	RoutingProfileQueues map[string]int
}

// Connect is the fixture of the Amazon Connect REST-JSON protocol: the
// instances of one Region. It records the MaxResults of every request.
type Connect struct {
	Instances []ConnectInstance

	mu   sync.Mutex
	seen map[string][]int
}

// MaxResultsSeen are the MaxResults of every request of the operation, in
// order (0 when the request had none).
func (f *Connect) MaxResultsSeen(op string) []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int(nil), f.seen[op]...)
}

func (f *Connect) record(op string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen = map[string][]int{}
	}
	f.seen[op] = append(f.seen[op], n)
}

// ServeConnect serves f for requests signed for the "connect" service.
func (s *Server) ServeConnect(f *Connect) {
	s.Route(func(r *http.Request, body []byte) (Op, Handler, bool) {
		if signingName(r) != "connect" {
			return Op{}, nil, false
		}
		name, params, ok := connectRoute(r.Method, r.URL.EscapedPath())
		if !ok {
			return Op{}, nil, false
		}
		return Op{"connect", name}, func(op Op, r *http.Request, body []byte) (int, string, []byte) {
			return f.answer(op.Name, params, r, body)
		}, true
	})
}

// FailConnect makes the next n calls of the Connect operation fail with the
// REST-JSON error code (ThrottlingException: 429, AccessDeniedException: 403,
// ResourceNotFoundException: 404, InternalServiceException: 500, others 400).
func (s *Server) FailConnect(operation string, n int, code, message string) {
	status, body := connectError(code, message)
	s.mu.Lock()
	defer s.mu.Unlock()
	op := Op{"connect", operation}
	h := http.Header{}
	h.Set("X-Amzn-ErrorType", code)
	for range n {
		s.faults[op] = append(s.faults[op], fault{status: status, body: string(body), ctype: "application/json", header: h})
	}
}

func connectError(code, message string) (int, []byte) {
	status := http.StatusBadRequest
	switch code {
	case "ThrottlingException":
		status = http.StatusTooManyRequests
	case "AccessDeniedException":
		status = http.StatusForbidden
	case "ResourceNotFoundException":
		status = http.StatusNotFound
	case "InternalServiceException":
		status = http.StatusInternalServerError
	}
	body, _ := json.Marshal(map[string]string{"message": message})
	return status, body
}

// signingName is the service of the request's SigV4 credential scope.
func signingName(r *http.Request) string {
	_, cred, _ := strings.Cut(r.Header.Get("Authorization"), "Credential=")
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

// connectRoutes are the REST paths of the operations served, as the SDK's
// serializers build them.
var connectRoutes = []struct{ method, path, op string }{
	{"GET", "/instance", "ListInstances"},
	{"GET", "/users-summary/{InstanceId}", "ListUsers"},
	{"GET", "/queues-summary/{InstanceId}", "ListQueues"},
	{"GET", "/routing-profiles-summary/{InstanceId}", "ListRoutingProfiles"},
	{"GET", "/routing-profiles/{InstanceId}/{RoutingProfileId}/queues", "ListRoutingProfileQueues"},
	{"GET", "/contact-flows-summary/{InstanceId}", "ListContactFlows"},
	{"GET", "/contact-flow-modules-summary/{InstanceId}", "ListContactFlowModules"},
	{"GET", "/hours-of-operations-summary/{InstanceId}", "ListHoursOfOperations"},
	{"POST", "/phone-number/list", "ListPhoneNumbersV2"},
	{"GET", "/prompts-summary/{InstanceId}", "ListPrompts"},
	{"GET", "/quick-connects/{InstanceId}", "ListQuickConnects"},
	{"GET", "/security-profiles-summary/{InstanceId}", "ListSecurityProfiles"},
	{"GET", "/user-hierarchy-groups-summary/{InstanceId}", "ListUserHierarchyGroups"},
	{"GET", "/agent-status/{InstanceId}", "ListAgentStatuses"},
	{"GET", "/instance/{InstanceId}/lambda-functions", "ListLambdaFunctions"},
	{"GET", "/instance/{InstanceId}/bots", "ListBots"},
	{"GET", "/instance/{InstanceId}/task/template", "ListTaskTemplates"},
	{"GET", "/predefined-attributes/{InstanceId}", "ListPredefinedAttributes"},
	{"GET", "/data-tables/{InstanceId}", "ListDataTables"},
	{"POST", "/search-email-addresses", "SearchEmailAddresses"},
}

// connectRoute matches an escaped path against the routes, giving the path
// parameters unescaped.
func connectRoute(method, escaped string) (string, map[string]string, bool) {
	segs := strings.Split(strings.Trim(escaped, "/"), "/")
	for _, rt := range connectRoutes {
		want := strings.Split(strings.Trim(rt.path, "/"), "/")
		if rt.method != method || len(want) != len(segs) {
			continue
		}
		params := map[string]string{}
		ok := true
		for i, w := range want {
			if strings.HasPrefix(w, "{") {
				v, err := url.PathUnescape(segs[i])
				if err != nil || v == "" {
					ok = false
					break
				}
				params[strings.Trim(w, "{}")] = v
			} else if w != segs[i] {
				ok = false
				break
			}
		}
		if ok {
			return rt.op, params, true
		}
	}
	return "", nil, false
}

// page is one request's paging: from the query (GET) or the JSON body (POST).
type page struct {
	max   int // 0: not given
	token string
	body  map[string]any
}

func readPage(r *http.Request, body []byte) (page, error) {
	var p page
	if r.Method == http.MethodPost {
		if err := json.Unmarshal(body, &p.body); err != nil {
			return p, fmt.Errorf("the request body is not JSON: %v", err)
		}
		if v, ok := p.body["MaxResults"].(float64); ok {
			p.max = int(v)
		}
		p.token, _ = p.body["NextToken"].(string)
		return p, nil
	}
	q := r.URL.Query()
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return p, fmt.Errorf("maxResults %q is not a number", v)
		}
		p.max = n
	}
	p.token = q.Get("nextToken")
	return p, nil
}

func (f *Connect) instance(id string) *ConnectInstance {
	for i := range f.Instances {
		if in := &f.Instances[i]; in.ID == id || in.ARN == id {
			return in
		}
	}
	return nil
}

func (f *Connect) answer(op string, params map[string]string, r *http.Request, body []byte) (int, string, []byte) {
	fail := func(code, msg string) (int, string, []byte) {
		ReplyHeader(r).Set("X-Amzn-ErrorType", code)
		status, b := connectError(code, msg)
		return status, "application/json", b
	}
	p, err := readPage(r, body)
	if err != nil {
		return fail("InvalidRequestException", err.Error())
	}
	f.record(op, p.max)
	limit := ConnectMaxResults[op]
	if p.max < 0 || p.max > limit || (p.max == 0 && r.URL.Query().Has("maxResults")) {
		return fail("ValidationException", fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", p.max, limit))
	}
	size := p.max
	if size == 0 {
		size = min(100, limit)
	}

	var items []any
	listKey := ""
	if op == "ListInstances" {
		listKey = "InstanceSummaryList"
		for _, in := range f.Instances {
			status := in.Status
			if status == "" {
				status = "ACTIVE"
			}
			items = append(items, map[string]any{"Id": in.ID, "Arn": in.ARN, "InstanceAlias": in.Alias, "InstanceStatus": status,
				"IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true})
		}
	} else {
		var in *ConnectInstance
		id := params["InstanceId"]
		if p.body != nil {
			id, _ = p.body["InstanceId"].(string)
		}
		if op == "ListPhoneNumbersV2" && id == "" {
			return fail("InvalidParameterException", "connectcap's fixture wants InstanceId")
		}
		if in = f.instance(id); in == nil {
			return fail("ResourceNotFoundException", fmt.Sprintf("Instance not found: %s", id))
		}
		listKey, items, err = in.items(op, params, r.URL.Query())
		if err != nil {
			code := "ResourceNotFoundException"
			if op == "ListBots" {
				code = "InvalidParameterException"
			}
			return fail(code, err.Error())
		}
	}

	start := 0
	if p.token != "" {
		prefix := op + ":"
		n, err := strconv.Atoi(strings.TrimPrefix(p.token, prefix))
		if !strings.HasPrefix(p.token, prefix) || err != nil || n <= 0 || n > len(items) {
			return fail("InvalidParameterException", "the next token is not valid")
		}
		start = n
	}
	end := min(start+size, len(items))
	reply := map[string]any{listKey: append([]any{}, items[start:end]...)}
	if end < len(items) {
		reply["NextToken"] = fmt.Sprintf("%s:%d", op, end)
	}
	if op == "SearchEmailAddresses" {
		reply["ApproximateTotalCount"] = len(items)
	}
	if op == "ListRoutingProfileQueues" {
		reply["LastModifiedRegion"] = "us-east-1"
	}
	b, _ := json.Marshal(reply)
	return http.StatusOK, "application/json", b
}

// items generates the operation's items for the instance: ids are the kind and
// a number ("user-0001").
func (in *ConnectInstance) items(op string, params map[string]string, q url.Values) (string, []any, error) {
	n := in.Lists[op]
	arn := func(kind string, i int) string { return fmt.Sprintf("%s/%s/%s-%04d", in.ARN, kind, kind, i) }
	gen := func(key, kind string, extra func(i int, m map[string]any)) (string, []any, error) {
		var items []any
		for i := 1; i <= n; i++ {
			m := map[string]any{"Id": fmt.Sprintf("%s-%04d", kind, i), "Arn": arn(kind, i), "Name": fmt.Sprintf("%s %d", kind, i)}
			if extra != nil {
				extra(i, m)
			}
			items = append(items, m)
		}
		return key, items, nil
	}
	region := "us-east-1"
	if parts := strings.Split(in.ARN, ":"); len(parts) > 3 && parts[3] != "" {
		region = parts[3]
	}
	switch op {
	case "ListUsers":
		return gen("UserSummaryList", "user", func(i int, m map[string]any) {
			delete(m, "Name")
			m["Username"] = fmt.Sprintf("agent%04d", i)
		})
	case "ListQueues":
		types := q["queueTypes"]
		var items []any
		if len(types) == 0 || slices.Contains(types, "STANDARD") {
			_, items, _ = gen("", "queue", func(i int, m map[string]any) { m["QueueType"] = "STANDARD" })
		}
		if len(types) == 0 || slices.Contains(types, "AGENT") {
			for i := 1; i <= in.AgentQueues; i++ {
				items = append(items, map[string]any{"Id": fmt.Sprintf("agent-queue-%04d", i), "Arn": arn("agent-queue", i), "QueueType": "AGENT"})
			}
		}
		return "QueueSummaryList", items, nil
	case "ListRoutingProfiles":
		return gen("RoutingProfileSummaryList", "routing-profile", nil)
	case "ListRoutingProfileQueues":
		rp := params["RoutingProfileId"]
		if k, err := strconv.Atoi(strings.TrimPrefix(rp, "routing-profile-")); !strings.HasPrefix(rp, "routing-profile-") || err != nil || k < 1 || k > in.Lists["ListRoutingProfiles"] {
			return "", nil, fmt.Errorf("routing profile not found: %s", rp)
		}
		channels := []string{"VOICE", "CHAT", "TASK", "EMAIL"}
		var items []any
		for i := range in.RoutingProfileQueues[rp] {
			q := i/len(channels) + 1
			items = append(items, map[string]any{"QueueId": fmt.Sprintf("queue-%04d", q), "QueueArn": arn("queue", q), "QueueName": fmt.Sprintf("queue %d", q),
				"Priority": 1, "Delay": 0, "Channel": channels[i%len(channels)]})
		}
		return "RoutingProfileQueueConfigSummaryList", items, nil
	case "ListContactFlows":
		return gen("ContactFlowSummaryList", "contact-flow", func(i int, m map[string]any) {
			m["ContactFlowType"], m["ContactFlowState"], m["ContactFlowStatus"] = "CONTACT_FLOW", "ACTIVE", "PUBLISHED"
		})
	case "ListContactFlowModules":
		return gen("ContactFlowModulesSummaryList", "flow-module", func(i int, m map[string]any) { m["State"] = "ACTIVE" })
	case "ListHoursOfOperations":
		return gen("HoursOfOperationSummaryList", "hours-of-operation", nil)
	case "ListPhoneNumbersV2":
		var items []any
		for i := 1; i <= n; i++ {
			items = append(items, map[string]any{"PhoneNumberId": fmt.Sprintf("phone-number-%04d", i), "PhoneNumberArn": arn("phone-number", i),
				"PhoneNumber": fmt.Sprintf("+1555010%04d", i), "PhoneNumberCountryCode": "US", "PhoneNumberType": "DID", "TargetArn": in.ARN, "InstanceId": in.ID})
		}
		return "ListPhoneNumbersSummaryList", items, nil
	case "ListPrompts":
		return gen("PromptSummaryList", "prompt", nil)
	case "ListQuickConnects":
		return gen("QuickConnectSummaryList", "quick-connect", func(i int, m map[string]any) { m["QuickConnectType"] = "USER" })
	case "ListSecurityProfiles":
		return gen("SecurityProfileSummaryList", "security-profile", nil)
	case "ListUserHierarchyGroups":
		return gen("UserHierarchyGroupSummaryList", "hierarchy-group", nil)
	case "ListAgentStatuses":
		return gen("AgentStatusSummaryList", "agent-status", func(i int, m map[string]any) { m["Type"] = "CUSTOM" })
	case "ListLambdaFunctions":
		var items []any
		for i := 1; i <= n; i++ {
			items = append(items, fmt.Sprintf("arn:aws:lambda:%s:123456789012:function:function-%04d", region, i))
		}
		return "LambdaFunctions", items, nil
	case "ListBots":
		var items []any
		switch v := q.Get("lexVersion"); v {
		case "V1":
			for i := 1; i <= n; i++ {
				items = append(items, map[string]any{"LexBot": map[string]any{"Name": fmt.Sprintf("bot%04d", i), "LexRegion": region}})
			}
		case "V2":
			for i := 1; i <= in.LexV2Aliases; i++ {
				items = append(items, map[string]any{"LexV2Bot": map[string]any{"AliasArn": fmt.Sprintf("arn:aws:lex:%s:123456789012:bot-alias/BOT%04d/ALIAS%04d", region, i, i)}})
			}
		default:
			return "", nil, fmt.Errorf("lexVersion %q", v)
		}
		return "LexBots", items, nil
	case "ListTaskTemplates":
		return gen("TaskTemplates", "task-template", func(i int, m map[string]any) { m["Status"] = "ACTIVE" })
	case "ListPredefinedAttributes":
		var items []any
		for i := 1; i <= n; i++ {
			items = append(items, map[string]any{"Name": fmt.Sprintf("attribute-%04d", i)})
		}
		return "PredefinedAttributeSummaryList", items, nil
	case "ListDataTables":
		return gen("DataTableSummaryList", "data-table", nil)
	case "SearchEmailAddresses":
		var items []any
		for i := 1; i <= n; i++ {
			items = append(items, map[string]any{"EmailAddressId": fmt.Sprintf("email-address-%04d", i), "EmailAddressArn": arn("email-address", i),
				"EmailAddress": fmt.Sprintf("support%04d@example.com", i)})
		}
		return "EmailAddresses", items, nil
	}
	return "", nil, fmt.Errorf("connectcap's fixture does not serve %s", op)
}

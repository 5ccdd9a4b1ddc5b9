package awstest

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
)

func connectFixtureClient(t *testing.T, f *Connect) (*Server, *connect.Client) {
	s := NewServer(t)
	s.ServeConnect(f)
	Env(t, s.URL)
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"), config.WithRetryMaxAttempts(1))
	if err != nil {
		t.Fatal(err)
	}
	return s, connect.NewFromConfig(cfg)
}

// The fixture pages with the request's MaxResults and NextToken, refuses a
// MaxResults above the API's largest, filters queues by type, and answers
// errors in REST-JSON's shape.
func TestConnectFixture(t *testing.T) {
	f := &Connect{Instances: []ConnectInstance{{ID: "i-1", ARN: "arn:aws:connect:us-east-1:123456789012:instance/i-1",
		Lists: map[string]int{"ListUsers": 5, "ListQueues": 2}, AgentQueues: 3}}}
	s, c := connectFixtureClient(t, f)
	ctx := context.Background()

	var ids []string
	var token *string
	for {
		out, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String("i-1"), MaxResults: aws.Int32(2), NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range out.UserSummaryList {
			ids = append(ids, *u.Id)
		}
		if token = out.NextToken; token == nil {
			break
		}
	}
	if len(ids) != 5 || ids[0] != "user-0001" || ids[4] != "user-0005" || s.Calls(Op{"connect", "ListUsers"}) != 3 {
		t.Errorf("users %v in %d calls", ids, s.Calls(Op{"connect", "ListUsers"}))
	}

	all, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String("i-1")})
	if err != nil || len(all.QueueSummaryList) != 5 {
		t.Errorf("all queues: %v, %v", all, err)
	}
	std, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String("i-1"), QueueTypes: []types.QueueType{types.QueueTypeStandard}})
	if err != nil || len(std.QueueSummaryList) != 2 || std.QueueSummaryList[0].QueueType != types.QueueTypeStandard {
		t.Errorf("standard queues: %v, %v", std, err)
	}

	_, err = c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String("i-1"), MaxResults: aws.Int32(1001)})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		t.Errorf("MaxResults 1001: %v", err)
	}
	_, err = c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String("i-2")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("unknown instance: %v", err)
	}
	s.FailConnect("ListUsers", 1, "ThrottlingException", "Rate exceeded")
	_, err = c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String("i-1")})
	var th *types.ThrottlingException
	if !errors.As(err, &th) || th.ErrorMessage() != "Rate exceeded" {
		t.Errorf("throttled: %v", err)
	}
	// The throttled call never reached the fixture.
	if got := f.MaxResultsSeen("ListUsers"); len(got) != 5 || got[0] != 2 || got[3] != 1001 || got[4] != 0 {
		t.Errorf("MaxResults seen %v", got)
	}
}

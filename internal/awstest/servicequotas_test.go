package awstest

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas/types"
	"github.com/aws/smithy-go"
)

const testARN = "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555"

func sqClient(t *testing.T, f *ServiceQuotas) (*Server, *servicequotas.Client) {
	t.Helper()
	s := NewServer(t)
	s.ServeServiceQuotas(f)
	Env(t, s.URL)
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"),
		config.WithRetryMaxAttempts(1))
	if err != nil {
		t.Fatal(err)
	}
	return s, servicequotas.NewFromConfig(cfg)
}

func errCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestServiceQuotasProtocol(t *testing.T) {
	ctx := context.Background()
	f := &ServiceQuotas{
		Applied: []QuotaFixture{
			{ServiceCode: "connect", QuotaCode: "L-1", QuotaName: "one", Value: 10, Level: "ACCOUNT"},
			{ServiceCode: "connect", QuotaCode: "L-2", QuotaName: "two", Value: 20, Level: "ACCOUNT"},
			{ServiceCode: "connect", QuotaCode: "L-3", QuotaName: "three", Value: 30, Level: "ACCOUNT"},
			{ServiceCode: "connect", QuotaCode: "L-1", QuotaName: "one", Value: 11, Level: "RESOURCE", ContextARN: testARN},
		},
		Defaults: []QuotaFixture{{ServiceCode: "connect", QuotaCode: "L-1", QuotaName: "one", Value: 5}},
	}
	s, c := sqClient(t, f)

	got, err := c.GetServiceQuota(ctx, &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1"), ContextId: aws.String(testARN)})
	if err != nil || *got.Quota.Value != 11 || aws.ToString(got.Quota.QuotaContext.ContextId) != testARN || got.Quota.QuotaAppliedAtLevel != types.AppliedLevelEnumResource {
		t.Errorf("GetServiceQuota with context: %+v, %v", got, err)
	}
	if _, err := c.GetServiceQuota(ctx, &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-2"), ContextId: aws.String(testARN)}); errCode(err) != "NoSuchResourceException" {
		t.Errorf("GetServiceQuota without an applied value: %v", err)
	}
	var nsr *types.NoSuchResourceException
	if _, err := c.GetAWSDefaultServiceQuota(ctx, &servicequotas.GetAWSDefaultServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-9")}); !errors.As(err, &nsr) {
		t.Errorf("GetAWSDefaultServiceQuota of an unknown quota: %v", err)
	}

	// Pages of 2: the account-level values only, unless asked.
	var codes []string
	pages := 0
	p := servicequotas.NewListServiceQuotasPaginator(c, &servicequotas.ListServiceQuotasInput{ServiceCode: aws.String("connect"), MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, q := range page.Quotas {
			codes = append(codes, *q.QuotaCode)
		}
	}
	if pages != 2 || len(codes) != 3 || codes[0] != "L-1" || codes[2] != "L-3" {
		t.Errorf("ListServiceQuotas: %d pages, %v", pages, codes)
	}
	if _, err := c.ListServiceQuotas(ctx, &servicequotas.ListServiceQuotasInput{ServiceCode: aws.String("connect"), MaxResults: aws.Int32(101)}); errCode(err) != "IllegalArgumentException" {
		t.Errorf("MaxResults 101: %v", err)
	}
	if _, err := c.ListServiceQuotas(ctx, &servicequotas.ListServiceQuotasInput{ServiceCode: aws.String("connect"), NextToken: aws.String("bogus")}); errCode(err) != "InvalidPaginationTokenException" {
		t.Errorf("a bogus NextToken: %v", err)
	}

	// A filed request is PENDING, listed at the resource level only when
	// asked, and a second one for the same quota and context is refused.
	in := &servicequotas.RequestServiceQuotaIncreaseInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1"), DesiredValue: aws.Float64(50), ContextId: aws.String(testARN)}
	r, err := c.RequestServiceQuotaIncrease(ctx, in)
	if err != nil || *r.RequestedQuota.Id != "req-1" || *r.RequestedQuota.CaseId != "case-1" || r.RequestedQuota.Status != types.RequestStatusPending {
		t.Fatalf("RequestServiceQuotaIncrease: %+v, %v", r, err)
	}
	if _, err := c.RequestServiceQuotaIncrease(ctx, in); errCode(err) != "ResourceAlreadyExistsException" {
		t.Errorf("a second open request: %v", err)
	}
	if len(f.History) != 1 || f.History[0].ContextARN != testARN || f.History[0].Desired != 50 {
		t.Errorf("history: %+v", f.History)
	}
	h, err := c.ListRequestedServiceQuotaChangeHistoryByQuota(ctx, &servicequotas.ListRequestedServiceQuotaChangeHistoryByQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1")})
	if err != nil || len(h.RequestedQuotas) != 0 {
		t.Errorf("account-level history: %+v, %v", h, err)
	}
	h, err = c.ListRequestedServiceQuotaChangeHistoryByQuota(ctx, &servicequotas.ListRequestedServiceQuotaChangeHistoryByQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1"), QuotaRequestedAtLevel: types.AppliedLevelEnumAll})
	if err != nil || len(h.RequestedQuotas) != 1 || h.RequestedQuotas[0].Created == nil || h.RequestedQuotas[0].Created.IsZero() {
		t.Errorf("history at every level: %+v, %v", h, err)
	}

	// Injected faults come back in the protocol's shape.
	s.FailServiceQuotas("ListRequestedServiceQuotaChangeHistory", 1, 400, "AccessDeniedException")
	var ad *types.AccessDeniedException
	if _, err := c.ListRequestedServiceQuotaChangeHistory(ctx, &servicequotas.ListRequestedServiceQuotaChangeHistoryInput{}); !errors.As(err, &ad) {
		t.Errorf("injected AccessDeniedException: %v", err)
	}
	if s.Unsigned != 0 {
		t.Errorf("%d unsigned requests", s.Unsigned)
	}
}

// Package account is what connectcap-aws reads from a live account and hands
// to connectcap as JSON: applied quota values, resource counts and observed
// peaks per Region and instance, the calls made, and what could not be read and
// why. It holds no AWS SDK: connectcap sizes and formats from it, while only
// connectcap-aws links the SDK (so that the other commands start fast).
package account

import "time"

// SchemaVersion is the version of the Report's JSON shape.
const SchemaVersion = 1

// Report is one read of the account, over one or more Regions.
type Report struct {
	SchemaVersion int       `json:"schema_version"`
	ReadAt        time.Time `json:"read_at"`
	// Since is the start of the look-back of the observed peaks.
	Since   time.Time `json:"since"`
	Regions []Region  `json:"regions"`
	// Calls are the API calls the read made, per operation.
	Calls []Call `json:"calls"`
}

// Region is what one Region holds.
type Region struct {
	Region string `json:"region"`
	// Problems are what could not be read for the whole Region (no Connect
	// there, ListInstances denied, Service Quotas unreachable).
	Problems  []Problem  `json:"problems"`
	Instances []Instance `json:"instances"`
	// Applied are the Region's account-level quota values (and the defaults
	// beside them), from Service Quotas, for every service connectcap checks.
	Applied []Applied `json:"applied"`
}

// Instance is one Amazon Connect instance.
type Instance struct {
	ID    string `json:"id"`
	ARN   string `json:"arn"`
	Alias string `json:"alias"`
	// Counts are resource counts keyed by connectcap's quota id
	// (connect.users, connect.queues, ...).
	Counts map[string]float64 `json:"counts"`
	// Applied are the instance's resource-level quota values, read with the
	// instance ARN as context id.
	Applied []Applied `json:"applied"`
	// Peaks are CloudWatch's observations over the look-back.
	Peaks []Peak `json:"peaks"`
	// Problems are what could not be read for this instance, each naming the
	// quota id or the operation.
	Problems []Problem `json:"problems"`
}

// Applied is a quota's value in the account.
type Applied struct {
	ServiceCode string `json:"service_code"`
	QuotaCode   string `json:"quota_code"`
	QuotaName   string `json:"quota_name"`
	// Value is the applied value; Default the AWS default, when read.
	Value   float64  `json:"value"`
	Default *float64 `json:"default"`
	// Source is "applied" (GetServiceQuota, ListServiceQuotas), "aws-default"
	// (Service Quotas has no applied value: GetAWSDefaultServiceQuota), or
	// "derived" (the calls quota from CloudWatch: ConcurrentCalls ÷
	// ConcurrentCallsPercentage).
	Source string `json:"source"`
	// Level is what Service Quotas says the quota applies at (ACCOUNT,
	// RESOURCE), when it says.
	Level string `json:"level"`
}

// Peak is one CloudWatch observation in AWS/Connect.
type Peak struct {
	// Metric is the CloudWatch metric (ConcurrentCalls, ConcurrentActiveChats,
	// CallsBreachingConcurrencyQuota, ...); Statistic Maximum or Sum.
	Metric    string  `json:"metric"`
	Statistic string  `json:"statistic"`
	Value     float64 `json:"value"`
	// At is when the maximum was observed (for Sum: the end of the look-back).
	At time.Time `json:"at"`
	// PeriodSeconds is the resolution CloudWatch answered with.
	PeriodSeconds int `json:"period_seconds"`
}

// Problem is something that could not be read, and why.
type Problem struct {
	// What names it: a quota id, a quota code or an operation.
	What string `json:"what"`
	// Code is the AWS error code (AccessDeniedException, NoSuchResourceException,
	// ...) or a connectcap one (not-found, unreachable).
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Call is one operation's API calls.
type Call struct {
	API       string `json:"api"` // "Connect.ListUsers"
	Region    string `json:"region"`
	Calls     int    `json:"calls"`
	Throttled int    `json:"throttled"`
}

// Package traffic is contact traffic over time: the pooled load of each
// instance and channel per interval, read from forecast files (package
// forecast) or measured from contact records (package ctr). It sizes nothing and
// formats nothing: the plan's evaluation sizes each interval (plan.EvaluateSeries).
package traffic

import (
	"fmt"
	"time"
)

// Channel is a kind of contact traffic.
type Channel int

// The channels, in the order results list them.
const (
	Voice    Channel = iota // inbound and agent outbound calls
	Chat                    // chats
	Task                    // tasks
	Email                   // emails
	Campaign                // calls placed by outbound campaigns
	NumChannels
)

var channelNames = [NumChannels]string{"voice", "chat", "task", "email", "campaign"}

// String is the channel's name in files and output: voice, chat, task, email,
// campaign.
func (c Channel) String() string {
	if c < 0 || c >= NumChannels {
		return fmt.Sprintf("channel(%d)", int(c))
	}
	return channelNames[c]
}

// ChannelNames lists the accepted channel names, for errors.
func ChannelNames() []string { return channelNames[:] }

// Shares are the shares (0..1) of a channel's contacts with a feature; Has says
// which were given. Shares pool as contact-weighted averages.
type Shares struct {
	PostCall, Realtime, PostChat, VoiceID float64
	Has                                   ShareSet
}

// ShareSet says which shares were given.
type ShareSet uint8

// The shares.
const (
	HasPostCall ShareSet = 1 << iota
	HasRealtime
	HasPostChat
	HasVoiceID
)

// Load is one channel's traffic over one interval: contacts arriving, their
// average handle time and average time in Connect, pooled over queues.
type Load struct {
	// Contacts arrive in the interval (for calls: start counting against the
	// quota in it).
	Contacts float64
	// HandleSeconds is the average agent handle time of the handled contacts.
	HandleSeconds float64
	// ConnectSeconds is the average time a contact counts against the channel's
	// concurrency quota. A source without time in Connect puts the handle time
	// here and sets HandleStandsIn.
	ConnectSeconds float64
	// HandleStandsIn marks a load whose time in Connect is (in part) its handle
	// time: the source gave no time in Connect for some of its rows.
	HandleStandsIn bool
	// Handled, when HasHandled, is how many contacts reached an agent: staffing
	// offers agents Handled x HandleSeconds of work.
	Handled    float64
	HasHandled bool
	Shares     Shares
	// Peak, when HasPeak, is the channel's measured peak concurrency in the
	// interval (contacts --series).
	Peak    float64
	HasPeak bool
}

// Interval is one instance's traffic over [Start, Start+Step).
type Interval struct {
	Start    time.Time // UTC
	Channels [NumChannels]Load
}

// Instance is the traffic of one Amazon Connect instance, interval by interval.
type Instance struct {
	Name string // as the source names it: a plan name, or the id in the ARN
	ARN  string // when the source gives it
	// Intervals are sorted by Start, distinct, one Step apart or more (intervals
	// without traffic may be missing).
	Intervals []Interval
}

// Series is traffic over time for every instance of a source.
type Series struct {
	Step      time.Duration
	Instances []Instance // sorted by Name
	// Sources name the files read, for the result's inputs.
	Sources []string
}

// Problem is one piece of bad input: where and what.
type Problem struct {
	File string
	// Line is 1-based; 0 when the position is a byte Offset instead.
	Line   int64
	Offset int64
	// Column is 1-based, or 0 when not known.
	Column  int
	Message string
}

// Error is bad input that stops the run: one line naming the file, the line and
// the column.
type Error struct{ Problem }

func (p Problem) String() string {
	s := p.File
	if p.Line > 0 && p.Column > 0 {
		s += fmt.Sprintf(":%d:%d", p.Line, p.Column)
	} else if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
	} else {
		s += fmt.Sprintf(": byte %d", p.Offset)
	}
	return s + ": " + p.Message
}

func (e *Error) Error() string { return e.Problem.String() }

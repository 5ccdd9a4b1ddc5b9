// Package ctr reads Amazon Connect contact records (CTRs), as data streaming
// delivers them, and measures the exact concurrency of each quota per instance:
// active calls, chats, tasks and emails, post-call analytics jobs and calls with
// real-time analytics, overall and per interval, with the traffic of each
// interval (contacts, time in Connect, handle time, analytics shares) for plan
// evaluation (Result.Series).
//
// # Input
//
// Records are JSON objects, one a line (JSON lines, positions of problems by
// line) or concatenated with or without white space between them (positions by
// byte offset from 0, the record's first byte), plain or gzip (several members
// too). A source is taken as lines when its first value ends on its first line
// with nothing after it there. In a lines source a line may hold several values;
// a value that is not JSON is one problem and the rest of its line is skipped. In
// a concatenated source, reading resumes after a malformed value at the next
// '{'.
//
// Delivery is at least once and a record is delivered again when the contact is
// updated: per instance and ContactId only the delivery with the latest
// LastUpdateTimestamp counts (on a tie the one read later; a delivery without
// LastUpdateTimestamp ranks below any with one).
//
// # Counting
//
// Spans are half-open, [start, end): a contact ending at the instant another
// starts does not overlap it. Times are UTC, to the millisecond (records carry
// whole seconds or milliseconds).
//
//   - Calls: VOICE contacts from InitiationTimestamp to DisconnectTimestamp. A
//     CALLBACK counts from Queue.DequeueTimestamp, when it is offered to an
//     agent; one never dequeued never counts (Result.NeverDequeued). A call
//     transferred to an external number (TransferredToEndpoint.Type
//     TELEPHONE_NUMBER) stops counting at TransferCompletedTimestamp when that
//     is before the disconnect.
//   - Chats: CHAT contacts, initiation to disconnect.
//   - Tasks and emails: TASK and EMAIL contacts, initiation to the later of
//     DisconnectTimestamp and Agent.AfterContactWorkEndTimestamp.
//   - Post-call analytics jobs: VOICE contacts whose
//     ContactLens.ConversationalAnalytics.Configuration.ChannelConfiguration.AnalyticsModes
//     hold PostContact: a job from DisconnectTimestamp lasting PostCallFactor x
//     (DisconnectTimestamp - ConnectedToSystemTimestamp, or InitiationTimestamp
//     when that is missing), rounded to the millisecond. A job of zero length
//     counts nothing.
//   - Real-time analytics calls: VOICE contacts with RealTime, over the span they
//     count as calls.
//   - MONITOR contacts (a supervisor listening in) are not customer contacts:
//     counted in Result.Monitor, in no quota.
//   - Transfers: every contact record is its own contact. A transfer creates a
//     new ContactId (InitiationMethod TRANSFER or QUEUE_TRANSFER) and each leg
//     counts over its own span, so legs that overlap in time both count: that is
//     how Amazon Connect counts concurrent active calls, every contact being
//     active until it disconnects.
//
// A peak is the highest number of spans open at one instant; its At is the first
// instant it is reached. An interval's peak is the highest within [Start,
// Start+Step), counting spans carried over from before it.
//
// A record that cannot be counted is a problem, counted by kind and sampled with
// its position, never a crash: not JSON, a missing InstanceARN, ContactId,
// Channel, InitiationTimestamp or DisconnectTimestamp, a field the count reads
// with the wrong type, a timestamp that is not yyyy-mm-ddThh:mm:ss[.f]Z (1 to 9
// digits of fraction, years 1970 to 2099), an end before its start, a span of 49
// days or more, a channel other than VOICE, CHAT, TASK or EMAIL. Every field the
// count reads must be absent, null or well formed; all others are skipped unread
// (but checked to be JSON).
//
// # Speed and memory
//
// Records are never held. A plain file is mapped (on Linux; read in batches
// elsewhere) and cut into batches of about 1 MiB at record boundaries (newlines
// for JSON lines; for concatenated values the reader delimits them itself);
// workers parse the batches in parallel; the batches are merged in input order,
// so ties and samples follow the input, and a merged batch's pages leave the
// resident set. gzip and standard input stream through one decompressor feeding
// the workers. Memory is the batches in flight, the interval grid, and per
// distinct contact a 56-byte entry of its latest delivery plus about 15 bytes
// of hash slots (docs/PERFORMANCE.md ("Reading contact records")). Times are kept to the
// millisecond: digits beyond are dropped, and a span, post-call job or handle
// time of 49 days or more is a problem (Amazon Connect ends a contact within 7
// days).
//
// The parser is a small hand-written JSON scanner rather than a library: it reads
// only the fields above and skips everything else (Attributes, Recordings,
// endpoints, tags...) while checking it is JSON, scanning strings eight bytes at a
// time. Object keys repeat from record to record, so each key is predicted from
// its context (the enclosing object's key and the key before it): a key equal,
// byte for byte up to its closing quote, to the one last seen there, which was
// checked then, is neither scanned nor looked up again. A general parser builds
// every value of a ~1.7 KB record; this one does not: it reads about 1.85 GB/s
// on one core, which reading at a quarter of the speed of wc -l on two cores
// needs. (No library parser, fastjson included, was
// measured against it.) It follows encoding/json: escapes are decoded (an invalid
// surrogate becomes U+FFFD), control characters in strings are refused, invalid
// UTF-8 is taken as it comes, a duplicated key's last value wins, nesting is
// limited to 10000 levels. Key names match exactly (encoding/json's case-
// insensitive match of struct fields does not apply). A fuzz test compares it with
// encoding/json.
package ctr

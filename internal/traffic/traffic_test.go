package traffic

import "testing"

func TestChannelString(t *testing.T) {
	for c, want := range map[Channel]string{
		-1: "channel(-1)", Voice: "voice", Chat: "chat", Task: "task", Email: "email", Campaign: "campaign",
		NumChannels: "channel(5)", 9: "channel(9)",
	} {
		if got := c.String(); got != want {
			t.Errorf("Channel(%d).String() = %q, want %q", int(c), got, want)
		}
	}
	if got := ChannelNames(); len(got) != 5 || got[0] != "voice" || got[4] != "campaign" {
		t.Errorf("ChannelNames() = %v", got)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Listing is a body of rows: what request --submit filed and request status
// lists. JSON and YAML write its fields, then the rows under Key as objects with
// the columns' keys; CSV writes one row per row; the people's views a table.
type Listing struct {
	// Fields come before the rows (region, calls made).
	Fields  Fields
	Key     string
	Columns []ListColumn
	Rows    [][]any // per column: string, float64, int or nil
	// Summary is one line for people under the table.
	Summary string
}

// ListColumn is one column: its machine key, its header and alignment for
// people.
type ListColumn struct {
	Key    string
	Header string
	Right  bool
	Wrap   int // 0: never wraps
}

func (l *Listing) objects() []Fields {
	out := make([]Fields, 0, len(l.Rows))
	for _, row := range l.Rows {
		var f Fields
		for i, c := range l.Columns {
			f.Add(c.Key, row[i], c.Header, "")
		}
		out = append(out, f)
	}
	return out
}

// MarshalJSON writes the fields, then the rows.
func (l *Listing) MarshalJSON() ([]byte, error) {
	head, err := l.Fields.MarshalJSON()
	if err != nil {
		return nil, err
	}
	rows, err := json.Marshal(l.objects())
	if err != nil {
		return nil, err
	}
	key, _ := json.Marshal(l.Key)
	var b bytes.Buffer
	b.Write(head[:len(head)-1])
	if len(l.Fields) > 0 {
		b.WriteByte(',')
	}
	fmt.Fprintf(&b, "%s:%s}", key, rows)
	return b.Bytes(), nil
}

// MarshalYAML writes the fields, then the rows.
func (l *Listing) MarshalYAML() (any, error) {
	n, err := l.Fields.MarshalYAML()
	if err != nil {
		return nil, err
	}
	m := n.(*yaml.Node)
	var rows yaml.Node
	if err := rows.Encode(l.objects()); err != nil {
		return nil, err
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l.Key}, &rows)
	return m, nil
}

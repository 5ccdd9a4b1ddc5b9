package render

import (
	"bytes"

	"github.com/connectcap/connectcap/report"
	"go.yaml.in/yaml/v3"
)

// YAML: the same fields as JSON, in the same order.
func writeYAML(w *bytes.Buffer, d report.Document) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return err
	}
	return enc.Close()
}

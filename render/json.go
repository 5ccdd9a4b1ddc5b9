package render

import (
	"bytes"
	"encoding/json"

	"github.com/connectcap/connectcap/report"
)

// JSON: the document as one object, two-space indent, keys in the documented
// order, raw numbers, no HTML escaping.
func writeJSON(w *bytes.Buffer, d report.Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

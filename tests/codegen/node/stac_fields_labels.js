// Formats STAC documents with @radiantearth/stac-fields after loading a generated fields fragment into its
// Registry, and prints what a reader of STAC Browser would see for every key of the extension's prefix.
// Usage: node stac_fields_labels.js <jobs.json>   (jobs: [{fragment, document, prefix}], paths)
// Output (stdout, JSON): [{document, shown: [{where, key, label, formatted}]}]
"use strict";
const fs = require("fs");
const fields = require("@radiantearth/stac-fields");

const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = [];
for (const job of jobs) {
  const fragment = JSON.parse(fs.readFileSync(job.fragment, "utf8"));
  fields.Registry.importFields(fragment);
  const doc = JSON.parse(fs.readFileSync(job.document, "utf8"));
  const shown = [];
  const collect = (where, groups) => {
    for (const group of groups) {
      for (const [key, entry] of Object.entries(group.properties)) {
        if (key.startsWith(job.prefix)) {
          shown.push({where, key, extension: group.extension, groupLabel: group.label, label: entry.label,
                      formatted: String(entry.formatted)});
        }
      }
    }
  };
  if (doc.type === "Feature") {
    collect("properties", fields.formatItemProperties(doc));
  } else if (doc.type === "Collection" && doc.summaries) {
    collect("summaries", fields.formatSummaries(doc));
  }
  for (const section of ["assets", "item_assets"]) {
    for (const [name, asset] of Object.entries(doc[section] || {})) {
      collect(`${section}/${name}`, fields.formatAsset(asset, doc));
    }
  }
  out.push({document: job.document, shown});
}
process.stdout.write(JSON.stringify(out));

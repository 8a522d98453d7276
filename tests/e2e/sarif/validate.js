#!/usr/bin/env node
// validate.js — validates SARIF files against the official SARIF 2.1.0
// schema (a JSON Schema draft-04 document) with ajv 8 + ajv-draft-04 +
// ajv-formats (tech.md §6). Used by the sarif_schema test on every
// *.sarif.json file the other tests left in the output folder.
//
//   node validate.js SCHEMA DIR_OR_FILE...
//
// Prints one line per invalid file with each error's instance path, then
// "N passed, N failed". Exits 1 if any file is invalid, and also when it
// found no file at all: a validation that checked nothing must not pass.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');

function collect(target, out) {
  const st = fs.statSync(target);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(target).sort())
      collect(path.join(target, name), out);
  } else if (target.endsWith('.sarif.json') || target.endsWith('.sarif')) {
    out.push(target);
  }
}

function main(argv) {
  if (argv.length < 2) {
    console.error('usage: validate.js SCHEMA DIR_OR_FILE...');
    return 2;
  }
  const schema = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const files = [];
  for (const t of argv.slice(1)) collect(t, files);
  let passed = 0, failed = 0;
  for (const f of files) {
    let doc;
    try {
      doc = JSON.parse(fs.readFileSync(f, 'utf8'));
    } catch (e) {
      console.log(`${f}: not JSON: ${e.message}`);
      failed++;
      continue;
    }
    if (validate(doc)) {
      passed++;
      continue;
    }
    failed++;
    for (const err of validate.errors.slice(0, 20))
      console.log(`${f}: ${err.instancePath || '/'} ${err.message}`);
  }
  if (files.length === 0)
    console.log('no SARIF files found');
  console.log(`${passed} passed, ${failed} failed`);
  return failed || files.length === 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

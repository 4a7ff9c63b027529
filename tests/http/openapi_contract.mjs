// Checks response bodies against the schemas of docs/openapi.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

export const openapi = JSON.parse(
  readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../docs/openapi.json'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(openapi, 'openapi');

/** Asserts that `body` is a valid components.schemas[schemaName]. */
export function conforms(schemaName, body, where = '') {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  assert.ok(validate, `no schema ${schemaName} in openapi.json`);
  if (validate(body)) return;
  let shown;
  try {
    shown = JSON.stringify(body).slice(0, 400);
  } catch {
    shown = '(too deep to show)';
  }
  assert.fail(`${where} ${schemaName}: ${ajv.errorsText(validate.errors)} in ${shown}`);
}

/** Asserts a problem+json answer with `status`; for 422 also the field errors. */
export function isProblem(response, status, where = '') {
  const label = `${where} answered ${response.status}: ${response.text?.slice(0, 300)}`;
  assert.equal(response.status, status, label);
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, label);
  conforms(status === 422 ? 'ValidationProblem' : 'Problem', response.body, where);
  assert.equal(response.body.status, status, label);
}

/** The fields named by a 422 answer. */
export const errorFields = (response) => (response.body.errors ?? []).map((e) => e.field);

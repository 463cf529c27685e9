// The JSON Schema in report.schema.json, checked against both example reports and against
// broken ones, so that editors' tooling (VS Code reads "$schema") agrees with the validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
// Strict, but the conditional kind rules restate no types (the outer schema gives them).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, strictTuples: false });
const validate = ajv.compile(read('report.schema.json'));

for (const report of ['www/reports/zhongyuan-2020-h1.json', 'www/reports/example-2021-q1.json']) {
  test(`${report} satisfies the schema`, () => {
    assert.equal(validate(read(report)), true, JSON.stringify(validate.errors, null, 2));
  });
}

const paths = (report) => {
  validate(report);
  return [...new Set((validate.errors ?? []).map((e) => e.instancePath))];
};

test('a wrong type is found at its path', () => {
  assert.ok(paths(read('tests/fixtures/bad-value.json')).includes('/sections/0/figures/0/value'));
});

test('kind rules: compare needs previous, gauge a target, ring a total or a percentage', () => {
  const base = read('www/reports/zhongyuan-2020-h1.json');
  const broken = structuredClone(base);
  delete broken.sections.find((s) => s.kind === 'compare').figures[0].previous;
  const gauge = broken.sections.find((s) => s.kind === 'gauge').figures[0];
  delete gauge.progress;
  delete broken.sections.find((s) => s.id === 'renovation').figures[0].total;
  broken.sections[0].figures[0].colour = 'red';
  broken.sections[2].kind = 'pie';
  const found = paths(broken);
  for (const path of ['/sections/6/figures/0', '/sections/1/figures/0', '/sections/9/figures/0', '/sections/0/figures/0', '/sections/2/kind']) {
    assert.ok(found.includes(path), `${path} in ${found}`);
  }
});

import { readdirSync, readFileSync } from 'node:fs';
import { load, CORE_SCHEMA } from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

const files = readdirSync('scenarios').filter((name) => name.endsWith('.yaml'));

describe('the two YAML parsers', () => {
  test.each(files)('read %s to the same data', (name) => {
    const text = readFileSync(`scenarios/${name}`, 'utf8');
    expect(load(text, { schema: CORE_SCHEMA })).toEqual(parse(text));
  });
});

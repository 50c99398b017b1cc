// The boundary rules in eslint.config.js must bite: each case lints a small in-memory file placed at a
// path in the tree and expects the rule's error (or none where the import is allowed).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('src/domain stays pure', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import fs from 'fs';", 'no-restricted-imports'],
    ["export { join } from 'node:path';", 'no-restricted-imports'],
    ["import { defineMiddleware } from 'astro:middleware';", 'no-restricted-imports'],
    ["import type { AstroGlobal } from 'astro';", 'no-restricted-imports'],
    ["import { useState } from 'react';", 'no-restricted-imports'],
    ["import { Low } from 'lowdb';", 'no-restricted-imports'],
    ["import { JSONFilePreset } from 'lowdb/node';", 'no-restricted-imports'],
    ["import { getDesk } from '../../server/desk.ts';", 'desk/layer-boundaries'],
    ["export * from '../../server/db/schema.ts';", 'desk/layer-boundaries'],
    ["const page = await import('../../pages/index.astro');", 'desk/layer-boundaries'],
    ["import Player from '../../components/player/Player.tsx';", 'desk/layer-boundaries'],
  ])('%s is an error', async (code, rule) => {
    expect(await ruleIds(`${code}\nexport const used = 1;\n`, 'src/domain/scoring/example.ts')).toContain(rule);
  });

  it('allows pure packages and its own folders', async () => {
    const code =
      "import { z } from 'zod';\nimport { setup } from 'xstate';\nimport type { Clock } from '../clock.ts';\nexport const parts = [z, setup] as const;\nexport type Used = Clock;\n";
    expect(await ruleIds(code, 'src/domain/scoring/example.ts')).toEqual([]);
  });

  it('judges a relative path by where it lands, not by its text', async () => {
    // From src/server, '../domain/x' is the domain; from the domain, './server/x' would stay inside it.
    expect(await ruleIds("import { x } from './server/x.ts';\nexport const y = x;\n", 'src/domain/example.ts')).toEqual([]);
    expect(await ruleIds("import { x } from '../server/x.ts';\nexport const y = x;\n", 'src/domain/example.ts')).toContain('desk/layer-boundaries');
  });
});

describe('components import no server code', () => {
  it('refuses a server import in an island', async () => {
    const code = "import { getDesk } from '../../server/desk.ts';\nexport const desk = getDesk;\n";
    expect(await ruleIds(code, 'src/components/player/Example.tsx')).toContain('desk/layer-boundaries');
  });

  it('refuses a server import in an .astro component, even a type', async () => {
    const code =
      "---\nimport type { Review } from '../../server/db/schema.ts';\ninterface Props { review: Review }\nconst { review } = Astro.props;\n---\n<p>{review.comment}</p>\n";
    expect(await ruleIds(code, 'src/components/mentoring/Example.astro')).toContain('desk/layer-boundaries');
  });

  it('lets a page import the server, and a component import the domain', async () => {
    expect(await ruleIds("import { getDesk } from '../server/desk.ts';\nexport const desk = getDesk;\n", 'src/pages/example.ts')).toEqual([]);
    expect(await ruleIds("import { score } from '../../domain/scoring/score.ts';\nexport const s = score;\n", 'src/components/player/Example.tsx')).toEqual([]);
  });
});

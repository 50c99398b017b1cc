// @ts-check
// The linter: JavaScript's and typescript-eslint's recommended rules, Astro's, and the house's layer
// boundaries (src/domain is pure; components never reach into the server). `npm run lint`; `npm test` runs it.
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(new URL(import.meta.url).pathname);

/** @typedef {{ folder: string, reason: string }} ForbiddenFolder */

/** Reports an import, re-export or literal dynamic import whose relative path lands in a forbidden folder. */
const layerBoundaries = {
  meta: {
    type: /** @type {const} */ ('problem'),
    docs: { description: 'Forbids imports that cross into another layer (resolved from the importing file, not by name).' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: {
            type: 'array',
            items: { type: 'object', properties: { folder: { type: 'string' }, reason: { type: 'string' } }, required: ['folder', 'reason'] },
          },
        },
        required: ['forbid'],
        additionalProperties: false,
      },
    ],
    messages: { crosses: "'{{source}}' is in {{folder}}: {{reason}}" },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    const { forbid } = /** @type {{ forbid: ForbiddenFolder[] }} */ (context.options[0]);
    /** @param {any} node */
    const check = (node) => {
      const source = node?.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      for (const { folder, reason } of forbid) {
        const relative = path.relative(path.join(root, folder), target);
        if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
          context.report({ node: source, messageId: 'crosses', data: { source: source.value, folder, reason } });
        }
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const pureDomain = 'src/domain is pure: the server passes it data and does the I/O (see src/ARCHITECTURE.md)';
const noServerInComponents = 'components render what a page hands them; islands ship to the browser, so server code must never be bundled into them';

export default defineConfig([
  globalIgnores(['dist/', '.astro/', 'data/', 'test-results/', 'playwright-report/', 'tests/.tmp/', 'bench-results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    name: 'desk/everywhere',
    languageOptions: { globals: { ...globals.node } },
    plugins: { desk: { rules: { 'layer-boundaries': layerBoundaries } } },
    rules: {
      // Reason: a leading underscore marks a name left unused on purpose (a key destructured out to drop it).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      // Reason: the code writes a two-way side effect as a ternary statement (`has ? remove() : add()`).
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
    },
  },
  {
    name: 'desk/domain-is-pure',
    files: ['src/domain/**'],
    rules: {
      // Reason: the domain runs anywhere (tests, the server, the browser): no I/O, no framework, no store.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['astro', 'react', 'react-dom', 'lowdb'].map((name) => ({ name, message: pureDomain })),
            ...builtinModules.map((name) => ({ name, message: pureDomain })),
          ],
          patterns: [{ group: ['node:*', 'astro/*', 'astro:*', 'react/*', 'react-dom/*', 'lowdb/*', '@astrojs/*'], message: pureDomain }],
        },
      ],
      // Reason: the same purity, for relative paths into the layers that do I/O or render.
      'desk/layer-boundaries': [
        'error',
        {
          forbid: [
            { folder: 'src/server', reason: pureDomain },
            { folder: 'src/pages', reason: pureDomain },
            { folder: 'src/components', reason: pureDomain },
          ],
        },
      ],
    },
  },
  {
    name: 'desk/components-import-no-server-code',
    files: ['src/components/**'],
    rules: {
      // Reason: islands are bundled for the browser, and .astro components only render what pages hand them.
      'desk/layer-boundaries': ['error', { forbid: [{ folder: 'src/server', reason: noServerInComponents }] }],
    },
  },
]);

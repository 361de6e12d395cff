import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Files under `folder` may not import from the sibling layers `banned`, nor Node's modules unless build code. */
function layer(folder, banned, why) {
  const patterns = banned.map((name) => ({
    group: [`**/${name}/**`, `../${name}/**`],
    message: `${folder} may not import from src/${name}: ${why}.`,
  }));
  if (folder !== 'src/build') patterns.push({ group: ['node:*'], message: `${folder} may not use Node: ${why}.` });
  return {
    files: [`${folder}/**/*.ts`, `${folder}/**/*.svelte`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-e2e/',
      'node_modules/',
      'test-results/',
      'screenshots/',
      'geo/kurils/.cache/',
      'geo/*/out/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __E2E__: 'readonly', __OFFLINE__: 'readonly' } },
  },
  // Code is split by where it runs; no import runs back up a layer (tests/unit/boundaries.test.ts
  // also checks that no two folders import each other).
  layer('src/shared', ['app', 'build', 'entries'], 'shared code runs in the browser and at build time alike'),
  layer('src/app', ['build', 'entries'], 'the app runs in the browser'),
  layer('src/build', ['app', 'entries'], 'the build runs in Node'),
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
);

import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Unit tests only; the e2e suite runs under Playwright. The Svelte plugin lets tests render
// components with `svelte/server`.
export default defineConfig({
  plugins: [svelte()],
  // Some tests render every still map or measure the real geodata: seconds on a loaded 2-core
  // machine, where vitest's 5 s default cut them off while still correct.
  test: { include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
});

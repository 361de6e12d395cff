import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Unit tests only; the e2e suite runs under Playwright. The Svelte plugin lets tests render
// components with `svelte/server`.
export default defineConfig({
  plugins: [svelte()],
  test: { include: ['tests/unit/**/*.test.ts'] },
});

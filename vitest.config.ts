import { defineConfig } from 'vitest/config';

// Unit tests only; the e2e suite runs under Playwright.
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'] },
});

/**
 * `npm test`: type and Svelte checks, lint, the story check, unit tests (vitest), then both
 * builds and the end-to-end tests (Playwright, real Chromium). Every stage runs even after a
 * failure, so one run reports everything; the exit code is non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromiumPath } from '../tests/e2e/browser.ts';

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];

function stage(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function ensureChromium(): boolean {
  if (chromiumPath()) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian chromium (apt-get install -y chromium)…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
    if (chromiumPath()) return true;
  }
  console.error(
    'No Chromium for the end-to-end tests: run `sudo apt-get install -y chromium` or `npx playwright install chromium`, or set CHROME_PATH.',
  );
  return false;
}

mkdirSync('test-results', { recursive: true });
stage('type check: app', 'npx', ['svelte-check', '--tsconfig', './tsconfig.app.json', '--fail-on-warnings']);
stage('type check: build', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
stage('type check: tests', 'npx', ['svelte-check', '--tsconfig', './tsconfig.test.json', '--fail-on-warnings']);
stage('lint', 'npm', ['run', '--silent', 'lint']);
stage('story check', 'npm', ['run', '--silent', 'check:story']);
stage('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const built =
  stage('production build', 'npm', ['run', '--silent', 'build']) &&
  stage('e2e build', 'npm', ['run', '--silent', 'build:e2e']);
if (built && ensureChromium()) {
  stage('end-to-end tests', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' });
} else {
  results.push({ name: 'end-to-end tests', ok: false, seconds: 0 });
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const unit = readJson<{
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
}>('test-results/unit.json');
if (unit) {
  counts.passed += unit.numPassedTests ?? 0;
  counts.failed += unit.numFailedTests ?? 0;
  counts.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
const e2e = readJson<{ stats?: { expected?: number; flaky?: number; unexpected?: number; skipped?: number } }>(
  'test-results/e2e.json',
);
if (e2e?.stats) {
  counts.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  counts.failed += e2e.stats.unexpected ?? 0;
  counts.skipped += e2e.stats.skipped ?? 0;
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
const failedStages = results.filter((r) => !r.ok).length;
console.log(
  `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${failedStages ? ` (${failedStages} stage(s) failed)` : ''}`,
);
process.exit(failedStages > 0 ? 1 : 0);

/** A runner's JSON report (vitest or Playwright), or undefined when the runner never wrote one. */
function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

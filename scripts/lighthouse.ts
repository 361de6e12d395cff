/**
 * `npm run lighthouse [-- --runs 3] [--json]`: Lighthouse 12 (mobile preset: Moto G Power screen,
 * simulated slow 4G, 4× CPU) on the production build (dist/, gzip-compressed as a host would
 * send it), in the system's headless Chromium. Prints the median (and range) of the four
 * category scores and of FCP, LCP, TBT, CLS and Speed Index, then, from the median run, every
 * audit that keeps a category under 100 (for performance: the opportunities and diagnostics
 * with their estimated savings). The median run's full report is kept in
 * test-results/lighthouse-report.json (open it in the Lighthouse viewer); --json also writes
 * the summary to test-results/lighthouse.json, --keep-runs every run's report as
 * test-results/lighthouse-run-N.json (to see why one run differs).
 *
 * Nothing leaves the machine: Lighthouse's error reporting is off, Chromium runs without its
 * background services, and its resolver knows no host but 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { OFFLINE_RESOLVER_RULES } from './offline-browser.ts';
import { formatSummary, summarize } from './perf-figures.ts';
import { startPreview } from './preview.ts';

/** The parts of a Lighthouse result (LHR) read here. */
interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  metricSavings?: Record<string, number | undefined>;
  details?: {
    type?: string;
    overallSavingsMs?: number;
    overallSavingsBytes?: number;
    items?: Array<Record<string, unknown>>;
  };
}

interface Report {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  runWarnings: string[];
  audits: Record<string, Audit>;
  categories: Record<
    string,
    { title: string; score: number | null; auditRefs: Array<{ id: string; weight: number; group?: string }> }
  >;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
] as const;
const TARGETS: Record<string, string> = {
  performance: '≥ 95',
  accessibility: '100',
  'best-practices': '100',
  seo: '100',
  TBT: '≤ 150 ms',
  CLS: '0',
};

const lighthouseCli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

/** One Lighthouse run in its own process (which launches and closes its own Chromium). */
function runLighthouse(url: string, outputPath: string): Promise<Report> {
  const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS, `--host-resolver-rules="${OFFLINE_RESOLVER_RULES}"`];
  const args = [
    lighthouseCli,
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${chromeFlags.join(' ')}`,
    '--no-enable-error-reporting',
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CHROME_PATH: chromiumPath() },
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`lighthouse exited with ${code}`));
      else resolve(JSON.parse(readFileSync(outputPath, 'utf8')) as Report);
    });
  });
}

const score = (report: Report, category: string) => {
  const value = report.categories[category]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
};
const metric = (report: Report, id: string) => report.audits[id]?.numericValue ?? null;

/** The audits that keep a category under 100 in one report, worst first. */
function failingAudits(report: Report, category: string): Audit[] {
  const refs = report.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.group !== 'metrics')
    .map((ref) => report.audits[ref.id])
    .filter((audit): audit is Audit => audit !== undefined && audit.score !== null && audit.score < 1)
    .filter((audit) => category !== 'performance' || audit.score! < 0.9 || (audit.details?.overallSavingsMs ?? 0) > 0)
    .sort((a, b) => savingsMs(b) - savingsMs(a) || a.score! - b.score!);
}

function savingsMs(audit: Audit): number {
  return audit.details?.overallSavingsMs ?? Math.max(0, ...Object.values(audit.metricSavings ?? {}).map((v) => v ?? 0));
}

/** A URL as its path on the local server; Lighthouse's own labels ("Unattributable") as they are. */
function pathOf(url: unknown): string {
  const text = String(url);
  return text.startsWith('http') ? new URL(text).pathname : text;
}

function describe(audit: Audit): string {
  const parts: string[] = [];
  if (audit.details?.type === 'opportunity') {
    parts.push('opportunity');
    if (audit.details.overallSavingsMs) parts.push(`saves ~${Math.round(audit.details.overallSavingsMs)} ms`);
    if (audit.details.overallSavingsBytes) parts.push(`${(audit.details.overallSavingsBytes / 1024).toFixed(1)} KB`);
  }
  const savings = Object.entries(audit.metricSavings ?? {}).filter(([, v]) => (v ?? 0) > 0);
  if (savings.length > 0)
    parts.push(
      `metric savings ${savings.map(([k, v]) => `${k} ${k === 'CLS' ? v!.toFixed(3) : Math.round(v!)}`).join(', ')}`,
    );
  if (audit.displayValue) parts.push(audit.displayValue);
  return `${audit.id} (score ${audit.score!.toFixed(2)}${parts.length ? `; ${parts.join('; ')}` : ''}): ${audit.title}`;
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    'keep-runs': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run lighthouse -- [--runs N] [--json] [--keep-runs]');
  process.exit(2);
}

const loadBefore = loadavg();
const preview = await startPreview('dist', { gzip: true });
const scratch = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const reports: Report[] = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const report = await runLighthouse(`${preview.origin}/`, join(scratch, `run-${run}.json`));
    reports.push(report);
    if (args['keep-runs']) {
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/lighthouse-run-${run}.json`, JSON.stringify(report));
    }
    console.error(
      `run ${run}/${runs}: ${CATEGORIES.map((c) => `${c} ${score(report, c) ?? '—'}`).join(', ')}` +
        `; TBT ${Math.round(metric(report, 'total-blocking-time') ?? NaN)} ms`,
    );
  }
} finally {
  await preview.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const load = (averages: number[]) => averages.map((n) => n.toFixed(2)).join(' ');
const built = statSync('dist/index.html').mtime.toISOString();
console.log(
  `\nLighthouse ${reports[0]!.lighthouseVersion}, mobile preset, on the production build of ${built} (served gzip-compressed),` +
    ` Chromium ${chromiumPath()} headless (SwiftShader). Median (min–max) of ${runs} run${runs === 1 ? '' : 's'};` +
    ` benchmark index ${reports.map((r) => Math.round(r.environment.benchmarkIndex)).join(', ')};` +
    ` load average ${load(loadBefore)} before, ${load(loadavg())} after.\n`,
);

const rows: Array<[string, string, string]> = [
  ...CATEGORIES.map((c): [string, string, string] => [
    c,
    formatSummary(summarize(reports.map((r) => score(r, c))), String),
    TARGETS[c] ?? '',
  ]),
  ...METRICS.map(([id, label]): [string, string, string] => [
    label,
    formatSummary(summarize(reports.map((r) => metric(r, id))), (n) =>
      label === 'CLS' ? n.toFixed(3) : `${Math.round(n)} ms`,
    ),
    TARGETS[label] ?? '',
  ]),
];
const widths = [0, 1, 2].map((i) =>
  Math.max(...[['metric', 'median (min–max)', 'target'], ...rows].map((row) => row[i]!.length)),
);
const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(['metric', 'median (min–max)', 'target']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));

// The run whose performance score is the median one: its audits stand for all.
const median = [...reports].sort((a, b) => (score(a, 'performance') ?? 0) - (score(b, 'performance') ?? 0))[
  Math.floor((runs - 1) / 2)
]!;
const failing = Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(median, c)]));
for (const category of CATEGORIES) {
  if (failing[category]!.length === 0) continue;
  console.log(`\n${category} ${score(median, category)} in the median run, held back by:`);
  for (const audit of failing[category]!) {
    const inRuns = reports.filter((r) => failingAudits(r, category).some((a) => a.id === audit.id)).length;
    console.log(`  - ${describe(audit)}${runs > 1 ? ` [in ${inRuns}/${runs} runs]` : ''}`);
  }
}
// Where the main thread's time goes, whatever the scores: what to act on first.
const items = (id: string) => median.audits[id]?.details?.items ?? [];
const ms = (n: unknown) => `${Math.round(Number(n))} ms`;
console.log('\nWhere the time goes in the median run (Lighthouse, simulated 4× CPU):');
console.log(
  `  long tasks: ${
    items('long-tasks')
      .slice(0, 5)
      .map((t) => `${ms(t.duration)} at ${ms(t.startTime)} (${pathOf(t.url)})`)
      .join('; ') || 'none'
  }`,
);
console.log(
  `  script time: ${items('bootup-time')
    .slice(0, 4)
    .map((t) => `${pathOf(t.url)} ${ms(t.total)}`)
    .join('; ')}`,
);
console.log(
  `  main thread: ${items('mainthread-work-breakdown')
    .slice(0, 4)
    .map((t) => `${String(t.groupLabel)} ${ms(t.duration)}`)
    .join('; ')}`,
);
const requested = items('network-requests').map((r) => String(r.url));
const elsewhere = requested.filter((url) => url.startsWith('http') && new URL(url).hostname !== '127.0.0.1');
console.log(
  `  requests: ${requested.length}, to other origins: ${elsewhere.length}${elsewhere.length ? ` (${elsewhere.join(', ')})` : ''}`,
);

const warnings = [...new Set(reports.flatMap((r) => r.runWarnings))];
if (warnings.length > 0) console.log(`\nLighthouse warnings:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/lighthouse-report.json', JSON.stringify(median));
console.log('\nwrote test-results/lighthouse-report.json (the median run)');
if (args.json) {
  const summary = {
    built,
    measuredAt: new Date().toISOString(),
    runs: reports.map((r) => ({
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(r, c)])),
      metrics: Object.fromEntries(METRICS.map(([id, label]) => [label, metric(r, id)])),
      benchmarkIndex: r.environment.benchmarkIndex,
    })),
    table: rows,
    failingInMedianRun: Object.fromEntries(CATEGORIES.map((c) => [c, failing[c]!.map(describe)])),
  };
  writeFileSync('test-results/lighthouse.json', `${JSON.stringify(summary, null, 2)}\n`);
  console.log('wrote test-results/lighthouse.json');
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ScenarioResult {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  runs: number;
  /** The same measure taken the simplest possible way in the same run, when the scenario has one. */
  baseline?: { label: string; value: number };
  target?: string;
}

const resultsDir = path.resolve(import.meta.dirname, '../results');

/** Writes bench/results/latest.json and latest.md with the machine the figures were measured on. */
export function writeReport(fresh: ScenarioResult[], quick: boolean) {
  // A partial run (--only) replaces its scenarios' rows and keeps the others' last figures.
  const latestPath = path.join(resultsDir, 'latest.json');
  const ran = new Set(fresh.map((result) => result.scenario));
  const kept: ScenarioResult[] = fs.existsSync(latestPath)
    ? (JSON.parse(fs.readFileSync(latestPath, 'utf8')) as { results: ScenarioResult[] }).results.filter(
        (result) => !ran.has(result.scenario),
      )
    : [];
  const results = [...kept, ...fresh];
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const report = { measuredAt: new Date().toISOString(), quick, machine, results };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  // Small figures (CPU milliseconds per request) keep two decimals; the rest are whole numbers.
  // A figure a short run could not measure (NaN, stored as null in the JSON) reads "n/a".
  const figure = (value: number | null) =>
    value === null || !Number.isFinite(value)
      ? 'n/a'
      : value.toFixed(Math.abs(value) < 10 && !Number.isInteger(value) ? 2 : 0);
  const rows = results.map(
    (result) =>
      `| ${result.scenario} | ${result.metric} | ${figure(result.value)} ${result.unit} | ${result.baseline ? `${result.baseline.label}: ${figure(result.baseline.value)} ${result.unit}` : '—'} | ${result.target ?? '—'} | ${result.runs} |`,
  );
  const markdown = [
    `# Benchmark results (${quick ? 'quick run' : 'full run'})`,
    '',
    `Measured ${report.measuredAt} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    '| scenario | metric | value | baseline | target | runs (median) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), markdown);
  return markdown;
}

import { writeReport, type ScenarioResult } from './report.js';
import { agentListScenario } from './scenarios/agent-list.js';
import { bundleSizeScenario } from './scenarios/bundle-size.js';
import { exportsScenario } from './scenarios/exports.js';
import { faultsScenario } from './scenarios/faults.js';
import { ingestionScenario } from './scenarios/ingestion.js';
import { lighthouseScenario } from './scenarios/lighthouse.js';
import { liveBoardScenario } from './scenarios/live-board.js';
import { onssDrainScenario, onssLatencyScenario } from './scenarios/onss.js';
import { registrationsListScenario } from './scenarios/registrations-list.js';
import { signInScenario } from './scenarios/sign-in.js';
import { soakScenario } from './scenarios/soak.js';
import { startupScenario } from './scenarios/startup.js';

// `npm run bench` runs every scenario; `npm run bench -- --quick` a short smoke run of each.
const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const scenarios: Record<string, (options: { quick: boolean }) => Promise<ScenarioResult[]>> = {
  startup: startupScenario,
  'sign-in': signInScenario,
  ingestion: ingestionScenario,
  'agent-list': agentListScenario,
  'registrations-list': registrationsListScenario,
  'bundle-size': bundleSizeScenario,
  lighthouse: lighthouseScenario,
  'onss-drain': onssDrainScenario,
  'onss-latency': onssLatencyScenario,
  'live-board': liveBoardScenario,
  exports: exportsScenario,
  faults: faultsScenario,
  soak: soakScenario,
};
// Half an hour (--quick: 1 minute, --minutes=N): only when asked for, `npm run bench -- --only=soak`.
const onlyWhenAsked = new Set(['soak']);

const results: ScenarioResult[] = [];
for (const [name, scenario] of Object.entries(scenarios)) {
  if (only ? only !== name : onlyWhenAsked.has(name)) continue;
  console.log(`bench: ${name}…`);
  results.push(...(await scenario({ quick })));
}
console.log(writeReport(results, quick));

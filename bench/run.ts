/**
 * `npm run bench`: figures, side by side in one run. Targets are printed next to the measures;
 * nothing here fails a build (a server that cannot start does).
 *
 *   npm run bench                    everything
 *   npm run bench -- pure            only what needs no server (validate + compile + render)
 *   npm run bench -- engine api      some sections (pure, web, engine, history, api, memory)
 *   npm run bench -- web             only the web console in headless Chromium (no servers)
 */
import { benchApi } from './api.js';
import { benchCompile, benchInputBombs } from './compile.js';
import { benchEngine } from './engine.js';
import { benchHistory, benchPlanSize } from './history.js';
import { startBenchServers, type BenchServers } from './servers.js';
import { benchWeb } from './web.js';
import { benchWorkerMemory } from './worker-memory.js';

const SERVER_SECTIONS: Record<string, (s: BenchServers) => Promise<void>> = { engine: benchEngine, history: benchHistory, api: benchApi, memory: benchWorkerMemory };
const asked = process.argv.slice(2);
const wants = (name: string) => asked.length === 0 || asked.includes(name);

if (wants('pure')) {
  benchCompile();
  benchInputBombs();
  benchPlanSize();
}
if (wants('web')) await benchWeb();
const sections = Object.entries(SERVER_SECTIONS).filter(([name]) => wants(name));
if (sections.length) {
  const servers = await startBenchServers();
  try {
    for (const [, run] of sections) await run(servers);
  } finally {
    await servers.stop();
  }
}

/** Validate + compile + render of specs of growing size: pure code, no servers. */
import { performance } from 'node:perf_hooks';
import { compile, renderComponent, validateApplication } from '../src/index.js';

function specOf(components: number): unknown {
  return {
    name: 'bench',
    namespace: 'bench',
    policies: { external: { configs: ['settings'] } },
    components: Array.from({ length: components }, (_, i) => ({
      name: `c${i}`,
      type: i % 2 ? 'worker' : 'webservice',
      image: `registry.local/app:${i}`,
      replicas: 2,
      port: 8080,
      // four levels of dependencies, each component after one of the level before
      dependsOn: i >= components / 4 ? [`c${i - Math.floor(components / 4)}`] : [],
      traits: {
        storage: [{ type: 'ephemeral', mountPath: '/tmp' }, { type: 'config', mountPath: '/etc/app', sourceName: 'settings' }],
        envs: [{ name: 'POD_NAMESPACE', valueFrom: { field: 'metadata.namespace' } }, { name: 'MODE', value: 'bench' }],
        resources: { cpu: '100m', memory: '128Mi' },
      },
    })),
  };
}

function timeIt(fn: () => void, rounds: number): { medianMs: number; minMs: number } {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, minMs: times[0] ?? 0 };
}

export function benchCompile(): void {
  const rows = [10, 100, 1000].map((n) => {
    const input = specOf(n);
    const { medianMs, minMs } = timeIt(() => {
      const plan = compile(validateApplication(input));
      for (const c of plan.spec.components) renderComponent(plan.spec, c.name);
    }, n >= 1000 ? 15 : 50);
    return { components: n, 'median ms': medianMs.toFixed(2), 'min ms': minMs.toFixed(2), target: n === 1000 ? '< 150 ms' : '' };
  });

  console.log('validate + compile + render (webservice/worker components with storage, envs and resources traits, 4 dependency levels)');
  console.table(rows);
}

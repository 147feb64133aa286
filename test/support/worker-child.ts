/**
 * A KubeMin worker in a child process (worker-process.ts), for tests that SIGKILL it: started on
 * a task queue, with extra environment (e.g. KUBEMIN_PLUGINS), resolved once it polls.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export function startWorkerProcess(taskQueue: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./worker-process.ts', import.meta.url).pathname], {
    env: { ...process.env, ...env, KUBEMIN_TEST_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before it was ready`)));
  });
}

/** SIGKILLs a worker process and resolves once it is gone. */
export const killed = (child: ChildProcess): Promise<void> => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGKILL')));

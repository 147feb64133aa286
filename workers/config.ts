/**
 * KubeMin's configuration, read from the environment in one place. Every variable is listed in
 * the README's configuration table.
 */
import { z } from 'zod';

const EnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_UI_URL: z.string().url().default('http://127.0.0.1:8233'),
  KUBEMIN_TASK_QUEUE: z.string().default('kubemin'),
  KUBEMIN_API_HOST: z.string().default('127.0.0.1'),
  KUBEMIN_API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KUBEMIN_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  KUBEMIN_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).default(20),
  KUBECONFIG: z.string().optional(),
  KUBEMIN_PLUGINS: z.string().optional(),
});

export type Config = {
  temporal: { address: string; namespace: string; uiUrl: string; taskQueue: string };
  api: { host: string; port: number };
  logLevel: z.output<typeof EnvSchema>['KUBEMIN_LOG_LEVEL'];
  shutdownGraceSeconds: number;
  kubeconfig?: string;
  /** Comma-separated paths of plugin modules (see workers/plugins.ts). */
  plugins?: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid KubeMin configuration in the environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, uiUrl: e.TEMPORAL_UI_URL.replace(/\/$/, ''), taskQueue: e.KUBEMIN_TASK_QUEUE },
    api: { host: e.KUBEMIN_API_HOST, port: e.KUBEMIN_API_PORT },
    logLevel: e.KUBEMIN_LOG_LEVEL,
    shutdownGraceSeconds: e.KUBEMIN_SHUTDOWN_GRACE_SECONDS,
    ...(e.KUBECONFIG ? { kubeconfig: e.KUBECONFIG } : {}),
    ...(e.KUBEMIN_PLUGINS ? { plugins: e.KUBEMIN_PLUGINS } : {}),
  };
}

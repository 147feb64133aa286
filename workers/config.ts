/**
 * KubeMin's configuration, read from the environment in one place. Every variable is listed in
 * the README's configuration table.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parsePlatformPolicy, POD_SECURITY_LEVELS, type PlatformPolicy, type PodSecurityLevel } from '../src/index.js';

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
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  KUBEMIN_CODEC_KEYS: z.string().optional(),
  KUBEMIN_API_TOKENS: z.string().optional(),
  KUBEMIN_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  KUBEMIN_SDK_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  KUBEMIN_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(1000),
  KUBEMIN_WORKFLOW_BUNDLE: z.string().optional(),
  KUBEMIN_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(200),
  KUBEMIN_POLICY: z.string().optional(),
  KUBEMIN_POLICY_FILE: z.string().optional(),
  KUBEMIN_POD_SECURITY_DEFAULT: z.enum(POD_SECURITY_LEVELS).default('baseline'),
  KUBEMIN_WEBHOOK_ALLOW: z.string().default(''),
  KUBEMIN_SERVICE_CIDRS: z.string().default('10.96.0.0/12'),
});

export type Config = {
  temporal: { address: string; namespace: string; uiUrl: string; taskQueue: string };
  api: { host: string; port: number };
  logLevel: z.output<typeof EnvSchema>['KUBEMIN_LOG_LEVEL'];
  shutdownGraceSeconds: number;
  kubeconfig?: string;
  /** Comma-separated paths of plugin modules (see workers/plugins.ts). */
  plugins?: string;
  /** Remote Temporal: mutual TLS files (PEM paths), server name override, or an API key (implies TLS). */
  tls?: { cert?: string; key?: string; ca?: string; serverName?: string };
  apiKey?: string;
  /** Payload encryption keys, `id:base64key,...`; the first encrypts, all decrypt (see workers/codec.ts). */
  codecKeys?: string;
  /** API bearer tokens as JSON (see api/auth.ts); absent: the API is open (dev mode only). */
  apiTokens?: string;
  metricsPort: number;
  sdkMetricsPort: number;
  maxConcurrentActivities: number;
  /** A prebuilt workflow bundle (npm run build writes dist/workflow-bundle.js). */
  workflowBundle?: string;
  /** Runs kept in the worker's memory between their steps (fewer: less memory, more replay). */
  maxCachedWorkflows: number;
  /** The platform policy: host access per token and namespace, Pod Security of created namespaces (src/policy). */
  policy: PlatformPolicy;
  /** Where webhook steps may connect beyond public addresses: allowed CIDRs and host[:port] names, and the cluster's Service CIDRs (denied). */
  webhookEgress: { allow: string[]; serviceCidrs: string[] };
};

/**
 * The platform policy from KUBEMIN_POLICY (JSON) or KUBEMIN_POLICY_FILE (JSON or YAML); neither:
 * no rules, so every kind of host access is denied. A wrong entry stops the process, named.
 */
export function loadPolicy(e: Pick<z.output<typeof EnvSchema>, 'KUBEMIN_POLICY' | 'KUBEMIN_POLICY_FILE'>, defaultLevel: PodSecurityLevel): PlatformPolicy {
  if (e.KUBEMIN_POLICY !== undefined && e.KUBEMIN_POLICY_FILE !== undefined) throw new Error('set KUBEMIN_POLICY or KUBEMIN_POLICY_FILE, not both');
  const read = (source: string, text: string, parse: (t: string) => unknown): PlatformPolicy => {
    let raw: unknown;
    try {
      raw = parse(text);
    } catch (err) {
      throw new Error(`${source} cannot be parsed: ${(err as Error).message}`);
    }
    return parsePlatformPolicy(raw, source, defaultLevel);
  };
  if (e.KUBEMIN_POLICY !== undefined) return read('KUBEMIN_POLICY', e.KUBEMIN_POLICY, (t) => JSON.parse(t));
  if (e.KUBEMIN_POLICY_FILE !== undefined) {
    const file = e.KUBEMIN_POLICY_FILE;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`KUBEMIN_POLICY_FILE ${file} cannot be read: ${(err as Error).message}`);
    }
    return read(`KUBEMIN_POLICY_FILE ${file}`, text, (t) => parseYaml(t) as unknown);
  }
  return parsePlatformPolicy({ rules: [] }, 'default policy', defaultLevel);
}

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

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
    ...(e.TEMPORAL_TLS_CERT || e.TEMPORAL_TLS_KEY || e.TEMPORAL_TLS_CA || e.TEMPORAL_TLS_SERVER_NAME
      ? { tls: { ...(e.TEMPORAL_TLS_CERT ? { cert: e.TEMPORAL_TLS_CERT } : {}), ...(e.TEMPORAL_TLS_KEY ? { key: e.TEMPORAL_TLS_KEY } : {}), ...(e.TEMPORAL_TLS_CA ? { ca: e.TEMPORAL_TLS_CA } : {}), ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverName: e.TEMPORAL_TLS_SERVER_NAME } : {}) } }
      : {}),
    ...(e.TEMPORAL_API_KEY ? { apiKey: e.TEMPORAL_API_KEY } : {}),
    ...(e.KUBEMIN_CODEC_KEYS ? { codecKeys: e.KUBEMIN_CODEC_KEYS } : {}),
    ...(e.KUBEMIN_API_TOKENS ? { apiTokens: e.KUBEMIN_API_TOKENS } : {}),
    metricsPort: e.KUBEMIN_METRICS_PORT,
    sdkMetricsPort: e.KUBEMIN_SDK_METRICS_PORT,
    maxConcurrentActivities: e.KUBEMIN_MAX_CONCURRENT_ACTIVITIES,
    ...(e.KUBEMIN_WORKFLOW_BUNDLE ? { workflowBundle: e.KUBEMIN_WORKFLOW_BUNDLE } : {}),
    maxCachedWorkflows: e.KUBEMIN_MAX_CACHED_WORKFLOWS,
    policy: loadPolicy(e, e.KUBEMIN_POD_SECURITY_DEFAULT),
    webhookEgress: { allow: list(e.KUBEMIN_WEBHOOK_ALLOW), serviceCidrs: list(e.KUBEMIN_SERVICE_CIDRS) },
  };
}

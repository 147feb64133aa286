/** Durations such as `1h30m` in seconds. No zod here: the workflow bundle imports this. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds in a duration such as `1h30m` (validated by the `duration` schema). */
export function durationSeconds(d: string): number {
  return [...d.matchAll(/(\d+)(ms|s|m|h)/g)].reduce((sum, m) => sum + Number(m[1]) * (UNIT_SECONDS[m[2] as string] ?? 0), 0);
}

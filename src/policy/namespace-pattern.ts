/**
 * Namespace patterns, as API tokens and platform policy rules write them: `*` (every namespace),
 * an exact name, or a prefix with a trailing `*` (`staging-*`).
 */

/** Whether a namespace matches one of the patterns; the namespace `*` (any) matches only the pattern `*`. */
export function namespaceAllowed(patterns: readonly string[], namespace: string): boolean {
  if (namespace === '*') return patterns.includes('*');
  return patterns.some((p) => p === '*' || p === namespace || (p.endsWith('*') && namespace.startsWith(p.slice(0, -1))));
}

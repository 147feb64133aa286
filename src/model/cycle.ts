/** Finding a cycle in a dependency graph, for component and step dependencies alike. */

/** The first dependency cycle found, as the names along it (first name repeated at the end). */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const cycle = deps.has(d) ? visit(d) : undefined;
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of deps.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

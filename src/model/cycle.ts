/**
 * Finding a cycle in a dependency graph, for component and step dependencies alike. Iterative
 * depth-first search with an explicit stack: linear in names + edges, and a 10,000-long chain
 * needs no 10,000 frames of the call stack.
 */

interface Frame {
  name: string;
  deps: readonly string[];
  next: number;
}

/** The first dependency cycle found, as the names along it (first name repeated at the end). */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  // the names on the current path, with their position in `path`
  const onPath = new Map<string, number>();
  const path: Frame[] = [];
  const enter = (name: string) => {
    onPath.set(name, path.length);
    path.push({ name, deps: deps.get(name) ?? [], next: 0 });
  };
  for (const start of deps.keys()) {
    if (done.has(start)) continue;
    enter(start);
    while (path.length > 0) {
      const top = path[path.length - 1] as Frame;
      if (top.next === top.deps.length) {
        path.pop();
        onPath.delete(top.name);
        done.add(top.name);
        continue;
      }
      const d = top.deps[top.next++] as string;
      const at = onPath.get(d);
      if (at !== undefined) return [...path.slice(at).map((f) => f.name), d];
      if (!done.has(d) && deps.has(d)) enter(d);
    }
  }
  return undefined;
}

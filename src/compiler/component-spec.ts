/**
 * The part of a spec an activity needs to render some of its components: those components, the
 * components their rendering reads (the plan's `references`, see references.ts), and every
 * application-wide field except the workflow. Activities get this instead of the whole spec, so
 * a run's history grows with each component's own size, not with components x spec size.
 *
 * Plain data only (no registries, no zod): the workflow calls it.
 */
import type { Application } from '../model/application.js';

/** Per component whose rendering reads other components, their names (Plan.references). */
export type ComponentReferences = Readonly<Record<string, readonly string[]>>;

/**
 * The spec reduced to `components` and what they reference, in the spec's order. Without
 * `references` (a plan compiled before plans carried them) the spec is returned whole.
 */
export function specFor(spec: Application, components: readonly string[], references: ComponentReferences | undefined): Application {
  if (!references) return spec;
  const needed = new Set(components.flatMap((c) => [c, ...(references[c] ?? [])]));
  const reduced: Application = { ...spec, components: spec.components.filter((c) => needed.has(c.name)) };
  delete reduced.workflow;
  return reduced;
}

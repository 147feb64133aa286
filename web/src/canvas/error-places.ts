/**
 * Where an API error belongs on the canvas: its JSON path (`$.components[1].image`) names a
 * component by index (node 2) and a field of it (image); `$.name` names an application field.
 * Pure; the canvas draws each error on its node and beside its field, and lists them all.
 */
import type { CanvasModel } from './model.js';

/** One error as the API answers it (a problem's `errors[]`). */
export interface SpecError {
  path: string;
  message: string;
  hint?: string;
}

export type ErrorPlace = { kind: 'component'; index: number; field: string | undefined } | { kind: 'app'; field: string | undefined };

const COMPONENT = /^\$\.components\[(\d+)\](?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])?/;
const APP = /^\$(?:\.([A-Za-z_$][\w$]*))?/;

/** The component (by index) and first field a path names, or the application field. */
export function placeOf(path: string): ErrorPlace {
  const c = COMPONENT.exec(path);
  if (c) return { kind: 'component', index: Number(c[1]), field: c[2] ?? (c[3] ? (JSON.parse(c[3]) as string) : undefined) };
  const a = APP.exec(path);
  return { kind: 'app', field: a?.[1] };
}

/** The errors of one component or of the application, by field ('' for the whole). */
export type FieldErrors = Map<string, SpecError[]>;

export interface PlacedErrors {
  /** By component key. */
  components: Map<string, FieldErrors>;
  app: FieldErrors;
}

const push = (m: FieldErrors, field: string | undefined, e: SpecError) => m.set(field ?? '', [...(m.get(field ?? '') ?? []), e]);

/** Sorts the errors onto the model's components (by index, as the API numbers them) and the application. */
export function placeErrors(model: CanvasModel, errors: readonly SpecError[]): PlacedErrors {
  const placed: PlacedErrors = { components: new Map(), app: new Map() };
  for (const e of errors) {
    const place = placeOf(e.path);
    const key = place.kind === 'component' ? model.components[place.index]?.key : undefined;
    if (key === undefined) {
      push(placed.app, place.kind === 'app' ? place.field : 'components', e);
      continue;
    }
    const mine = placed.components.get(key) ?? new Map<string, SpecError[]>();
    push(mine, place.field, e);
    placed.components.set(key, mine);
  }
  return placed;
}

/** How many errors a component has, all fields together. */
export const errorCount = (errors: FieldErrors | undefined): number => [...(errors?.values() ?? [])].reduce((n, list) => n + list.length, 0);

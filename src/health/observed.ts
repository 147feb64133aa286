/**
 * Whether an observation of a workload is at least as new as what KubeMin applied. The shared
 * watch cache may still hold the object as it was before the apply; judging that copy would call
 * the previous rollout ready. `metadata.generation` is the documented order of spec changes
 * (resourceVersion is opaque), so a wait is given the generation the apply returned and refuses
 * anything older.
 */
export interface ObservedLike {
  metadata?: { generation?: number; uid?: string };
}

/**
 * Why an observation is older than the apply it waits for; undefined when it is new enough to
 * judge. An object re-created by the apply (a replaced Failed Job, a re-created StatefulSet)
 * starts again at generation 1, so its uid is checked too: the old object is never judged.
 */
export function staleObservation(obj: ObservedLike, minGeneration: number | undefined, uid?: string): string | undefined {
  if (uid && obj.metadata?.uid && obj.metadata.uid !== uid) return `waiting for the watch to show the object the apply made (uid ${uid}; it shows ${obj.metadata.uid})`;
  const seen = obj.metadata?.generation ?? 0;
  if (minGeneration === undefined || seen >= minGeneration) return undefined;
  return `waiting for the watch to show generation ${minGeneration} (it shows ${seen})`;
}

/** How a component type looks on the canvas: a short badge (no emoji: they draw differently everywhere) and a word. */
export interface ComponentLook {
  badge: string;
  word: string;
}

const LOOKS: Readonly<Record<string, ComponentLook>> = {
  webservice: { badge: 'WEB', word: 'web service' },
  worker: { badge: 'WRK', word: 'worker' },
  job: { badge: 'JOB', word: 'job' },
  store: { badge: 'DB', word: 'store' },
  config: { badge: 'CFG', word: 'config' },
  secret: { badge: 'KEY', word: 'secret' },
  gateway: { badge: 'GW', word: 'gateway' },
};

/** The look of a type; a type the console does not know (a plugin's) gets its first letters. */
export function componentLook(type: string): ComponentLook {
  return LOOKS[type] ?? { badge: type.slice(0, 3).toUpperCase() || '?', word: type || 'no type' };
}

/** Question shapes the dialogue asks more than once: key=value lists, numbers, optional answers. */
import { parsePair } from './draft.js';
import type { Check, Prompter } from './prompts.js';

/** `KEY=value` entries one per answer until an empty one. */
export async function askPairs(p: Prompter, message: string, check?: Check): Promise<Record<string, string>> {
  const pairs: Record<string, string> = {};
  for (;;) {
    const answer = await p.text(`${message} (KEY=value, empty to finish)`, {
      placeholder: 'KEY=value',
      check: (a) => {
        if (a.trim() === '') return undefined;
        const pair = parsePair(a);
        return pair ? check?.(pair[0]) : 'write KEY=value';
      },
    });
    const pair = parsePair(answer);
    if (!pair) return pairs;
    pairs[pair[0]] = pair[1];
  }
}

/** A whole number within bounds, `initial` when left empty. */
export async function askInteger(p: Prompter, message: string, o: { initial: number; min: number; max: number }): Promise<number> {
  const answer = await p.text(message, {
    initial: String(o.initial),
    check: (a) => {
      const n = Number(a);
      return a.trim() !== '' && Number.isInteger(n) && n >= o.min && n <= o.max ? undefined : `a whole number from ${o.min} to ${o.max}`;
    },
  });
  return Number(answer);
}

/** An answer that may be left empty (undefined then). */
export async function askOptional(p: Prompter, message: string, o: { placeholder?: string; check?: Check } = {}): Promise<string | undefined> {
  const answer = await p.text(`${message} (empty: none)`, { ...o, check: (a) => (a.trim() === '' ? undefined : o.check?.(a)) });
  return answer === '' ? undefined : answer;
}

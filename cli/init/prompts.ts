/**
 * The questions `kubemin init` asks, as a small interface over @clack/prompts: the dialogue asks
 * through a Prompter, so it never knows about terminals, and a cancel (Ctrl-C, Escape) becomes
 * one error, InitCancelled. Clack draws on stdout unless told otherwise: every prompt here gets
 * the context's stderr as its output and the context's stdin as its input, so `kubemin init >
 * app.yaml` leaves only the spec in the file.
 */
import type { Readable, Writable } from 'node:stream';
import * as clack from '@clack/prompts';

export interface Choice<V extends string = string> {
  value: V;
  label: string;
  hint?: string;
}

/** A check of an answer: a message when it is refused, undefined when accepted. */
export type Check = (answer: string) => string | undefined;

export interface Prompter {
  /** `initial`: the answer when left empty (shown as the placeholder). */
  text(message: string, o?: { initial?: string; placeholder?: string; check?: Check }): Promise<string>;
  select<V extends string>(message: string, choices: readonly Choice<V>[], initial?: V): Promise<V>;
  multiselect<V extends string>(message: string, choices: readonly Choice<V>[], initial?: readonly V[]): Promise<V[]>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** A line of information between questions. */
  info(message: string): void;
  intro(title: string): void;
  outro(message: string): void;
}

/** The person cancelled the dialogue: nothing is written. */
export class InitCancelled extends Error {
  constructor() {
    super('cancelled, nothing written');
    this.name = 'InitCancelled';
  }
}

function answered<T>(value: T): Exclude<T, symbol> {
  if (clack.isCancel(value)) throw new InitCancelled();
  return value as Exclude<T, symbol>;
}

const optionsOf = <V extends string>(choices: readonly Choice<V>[]): clack.Option<V>[] =>
  choices.map((c) => ({ value: c.value, label: c.label, ...(c.hint ? { hint: c.hint } : {}) }) as clack.Option<V>);

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** A Prompter drawing with @clack/prompts on `output` and reading keys from `input`. */
export function createClackPrompter(streams: PromptStreams): Prompter {
  // clack's types want node:stream's Readable/Writable; the context's streams are those at run time
  const io = { input: streams.input, output: streams.output } as unknown as { input: Readable; output: Writable };
  return {
    // the default shows as the placeholder and is what an empty answer means (clack's initialValue
    // would be text the person has to delete first)
    text: async (message, o = {}) => {
      const placeholder = o.initial ?? o.placeholder;
      const answer = await clack.text({
        ...io,
        message,
        ...(placeholder !== undefined ? { placeholder } : {}),
        ...(o.initial !== undefined ? { defaultValue: o.initial } : {}),
        ...(o.check ? { validate: (v: string | undefined) => o.check?.(v || (o.initial ?? '')) } : {}),
      });
      return answered(answer).trim();
    },
    select: async (message, choices, initial) =>
      answered(await clack.select({ ...io, message, options: optionsOf(choices), ...(initial !== undefined ? { initialValue: initial } : {}) })),
    multiselect: async (message, choices, initial = []) =>
      answered(await clack.multiselect({ ...io, message, options: optionsOf(choices), initialValues: initial, required: false })),
    confirm: async (message, initial = false) => answered(await clack.confirm({ ...io, message, initialValue: initial })),
    info: (message) => clack.log.info(message, { output: io.output }),
    intro: (title) => clack.intro(title, { output: io.output }),
    outro: (message) => clack.outro(message, { output: io.output }),
  };
}

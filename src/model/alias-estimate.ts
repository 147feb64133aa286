/**
 * A quick look at YAML text for alias bombs, before the YAML parser reads it (the parser alone
 * needs about a quarter of a second for 0.36 MB). Line by line, it estimates how many nodes the
 * text expands to: each line weighs its keys and flow items, an anchor weighs the lines (or the
 * rest of the line) it heads, and each alias weighs its anchor; a block scalar's text weighs nothing. It is an estimate, not a parse
 * (quotes and multi-line flow collections are not followed), so it only refuses what is far over
 * the limit (parse.ts: four times it); everything else gets the exact count of alias-cap.ts.
 */
const ALIAS = /(?:^|[\s[{,])\*([^\s[\]{},]+)/g;
const ANCHOR = /(?:^|[\s[{,])&([^\s[\]{},]+)/g;
const HAS_ALIAS = /(?:^|[\s[{,])\*[^\s[\]{},]/;

interface OpenAnchor {
  name: string;
  /** The column of what owns the anchor: its content is the following lines indented further. */
  column: number;
  weight: number;
}

/**
 * Nodes written on a line: one, plus one per key (`: `) and per separator inside a flow
 * collection; quoted text counts for nothing. `depth` carries flow nesting across lines.
 */
function lineNodes(line: string, flow: { depth: number }): number {
  let n = 1;
  let quote = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 /* " */ || ch === 39 /* ' */) quote = ch;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) flow.depth++;
    else if (ch === 93 /* ] */ || ch === 125 /* } */) flow.depth = Math.max(0, flow.depth - 1);
    else if (ch === 44 /* , */ && flow.depth > 0) n++;
    else if (ch === 58 /* : */ && (i + 1 === line.length || line.charCodeAt(i + 1) === 32)) n++;
  }
  return n;
}

/** A line that opens a block scalar (`key: |`, `- >-`): the lines indented under it are its text. */
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+0-9]*$/;

/** The estimated number of nodes `text` expands to once its aliases are expanded; 0 without aliases. */
export function estimateExpandedNodes(text: string): number {
  if (!HAS_ALIAS.test(text)) return 0;
  const anchors = new Map<string, number>();
  const open: OpenAnchor[] = [];
  const close = (column: number) => {
    while (open.length > 0 && (open[open.length - 1] as OpenAnchor).column >= column) {
      const a = open.pop() as OpenAnchor;
      anchors.set(a.name, a.weight);
    }
  };
  const aliasesWeight = (s: string) => {
    let w = 0;
    for (const m of s.matchAll(ALIAS)) w += anchors.get(m[1] as string) ?? 0;
    return w;
  };
  let total = 0;
  const flow = { depth: 0 };
  let scalarUnder: number | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    const indent = line.length - line.trimStart().length;
    if (indent === line.length) continue;
    if (scalarUnder !== undefined) {
      if (indent > scalarUnder) continue;
      scalarUnder = undefined;
    }
    close(indent);
    if (BLOCK_SCALAR.test(line)) scalarUnder = indent;
    const weight = lineNodes(line, flow) + aliasesWeight(line);
    total += weight;
    for (const a of open) a.weight += weight;
    for (const m of line.matchAll(ANCHOR)) {
      const rest = line.slice((m.index ?? 0) + m[0].length).trim();
      if (rest === '') {
        // a block anchor: what follows, indented past the key (or list item) that holds it
        const owner = /^\s*(?:-\s+)*/.exec(line)?.[0].length ?? indent;
        open.push({ name: m[1] as string, column: owner, weight: 0 });
      } else {
        anchors.set(m[1] as string, lineNodes(rest, { depth: 0 }) + aliasesWeight(rest));
      }
    }
  }
  return total;
}

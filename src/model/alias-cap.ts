/**
 * How large a YAML document is once its aliases are expanded, measured on the parsed Document
 * before anything is built from it. yaml's own `maxAliasCount` counts aliases, not what they
 * expand to (100 aliases of a 20,000-key map pass it), so this walks the document once, in
 * document order, giving each alias the size of its anchor's node (memoised): linear in the
 * text, whatever the expansion. An alias of an unknown anchor, or one inside its own anchor (an
 * endless expansion), is an invalid spec with its line.
 *
 * The same walk refuses repeated keys: the parser runs with `uniqueKeys: false`, because its own
 * check compares each key with every earlier key of its map (a 20,000-key map took seconds).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { SpecInvalidError, SpecTooLargeError } from '../errors.js';

interface Frame {
  children: readonly unknown[];
  next: number;
  size: number;
  anchor?: string;
}

/** Anchors seen so far: their node's expanded size, or 'open' while that node is being walked. */
type Anchors = Map<string, number | 'open'>;

const lineOf = (node: Node, lines: LineCounter): number | undefined => (node.range ? lines.linePos(node.range[0]).line : undefined);

/** A map's keys and values in order; throws at the first scalar key its map already has. */
function mapChildren(map: YAMLMap, lines: LineCounter): unknown[] {
  const keys = new Set<unknown>();
  const children: unknown[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isScalar(pair.key)) {
      if (keys.has(pair.key.value)) {
        const pos = pair.key.range ? lines.linePos(pair.key.range[0]) : undefined;
        throw new SpecInvalidError([{ path: '$', message: `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}Map keys must be unique (${JSON.stringify(pair.key.value)} is repeated)`, ...(pos ? { line: pos.line } : {}), hint: 'the body must be a JSON or YAML document' }]);
      }
      keys.add(pair.key.value);
    }
    children.push(pair.key, pair.value);
  }
  return children;
}

function childrenOf(node: Node, lines: LineCounter): unknown[] {
  if (isMap(node)) return mapChildren(node, lines);
  if (isSeq(node)) return node.items;
  return [];
}

function aliasSize(node: Node & { source: string }, anchors: Anchors, lines: LineCounter): number {
  const size = anchors.get(node.source);
  if (typeof size === 'number') return size;
  const line = lineOf(node, lines);
  const message = size === 'open' ? `the alias *${node.source} is inside its own anchor: it would expand without end` : `the alias *${node.source} names no anchor set before it`;
  throw new SpecInvalidError([{ path: '$', message: line === undefined ? message : `line ${line}: ${message}`, ...(line === undefined ? {} : { line }), hint: 'set the anchor (&name) before the alias (*name), outside the node that uses it' }]);
}

/** Throws SpecTooLargeError when `doc` expands to more than `max` nodes; else its expanded node count. */
export function checkExpandedSize(doc: Document, lines: LineCounter, max: number): number {
  const anchors: Anchors = new Map();
  const stack: Frame[] = [];
  const tooLarge = (node: unknown): never => {
    const line = node && typeof node === 'object' ? lineOf(node as Node, lines) : undefined;
    throw new SpecTooLargeError(max, { path: '$', message: `over ${max.toLocaleString('en-US')} nodes once aliases are expanded${line === undefined ? '' : ` (passed at line ${line})`}`, ...(line === undefined ? {} : { line }) });
  };
  // a node's size when known at once (scalars, aliases); containers push a frame and answer undefined
  const enter = (node: unknown): number | undefined => {
    if (!node || typeof node !== 'object') return node === undefined || node === null ? 0 : 1;
    const n = node as Node;
    if (isAlias(n)) return aliasSize(n, anchors, lines);
    const children = childrenOf(n, lines);
    if (children.length === 0) {
      if (n.anchor) anchors.set(n.anchor, 1);
      return 1;
    }
    if (n.anchor) anchors.set(n.anchor, 'open');
    stack.push({ children, next: 0, size: 1, ...(n.anchor ? { anchor: n.anchor } : {}) });
    return undefined;
  };
  let carried = enter(doc.contents);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    if (carried !== undefined) {
      top.size += carried;
      if (top.size > max) tooLarge(top.children[top.next - 1]);
      carried = undefined;
    }
    if (top.next < top.children.length) {
      carried = enter(top.children[top.next++]);
      continue;
    }
    stack.pop();
    if (top.anchor) anchors.set(top.anchor, top.size);
    carried = top.size;
  }
  if ((carried ?? 0) > max) tooLarge(doc.contents);
  return carried ?? 0;
}

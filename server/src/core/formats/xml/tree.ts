import type { XmlToken } from './tokens';

export interface XmlElement {
  kind: 'element';
  /** The name as written ("akn:article"). */
  name: string;
  /** The name without its prefix ("article"). */
  local: string;
  /** The namespace the prefix (or the default namespace) is bound to, if any. */
  namespace: string | undefined;
  attributes: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** From the `<` of the start tag to the `>` of the end tag. */
  start: number;
  end: number;
}

/** Character data, a CDATA section or a comment: offsets of its content in the original. */
export interface XmlLeaf {
  kind: 'text' | 'cdata' | 'comment';
  start: number;
  end: number;
  parent: XmlElement | undefined;
}

export type XmlNode = XmlElement | XmlLeaf;

const NO_NAMESPACES: ReadonlyMap<string, string> = new Map();

/**
 * Nest tokens into a tree. Tolerant by design, for the tokens of a malformed file: an end tag
 * closes the innermost open element of its name (and everything opened inside it); an end tag
 * nothing matches is ignored; elements still open at the end of the file end there.
 */
export function buildTree(tokens: readonly XmlToken[], length: number): XmlNode[] {
  const roots: XmlNode[] = [];
  const stack: { element: XmlElement; scope: ReadonlyMap<string, string> }[] = [];
  const add = (node: XmlNode) => {
    const top = stack[stack.length - 1];
    node.parent = top?.element;
    (top ? top.element.children : roots).push(node);
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'open': {
        // A new scope only where namespaces are declared; otherwise the parent's is shared.
        const inherited = stack[stack.length - 1]?.scope ?? NO_NAMESPACES;
        let declared: Map<string, string> | undefined;
        for (const [k, v] of Object.entries(token.attributes)) {
          if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
          declared ??= new Map(inherited);
          declared.set(k === 'xmlns' ? '' : k.slice(6), v);
        }
        const scope = declared ?? inherited;
        const colon = token.name.indexOf(':');
        const prefix = colon < 0 ? '' : token.name.slice(0, colon);
        const element: XmlElement = {
          kind: 'element',
          name: token.name,
          local: colon < 0 ? token.name : token.name.slice(colon + 1),
          namespace: scope.get(prefix),
          attributes: token.attributes,
          children: [],
          parent: undefined,
          start: token.start,
          end: token.end,
        };
        add(element);
        stack.push({ element, scope });
        break;
      }
      case 'close': {
        let i = stack.length - 1;
        while (i >= 0 && stack[i].element.name !== token.name) i--;
        if (i < 0) break;
        for (let j = stack.length - 1; j >= i; j--) stack[j].element.end = j === i ? token.end : token.start;
        stack.length = i;
        break;
      }
      case 'other':
        break;
      default:
        add({ kind: token.kind, start: token.start, end: token.end, parent: undefined });
    }
  }
  for (const open of stack) open.element.end = length;
  return roots;
}

/** Every element of the trees, in document order. */
export function* elements(nodes: readonly XmlNode[]): Generator<XmlElement> {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    yield n;
    yield* elements(n.children);
  }
}

import snippets from '../../../snippets/model-clauses.json';
import { normaliseRecommendationId } from './recommendations';

/**
 * Model clauses. snippets/model-clauses.json is their single source: VS Code offers its entries
 * as snippets, and this module reads the same entries for quick fixes and the CLI.
 *
 * A snippet's key names the recommendation, an optional part letter and a title:
 * "II-6a Own self-generated images (private use)"; French entries end with " (FR)" and their
 * prefix starts with "lz-fr-".
 *
 * Pure: no Node, no vscode.
 */

export type ClauseLanguage = 'en' | 'fr';

export interface ModelClause {
  /** Stable id: recommendation, part and language, e.g. "II-6a-en". */
  id: string;
  /** The recommendation the clause implements, e.g. "II-6". */
  recommendation: string;
  /** The part of the recommendation, e.g. "a" for II-6(a). */
  part?: string;
  language: ClauseLanguage;
  /** The snippet prefix, e.g. "lz-own-images". */
  prefix: string;
  /** The title from the snippet's key, without id and language tag. */
  title: string;
  description: string;
  /** The body in snippet syntax, lines joined with "\n". */
  body: string;
}

interface RawSnippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const KEY = /^(II-\d{1,2})([a-z])?\s+(.+?)(?:\s+\((?:FR|EN)\))?$/;

function load(raw: Record<string, RawSnippet>): ModelClause[] {
  const out: ModelClause[] = [];
  for (const [key, snippet] of Object.entries(raw)) {
    const m = KEY.exec(key.trim());
    const prefix = Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix;
    if (!m || typeof prefix !== 'string') continue; // not a model clause; the tests keep every entry valid
    const language: ClauseLanguage = prefix.startsWith('lz-fr-') ? 'fr' : 'en';
    const [, recommendation, part, title] = m;
    const clause: ModelClause = {
      id: `${recommendation}${part ?? ''}-${language}`,
      recommendation,
      language,
      prefix,
      title,
      description: snippet.description ?? '',
      body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
    };
    if (part) clause.part = part;
    out.push(Object.freeze(clause));
  }
  return out;
}

const raw: Record<string, RawSnippet> = snippets;

export const MODEL_CLAUSES: readonly ModelClause[] = Object.freeze(load(raw));

/**
 * The clauses for a recommendation ("II-6", "ii-6", or with a part: "II-6a"), in the order of the
 * snippets file; only those in `language` when it is given.
 */
export function clausesFor(recommendation: string, language?: ClauseLanguage): ModelClause[] {
  const m = /^(.*?\d)\s*\(?([a-z])?\)?$/i.exec(recommendation.trim());
  const id = normaliseRecommendationId(m ? m[1] : recommendation);
  const part = m?.[2]?.toLowerCase();
  return MODEL_CLAUSES.filter(
    (c) => c.recommendation === id && (!part || c.part === part) && (!language || c.language === language),
  );
}

/** A clause by its id ("II-6a-en"), or by its snippet prefix ("lz-own-images"). */
export function clauseById(id: string): ModelClause | undefined {
  return MODEL_CLAUSES.find((c) => c.id === id) ?? MODEL_CLAUSES.find((c) => c.prefix === id);
}

// ---------------------------------------------------------------------------------------------
// Snippet grammar (the subset VS Code documents, without transforms):
//
//   any         ::= tabstop | placeholder | choice | variable | text
//   tabstop     ::= '$' int | '${' int '}'
//   placeholder ::= '${' int ':' any* '}'
//   choice      ::= '${' int '|' option (',' option)* '|}'
//   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}'
//
// Escapes: in text and placeholders `\$`, `\}` and `\\`; in choice options `\,`, `\|` and `\\`.
// Any other backslash is literal. Unlike VS Code, which silently inserts malformed constructs as
// text, this parser reports them: an unescaped `$` that starts nothing, an unmatched `}`, an
// unclosed placeholder or choice, an empty choice option, a transform.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; start: number }
  | { kind: 'placeholder'; index: number; start: number; children: Node[] }
  | { kind: 'choice'; index: number; start: number; options: string[] }
  | { kind: 'variable'; name: string; start: number; children?: Node[] };

class SnippetError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isVarStart = (c: string | undefined) => c !== undefined && /[_a-zA-Z]/.test(c);
const isVarPart = (c: string | undefined) => c !== undefined && /[_a-zA-Z0-9]/.test(c);

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  parse(): Node[] {
    return this.sequence(undefined);
  }

  /** Text and constructs up to the end, or up to the `}` that closes the construct opened at `openedAt`. */
  private sequence(openedAt: { start: number; what: string } | undefined): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') {
        const next = s[this.i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.i += 2;
        } else {
          text += c;
          this.i++;
        }
      } else if (c === '$') {
        flush();
        nodes.push(this.dollar());
      } else if (c === '}') {
        if (openedAt) {
          this.i++;
          flush();
          return nodes;
        }
        throw new SnippetError("unmatched '}': write \\} for a literal brace", this.i);
      } else {
        text += c;
        this.i++;
      }
    }
    if (openedAt) throw new SnippetError(`unclosed ${openedAt.what}: missing '}'`, openedAt.start);
    flush();
    return nodes;
  }

  private int(): number {
    const from = this.i;
    while (isDigit(this.s[this.i])) this.i++;
    return Number(this.s.slice(from, this.i));
  }

  private name(): string {
    const from = this.i;
    while (isVarPart(this.s[this.i])) this.i++;
    return this.s.slice(from, this.i);
  }

  private dollar(): Node {
    const s = this.s;
    const start = this.i;
    const next = s[start + 1];
    if (isDigit(next)) {
      this.i++;
      return { kind: 'tabstop', index: this.int(), start };
    }
    if (isVarStart(next)) {
      this.i++;
      return { kind: 'variable', name: this.name(), start };
    }
    if (next !== '{') {
      throw new SnippetError("unescaped '$' that starts no tab stop or variable: write \\$ for a literal dollar sign", start);
    }
    this.i += 2;
    const c = s[this.i];
    if (isDigit(c)) {
      const index = this.int();
      const after = s[this.i];
      if (after === '}') {
        this.i++;
        return { kind: 'tabstop', index, start };
      }
      if (after === ':') {
        this.i++;
        return { kind: 'placeholder', index, start, children: this.sequence({ start, what: `placeholder \${${index}:…` }) };
      }
      if (after === '|') {
        this.i++;
        return { kind: 'choice', index, start, options: this.choice(start, index) };
      }
      if (after === '/') throw new SnippetError(`tab stop transforms (\${${index}/…/…/}) are not supported`, start);
      if (after === undefined) throw new SnippetError(`unclosed tab stop \${${index}: missing '}'`, start);
      throw new SnippetError(`unexpected '${after}' after \${${index}: expected '}', ':' or '|'`, this.i);
    }
    if (isVarStart(c)) {
      const name = this.name();
      const after = s[this.i];
      if (after === '}') {
        this.i++;
        return { kind: 'variable', name, start };
      }
      if (after === ':') {
        this.i++;
        return { kind: 'variable', name, start, children: this.sequence({ start, what: `variable \${${name}:…` }) };
      }
      if (after === '/') throw new SnippetError(`variable transforms (\${${name}/…/…/}) are not supported`, start);
      if (after === undefined) throw new SnippetError(`unclosed variable \${${name}: missing '}'`, start);
      throw new SnippetError(`unexpected '${after}' after \${${name}: expected '}' or ':'`, this.i);
    }
    if (c === undefined) throw new SnippetError("unclosed '${': missing tab stop number or variable name", start);
    throw new SnippetError(`'\${' must be followed by a tab stop number or a variable name, not '${c}'`, this.i);
  }

  /** Options of `${n|a,b|}`, after the first `|`; consumes the closing `|}`. */
  private choice(start: number, index: number): string[] {
    const s = this.s;
    const options: string[] = [];
    let option = '';
    let optionStart = this.i;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') {
        const next = s[this.i + 1];
        if (next === ',' || next === '|' || next === '\\') {
          option += next;
          this.i += 2;
        } else {
          option += c;
          this.i++;
        }
      } else if (c === ',' || c === '|') {
        if (!option) throw new SnippetError(`empty option in choice \${${index}|…|}`, optionStart);
        options.push(option);
        option = '';
        this.i++;
        if (c === '|') {
          if (s[this.i] !== '}') {
            throw new SnippetError(`choice \${${index}|…| must end with '|}'`, this.i - 1);
          }
          this.i++;
          return options;
        }
        optionStart = this.i;
      } else {
        option += c;
        this.i++;
      }
    }
    throw new SnippetError(`unclosed choice \${${index}|…: missing '|}'`, start);
  }
}

function parseNodes(body: string): Node[] {
  return new Parser(body).parse();
}

export type SnippetParseResult = { ok: true; tabstops: number[] } | { ok: false; error: string; offset: number };

/**
 * Check `body` against the snippet grammar. On success, the tab stop numbers used (placeholders,
 * choices and bare tab stops, including 0), ascending and without repeats; on failure, the first
 * error and its offset in `body`.
 */
export function parseSnippet(body: string): SnippetParseResult {
  let nodes: Node[];
  try {
    nodes = parseNodes(body);
  } catch (e) {
    if (e instanceof SnippetError) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
  const seen = new Set<number>();
  const visit = (list: readonly Node[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop' || n.kind === 'choice') seen.add(n.index);
      else if (n.kind === 'placeholder') {
        seen.add(n.index);
        visit(n.children);
      } else if (n.kind === 'variable' && n.children) visit(n.children);
    }
  };
  visit(nodes);
  return { ok: true, tabstops: [...seen].sort((a, b) => a - b) };
}

export interface ExpandOptions {
  /** Replaces the default of the first tab stop of the heading (the body's first line), e.g. "160B". */
  number?: string;
  /** Line separator of the result; "\n" by default. */
  eol?: string;
}

/**
 * The clause as plain text, as a quick fix inserts it: each tab stop takes its default (the
 * first placeholder of that number with a default, nested placeholders expanded; a choice's first
 * option), so mirrors repeat it; tab stops without a default, `$0` and variables without a default
 * become empty; escapes are resolved. With `options.number`, the heading's first tab stop (and its
 * mirrors) takes that number instead. Throws if the body is not a valid snippet.
 */
export function expandClause(clause: Pick<ModelClause, 'body'>, options: ExpandOptions = {}): string {
  let nodes: Node[];
  try {
    nodes = parseNodes(clause.body);
  } catch (e) {
    if (e instanceof SnippetError) throw new Error(`invalid snippet body at offset ${e.offset}: ${e.message}`);
    throw e;
  }

  // The defining node of each tab stop: the first placeholder with content, else the first choice.
  const placeholders = new Map<number, Node[]>();
  const choices = new Map<number, string>();
  let headingIndex: number | undefined;
  const headingEnd = clause.body.search(/\r?\n/) < 0 ? clause.body.length : clause.body.search(/\r?\n/);
  const collect = (list: readonly Node[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') {
        if (headingIndex === undefined && n.start < headingEnd) headingIndex = n.index;
      }
      if (n.kind === 'placeholder') {
        if (n.children.length > 0 && !placeholders.has(n.index)) placeholders.set(n.index, n.children);
        collect(n.children);
      } else if (n.kind === 'choice') {
        if (!choices.has(n.index)) choices.set(n.index, n.options[0]);
      } else if (n.kind === 'variable' && n.children) collect(n.children);
    }
  };
  collect(nodes);

  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (options.number !== undefined && index === headingIndex) return options.number;
    if (resolving.has(index)) return ''; // ${1:a $1}: a mirror inside its own default
    const children = placeholders.get(index);
    if (children) {
      resolving.add(index);
      const v = render(children);
      resolving.delete(index);
      return v;
    }
    return choices.get(index) ?? '';
  };
  const render = (list: readonly Node[]): string => {
    let out = '';
    for (const n of list) {
      if (n.kind === 'text') out += n.value;
      else if (n.kind === 'variable') out += n.children ? render(n.children) : '';
      else out += valueOf(n.index);
    }
    return out;
  };

  return render(nodes).split(/\r?\n/).join(options.eol ?? '\n');
}

// Terminology after an edit, re-read from an excerpt (server/src/lsp/incremental.ts), must be
// exactly what a full analysis of the edited draft reports: checked on many random edits of
// drafts in several languages and styles (quotations that run over paragraphs, passages
// introduced as another instrument's wording, cited titles, enumerations across blank lines).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { generate } from '../../bench/generate';
import { analyse } from '../../server/src/core/analyse';
import { plainTextSource } from '../../server/src/core/source';
import { defaultSettings } from '../../server/src/core/settings';
import { documentApostrophe } from '../../server/src/core/terminology/rewrite';
import { applyChange, findingKey, isTermFinding, stateFromAnalysis, type TermState } from '../../server/src/lsp/incremental';

const settings = defaultSettings();

type Tracked = TermState & { text: string };

function full(text: string, version: number): Tracked {
  const state = stateFromAnalysis(analyse(plainTextSource('file:///d.txt', text), settings), text, version, settings, 0);
  assert.ok(state, 'a plain-text draft without directives has a state');
  return { ...state, text };
}

const keys = (s: TermState) => s.termFindings.map(findingKey);

const BLOCKS = [
  'Article 20(1)(a) – Offences\n(1) A person who produces child pornography commits an offence and is liable to imprisonment.\n(2) "Child pornography" means any material that visually depicts a child.',
  'Section 160A – Possession\nA person who has any indecent photograph of a child in his possession commits an offence.',
  'Article 3 – Amendments\nIn section 1 of the 1978 Act, for "indecent photograph" substitute "child sexual abuse material".',
  'Article 4 – Interpretation\nArticle 20(2) of the Convention reads as follows:\n\n(a) "child pornography" shall mean any material;\n\n(b) a child engaged in sexually explicit conduct.',
  'Article 5 – Sources\nThis Part gives effect to Directive 2011/93/EU of the European Parliament and of the Council on combating the sexual abuse and sexual exploitation of children and child pornography.',
  'Article 227-23 – Infractions\nLe fait de diffuser de la pornographie enfantine est puni de cinq ans d’emprisonnement.\n« La prostitution enfantine\n\n« est interdite. »',
  '§ 184b Verbreitung\nWer kinderpornographische Inhalte verbreitet, wird mit Freiheitsstrafe bestraft.',
  'Artículo 189 – Delitos\nSerá castigado quien produjera pornografía infantil o material de "child prostitution".',
  'Article 7 – Report\nThe Minister shall lay before Parliament a report on kiddy porn, sextortion and child-pornography.',
  '(3) An enumeration item that opens a block: child prostitution;\n\n(4) and continues here with "kiddy porn".',
];

/** A draft of shuffled blocks (blank lines between), with a generated body in between. */
const draftArb = fc
  .tuple(fc.array(fc.integer({ min: 0, max: BLOCKS.length - 1 }), { minLength: 6, maxLength: 24 }), fc.integer({ min: 1, max: 1000 }), fc.boolean())
  .map(([picks, seed, crlf]) => {
    const body = generate(6 * 1024, seed).split('\n\n');
    const out: string[] = [];
    picks.forEach((p, i) => out.push(BLOCKS[p], body[i % body.length]));
    const draft = out.join('\n\n') + '\n';
    // Drafts written on Windows: every line break \r\n.
    return crlf ? draft.replace(/\n/g, '\r\n') : draft;
  });

const INSERTS = ['e', ' ', '\r\n', '\r', '"', '“', '”', '«', '»', "'", '’', ':', '\n', '\n\n', '(a) ', 'child pornography', 'Convention', ' reads as follows:', 'Article 9 – X\n', 'lanzarote-disable II-1', 'porn', '-'];

const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...INSERTS), removeOnly: fc.boolean() });

test('terminology re-read after each edit equals a full analysis of the edited draft', () => {
  let fast = 0;
  let total = 0;
  fc.assert(
    fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (draft, edits) => {
      let state = full(draft, 1);
      let version = 1;
      for (const e of edits) {
        const text = state.text;
        const start = Math.min(text.length, Math.floor(e.at * text.length));
        const end = Math.min(text.length, start + e.remove);
        const inserted = e.removeOnly ? '' : e.insert;
        const next = text.slice(0, start) + inserted + text.slice(end);
        version++;
        const reference = analyse(plainTextSource('file:///d.txt', next), settings);
        const stepped = applyChange(state, { start, end, text: inserted, removed: text.slice(start, end) }, next, version);
        total++;
        if (stepped) {
          fast++;
          assert.equal(stepped.apostrophe, documentApostrophe(next));
          assert.deepEqual(
            stepped.termFindings.map(findingKey),
            reference.findings.filter(isTermFinding).map(findingKey),
            `edit at ${start}..${end} inserting ${JSON.stringify(inserted)}`,
          );
          state = { ...stepped, text: next };
        } else {
          const again = stateFromAnalysis(reference, next, version, settings, 0);
          if (!again) return; // a directive was typed: the server analyses in full from here
          state = { ...again, text: next };
        }
      }
    }),
    { numRuns: 60, seed: 20261202 },
  );
  // Not a speed check: the excerpt must actually be used, or the test above proves nothing.
  assert.ok(fast > total / 3, `only ${fast} of ${total} edits were followed incrementally`);
});

test('typing in a benchmark draft is followed incrementally and stays exact', () => {
  const text = generate(200 * 1024, 42);
  let state = full(text, 1);
  let rand = 7;
  const next = () => ((rand = (Math.imul(rand, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let fast = 0;
  for (let i = 1; i <= 40; i++) {
    const at = Math.floor(next() * state.text.length);
    const edited = state.text.slice(0, at) + 'e' + state.text.slice(at);
    const stepped = applyChange(state, { start: at, end: at, text: 'e', removed: '' }, edited, i + 1);
    const reference = full(edited, i + 1);
    if (stepped) {
      fast++;
      assert.deepEqual(keys(stepped), keys(reference));
    }
    state = stepped ? { ...stepped, text: edited } : reference;
  }
  assert.ok(fast >= 36, `${fast} of 40 keystrokes followed incrementally`);
});

test('the apostrophe the draft uses most is followed across edits at its start and at the edge of the sample it is counted in', () => {
  // About 200,000 characters with straight and curly apostrophes in near balance, some at the edge.
  const block = (k: number) => `Article ${k} – Offences\nLe fait d’offrir de la pornographie enfantine, l'image, est puni.\n\n`;
  const blocks: string[] = [];
  for (let k = 1, n = 0; n < 200_400; k++) {
    blocks.push(block(k));
    n += blocks[blocks.length - 1].length;
  }
  const draft = blocks.join('');
  const at = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 199_900, max: 200_100 }));
  fc.assert(
    fc.property(fc.array(fc.record({ at, remove: fc.nat({ max: 6 }), insert: fc.constantFrom("'", '’', 'e', "l'a", '', 'd’un ') }), { minLength: 1, maxLength: 6 }), (edits) => {
      let state = full(draft, 1);
      let version = 1;
      for (const e of edits) {
        const text = state.text;
        const start = Math.min(e.at, text.length);
        const end = Math.min(text.length, start + e.remove);
        const next = text.slice(0, start) + e.insert + text.slice(end);
        const stepped = applyChange(state, { start, end, text: e.insert, removed: text.slice(start, end) }, next, ++version);
        if (stepped) assert.equal(stepped.apostrophe, documentApostrophe(next));
        state = stepped ? { ...stepped, text: next } : full(next, version);
      }
    }),
    { numRuns: 40, seed: 7 },
  );
});

/**
 * The outline of a draft (document symbols, folding): divisions, provisions and numbered
 * paragraphs in the drafting styles of several jurisdictions, with ranges in original offsets.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { formatOf, sourceFor } from '../../server/src/core/formats';
import { outline, outlineOfStructure, type OutlineNode } from '../../server/src/core/outline';

const read = (name: string, text: string) => outline({ source: sourceFor(`file:///${name}`, text, formatOf(name)) });
const tree = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => [`${n.kind} ${n.label}${n.heading ? ` — ${n.heading}` : ''}`, ...(n.children.length ? [tree(n.children)] : [])]);
const sample = (name: string) => readFileSync(path.join(__dirname, '../../samples', name), 'utf8');

describe('outline of a draft', () => {
  test('a common-law bill: parts, sections, subsections and paragraphs', () => {
    const text = [
      'PART 2 — OFFENCES',
      '',
      'Section 160A — Possession of child pornography',
      '(1) A person who possesses child pornography commits an offence.',
      '(2) Subsection (1) does not apply where—',
      '    (a) the person is a child; and',
      '    (b) the image depicts only that child.',
      '',
      'Section 160B Distribution',
      'Article 20 of the Convention requires this.',
    ].join('\n');
    const nodes = read('bill.txt', text);
    assert.deepEqual(tree(nodes), [
      ['part Part 2 — OFFENCES', [
        ['article Section 160A — Possession of child pornography', [['paragraph (1)'], ['paragraph (2)', [['point (a)'], ['point (b)']]]]],
        ['article Section 160B — Distribution'],
      ]],
    ]);
    const s160a = nodes[0].children[0];
    assert.equal(text.slice(s160a.range.start, s160a.range.end).split('\n').at(-1), '    (b) the image depicts only that child.', 'ends before the blank line');
    assert.equal(text.slice(s160a.labelRange.start, s160a.labelRange.end), 'Section 160A — Possession of child pornography');
  });

  test('a French code: Livre, Titre, Chapitre, Section as a division, Article, alinéas', () => {
    const text = [
      'LIVRE II',
      'TITRE II — Des atteintes à la personne humaine',
      'Chapitre VII : Des atteintes aux mineurs et à la famille',
      'Section 5 : De la mise en péril des mineurs',
      'Article 227-23',
      '1. premier alinéa ;',
      '2. second alinéa.',
      'Art. 227-24. – Le fait de fabriquer un message…',
    ].join('\n');
    assert.deepEqual(tree(read('code.txt', text)), [
      ['book Livre II', [
        ['title Titre II — Des atteintes à la personne humaine', [
          ['chapter Chapitre VII — Des atteintes aux mineurs et à la famille', [
            ['division Section 5 — De la mise en péril des mineurs', [
              ['article Article 227-23', [['paragraph 1.'], ['paragraph 2.']]],
              ['article Art. 227-24 — Le fait de fabriquer un message…'],
            ]],
          ]],
        ]],
      ]],
    ]);
  });

  test('the samples: a UK-style bill, a French projet de loi, a German Entwurf', () => {
    assert.deepEqual(tree(read('bill.txt', sample('sexual-offences-children-bill.txt'))).slice(0, 1), [
      ['part Part 1 — PRELIMINARY', [['article 1 — Interpretation', [['paragraph (1)'], ['paragraph (2)'], ['paragraph 2.']]]]],
    ]);
    const projet = tree(read('projet.txt', sample('projet-de-loi-protection-enfants.txt')));
    assert.deepEqual(projet[0], ['chapter Chapitre Ier — DISPOSITIONS MODIFIANT LE CODE PÉNAL', [['article Article 1er'], ['article Article 2'], ['article Article 3'], ['article Article 4']]]);
    assert.deepEqual(tree(read('entwurf.txt', sample('entwurf-strafrechtsaenderung.txt'))), [
      ['article Artikel 1 — Änderung des Strafgesetzbuches'],
      ['article § 207a — Kinderpornografische Darstellungen', [['paragraph (1)'], ['paragraph (2)'], ['paragraph (3)']]],
      ['article Artikel 2 — Inkrafttreten'],
    ]);
  });

  test('Markdown: headings rank by level, block quotations and code are not structure', () => {
    const text = [
      '# Model Law',
      '## Article 1 — Definitions',
      '1. “child” means any person under the age of 18;',
      '> Article 20 – Offences concerning child pornography',
      '```',
      'Article 99 — Not a provision',
      '```',
      '## Explanatory memorandum',
      'Text.',
    ].join('\n');
    assert.deepEqual(tree(read('law.md', text)), [
      ['heading Model Law', [['article Article 1 — Definitions', [['paragraph 1.']]], ['heading Explanatory memorandum']]],
    ]);
  });

  test('numbered paragraphs outside any article are not provisions (a list in a memorandum)', () => {
    assert.deepEqual(read('memo.txt', '1. First point\n2. Second point\n'), []);
  });

  test('ranges are offsets into the original text, astral characters and CRLF included', () => {
    const text = 'Article 1 — 𝔸𝔹 Definitions\r\n(1) 𝔸 text\r\n\r\nArticle 2\r\n';
    const [a1, a2] = read('astral.txt', text);
    assert.equal(text.slice(a1.range.start, a1.range.end), 'Article 1 — 𝔸𝔹 Definitions\r\n(1) 𝔸 text');
    assert.equal(a1.heading, '𝔸𝔹 Definitions');
    assert.equal(text.slice(a2.range.start, a2.range.end), 'Article 2');
  });

  test('a provision tree from the compliance analysis is adapted, not re-read', () => {
    const text = 'Section 3 — Distribution\n(1) A person who distributes…\n';
    const source = sourceFor('file:///s.txt', text, 'plaintext');
    const nodes = outlineOfStructure(
      [{
        kind: 'article', keyword: 'Section', num: '3', heading: 'Distribution',
        range: { start: 0, end: text.length - 1 }, headingRange: { start: 0, end: 24 },
        children: [{ kind: 'paragraph', num: '1', range: { start: 25, end: text.length - 1 }, children: [] }],
      }],
      source,
    );
    assert.deepEqual(tree(nodes), [['article Section 3 — Distribution', [['paragraph (1)']]]]);
    assert.deepEqual(tree(outline({ source, structure: { provisions: [] } })), [], 'the structure, when present, is what counts');
  });
});

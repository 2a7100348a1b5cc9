import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readStructure, type Provision } from '../../server/src/core/structure/provisions';
import { LineIndex } from '../../server/src/core/text/lineIndex';

function read(text: string, language: 'en' | 'fr' | 'de' = 'en') {
  return readStructure(new LineIndex(text), language);
}

function outline(list: Provision[], depth = 0): string[] {
  return list.flatMap((p) => [`${'  '.repeat(depth)}${p.kind} ${p.label}${p.heading ? ` — ${p.heading}` : ''}`, ...outline(p.children, depth + 1)]);
}

describe('reading provisions in many drafting styles', () => {
  test('UK Act: Parts, bare-numbered sections with marginal headings, subsections and paragraphs', () => {
    const s = read([
      'PART 2',
      'OFFENCES',
      '',
      '160A  Possession of indecent photographs of children',
      '(1) A person who—',
      '    (a) has an indecent photograph of a child in his possession, or',
      '    (b) accesses such a photograph,',
      '    commits an offence.',
      '(2) It is a defence for the person to prove that he had a legitimate reason.',
      '',
      '160B  Exception for own images',
      'No offence is committed by a child who possesses an image of himself or herself.',
    ].join('\n'));
    assert.deepEqual(outline(s.provisions), [
      'division PART 2 — OFFENCES',
      '  article Section 160A — Possession of indecent photographs of children',
      '    paragraph Section 160A(1)',
      '      point Section 160A(1)(a)',
      '      point Section 160A(1)(b)',
      '    paragraph Section 160A(2)',
      '  article Section 160B — Exception for own images',
    ]);
    assert.deepEqual(s.units.map((u) => u.label), ['Section 160A(1)', 'Section 160A(2)', 'Section 160B']);
  });

  test('“Section 160A.” and “s. 52B” headings, and the 4.—(1) style', () => {
    const s = read(['Section 160A. Possession', '(1) Text.', 's. 52B – Defence', 'Text of the defence.', '4.—(1) A person commits an offence.', '(2) More.'].join('\n'));
    assert.deepEqual(outline(s.provisions).map((l) => l.trim()), [
      'article Section 160A — Possession', 'paragraph Section 160A(1)', 'article s. 52B — Defence', 'article Section 4', 'paragraph Section 4(1)', 'paragraph Section 4(2)',
    ]);
  });

  test('Convention style: Article 20 – heading, paragraphs 1., points a)', () => {
    const s = read(['Article 20 – Offences concerning child sexual abuse material', '1. Each Party shall criminalise:', 'a. producing;', 'b. offering;', '2. For the purpose of the present article …'].join('\n'));
    assert.deepEqual(outline(s.provisions).map((l) => l.trim()), [
      'article Article 20 — Offences concerning child sexual abuse material', 'paragraph Article 20(1)', 'point Article 20(1)(a)', 'point Article 20(1)(b)', 'paragraph Article 20(2)',
    ]);
  });

  test('German style: § 207a with (1), (2), and Z 1', () => {
    const s = read(['§ 207a. Pornographische Darstellungen Minderjähriger', '(1) Wer eine Darstellung herstellt, ist zu bestrafen.', '(5) Nicht zu bestrafen ist, wer …'].join('\n'), 'de');
    assert.deepEqual(s.units.map((u) => u.label), ['§ 207a(1)', '§ 207a(5)']);
  });

  test('Balkan style: Article 175, paragraphs (1) to (5)', () => {
    const s = read(['Article 175', 'Exploitation of a child for pornography', '(1) Whoever records a child for the production of pornographic material shall be punished.', '(5) The child shall not be punished for production or possession of self-generated images.'].join('\n'));
    assert.deepEqual(s.units.map((u) => u.label), ['Article 175(1)', 'Article 175(5)']);
    assert.equal(s.provisions[0].heading, 'Exploitation of a child for pornography');
  });

  test('French code style: Chapitre, Article 1er, alinéas, points 1°', () => {
    const s = read([
      'CHAPITRE IER',
      'DISPOSITIONS MODIFIANT LE CODE PÉNAL',
      '',
      'Article 1er',
      '',
      'Le code pénal est ainsi modifié :',
      "1° L'article 227-23 est complété par un alinéa ;",
      '2° Après le premier alinéa, il est inséré un alinéa.',
      '',
      'Article 227-23',
      "Le fait de fixer l'image d'un mineur est puni de cinq ans d'emprisonnement.",
      "Le fait de diffuser une telle image est puni des mêmes peines.",
    ].join('\n'), 'fr');
    assert.deepEqual(outline(s.provisions).map((l) => l.trim()), [
      'division CHAPITRE IER — DISPOSITIONS MODIFIANT LE CODE PÉNAL',
      'article Article 1er', 'point Article 1er(1°)', 'point Article 1er(2°)', 'article Article 227-23',
    ]);
    assert.deepEqual(s.units.map((u) => u.label), ['Article 1er', 'Article 227-23', 'Article 227-23, alinéa 2']);
  });

  test('a running sentence that starts with "Article 20(1)" is not a heading', () => {
    const s = read(['Article 20(1) of the Convention reads as follows:', 'Article 5 shall apply to children.'].join('\n'));
    assert.deepEqual(s.provisions, []);
  });

  test('numbering that restarts or skips is kept as written', () => {
    const s = read(['Article 3', '(1) One.', '(3) Three.', 'Article 3A', '(1) One again.'].join('\n'));
    assert.deepEqual(s.units.map((u) => u.label), ['Article 3(1)', 'Article 3(3)', 'Article 3A(1)']);
  });

  test('a definitions list splits at each quoted defined term', () => {
    const s = read(['1  Interpretation', '(1) In this Act—', '    “child” means a person under 18;', '    “child sexual abuse material” means any material that visually depicts a child;'].join('\n'));
    assert.equal(s.units.length, 3);
    assert.match(s.units[2].label, /Section 1\(1\)/);
  });
});

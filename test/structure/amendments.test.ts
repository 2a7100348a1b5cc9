import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../server/src/core/analyse';
import { allCues } from '../../server/src/core/cues';
import { explanatoryRanges } from '../../server/src/core/structure/explanatory';
import { Quotations } from '../../server/src/core/structure/quotations';
import { readStructure } from '../../server/src/core/structure/provisions';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { lint } from '../helpers/analyse';

function status(a: Analysis, id: string): string {
  return [...a.checklist.recommendations, ...a.checklist.convention].find((x) => x.id === id)!.status;
}

function kindOf(text: string, needle: string): string {
  const q = new Quotations(text, allCues());
  const at = text.indexOf(needle);
  const chain = q.containing({ start: at, end: at + needle.length });
  return chain.length ? q.kind(chain[0]) : 'none';
}

describe('amending formulas introduce the draft’s own new wording', () => {
  test('German „lautet:“ and a quotation that runs over several paragraphs', () => {
    const text = [
      '2. § 207a samt Überschrift lautet:',
      '',
      '„§ 207a. (1) Wer eine pornographische Darstellung einer minderjährigen Person herstellt, ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.',
      '',
      '(2) Wer eine solche Darstellung besitzt, ist mit Freiheitsstrafe bis zu einem Jahr zu bestrafen.',
      '',
      '(3) Nach Abs. 1 ist nicht zu bestrafen, wer … .“',
      '',
      '3. § 208 bleibt unverändert.',
    ].join('\n');
    assert.equal(kindOf(text, 'Wer eine pornographische'), 'new-wording');
    assert.equal(kindOf(text, 'Wer eine solche Darstellung besitzt'), 'new-wording');
    assert.equal(kindOf(text, '§ 208 bleibt'), 'none');
  });

  test('Spanish “queda redactado como sigue” and “por el siguiente”', () => {
    assert.equal(kindOf('El artículo 189 queda redactado como sigue:\n"1. Será castigado con la pena de prisión el que produjere material pornográfico."', 'Será castigado'), 'new-wording');
    assert.equal(kindOf('Sustitúyese el artículo 128 del Código Penal, por el siguiente:\n\n"Será reprimido con prisión el que produjere material de abuso sexual infantil."', 'Será reprimido'), 'new-wording');
  });

  test('French « ainsi rédigé » and « libellé comme suit », but not the Convention’s wording', () => {
    assert.equal(kindOf('L’article 227-23 du code pénal est ainsi rédigé :\n« Le fait de fixer l’image d’un mineur est puni de cinq ans d’emprisonnement. »', 'Le fait de fixer'), 'new-wording');
    assert.equal(kindOf('L’article 383bis est libellé comme suit :\n« Est puni de réclusion quiconque aura exposé des images à caractère pornographique. »', 'Est puni'), 'new-wording');
    assert.equal(kindOf('Article 20(2) of the Convention reads as follows: "For the purpose of the present article, the term “child pornography” shall mean any material."', 'For the purpose'), 'quotation');
  });

  test('a Markdown blockquote after an amending formula is the draft’s own text', () => {
    const a = lint([
      '**ARTICLE 1.** Section 160A of the Crimes Act is replaced by the following:',
      '',
      '> "160A. (1) A person who produces, distributes or possesses child sexual abuse material commits an offence and is liable to imprisonment for 10 years.',
      '>',
      '> (2) In this section, child sexual abuse material means any visual depiction of a child engaged in real or simulated sexually explicit conduct."',
    ].join('\n'), { name: 'bill.md' });
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('a Markdown blockquote that quotes the Convention stays a quotation', () => {
    const a = lint([
      'The Convention provides:',
      '',
      '> Each Party shall take the necessary measures to ensure that producing child pornography is criminalised.',
    ].join('\n'), { name: 'memo.md' });
    assert.equal(status(a, 'Art. 20(1)(a)'), 'not-applicable');
  });
});

describe('the provisions reader', () => {
  test('§ 207a. (1) carries its first paragraph; items numbered 1., 2. inside it are its points', () => {
    const s = readStructure(new LineIndex([
      '§ 207a. (1) Wer eine pornographische Darstellung einer minderjährigen Person (Abs. 4)',
      '   1. herstellt oder',
      '   2. einem anderen anbietet, verschafft oder sonst zugänglich macht,',
      'ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.',
      '',
      '(2) Wer sich eine solche Darstellung verschafft oder besitzt, ist zu bestrafen.',
    ].join('\n')), 'de');
    assert.deepEqual(s.units.map((u) => u.label), ['§ 207a(1)', '§ 207a(2)']);
  });

  test('a list after a colon inside Section 160A(1) stays in the paragraph; (2) after it does not', () => {
    const s = readStructure(new LineIndex([
      'Section 160A. (1) A person commits an offence if the person does any of the following:',
      '1. produces child sexual abuse material;',
      '2. possesses child sexual abuse material;',
      '(2) It is a defence for the person to prove a legitimate reason.',
    ].join('\n')), 'en');
    assert.deepEqual(s.units.map((u) => u.label), ['Section 160A(1)', 'Section 160A(2)']);
  });
});

describe('explanatory parts are never provisions', () => {
  test('an explanatory memorandum describing the Bill enacts nothing', () => {
    const a = lint([
      'EXPLANATORY MEMORANDUM',
      '',
      'Clause 2 provides that a person who possesses child sexual abuse material commits an offence and is liable to imprisonment.',
      '',
      'BE IT ENACTED by the Parliament as follows:',
      '',
      '1. Short title',
      'This Act may be cited as the Road Traffic (Amendment) Act 2025.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'not-applicable');
  });

  test('« Exposé des motifs » before « PROPOSITION DE LOI »: only the articles after it are read', () => {
    const text = [
      'EXPOSÉ DES MOTIFS',
      '',
      'Mesdames, Messieurs, le fait de détenir une image pédopornographique est puni de cinq ans d’emprisonnement.',
      '',
      'PROPOSITION DE LOI',
      '',
      'Article 1er',
      'Le fait de détenir l’image d’un mineur présentant un caractère pornographique est puni de cinq ans d’emprisonnement.',
    ].join('\n');
    const ranges = explanatoryRanges(new LineIndex(text));
    assert.equal(ranges.length, 1);
    assert.equal(text.slice(ranges[0].start, ranges[0].end).trim().split('\n').pop(), 'Mesdames, Messieurs, le fait de détenir une image pédopornographique est puni de cinq ans d’emprisonnement.');
    const a = lint(text);
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('a German Begründung and Spanish Fundamentos at the end of the draft run to its end', () => {
    for (const heading of ['Begründung', 'FUNDAMENTOS', 'Exposición de motivos', 'Explanatory notes']) {
      const text = `§ 1 Geltungsbereich\nDieses Gesetz gilt für Schulen.\n\n${heading}\n\nDer Entwurf bestraft, wer kinderpornographische Inhalte besitzt.\n`;
      const ranges = explanatoryRanges(new LineIndex(text));
      assert.equal(ranges.length, 1, heading);
      assert.equal(ranges[0].end, text.length);
    }
  });
});

describe('lists set apart by blank lines', () => {
  test('§ 207a (1) with its items 1. and 2. on lines of their own stays one paragraph', () => {
    const s = readStructure(new LineIndex([
      '§ 207a. (1) Wer eine pornographische Darstellung einer minderjährigen Person (Abs. 4)',
      '',
      '1. herstellt oder',
      '',
      '2. einem anderen anbietet, verschafft, überlässt, vorführt oder sonst zugänglich macht,',
      '',
      'ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.',
      '',
      '(2) Wer sich eine solche Darstellung verschafft, ist zu bestrafen.',
    ].join('\n')), 'de');
    assert.deepEqual(s.units.map((u) => u.label), ['§ 207a(1)', '§ 207a(2)']);
  });

  test('conditions after a colon and a blank line are not read into the offence', () => {
    const s = readStructure(new LineIndex([
      '(1) A minor commits the offense of sexting if he or she knowingly possesses a photograph. A minor does not violate this paragraph if all of the following apply:',
      '',
      '1. The minor did not solicit the photograph.',
    ].join('\n')), 'en');
    assert.equal(s.units.length, 2);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCues } from '../../server/src/core/cues';
import { Quotations, findQuoteSpans } from '../../server/src/core/structure/quotations';
import { lint, terms } from '../helpers/analyse';

/** For each deprecated term in the draft: [term, quoted?, severity]. */
function report(text: string, name = 'draft.txt') {
  return lint(text, { name }).findings.filter((f) => f.term).map((f) => [f.term!.text, f.quoted, f.severity]);
}

describe('quotation marks of every common style', () => {
  const styles: [string, string][] = [['"', '"'], ['“', '”'], ['‘', '’'], ['«\u00a0', '\u00a0»'], ['„', '“'], ['‹', '›'], ["'", "'"]];
  for (const [open, close] of styles) {
    test(`${open.trim()}…${close.trim()} quoting another text`, () => {
      const text = `The 1996 Act referred to ${open}the making of child pornography${close} in section 2.`;
      assert.deepEqual(report(text), [['child pornography', true, 'information']]);
    });
  }

  test('apostrophes inside words do not open quotations', () => {
    const spans = findQuoteSpans("the child's images, l'enfant, the child’s own images; States’ duties");
    assert.deepEqual(spans, []);
    assert.deepEqual(report("the child's own child pornography"), [['child pornography', false, 'information']]);
  });

  test('nested quotations', () => {
    const text = 'Article 20 provides: “the term ‘child pornography’ shall mean any material”.';
    const q = new Quotations(text, allCues());
    const at = text.indexOf('child pornography');
    assert.equal(q.containing({ start: at, end: at + 17 }).length, 2);
    assert.deepEqual(report(text), [['child pornography', true, 'information']]);
  });
});

describe('the draft’s own usage in quotation marks is reported', () => {
  test('a defined term: In this Act, "child pornography" means …', () => {
    assert.deepEqual(report('In this Act, "child pornography" means any visual depiction of a child.'), [['child pornography', false, 'information']]);
  });

  test('a defined term listed with alternatives', () => {
    assert.deepEqual(report('“child pornography” or “child porn” means any such material.'), [
      ['child pornography', false, 'information'], ['child porn', false, 'information'],
    ]);
  });

  test('a label after a description: (“child pornography”)', () => {
    assert.deepEqual(report('any material depicting a child engaged in sexual conduct (“child pornography”) shall be seized.'), [['child pornography', false, 'information']]);
  });

  test('French definitions: « pédopornographie » désigne …', () => {
    assert.deepEqual(report('Au sens du présent article, « pédopornographie » désigne toute représentation.'), [['pédopornographie', false, 'information']]);
  });

  test('the new wording an amendment inserts', () => {
    assert.deepEqual(report('In section 160, for "indecent photograph of a child" substitute "child pornography".'), [['child pornography', false, 'information']]);
  });

  test('French amending text « est ainsi rédigé », over several paragraphs', () => {
    const text = [
      "L'article 227-23 du code pénal est ainsi rédigé :",
      '',
      '« Art. 227-23. – Le fait de fixer une image pédopornographique est puni.',
      '',
      '« Le fait de diffuser de la pédopornographie est puni des mêmes peines. »',
    ].join('\n');
    assert.deepEqual(report(text).map((r) => r[1]), [false, false]);
  });
});

describe('quoted texts of other instruments are information marked quoted', () => {
  test('the old wording an amendment removes', () => {
    const findings = terms(lint('For the words "child pornography" substitute "child sexual abuse material".'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].quoted, true);
    assert.equal(findings[0].fix, undefined, 'never rewrite a quotation');
  });

  test('French: les mots « pornographie enfantine » sont remplacés par …', () => {
    assert.deepEqual(report('Les mots « pornographie enfantine » sont remplacés par les mots « matériel d’abus sexuel d’enfants ».').map((r) => r[1]), [true]);
  });

  test('the cited title of Directive 2011/93/EU', () => {
    const text = 'This Act transposes Directive 2011/93/EU of the European Parliament and of the Council of 13 December 2011 on combating the sexual abuse and sexual exploitation of children and child pornography, and replacing Council Framework Decision 2004/68/JHA.';
    assert.deepEqual(report(text), [['child pornography', true, 'information']]);
  });

  test('the cited title of the Optional Protocol', () => {
    const text = 'Recalling the Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography,';
    assert.deepEqual(report(text).map((r) => r[1]), [true, true]);
  });

  test('the title of an existing Act with its year', () => {
    assert.deepEqual(report('as defined in the Child Pornography Prevention Act of 1996.').map((r) => r[1]), [true]);
  });

  test('but not the draft’s own short title', () => {
    assert.deepEqual(report('This Act may be cited as the Child Pornography Act 2026.').map((r) => r[1]), [false]);
  });

  test('a description of the Convention is own usage, not a cited title', () => {
    assert.deepEqual(report('The Convention on the Protection of Children requires Parties to criminalise child pornography.').map((r) => r[1]), [false]);
  });

  test('a passage introduced as the wording of Article 20 of the Convention', () => {
    const text = [
      '(3) Article 20(1) of the Convention reads as follows:',
      '    a. producing child pornography;',
      '    e. possessing child pornography;',
      '(4) A person who possesses child pornography commits an offence.',
    ].join('\n');
    assert.deepEqual(report(text).map((r) => r[1]), [true, true, false]);
  });

  test('"shall read as follows" introduces the draft’s own new wording', () => {
    const text = ['Section 160 of the 1988 Act shall read as follows:', '(1) It is an offence to possess child pornography.'].join('\n');
    assert.deepEqual(report(text).map((r) => r[1]), [false]);
  });

  test('a Markdown blockquote', () => {
    const text = ['Article 20(1)(e) requires:', '', '> possessing child pornography;', '', 'We prefer child sexual abuse material.'].join('\n');
    assert.deepEqual(report(text, 'draft.md'), [['child pornography', true, 'information']]);
  });

  test('quoted findings can be hidden', () => {
    const text = 'For "child pornography" substitute "child sexual abuse material".';
    assert.equal(terms(lint(text, { settings: { quotations: 'hide' } })).length, 0);
  });

  test('quoted findings stay information even when the recommendation is raised to error', () => {
    const a = lint('The 1978 Act speaks of "child pornography". Possessing child pornography is an offence.', { settings: { severity: { 'II-1': 'error' } } });
    assert.deepEqual(terms(a).map((f) => [f.quoted, f.severity]), [[true, 'information'], [false, 'error']]);
  });
});

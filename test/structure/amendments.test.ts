import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCues } from '../../server/src/core/cues';
import { explanatoryRanges } from '../../server/src/core/structure/explanatory';
import { Quotations } from '../../server/src/core/structure/quotations';
import { readStructure } from '../../server/src/core/structure/provisions';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { lint, status } from '../helpers/analyse';

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

describe('US bills and glossary lists', () => {
  test('“* Sec. 2.” heads a section; lettered subsections after a full sentence are units of their own', () => {
    const s = readStructure(new LineIndex([
      '   * Sec. 3. AS 11.61.127 is repealed and reenacted to read:',
      '     Sec. 11.61.127. Possession of child sexual abuse material. (a) A',
      'person commits the crime of possession of child sexual abuse material if the person knowingly possesses child sexual abuse material.',
      '     (b) Possession of child sexual abuse material is a class C felony.',
      '     (c) It is an affirmative defense to a prosecution under (a) of this section that',
      '          (1) the visual depiction depicts only a minor who was 16 years of age or older; and',
      '          (2) the minor knowingly and voluntarily provided the visual depiction to the defendant.',
    ].join('\n')), 'en');
    assert.deepEqual(s.provisions.map((p) => p.label), ['Sec. 3', 'Sec. 11.61.127']);
    assert.equal(s.units.length, 4);
  });

  test('a numbered list after “the following conduct:” stays in its lettered subsection', () => {
    const s = readStructure(new LineIndex([
      'Sec. 11.41.455. Unlawful exploitation of a minor.',
      '     (a) A person commits the crime of unlawful exploitation of a minor if the person photographs a child engaged in any of the following actual or simulated conduct:',
      '          (1) sexual penetration;',
      '          (2) masturbation.',
    ].join('\n')), 'en');
    assert.equal(s.units.length, 1);
  });

  test('a Markdown glossary: a bulleted term with a colon and its numbered limbs are one definition', () => {
    const s = readStructure(new LineIndex([
      'Article 412-1. Au sens de la présente section, on entend par :',
      '',
      '- enfant : toute personne âgée de moins de dix-huit ans ;',
      '- matériel d’abus sexuel d’enfants :',
      '  1. toute représentation visuelle d’un enfant se livrant à un comportement sexuellement explicite ;',
      '     réel ou simulé ;',
      '  2. toute représentation des organes sexuels d’un enfant à des fins principalement sexuelles ;',
      '  3. tout enregistrement sonore décrivant un enfant se livrant à un comportement sexuellement explicite.',
    ].join('\n')), 'fr');
    const last = s.units[s.units.length - 1];
    assert.ok(/matériel/.test(s.units.map((u) => u.label).join()) || last.range.end > 0);
    assert.equal(s.units.filter((u) => /\(2\)|\(3\)/.test(u.label)).length, 0);
  });
});

describe('amending headings that name the parts amended', () => {
  test('« Art. 197, titre marginal, et al. 1, 4, 5 et 8 » heads the article whose paragraphs follow', () => {
    const s = readStructure(new LineIndex([
      'Art. 197, titre marginal, et al. 1, 4, 5 et 8',
      'Pornographie. Pédopornographie',
      '',
      '4 Quiconque fabrique des objets ayant comme contenu des actes d’ordre sexuel avec des mineurs est puni d’une peine privative de liberté.',
      '',
      'Art. 156, ch. 1',
      'Extorsion et chantage',
    ].join('\n')), 'fr');
    assert.deepEqual(s.provisions.map((p) => `${p.label} — ${p.heading}`), ['Art. 197 — Pornographie. Pédopornographie', 'Art. 156 — Extorsion et chantage']);
  });
});

describe('lists numbered “1-” after a chapeau', () => {
  test('« quiconque :\\n1- se procure …\\n2- possède … » is one offence; a glossary « on entend par : » is one definition', () => {
    const s = readStructure(new LineIndex([
      'Article 552 : Est puni d’un emprisonnement de un an à cinq ans quiconque :',
      '1- se procure de la pornographie infantile ;',
      '2- possède de la pornographie infantile ;',
      '3- accède sciemment à de la pornographie infantile.',
      '',
      'Article 557 : Au sens du présent chapitre, on entend par :',
      '1- enfant : toute personne âgée de moins de dix-huit ans ;',
      '2- pornographie infantile : toute représentation visuelle d’un enfant se livrant à un comportement sexuellement explicite.',
    ].join('\n')), 'fr');
    assert.deepEqual(s.units.map((u) => u.label), ['Article 552', 'Article 557']);
  });
});

describe('instruments named with non-ASCII letters', () => {
  test('„Artikel 20 Absatz 2 des Übereinkommens lautet:“ introduces a quotation, not the draft’s wording', () => {
    assert.equal(kindOf('Artikel 20 Absatz 2 des Übereinkommens lautet:\n„Im Sinne dieses Artikels bezeichnet der Ausdruck „Kinderpornographie“ jedes Material.“', 'Im Sinne'), 'quotation');
    assert.equal(kindOf('§ 184b Absatz 1 lautet:\n„(1) Wer einen kinderpornographischen Inhalt verbreitet, wird bestraft.“', 'Wer einen'), 'new-wording');
  });
});

describe('titles below a blank line', () => {
  test('“Article 4” ¶ “Sexual extortion of children” ¶ “1. Whoever …”: the title heads the article', () => {
    const s = readStructure(new LineIndex('Article 4\n\nSexual extortion of children\n\n1. Whoever threatens a child shall be punished.\n'), 'en');
    assert.equal(s.provisions[0].heading, 'Sexual extortion of children');
    assert.deepEqual(s.units.map((u) => u.label), ['Article 4(1)']);
  });
});

describe('the words an amendment replaces are the old wording', () => {
  test('„werden die Wörter „kinderpornographischer Inhalt“ durch die Wörter „…“ ersetzt“', () => {
    const text = 'In § 184b Absatz 1 werden die Wörter „kinderpornographischer Inhalt“ durch die Wörter „Darstellung sexuellen Kindesmissbrauchs“ ersetzt.';
    assert.equal(kindOf(text, 'kinderpornographischer Inhalt'), 'quotation');
    assert.equal(kindOf(text, 'Darstellung sexuellen'), 'new-wording');
  });

  test('« les mots : « pornographie enfantine » sont remplacés par les mots : « matériel d’abus sexuel sur mineur » »', () => {
    const text = 'À l’article 227-23, les mots : « pornographie enfantine » sont remplacés par les mots : « matériel d’abus sexuel sur mineur ».';
    assert.equal(kindOf(text, 'pornographie enfantine'), 'quotation');
    assert.equal(kindOf(text, 'matériel d’abus'), 'new-wording');
  });
});

describe('a title never runs on into the next line', () => {
  test('“Article 4” ¶ “Le fait de menacer … le” / “représentant, …” is body text, not a title', () => {
    const s = readStructure(new LineIndex('Article 4\n\nLe fait de menacer un mineur de diffuser une image à caractère sexuel le\nreprésentant est puni de sept ans d’emprisonnement.\n'), 'fr');
    assert.equal(s.provisions[0].heading, undefined);
    assert.equal(s.units.length, 1);
  });
});

describe('marginal notes that wrap', () => {
  test('an Irish marginal note over two lines belongs to the section below it', () => {
    const s = readStructure(new LineIndex([
      'Use of information and communication technology to communicate with a child for sexual',
      'purposes',
      '5. (1) A person who, by means of information and communication technology, communicates with a child for the purpose of facilitating the sexual exploitation of the child shall be guilty of an offence.',
      '(2) It shall not be necessary to prove that any meeting was proposed.',
    ].join('\n')), 'en');
    assert.deepEqual(s.units.map((u) => u.label), ['Section 5(1)', 'Section 5(2)']);
    assert.equal(s.units[0].range.start, 0);
  });
});

describe('an excerpt after its explanatory memorandum', () => {
  test('the memorandum ends where a provision headed with its title begins, not at a commentary’s “Article 2”', () => {
    const text = [
      'Explanatory memorandum',
      'Article 2 creates an offence of possessing child sexual abuse material.',
      'Article 2',
      'This article is modelled on the Convention.',
      'Section 160A — Possession of child sexual abuse material',
      '(1) A person who possesses child sexual abuse material commits an offence.',
    ].join('\n');
    const ranges = explanatoryRanges(new LineIndex(text));
    assert.equal(ranges.length, 1);
    assert.equal(text.slice(ranges[0].end).split('\n')[0], 'Section 160A — Possession of child sexual abuse material');
  });
});

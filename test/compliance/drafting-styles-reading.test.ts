import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../server/src/core/analyse';
import { lint } from '../helpers/analyse';

function status(a: Analysis, id: string): string {
  const r = [...a.checklist.recommendations, ...a.checklist.convention].find((x) => x.id === id);
  assert.ok(r, `no check ${id}`);
  return r.status;
}

describe('sexual extortion: a threat and the disclosure it names, in any word order', () => {
  test('English: threatens the child with the publication of an image of the child', () => {
    const a = lint([
      'Section 160C — Sexual extortion of a child',
      '(1) A person who threatens a child with the publication of a sexual image depicting the child in order to obtain further images, sexual acts, money or any other benefit commits an offence and is liable to imprisonment for 10 years.',
      'Section 160D — Possession',
      'A person who possesses child sexual abuse material commits an offence.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'met');
  });

  test('French: « menace un mineur de diffuser » with words between', () => {
    const a = lint([
      'Art. 227-23-2. – Le fait de menacer un mineur de quinze ans de diffuser une image ou représentation de ce mineur présentant un caractère pornographique, afin d’obtenir de lui de nouvelles images, des actes de nature sexuelle, une somme d’argent ou tout autre avantage, est puni de sept ans d’emprisonnement.',
      'Art. 227-23. – La détention d’une image pornographique d’un mineur est punie de cinq ans d’emprisonnement.',
    ].join('\n'));
    assert.notEqual(status(a, 'II-11'), 'missing');
  });

  test('German: „mit der Veröffentlichung … bedroht“ (the verb at the end)', () => {
    const a = lint([
      '§ 219d Sexuelle Erpressung Minderjähriger',
      '(1) Wer eine minderjährige Person mit der Veröffentlichung einer sexuellen Darstellung, die diese Person zeigt, bedroht, um von ihr weitere Darstellungen, sexuelle Handlungen, Geld oder einen sonstigen Vorteil zu erlangen, ist mit Freiheitsstrafe von einem bis zu zehn Jahren zu bestrafen.',
      '',
      '§ 219 Darstellungen sexuellen Kindesmissbrauchs',
      '(1) Wer eine Darstellung sexuellen Kindesmissbrauchs besitzt, ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'met');
  });

  test('a distribution offence aggravated by force elsewhere in the sentence is no extortion', () => {
    const a = lint([
      'Section 5 — Distribution',
      'A person who distributes child sexual abuse material commits an offence and is liable to imprisonment for 10 years.',
      'Section 6 — Aggravation',
      'The penalty is doubled where the offence was committed by a person using force. A person who possesses child sexual abuse material commits an offence.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'missing');
  });
});

describe('definitions in glossary style', () => {
  test('« Pornographie enfantine : toute donnée … » in a list of definitions', () => {
    const a = lint([
      'ARTICLE 4 (nouveau).- Au sens de la présente loi, les définitions ci-après sont admises :',
      '(71 bis) Pornographie enfantine : toute donnée représentant de manière visuelle un enfant se livrant à un agissement sexuellement explicite ;',
      '',
      'ARTICLE 80 (nouveau).- Est puni d’un emprisonnement de cinq à dix ans celui qui possède de la pornographie enfantine.',
    ].join('\n'));
    assert.notEqual(status(a, 'II-3'), 'missing');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('German definitions listed under a defined term are read as one definition', () => {
    const a = lint([
      '§ 219',
      '',
      '1) In § 219 sind',
      '   a) "Darstellungen sexuellen Kindesmissbrauchs"',
      '      1. bildliche Darstellungen einer minderjährigen Person bei einer tatsächlichen oder simulierten eindeutig sexuellen Handlung,',
      '      2. bildliche Darstellungen der Geschlechtsorgane einer minderjährigen Person zu vorwiegend sexuellen Zwecken;',
      '2) Wer eine Darstellung sexuellen Kindesmissbrauchs herstellt, ist mit Freiheitsstrafe bis zu fünf Jahren zu bestrafen.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
  });
});

describe('offences in more drafting traditions', () => {
  test('Latin American future subjunctive: « Será reprimido … el que produjere … tuviere en su poder »', () => {
    const a = lint([
      'Artículo 128.- Será reprimido con prisión de tres (3) a seis (6) años el que produjere, ofreciere, comerciare, publicare, divulgare o distribuyere material de abuso sexual infantil.',
      '',
      'Será reprimido con prisión de seis (6) meses a dos (2) años el que a sabiendas tuviere en su poder material de abuso sexual infantil.',
    ].join('\n'));
    for (const id of ['Art. 20(1)(a)', 'Art. 20(1)(b)', 'Art. 20(1)(c)', 'Art. 20(1)(e)']) assert.equal(status(a, id), 'met', id);
  });

  test('Canadian “child sexual abuse and exploitation material”: “Every person who … is guilty of an indictable offence”', () => {
    const a = lint('163.1 (4) Every person who possesses, or who acquires for themselves or for another person, any child sexual abuse and exploitation material is guilty of an indictable offence.');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(d)'), 'met');
    assert.equal(status(a, 'II-1'), 'met');
  });

  test('Norwegian style: “depiction of sexual abuse of children”, and a meeting agreed to', () => {
    const a = lint([
      '§ 306. Agreeing to a meeting to commit sexual abuse',
      'Any person who has agreed to meet a child under 16 years of age, with the intention of committing sexual abuse, and who has arrived at the meeting place, shall be subject to a fine or imprisonment for a term not exceeding one year.',
      '',
      '§ 311. Depiction of sexual abuse of children',
      'Any person who possesses a depiction of sexual abuse of children shall be subject to a fine or imprisonment for a term not exceeding three years.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
    assert.equal(status(a, 'II-10'), 'partial');
  });

  test('general coercion by threatening to disclose information is a general extortion offence', () => {
    const a = lint([
      '§ 251. Coercion',
      'Any person who, by threatening to report or disclose a criminal offence, compels another person to do anything shall be subject to a fine or imprisonment for a term not exceeding two years.',
      '§ 311. Depiction of sexual abuse of children',
      'Any person who possesses a depiction of sexual abuse of children shall be subject to a fine or imprisonment.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'partial');
  });
});

describe('offences that borrow another paragraph’s penalty', () => {
  test('« Les mêmes peines sont applicables à quiconque … détient de tels matériels »', () => {
    const a = lint([
      '« Article 503-2. – Est puni de l’emprisonnement de deux à cinq ans quiconque facilite l’exploitation d’enfants de moins de dix-huit ans dans des matériels pornographiques.',
      '',
      '« Les mêmes peines sont applicables à quiconque produit, diffuse ou détient de tels matériels, quel qu’en soit le support. »',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('“The same penalty applies to a person who possesses such material”', () => {
    const a = lint([
      'Section 5 (1) A person who distributes child sexual abuse material is liable to imprisonment for 10 years.',
      '(2) The same penalty applies to a person who possesses such material.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });
});

describe('Chilean style: a described material, its definition and grooming at a distance', () => {
  test('« constituye material pornográfico en cuya elaboración hubieren sido utilizados menores »', () => {
    const a = lint([
      'Art. 366 quater. El que determinare a una persona menor de catorce años a enviar imágenes de su persona con significación sexual, será castigado con presidio menor. Las mismas penas se aplicarán cuando la conducta se realice a distancia, mediante cualquier medio electrónico.',
      '',
      'Art. 366 quinquies. El que participare en la producción de material pornográfico, cualquiera sea su soporte, en cuya elaboración hubieren sido utilizados menores de dieciocho años, será sancionado con presidio menor en su grado máximo.',
      'Para los efectos de este artículo, constituye material pornográfico en cuya elaboración hubieren sido utilizados menores de dieciocho años:',
      'a) toda representación visual de menores de dieciocho años que realicen actividades sexuales explícitas, sean éstas reales o simuladas;',
      'b) toda representación de sus órganos genitales con fines principalmente sexuales, y',
      'c) toda grabación de sus voces, y todo texto, que describa tales actividades con los mismos fines.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
    assert.equal(status(a, 'II-4'), 'met');
    assert.equal(status(a, 'II-10'), 'met');
  });
});

describe('a marginal note is never read inside an unfinished sentence', () => {
  test('„gleich ob in Bild,\\nTon oder Schrift, die\\n1. …“ stays one definition', () => {
    const a = lint([
      '§ 184b',
      '(3) Wer eine Darstellung sexuellen Kindesmissbrauchs besitzt, wird mit Freiheitsstrafe bis zu fünf Jahren bestraft.',
      '(4) Darstellungen sexuellen Kindesmissbrauchs sind Inhalte, gleich ob in Bild,',
      'Ton oder Schrift, die',
      '1. sexuelle Handlungen, tatsächliche oder vorgetäuschte, von, an oder vor einer Person unter achtzehn Jahren zum Gegenstand haben oder',
      '2. die Genitalien einer Person unter achtzehn Jahren zu vorwiegend sexuellen Zwecken wiedergeben.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
    assert.equal(status(a, 'II-4'), 'met');
  });
});

describe('grooming and how sexual extortion is prosecuted', () => {
  test('the meeting waived in the next paragraph of the same article; the penalty after a blank line', () => {
    const a = lint([
      '### Article 3 — Solicitation of children for sexual purposes',
      '',
      '1. Whoever, by means of information and communication technology, intentionally solicits a',
      '   child for the purpose of:',
      '   a. engaging in sexual activities with the child, whether in person or online; or',
      '   b. obtaining child sexual abuse material depicting the child,',
      '',
      '   shall be punished by imprisonment of [one to five] years.',
      '2. The offence under paragraph 1 is committed whether or not a meeting is proposed, arranged or',
      '   takes place.',
    ].join('\n'), { name: 'model.md' });
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('« 2° Au second alinéa … » after inserted text is another amendment, not the offence’s wording', () => {
    const a = lint([
      'Article 1er',
      '1° Le premier alinéa est ainsi rédigé :',
      '« Le fait pour un majeur de faire des propositions sexuelles à un mineur de quinze ans en utilisant un moyen de communication électronique est puni de deux ans d’emprisonnement. » ;',
      '2° Au second alinéa, les mots : « lorsque les propositions ont été suivies d’une rencontre » sont remplacés par les mots : « lorsque les faits ont été suivis d’une rencontre ».',
      'Article 2',
      'La détention d’une image pédopornographique est punie de cinq ans d’emprisonnement.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('“shall not depend on a complaint by the victim” is prosecution ex officio; “except upon a complaint” is not', () => {
    const offence = [
      'Article 4 — Sexual extortion of children',
      '1. Whoever threatens a child to disclose sexual images depicting that child in order to obtain further images, sexual acts, money or any other gain shall be punished by imprisonment.',
    ];
    const free = lint([...offence, '2. Prosecution of the offence under paragraph 1 shall not depend on a complaint by the victim, and proceedings may continue even if the complaint has been withdrawn.'].join('\n'));
    assert.equal(status(free, 'II-12'), 'met');
    const onComplaint = lint([...offence, '2. Proceedings for an offence under this Article shall not be instituted except upon a complaint made by or on behalf of the child.'].join('\n'));
    assert.equal(status(onComplaint, 'II-12'), 'partial');
  });

  test('UK bare section headings with commas and “etc.”', () => {
    const a = lint([
      '5  Meeting a child following sexual grooming etc.',
      'In the Sexual Offences Act 2003, for section 15(1) substitute—',
      '    "(1) A person aged 18 or over (A) commits an offence if—',
      '        (a) A has met or communicated with another person (B) on one or more occasions and subsequently A intentionally meets B, and',
      '        (b) B is under 16."',
      '',
      '1   Taking, making and distributing indecent photographs',
      'A person who distributes an indecent photograph of a child commits an offence.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'partial');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
  });
});

describe('wording (II-1) when the material is described rather than named', () => {
  test('a sexting statute: “any photograph … which depicts nudity” is read, and names no deprecated term', () => {
    const a = lint([
      '847.0141 Sexting; prohibited acts; penalties.—',
      '(1) A minor commits the offense of sexting if he or she knowingly:',
      '(a) Uses a computer to transmit or distribute to another minor any photograph or video of any person which depicts nudity and is harmful to minors.',
      '(b) Possesses a photograph or video of any person that was transmitted by another minor which depicts nudity.',
    ].join('\n'));
    assert.equal(status(a, 'II-1'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('a deprecated term inside a cited short title with brackets is not the draft’s wording', () => {
    const a = lint([
      'Section 3 (1) A person who possesses child abuse material commits an offence and is liable to imprisonment for 10 years.',
      '(2) Sections 51A to 51H were first inserted by the Crimes Amendment (Child Pornography) Act 2004.',
    ].join('\n'));
    assert.equal(status(a, 'II-1'), 'met');
  });
});

describe('grooming applicability and legislation.gov.uk layout', () => {
  test('“67 Sexual communication with a child” (one space) heads a section inserted in quotation marks', () => {
    const a = lint([
      '67 Sexual communication with a child',
      '',
      '(1) After section 15 of the Sexual Offences Act 2003 insert—',
      '',
      '"15A Sexual communication with a child',
      '',
      '(1) A person aged 18 or over (A) commits an offence if—',
      '(a) for the purpose of obtaining sexual gratification, A intentionally communicates with another person (B),',
      '(b) the communication is sexual, and',
      '(c) B is under 16 and A does not reasonably believe that B is 16 or over."',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('a definitions section alone does not call for a grooming offence; a sexual abuse offence does', () => {
    const definitions = lint('2256. Definitions\nFor the purposes of this chapter, the term "child pornography" means any visual depiction of a minor engaging in sexually explicit conduct.');
    assert.equal(status(definitions, 'II-10'), 'not-applicable');
    const abuse = lint([
      '1   Abuse of position of trust: sexual activity with a child',
      '(1) A person aged 18 or over (A) commits an offence if he intentionally touches another person (B), the touching is sexual, and B is under 18.',
    ].join('\n'));
    assert.equal(status(abuse, 'II-10'), 'missing');
  });
});

describe('definitions sections (II-3)', () => {
  const section = (conduct: string) => lint([
    '§ 2256. Definitions for chapter',
    'For the purposes of this chapter, the term—',
    '(1) "minor" means any person under the age of eighteen years;',
    `(2) "sexually explicit conduct" means actual or simulated— ${conduct}`,
    '(8) "child pornography" means any visual depiction of sexually explicit conduct, where the production of such visual depiction involves the use of a minor engaging in sexually explicit conduct;',
    '§ 2252A. Whoever knowingly possesses child pornography shall be fined or imprisoned.',
  ].join('\n'));

  test('the material’s definition takes the elements of the neighbouring definitions it relies on', () => {
    assert.equal(status(section('(i) sexual intercourse; or (v) lascivious exhibition of the anus, genitals, or pubic area of any person;'), 'II-3'), 'met');
  });

  test('“genital-genital” intercourse is not the depiction of sexual organs', () => {
    assert.equal(status(section('(A) sexual intercourse, including genital-genital, oral-genital, anal-genital, or oral-anal; (B) masturbation;'), 'II-3'), 'partial');
  });
});

describe('acts read from their own wording', () => {
  test('“to have in his possession such photographs, with a view to their being distributed” narrows possession', () => {
    const a = lint([
      '1 Indecent photographs of children.',
      '(1) It is an offence for a person—',
      '(a) to take or make any indecent photograph of a child; or',
      '(c) to have in his possession such indecent photographs, with a view to their being distributed or shown by himself or others.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
  });

  test('« facilitare el acceso » is making available, not obtaining access', () => {
    const a = lint('Artículo 128.- Será reprimido con prisión de un mes a tres años el que facilitare el acceso a material de abuso sexual infantil.');
    assert.equal(status(a, 'Art. 20(1)(b)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'missing');
  });

  test('Swiss „konsumiert“ is obtaining access', () => {
    const a = lint('Art. 197\n5 Wer pornografische Darstellungen mit Minderjährigen konsumiert oder besitzt, wird mit Freiheitsstrafe bis zu drei Jahren oder Geldstrafe bestraft.');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
  });
});

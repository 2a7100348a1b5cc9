import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, status } from '../helpers/analyse';

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

describe('names of the material are not mentions of a child', () => {
  test('“child abuse material” names the material; only “a child” on its own is a child', async () => {
    const { findCues } = await import('../../server/src/core/structure/lexicon');
    const cats = (t: string) => { const h = findCues(t); return Array.from({ length: h.length }, (_, i) => h.categoryOf(i)); };
    assert.ok(!cats('Defences in respect of child abuse material').includes('minor'));
    assert.ok(cats('a photograph showing a child').includes('minor'));
  });

  test('“communicates with that child” by information and communication technology is grooming', () => {
    const a = lint([
      '5. (1) A person who, for the purpose of facilitating the sexual exploitation of a child, by means of information and communication technology communicates with that child or with another person shall be guilty of an offence.',
      '(2) It shall not be necessary for the prosecution to prove that any meeting with the child was proposed, arranged or took place.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });
});

describe('narrowing conditions and definition elements read precisely', () => {
  test('“for purposes of sale, hire, distribution … , makes, produces or has in his possession”: only the verbs are narrowed', () => {
    const a = lint([
      '16. (1) Any person who—',
      '(a) sells, distributes, transmits, offers, or in any manner makes available any child pornography;',
      '(b) for purposes of sale, hire, distribution, public exhibition or circulation, makes, produces or has in his or her possession any child pornography; or',
      '(d) advertises or makes known by any means that any child pornography can be obtained from any person,',
      'commits an offence and is liable upon conviction to imprisonment.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(b)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(a)'), 'partial');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
    assert.equal(status(a, 'Art. 20(1)(d)'), 'missing');
  });

  test('a child who “appears to be” one, or a computer-generated image, is not simulated conduct', () => {
    const a = lint('2. In this Act, "child pornography" means any photograph, computer-generated image or other representation of a person who is or appears to be a child engaged in explicit sexual activity, or of the sexual parts of a child for primarily sexual purposes.\n3. A person who possesses child pornography commits an offence.');
    assert.equal(status(a, 'II-3'), 'partial');
  });
});

describe('the gains of sexual extortion in German and Spanish', () => {
  test('„zur Übersendung weiterer Bilder, zu sexuellen Handlungen, zur Zahlung von Geld oder zu einer sonstigen Leistung nötigt“', () => {
    const a = lint('§ 253a. Wer ein Kind durch die Drohung, Bilder sexuellen Inhalts, die das Kind zeigen, zu veröffentlichen, zur Übersendung weiterer Bilder, zu sexuellen Handlungen, zur Zahlung von Geld oder zu einer sonstigen Leistung nötigt, wird mit Freiheitsstrafe von einem bis zu zehn Jahren bestraft.');
    assert.equal(status(a, 'II-11'), 'met');
  });

  test('« amenazare a un menor de edad con difundir imágenes … para obtener nuevas imágenes, actos de carácter sexual, dinero o cualquier otro beneficio »', () => {
    const a = lint('Artículo 189 bis. El que amenazare a un menor de edad con difundir imágenes de contenido sexual en las que aparezca, para obtener de él nuevas imágenes, actos de carácter sexual, dinero o cualquier otro beneficio, será castigado con la pena de prisión de dos a seis años.');
    assert.equal(status(a, 'II-11'), 'met');
  });
});

describe('offences that point back to the material or borrow a penalty (more styles)', () => {
  test('“The same punishment shall be imposed on whoever obtains access to child pornography”', () => {
    const a = lint('Section 192\n(1) Whoever possesses child pornography shall be punished by imprisonment for up to two years.\n(2) The same punishment shall be imposed on whoever obtains access to child pornography through information or communication technology.');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
  });

  test('Swiss „Wer Gegenstände … nach Absatz 4 konsumiert“ refers to the material of paragraph 4', () => {
    const a = lint([
      'Art. 197',
      '',
      '4 Wer Gegenstände oder Vorführungen, die sexuelle Handlungen mit Minderjährigen zum Inhalt haben, herstellt oder besitzt, wird mit Freiheitsstrafe bis zu fünf Jahren bestraft.',
      '',
      '5 Wer Gegenstände oder Vorführungen nach Absatz 4 konsumiert, namentlich über elektronische Mittel abruft oder betrachtet, wird mit Freiheitsstrafe bis zu drei Jahren bestraft.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
  });

  test('« détient du matériel d’abus sexuel d’enfants en vue de l’offrir, de le diffuser » narrows possession', () => {
    const a = lint('Article 5.- Est punie de deux à cinq ans d’emprisonnement toute personne qui détient du matériel d’abus sexuel d’enfants en vue de l’offrir, de le diffuser ou de le transmettre.');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
  });
});

describe('Swiss amending acts', () => {
  test('« Art. 197, titre marginal, et al. 1, 4, 5 et 8 »: paragraph 5 refers to the material of paragraph 4; Art. 156 titled « Extorsion et chantage »', () => {
    const a = lint([
      'Le code pénal est modifié comme suit :',
      '',
      'Art. 197, titre marginal, et al. 4 et 5',
      'Pornographie. Pédopornographie',
      '',
      '4 Quiconque fabrique, diffuse ou offre des écrits, images ou autres objets pornographiques ayant comme contenu des actes d’ordre sexuel avec des mineurs, est puni d’une peine privative de liberté de cinq ans au plus.',
      '',
      '5 Quiconque consomme ou consulte en ligne des objets ou représentations visés à l’al. 4, ou les acquiert ou les possède, est puni d’une peine privative de liberté de trois ans au plus.',
      '',
      'Art. 156, ch. 1',
      'Extorsion et chantage',
      '1. Quiconque, dans le dessein de se procurer un enrichissement illégitime, détermine une personne à des actes préjudiciables à ses intérêts pécuniaires en la menaçant d’un dommage sérieux, est puni d’une peine privative de liberté de cinq ans au plus.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
    assert.equal(status(a, 'II-11'), 'partial');
  });
});

describe('children named by their age in grooming offences', () => {
  test('US: “any individual who has not attained the age of 18 years … It shall not be necessary … to prove that any meeting was proposed”', () => {
    const a = lint([
      'SEC. 4. COERCION AND ENTICEMENT.',
      '(b) Whoever, using any facility of interstate commerce, knowingly persuades, induces, entices, or coerces any individual who has not attained the age of 18 years to engage in any sexual activity, or to produce any visual depiction of sexually explicit conduct, shall be fined and imprisoned not less than 10 years. It shall not be necessary for the Government to prove that any meeting was proposed or took place.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('Dutch: “proposes a meeting to a person … who has not yet reached the age of sixteen years … if he undertakes any act directed at realising that meeting”', () => {
    const a = lint('Article 248e\nAny person who, by means of a communication service, proposes a meeting to a person of whom he knows that that person has not yet reached the age of sixteen years, with the intention of committing indecent acts with that person, shall, if he undertakes any act directed at realising that meeting, be punished with a term of imprisonment not exceeding two years.');
    assert.equal(status(a, 'II-10'), 'partial');
  });

  test('Singapore: “having met or communicated with another person (B) … and B is below 16 years of age”', () => {
    const a = lint('376E. (1) Any person of or above 18 years of age (A) shall be guilty of an offence if, having met or communicated with another person (B) on at least one previous occasion, A intentionally meets B, and at the time A intends to commit a relevant offence against B, and B is below 16 years of age.');
    assert.equal(status(a, 'II-10'), 'partial');
  });
});

describe('sexual extortion named, and general coercion', () => {
  test('a list of prohibited acts ending with “to commit sexual extortion of a child” keeps its CSAM acts', () => {
    const a = lint([
      'Sec. 4. Unlawful or Prohibited Acts. — It shall be unlawful for any person to commit the following acts:',
      '(b) To produce any form of child sexual abuse material;',
      '(c) To offer, make available, sell or publish any form of child sexual abuse material;',
      '(f) To possess any form of child sexual abuse material;',
      '(i) To commit sexual extortion of a child, whether the benefit sought is additional images or videos, sexual acts, money or any other benefit.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'met');
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('“an unlawful threat in order to compel another person to act in a particular manner” is a general threat offence', () => {
    const a = lint([
      'Art. 191. § 1. Whoever uses violence against a person or an unlawful threat in order to compel another person to act in a particular manner shall be subject to the penalty of deprivation of liberty.',
      'Art. 202. § 1. Whoever possesses child pornography shall be subject to the penalty of deprivation of liberty.',
    ].join('\n'));
    assert.equal(status(a, 'II-11'), 'partial');
  });
});

describe('prosecution without the victim’s complaint (II-12)', () => {
  test('« L’action publique est mise en mouvement sans qu’une plainte de la victime soit nécessaire »', () => {
    const a = lint([
      'Art. 227-23-2. – Le fait de menacer un mineur de diffuser une image à caractère sexuel le représentant afin d’obtenir de nouvelles images, des actes sexuels, une somme d’argent ou tout autre avantage, est puni de dix ans d’emprisonnement.',
      '',
      '« L’action publique est mise en mouvement sans qu’une plainte de la victime soit nécessaire. »',
    ].join('\n'));
    assert.equal(status(a, 'II-12'), 'met');
  });
});

describe('non-visual material through a referenced definition (II-4)', () => {
  test('“child pornographic content is content (section 11(3))” takes the media of the reworded section 11(3)', () => {
    const a = lint([
      '1. Section 11 subsection (3) is worded as follows:',
      '"(3) Content within the meaning of the provisions which refer to this subsection is content contained in writings, on audio or visual media, in data storage media or in illustrations."',
      '',
      '2. Section 184b is worded as follows:',
      '"Section 184b',
      '(1) Whoever disseminates child pornographic content shall be punished with imprisonment; child pornographic content is content (section 11(3)) which has as its subject matter sexual activity by a person under eighteen years of age."',
    ].join('\n'));
    assert.equal(status(a, 'II-4'), 'met');
  });

  test('a referenced provision about something else gives no media', () => {
    const a = lint('Section 184b\n(1) Whoever disseminates child pornographic content shall be punished with imprisonment; child pornographic content is content (section 11(3)) which has as its subject matter sexual activity by a person under eighteen years of age.');
    assert.equal(status(a, 'II-4'), 'missing');
  });
});

describe('a definition as a name, “are”, and an enumeration', () => {
  test('“(4) Pornographic depictions of minors are 1. realistic visual depictions … 2. …”', () => {
    const a = lint([
      '§ 207a. (1) Whoever produces a pornographic depiction of a minor shall be punished with imprisonment of up to three years.',
      '(4) Pornographic depictions of minors are',
      '1. realistic visual depictions of a minor engaged in a real or simulated sexual act;',
      '2. realistic visual depictions of the genitals or pubic region of a minor, insofar as they are made for primarily sexual purposes.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
  });
});

describe('a narrowing condition set off by commas after the verb', () => {
  test('“child pornography stored or possessed by him, with an intention to share it, shall be liable” narrows possession', () => {
    const a = lint("15. (1) Any person who stores or possesses child pornography with an intention to share or transmit it shall be punished with imprisonment.\n(2) Any person who fails to delete child pornography stored or possessed by him, with an intention to share it, shall be liable to fine.");
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
  });
});

describe('a glossary is never an offence', () => {
  test('« Au sens du présent chapitre, on entend par : … toute atteinte sexuelle sur un enfant est punissable »', () => {
    const a = lint([
      'Article 552 : Est puni d’un emprisonnement de un an à cinq ans quiconque possède de la pornographie infantile.',
      '',
      'Article 557 : Au sens du présent chapitre, on entend par :',
      '1- pornographie infantile : toute représentation visuelle d’un enfant se livrant à un comportement sexuellement explicite, réel ou simulé, ou toute représentation des organes sexuels d’un enfant à des fins principalement sexuelles ;',
      '2- âge de la majorité sexuelle : l’âge en deçà duquel toute atteinte sexuelle sur un enfant est punissable.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
  });
});

describe('acts defined in the offence’s own section', () => {
  test('“disseminate child abuse material includes … make it available … offer to do any of those things”', () => {
    const a = lint([
      'Section 91H Production, dissemination or possession of child abuse material',
      '    (1)  In this section—',
      '         disseminate child abuse material, includes—',
      '         (a)  send, supply, exhibit, transmit or communicate it to another person, or',
      '         (b)  make it available for access by another person, or',
      '         (c)  offer to do any of the things referred to in paragraph (a) or (b).',
      '    (2)  A person who produces, disseminates or possesses child abuse material is guilty of an offence.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(b)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
  });

  test('without such a definition, disseminating is not offering', () => {
    const a = lint('Section 91H\n(2) A person who produces, disseminates or possesses child abuse material is guilty of an offence.');
    assert.equal(status(a, 'Art. 20(1)(b)'), 'missing');
  });
});

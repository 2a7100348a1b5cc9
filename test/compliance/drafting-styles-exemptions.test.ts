import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../server/src/core/analyse';
import { lint, status } from '../helpers/analyse';

// Exemptions and defences as real statutes write them: the negation on the subject, conditions
// listed after a chapeau or as alternatives, conduct taken from the offences cited, provisos that
// take cases back out, and a general age of criminal responsibility.

function exemptions(a: Analysis) {
  return a.reading.units.filter((u) => u.exemption);
}

const IRISH_OFFENCES = [
  'Producing child sexual abuse material',
  '4.—(1) A person who knowingly produces child sexual abuse material shall be guilty of an offence and shall be liable on conviction on indictment to imprisonment for a term not exceeding 14 years.',
  '',
  'Distribution of child sexual abuse material',
  '5.—(1) A person who knowingly distributes, transmits or makes available child sexual abuse material shall be guilty of an offence and shall be liable on conviction on indictment to imprisonment for a term not exceeding 14 years.',
  '',
  'Possessing child sexual abuse material',
  '6.—(1) A person who knowingly possesses child sexual abuse material shall be guilty of an offence and shall be liable on conviction on indictment to imprisonment for a term not exceeding 5 years.',
  '',
].join('\n');

describe('exemptions whose negation sits on the subject', () => {
  test('"Nothing in section 4 or 6 applies to a child" is a child-only exemption for production and possession', () => {
    const a = lint([
      IRISH_OFFENCES,
      'Exemptions for children',
      '8.—(1) Nothing in section 4 or 6 applies to a child in respect of child sexual abuse material that depicts only that child and that was produced by that child for his or her private use.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e, 'the exemption is read');
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
    // Its conduct is that of the offences it cites, not the verb describing the material.
    assert.ok(e.exemption!.conduct.has('possess'));
    assert.ok(!e.exemption!.conduct.has('share'));
    assert.equal(status(a, 'II-2'), 'partial');
  });

  test('"No person who is under the age of eighteen years shall be convicted" (Canadian style)', () => {
    const a = lint([
      'Possession of child sexual abuse material',
      '163.1 (4) Every person who possesses any child sexual abuse material is guilty of an indictable offence and liable to imprisonment for a term of not more than 10 years.',
      '',
      'Young persons — images of themselves',
      '(6.1) No person who is under the age of eighteen years shall be convicted of an offence under subsection (4) in respect of child sexual abuse material that depicts only that person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
  });

  test('a prohibition with a negated subject is not an exemption', () => {
    const a = lint([
      'Section 12 — Child sexual abuse material',
      '(1) No person shall produce, distribute or possess child sexual abuse material, and a person who contravenes this subsection is liable to imprisonment for a term not exceeding 10 years.',
    ].join('\n'));
    assert.equal(exemptions(a).length, 0);
  });

  test('« Aucun mineur ne peut être poursuivi » and « Ningún menor será castigado »', () => {
    const fr = lint([
      'Article 227-23',
      'Le fait de détenir une image ou une représentation d\'un mineur présentant un caractère pornographique est puni de cinq ans d\'emprisonnement.',
      'Aucun mineur ne peut être poursuivi sur le fondement de l\'alinéa précédent pour la détention d\'une image le représentant, réalisée par lui-même pour son usage privé.',
    ].join('\n'));
    const [e] = exemptions(fr);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.equal(status(fr, 'II-2'), 'partial');

    const es = lint([
      'Artículo 189',
      '3. El que para su propio uso posea material de abuso sexual infantil será castigado con la pena de tres meses a un año de prisión.',
      '4. Ningún menor será castigado por la posesión de imágenes de sí mismo destinadas a su uso privado.',
    ].join('\n'), { name: 'borrador.txt' });
    const [f] = exemptions(es);
    assert.ok(f);
    assert.equal(f.exemption!.beneficiary, 'child');
  });
});

describe('who an exemption is for', () => {
  test('"the accused person was under the age of 18 years" limits a defence to children (NSW style)', () => {
    const a = lint([
      'Section 91H Production, dissemination or possession of child abuse material',
      '(2) A person who produces, disseminates or possesses child abuse material is guilty of an offence.',
      '(8) It is a defence to a charge for an offence against section 91H (2) of producing or possessing child abuse material if—',
      '    (a) the accused person was under the age of 18 years at the time of the alleged offence, and',
      '    (b) the only person depicted or described in the material is the accused person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
    assert.equal(status(a, 'II-5'), 'not-applicable');
  });

  test('„eine Person unter achtzehn Jahren, die … nur sie selbst zeigt“ (§ 184b style)', () => {
    const a = lint([
      '§ 184b Darstellungen sexuellen Kindesmissbrauchs',
      '(3) Wer eine Darstellung sexuellen Kindesmissbrauchs besitzt, wird mit Freiheitsstrafe von drei Monaten bis zu fünf Jahren bestraft.',
      '(5) Absatz 3 gilt nicht für Handlungen einer Person unter achtzehn Jahren, die ausschließlich zu ihrem persönlichen Gebrauch eine Darstellung herstellt oder besitzt, die nur sie selbst zeigt.',
    ].join('\n'), { name: 'entwurf.txt' });
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
  });
});

describe('conditions listed after the exemption, and alternatives', () => {
  test('conditions in the points after a chapeau belong to the exemption (model-law style)', () => {
    const a = lint([
      'Article 2 – Offences concerning child sexual abuse material',
      '1. Whoever intentionally produces or possesses child sexual abuse material shall be punished by imprisonment of up to five years.',
      '',
      'Article 6 – Persons of similar age',
      'Article 2, paragraph 1, shall not apply to a person who produces or possesses child sexual abuse material depicting a child where all of the following conditions are met:',
      '1. the child depicted has reached the age of sexual consent;',
      '2. the child depicted has given his or her consent to the production and possession;',
      '3. the person and the child depicted are of similar age and maturity; and',
      '4. the production and possession did not involve any abuse, coercion or exploitation.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'met');
  });

  test('each alternative of an exemption is judged on its own conditions (§ 207a style)', () => {
    const a = lint([
      '§ 207a Kindesmissbrauchsmaterial',
      '(3) Wer eine bildliche sexualbezogene Darstellung einer minderjährigen Person besitzt, ist mit Freiheitsstrafe bis zu zwei Jahren zu bestrafen.',
      '(5) Nach Abs. 3 ist nicht zu bestrafen, wer',
      '   1. eine bildliche sexualbezogene Darstellung einer mündigen minderjährigen Person mit',
      '      deren Einwilligung zu seinem eigenen Gebrauch besitzt oder',
      '   2. eine bildliche sexualbezogene Darstellung einer mündigen minderjährigen Person zu',
      '      seinem eigenen Gebrauch besitzt.',
    ].join('\n'), { name: 'entwurf.txt' });
    const [e] = exemptions(a);
    assert.equal(e.exemption!.alternatives?.length, 2);
    // The second way in requires only that the person depicted is of age: one condition of four.
    assert.equal(status(a, 'II-5'), 'missing');
  });

  test('a citation "(b) or (c)" is not a list of alternatives', () => {
    const a = lint([
      'Section 52 — Child sexual abuse material offences',
      '(1) Any person who (a) takes or makes, (b) offers or (c) distributes any indecent photograph of a child commits an offence.',
      '(2) No offence is committed under section 52(1)(b) or (c) by a child who shares a photograph of himself or herself with another child, where the sharing is voluntary and consensual and intended solely for the private use of the children concerned.',
    ].join('\n'));
    const e = exemptions(a).find((u) => u.exemption!.conditions.has('ownImages'));
    assert.ok(e);
    assert.equal(e.exemption!.alternatives, undefined);
  });
});

describe('provisos that take cases back out of an exemption', () => {
  test('"Nothing in this section applies where … coercion" is a condition of the exemptions, not an exemption', () => {
    const a = lint([
      IRISH_OFFENCES,
      'Exemptions for children',
      '8.—(1) Nothing in section 4 or 6 applies to a child in respect of child sexual abuse material that depicts only that child.',
      '(2) Nothing in this section applies where the material was produced or obtained through the coercion, deception or exploitation of any child.',
    ].join('\n'));
    const list = exemptions(a);
    assert.equal(list.length, 1);
    assert.ok(list[0].exemption!.conditions.has('noAbuse'));
  });

  test('"Subsection (1) does not apply where the photograph also shows any other person" (UK style)', () => {
    const a = lint([
      'Section 160 — Possession of indecent photographs of children',
      '(1) It is an offence for a person to have any indecent photograph of a child in his or her possession.',
      '',
      'Section 160B — Photographs of oneself',
      '(1) A person who has not attained the age of 18 does not commit an offence under section 160 by reason of having in his or her possession an indecent photograph of himself or herself.',
      '(2) Subsection (1) does not apply where the photograph also shows any other person.',
    ].join('\n'));
    const list = exemptions(a);
    assert.equal(list.length, 1);
    assert.equal(list[0].exemption!.beneficiary, 'child');
    assert.ok(list[0].exemption!.conditions.has('thirdParty'));
  });

  test('a verb in an "unless" proviso is not conduct the exemption covers', () => {
    const a = lint([
      IRISH_OFFENCES,
      '8.—(4) A child shall not be guilty of an offence under section 6 in respect of child sexual abuse material that he or she received without having requested it, unless the child intentionally retained it or transmitted it to any other person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(!e.exemption!.conduct.has('share'));
    assert.ok(e.exemption!.conditions.has('passive'));
  });
});

describe('II-6: production is not possession', () => {
  test('an exemption for taking or making one\'s own images only leaves possession an offence (Jersey style)', () => {
    const a = lint([
      'Article 2 Offences relating to child sexual abuse material',
      '(1) A person who –',
      '(a) takes, makes or otherwise produces any child sexual abuse material; or',
      '(b) has any child sexual abuse material in his or her possession,',
      'shall be guilty of an offence and liable to imprisonment for a term of 10 years.',
      '(4) A person who has not attained the age of 18 years shall not be guilty of an offence under paragraph (1)(a) by reason only of taking or making child sexual abuse material that shows himself or herself alone.',
    ].join('\n'));
    assert.equal(status(a, 'II-2'), 'partial');
    assert.equal(status(a, 'II-6'), 'missing');
  });
});

describe('the age of criminal responsibility', () => {
  test('a general exemption below an age is the age of criminal responsibility (II-6 partial)', () => {
    const en = lint([
      'Section 25',
      'A person who has not reached fifteen years of age at the time of committing an act is not criminally liable.',
      'Section 192',
      '(1) Whoever possesses a photographic, film or other pornographic work that depicts a child shall be punished by imprisonment for up to two years.',
    ].join('\n'));
    assert.equal(status(en, 'II-6'), 'partial');

    const fr = lint([
      'Article 5',
      'Est punie de deux à cinq ans d\'emprisonnement toute personne qui détient du matériel d\'abus sexuel d\'enfants.',
      'Article 7',
      'L\'enfant âgé de moins de treize (13) ans ne peut faire l\'objet de poursuites pénales pour les infractions prévues à la présente loi.',
    ].join('\n'), { name: 'projet.txt' });
    assert.ok(fr.reading.units.some((u) => u.criminalResponsibilityAge));
    assert.equal(status(fr, 'II-6'), 'partial');
  });
});

describe('education measures', () => {
  test('"literary, artistic or educational merit" is a test of the material, not education', () => {
    const a = lint([
      'Section 91FB Child abuse material—meaning',
      '(2) The matters to be taken into account in deciding whether reasonable persons would regard particular material as offensive include the literary, artistic or educational merit of the material.',
      'Section 91H',
      '(2) A person who produces, disseminates or possesses child abuse material is guilty of an offence.',
    ].join('\n'));
    assert.equal(status(a, 'II-7'), 'missing');
  });
});

describe('exemptions read with the offences they cite', () => {
  test('„Nach § 219 Abs. 3 ist eine minderjährige Person nicht zu bestrafen“ concerns the material of § 219 (3)', () => {
    const a = lint([
      '§ 219 Kinderpornographische Inhalte',
      '3) Wer einen kinderpornographischen Inhalt besitzt, ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.',
      '',
      '§ 219a Straflosigkeit Minderjähriger',
      '4) Nach § 219 Abs. 3 ist eine minderjährige Person nicht zu bestrafen, die einen Inhalt ohne eigenes Zutun empfangen hat, es sei denn, sie behält diesen willentlich.',
    ].join('\n'), { name: 'entwurf.txt' });
    const [e] = exemptions(a);
    assert.ok(e, 'the exemption stays an exemption: § 219 (3) is an offence');
    assert.ok(e.material);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('passive'));
    assert.ok(e.exemption!.conduct.has('possess'));
  });

  test('"This section applies where … the child aged 16 or over (being the age of consent)" conditions the section\'s defence', () => {
    const a = lint([
      'Section 160 — Possession of indecent photographs of children',
      '(1) It is an offence for a person to have any indecent photograph of a child in his or her possession.',
      '',
      'Section 160A — Marriage and other relationships',
      '(1) This section applies where, in proceedings for an offence under section 160, the defendant proves that the photograph was of the child aged 16 or over (being the age of consent to sexual activity), and that the child and he or she were married or civil partners of each other.',
      '(2) If sufficient evidence is adduced to raise an issue as to whether the child consented to the photograph being in the defendant\'s possession, the defendant is not guilty of the offence unless it is proved that the child did not so consent.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'anyone');
    assert.ok(e.exemption!.conditions.has('ageOfConsent'));
    assert.ok(e.exemption!.conditions.has('consent'));
    assert.equal(status(a, 'II-5'), 'partial');
  });
});

describe('II-9: prosecution of children on a prosecutor\'s consent', () => {
  test('"shall not be instituted except by or with the consent of the Attorney General" is a bare discretion (partial)', () => {
    const a = lint([
      'Article 2 Offences relating to child sexual abuse material',
      '(1) A person who distributes, transmits or possesses any child sexual abuse material shall be guilty of an offence and liable to imprisonment for a term of 10 years.',
      '',
      'Article 2A Consent of Attorney General',
      'Proceedings for an offence under Article 2 against a person who has not attained the age of 18 years shall not be instituted except by or with the consent of the Attorney General.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'partial');
  });
});

describe('the conduct an exemption covers', () => {
  const UK = [
    'Section 1 — Indecent images of children',
    '(1) A person commits an offence if he or she takes, makes, distributes or possesses an indecent photograph of a child.',
    '(2) A person guilty of an offence under this section is liable on conviction on indictment to imprisonment for a term not exceeding 10 years.',
    '',
  ].join('\n');

  test('"A person under 18 does not commit an offence … by sending such a photograph voluntarily to another person under 18 for that person\'s private use"', () => {
    const a = lint([
      UK,
      'Section 2 — Exception for young people',
      '(1) A person under 18 does not commit an offence under section 1 by reason of making or possessing an indecent photograph of himself or herself, or by sending such a photograph voluntarily to another person under 18 for that person\'s private use.',
      '(2) Subsection (1) does not apply if the photograph was made or sent as a result of coercion or threats.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('noAbuse'));
    assert.equal(status(a, 'II-8'), 'met');
  });

  test('an exemption for making or possessing does not exempt the distribution its cited section also punishes', () => {
    const a = lint([
      UK,
      'Section 2 — Exception for young people',
      '(1) A person under 18 does not commit an offence under section 1 by reason of making or possessing an indecent photograph of himself or herself for his or her private use.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(!e.exemption!.conduct.has('share'));
    assert.equal(status(a, 'II-8'), 'partial');
  });

  test('"a photograph of himself or herself which he or she has taken or made" exempts possessing it under the possession offence cited', () => {
    const a = lint([
      'Section 1',
      '(1) A person commits an offence if he or she takes or makes any indecent photograph of a child.',
      'Section 2',
      '(1) It is an offence for a person to have any indecent photograph of a child in his or her possession.',
      'Section 3 — Exception: photographs taken by a child of himself or herself',
      '(1) No offence is committed under section 1 or section 2 by a person under the age of 18 in respect of an indecent photograph of himself or herself which he or she has taken or made, provided that the photograph has not been distributed to any other person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e.exemption!.conduct.has('possess'));
    assert.ok(!e.exemption!.conduct.has('share'), 'a verb in the proviso is not conduct');
    assert.equal(status(a, 'II-6'), 'partial');
  });

  test('« Tampoco será punible el menor que reciba dicho material sin haberlo solicitado, siempre que no lo difunda »', () => {
    const a = lint([
      'Artículo 189',
      '2. El que posea material de abuso sexual infantil será castigado con la pena de tres meses a un año de prisión.',
      '3. No será punible el menor de edad que posea, para su uso privado, material en el que únicamente aparezca él mismo.',
      '4. Tampoco será punible el menor que reciba dicho material sin haberlo solicitado, siempre que no lo difunda.',
    ].join('\n'), { name: 'borrador.txt' });
    const list = exemptions(a);
    assert.equal(list.length, 2);
    assert.ok(list[0].exemption!.conditions.has('ownImages'));
    assert.ok(list[1].exemption!.conditions.has('passive'));
    assert.ok(!list[1].exemption!.conduct.has('share'));
  });

  test('an image "of a person under 18" is the child depicted, not the beneficiary', () => {
    const a = lint([
      UK,
      'Section 3 — Defence: persons of similar age',
      'It is a defence for a person charged with possessing an indecent photograph of a person under 18 to prove that the person depicted had attained the age of 16, consented to the possession, and that the defendant was not more than 2 years older.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'anyone');
    assert.equal(status(a, 'II-5'), 'partial');
  });
});

describe('defences with alternative limbs, one of them a legitimate purpose', () => {
  test('s. 160(2) style: the unsolicited-receipt limb covers children even though limb (a) is a legitimate reason', () => {
    const a = lint([
      'Section 160 — Possession of indecent photograph of child',
      '(1) It is an offence for a person to have any indecent photograph or pseudo-photograph of a child in his possession.',
      '(2) Where a person is charged with an offence under subsection (1) above, it shall be a defence for him to prove—',
      '    (a) that he had a legitimate reason for having the photograph or pseudo-photograph in his possession; or',
      '    (b) that he had not himself seen the photograph or pseudo-photograph and did not know, nor had any cause to suspect, it to be indecent; or',
      '    (c) that the photograph or pseudo-photograph was sent to him without any prior request made by him or on his behalf and that he did not keep it for an unreasonable time.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.legitimatePurpose, false);
    assert.ok(!e.exemption!.conduct.has('share'), '"was sent to him" describes the photograph');
    assert.equal(status(a, 'II-6'), 'partial');
  });

  test('a defence whose every limb is a legitimate purpose stays a legitimate-purpose defence', () => {
    const a = lint([
      'Section 160 — Possession of indecent photograph of child',
      '(1) It is an offence for a person to have any indecent photograph of a child in his possession.',
      '(2) It shall be a defence for a person charged under subsection (1) to prove—',
      '    (a) that he had a legitimate reason for having the photograph in his possession; or',
      '    (b) that he possessed it in the course of his official duties as a police officer.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.legitimatePurpose, true);
  });

  test('« Il n\'y a pas d\'infraction » is an exemption', () => {
    const a = lint([
      'Article 417/46',
      'Est puni de la réclusion de cinq à dix ans quiconque diffuse ou détient du matériel d\'abus sexuel d\'enfants.',
      'Il n\'y a pas d\'infraction lorsque le mineur détient, pour son usage privé, une image le représentant, réalisée par lui-même.',
    ].join('\n'), { name: 'proposition.txt' });
    const [e] = exemptions(a);
    assert.ok(e);
    assert.ok(e.exemption!.conditions.has('ownImages'));
  });
});

describe('more drafting of exemptions', () => {
  test('„ist nicht zu bestrafen, wer“ followed by numbered alternatives (§ 207a Abs. 5 style, points on their own lines)', () => {
    const a = lint([
      '§ 207a Pornographische Darstellungen Minderjähriger',
      '(3) Wer eine pornographische Darstellung einer mündigen minderjährigen Person besitzt, ist mit Freiheitsstrafe bis zu einem Jahr zu bestrafen.',
      '(5) Nach Abs. 3 ist nicht zu bestrafen, wer',
      '1. eine pornographische Darstellung einer mündigen minderjährigen Person mit deren Einwilligung und zu seinem eigenen Gebrauch besitzt oder',
      '2. eine pornographische Darstellung einer mündigen minderjährigen Person zu seinem eigenen Gebrauch besitzt.',
    ].join('\n'), { name: 'entwurf.txt' });
    const e = exemptions(a)[0].exemption!;
    assert.ok(e.conditions.has('consent'));
    assert.equal(e.alternatives?.length, 2);
    assert.equal(status(a, 'II-5'), 'missing');
  });

  test('„Straflos bleibt“ and „bleibt straflos“ are exemptions', () => {
    const a = lint([
      'Art. 197',
      '(4) Wer pornografische Gegenstände, die tatsächliche sexuelle Handlungen mit Minderjährigen zum Inhalt haben, herstellt oder besitzt, wird mit Freiheitsstrafe bis zu fünf Jahren bestraft.',
      '(8) Straflos bleibt, wer von sich als minderjährige Person solche Gegenstände herstellt oder besitzt.',
    ].join('\n'), { name: 'entwurf.txt' });
    const [e] = exemptions(a);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
  });

  test('a treaty reservation "may reserve the right not to apply" is read as an exemption (Article 20(3) style)', () => {
    const a = lint([
      'Article 20 – Offences concerning child pornography',
      '1. Each Party shall take the necessary legislative or other measures to ensure that the following intentional conduct, when committed without right, is criminalised: a. producing child pornography; e. possessing child pornography.',
      '3. Each Party may reserve the right not to apply, in whole or in part, paragraph 1.a and e to the production and possession of pornographic material involving children who have reached the age set in application of Article 18, paragraph 2, where these images are produced and possessed by them with their consent and solely for their own private use.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
    assert.ok(e.exemption!.conditions.has('ageOfConsent'));
  });

  test('consent of the Director of Public Prosecutions to any prosecution is a bare discretion for II-9', () => {
    const a = lint([
      'Section 1 — Indecent photographs of children',
      '(1) It is an offence for a person to distribute or show any indecent photograph of a child.',
      '(3) Proceedings for an offence under this Act shall not be instituted except by or with the consent of the Director of Public Prosecutions.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'partial');
  });

  test('"civil partners of each other" is not "images of each other"', () => {
    const a = lint([
      'Section 160A — Marriage and other relationships',
      '(1) In proceedings for an offence of possessing an indecent photograph of a child, the defendant is not guilty of the offence if the child and he or she were married or civil partners of each other.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(!e.exemption!.conditions.has('ownImages'));
  });
});

describe('beneficiaries, education and the age of criminal responsibility, continued', () => {
  test('"A young person is not criminally responsible … if the material depicts only the young person" is a child-only exemption, not the age of criminal responsibility', () => {
    const a = lint([
      'Section 124A Child sexual abuse material',
      '(1) Every person commits an offence who makes, distributes, or possesses child sexual abuse material.',
      'Section 124B Exceptions for young persons',
      '(1) A young person is not criminally responsible for an offence against section 124A(1) if the material depicts only the young person and the young person made or possesses it for his or her own private use.',
      '(2) In this section, young person means a person under the age of 18 years.',
    ].join('\n'));
    const e = exemptions(a)[0];
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(!e.criminalResponsibilityAge);
    assert.equal(status(a, 'II-5'), 'not-applicable');
  });

  test('« deux mineurs … s\'échangent, de leur plein gré, des images les représentant » is a child-only sharing exemption', () => {
    const a = lint([
      'Art. 417/44',
      'Est puni de la réclusion de cinq ans à dix ans quiconque produit, diffuse ou transmet du matériel d\'abus sexuel de mineurs.',
      'Art. 417/46',
      'Il n\'y a pas d\'infraction lorsque deux mineurs ayant atteint l\'âge de la majorité sexuelle s\'échangent, de leur plein gré, des images les représentant, pour leur usage privé.',
    ].join('\n'), { name: 'proposition.txt' });
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('consent'));
    assert.equal(status(a, 'II-8'), 'partial');
  });

  test('education on the risks of sharing intimate images counts even where the provision does not name children', () => {
    const a = lint([
      'Art. 417/44',
      'Est puni de la réclusion de cinq ans à dix ans quiconque produit ou diffuse du matériel d\'abus sexuel de mineurs.',
      'Art. 417/48',
      'Les Communautés organisent, dans l\'enseignement, des programmes d\'éducation à la vie relationnelle, affective et sexuelle comportant une information sur les risques liés au partage d\'images intimes.',
    ].join('\n'), { name: 'proposition.txt' });
    assert.equal(status(a, 'II-7'), 'met');
  });

  test('« Las disposiciones de este artículo no se aplicarán a la persona menor de dieciocho años … imágenes de sí misma »', () => {
    const a = lint([
      'Artículo 189',
      '2. El que posea material de abuso sexual infantil será castigado con la pena de tres meses a un año de prisión.',
      '3. Las disposiciones de este artículo no se aplicarán a la persona menor de dieciocho años que posea imágenes de sí misma para su uso personal.',
    ].join('\n'), { name: 'borrador.txt' });
    const [e] = exemptions(a);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
  });
});

describe('German negated subjects and Australian defences', () => {
  test('„Kein Kind und kein Jugendlicher wird nach Absatz 3 bestraft, wenn … ausschließlich die Person selbst zeigt“', () => {
    const a = lint([
      '§ 184b Kinderpornographische Inhalte',
      '(3) Wer einen kinderpornographischen Inhalt besitzt, wird mit Freiheitsstrafe von einem Jahr bis zu fünf Jahren bestraft.',
      '(5) Kein Kind und kein Jugendlicher wird nach Absatz 3 bestraft, wenn es sich um einen Inhalt handelt, der ausschließlich die Person selbst zeigt und zum eigenen Gebrauch hergestellt wurde.',
    ].join('\n'), { name: 'entwurf.txt' });
    const [e] = exemptions(a);
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
    assert.ok(e.exemption!.conduct.has('possess'), 'the conduct of Absatz 3');
  });

  test('"if the material depicts only the person and the person was under 18" (Commonwealth style)', () => {
    const a = lint([
      'Section 474.22A Possessing child abuse material',
      '(1) A person commits an offence if the person has possession of material that is child abuse material.',
      'Section 474.24B Defence—material depicting only the defendant',
      '(1) A person is not criminally responsible for an offence against section 474.22A if the material depicts only the person and the person was under 18 at the time of the conduct.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(e.exemption!.conditions.has('ownImages'));
    assert.equal(status(a, 'II-5'), 'not-applicable');
  });
});

describe('II-9: the offences a last-resort rule cites', () => {
  test('« les infractions prévues aux articles 3 à 5 » includes article 4 (distribution)', () => {
    const a = lint([
      'Article 3',
      'Est punie de cinq à dix ans d\'emprisonnement toute personne qui produit du matériel d\'abus sexuel d\'enfants.',
      'Article 4',
      'Est punie des mêmes peines toute personne qui diffuse ou transmet du matériel d\'abus sexuel d\'enfants.',
      'Article 5',
      'Est punie de deux à cinq ans d\'emprisonnement toute personne qui détient du matériel d\'abus sexuel d\'enfants.',
      'Article 8',
      'Les poursuites pénales contre un enfant pour l\'une des infractions prévues aux articles 3 à 5 ne sont engagées qu\'en dernier recours, lorsque les mesures éducatives se révèlent insuffisantes.',
    ].join('\n'), { name: 'loi.txt' });
    assert.equal(status(a, 'II-9'), 'met');
  });

  test('a last-resort rule for the possession offence only is partial (section 5 cited, distribution in section 4)', () => {
    const a = lint([
      'Section 4',
      '(1) A person who distributes child sexual abuse material commits an offence.',
      'Section 5',
      '(1) A person who possesses child sexual abuse material commits an offence.',
      'Section 6',
      '(1) Proceedings against a child for an offence under section 5 shall be brought only as a last resort, where educational measures are insufficient.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'partial');
  });
});

describe('French references to alinéas', () => {
  test('« Les faits prévus au premier alinéa ne sont pas punissables … » takes the conduct of the first alinéa', () => {
    const a = lint([
      'Article 227-23',
      'Le fait de détenir l\'image ou la représentation d\'un mineur lorsque cette image présente un caractère pornographique est puni de deux ans d\'emprisonnement.',
      'Le fait de diffuser une telle image est puni de cinq ans d\'emprisonnement.',
      'Les faits prévus au premier alinéa ne sont pas punissables lorsqu\'ils sont commis par un mineur à l\'égard d\'une image le représentant.',
    ].join('\n'), { name: 'proposition.txt' });
    const [e] = exemptions(a);
    assert.ok(e);
    assert.ok(e.exemption!.conduct.has('possess'));
    assert.ok(!e.exemption!.conduct.has('share'));
    assert.equal(e.exemption!.beneficiary, 'child');
  });

  test('« L\'alinéa précédent ne s\'applique pas lorsque … contrainte » is a condition of the exemption before it', () => {
    const a = lint([
      'Article 227-23',
      'Le fait de détenir l\'image ou la représentation d\'un mineur lorsque cette image présente un caractère pornographique est puni de deux ans d\'emprisonnement.',
      'N\'est pas punissable le mineur qui détient une image le représentant, réalisée par lui-même pour son usage privé.',
      'L\'alinéa précédent ne s\'applique pas lorsque l\'image a été obtenue par contrainte ou menace.',
    ].join('\n'), { name: 'proposition.txt' });
    const list = exemptions(a);
    assert.equal(list.length, 1);
    assert.ok(list[0].exemption!.conditions.has('noAbuse'));
  });
});

describe('negated acts, depicted minors and paragraphes', () => {
  test('"if the minor has not distributed the depiction" is a condition, not sharing the exemption covers', () => {
    const a = lint([
      'Section 10 Child sexual abuse material',
      '(1) A person who knowingly produces, distributes or possesses child sexual abuse material commits an offence.',
      '(2) This section does not apply to a minor who possesses a visual depiction of himself or herself, if the minor has not distributed the depiction to any other person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'child');
    assert.ok(!e.exemption!.conduct.has('share'));
    assert.equal(status(a, 'II-8'), 'partial');
  });

  test('« Quedará exento de pena quien posea imágenes de un menor que … »: the minor is the one depicted', () => {
    const a = lint([
      'Artículo 189',
      '2. El que posea material de abuso sexual infantil será castigado con la pena de tres meses a un año de prisión.',
      '4. Quedará exento de pena quien posea imágenes de un menor que haya alcanzado la edad de consentimiento sexual, con su consentimiento, cuando sea una persona próxima al menor por edad y grado de desarrollo o madurez y no haya mediado abuso, violencia o intimidación.',
    ].join('\n'), { name: 'borrador.txt' });
    const [e] = exemptions(a);
    assert.equal(e.exemption!.beneficiary, 'anyone');
    assert.equal(status(a, 'II-5'), 'met');
  });

  test('« Nul ne peut être déclaré coupable d\'une infraction prévue au paragraphe (4) … s\'il était âgé de moins de dix-huit ans » (Code criminel)', () => {
    const a = lint([
      '163.1 (4) Quiconque a en sa possession du matériel d\'abus et d\'exploitation pédosexuels est coupable d\'un acte criminel passible d\'un emprisonnement maximal de dix ans.',
      '(6.1) Nul ne peut être déclaré coupable d\'une infraction prévue au paragraphe (4) à l\'égard d\'une représentation qui le représente seul, s\'il était âgé de moins de dix-huit ans et qu\'il la détient exclusivement pour son usage personnel.',
      '(6.2) Nul ne peut être déclaré coupable d\'une infraction prévue au paragraphe (4) s\'il démontre que la personne représentée avait atteint l\'âge du consentement, qu\'elle a consenti à la détention, que l\'écart d\'âge n\'excède pas deux ans et qu\'il n\'y a eu ni exploitation ni contrainte.',
    ].join('\n'), { name: 'code.txt' });
    const list = exemptions(a);
    assert.equal(list.length, 2);
    assert.equal(list[0].exemption!.beneficiary, 'child');
    assert.equal(list[1].exemption!.beneficiary, 'anyone');
    assert.ok(list[1].material, 'an exemption from the offence of paragraphe (4) concerns the material');
  });
});

describe('paragraph numbers as drafted in Belgium (§ 1er, articles 417/46)', () => {
  const BE = [
    'Art. 417/46',
    'Sera puni de la réclusion de cinq ans à dix ans quiconque aura diffusé, transmis ou rendu disponible du matériel d\'abus sexuels de mineurs.',
    'Art. 417/47',
    'Sera puni d\'un emprisonnement d\'un an à cinq ans quiconque aura sciemment détenu du matériel d\'abus sexuels de mineurs.',
    'Art. 417/47/1',
    '§ 1er. Les articles 417/46 et 417/47 ne s\'appliquent pas au mineur qui détient du matériel le représentant, pour son usage privé.',
    '§ 2. Le paragraphe 1er ne s\'applique pas lorsque le matériel a été obtenu par la contrainte ou la menace.',
    '§ 3. Les poursuites à l\'encontre d\'un mineur du chef des infractions visées aux articles 417/46 et 417/47 ne sont exercées qu\'en dernier recours, lorsque les mesures d\'éducation se sont révélées insuffisantes.',
  ].join('\n');

  test('« Le paragraphe 1er ne s\'applique pas lorsque … contrainte » is a condition of § 1er, and « § 2. » is not a citation of article 2', () => {
    const a = lint(BE, { name: 'proposition.txt' });
    const list = exemptions(a);
    assert.equal(list.length, 1);
    assert.ok(list[0].exemption!.conditions.has('noAbuse'));
  });

  test('a last-resort rule citing « articles 417/46 et 417/47 » covers the distribution of article 417/46', () => {
    const a = lint(BE, { name: 'proposition.txt' });
    assert.equal(status(a, 'II-9'), 'met');
  });
});

describe('possession defences open to anyone, paragraph lists, presumptions of incapacity', () => {
  test('an affirmative defence for destroying images promptly covers passive receipt and is adult-capable with no II-5 condition (18 U.S.C. § 2252A(d) style)', () => {
    const a = lint([
      'Sec. 2252A. Certain activities relating to material constituting or containing child pornography',
      '(1) Any person who knowingly possesses any child pornography shall be fined under this title or imprisoned not more than 10 years, or both.',
      '(4) It shall be an affirmative defense to a charge of violating subsection (1) that the defendant—',
      '    (1) possessed less than three images of child pornography; and',
      '    (2) promptly and in good faith took reasonable steps to destroy each such image.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'missing');
    assert.equal(status(a, 'II-6'), 'partial');
  });

  test('"subsection (2) or (4)" cites both paragraphs', () => {
    const a = lint([
      'Section 163.1',
      '(2) Every person who makes any child sexual abuse material is guilty of an indictable offence.',
      '(4) Every person who possesses any child sexual abuse material is guilty of an indictable offence.',
      '(6.1) No person who is under the age of eighteen years shall be convicted of an offence under subsection (2) or (4) in respect of child sexual abuse material that depicts only that person.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e.exemption!.conduct.has('possess'));
    assert.ok(e.exemption!.conduct.has('produce'));
  });

  test('« Les mineurs de moins de treize ans sont présumés ne pas être capables de discernement » is the age of criminal responsibility', () => {
    const a = lint([
      'Article 227-23',
      'Le fait de détenir l\'image d\'un mineur présentant un caractère pornographique est puni de deux ans d\'emprisonnement.',
      'Article L. 11-1',
      'Les mineurs de moins de treize ans sont présumés ne pas être capables de discernement.',
    ].join('\n'), { name: 'projet.txt' });
    assert.ok(a.reading.units.some((u) => u.criminalResponsibilityAge));
    assert.equal(status(a, 'II-6'), 'partial');
  });

  test('"with the partner\'s consent" is the consent of the person depicted', () => {
    const a = lint([
      'Article 240b',
      '1. A person who possesses an image of a sexual nature involving a person who has not yet reached the age of eighteen years shall be liable to a term of imprisonment not exceeding four years.',
      '3. Not punishable under paragraph 1 is the person who possesses an image as referred to in paragraph 1 of his or her partner, where the partner has reached the age of sexual consent, the image was made with the partner\'s consent, exclusively for the private use of the persons involved.',
    ].join('\n'));
    const e = exemptions(a)[0].exemption!;
    assert.ok(e.conditions.has('consentOfDepicted'));
  });
});

describe('II-7: education in the draft\'s provisions only', () => {
  test('a title « relatif à la prévention et à la répression » is no education measure', () => {
    const a = lint([
      'Projet de loi organique relatif à la prévention et à la répression de l\'exploitation sexuelle des enfants au moyen des technologies de l\'information',
      '',
      'Article 3',
      'Est puni de cinq ans d\'emprisonnement quiconque produit ou diffuse du matériel d\'abus sexuel d\'enfants.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-7'), 'missing');
  });

  test('an article on education in schools about online risks counts', () => {
    const a = lint([
      'Article 3',
      'Est puni de cinq ans d\'emprisonnement quiconque produit ou diffuse du matériel d\'abus sexuel d\'enfants.',
      'Article 9',
      'L\'État veille à ce que les élèves reçoivent une éducation à la vie affective et sexuelle comportant une information sur les risques liés au partage d\'images intimes.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-7'), 'met');
  });
});

describe('"that" after "prove" is no relative clause on the material', () => {
  test('"it is a defence for a child to prove that he or she sent the photograph only to another child …" covers sharing', () => {
    const a = lint([
      'Section 1 — Indecent images of children',
      '(1) A person commits an offence if he or she distributes or possesses an indecent photograph of a child.',
      '(2) It is a defence for a child charged with an offence under subsection (1) to prove that he or she sent a photograph of himself or herself only to another child, voluntarily and for that child\'s private use.',
    ].join('\n'));
    const [e] = exemptions(a);
    assert.ok(e.exemption!.conduct.has('share'));
    assert.equal(status(a, 'II-8'), 'met');
  });
});

describe('an offence and its exemption in one paragraph', () => {
  test('"(1) A person commits … possesses … . A minor does not violate this subsection if …" is both an offence and a child-only exemption', () => {
    const a = lint([
      'Section 847.0141 Sexting; prohibited acts; penalties',
      '(1) A person commits an offense if he or she knowingly possesses child sexual abuse material. A minor does not violate this subsection if all of the following apply:',
      '1. The minor did not solicit the photograph or video.',
      '2. The minor did not transmit or distribute the photograph or video to a third party.',
    ].join('\n'));
    const u = a.reading.units.find((x) => x.exemption)!;
    assert.ok(u.csamOffence, 'the offence in the first sentence stays an offence');
    assert.equal(u.exemption!.beneficiary, 'child');
    assert.ok(u.exemption!.conditions.has('passive'));
    assert.ok(!u.exemption!.conduct.has('share'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
    assert.equal(status(a, 'II-6'), 'partial');
  });

  test('a paragraph that opens with the exemption is only an exemption', () => {
    const a = lint([
      'Section 2',
      '(1) A person who possesses child sexual abuse material commits an offence.',
      '(2) A child does not commit an offence under subsection (1) in respect of material depicting only himself or herself.',
    ].join('\n'));
    const u = a.reading.units.find((x) => x.exemption)!;
    assert.ok(!u.csamOffence);
  });
});

describe('II-9: a noncriminal response in lieu of court', () => {
  test('"In lieu of appearing in court, the minor may … participate in a cyber-safety program" is a diversion without the last-resort principle', () => {
    const a = lint([
      'Section 847.0141 Sexting',
      '(1) A minor commits an offense if he or she knowingly distributes child sexual abuse material to another minor.',
      '(3) A minor who violates subsection (1) commits a noncriminal violation for a first violation. In lieu of appearing in court, the minor may complete 8 hours of community service work or participate in a cyber-safety program.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'partial');
  });
});

describe('more negative forms of the offence', () => {
  for (const [name, line, file] of [
    ['"shall not be taken to have committed an offence"', '(2) A child shall not be taken to have committed an offence under subsection (1) in respect of an image of himself or herself.', 'draft.txt'],
    ['« l\'action publique ne peut être exercée »', 'L\'action publique ne peut être exercée contre le mineur qui détient une image le représentant, réalisée par lui-même.', 'projet.txt'],
    ['« no será objeto de persecución penal »', 'El menor que posea imágenes de sí mismo para su uso privado no será objeto de persecución penal.', 'borrador.txt'],
  ] as const) {
    test(`${name} is an exemption`, () => {
      const offence = file === 'draft.txt'
        ? 'Section 5\n(1) A person who possesses child sexual abuse material commits an offence.'
        : file === 'projet.txt'
          ? 'Article 227-23\nLe fait de détenir l\'image d\'un mineur présentant un caractère pornographique est puni de deux ans d\'emprisonnement.'
          : 'Artículo 189\n2. El que posea material de abuso sexual infantil será castigado con la pena de tres meses a un año de prisión.';
      const a = lint(`${offence}\n${line}`, { name: file });
      const [e] = exemptions(a);
      assert.ok(e, name);
      assert.equal(e.exemption!.beneficiary, 'child');
      assert.ok(e.exemption!.conditions.has('ownImages'));
    });
  }
});

test('a draft read without provisions keeps its education paragraph', () => {
  const a = lint([
    'A person who produces or distributes child sexual abuse material commits an offence.',
    '',
    'Schools shall provide pupils with education on the risks of sharing intimate images online.',
  ].join('\n'));
  assert.equal(status(a, 'II-7'), 'met');
});

describe('US state codes', () => {
  const ALASKA = [
    'Sec. 11.61.125. Distribution of child sexual abuse material.',
    '(a) A person commits the crime of distribution of child sexual abuse material if the person knowingly distributes any child sexual abuse material.',
    'Sec. 11.61.127. Possession of child sexual abuse material.',
    '(a) A person commits the crime of possession of child sexual abuse material if the person knowingly possesses child sexual abuse material.',
    '(c) It is an affirmative defense to a prosecution under (a) of this section that the visual depiction depicts only a minor who was 16 years of age or older, being the age at which the minor may consent to sexual penetration, and that the minor knowingly and voluntarily provided the visual depiction to the defendant.',
  ].join('\n');

  test('"depicts only a minor who was 16 years of age or older" is the minor depicted: the defence is open to any defendant', () => {
    const a = lint(ALASKA);
    const e = exemptions(a).find((u) => u.exemption!.conditions.has('ageOfConsent'));
    assert.ok(e);
    assert.equal(e.exemption!.beneficiary, 'anyone');
  });

  test('a last-resort rule for "a violation of AS 11.61.127" (possession) does not cover distribution', () => {
    const a = lint([
      ALASKA,
      'Sec. 47.12.060. Diversion.',
      '(d) A minor alleged to have committed a violation of AS 11.61.127 may not be the subject of a petition for adjudication unless diversion measures are insufficient; the filing of a petition shall be a measure of last resort.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'partial');
  });
});

test('"A person who has not attained the age of 18 does not commit an offence …" is a child exemption, not the age of criminal responsibility', () => {
  const a = lint([
    'Section 1',
    '(1) It is an offence for a person to have an indecent photograph of a child in his or her possession.',
    'Section 2',
    '(1) A person who has not attained the age of 18 does not commit an offence under section 1.',
  ].join('\n'));
  assert.ok(!a.reading.units.some((u) => u.criminalResponsibilityAge));
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, status } from '../helpers/analyse';

// Drafting features of real statutes that the diagnosis corpora under-represented: each test is
// written as a legislature would write it, in more than one tradition.

describe('closing words after a list of points', () => {
  test('"Any person who— (a) …; (d) … [no stop]" then "shall be guilty of an offence" is one offence', () => {
    const a = lint([
      'Section 160A Indecent images of children',
      '',
      '(1) Any person who—',
      '',
      '(a) takes or makes any indecent photograph of a child;',
      '',
      '(b) distributes or shows such an indecent photograph; or',
      '',
      '(c) offers such an indecent photograph for acquisition by another person',
      '',
      'shall be guilty of an offence and is liable to imprisonment for a term not exceeding 10 years.',
      '',
      '(2) It is an offence for a person to have any indecent photograph of a child in his possession.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'met');
  });

  test('« Quiconque : 1° … 2° … [sans point] » puis « est puni de … » est une seule infraction', () => {
    const a = lint([
      'Art. 175',
      '',
      '(5) Quiconque :',
      '',
      '1° fixe, enregistre ou produit une image à caractère pornographique d\'un mineur ;',
      '',
      '2° diffuse ou transmet une telle image',
      '',
      'est puni de cinq ans d\'emprisonnement et de 75 000 euros d\'amende.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'met');
  });
});

describe('simulated conduct written as "depicted as engaged in"', () => {
  const OFFENCE_EN = '(2) Every person who makes, distributes or possesses child sexual abuse material is guilty of an indictable offence and liable to imprisonment for a term of not more than 14 years.';
  test('"is engaged in or is depicted as engaged in explicit sexual activity" covers simulated conduct', () => {
    const a = lint([
      '163.1 (1) In this section, child sexual abuse material means',
      '(a) a photographic, film, video or other visual representation, whether or not it was made by electronic or mechanical means,',
      '(i) that shows a person who is or is depicted as being under the age of eighteen years and is engaged in or is depicted as engaged in explicit sexual activity, or',
      '(ii) the dominant characteristic of which is the depiction, for a sexual purpose, of a sexual organ or the anal region of a person under the age of eighteen years;',
      OFFENCE_EN,
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
  });

  test('« se livrant ou présentée comme se livrant à une activité sexuelle explicite » couvre le comportement simulé', () => {
    const a = lint([
      '163.1 (1) Au présent article, matériel d\'abus et d\'exploitation pédosexuels s\'entend de toute représentation photographique, filmée, vidéo ou autre :',
      '(i) soit où figure une personne âgée de moins de dix-huit ans se livrant ou présentée comme se livrant à une activité sexuelle explicite,',
      '(ii) soit dont la caractéristique dominante est la représentation, à des fins sexuelles, d\'organes sexuels d\'une personne âgée de moins de dix-huit ans.',
      '(2) Quiconque produit, diffuse ou a en sa possession du matériel d\'abus et d\'exploitation pédosexuels est puni d\'un emprisonnement maximal de quatorze ans.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-3'), 'met');
  });
});

describe('luring by telecommunication, with the purpose clause after the person', () => {
  test('"Every person commits an offence who, by a means of telecommunication, communicates with (a) a person … under the age of 18 years, for the purpose of facilitating …"', () => {
    const a = lint([
      'Luring a child',
      '',
      '172.1 (1) Every person commits an offence who, by a means of telecommunication, communicates with',
      '',
      '(a) a person who is, or who the accused believes is, under the age of 18 years, for the purpose of facilitating the commission of an offence with respect to that person under section 163.1; or',
      '',
      '(b) a person who is, or who the accused believes is, under the age of 16 years, for the purpose of facilitating the commission of an offence under section 151 with respect to that person.',
      '',
      '(2) Every person who commits an offence under subsection (1) is liable to imprisonment for a term of not more than 14 years.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('« Commet une infraction quiconque communique par un moyen de télécommunication avec une personne âgée de moins de dix-huit ans en vue de faciliter … »', () => {
    const a = lint([
      'Leurre',
      '',
      '172.1 (1) Commet une infraction quiconque communique par un moyen de télécommunication avec :',
      '',
      'a) une personne âgée ou que l\'accusé croit âgée de moins de dix-huit ans, en vue de faciliter la perpétration à son égard d\'une infraction visée à l\'article 163.1;',
      '',
      '(2) Quiconque commet l\'infraction visée au paragraphe (1) est passible d\'un emprisonnement maximal de quatorze ans.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-10'), 'met');
  });
});

describe('making available and accessing with the object between the words', () => {
  test('"uses a carriage service to make material available" offers, it does not produce; "to access material" is access', () => {
    const a = lint([
      '474.19 Using a carriage service for child sexual abuse material',
      '',
      '(1) A person commits an offence if:',
      '',
      '(a) the person:',
      '',
      '(i) uses a carriage service to access material; or',
      '',
      '(ii) uses a carriage service to make material available; and',
      '',
      '(b) the material is child sexual abuse material.',
      '',
      'Penalty: Imprisonment for 15 years.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(b)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(a)'), 'missing');
  });

  test('« met à la disposition d\'autrui » est offrir ou rendre disponible', () => {
    const a = lint([
      'Art. 227-23',
      'Le fait de consulter ou de mettre à la disposition d\'autrui, par quelque moyen que ce soit, une image ou une représentation d\'un mineur à caractère pornographique est puni de cinq ans d\'emprisonnement.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'Art. 20(1)(b)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(f)'), 'met');
  });
});

describe('soliciting the material itself is procuring it', () => {
  test('« Le fait pour un majeur de solliciter auprès d\'un mineur la diffusion ou la transmission d\'images … dudit mineur est puni de … » procure le matériel', () => {
    const a = lint([
      'Article 3',
      '',
      'Après l\'article 227-23 du code pénal, il est inséré un article 227-23-1 ainsi rédigé :',
      '« Art. 227-23-1. - Le fait pour un majeur de solliciter auprès d\'un mineur la diffusion ou la transmission d\'images, vidéos ou représentations à caractère pornographique dudit mineur est puni de sept ans d\'emprisonnement et de 100 000 euros d\'amende. »',
    ].join('\n'), { name: 'loi.txt' });
    assert.equal(status(a, 'Art. 20(1)(d)'), 'met');
    // The sending is the child's; the offender is not punished for distributing.
    assert.equal(status(a, 'Art. 20(1)(c)'), 'missing');
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('"A person who solicits a child to send him an indecent photograph of the child commits an offence" procures the material', () => {
    const a = lint([
      'Section 15B Soliciting indecent images from a child',
      '(1) An adult who, by means of electronic communication, solicits a child to send him an indecent photograph of that child commits an offence and is liable to imprisonment for a term not exceeding 7 years.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(d)'), 'met');
    assert.equal(status(a, 'Art. 20(1)(c)'), 'missing');
  });

  test('soliciting a child with a view to obtaining images is grooming, not an offence of procuring', () => {
    const a = lint([
      'Art. 227-22-1. – Le fait pour un majeur de solliciter un mineur par un moyen de communication électronique en vue d\'obtenir de lui des images à caractère sexuel, qu\'une rencontre ait été proposée ou non, est puni de cinq ans d\'emprisonnement.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-10'), 'met');
    assert.equal(status(a, 'Art. 20(1)(d)'), 'not-applicable');
  });
});

describe('a glossary of a directive or regulation is no offence', () => {
  test('"For the purposes of this Directive, the following definitions apply: … it is prohibited to …" defines the material', () => {
    const a = lint([
      'Article 2',
      'Definitions',
      'For the purposes of this Directive, the following definitions apply:',
      '(a) \'child\' means any person below the age of 18 years;',
      '(b) \'age of sexual consent\' means the age below which, in accordance with national law, it is prohibited to engage in sexual activities with a child;',
      '(c) \'child sexual abuse material\' means:',
      '(i) any material that visually depicts a child engaged in real or simulated sexually explicit conduct;',
      '(ii) any depiction of the sexual organs of a child for primarily sexual purposes;',
      'Article 5',
      '2. Acquisition or possession of child sexual abuse material shall be punishable by a maximum term of imprisonment of at least 1 year.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'met');
  });

  test('« Aux fins de la présente directive, on entend par : … il est interdit de … » définit le matériel', () => {
    const a = lint([
      'Article 2',
      'Définitions',
      'Aux fins de la présente directive, on entend par :',
      'a) « enfant », toute personne âgée de moins de dix-huit ans ;',
      'b) « âge de la majorité sexuelle », l\'âge en dessous duquel il est interdit, conformément au droit national, de se livrer à des activités sexuelles avec un enfant ;',
      'c) « matériel d\'abus sexuel sur enfant » : i) tout matériel représentant de manière visuelle un enfant se livrant à un comportement sexuellement explicite réel ou simulé ; ii) toute représentation des organes sexuels d\'un enfant à des fins principalement sexuelles ;',
      'Article 5',
      '2. L\'acquisition ou la détention de matériel d\'abus sexuel sur enfant est passible d\'une peine maximale d\'au moins un an d\'emprisonnement.',
    ].join('\n'), { name: 'directive.txt' });
    assert.equal(status(a, 'II-3'), 'met');
  });
});

describe('the children a material "involves" are those depicted, unless they are the ones who act', () => {
  test('"material involving children who have reached the age of sexual consent … for the private use of the persons involved" is open to adults', () => {
    const a = lint([
      'Section 160A',
      '(1) A person who produces or possesses child sexual abuse material commits an offence and is liable to imprisonment for a term not exceeding 5 years.',
      '(2) Subsection (1) does not apply to the production or possession of material involving children who have reached the age of sexual consent where that material is produced and possessed with the consent of those children and only for the private use of the persons involved.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'partial');
  });

  test('« matériel impliquant des mineurs qui ont atteint l\'âge de la majorité sexuelle … des personnes concernées » profite aussi aux majeurs', () => {
    const a = lint([
      'Art. 227-23',
      'Le fait de produire ou de détenir du matériel d\'abus sexuel sur enfant est puni de cinq ans d\'emprisonnement.',
      'Les dispositions du premier alinéa ne s\'appliquent pas à la production ou à la détention de matériel impliquant des mineurs qui ont atteint l\'âge de la majorité sexuelle, lorsque ce matériel est produit et détenu avec leur consentement et uniquement pour l\'usage privé des personnes concernées.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-5'), 'partial');
  });

  test('« … impliquant des mineurs qui … produites et détenues par eux … pour leur usage privé » reste réservé aux mineurs', () => {
    const a = lint([
      'Art. 227-23',
      'Le fait de produire ou de détenir du matériel d\'abus sexuel sur enfant est puni de cinq ans d\'emprisonnement.',
      'Les dispositions du premier alinéa ne s\'appliquent pas à la production et à la détention de matériel impliquant des mineurs qui ont atteint l\'âge de la majorité sexuelle, lorsque ces images sont produites et détenues par eux, avec leur consentement et uniquement pour leur usage privé.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-5'), 'not-applicable');
  });
});

describe('a grooming offence aggravated by coercion is no sexual extortion', () => {
  test('« … proponga concertar un encuentro con el mismo … mediante coacción, intimidación o engaño »: "el mismo" is the child met, not images of himself', () => {
    const a = lint([
      'Título VIII. Delitos contra la libertad sexual',
      '',
      'Artículo 183.',
      '1. El que a través de internet, del teléfono o de cualquier otra tecnología de la información y la comunicación contacte con un menor de dieciséis años y proponga concertar un encuentro con el mismo a fin de cometer cualquiera de los delitos descritos en los artículos 181 y 189, siempre que tal propuesta se acompañe de actos materiales encaminados al acercamiento, será castigado con la pena de uno a tres años de prisión. Las penas se impondrán en su mitad superior cuando el acercamiento se obtenga mediante coacción, intimidación o engaño.',
    ].join('\n'), { name: 'codigo.txt' });
    assert.equal(status(a, 'II-11'), 'missing');
    assert.equal(status(a, 'II-12'), 'missing');
  });

  test('"… proposes to meet the child … the penalty is increased where the meeting is obtained by coercion" (en) and « … par contrainte » (fr)', () => {
    const en = lint([
      'Section 15A Meeting a child following sexual grooming',
      '(1) A person who, by means of electronic communication, communicates with a child and proposes to meet the child for the purpose of committing a sexual offence against him commits an offence and is liable to imprisonment for a term not exceeding 3 years. The penalty is increased to 5 years where the meeting is obtained by coercion, intimidation or deceit.',
    ].join('\n'));
    assert.equal(status(en, 'II-11'), 'missing');
    const fr = lint([
      'Art. 227-22-1',
      'Le fait pour un majeur de faire des propositions sexuelles à un mineur de quinze ans en utilisant un moyen de communication électronique et de lui proposer une rencontre est puni de deux ans d\'emprisonnement. Les peines sont portées à cinq ans lorsque la rencontre a été obtenue par contrainte ou intimidation.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(fr, 'II-11'), 'missing');
  });
});

describe('a purpose condition after "or" narrows the verbs after it', () => {
  test('„herstellt oder zum Zweck der Verbreitung einführt, befördert oder ausführt“ (§ 207a style): making is not narrowed', () => {
    const a = lint([
      'Pornographische Darstellungen mit Unmündigen',
      '',
      '§ 207a. (1) Wer eine pornographische Darstellung einer unmündigen Person',
      '',
      '1. herstellt oder zum Zweck der Verbreitung einführt, befördert oder ausführt oder',
      '',
      '2. einem anderen anbietet, verschafft, überläßt oder sonst zugänglich macht,',
      '',
      'ist mit Freiheitsstrafe bis zu zwei Jahren zu bestrafen.',
    ].join('\n'), { name: 'entwurf.txt' });
    assert.equal(status(a, 'Art. 20(1)(a)'), 'met');
  });

  test('"makes, or for the purpose of distribution imports, an indecent photograph of a child" (en): making is not narrowed; « habituellement ou en contrepartie d\'un paiement » still narrows consulting (fr)', () => {
    const en = lint([
      'Section 160A',
      '(1) A person who makes, or for the purpose of distribution imports, any indecent photograph of a child commits an offence and is liable to imprisonment for a term not exceeding 10 years.',
    ].join('\n'));
    assert.equal(status(en, 'Art. 20(1)(a)'), 'met');
    const fr = lint([
      'Art. 227-23',
      'Le fait de consulter habituellement ou en contrepartie d\'un paiement un service de communication au public en ligne mettant à disposition une image ou représentation d\'un mineur à caractère pornographique, ou de détenir une telle image, est puni de cinq ans d\'emprisonnement.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(fr, 'Art. 20(1)(f)'), 'partial');
    assert.equal(status(fr, 'Art. 20(1)(e)'), 'met');
  });
});

describe('a definition inside the offence that first names the material', () => {
  test('„…; kinderpornographisch ist ein pornographischer Inhalt, wenn er zum Gegenstand hat:“ (§ 184b style) is a definition', () => {
    const a = lint([
      '§ 184b Verbreitung, Erwerb und Besitz kinderpornographischer Inhalte',
      '(1) Mit Freiheitsstrafe von einem Jahr bis zu zehn Jahren wird bestraft, wer',
      '1. einen kinderpornographischen Inhalt verbreitet oder der Öffentlichkeit zugänglich macht; kinderpornographisch ist ein pornographischer Inhalt, wenn er zum Gegenstand hat:',
      'a) sexuelle Handlungen von, an oder vor einer Person unter vierzehn Jahren (Kind),',
      'b) die Wiedergabe eines ganz oder teilweise unbekleideten Kindes in aufreizend geschlechtsbetonter Körperhaltung oder',
      'c) die sexuell aufreizende Wiedergabe der unbekleideten Genitalien oder des unbekleideten Gesäßes eines Kindes,',
      '2. einen kinderpornographischen Inhalt herstellt.',
    ].join('\n'), { name: 'entwurf.txt' });
    assert.notEqual(status(a, 'II-3'), 'missing');
  });

  test('"…; child sexual abuse material means …" (en) and « … ; le matériel d\'abus sexuel sur enfant s\'entend de … » (fr) inside the offence', () => {
    const en = lint([
      'Section 160A',
      '(1) A person who distributes or possesses child sexual abuse material commits an offence; child sexual abuse material means any visual depiction of a child engaged in real or simulated sexually explicit conduct.',
    ].join('\n'));
    assert.notEqual(status(en, 'II-3'), 'missing');
    const fr = lint([
      'Art. 227-23',
      'Le fait de diffuser ou de détenir du matériel d\'abus sexuel sur enfant est puni de cinq ans d\'emprisonnement ; le matériel d\'abus sexuel sur enfant s\'entend de toute représentation visuelle d\'un mineur se livrant à un comportement sexuellement explicite réel ou simulé.',
    ].join('\n'), { name: 'projet.txt' });
    assert.notEqual(status(fr, 'II-3'), 'missing');
  });
});

describe('"references to … include" extends the material; it does not define it', () => {
  test('"In this section, references to an indecent pseudo-photograph include— (a) a copy …" is no definition (en)', () => {
    const a = lint([
      '52 Indecent photographs etc. of children.',
      '(1) It is an offence for a person to have any indecent photograph or pseudo-photograph of a child in his possession.',
      '(2C) In this section, references to an indecent pseudo-photograph include—',
      '(a) a copy of an indecent pseudo-photograph;',
      '(b) data stored on a computer disc or by other electronic means which is capable of conversion into a pseudo-photograph.',
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'missing');
  });

  test('« Au sens du présent article, les références à une photographie indécente d\'un enfant comprennent : a) sa copie … » n\'est pas une définition (fr)', () => {
    const a = lint([
      'Art. 52',
      '(1) Le fait de détenir une photographie indécente d\'un enfant est puni de cinq ans d\'emprisonnement.',
      '(2) Au sens du présent article, les références à une photographie indécente d\'un enfant comprennent :',
      'a) une copie d\'une telle photographie ;',
      'b) les données stockées sur un support informatique pouvant être converties en une telle photographie.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'II-3'), 'missing');
  });
});

describe('an intention that is an element of its own narrows every act of the offence', () => {
  test('"(c) the person has that possession or control, or engages in that production, … with the intention that the material be used …" (Criminal Code Act 1995 style)', () => {
    const a = lint([
      '474.20 Possessing or producing child sexual abuse material for use through a carriage service',
      '',
      '(1) A person commits an offence if:',
      '',
      '(a) the person:',
      '',
      '(i) has possession or control of material; or',
      '',
      '(ii) produces, supplies or obtains material; and',
      '',
      '(b) the material is child sexual abuse material; and',
      '',
      '(c) the person has that possession or control, or engages in that production, supply or obtaining, with the intention that the material be used by that person or another person in committing an offence against section 474.19.',
      '',
      'Penalty: Imprisonment for 15 years.',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(a)'), 'partial');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
  });

  test('« Commet une infraction la personne qui : a) produit ou détient une image … ; et b) la personne produit ou détient cette image en vue de sa diffusion »', () => {
    const a = lint([
      'Art. 175',
      '',
      '(5) Commet une infraction punie de cinq ans d\'emprisonnement la personne qui remplit les conditions suivantes :',
      '',
      'a) elle produit ou détient une image ou représentation d\'un mineur à caractère pornographique ; et',
      '',
      'b) la personne produit ou détient cette image en vue de sa diffusion.',
    ].join('\n'), { name: 'projet.txt' });
    assert.equal(status(a, 'Art. 20(1)(a)'), 'partial');
    assert.equal(status(a, 'Art. 20(1)(e)'), 'partial');
  });
});

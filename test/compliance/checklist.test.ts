import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../server/src/core/analyse';
import { lint, status } from '../helpers/analyse';

function statuses(a: Analysis, ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, status(a, id)]));
}
const ALL = ['II-1', 'II-2', 'II-3', 'II-4', 'II-5', 'II-6', 'II-7', 'II-8', 'II-9', 'II-10', 'II-11', 'II-12'];

const POSSESSION_OFFENCE = [
  'Section 160A — Possession of child sexual abuse material',
  '(1) A person who possesses child sexual abuse material commits an offence and is liable to imprisonment for a term not exceeding 5 years.',
].join('\n');

describe('the checklist on drafts that do not concern these offences', () => {
  test('a road traffic amendment is not applicable everywhere, never missing', () => {
    const a = lint([
      'Road Traffic (Amendment) Act',
      '1  Speed limits',
      '(1) A person who drives a motor vehicle at a speed exceeding the limit commits an offence.',
      '(2) Images from speed cameras may be used as evidence.',
    ].join('\n'));
    for (const r of [...a.checklist.recommendations, ...a.checklist.convention]) assert.equal(r.status, 'not-applicable', r.id);
    assert.equal(a.checklist.recommendations.length, 12);
    assert.equal(a.checklist.convention.length, 6);
  });

  test('quoting Article 20 in a preamble does not make a draft an offence provision', () => {
    const a = lint([
      'Explanatory memorandum',
      'Article 20(1) of the Convention reads as follows:',
      'a. producing child pornography;',
      'e. possessing child pornography;',
    ].join('\n'));
    assert.equal(status(a, 'Art. 20(1)(e)'), 'not-applicable');
    assert.equal(status(a, 'II-6'), 'not-applicable');
  });
});

describe('II-6: a child is not prosecuted for possessing self-generated images', () => {
  test('a possession offence with no exemption: missing, with the diagnostic on the offence and a model clause', () => {
    const a = lint(POSSESSION_OFFENCE);
    assert.equal(status(a, 'II-6'), 'missing');
    const f = a.findings.find((x) => x.check === 'II-6')!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Criminalises possession of child sexual abuse material but no provision exempts a child’s own self-generated images kept for private use; .* \(Recommendation II-6, Request\)\.$/);
    assert.equal(a.source.original.slice(f.range.start, f.range.end), '(1) A person who possesses child sexual abuse material commits an offence and is liable to imprisonment for a term not exceeding 5 years.');
    assert.ok(f.insertion);
    assert.match(f.insertion.text, /^\n\nSection 160B — /);
    assert.equal(f.insertion.at, a.source.original.length);
  });

  test('Republika Srpska Article 175(5): own images and images shared between the children, but not passive receipt', () => {
    const a = lint([
      'Article 175',
      'Exploitation of a child for pornography',
      '(1) Whoever records a child for the production of pornographic material, or possesses such material, shall be punished by imprisonment for a term between one and five years.',
      '(5) The child shall not be punished for production or possession of self-generated sexually explicit images and/or videos involving him/her personally or him/her and another child if they were self-generated and consensually possessed for their own use exclusively.',
    ].join('\n'));
    assert.equal(status(a, 'II-6'), 'partial');
    const r = a.checklist.recommendations.find((x) => x.id === 'II-6')!;
    assert.match(r.explanation, /images a child received passively/);
    assert.doesNotMatch(r.explanation, /own self-generated images kept/);
    assert.ok(r.evidence.some((e) => e.provision === 'Article 175(5)'));
  });

  test('exemptions in a separate article, all three situations: met', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '',
      'Section 160F — Children',
      '(1) A child does not commit an offence under section 160A by possessing an image of himself or herself kept for his or her own private use.',
      '(2) A child does not commit an offence under section 160A by possessing a self-generated image of another child held with the informed consent of the child depicted.',
      '(3) A child who receives such an image passively, without actively asking for it, does not commit an offence under section 160A.',
    ].join('\n'));
    assert.equal(status(a, 'II-6'), 'met');
    assert.equal(a.findings.filter((f) => f.check === 'II-6').length, 0);
  });

  test('relying on the age of sexual consent alone covers children only in part', () => {
    const a = lint([POSSESSION_OFFENCE, '(2) Subsection (1) does not apply to a child who has reached the age of 16 and possesses an image of himself or herself with his or her consent.'].join('\n'));
    assert.equal(status(a, 'II-6'), 'partial');
    assert.match(a.checklist.recommendations[5].explanation, /only for children above the age of sexual consent/);
  });

  test('relying on the age of criminal responsibility alone: partial, naming the children left out', () => {
    const a = lint([POSSESSION_OFFENCE, '', 'Section 3 — Age of criminal responsibility', 'No child under the age of 14 years shall be held criminally responsible for any offence.'].join('\n'), {
      settings: { jurisdiction: { ageOfCriminalResponsibility: 14, ageOfSexualConsent: 16, maxAgeDifference: null } },
    });
    assert.equal(status(a, 'II-6'), 'partial');
    assert.match(a.checklist.recommendations[5].explanation, /only through the age of criminal responsibility; children aged 14 to 17 are not covered/);
  });
});

describe('II-5: conditions on any exemption open to adults', () => {
  test('Sweden Chapter 16 section 10 b: similar age and development, but no consent, age of consent or no-abuse condition', () => {
    const a = lint([
      'Section 10 a',
      'A person who depicts a child in a pornographic picture, or who possesses such a picture, shall be sentenced for child pornography offence to imprisonment for at most two years.',
      'Section 10 b',
      'The prohibitions in section 10 a on the depiction and possession of a pornographic picture do not apply to a person who produces such a picture, if the difference in age and development between the child and the person who produces the picture is minor and the circumstances otherwise do not warrant the person being convicted of a crime.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'missing');
    const f = a.findings.find((x) => x.check === 'II-5')!;
    assert.equal(f.severity, 'error', 'Require is an error');
    assert.match(f.message, /does not require that the child depicted has reached the legal age for sexual activities; the consent of the child depicted; that the production and possession involved no abuse \(Recommendation II-5, Require\)/);
    assert.doesNotMatch(f.message, /similar age/);
  });

  test('an exemption with all four conditions: met', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '(2) It is a defence for a person charged under subsection (1) to prove that the child depicted had reached the age of sexual consent and consented to the possession, that the difference in age between them is not more than 3 years, and that the production and possession involved no abuse, coercion or exploitation.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'met');
  });

  test('an exemption limited to children, or a defence for the police, is not an exemption for adults', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '(2) No offence is committed by a child who possesses an image of himself or herself.',
      '(3) It is a defence for a person to prove that he or she had a legitimate reason for possessing the material, such as the prevention, detection or investigation of crime.',
    ].join('\n'));
    assert.equal(status(a, 'II-5'), 'not-applicable');
  });
});

describe('II-8 and II-9: sharing', () => {
  test('Austria’s 2016 amendment: consensual sharing between consenting children is not punishable', () => {
    const a = lint([
      '§ 207a. Pornographic depictions of minors',
      '(1) Whoever produces, offers, distributes or possesses a pornographic depiction of a minor shall be punished by imprisonment of up to three years.',
      '(5) A minor who produces or possesses a pornographic depiction of himself or herself, or shares it with another minor with that minor’s consent for their own use, shall not be punished. Sharing with persons other than those participating and consenting in the exchange remains punishable.',
    ].join('\n'));
    assert.equal(status(a, 'II-8'), 'met');
  });

  test('an own-images exemption that is silent on sharing: II-8 partial', () => {
    const a = lint([
      'Article 5',
      '(1) A person who distributes or possesses child sexual abuse material shall be punished.',
      '(2) A child shall not be prosecuted for producing or possessing images of himself or herself for his or her own private use.',
    ].join('\n'));
    assert.equal(status(a, 'II-8'), 'partial');
    assert.equal(status(a, 'II-9'), 'missing');
  });

  test('children passing on other children’s images are prosecuted only as a last resort', () => {
    const a = lint([
      'Article 5',
      '(1) A person who distributes or transmits child sexual abuse material shall be punished.',
      '(2) A child who distributes or transmits self-generated images of another child shall be prosecuted only as a last resort, where educational measures are insufficient.',
    ].join('\n'));
    assert.equal(status(a, 'II-9'), 'met');
  });
});

describe('II-10 to II-12: grooming and sexual extortion', () => {
  test('grooming that requires a meeting (Article 23 of the Convention): partial, diagnostic on the offence', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '',
      'Section 15 — Meeting a child following sexual grooming',
      'A person aged 18 or over who, through information and communication technologies, proposes to meet a child for the purpose of committing a sexual offence, where the proposal has been followed by material acts leading to such a meeting, commits an offence.',
    ].join('\n'));
    assert.equal(status(a, 'II-10'), 'partial');
    const f = a.findings.find((x) => x.check === 'II-10')!;
    assert.equal(f.severity, 'information');
    assert.match(f.message, /requires a meeting or acts towards one.*\(Recommendation II-10, Invite\)/);
  });

  test('grooming whether or not a meeting takes place: met', () => {
    const a = lint([POSSESSION_OFFENCE, '', 'Section 15 — Solicitation of children', 'A person who solicits a child for sexual purposes by means of electronic communications commits an offence, whether or not a meeting is proposed or takes place.'].join('\n'));
    assert.equal(status(a, 'II-10'), 'met');
  });

  test('sexual extortion: a specific offence for any gain, prosecuted ex officio', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '',
      'Section 16 — Sexual extortion of a child',
      '(1) A person who threatens to disclose a sexual image of a child in order to obtain further images, sexual acts, money or any other advantage from that child commits an offence.',
      '(2) Proceedings for an offence under this section do not require a complaint by the victim.',
    ].join('\n'));
    assert.deepEqual(statuses(a, ['II-11', 'II-12']), { 'II-11': 'met', 'II-12': 'met' });
  });

  test('sexual extortion for money only, prosecuted on complaint: both partial', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '',
      'Section 16 — Sexual extortion of a child',
      '(1) A person who threatens to disclose a sexual image of a child in order to obtain money commits an offence.',
      '(2) The offence under subsection (1) is prosecuted only on complaint of the victim.',
    ].join('\n'));
    assert.deepEqual(statuses(a, ['II-11', 'II-12']), { 'II-11': 'partial', 'II-12': 'partial' });
  });

  test('sexual extortion that names no gain: partial, and the explanation says no gain is named', () => {
    const a = lint([
      POSSESSION_OFFENCE,
      '',
      'Section 16 — Sexual extortion of a child',
      '(1) A person who threatens a child to disclose an indecent photograph of that child commits an offence and is liable to imprisonment for 10 years.',
    ].join('\n'));
    const r = a.checklist.recommendations.find((x) => x.id === 'II-11')!;
    assert.equal(r.status, 'partial');
    assert.match(r.explanation, /names no gain/);
    assert.doesNotMatch(r.explanation, /—/);
  });
});

describe('II-3 and II-4: the definition', () => {
  test('a definition without simulated conduct or the sexual-organs limb: partial', () => {
    const a = lint([
      '1  Interpretation',
      '(1) In this Act—',
      '    “child sexual abuse material” means any photograph or film that visually depicts a child engaged in sexually explicit conduct;',
      '',
      POSSESSION_OFFENCE,
    ].join('\n'));
    assert.equal(status(a, 'II-3'), 'partial');
    assert.match(a.checklist.recommendations[2].explanation, /simulated conduct.*sexual organs/);
    assert.equal(status(a, 'II-4'), 'missing');
  });

  test('Article 20(2)’s elements and audio or written material: met', () => {
    const a = lint([
      'Article 1',
      '“Child sexual abuse material” means any material that visually depicts a child engaged in real or simulated sexually explicit conduct, any depiction of a child’s sexual organs for primarily sexual purposes, and any audio recording or written material representing a child engaged in sexual activity.',
      'Article 2',
      'A person who possesses child sexual abuse material shall be punished.',
    ].join('\n'));
    assert.deepEqual(statuses(a, ['II-3', 'II-4']), { 'II-3': 'met', 'II-4': 'met' });
  });
});

describe('Article 20(1), act by act', () => {
  test('possession only with intent to distribute, access not at all', () => {
    const a = lint('Article 4\nA person who produces child sexual abuse material, or possesses it with intent to distribute it, shall be punished.');
    assert.deepEqual(statuses(a, ['Art. 20(1)(a)', 'Art. 20(1)(e)', 'Art. 20(1)(f)']), { 'Art. 20(1)(a)': 'met', 'Art. 20(1)(e)': 'partial', 'Art. 20(1)(f)': 'missing' });
    const f = a.findings.find((x) => x.check === 'Art. 20(1)(f)')!;
    assert.equal(f.severity, 'error');
    assert.match(f.message, /does not criminalise knowingly obtaining access to child sexual abuse material through ICT \(Art\. 20\(1\)\(f\) of the Lanzarote Convention, Require\)/);
  });

  test('a French code: « consulter habituellement » is access only with a narrowing condition', () => {
    const a = lint([
      'Article 227-23',
      "Le fait de fixer, d'enregistrer ou de transmettre l'image ou la représentation d'un mineur lorsque cette image ou cette représentation présente un caractère pornographique est puni de cinq ans d'emprisonnement.",
      "Le fait d'offrir, de rendre disponible ou de diffuser une telle image ou représentation est puni des mêmes peines.",
      "Le fait de consulter habituellement un service mettant à disposition une telle image ou représentation, ou de détenir une telle image ou représentation, est puni de cinq ans d'emprisonnement.",
    ].join('\n'));
    assert.equal(a.language, 'fr');
    assert.deepEqual(statuses(a, ['Art. 20(1)(a)', 'Art. 20(1)(b)', 'Art. 20(1)(c)', 'Art. 20(1)(e)', 'Art. 20(1)(f)']), {
      'Art. 20(1)(a)': 'met', 'Art. 20(1)(b)': 'met', 'Art. 20(1)(c)': 'met', 'Art. 20(1)(e)': 'met', 'Art. 20(1)(f)': 'partial',
    });
    assert.equal(status(a, 'II-6'), 'missing');
    assert.match(a.checklist.recommendations[5].evidence[0].provision, /^Article 227-23/);
  });
});

describe('II-1: the draft’s own wording', () => {
  test('deprecated terms only in quotations: met', () => {
    const a = lint(['This Act transposes Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography.', POSSESSION_OFFENCE].join('\n'));
    assert.equal(status(a, 'II-1'), 'met');
  });
  test('both wordings in the draft’s own provisions: partial', () => {
    const a = lint([POSSESSION_OFFENCE, '(2) A person who distributes child pornography commits an offence.'].join('\n'));
    assert.equal(status(a, 'II-1'), 'partial');
  });
  test('silencing II-6 on the offence line removes its diagnostic but not its status', () => {
    const a = lint(['Section 160A — Possession', 'lanzarote-disable-next-line II-6 -- the exemptions are in the Children Act 2001', '(1) A person who possesses child sexual abuse material commits an offence.'].join('\n'));
    assert.equal(status(a, 'II-6'), 'missing');
    assert.equal(a.findings.filter((f) => f.check === 'II-6').length, 0);
  });
});

test('every one of the twelve recommendations and six acts is always present, in order', () => {
  const a = lint(POSSESSION_OFFENCE);
  assert.deepEqual(a.checklist.recommendations.map((r) => r.id), ALL);
  assert.deepEqual(a.checklist.convention.map((r) => r.id), ['Art. 20(1)(a)', 'Art. 20(1)(b)', 'Art. 20(1)(c)', 'Art. 20(1)(d)', 'Art. 20(1)(e)', 'Art. 20(1)(f)']);
});

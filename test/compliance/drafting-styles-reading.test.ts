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

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../server/src/core/analyse';
import { lint } from '../helpers/analyse';

// Drafting features of real statutes that the diagnosis corpora under-represented: each test is
// written as a legislature would write it, in more than one tradition.

function status(a: Analysis, id: string): string {
  const r = [...a.checklist.recommendations, ...a.checklist.convention].find((x) => x.id === id);
  assert.ok(r, `no check ${id}`);
  return r.status;
}

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

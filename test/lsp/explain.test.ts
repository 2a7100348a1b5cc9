/**
 * The pure presentation helpers the server (and any front end) uses: references found in text,
 * and the Markdown that explains a recommendation, a Convention provision or a finding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleExcerpt, explainArticle, explainFinding, explainRecommendation, officialUrl, recommendationPage } from '../../server/src/core/explain';
import { CONVENTION_SOURCE, RECOMMENDATIONS, URGENCIES, recommendation } from '../../server/src/core/recommendations';
import { checkLabel, findReferences, parseArticleKey, referenceAt } from '../../server/src/core/references';
import { lint } from '../helpers/analyse';

const found = (text: string) => findReferences(text).map((r) => [text.slice(r.range.start, r.range.end), r.kind === 'recommendation' ? r.id : [r.article, r.paragraph, r.point]]);

describe('references in drafting text', () => {
  test('recommendations, with or without the word, in English and French', () => {
    assert.deepEqual(found('See Recommendation II-6 and II-10; Recommandation II-5.'), [
      ['Recommendation II-6', 'II-6'],
      ['II-10', 'II-10'],
      ['Recommandation II-5', 'II-5'],
    ]);
  });

  test('Convention articles in the styles drafters use', () => {
    assert.deepEqual(found('Article 20(1)(e) of the Convention'), [['Article 20(1)(e) of the Convention', ['20', '1', 'e']]]);
    assert.deepEqual(found('Art. 23 of the Lanzarote Convention'), [['Art. 23 of the Lanzarote Convention', ['23', undefined, undefined]]]);
    assert.deepEqual(found('Article 20, paragraph 1.e of the Lanzarote Convention'), [['Article 20, paragraph 1.e of the Lanzarote Convention', ['20', '1', 'e']]]);
    assert.deepEqual(found('l’article 20, paragraphe 1, e) de la Convention de Lanzarote'), [['article 20, paragraphe 1, e) de la Convention de Lanzarote', ['20', '1', 'e']]]);
    assert.deepEqual(found('Lanzarote Convention, Article 20(2)'), [['Lanzarote Convention, Article 20(2)', ['20', '2', undefined]]]);
    assert.deepEqual(found('in accordance with Article 20(2) Lanzarote Convention.'), [['Article 20(2) Lanzarote Convention', ['20', '2', undefined]]]);
  });

  test('what is not a reference: the draft’s own articles, other conventions, II-13, Part II 6', () => {
    assert.deepEqual(found('Article 20 of this Act applies.'), []);
    assert.deepEqual(found('Article 3 of the Convention on the Rights of the Child'), []);
    assert.deepEqual(found('Recommendation II-13, Part II 6, Title III-1'), []);
  });

  test('referenceAt finds the reference under a position, at either end', () => {
    const text = 'This gives effect to Article 20(1)(e) of the Convention.';
    const start = text.indexOf('Article');
    const end = text.indexOf('.', start + 20);
    assert.equal(referenceAt(text, start)?.kind, 'article');
    assert.equal(referenceAt(text, end)?.kind, 'article');
    assert.equal(referenceAt(text, start - 2), undefined);
  });

  test('check ids and labels', () => {
    assert.deepEqual(parseArticleKey('Art. 20(1)(e)'), { article: '20', paragraph: '1', point: 'e' });
    assert.equal(checkLabel('Art. 20(1)(e)', 'en'), 'Article 20(1)(e)');
    assert.equal(checkLabel('II-6', 'fr'), 'Recommandation II-6');
    assert.equal(officialUrl('Art. 20(1)(f)'), CONVENTION_SOURCE.url);
    assert.equal(officialUrl('II-9'), recommendation('II-9')!.source.url);
  });
});

describe('explanations', () => {
  test('every recommendation: id, urgency word and meaning, lead and wording verbatim, source link', () => {
    for (const rec of RECOMMENDATIONS) {
      const md = explainRecommendation(rec.id, 'en')!;
      const u = URGENCIES[rec.urgency];
      assert.ok(md.startsWith(`**Recommendation ${rec.id}** · ${u.word} — `), rec.id);
      assert.ok(md.includes(`**${u.word}**: ${u.meaning.replace(/;$/, '')}`), `${rec.id} meaning`);
      assert.ok(md.includes(`> ${rec.lead}`), `${rec.id} lead`);
      for (const w of rec.wording) assert.ok(md.includes(w), `${rec.id} wording: ${w}`);
      assert.ok(md.includes(`(${rec.source.url})`), `${rec.id} source`);
    }
  });

  test('the page of a recommendation quotes the Convention articles it rests on', () => {
    const page = recommendationPage('II-6', 'en')!;
    assert.match(page, /^# Recommendation II-6 — /);
    assert.ok(page.includes('### Article 20(1)(a) — Offences concerning child pornography'));
    assert.ok(page.includes('> a) producing child pornography;'));
    assert.ok(page.includes('> e) possessing child pornography;'));
    assert.ok(page.includes('## Committee opinion'));
    assert.equal(recommendationPage('II-13', 'en'), undefined);
  });

  test('a Convention point comes with the opening words of its paragraph; dashes stay with their point', () => {
    assert.deepEqual(articleExcerpt({ article: '20', paragraph: '1', point: 'f' })!.lines, [
      '1. Each Party shall take the necessary legislative or other measures to ensure that the following intentional conduct, when committed without right, is criminalised:',
      '…',
      'f) knowingly obtaining access, through information and communication technologies, to child pornography.',
    ]);
    const b = articleExcerpt({ article: '18', paragraph: '1', point: 'b' })!.lines;
    assert.equal(b.length, 6);
    assert.ok(b[5].startsWith('– abuse is made of a particularly vulnerable situation'));
    assert.equal(articleExcerpt({ article: '23' })!.lines.length, 1);
    assert.match(explainArticle({ article: '24' }, 'en'), /not in this tool’s catalogue/);
  });

  test('a finding: the term, the preferred wording, what else to consider, then the recommendation', () => {
    const a = lint('A person who possesses child pornography commits an offence.');
    const md = explainFinding(a.findings.find((f) => f.term)!, 'en')!;
    assert.match(md, /^\*\*“child pornography”\*\*\n\nPreferred wording: \*\*“child sexual abuse material”\*\*\n\nAlso to consider: “child sexual exploitation material”\n\nA quick fix rewrites it\.\n\n---\n\n\*\*Recommendation II-1\*\*/);
  });

  test('French fixed text around the English official wording', () => {
    const md = explainRecommendation('II-5', 'fr')!;
    assert.match(md, /^\*\*Recommandation II-5\*\* · Exigence/);
    assert.ok(md.includes(`**Exigence** (*Require*): ${URGENCIES.require.meaning.replace(/;$/, '')}`));
    assert.match(md, /\*\(texte officiel cité en anglais\)\*/);
  });

  test('Markdown in the user’s own text is shown as written, not interpreted', () => {
    const a = lint('the *kiddy porn* [link](x) clause');
    const md = explainFinding(a.findings.find((f) => f.term)!, 'en')!;
    assert.match(md, /^\*\*“kiddy porn”\*\*/);
  });
});

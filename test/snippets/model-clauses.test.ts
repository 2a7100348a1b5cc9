import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import snippets from '../../snippets/model-clauses.json';
import { MODEL_CLAUSES, clauseById, clausesFor, expandClause, parseSnippet, type ModelClause } from '../../server/src/core/clauses';
import { detectLanguage } from '../../server/src/core/language';
import { URGENCIES, recommendation } from '../../server/src/core/recommendations';
import { lint } from '../helpers/analyse';

const root = join(__dirname, '..', '..');
const raw = snippets as Record<string, { prefix: unknown; body: unknown; description: unknown }>;
const label = (c: ModelClause) => `${c.id} (${c.prefix})`;
const en = MODEL_CLAUSES.filter((c) => c.language === 'en');
const fr = MODEL_CLAUSES.filter((c) => c.language === 'fr');

/** Every recommendation that calls for a provision, with its parts. II-1 is about wording only. */
const EXPECTED = ['II-2', 'II-3', 'II-4', 'II-5', 'II-6a', 'II-6b', 'II-6c', 'II-7', 'II-8', 'II-9', 'II-10', 'II-11', 'II-12'];
const slot = (c: ModelClause) => `${c.recommendation}${c.part ?? ''}`;

describe('snippets/model-clauses.json', () => {
  test('is a VS Code snippets file: prefix, body lines and description for every entry', () => {
    assert.ok(Object.keys(raw).length > 0);
    for (const [key, s] of Object.entries(raw)) {
      assert.equal(typeof s.prefix, 'string', `${key}: prefix`);
      assert.ok(Array.isArray(s.body) && s.body.length > 1 && s.body.every((l) => typeof l === 'string'), `${key}: body`);
      assert.equal(typeof s.description, 'string', `${key}: description`);
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${key}: no other properties`);
    }
  });

  test('every entry is loaded as a model clause (keys name recommendation, part and title)', () => {
    assert.equal(MODEL_CLAUSES.length, Object.keys(raw).length);
    for (const key of Object.keys(raw)) {
      assert.match(key, /^II-\d{1,2}[a-z]? \S.*\S$/, key);
    }
    for (const c of fr) assert.ok(Object.hasOwn(raw, `${c.recommendation}${c.part ?? ''} ${c.title} (FR)`), `${label(c)} key ends with (FR)`);
    for (const c of en) assert.ok(Object.hasOwn(raw, `${c.recommendation}${c.part ?? ''} ${c.title}`), `${label(c)} key`);
  });
});

describe('model clauses', () => {
  test('every body parses as a snippet, with tab stops 1..n and the heading number as ${1:…}', () => {
    for (const c of MODEL_CLAUSES) {
      const r = parseSnippet(c.body);
      assert.ok(r.ok, `${label(c)}: ${r.ok ? '' : `${r.error} at ${r.offset}`}`);
      const n = r.tabstops.length;
      assert.deepEqual(r.tabstops, Array.from({ length: n }, (_, i) => i + 1), `${label(c)}: tab stops are 1..${n}`);
      const heading = c.body.split('\n')[0];
      const pattern = c.language === 'en' ? /^Section \$\{1:X\} — \S/ : /^Article \$\{1:X\} – \S/;
      assert.match(heading, pattern, `${label(c)}: heading`);
    }
  });

  test('ids and prefixes are unique; prefixes start with lz- (English) or lz-fr- (French)', () => {
    const ids = MODEL_CLAUSES.map((c) => c.id);
    const prefixes = MODEL_CLAUSES.map((c) => c.prefix);
    assert.equal(new Set(ids).size, ids.length, 'ids unique');
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes unique');
    for (const c of en) assert.match(c.prefix, /^lz-(?!fr-)[a-z0-9]+(?:-[a-z0-9]+)*$/, label(c));
    for (const c of fr) assert.match(c.prefix, /^lz-fr-[a-z0-9]+(?:-[a-z0-9]+)*$/, label(c));
  });

  test('every clause cites an existing recommendation, and its description gives the catalogue urgency', () => {
    for (const c of MODEL_CLAUSES) {
      const rec = recommendation(c.recommendation);
      assert.ok(rec, `${label(c)}: ${c.recommendation} exists`);
      const m = /^Recomm[ae]ndation (II-\d{1,2}) \((Require|Request|Invite)\)\s?:\s\S/u.exec(c.description);
      assert.ok(m, `${label(c)}: description starts with "Recommendation II-n (Urgency): " — ${c.description}`);
      assert.equal(m[1], c.recommendation, `${label(c)}: description cites its own recommendation`);
      assert.equal(m[2], URGENCIES[rec.urgency].word, `${label(c)}: urgency of ${rec.id} is ${rec.urgency}`);
      assert.equal(c.description.startsWith('Recommandation'), c.language === 'fr', `${label(c)}: description language`);
    }
  });

  test('each recommendation that calls for a provision has a clause in English and in French', () => {
    assert.deepEqual([...new Set(en.map(slot))].sort(), [...EXPECTED].sort());
    assert.deepEqual([...new Set(fr.map(slot))].sort(), [...EXPECTED].sort());
  });

  test('every English clause has a French counterpart for the same recommendation and part, and vice versa', () => {
    for (const c of en) {
      const counterpart = fr.filter((f) => f.recommendation === c.recommendation && f.part === c.part);
      assert.equal(counterpart.length, 1, `${label(c)}: one French counterpart`);
      assert.equal(counterpart[0].id, c.id.replace(/-en$/, '-fr'));
      assert.equal(parseSnippetCount(counterpart[0]), parseSnippetCount(c), `${label(c)}: same number of tab stops in French`);
    }
    for (const c of fr) assert.ok(en.some((e) => e.recommendation === c.recommendation && e.part === c.part), `${label(c)}: English original`);
  });

  test('no clause uses deprecated terminology (child pornography and the like)', () => {
    const banned = [
      'child pornography', 'child porn', 'pornographic', 'pédopornographie', 'pédopornographique', 'pornographie enfantine',
      'pornographie infantile', 'sextortion', 'sextorsion', 'sexting', 'child prostitution', 'prostitution enfantine',
    ];
    for (const c of MODEL_CLAUSES) {
      const text = `${c.title}\n${c.description}\n${c.body}`.toLowerCase();
      for (const b of banned) assert.ok(!text.includes(b), `${label(c)} contains “${b}”`);
    }
  });

  test('the analyser raises no terminology finding on any expanded clause, and detects its language', () => {
    for (const c of MODEL_CLAUSES) {
      const text = expandClause(c, { number: '12' });
      assert.equal(detectLanguage(text), c.language, `${label(c)}: language`);
      const terms = lint(text, { name: 'clause.draft' }).findings.filter((f) => f.ruleId.startsWith('term/'));
      assert.deepEqual(terms.map((f) => f.message), [], label(c));
    }
  });

  test('wording is our own: no run of 8 words taken from the factsheet', () => {
    // Article 20(2)'s element is kept as a term of art on purpose (II-3 asks for a definition in
    // line with it); it counts as one word here, so the sentences around it must still be our own.
    const termOfArt = /engaged in real or simulated sexually explicit conduct/g;
    const words = (s: string) =>
      s.toLowerCase().normalize('NFKC').replace(termOfArt, 'ART20_2').replace(/[’']/g, "'").match(/[\p{L}\p{N}_']+/gu) ?? [];
    const grams = (ws: string[], n: number) => ws.slice(0, Math.max(0, ws.length - n + 1)).map((_, i) => ws.slice(i, i + n).join(' '));
    const factsheet = readFileSync(join(root, 'test', 'fixtures', 'reference', 'factsheet.txt'), 'utf8');
    const source = new Set(grams(words(factsheet), 8));
    for (const c of MODEL_CLAUSES) {
      const copied = grams(words(expandClause(c)), 8).filter((g) => source.has(g));
      assert.deepEqual(copied, [], `${label(c)} copies the factsheet`);
    }
  });

  test('text is clean: no tabs, no doubled or trailing spaces, French spacing before ; and :', () => {
    for (const c of MODEL_CLAUSES) {
      for (const line of c.body.split('\n')) {
        assert.ok(!/\t| {2}|\s$/.test(line), `${label(c)}: ${JSON.stringify(line)}`);
        if (c.language === 'fr') {
          assert.ok(!/[^\u00a0][;:](?:\s|$)/u.test(line.replace(/https?:\S+/g, '')), `${label(c)}: no-break space before ; or : — ${line}`);
          assert.ok(!line.includes('"'), `${label(c)}: guillemets, not straight quotes`);
        } else {
          assert.ok(!line.includes('"'), `${label(c)}: curly quotes, not straight quotes`);
        }
      }
    }
  });
});

function parseSnippetCount(c: ModelClause): number {
  const r = parseSnippet(c.body);
  return r.ok ? r.tabstops.length : -1;
}

/**
 * What each clause must say for the checklist to find the recommendation met (docs/compliance-model.md).
 * Checked on the expanded text, so placeholder defaults count as written.
 */
const ELEMENTS: Record<string, { en: RegExp[]; fr: RegExp[] }> = {
  'II-2': {
    en: [/self-generated image/, /not criminally liable/, /shall not be prosecuted/, /prosecuted only as a last resort/],
    fr: [/image autogénérée/, /n'est pas punissable/, /poursuites qu'en dernier recours/],
  },
  'II-3': {
    en: [
      /“child” means a person under the age of 18 years/, /“child sexual abuse material” means/, /depicts visually/,
      /real or simulated sexually explicit conduct/, /visual depiction of the sexual organs of a child/, /primarily sexual purposes/,
      /audio recording/, /written material/,
    ],
    fr: [
      /«\u00a0enfant\u00a0» toute personne âgée de moins de dix-huit ans/, /«\u00a0matériel d'abus sexuel d'enfants\u00a0»/,
      /représentant visuellement/, /comportement sexuellement explicite, réel ou simulé/, /représentation visuelle des organes sexuels d'un enfant/,
      /fins principalement sexuelles/, /enregistrement sonore/, /écrit/,
    ],
  },
  'II-4': {
    en: [/non-visual material/, /audio recording/, /written material/, /apply to non-visual material/],
    fr: [/matériel non visuel/, /enregistrement sonore/, /écrit/, /applicables au matériel non visuel/],
  },
  'II-5': {
    en: [
      /aged 18 years or over is not criminally liable/, /if, and only if/, /age of 16 years, being the age of consent/,
      /gave his or her consent/, /similar age and maturity/, /not more than 3 years/, /abuse, coercion/, /exploitation, payment/,
    ],
    fr: [
      /âgée de dix-huit ans au moins .* n'est pas punissable/, /si, et seulement si/, /l'âge de 16 ans, âge de la majorité sexuelle/,
      /a consenti/, /d'âge et de maturité comparables/, /n'excède pas 3 ans/, /abus, à une contrainte/, /exploitation, à un paiement/,
    ],
  },
  'II-6a': {
    en: [/A child who produces or possesses/, /of himself or herself, produced by himself or herself/, /solely for his or her own private use/, /shall not be prosecuted/, /every child, whatever his or her age/],
    fr: [/L'enfant qui réalise ou détient/, /de lui-même, qu'il a lui-même réalisée/, /exclusivement pour son usage privé/, /n'est pas punissable/, /tout enfant, quel que soit son âge/],
  },
  'II-6b': {
    en: [/A child who possesses/, /another child/, /informed consent/, /shall not be prosecuted/, /every child, whatever his or her age/],
    fr: [/L'enfant qui détient/, /autre enfant/, /consentement éclairé/, /n'est pas punissable/, /tout enfant, quel que soit son âge/],
  },
  'II-6c': {
    en: [/passively receives/, /without having asked for it/, /commits no offence/, /knowingly obtaining access/, /decides to keep it or passes it on/],
    fr: [/reçoit passivement/, /sans l'avoir demandée/, /n'est pas punissable/, /accès en connaissance de cause/, /décide de conserver .* ou la transmet/],
  },
  'II-7': {
    en: [/shall promote, as a priority/, /educational and awareness-raising measures/, /sexual development/, /risks/],
    fr: [/promeuvent en priorité/, /mesures d'éducation et de sensibilisation/, /développement sexuel/, /risques/],
  },
  'II-8': {
    en: [/sends, transmits or otherwise shares with another child/, /of himself or herself/, /commits no offence/, /voluntary and consensual/, /only for the private use of the children concerned/, /making it public; such conduct remains an offence/],
    fr: [/envoie, transmet ou partage .* avec un autre enfant/, /de lui-même/, /n'est pas punissable/, /volontaire et consenti/, /exclusivement à leur usage privé/, /rendre publique\u00a0; ces faits demeurent punissables/],
  },
  'II-9': {
    en: [/distributing or transmitting/, /another child/, /only as a last resort/, /educational, protective or restorative measures are insufficient/, /best interests of the child/],
    fr: [/diffusé ou transmis/, /autre enfant/, /qu'en dernier recours/, /mesures éducatives, de protection ou de justice restaurative sont insuffisantes/, /intérêt supérieur de l'enfant/],
  },
  'II-10': {
    en: [/commits an offence/, /information and communication technologies/, /solicits/, /produce, send or display/, /whether or not a meeting with the child is proposed, arranged or takes place/, /liable to imprisonment for a term not exceeding 5 years/],
    fr: [/solliciter intentionnellement un enfant/, /technologies de l'information et de la communication/, /réaliser, envoyer ou montrer/, /qu'une rencontre avec l'enfant ait été ou non proposée, organisée ou réalisée/, /est puni de cinq ans d'emprisonnement/],
  },
  'II-11': {
    en: [/commits an offence/, /threatens, forces or coerces a child by means of a sexual image or video depicting that child/, /threatening to disseminate/, /further sexual images or videos/, /sexual acts/, /money/, /any other advantage/, /ex officio/, /do not depend on a complaint by the victim/, /liable to imprisonment/],
    fr: [/menacer, de forcer ou de contraindre un enfant au moyen d'une image ou d'une vidéo sexuelle le représentant/, /menaçant de la diffuser/, /d'autres images ou vidéos sexuelles/, /actes sexuels/, /somme d'argent/, /tout autre avantage/, /d'office/, /n'est pas subordonnée à une plainte de la victime/, /est puni de dix ans d'emprisonnement/],
  },
  'II-12': {
    en: [/sexual extortion of a child/, /investigated and prosecuted ex officio/, /do not depend on a complaint/],
    fr: [/extorsion sexuelle d'un enfant/, /enquête et à poursuites d'office/, /n'est pas subordonné à une plainte/],
  },
};

describe('each clause carries what its recommendation asks for', () => {
  for (const [key, { en: enPatterns, fr: frPatterns }] of Object.entries(ELEMENTS)) {
    test(key, () => {
      for (const [language, patterns] of [['en', enPatterns], ['fr', frPatterns]] as const) {
        const clauses = clausesFor(key, language);
        assert.equal(clauses.length, 1, `${key} ${language}`);
        const text = expandClause(clauses[0]).replace(/\n/g, ' ');
        for (const p of patterns) assert.match(text, p, `${clauses[0].id}`);
      }
    });
  }

  test('the table covers every clause', () => {
    assert.deepEqual(Object.keys(ELEMENTS).sort(), [...EXPECTED].sort());
  });

  test('tab stops a drafter must adapt: age of consent 16 and age difference 3 in II-5', () => {
    for (const c of clausesFor('II-5')) {
      assert.match(c.body, /\$\{3:16\}/, c.id);
      assert.match(c.body, /\$\{4:3\}/, c.id);
    }
  });

  test('penalties are tab stops', () => {
    for (const c of [...clausesFor('II-10'), ...clausesFor('II-11')]) {
      assert.match(c.body, c.language === 'en' ? /not exceeding \$\{\d+:[^}]+\}/ : /est puni de \$\{\d+:[^}]+\} d'emprisonnement/, c.id);
    }
  });
});

describe('clause look-up', () => {
  test('clausesFor by recommendation, part and language', () => {
    assert.deepEqual(clausesFor('II-6').map((c) => c.id), ['II-6a-en', 'II-6a-fr', 'II-6b-en', 'II-6b-fr', 'II-6c-en', 'II-6c-fr']);
    assert.deepEqual(clausesFor('II-6', 'fr').map((c) => c.prefix), ['lz-fr-propres-images', 'lz-fr-detention-consentie', 'lz-fr-reception-passive']);
    assert.deepEqual(clausesFor('ii-6a', 'en').map((c) => c.prefix), ['lz-own-images']);
    assert.deepEqual(clausesFor('II-6(c)', 'en').map((c) => c.prefix), ['lz-passive-receipt']);
    assert.deepEqual(clausesFor('Recommendation II-10', 'en').map((c) => c.prefix), ['lz-grooming']);
    assert.deepEqual(clausesFor('II-1'), []);
    assert.deepEqual(clausesFor('II-13'), []);
    assert.deepEqual(clausesFor('nonsense'), []);
  });

  test('clauseById by id or by prefix', () => {
    assert.equal(clauseById('II-6a-fr')?.prefix, 'lz-fr-propres-images');
    assert.equal(clauseById('lz-own-images')?.id, 'II-6a-en');
    assert.equal(clauseById('II-3-en')?.title, 'Definition of child sexual abuse material (visual and non-visual)');
    assert.equal(clauseById('II-6a-fr')?.title, "Images autogénérées par l'enfant lui-même");
    assert.equal(clauseById('II-99-en'), undefined);
  });

  test('parts are set only where a recommendation is split', () => {
    for (const c of MODEL_CLAUSES) assert.equal(c.part !== undefined, c.recommendation === 'II-6', label(c));
  });

  test('the catalogue cannot be changed by callers', () => {
    assert.ok(Object.isFrozen(MODEL_CLAUSES));
    assert.ok(MODEL_CLAUSES.every((c) => Object.isFrozen(c)));
  });
});

describe('expanded clauses', () => {
  test('leave no snippet syntax behind and take the number in the heading', () => {
    for (const c of MODEL_CLAUSES) {
      const text = expandClause(c, { number: '160B' });
      assert.ok(!text.includes('$'), `${label(c)}: no $`);
      assert.ok(!text.includes('${'), `${label(c)}: no \${`);
      assert.ok(!/\\[$}\\]/.test(text), `${label(c)}: escapes resolved`);
      const heading = text.split('\n')[0];
      assert.ok(heading.startsWith(c.language === 'en' ? 'Section 160B — ' : 'Article 160B – '), `${label(c)}: ${heading}`);
      assert.equal(text.split('\n').length, c.body.split('\n').length, `${label(c)}: one line per body line`);
      assert.equal(expandClause(c).split('\n')[0].replace(' X ', ' 160B '), heading, `${label(c)}: default number is X`);
    }
  });

  test('use the requested line separator', () => {
    const c = clauseById('lz-own-images')!;
    const crlf = expandClause(c, { eol: '\r\n', number: '7' });
    assert.equal(crlf.split('\r\n').length, c.body.split('\n').length);
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.equal(crlf.replace(/\r\n/g, '\n'), expandClause(c, { number: '7' }));
  });

  test('mirrors repeat their placeholder: II-3 names the same Part twice', () => {
    const text = expandClause(clauseById('II-3-en')!);
    assert.match(text, /\(1\) In this Part, “child”/);
    assert.match(text, /\(2\) In this Part, “child sexual abuse material”/);
    const fr = expandClause(clauseById('II-3-fr')!);
    assert.match(fr, /2\. Au sens du présent titre, on entend/);
  });
});

// The DGESCO 2010 questionnaire, checked against its source (referentiel-dgesco-2010.md, section 3).
import { describe, it, expect } from 'vitest';
import { dgesco2010 } from '../../../src/referentiels/dgesco-2010';
import { ReferentielSchema, type Item, type Referentiel, type Section } from '../../../src/referentiels/kinds';

const doc: Referentiel = dgesco2010;
const sections: Section[] = doc.parts.flatMap((p) => p.sections);
const items: Item[] = sections.flatMap((s) => s.items);

function section(code: string): Section {
  const found = sections.find((s) => s.code === code);
  if (!found) throw new Error(`No section ${code}`);
  return found;
}

function item(id: string): Item {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`No item ${id}`);
  return found;
}

const usageSections = ['3.6.1', '3.6.2', '3.6.3', '3.6.4'];

describe('DGESCO 2010 référentiel', () => {
  it('is a valid référentiel document', () => {
    const result = ReferentielSchema.safeParse(dgesco2010);
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('is identified and titled as the source', () => {
    expect(doc.id).toBe('dgesco-2010');
    expect(doc.title).toBe('Référentiel collège ou lycée numérique');
    expect(doc.shortTitle).toBe('Référentiel DGESCO 2010');
    expect(doc.publisher).toContain('novembre 2010');
  });

  it('has the six parts of the questionnaire, 3.1 to 3.6', () => {
    expect(doc.parts.map((p) => [p.id, p.code])).toEqual([
      ['dgesco2010.3.1', '3.1'],
      ['dgesco2010.3.2', '3.2'],
      ['dgesco2010.3.3', '3.3'],
      ['dgesco2010.3.4', '3.4'],
      ['dgesco2010.3.5', '3.5'],
      ['dgesco2010.3.6', '3.6'],
    ]);
  });

  it('has the sections of the source, in order', () => {
    expect(sections.map((s) => s.code)).toEqual([
      '3.1',
      '3.2',
      '3.3.1',
      '3.3.2',
      '3.3.3',
      '3.3.4',
      '3.4.1',
      '3.4.2',
      '3.5.1',
      '3.5.2',
      '3.6.1',
      '3.6.2',
      '3.6.3',
      '3.6.4',
    ]);
  });

  it('gives every section an id made of its code', () => {
    for (const s of sections) expect(s.id).toBe(`dgesco2010.s${s.code}`);
  });

  it('has as many items per section as the source', () => {
    const counts = Object.fromEntries(sections.map((s) => [s.code, s.items.length]));
    expect(counts).toEqual({
      '3.1': 6,
      '3.2': 4,
      '3.3.1': 3,
      '3.3.2': 3,
      '3.3.3': 3,
      '3.3.4': 1,
      '3.4.1': 3,
      '3.4.2': 3,
      '3.5.1': 3,
      '3.5.2': 3,
      '3.6.1': 12,
      '3.6.2': 11,
      '3.6.3': 16,
      '3.6.4': 9,
    });
  });

  it('asks the five reference figures and the date in 3.1', () => {
    const reference = section('3.1').items;
    expect(reference.map((i) => (i.kind === 'reference-figure' ? i.figure : i.kind))).toEqual([
      'students',
      'divisions',
      'teachers',
      'rooms',
      'families',
      'date',
    ]);
    expect(item('dgesco2010.3.1.rooms').text).toBe("Nombre de salles d'enseignement utilisées");
    expect(item('dgesco2010.3.1.date').kind).toBe('date');
  });

  it('asks the four legal obligations of 3.2 as yes-no, the laws being context', () => {
    const legal = section('3.2');
    expect(legal.items.every((i) => i.kind === 'yes-no')).toBe(true);
    expect(legal.intro?.length).toBe(8);
    expect(legal.items.map((i) => i.group)).toEqual([
      undefined,
      "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
      "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
      "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
    ]);
  });

  it('asks the steering, support and pedagogical sections as yes-no statements', () => {
    for (const code of ['3.3.1', '3.3.2', '3.3.3', '3.4.1', '3.4.2', '3.5.1', '3.5.2']) {
      const s = section(code);
      expect(s.items.map((i) => i.kind)).toEqual(['yes-no', 'yes-no', 'yes-no']);
      expect(s.items.map((i) => i.id)).toEqual([1, 2, 3].map((n) => `dgesco2010.${code}.${n}`));
    }
  });

  it('asks the 3.3.4 matrix: 10 services by 3 statements', () => {
    const matrix = item('dgesco2010.3.3.4.matrix');
    if (matrix.kind !== 'service-matrix') throw new Error('3.3.4 is not a service matrix');
    expect(matrix.text).toBe('Pour chacun des services disponibles :');
    expect(matrix.services.map((s) => s.id)).toEqual([
      'internet',
      'competences',
      'espace-travail',
      'communication-asynchrone',
      'communication-temps-reel',
      'publication',
      'ent',
      'ressources',
      'reservation',
      'notes',
    ]);
    expect(matrix.statements).toHaveLength(3);
    expect(new Set(matrix.services.map((s) => s.id)).size).toBe(10);
    expect(new Set(matrix.statements.map((s) => s.id)).size).toBe(3);
  });

  describe('usages (3.6)', () => {
    it('introduces the usages part and each usage domain', () => {
      const usages = doc.parts.find((p) => p.code === '3.6');
      expect(usages?.intro).toHaveLength(2);
      for (const code of usageSections) expect(section(code).intro?.length ?? 0).toBeGreaterThan(0);
    });

    it('opens each domain with its headline usage counts, of the right population', () => {
      const headlines = Object.fromEntries(
        usageSections.map((code) => [
          code,
          section(code)
            .items.filter((i) => i.role === 'headline')
            .map((i) => (i.kind === 'usage-counts' ? i.of : `not usage-counts: ${i.kind}`)),
        ]),
      );
      expect(headlines).toEqual({
        '3.6.1': ['teachers'],
        '3.6.2': ['divisions', 'teachers'],
        '3.6.3': ['teachers'],
        '3.6.4': ['families'],
      });
    });

    it('puts the headline indicators first, then the context items', () => {
      for (const code of usageSections) {
        const roles = section(code).items.map((i) => i.role);
        const firstContext = roles.indexOf('context');
        expect(firstContext).toBeGreaterThan(0);
        expect(roles.slice(0, firstContext).every((r) => r === 'headline')).toBe(true);
        expect(roles.slice(firstContext).every((r) => r === 'context')).toBe(true);
      }
    });

    it('numbers headline items h1, h2 and context items a1, a2... in source order', () => {
      for (const code of usageSections) {
        const s = section(code);
        const headlines = s.items.filter((i) => i.role === 'headline');
        const context = s.items.filter((i) => i.role === 'context');
        expect(headlines.map((i) => i.id)).toEqual(headlines.map((_, n) => `dgesco2010.${code}.h${n + 1}`));
        expect(context.map((i) => i.id)).toEqual(context.map((_, n) => `dgesco2010.${code}.a${n + 1}`));
      }
    });

    it('gives a role only to the usage items', () => {
      const outside = sections.filter((s) => !usageSections.includes(s.code)).flatMap((s) => s.items);
      expect(outside.filter((i) => i.role !== undefined)).toEqual([]);
    });

    it('makes no item of the column headings "Indicateur(s)" and "Éléments d\'analyse"', () => {
      const headings = items.filter((i) => /^(indicateurs?|[ée]l[ée]ments d'analyse)$/i.test(i.text));
      expect(headings).toEqual([]);
    });

    it('asks the families which services they can reach as one checklist', () => {
      const services = item('dgesco2010.3.6.4.a6');
      if (services.kind !== 'checklist') throw new Error('3.6.4 services is not a checklist');
      expect(services.options.map((o) => o.label)).toEqual([
        'Actualité',
        'Carnet de notes',
        'Cahier de textes',
        'Formulaire de contact',
      ]);
    });

    it('asks the proportions of 3.6.3 as percentages', () => {
      const percentages = items.filter((i) => i.kind === 'percentage').map((i) => i.id);
      expect(percentages).toEqual(['dgesco2010.3.6.3.a13', 'dgesco2010.3.6.3.a14', 'dgesco2010.3.6.3.a15']);
    });
  });

  describe('counts', () => {
    const counts = items.filter((i) => i.kind === 'count');

    it('reads every count against the figure its wording names', () => {
      const expected = (text: string) =>
        /nombre d'enseignants/i.test(text)
          ? 'teachers'
          : /nombre d'élèves/i.test(text)
            ? 'students'
            : /nombre de divisions/i.test(text)
              ? 'divisions'
              : /nombre de salles/i.test(text)
                ? 'rooms'
                : undefined;
      for (const c of counts) expect([c.id, c.of]).toEqual([c.id, expected(c.text)]);
    });

    it('leaves the plain equipment counts without a reference figure', () => {
      expect(item('dgesco2010.3.6.1.a10')).toMatchObject({ kind: 'count', text: 'Nombre de vidéoprojecteurs mobiles' });
      expect(item('dgesco2010.3.6.1.a10')).not.toHaveProperty('of');
      expect(item('dgesco2010.3.6.2.a7')).not.toHaveProperty('of');
    });

    it('says for every count with a figure whether it can exceed it', () => {
      for (const c of counts) {
        if (c.kind !== 'count' || c.of === undefined) continue;
        expect([c.id, typeof c.bounded]).toEqual([c.id, 'boolean']);
      }
    });

    it('lets "divisions ou groupes" exceed the divisions, and explains why', () => {
      const groups = counts.filter((c) => c.text.includes('divisions ou groupes'));
      expect(groups).toHaveLength(2);
      for (const g of groups) {
        expect(g).toMatchObject({ of: 'divisions', bounded: false });
        expect(g.interpretation).toBeDefined();
      }
    });

    it('explains how the computer rooms relate to the teaching rooms', () => {
      const computerRooms = counts.filter((c) => c.text.includes('salles informatiques'));
      expect(computerRooms).toHaveLength(2);
      for (const r of computerRooms) expect(r.interpretation).toBeDefined();
    });

    it('asks the ENT question of every school, with its full wording', () => {
      expect(item('dgesco2010.3.6.1.a1')).toMatchObject({
        kind: 'count',
        of: 'teachers',
        text: "Si un Espace numérique de travail est disponible, quel est le nombre d'enseignants qui l'utilisent devant leurs élèves",
      });
      expect(item('dgesco2010.3.6.1.a1').askedIf).toBeUndefined();
    });
  });

  describe('ids and dependencies', () => {
    it('gives every item, section and part a unique id', () => {
      const ids = [...doc.parts.map((p) => p.id), ...sections.map((s) => s.id), ...items.map((i) => i.id)];
      expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
    });

    it('prefixes every item id with its section code', () => {
      for (const s of sections) {
        for (const i of s.items) expect(i.id.startsWith(`dgesco2010.${s.code}.`)).toBe(true);
      }
    });

    it('asks a "Si oui" question only after a yes-no item of the same section', () => {
      const dependent: string[] = [];
      for (const s of sections) {
        s.items.forEach((i, n) => {
          if (i.askedIf === undefined) return;
          dependent.push(i.id);
          const earlier = s.items.slice(0, n).find((e) => e.id === i.askedIf);
          expect([i.id, earlier?.kind]).toEqual([i.id, 'yes-no']);
        });
      }
      expect(dependent).toEqual(['dgesco2010.3.6.1.a3', 'dgesco2010.3.6.1.a5', 'dgesco2010.3.6.3.a5']);
    });

    it('keeps "Si oui," in the wording of every dependent question', () => {
      for (const i of items) expect([i.id, i.text.startsWith('Si oui,')]).toEqual([i.id, i.askedIf !== undefined]);
    });
  });

  describe('wording', () => {
    it('drops the answer placeholders left by the extraction', () => {
      for (const i of items) {
        expect([i.id, /(\.{2,}|…|%)$/.test(i.text)]).toEqual([i.id, false]);
        const introducesOptions = i.kind === 'service-matrix' || i.kind === 'checklist';
        if (!introducesOptions) expect([i.id, /:$/.test(i.text)]).toEqual([i.id, false]);
      }
    });

    it('repairs the broken word of the 3.6.4 introduction and says so', () => {
      expect(section('3.6.4').intro?.join(' ')).toContain('messageries');
      expect(section('3.6.4').intro?.join(' ')).not.toContain('mès');
      expect(doc.notes?.some((n) => n.includes('mès') && n.includes('messageries'))).toBe(true);
    });

    it('keeps no markdown from the extraction', () => {
      const texts = [
        ...doc.parts.flatMap((p) => [p.title, ...(p.intro ?? [])]),
        ...sections.flatMap((s) => [s.title, ...(s.intro ?? [])]),
        ...items.flatMap((i) => [i.text, i.group ?? '']),
      ];
      expect(texts.filter((t) => /[*#]/.test(t))).toEqual([]);
    });
  });
});

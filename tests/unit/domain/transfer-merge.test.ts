// Merging files into this laptop's data (domain/transfer/merge.ts): pure, no database. The group
// settles every difference; agreements, new answers and confirmations of carried-over answers go
// in silently; the same file twice changes nothing.
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import {
  countWrites,
  planImport,
  recordKey,
  resolveImport,
  type ImportPlan,
  type Writes,
} from '../../../src/domain/transfer/merge';
import { emptyWrites } from '../../../src/domain/transfer/import-plan';
import { emptySnapshot, type DiagnumFile, type Snapshot } from '../../../src/domain/transfer/format';
import type { AnswerRecord } from '../../../src/domain/answers';
import type { CampaignRecord } from '../../../src/domain/campaigns';
import { findItem } from '../../../src/referentiels';
import { backupOf, buildHistory, campaignFileOf, contributionOf, sectionsOf } from '../../fixtures/history';

const NOW = Date.UTC(2026, 9, 6, 10);

/** The RUPN's laptop: two campaigns, the first closed, the second open with every answer typed. */
function rupnLaptop(): Snapshot {
  const history = buildHistory({ campaigns: 2 });
  return { ...history, answers: history.answers.map((a) => ({ ...a, carriedOver: false })) };
}
const local = rupnLaptop();
const [closed, open] = local.campaigns as [CampaignRecord, CampaignRecord];

const ITEM = 'dgesco2010.3.1.teachers';
const SECTION = 'dgesco2010.s3.1';
const LEVEL = 'occitanie.1.1';

const plan = (files: DiagnumFile[], on: Snapshot = local): ImportPlan =>
  planImport(files.map((file, i) => ({ file, name: `fichier-${i + 1}.json` })), on);

const answerOf = (snapshot: Pick<Snapshot, 'answers'>, itemId: string, campaignId = open.id) =>
  snapshot.answers.find((a) => a.itemId === itemId && a.campaignId === campaignId);

/** What the member typed: another number of teachers (and a comment), at a later time. */
const teachers = (value: number, comment = '', at = NOW) => (a: AnswerRecord): AnswerRecord =>
  a.itemId === ITEM ? { ...a, value: { kind: 'number', value }, comment, updatedAt: at } : a;

/** A snapshot with `writes` put in, by key: what the database holds after the import. */
function applied(snapshot: Snapshot, writes: Writes): Snapshot {
  const put = <T>(rows: readonly T[], news: readonly T[], key: (r: T) => string) => {
    const byKey = new Map(rows.map((r) => [key(r), r]));
    for (const row of news) byKey.set(key(row), row);
    return [...byKey.values()];
  };
  return {
    school: writes.school.at(-1) ?? snapshot.school,
    campaigns: put(snapshot.campaigns, writes.campaigns, (c) => c.id),
    answers: put(snapshot.answers, writes.answers, (a) => recordKey('answers', a)),
    sectionNotes: put(snapshot.sectionNotes, writes.sectionNotes, (n) => recordKey('sectionNotes', n)),
    actions: put(snapshot.actions, writes.actions, (a) => a.id),
    imports: put(snapshot.imports, writes.imports, (i) => i.id),
    evidence: put(snapshot.evidence, writes.evidence, (e) => e.id),
    dossierTexts: put(snapshot.dossierTexts, writes.dossierTexts, (t) => recordKey('dossierTexts', t)),
    positions: put(snapshot.positions, writes.positions, (p) => recordKey('positions', p)),
    surveys: put(snapshot.surveys, writes.surveys, (s) => s.id),
    surveyResponses: put(snapshot.surveyResponses, writes.surveyResponses, (r) => r.id),
  };
}

function resolved(p: ImportPlan, choices: Record<string, number> = {}): Writes {
  const result = resolveImport(p, new Map(Object.entries(choices)), NOW);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const withoutAnswer = (snapshot: Snapshot, itemId: string, campaignId = open.id): Snapshot => ({
  ...snapshot,
  answers: snapshot.answers.filter((a) => !(a.itemId === itemId && a.campaignId === campaignId)),
});

describe('merging files into this laptop', () => {
  it('merges answers that agree silently: nothing to decide, nothing rewritten, the file logged', () => {
    const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION, 'occitanie.s1'] });
    const p = plan([file]);
    const count = file.data.answers.length;
    expect(count).toBe(6 + sectionsOf('occitanie-grille')[0]!.items.length);
    expect(p.problem).toBeNull();
    expect(p.conflicts).toEqual([]);
    expect(p.unchanged).toBe(count);
    expect(p.totals).toEqual({
      campaigns: 1,
      answers: count,
      sectionNotes: file.data.sectionNotes.length,
      actions: 0,
      evidence: 0,
      dossierTexts: 0,
      positions: 0,
      surveys: 0,
      surveyResponses: 0,
    });
    const writes = resolved(p);
    expect(countWrites(writes)).toBe(0);
    expect(writes.imports).toEqual([
      { id: file.exportId, kind: 'contribution', contributor: 'M. Durand', exportedAt: file.exportedAt, importedAt: NOW, schemaVersion: RECORD_SCHEMA_VERSION },
    ]);
  });

  it('adds answers only the file has, silently', () => {
    const mine = withoutAnswer(withoutAnswer(local, ITEM), LEVEL);
    const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION, 'occitanie.s1'] });
    const p = plan([file], mine);
    expect(p.conflicts).toEqual([]);
    const writes = resolved(p);
    expect(writes.answers).toEqual([answerOf(local, ITEM), answerOf(local, LEVEL)]);
    expect(p.expected).toContainEqual({ table: 'answers', key: `${open.id}|${ITEM}`, updatedAt: null });
  });

  it('turns a differing answer into a conflict, this laptop’s version first, with who, when, value and comment', () => {
    const file = contributionOf(local, {
      campaignId: open.id,
      contributor: 'M. Durand',
      sections: [SECTION],
      edit: teachers(91, 'Chiffre STSWeb de septembre « à jour »'),
    });
    const p = plan([file]);
    expect(p.conflicts).toHaveLength(1);
    const [conflict] = p.conflicts;
    expect(conflict).toMatchObject({ id: `answers:${open.id}|${ITEM}`, table: 'answers', campaignId: open.id });
    expect(conflict!.options).toEqual([
      { record: answerOf(local, ITEM), sources: [{ fileIndex: null, contributor: null }] },
      {
        record: expect.objectContaining({
          value: { kind: 'number', value: 91 },
          comment: 'Chiffre STSWeb de septembre « à jour »',
          updatedAt: NOW,
        }),
        sources: [{ fileIndex: 0, contributor: 'M. Durand' }],
      },
    ]);
    expect(p.unchanged).toBe(5);
    // Nothing is written while the group has not chosen.
    expect(resolveImport(p, new Map(), NOW)).toEqual({ ok: false, message: 'Il reste 1 différence à trancher avant d’importer.' });
  });

  it('counts a changed comment, flag or source as a difference, but not a different date of saving', () => {
    const later = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: (a) => ({ ...a, updatedAt: NOW }) });
    expect(plan([later]).conflicts).toEqual([]);
    for (const edit of [
      (a: AnswerRecord) => ({ ...a, comment: `${a.comment} !` }),
      (a: AnswerRecord) => ({ ...a, toCheck: !a.toCheck }),
      (a: AnswerRecord) => ({ ...a, source: 'autre source' }),
    ]) {
      const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: (a) => (a.itemId === ITEM ? edit(a) : a) });
      expect(plan([file]).conflicts.map((c) => c.id)).toEqual([`answers:${open.id}|${ITEM}`]);
    }
  });

  it('offers three versions when this laptop and two contributions all differ', () => {
    const durand = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91, 'Durand') });
    const martin = contributionOf(local, { campaignId: open.id, contributor: 'Mme Martin', sections: [SECTION], edit: teachers(93, 'Martin') });
    const p = plan([durand, martin]);
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]!.options.map((o) => [(o.record as AnswerRecord).value, o.sources])).toEqual([
      [answerOf(local, ITEM)!.value, [{ fileIndex: null, contributor: null }]],
      [{ kind: 'number', value: 91 }, [{ fileIndex: 0, contributor: 'M. Durand' }]],
      [{ kind: 'number', value: 93 }, [{ fileIndex: 1, contributor: 'Mme Martin' }]],
    ]);
  });

  it('offers the two contributions when they differ and this laptop has no answer', () => {
    const durand = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91) });
    const martin = contributionOf(local, { campaignId: open.id, contributor: 'Mme Martin', sections: [SECTION], edit: teachers(93) });
    for (const mine of [
      withoutAnswer(local, ITEM),
      // An answer record that says nothing (typed, then erased) is no answer either.
      { ...local, answers: local.answers.map((a) => (a.itemId === ITEM && a.campaignId === open.id ? { ...a, value: null, comment: '', toCheck: false, source: '' } : a)) },
    ]) {
      const p = plan([durand, martin], mine);
      expect(p.conflicts).toHaveLength(1);
      expect(p.conflicts[0]!.options.map((o) => [(o.record as AnswerRecord).value, o.sources[0]!.contributor])).toEqual([
        [{ kind: 'number', value: 91 }, 'M. Durand'],
        [{ kind: 'number', value: 93 }, 'Mme Martin'],
      ]);
    }
  });

  it('writes exactly the option chosen, and nothing else', () => {
    const durand = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91, 'Durand') });
    const martin = contributionOf(local, { campaignId: open.id, contributor: 'Mme Martin', sections: [SECTION], edit: teachers(93, 'Martin') });
    const p = plan([durand, martin]);
    const conflict = p.conflicts[0]!;
    const logged = [durand.exportId, martin.exportId];
    conflict.options.forEach((option, index) => {
      const writes = resolved(p, { [conflict.id]: index });
      expect(writes.answers).toEqual(index === 0 ? [] : [option.record]);
      expect({ ...writes, answers: [], imports: [] }).toEqual({ ...emptyWrites(), imports: [] });
      expect(writes.imports.map((i) => i.id)).toEqual(logged);
      const after = applied(local, writes);
      expect(answerOf(after, ITEM)).toEqual(option.record);
      // Every other answer is as it was.
      expect(after.answers.filter((a) => a.itemId !== ITEM || a.campaignId !== open.id)).toEqual(
        local.answers.filter((a) => a.itemId !== ITEM || a.campaignId !== open.id),
      );
    });
  });

  it('settles conflicts on section notes and actions the same way', () => {
    const note = local.sectionNotes.find((n) => n.campaignId === open.id)!;
    const theirs: Snapshot = {
      ...local,
      sectionNotes: local.sectionNotes.map((n) => (n === note ? { ...n, text: 'Autre analyse', updatedAt: NOW } : n)),
    };
    const file = contributionOf(theirs, { campaignId: open.id, contributor: 'M. Durand', sections: [note.sectionId] });
    const p = plan([file]);
    expect(p.conflicts.map((c) => c.id)).toEqual([`sectionNotes:${open.id}|${note.sectionId}`]);
    expect(resolved(p, { [p.conflicts[0]!.id]: 1 }).sectionNotes).toEqual([{ ...note, text: 'Autre analyse', updatedAt: NOW }]);

    const action = local.actions.find((a) => a.campaignId === open.id)!;
    const changed = { ...local, actions: local.actions.map((a) => (a === action ? { ...a, status: 'realisee' as const, updatedAt: NOW } : a)) };
    const q = plan([campaignFileOf(changed, open.id)]);
    expect(q.conflicts.map((c) => c.id)).toEqual([`actions:${action.id}`]);
    expect(resolved(q, { [`actions:${action.id}`]: 0 }).actions).toEqual([]);
    expect(resolved(q, { [`actions:${action.id}`]: 1 }).actions).toEqual([{ ...action, status: 'realisee', updatedAt: NOW }]);
  });

  it('changes nothing when the same contribution is imported a second time (the import log)', () => {
    const file = contributionOf(withoutAnswer(local, LEVEL), { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION, 'occitanie.s1'], edit: teachers(91) });
    const mine = withoutAnswer(local, 'occitanie.1.2');
    const first = plan([file], mine);
    expect(first.conflicts).toHaveLength(1);
    for (const choice of [0, 1]) {
      const once = applied(mine, resolved(first, { [first.conflicts[0]!.id]: choice }));
      expect(once.imports.at(-1)).toMatchObject({ id: file.exportId, importedAt: NOW });
      const again = plan([file], once);
      expect(again.files[0]!.alreadyImportedAt).toBe(NOW);
      expect(again.conflicts).toEqual([]);
      const writes = resolved(again);
      expect(countWrites(writes) + writes.imports.length).toBe(0);
      expect(applied(once, writes)).toEqual(once);
    }
  });

  it('reads the same file given twice at once only once', () => {
    const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91) });
    const p = plan([file, file]);
    expect(p.files.map((f) => [f.alreadyImportedAt, f.repeated])).toEqual([
      [null, false],
      [null, true],
    ]);
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]!.options).toHaveLength(2);
  });

  it('merges silently two files that agree with each other on an answer this laptop lacks', () => {
    const durand = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91, 'même avis', NOW) });
    const martin = contributionOf(local, { campaignId: open.id, contributor: 'Mme Martin', sections: [SECTION], edit: teachers(91, 'même avis', NOW + 5) });
    const p = plan([durand, martin], withoutAnswer(local, ITEM));
    expect(p.conflicts).toEqual([]);
    // The most recent of the two identical versions.
    expect(resolved(p).answers).toEqual([{ ...answerOf(local, ITEM), value: { kind: 'number', value: 91 }, comment: 'même avis', updatedAt: NOW + 5 }]);
  });

  it('replaces a carried-over answer of this laptop by a typed one, silently', () => {
    const mine = { ...local, answers: local.answers.map((a) => (a.campaignId === open.id && a.itemId === ITEM ? { ...a, carriedOver: true } : a)) };
    // Typed with the same value (a confirmation) or another one: no question either way.
    for (const edit of [(a: AnswerRecord) => a, teachers(91)]) {
      const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit });
      const p = plan([file], mine);
      expect(p.conflicts).toEqual([]);
      const written = resolved(p).answers;
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({ itemId: ITEM, carriedOver: false, value: edit(answerOf(local, ITEM)!).value });
    }
  });

  it('never lets a carried-over answer of a file beat an answer typed on this laptop', () => {
    // A member who started the campaign from last year's and did not touch the item.
    const carried = campaignFileOf(
      {
        ...local,
        answers: local.answers.map((a) =>
          a.campaignId === open.id && a.itemId === ITEM ? { ...a, value: { kind: 'number', value: 12 }, carriedOver: true, updatedAt: NOW } : a,
        ),
      },
      open.id,
    );
    const p = plan([carried]);
    expect(p.conflicts).toEqual([]);
    expect(resolved(p).answers).toEqual([]);
    // Where this laptop has nothing, the carried-over proposal is welcome (still marked carried over).
    const q = plan([carried], withoutAnswer(local, ITEM));
    expect(q.conflicts).toEqual([]);
    expect(resolved(q).answers).toEqual([expect.objectContaining({ itemId: ITEM, carriedOver: true, value: { kind: 'number', value: 12 } })]);
    // And a typed answer of another file wins over it, silently.
    const typed = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91) });
    const r = plan([carried, typed], withoutAnswer(local, ITEM));
    expect(r.conflicts).toEqual([]);
    expect(resolved(r).answers).toEqual([expect.objectContaining({ itemId: ITEM, carriedOver: false, value: { kind: 'number', value: 91 } })]);
  });

  it('unions the members, assignments and documents of a campaign', () => {
    const mine: Snapshot = {
      ...local,
      campaigns: local.campaigns.map((c) =>
        c.id === open.id
          ? { ...c, documents: ['dgesco-2010'], members: ['Mme Martin', 'M. Durand'], assignments: [{ sectionId: SECTION, member: 'Mme Martin' }] }
          : c,
      ),
      answers: local.answers.filter((a) => a.campaignId !== open.id || a.itemId.startsWith('dgesco2010.')),
    };
    const theirs: Snapshot = {
      ...local,
      campaigns: local.campaigns.map((c) =>
        c.id === open.id
          ? {
              ...c,
              documents: ['dgesco-2010', 'occitanie-grille'],
              members: ['M. Durand', 'Mme Roux'],
              assignments: [{ sectionId: 'occitanie.s1', member: 'Mme Roux' }],
              updatedAt: NOW,
            }
          : c,
      ),
    };
    const file = contributionOf(theirs, { campaignId: open.id, contributor: 'Mme Roux', sections: ['occitanie.s1'] });
    const p = plan([file], mine);
    expect(p.conflicts).toEqual([]);
    const writes = resolved(p);
    expect(writes.campaigns).toHaveLength(1);
    expect(writes.campaigns[0]).toMatchObject({
      id: open.id,
      name: open.name,
      documents: ['dgesco-2010', 'occitanie-grille'],
      members: ['Mme Martin', 'M. Durand', 'Mme Roux'],
      assignments: [
        { sectionId: SECTION, member: 'Mme Martin' },
        { sectionId: 'occitanie.s1', member: 'Mme Roux' },
      ],
      updatedAt: NOW,
    });
    expect(writes.answers.map((a) => a.itemId)).toEqual(sectionsOf('occitanie-grille')[0]!.items.map((i) => i.id));
  });

  it('adds the contributor to the members of the campaign', () => {
    const file = contributionOf(local, { campaignId: open.id, contributor: 'Mme Nouvelle', sections: [SECTION], edit: teachers(91) });
    expect(open.members).not.toContain('Mme Nouvelle');
    const p = plan([file], withoutAnswer(local, ITEM));
    expect(p.conflicts).toEqual([]);
    const writes = resolved(p);
    expect(writes.campaigns).toEqual([expect.objectContaining({ id: open.id, members: [...open.members, 'Mme Nouvelle'] })]);
    // A contributor already in the group changes nothing.
    const known = contributionOf(local, { campaignId: open.id, contributor: open.members[1]!, sections: [SECTION] });
    expect(resolved(plan([known])).campaigns).toEqual([]);
  });

  it('asks which name to keep when a campaign’s own fields differ, and keeps the unions either way', () => {
    const renamed = { ...local, campaigns: local.campaigns.map((c) => (c.id === open.id ? { ...c, name: 'Bilan 2018', members: [...c.members, 'Mme Roux'] } : c)) };
    const p = plan([campaignFileOf(renamed, open.id)]);
    expect(p.conflicts.map((c) => c.id)).toEqual([`campaigns:${open.id}`]);
    const keep = resolved(p, { [`campaigns:${open.id}`]: 0 }).campaigns;
    expect(keep).toEqual([expect.objectContaining({ name: open.name, members: [...open.members, 'Mme Roux'] })]);
    const take = resolved(p, { [`campaigns:${open.id}`]: 1 }).campaigns;
    expect(take).toEqual([expect.objectContaining({ name: 'Bilan 2018', members: [...open.members, 'Mme Roux'] })]);
  });

  it('refuses to import answers into a campaign closed on this laptop', () => {
    const file = contributionOf(local, { campaignId: closed.id, contributor: 'M. Durand', sections: [SECTION], edit: teachers(91) });
    const p = plan([file]);
    const message = `La campagne « ${closed.name} » est clôturée sur cet ordinateur : rouvrez-la (page de la campagne) pour y importer ces réponses. Rien n’a été importé.`;
    expect(p.problem).toBe(message);
    expect(resolveImport(p, new Map(p.conflicts.map((c) => [c.id, 0])), NOW)).toEqual({ ok: false, message });
    // A new answer is refused too; a file that agrees with the closed campaign is not.
    expect(plan([file], withoutAnswer(local, ITEM, closed.id)).problem).toBe(message);
    const agreeing = contributionOf(local, { campaignId: closed.id, contributor: 'M. Durand', sections: [SECTION] });
    expect(plan([agreeing]).problem).toBeNull();
  });

  it('refuses to resolve while differences remain, counting them', () => {
    const file = contributionOf(local, {
      campaignId: open.id,
      contributor: 'M. Durand',
      sections: [SECTION, 'occitanie.s1'],
      edit: (a) => (a.itemId === ITEM || a.itemId === LEVEL ? { ...a, comment: 'autre avis', updatedAt: NOW } : a),
    });
    const p = plan([file]);
    expect(p.conflicts).toHaveLength(2);
    const [a, b] = p.conflicts as [ImportPlan['conflicts'][0], ImportPlan['conflicts'][0]];
    expect(resolveImport(p, new Map(), NOW)).toEqual({ ok: false, message: 'Il reste 2 différences à trancher avant d’importer.' });
    expect(resolveImport(p, new Map([[a.id, 1]]), NOW)).toEqual({ ok: false, message: 'Il reste 1 différence à trancher avant d’importer.' });
    expect(resolveImport(p, new Map([[a.id, 1], [b.id, 7]]), NOW)).toEqual({ ok: false, message: 'Il reste 1 différence à trancher avant d’importer.' });
    expect(resolveImport(p, new Map([[a.id, 1], [b.id, 0]]), NOW).ok).toBe(true);
  });

  it('imports a backup into an empty laptop as it is, and a second time changes nothing', () => {
    const backup = backupOf(local);
    const empty: Snapshot = emptySnapshot();
    const p = plan([backup], empty);
    expect(p.conflicts).toEqual([]);
    const restored = applied(empty, resolved(p));
    expect(restored).toEqual(local);
    const again = resolved(plan([backup], restored));
    expect(countWrites(again) + again.imports.length).toBe(0);
  });

  it('leaves the answers of sections a contribution does not cover untouched, and never imports an item of another section', () => {
    const file = contributionOf(local, { campaignId: open.id, contributor: 'M. Durand', sections: ['occitanie.s1'], edit: teachers(91) });
    expect(file.data.answers.every((a) => findItem(a.itemId)!.section.id === 'occitanie.s1')).toBe(true);
    expect(plan([file]).conflicts).toEqual([]);
  });
});

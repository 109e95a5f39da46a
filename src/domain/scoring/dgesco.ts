// The DGESCO 2010 profile (annex 4.1): the three structural parts and, for each of the four
// usage domains, its usage beside its means ("mettre en regard").
import type { Item } from '../../referentiels/kinds';
import type { AnswerLookup } from '../completion';
import { referenceFiguresFrom, type AnswerRecord } from '../answers';
import { referenceFigureItems, referentielById } from '../../referentiels';
import { axisOf, type AxisScore } from './axis';

const source = referentielById('dgesco-2010');

export interface DgescoProfile {
  /** 3.3 Pilotage et organisation, 3.4 Assistance technique, 3.5 Accompagnement pédagogique. */
  structure: AxisScore[];
  /** 3.6.1 to 3.6.4: the headline indicators (never / occasionally / regularly). */
  usage: AxisScore[];
  /** 3.6.1 to 3.6.4: the "éléments d'analyse" (resources, equipment, infrastructure). */
  means: AxisScore[];
}

const STRUCTURE = ['dgesco2010.3.3', 'dgesco2010.3.4', 'dgesco2010.3.5'];
const USAGE_PART = 'dgesco2010.3.6';

const partItems = (partId: string): Item[] =>
  source.parts.find((p) => p.id === partId)!.sections.flatMap((s) => s.items);

export function dgescoProfile(answers: AnswerLookup): DgescoProfile {
  const records = [...answers.entries()].map(([itemId, a]) => ({ itemId, value: a.value })) as Pick<AnswerRecord, 'itemId' | 'value'>[];
  const figures = referenceFiguresFrom(records, referenceFigureItems);
  const structure = STRUCTURE.map((id) => {
    const part = source.parts.find((p) => p.id === id)!;
    return axisOf(id, `${part.code} ${part.title}`, partItems(id), answers, figures);
  });
  const domains = source.parts.find((p) => p.id === USAGE_PART)!.sections;
  const usage = domains.map((s) =>
    axisOf(`${s.id}.usage`, `${s.code} usages`, s.items.filter((i) => i.role === 'headline'), answers, figures),
  );
  const means = domains.map((s) =>
    axisOf(`${s.id}.means`, `${s.code} moyens`, s.items.filter((i) => i.role !== 'headline'), answers, figures),
  );
  return { structure, usage, means };
}

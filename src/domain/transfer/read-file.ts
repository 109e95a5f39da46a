// Reading a file someone chose: every check runs before anything is written, and every refusal
// is one French sentence that says what is wrong. Order matters: size before reading, encoding
// before parsing, hostile keys before validation (zod's records drop `__proto__` silently).
import { checkAnswerValue } from '../answers';
import { checkPositions } from '../positions';
import { checkResponse } from '../survey/responses';
import { audienceLabels } from '../survey/questionnaire';
import { accepted, refused, type Checked } from '../result';
import { findItem, findSection, type ItemPlace } from '../../referentiels';
import { DiagnumFileSchema, FORMAT_NAME, FORMAT_VERSION, MAX_FILE_BYTES, type DiagnumFile } from './format';
import { migrateToCurrent } from './migrations';
import { upgradeRecords } from './record-upgrades';
import { documentOfTarget, sectionOfTarget } from '../evidence-targets';
import { decimal } from '../../text/format';

export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** A File's first bytes, read without the rest (to tell a ZIP from a JSON file). */
  slice?(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const megabytes = (bytes: number) => `${decimal(bytes / 1024 / 1024)} Mo`;

export const fileMessages = {
  empty: 'Ce fichier est vide : il ne contient aucune donnée Diagnum.',
  tooLarge: (size: number) =>
    `Ce fichier est trop volumineux (${megabytes(size)}) : Diagnum accepte des fichiers de ${megabytes(MAX_FILE_BYTES)} au plus. Une sauvegarde Diagnum pèse bien moins ; vérifiez qu’il s’agit du bon fichier.`,
  utf16:
    'Ce fichier est encodé en UTF-16 (« Unicode »), pas en UTF-8 : il a sans doute été réenregistré par un autre logiciel. Importez le fichier tel que Diagnum l’a exporté.',
  notUtf8: 'Ce fichier n’est pas un texte UTF-8 : ce n’est pas un fichier exporté par Diagnum.',
  notJson: 'Ce fichier n’est pas un fichier Diagnum valide : son contenu est incomplet ou abîmé (JSON illisible).',
  hostileKey: (key: string) => `Ce fichier est refusé : il contient une clé interdite (« ${key} »). Il ne vient pas de Diagnum ou a été modifié.`,
  badText: 'Ce fichier est refusé : il contient des caractères invalides (texte Unicode mal formé).',
  otherApp: 'Ce fichier ne vient pas de Diagnum (il vient sans doute d’une autre application).',
  newer: (version: number) =>
    `Ce fichier a été exporté par une version plus récente de Diagnum (format ${version}). Mettez Diagnum à jour (rechargez la page en ligne), puis importez-le à nouveau.`,
  badVersion: 'Ce fichier Diagnum indique une version de format invalide.',
  invalid: (where: string, what: string) => `Ce fichier est refusé : ${where} n’est pas valide (${what}).`,
} as const;

class Refusal extends Error {}

/** JSON.parse, refusing hostile keys and malformed text wherever they are. */
function parseJson(text: string): unknown {
  return JSON.parse(text, function (key: string, value: unknown) {
    if (FORBIDDEN_KEYS.has(key)) throw new Refusal(fileMessages.hostileKey(key));
    if (!key.isWellFormed() || (typeof value === 'string' && !value.isWellFormed())) throw new Refusal(fileMessages.badText);
    return value;
  });
}

function looksUtf16(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  // No byte order mark: ASCII text in UTF-16 has a zero byte every other byte.
  return bytes.length >= 4 && ((bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[2] === 0));
}

export async function readChosenFile(file: ChosenFile): Promise<Checked<DiagnumFile>> {
  if (file.size === 0) return refused(fileMessages.empty);
  if (file.size > MAX_FILE_BYTES) return refused(fileMessages.tooLarge(file.size));
  return parseFileBytes(new Uint8Array(await file.arrayBuffer()));
}

export function parseFileBytes(bytes: Uint8Array): Checked<DiagnumFile> {
  if (bytes.length > MAX_FILE_BYTES) return refused(fileMessages.tooLarge(bytes.length));
  if (looksUtf16(bytes)) return refused(fileMessages.utf16);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a UTF-8 byte order mark
  } catch {
    return refused(fileMessages.notUtf8);
  }
  if (text.trim() === '') return refused(fileMessages.empty);
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    return refused(error instanceof Refusal ? error.message : fileMessages.notJson);
  }
  return interpret(json);
}

function interpret(json: unknown): Checked<DiagnumFile> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refused(fileMessages.otherApp);
  const file = json as Record<string, unknown>;
  if (file.format !== FORMAT_NAME) return refused(fileMessages.otherApp);
  const version = file.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refused(fileMessages.badVersion);
  if (version > FORMAT_VERSION) return refused(fileMessages.newer(version));
  // The envelope first, then the records: a file of any earlier format, with records of any earlier shape.
  const parsed = DiagnumFileSchema.safeParse(upgradeRecords(migrateToCurrent(file, version)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refused(fileMessages.invalid(describePath(issue.path), frenchReason(issue.message)));
  }
  const problem = contentProblem(parsed.data);
  return problem ? refused(problem) : accepted(parsed.data);
}

const recordNames: Record<string, string> = {
  school: 'l’établissement',
  campaigns: 'la campagne',
  answers: 'la réponse',
  sectionNotes: 'la note de partie',
  actions: 'l’action',
  imports: 'l’historique des imports',
  evidence: 'la preuve',
  dossierTexts: 'le texte du dossier',
  positions: 'l’avis individuel',
  surveys: 'le questionnaire',
  surveyResponses: 'la réponse au questionnaire',
};

/** "data.answers.12.value" → "la réponse n° 13 (value)". */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  const [root, table, index, ...rest] = path.map(String);
  if (root !== 'data' || !table) return root ? `l’en-tête du fichier (${root})` : 'le fichier';
  const name = recordNames[table] ?? 'une donnée';
  const position = index !== undefined && /^\d+$/.test(index) ? ` n° ${Number(index) + 1}` : '';
  const field = rest.length > 0 ? ` (${rest.join('.')})` : index !== undefined && !position ? ` (${index})` : '';
  return `${name}${position}${field}`;
}

function frenchReason(message: string): string {
  // zod's own messages are English ("Invalid input"); the schemas' own ones are French.
  return /^(Invalid|Too|Unrecognized|Expected)/.test(message) ? 'valeur inattendue' : message;
}

/** A record on one item of a campaign: the item, if the file holds that campaign and it covers the item's document; else why the file is refused. */
function itemInFile(
  record: { campaignId: string; itemId: string },
  where: string,
  campaigns: ReadonlyMap<string, DiagnumFile['data']['campaigns'][number]>,
): ItemPlace | string {
  const campaign = campaigns.get(record.campaignId);
  if (!campaign) return fileMessages.invalid(where, 'campagne absente du fichier');
  const place = findItem(record.itemId);
  if (!place) return fileMessages.invalid(where, `question inconnue : ${record.itemId}`);
  if (!campaign.documents.includes(place.document.id)) return fileMessages.invalid(where, 'question hors des référentiels de la campagne');
  return place;
}

/** What the schemas cannot see: unknown or repeated ids, answers that do not fit their item, a file that mixes kinds. */
function contentProblem(file: DiagnumFile): string | undefined {
  const { data } = file;
  const campaigns = new Map(data.campaigns.map((c) => [c.id, c]));
  const repeated = (what: string) => `Ce fichier est refusé : ${what} y figure deux fois.`;
  if (campaigns.size !== data.campaigns.length) return repeated('une même campagne');

  const answerKeys = new Set<string>();
  for (const [index, answer] of data.answers.entries()) {
    const where = `la réponse n° ${index + 1}`;
    const key = `${answer.campaignId}|${answer.itemId}`;
    if (answerKeys.has(key)) return repeated(`la réponse à la question ${answer.itemId}`);
    answerKeys.add(key);
    const place = itemInFile(answer, where, campaigns);
    if (typeof place === 'string') return place;
    if (answer.value) {
      const checked = checkAnswerValue(place.item, answer.value);
      if (!checked.ok) return fileMessages.invalid(where, checked.message);
    }
  }

  const noteKeys = new Set<string>();
  for (const [index, note] of data.sectionNotes.entries()) {
    const where = `la note de partie n° ${index + 1}`;
    const key = `${note.campaignId}|${note.sectionId}`;
    if (noteKeys.has(key)) return repeated(`la note de la partie ${note.sectionId}`);
    noteKeys.add(key);
    const campaign = campaigns.get(note.campaignId);
    if (!campaign) return fileMessages.invalid(where, 'campagne absente du fichier');
    const place = findSection(note.sectionId);
    if (!place) return fileMessages.invalid(where, `partie inconnue : ${note.sectionId}`);
    if (!campaign.documents.includes(place.document.id)) return fileMessages.invalid(where, 'partie hors des référentiels de la campagne');
  }

  for (const campaign of data.campaigns) {
    for (const a of campaign.assignments) {
      if (!findSection(a.sectionId)) return fileMessages.invalid(`la campagne « ${campaign.name} »`, `partie inconnue : ${a.sectionId}`);
    }
  }

  const actionIds = new Set<string>();
  for (const [index, action] of data.actions.entries()) {
    if (actionIds.has(action.id)) return repeated('une même action');
    actionIds.add(action.id);
    if (!campaigns.has(action.campaignId)) return fileMessages.invalid(`l’action n° ${index + 1}`, 'campagne absente du fichier');
  }
  if (new Set(data.imports.map((i) => i.id)).size !== data.imports.length) return repeated('un même import');

  const evidenceIds = new Set<string>();
  for (const [index, evidence] of data.evidence.entries()) {
    const where = `la preuve n° ${index + 1}`;
    if (evidenceIds.has(evidence.id)) return repeated('une même preuve');
    evidenceIds.add(evidence.id);
    const campaign = campaigns.get(evidence.campaignId);
    if (!campaign) return fileMessages.invalid(where, 'campagne absente du fichier');
    if (new Set(evidence.links).size !== evidence.links.length) return fileMessages.invalid(where, 'une question y est liée deux fois');
    for (const link of evidence.links) {
      const document = documentOfTarget(link);
      if (!document) return fileMessages.invalid(where, `question ou partie inconnue : ${link}`);
      if (!campaign.documents.includes(document)) return fileMessages.invalid(where, 'question hors des référentiels de la campagne');
    }
  }
  const textKeys = new Set<string>();
  for (const [index, text] of data.dossierTexts.entries()) {
    const key = `${text.campaignId}|${text.textId}`;
    if (textKeys.has(key)) return repeated(`le texte ${text.textId}`);
    textKeys.add(key);
    if (!campaigns.has(text.campaignId)) return fileMessages.invalid(`le texte du dossier n° ${index + 1}`, 'campagne absente du fichier');
  }

  const positionKeys = new Set<string>();
  for (const [index, record] of data.positions.entries()) {
    const where = `l’avis individuel n° ${index + 1}`;
    const key = `${record.campaignId}|${record.itemId}`;
    if (positionKeys.has(key)) return repeated(`le tour de table de la question ${record.itemId}`);
    positionKeys.add(key);
    const place = itemInFile(record, where, campaigns);
    if (typeof place === 'string') return place;
    const checked = checkPositions(place.item, record.positions);
    if (!checked.ok) return fileMessages.invalid(where, checked.message);
  }

  const surveys = new Map(data.surveys.map((s) => [s.id, s]));
  if (surveys.size !== data.surveys.length) return repeated('un même questionnaire');
  const audiences = new Set<string>();
  for (const [index, survey] of data.surveys.entries()) {
    const campaign = campaigns.get(survey.campaignId);
    if (!campaign) return fileMessages.invalid(`le questionnaire n° ${index + 1}`, 'campagne absente du fichier');
    const key = `${survey.campaignId}|${survey.audience}`;
    if (audiences.has(key)) return repeated(`le questionnaire des ${audienceLabels[survey.audience].plural} de la campagne « ${campaign.name} »`);
    audiences.add(key);
  }
  const responseIds = new Set<string>();
  for (const [index, response] of data.surveyResponses.entries()) {
    const where = `la réponse au questionnaire n° ${index + 1}`;
    if (responseIds.has(response.id)) return repeated('une même réponse au questionnaire');
    responseIds.add(response.id);
    const survey = surveys.get(response.surveyId);
    if (!survey) return fileMessages.invalid(where, 'questionnaire absent du fichier');
    if (survey.campaignId !== response.campaignId) return fileMessages.invalid(where, 'campagne différente de celle de son questionnaire');
    const { campaignId: _campaign, schemaVersion: _version, ...given } = response;
    const checked = checkResponse(survey, given);
    if (!checked.ok) return fileMessages.invalid(where, checked.message);
  }

  return kindProblem(file);
}

function kindProblem(file: DiagnumFile): string | undefined {
  const { data } = file;
  const mixed = 'Ce fichier est refusé : son contenu ne correspond pas à son type.';
  if (file.kind === 'sauvegarde') {
    return file.campaignId === null && file.contributor === null && file.sections.length === 0 ? undefined : mixed;
  }
  if (data.campaigns.length !== 1 || data.campaigns[0]!.id !== file.campaignId || data.imports.length > 0) return mixed;
  if (file.kind === 'campagne') return file.contributor === null && file.sections.length === 0 ? undefined : mixed;
  // A contribution: the answers and notes of the listed sections only, no action plan.
  const sections = new Set(file.sections);
  if (file.contributor === null || sections.size === 0 || sections.size !== file.sections.length) return mixed;
  if (file.sections.some((id) => !findSection(id)) || data.actions.length > 0) return mixed;
  if (data.answers.some((a) => !sections.has(findItem(a.itemId)!.section.id))) return mixed;
  if (data.sectionNotes.some((n) => !sections.has(n.sectionId))) return mixed;
  // Its evidence backs its own sections only; the dossier's texts, the group's positions and the questionnaire are the RUPN's.
  if (data.evidence.some((e) => e.links.some((l) => !sections.has(sectionOfTarget(l) ?? '')))) return mixed;
  if (data.dossierTexts.length > 0 || data.positions.length > 0) return mixed;
  if (data.surveys.length > 0 || data.surveyResponses.length > 0) return mixed;
  return undefined;
}

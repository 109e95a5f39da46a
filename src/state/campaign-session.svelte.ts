// One open campaign, between the screens and the database: its live data, what every screen
// derives from it (computed once per change, not once per component), and every write as a verb
// that returns its result and reports a refusal to one place.
import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { Readable } from 'svelte/store';
import { referentielById, referenceFigureItems } from '../referentiels';
import type { DocumentId } from '../referentiels/ids';
import type { Referentiel } from '../referentiels/kinds';
import { answerLookup, documentItems, progressOf } from '../domain/completion';
import { referenceFiguresFrom, type AnswerRecord } from '../domain/answers';
import { combinePatches, type AnswerPatch, type SavedAnswer } from '../domain/answer-patch';
import { dgescoProfile } from '../domain/scoring/dgesco';
import { occitanieLevels } from '../domain/scoring/occitanie';
import { labelReadiness } from '../domain/scoring/label';
import { inPlanOrder, type ActionInput, type ActionRecord } from '../domain/actions';
import { previousCampaignId, type CampaignRecord, type CampaignStatus } from '../domain/campaigns';
import { accepted, type Checked } from '../domain/result';
import { saveAnswer, confirmCarriedOver } from '../storage/answers';
import { saveSectionNote } from '../storage/section-notes';
import { addAction, deleteAction, updateAction } from '../storage/actions';
import {
  addEvidence,
  addFileEvidence,
  confirmEvidence,
  deleteEvidence,
  linkEvidence,
  readEvidenceFile,
  saveDossierText,
  updateEvidence,
  type ChosenFile,
} from '../storage/evidence';
import type { EvidenceInput, EvidenceRecord } from '../domain/evidence';
import type { DossierTextId } from '../domain/dossier-texts';
import {
  addMember,
  assignSection,
  removeMember,
  renameCampaign,
  setCampaignStatus,
  setNextAssessment,
  setTarget,
  acceptProposedTargets,
  watchCampaignBundle,
  type CampaignBundle,
} from '../storage/campaigns';
import type { Loadable } from '../storage/watch';
import { changePositions, contributeAsPositions } from '../storage/positions';
import { addResponse, importResponseFiles, setKioskCode, setSurveyThreshold, startSurvey } from '../storage/survey';
import type { Position, PositionChange } from '../domain/positions';
import type { AnswerValue } from '../domain/answers';
import type { SurveyRecord, SurveyResponse, SurveyResponseRecord } from '../domain/survey/responses';
import type { SurveyAudience } from '../domain/survey/questionnaire';
import { databaseState } from './database.svelte';
import { undoStack } from './undo.svelte';
import { SaveLine } from './save-line';
import type { SaveState } from './save-state';
import { fr } from '../text/fr';

/** A refusal the session reported: where it happened (a field, a control) and why. */
export interface Refusal {
  place: string;
  message: string;
  at: number;
}

interface AnswerSaveOptions {
  /** What the change was, for "Annuler : …". */
  label: string;
  /** One keystroke of a longer entry, undone with the keystrokes around it. */
  typing?: boolean;
}

/** One write of an answer as the save line carries it; `label` undefined: not recorded for undo (an undo). */
interface AnswerWrite {
  patch: AnswerPatch;
  label: string | undefined;
  typing: boolean;
}

/** Keystrokes combined into one write stay one typing change for undo. */
const combineWrites = (older: AnswerWrite, newer: AnswerWrite): AnswerWrite => ({
  patch: combinePatches(older.patch, newer.patch),
  label: newer.label,
  typing: older.typing && newer.typing,
});

export class CampaignSession {
  readonly id: string;
  #live = $state.raw<Loadable<CampaignBundle | undefined>>({ status: 'loading' });
  #refusal = $state.raw<Refusal | undefined>();
  #saves = new SvelteMap<string, SaveState>();
  #answerLines = new Map<string, SaveLine<AnswerWrite, SavedAnswer>>();
  /** Each answer as this tab's last save of it stored it. */
  #written = new Map<string, AnswerRecord>();
  #noteLines = new Map<string, SaveLine<string, true>>();
  #textLines = new Map<DossierTextId, SaveLine<string, true>>();
  #store: Readable<Loadable<CampaignBundle | undefined>>;
  #users = 0;
  #stop: (() => void) | undefined;

  constructor(id: string) {
    this.id = id;
    this.#store = watchCampaignBundle(id);
  }

  /** Starts following the database; the returned function stops (the last user stops it). */
  start(): () => void {
    this.#users++;
    // Untracked: called from a page's effect, which must not re-run (and re-subscribe) on each new value.
    untrack(() => {
      this.#stop ??= this.#store.subscribe((next) => {
        // The database vanished under an open page: keep showing what was on screen (the banner
        // says it is no longer stored) rather than "page introuvable". Every refresh after the
        // loss is ignored: one may mix tables read before and after it.
        if (databaseState.lost && this.#live.status === 'ready') return;
        this.#live = next;
      });
    });
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#users--;
      if (this.#users === 0) {
        this.#stop?.();
        this.#stop = undefined;
      }
    };
  }

  // ---- What the screens read -------------------------------------------------------------

  get status(): Loadable<CampaignBundle | undefined>['status'] {
    return this.#live.status;
  }
  /** When the campaign cannot be read: why, in French. */
  get error(): string | undefined {
    return this.#live.status === 'error' ? this.#live.message : undefined;
  }
  /**
   * What every screen derives from the live data, computed once per new value of it and shared by
   * every screen of the campaign. (Memoised by hand rather than with class `$derived` fields: a
   * session outlives the page that created it, and deriveds created under a page's reaction would
   * be torn down with it.)
   */
  #memo = new Map<string, unknown>();
  #memoFor: unknown;
  #derive<T>(key: string, compute: () => T): T {
    const live = this.#live; // read here, so every reader follows the live data
    if (this.#memoFor !== live) {
      this.#memo.clear();
      this.#memoFor = live;
    }
    if (!this.#memo.has(key)) this.#memo.set(key, compute());
    return this.#memo.get(key) as T;
  }

  get bundle(): CampaignBundle | undefined {
    return this.#live.status === 'ready' ? this.#live.value : undefined;
  }
  get campaign(): CampaignRecord | undefined {
    return this.bundle?.campaign;
  }
  get answerList(): AnswerRecord[] {
    return this.bundle?.answers ?? [];
  }
  get answers() {
    return this.#derive('answers', () => answerLookup(this.answerList));
  }
  get figures() {
    return this.#derive('figures', () => referenceFiguresFrom(this.answerList, referenceFigureItems));
  }
  get documents(): Referentiel[] {
    return this.#derive('documents', () => (this.campaign ? this.campaign.documents.map(referentielById) : []));
  }
  get progress() {
    return this.#derive('progress', () => progressOf(this.documents.flatMap(documentItems), this.answers));
  }
  get notes(): Map<string, string> {
    return this.#derive('notes', () => new Map((this.bundle?.notes ?? []).map((n) => [n.sectionId, n.text])));
  }
  get actions(): ActionRecord[] {
    return this.#derive('actions', () => inPlanOrder(this.bundle?.actions ?? []));
  }
  /** The campaign's evidence, oldest first. */
  get evidence(): EvidenceRecord[] {
    return this.#derive('evidence', () => [...(this.bundle?.evidence ?? [])].sort((a, b) => a.createdAt - b.createdAt));
  }
  /** The label dossier's texts, by id. */
  get dossierTexts(): Map<DossierTextId, string> {
    return this.#derive('texts', () => new Map((this.bundle?.texts ?? []).map((t) => [t.textId, t.text])));
  }
  /** Each member's positions before the group agreed, by item. */
  get positions(): Map<string, Position[]> {
    return this.#derive('positions', () => new Map((this.bundle?.positions ?? []).map((p) => [p.itemId, p.positions])));
  }
  /** The staff questionnaire for each audience, once started. */
  get surveys(): Map<SurveyAudience, SurveyRecord> {
    return this.#derive('surveys', () => new Map((this.bundle?.surveys ?? []).map((s) => [s.audience, s])));
  }
  /** The questionnaire's anonymous responses, by questionnaire id. */
  get responses(): Map<string, SurveyResponseRecord[]> {
    return this.#derive('responses', () => {
      const bySurvey = new Map<string, SurveyResponseRecord[]>();
      for (const r of this.bundle?.responses ?? []) {
        const list = bySurvey.get(r.surveyId);
        if (list) list.push(r);
        else bySurvey.set(r.surveyId, [r]);
      }
      return bySurvey;
    });
  }
  get profile() {
    return this.#derive('profile', () => (this.covers('dgesco-2010') ? dgescoProfile(this.answers) : undefined));
  }
  get levels() {
    return this.#derive('levels', () => (this.covers('occitanie-grille') ? occitanieLevels(this.answers) : undefined));
  }
  get label() {
    return this.#derive('label', () => (this.covers('label-lycee-2023') ? labelReadiness(this.answers) : undefined));
  }

  /**
   * Why the campaign's controls are read-only: it is closed. A database that refuses writes (gone,
   * newer, left behind by an upgrade) leaves them usable: a write is refused under its field, the
   * typed text kept, and the banner at the top explains.
   */
  get readOnlyReason(): string | undefined {
    return this.campaign?.status === 'closed' ? fr.storage.closed : undefined;
  }
  get readOnly(): boolean {
    return this.readOnlyReason !== undefined || this.campaign === undefined;
  }

  covers(documentId: DocumentId): boolean {
    return this.campaign?.documents.includes(documentId) ?? false;
  }

  /** The last refusal, wherever it happened (also shown at the place of the action). */
  get refusal(): Refusal | undefined {
    return this.#refusal;
  }

  /** Whether the last save of one answer (or note: `note:<section>`) is committed, running or refused. */
  saveState(key: string): SaveState {
    const state = this.#saves.get(key) ?? { status: 'idle' };
    // "Enregistré" would be false once the database is gone.
    return databaseState.lost && state.status === 'saved' ? { status: 'error', message: 'Données effacées' } : state;
  }

  get lastUndoable() {
    return undoStack.lastOf(this.id);
  }

  // ---- Writes ----------------------------------------------------------------------------

  #report<T>(place: string, result: Checked<T>): Checked<T> {
    if (!result.ok) this.#refusal = { place, message: result.message, at: Date.now() };
    return result;
  }

  #settle(key: string, result: Checked<unknown>, idle: boolean) {
    if (!result.ok) this.#saves.set(key, { status: 'error', message: 'Non enregistré' });
    else if (idle) this.#saves.set(key, { status: 'saved' });
  }

  /**
   * What this tab last knew stored for an answer (null: nothing), the newer of its own last write
   * and the live data; undefined while loading. The save checks it against the database.
   */
  #believed(itemId: string): AnswerRecord | null | undefined {
    return untrack(() => {
      if (!this.bundle) return undefined;
      const live = this.answers.get(itemId);
      const written = this.#written.get(itemId);
      return written && (!live || written.updatedAt >= live.updatedAt) ? written : (live ?? null);
    });
  }

  #answerLine(itemId: string): SaveLine<AnswerWrite, SavedAnswer> {
    let line = this.#answerLines.get(itemId);
    if (!line) {
      line = new SaveLine(
        async ({ patch, label, typing }: AnswerWrite) => {
          const result = await saveAnswer(this.id, itemId, patch, this.#believed(itemId));
          if (result.ok) this.#written.set(itemId, result.value.after);
          if (result.ok && label !== undefined) undoStack.record(this.id, itemId, patch, result.value, label, typing);
          return result;
        },
        combineWrites,
        (result, idle) => this.#settle(itemId, result, idle),
      );
      this.#answerLines.set(itemId, line);
    }
    return line;
  }

  /**
   * Saves a change to one answer. Saves of one answer run one at a time, the latest value last,
   * so "Enregistré" shows only once what is on screen is stored.
   */
  saveAnswer(itemId: string, patch: AnswerPatch, options: AnswerSaveOptions): Promise<Checked<SavedAnswer>> {
    this.#saves.set(itemId, { status: 'saving' });
    return this.#answerLine(itemId)
      .push({ patch, label: options.label, typing: options.typing ?? false })
      .then((result) => this.#report(itemId, result));
  }

  /** A text saved as it is typed, the latest last, on its own line of saves; its state under `key`. */
  #saveText<K>(lines: Map<K, SaveLine<string, true>>, id: K, key: string, write: (text: string) => Promise<Checked<true>>, text: string) {
    this.#saves.set(key, { status: 'saving' });
    let line = lines.get(id);
    if (!line) {
      line = new SaveLine(write, (_older, newer) => newer, (result, idle) => this.#settle(key, result, idle));
      lines.set(id, line);
    }
    return line.push(text).then((result) => this.#report(key, result));
  }

  /** The group's analysis of a section, saved as it is typed (latest text last). */
  saveNote(sectionId: string, text: string): Promise<Checked<true>> {
    return this.#saveText(this.#noteLines, sectionId, `note:${sectionId}`, (latest) => saveSectionNote(this.id, sectionId, latest), text);
  }

  /** A text of the label dossier, saved as it is typed (latest text last); its state under `text:<id>`. */
  saveDossierText(textId: DossierTextId, text: string): Promise<Checked<true>> {
    return this.#saveText(this.#textLines, textId, `text:${textId}`, (latest) => saveDossierText(this.id, textId, latest), text);
  }

  /** A new piece of evidence, linked to the item or section it was added from. */
  addEvidence(input: EvidenceInput, linkTo: string) {
    return this.#write(`evidence:new:${linkTo}`, () => addEvidence(this.id, input, linkTo));
  }
  /** A new piece of evidence with its file (checked, kept once by content). */
  addFileEvidence(input: EvidenceInput, file: ChosenFile, linkTo: string) {
    return this.#write(`evidence:new:${linkTo}`, () => addFileEvidence(this.id, input, file, linkTo));
  }
  /** The bytes of a piece of evidence's file, to download or preview. */
  readEvidenceFile(sha256: string) {
    return readEvidenceFile(sha256);
  }
  updateEvidence(evidenceId: string, input: EvidenceInput) {
    return this.#write(`evidence:${evidenceId}`, () => updateEvidence(evidenceId, input));
  }
  /** Links an existing piece of evidence to one more item or section, or unlinks it. */
  linkEvidence(evidenceId: string, targetId: string, linked: boolean) {
    return this.#write(`evidence:${evidenceId}`, () => linkEvidence(evidenceId, targetId, linked));
  }
  /** "Toujours valable": evidence carried over from last year, looked at again. */
  confirmEvidence(evidenceId: string) {
    return this.#write(`evidence:${evidenceId}`, () => confirmEvidence(evidenceId));
  }
  deleteEvidence(evidenceId: string) {
    return this.#write(`evidence:${evidenceId}`, () => deleteEvidence(evidenceId));
  }

  /** "Je confirme": carried-over answers become this campaign's own. */
  confirmCarriedOver(itemIds: readonly string[]): Promise<Checked<true>> {
    return this.#write('confirm', () => confirmCarriedOver(this.id, itemIds));
  }

  /** Undoes this campaign's newest change in this tab; a refused undo stays on the stack. */
  async undo(): Promise<Checked<string> | undefined> {
    const change = undoStack.lastOf(this.id);
    if (!change) return undefined;
    this.#saves.set(change.itemId, { status: 'saving' });
    const write = { patch: change.before, label: undefined, typing: false };
    const result = this.#report('undo', await this.#answerLine(change.itemId).push(write));
    if (!result.ok) return result;
    undoStack.forget(change);
    return accepted(change.label);
  }

  addMember(name: string) {
    return this.#write('members', () => addMember(this.id, name));
  }
  removeMember(name: string) {
    return this.#write('members', () => removeMember(this.id, name));
  }
  assignSection(sectionId: string, member: string) {
    return this.#write(`assign:${sectionId}`, () => assignSection(this.id, sectionId, member));
  }
  setTarget(axis: string, value: number | null) {
    return this.#write(`target:${axis}`, () => setTarget(this.id, axis, value));
  }
  /** The proposed targets become the group's own, as they are. */
  acceptProposedTargets() {
    return this.#write('targets', () => acceptProposedTargets(this.id));
  }
  setNextAssessment(date: string | null) {
    return this.#write('next-assessment', () => setNextAssessment(this.id, date));
  }
  addAction(input: ActionInput) {
    return this.#write('action:new', () => addAction(this.id, input));
  }
  updateAction(actionId: string, changes: Partial<ActionInput>) {
    return this.#write(`action:${actionId}`, () => updateAction(actionId, changes));
  }
  deleteAction(actionId: string) {
    return this.#write(`action:${actionId}`, () => deleteAction(actionId));
  }
  rename(name: string) {
    return this.#write('name', () => renameCampaign(this.id, name));
  }
  /** One change to the round on an item: a member's position, an anonymous vote. */
  changePositions(itemId: string, change: PositionChange) {
    return this.#write(`positions:${itemId}`, () => changePositions(this.id, itemId, change));
  }
  /** A member's contribution taken as their own positions, not as the group's answers. */
  contributeAsPositions(member: string, answers: ReadonlyArray<{ itemId: string; value: AnswerValue | null }>) {
    return this.#write('import', () => contributeAsPositions(this.id, member, answers));
  }
  startSurvey(audience: SurveyAudience) {
    return this.#write(`survey:${audience}`, () => startSurvey(this.id, audience));
  }
  setSurveyThreshold(surveyId: string, threshold: unknown) {
    return this.#write(`survey-threshold:${surveyId}`, () => setSurveyThreshold(surveyId, threshold));
  }
  setKioskCode(surveyId: string, code: string | null) {
    return this.#write(`kiosk-code:${surveyId}`, () => setKioskCode(surveyId, code));
  }
  /** One response given in the kiosk. */
  addResponse(surveyId: string, response: SurveyResponse) {
    return this.#write(`kiosk:${surveyId}`, () => addResponse(surveyId, response));
  }
  importResponseFiles(surveyId: string, files: ReadonlyArray<{ name: string; text: string }>) {
    return this.#write(`survey-import:${surveyId}`, () => importResponseFiles(surveyId, files));
  }

  /** Close (the group validated it: read-only) or reopen: the one write a closed campaign takes. */
  setStatus(status: CampaignStatus) {
    return this.#write('status', () => setCampaignStatus(this.id, status));
  }

  /** Storage checks everything (database health, closed campaign, schemas); the session reports. */
  async #write<T>(place: string, run: () => Promise<Checked<T>>): Promise<Checked<T>> {
    return this.#report(place, await run());
  }
}

/** One session per campaign for the whole tab: screens of one campaign share its data, its derived scores and its pending saves. */
const sessions = new Map<string, CampaignSession>();

export function campaignSession(id: string): CampaignSession {
  let session = sessions.get(id);
  if (!session) {
    session = new CampaignSession(id);
    sessions.set(id, session);
  }
  return session;
}

/** The session of the campaign a report of `campaign` compares with (the domain's rule), once the list is read. */
export function comparedSession(
  campaign: CampaignRecord | undefined,
  campaigns: Loadable<CampaignRecord[]>,
): CampaignSession | undefined {
  if (!campaign || campaigns.status !== 'ready') return undefined;
  const id = previousCampaignId(campaign, campaigns.value);
  return id ? campaignSession(id) : undefined;
}

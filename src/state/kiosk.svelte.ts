// The kiosk mode: the staff room's laptop shows the anonymous questionnaire and nothing else, one
// respondent after another, until the RUPN's code is typed. Kept in localStorage so that a reload
// (F5, a crash) stays in the kiosk. A lock against casual access, not a security boundary.
import * as z from 'zod/mini';
import { CampaignIdSchema } from '../domain/campaigns';
import type { SurveyAudience } from '../domain/survey/audience';

const KEY = 'diagnum.kiosk';
// The audiences spelled here, not imported: the shell must not load the questionnaire's module
// (its questions read the référentiel), and the bundler folds the audience's small module into it.
const AudienceSchema = z.enum(['teachers', 'divisions'] as const satisfies readonly SurveyAudience[]);
const KioskSchema = z.strictObject({ campaignId: CampaignIdSchema, audience: AudienceSchema });

/** An audience read from an address, if it is one. */
export const audienceOf = (text: string): SurveyAudience | undefined => AudienceSchema.safeParse(text).data;
export type Kiosk = z.infer<typeof KioskSchema>;

function stored(): Kiosk | null {
  try {
    return KioskSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null')).data ?? null;
  } catch {
    return null; // refused or garbled: no kiosk rather than a crash
  }
}

class KioskState {
  #kiosk = $state.raw<Kiosk | null>(typeof localStorage === 'undefined' ? null : stored());

  get current(): Kiosk | null {
    return this.#kiosk;
  }

  enter(campaignId: string, audience: SurveyAudience): void {
    this.#kiosk = { campaignId, audience };
    try {
      localStorage.setItem(KEY, JSON.stringify(this.#kiosk));
    } catch {
      // Without localStorage the kiosk holds until the tab is reloaded.
    }
  }

  leave(): void {
    this.#kiosk = null;
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing kept to remove
    }
  }
}

export const kiosk = new KioskState();

// What a user does in a campaign, in the words of the screen.
import type { Locator, Page } from 'playwright-core';

export class CampaignPages {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  /** The id of the campaign on screen, from the address. */
  campaignId(): string {
    const match = /#\/campagnes\/([A-Za-z0-9-]+)/.exec(this.page.url());
    if (!match) throw new Error(`not on a campaign page: ${this.page.url()}`);
    return match[1]!;
  }

  async openSection(campaignId: string, sectionId: string, workshop = false) {
    await this.page.goto(`${this.appUrl}#/campagnes/${campaignId}/${workshop ? 'atelier' : 'sections'}/${sectionId}`);
    await this.page.locator('.item-card').first().waitFor();
  }

  async openCampaign(campaignId: string) {
    await this.page.goto(`${this.appUrl}#/campagnes/${campaignId}`);
    await this.page.getByRole('heading', { name: 'Avancement' }).waitFor();
  }

  /** The card of an item, found by its id (cards carry it as data-item). */
  card(itemId: string): Locator {
    return this.page.locator(`[data-item="${itemId}"]`);
  }

  input(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }

  /** Waits for the card's "Enregistré", shown only once the transaction has committed. */
  async saved(itemId: string) {
    await this.card(itemId).locator('.saved').waitFor();
  }

  errorOf(itemId: string): Locator {
    return this.card(itemId).locator('.error-text');
  }

  overallProgress(): Promise<string | null> {
    return this.page.locator('#progress-title ~ .progress .progress-text').textContent();
  }
}

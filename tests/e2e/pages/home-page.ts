// What a user does on the home page, in the words of the screen.
import type { Page } from 'playwright-core';

export class HomePage {
  constructor(private readonly page: Page) {}

  async saveSchool(name: string, uai = '', academie = '') {
    await this.page.getByLabel('Nom de l’établissement').fill(name);
    await this.page.getByLabel(/Code UAI/).fill(uai);
    await this.page.getByLabel(/Académie/).fill(academie);
    await this.page.getByRole('button', { name: 'Enregistrer l’établissement' }).click();
  }

  /** Creates a campaign and comes back to the home page (creating opens the new campaign). */
  async createCampaign(name: string, date: string, documents?: string[], startFrom = 'Aucune : partir de zéro') {
    await this.fillCampaign(name, date, documents, startFrom);
    await this.page.waitForURL(/#\/campagnes\//);
    await this.page.evaluate(() => (location.hash = '#/'));
    await this.page.getByRole('heading', { level: 1, name: 'Autodiagnostic numérique de l’établissement' }).waitFor();
  }

  /** Fills and submits the form, staying wherever it leads (an error keeps the home page). */
  async fillCampaign(name: string, date: string, documents?: string[], startFrom?: string) {
    await this.page.getByLabel('Nom de la campagne').fill(name);
    // Today's date is shown in words; the date field appears when asked for (and stays after a refusal).
    const change = this.page.getByRole('button', { name: 'Changer la date' });
    if ((await change.count()) > 0) await change.click();
    await this.page.getByLabel('Date', { exact: true }).fill(date);
    if (documents) {
      for (const box of await this.page.getByRole('group', { name: 'Référentiels évalués' }).getByRole('checkbox').all()) {
        const label = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
        await box.setChecked(documents.includes(label));
      }
    }
    const from = this.page.getByLabel(/Partir des réponses de/);
    if (startFrom && (await from.count()) > 0) await from.selectOption({ label: startFrom });
    await this.page.getByRole('button', { name: 'Créer la campagne' }).click();
  }

  campaignNames() {
    return this.page.locator('.campaign-name').allTextContents();
  }

  schoolStatus() {
    return this.page.locator('#school-status');
  }
}

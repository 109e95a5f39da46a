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

  async createCampaign(name: string, date: string, documents?: string[]) {
    await this.page.getByLabel('Nom de la campagne').fill(name);
    await this.page.getByLabel('Date', { exact: true }).fill(date);
    if (documents) {
      for (const box of await this.page.getByRole('group', { name: 'Référentiels évalués' }).getByRole('checkbox').all()) {
        const label = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
        await box.setChecked(documents.includes(label));
      }
    }
    await this.page.getByRole('button', { name: 'Créer la campagne' }).click();
  }

  campaignNames() {
    return this.page.locator('.campaign-name').allTextContents();
  }

  schoolStatus() {
    return this.page.locator('#school-status');
  }
}

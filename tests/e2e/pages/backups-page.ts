// What a user does on the "Sauvegardes" page, in the words of the screen.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export class BackupsPage {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.appUrl}#/sauvegardes`);
    await this.page.getByRole('heading', { level: 1, name: 'Sauvegardes et échanges' }).waitFor();
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  exportBackup() {
    return this.download('Exporter toute la base');
  }

  async exportCampaign(campaign: string) {
    await this.page.getByLabel('Campagne', { exact: true }).selectOption({ label: campaign });
    return this.download('Exporter la campagne');
  }

  async exportContribution(campaign: string, contributor: string) {
    await this.page.getByLabel('Campagne', { exact: true }).selectOption({ label: campaign });
    await this.page.getByLabel('Votre nom').fill(contributor);
    return this.download('Exporter ma contribution');
  }

  /** Chooses files (name + content) in the import field; the preview or the refusal follows. */
  async choose(files: Array<{ name: string; text: string | Buffer }>) {
    await this.page.getByLabel('Choisir un fichier à importer').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.isBuffer(f.text) ? f.text : Buffer.from(f.text, 'utf8') })),
    );
  }

  preview() {
    return this.page.getByRole('region', { name: 'Aperçu de l’import' });
  }

  refusal() {
    return this.page.locator('.import-refusals');
  }

  async confirm() {
    await this.preview().getByRole('button', { name: 'Importer' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Import terminé' }).waitFor();
  }
}

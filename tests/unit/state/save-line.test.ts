import { describe, expect, it } from 'vitest';
import { SaveLine } from '../../../src/state/save-line';
import { accepted, refused, type Checked } from '../../../src/domain/result';

/** A write that waits until released, recording what it was asked to write. */
function slowWrites() {
  const written: string[] = [];
  const releases: Array<() => void> = [];
  const write = (value: string) =>
    new Promise<Checked<string>>((resolve) => {
      written.push(value);
      releases.push(() => resolve(value === 'bad' ? refused('refusé') : accepted(value)));
    });
  return { written, releases, write };
}

describe('the saves of one record', () => {
  it('run one at a time, and a burst typed meanwhile becomes one write of the latest value', async () => {
    const { written, releases, write } = slowWrites();
    const settled: Array<[boolean, boolean]> = [];
    const line = new SaveLine<string, string>(write, (_old, latest) => latest, (r, idle) => settled.push([r.ok, idle]));
    const results = ['1', '10', '102', '1028'].map((v) => line.push(v));
    expect(written).toEqual(['1']);
    expect(line.busy).toBe(true);
    releases.shift()!();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(written).toEqual(['1', '1028']);
    releases.shift()!();
    const outcomes = await Promise.all(results);
    expect(outcomes.map((o) => (o.ok ? o.value : o.message))).toEqual(['1', '1028', '1028', '1028']);
    // The first write settled while another waited (not idle): only the last one may say "Enregistré".
    expect(settled).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(line.busy).toBe(false);
  });

  it('hands a refusal to every caller whose value it carried', async () => {
    const { releases, write } = slowWrites();
    const line = new SaveLine<string, string>(write, (_old, latest) => latest);
    const first = line.push('ok');
    const second = line.push('x');
    const third = line.push('bad');
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()!();
    expect((await first).ok).toBe(true);
    expect(await second).toEqual({ ok: false, message: 'refusé' });
    expect(await third).toEqual({ ok: false, message: 'refusé' });
  });
});

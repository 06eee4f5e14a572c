import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prng } from './dataset.js';

/**
 * GDELT 2.0 files in the real layout (61-column Events export, 16-column Mentions) for the import
 * benchmark: `events` aerial strikes in distinct places, and `mentions` web-article mentions of
 * them, spread over the events with a skew (a few strikes are mentioned hundreds of times).
 * `spread`: the strikes fall on days from 2015 to 2024 over the generated graph's region (as its
 * events do), so matching meets the graph's events as it would a real import's; otherwise all on
 * one day, away from them.
 */
export async function writeGdeltFiles(dir: string, options: { events: number; mentions: number; seed: number; spread?: boolean }) {
  const random = prng(options.seed);
  await mkdir(dir, { recursive: true });
  const day = '20240315';
  const days: string[] = [];
  const firstId = 900_000_000;
  const exportRows: string[] = [];
  for (let i = 0; i < options.events; i++) {
    const fields = new Array<string>(61).fill('');
    const eventDay = options.spread
      ? new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
      : day;
    days.push(eventDay);
    fields[0] = String(firstId + i);
    fields[1] = eventDay;
    fields[5] = 'USAMIL';
    fields[6] = 'UNITED STATES';
    fields[26] = '195';
    fields[27] = '195';
    fields[28] = '19';
    fields[51] = '4';
    fields[52] = `Benchtown ${i}, Ninawa, Iraq`;
    fields[53] = 'IZ';
    fields[56] = (options.spread ? 30 + random() * 8 : 34 + random()).toFixed(4);
    fields[57] = (options.spread ? 40 + random() * 5 : 42 + random()).toFixed(4);
    fields[58] = String(8_000_000 + i);
    fields[59] = `${eventDay}120000`;
    fields[60] = `https://example.org/strike/${i}`;
    exportRows.push(fields.join('\t'));
  }
  const mentionRows: string[] = [];
  const domains = Array.from({ length: 200 }, (_, d) => `outlet${d}.example.com`);
  for (let m = 0; m < options.mentions; m++) {
    const index = Math.min(options.events - 1, Math.floor(options.events * random() ** 2));
    const event = firstId + index;
    const domain = domains[Math.floor(domains.length * random() ** 2)]!;
    mentionRows.push(
      [event, `${days[index]}000000`, `${days[index]}130000`, '1', domain, `https://${domain}/news/${m}`, '1', '-1', '-1', '10', '1', '100', '2500', '-4.5', '', ''].join('\t'),
    );
  }
  const exportFile = path.join(dir, `${day}120000.export.CSV`);
  const mentionsFile = path.join(dir, `${day}120000.mentions.CSV`);
  await writeFile(exportFile, exportRows.join('\n') + '\n');
  await writeFile(mentionsFile, mentionRows.join('\n') + '\n');
  return { exportFile, mentionsFile };
}

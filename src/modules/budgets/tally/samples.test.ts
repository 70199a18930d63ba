// Real elections from Pabulib (../shared/pabulib-sample or $PABULIB_DIR): our outcome under
// the file's own META rule must equal the official `selected` column.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readPbFile } from '../pabulib/read.ts';
import { pabulibSampleDir } from '../pabulib/sample-files.ts';
import type { PbElection } from '../pabulib/types.ts';
import { tally } from './tally.ts';

type Expectation =
  | { match: string } // tallying with the META rule (named here for the reader) reproduces `selected`
  | { error: string; reason: string } // the META rule cannot be run; see README
  | { noSelectedColumn: string }; // nothing official to compare against; META rule still runs

// Every file in the sample directory must be listed, so a new sample cannot be skipped silently.
const EXPECTED: Record<string, Expectation> = {
  'Netherlands_Assen_2024.pb': { match: 'equalshares/add1' },
  'Poland_Czestochowa_2025_Podjasnogorska.pb': { match: 'greedy-threshold' },
  'Poland_Gdansk_2020_Rudniki.pb': { noSelectedColumn: 'greedy' },
  'Poland_Gdynia_2022_Kamienna_Gora__large.pb': { match: 'greedy-no-skip' },
  'Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb': { noSelectedColumn: 'greedy' },
  'Poland_Lodz_2022.pb': { match: 'greedy-threshold' },
  'Poland_Poznan_2025_9_-_Stare_Miasto__small.pb': { error: 'unsupported-rule', reason: 'greedy-custom' },
  'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb': { match: 'greedy' },
  'Poland_Warszawa_2018_Pole_Mokotowskie.pb': { match: 'greedy-threshold' },
  'Poland_Warszawa_2026_Sielce.pb': { match: 'greedy-threshold' },
  'Poland_Wroclaw_2017_Rejon_nr_11_750.pb': { match: 'greedy-no-skip' },
  'Poland_Zabrze_2020_Osiedle_Mlodego_Gornika.pb': { noSelectedColumn: 'greedy' },
  'US_Stanford_Dataset_PB_Chicago_35th_Ward_2021_vote_rankings.pb': { error: 'no-rule', reason: 'unknown' },
};

const dir = pabulibSampleDir();
const elections = new Map<string, PbElection>();

function official(e: PbElection, values: number[] = [1]): string[] {
  return e.projects.filter((p) => p.selected !== null && values.includes(p.selected)).map((p) => p.id).sort();
}

describe('real Pabulib elections', () => {
  before(async () => {
    assert.ok(existsSync(dir), `Pabulib samples not found at ${dir} (set PABULIB_DIR)`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.pb'))) {
      const r = await readPbFile(path.join(dir, file));
      assert.ok(r.ok, `${file}: ${JSON.stringify(!r.ok && r.error)}`);
      elections.set(file, r.value);
    }
  });

  test('every sample file has an expectation', () => {
    assert.deepEqual([...elections.keys()].sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(file, () => {
      const e = elections.get(file);
      assert.ok(e, `${file} missing from ${dir}`);
      const result = tally(e); // always the file's own META rule
      if ('match' in expected) {
        assert.equal(e.rule, expected.match);
        assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
        assert.ok(official(e).length > 0, 'file has a selected column with winners');
        assert.deepEqual([...result.value.selected].sort(), official(e));
        assert.ok(result.value.spent <= e.budget);
      } else if ('error' in expected) {
        assert.equal(e.rule, expected.reason);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.error.code, expected.error);
      } else {
        assert.equal(e.rule, expected.noSelectedColumn);
        assert.ok(e.projects.every((p) => p.selected === null));
        assert.ok(result.ok && result.value.spent <= e.budget);
      }
    });
  }

  test("Poznań's greedy-custom (80% rule, from its META comment) matches selected in {1, 2}", () => {
    const e = elections.get('Poland_Poznan_2025_9_-_Stare_Miasto__small.pb')!;
    const r = tally(e, 'greedy-no-skip-80pct');
    assert.ok(r.ok);
    assert.deepEqual([...r.value.selected].sort(), official(e, [1, 2]));
  });

  test('the official rule matters: greedy would not reproduce Assen, MES would not reproduce Łódź', () => {
    const assen = elections.get('Netherlands_Assen_2024.pb')!;
    const greedy = tally(assen, 'greedy');
    assert.ok(greedy.ok);
    assert.notDeepEqual([...greedy.value.selected].sort(), official(assen));
    const lodz = elections.get('Poland_Lodz_2022.pb')!;
    const mes = tally(lodz, 'equalshares/add1');
    assert.ok(mes.ok);
    assert.notDeepEqual([...mes.value.selected].sort(), official(lodz));
    assert.ok(mes.value.spent <= lodz.budget);
  });
});

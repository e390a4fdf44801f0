import { place, writeFixtureGazetteer } from './fixture-gazetteer.js'

/**
 * A small invented world with the traps the locator must handle, for tests that must not need the
 * full gazetteer: a Najaf village in Iran, two Ras al-Ain (the district seat in Hasakah and a
 * village in Aleppo), a Turkish town whose Kurdish name is Serêkaniyê, a Kafr Nubl one letter from
 * Kafr Nabl, Baghdad with one neighbourhood.
 */
export function writeFixtureWorld(): string {
  return writeFixtureGazetteer([
    {
      iso2: 'IQ', iso3: 'IRQ', name: 'Iraq', capitalId: 'iq1',
      admin1: [
        { name: 'Baghdad', capitalId: 'iq1' },
        { name: 'An-Najaf', aliases: ['Najaf'], capitalId: 'iq2' },
        { name: 'Al-Anbar', aliases: ['Anbar'], capitalId: 'iq3' },
        { name: 'Dhi-Qar', aliases: ['Dhi Qar'], capitalId: 'iq4' },
      ],
      places: [
        place('iq1', 'Baghdad', 33.34058, 44.40088, 'Baghdad', { population: 7216000 }),
        place('iq5', 'Karrada', 33.29698, 44.42407, 'Baghdad', { kind: 'neighbourhood' }),
        place('iq2', 'Najaf', 32.02594, 44.34625, 'An-Najaf', { population: 820000, admin2: 'Najaf' }),
        place('iq3', 'Ramadi', 33.42056, 43.30778, 'Al-Anbar', { population: 223500 }),
        place('iq6', "Al Qa'im", 34.39251, 40.98945, 'Al-Anbar', { admin2: "Ka'im" }),
        place('iq7', 'Al Baghdadi', 33.85136, 42.54868, 'Al-Anbar'),
        place('iq8', 'Haditha', 34.13661, 42.37727, 'Al-Anbar', { population: 30000 }),
        place('iq4', 'Nasiriyah', 31.05799, 46.25726, 'Dhi-Qar', { population: 400000 }),
      ],
    },
    {
      iso2: 'IR', iso3: 'IRN', name: 'Iran', capitalId: 'ir1',
      admin1: [{ name: 'Tehran', capitalId: 'ir1' }, { name: 'East Azerbaijan', capitalId: 'ir2' }],
      places: [
        place('ir1', 'Tehran', 35.69439, 51.42151, 'Tehran', { population: 7153309 }),
        place('ir2', 'Tabriz', 38.08, 46.2919, 'East Azerbaijan', { population: 1424641 }),
        place('ir3', 'Najaf', 38.8577, 46.35298, 'East Azerbaijan'),
      ],
    },
    {
      iso2: 'SY', iso3: 'SYR', name: 'Syria', capitalId: 'sy1',
      admin1: [
        { name: 'Damascus', capitalId: 'sy1' },
        { name: 'Hasaka (Al Haksa)', aliases: ['Hasakah'], capitalId: 'sy2' },
        { name: 'Aleppo', capitalId: 'sy3' },
        { name: 'Idlib', capitalId: 'sy4' },
      ],
      places: [
        place('sy1', 'Damascus', 33.5102, 36.29128, 'Damascus', { population: 1569394 }),
        place('sy2', 'Al Hasakah', 36.50237, 40.74772, 'Hasaka (Al Haksa)', { population: 188160 }),
        place('sy5', "Ra's al `Ayn", 36.85034, 40.07055, 'Hasaka (Al Haksa)', { admin2: 'Ras Al Ain' }),
        place('sy6', 'Al Qamishli', 37.05215, 41.23142, 'Hasaka (Al Haksa)', { admin2: 'Quamishli' }),
        place('sy3', 'Aleppo', 36.20124, 37.16117, 'Aleppo', { population: 1602264 }),
        place('sy7', "Ra's al `Ayn", 36.583, 38.36077, 'Aleppo', { admin2: 'Ain Al Arab' }),
        place('sy4', 'Idlib', 35.93062, 36.63393, 'Idlib', { population: 128840 }),
        place('sy8', 'Kafr Nubl', 35.61358, 36.56138, 'Idlib'),
      ],
    },
    {
      iso2: 'TR', iso3: 'TUR', name: 'Turkey', capitalId: 'tr1',
      admin1: [{ name: 'Ankara', capitalId: 'tr1' }, { name: 'Sanliurfa', capitalId: 'tr2' }],
      places: [
        place('tr1', 'Ankara', 39.91987, 32.85427, 'Ankara', { population: 3517182 }),
        place('tr2', 'Sanliurfa', 37.16708, 38.79392, 'Sanliurfa', { population: 449549 }),
        place('tr3', 'Ceylanpinar', 36.84722, 40.05, 'Sanliurfa', { population: 47000, altNames: ['Serêkaniyê'] }),
      ],
    },
    {
      iso2: 'NG', iso3: 'NGA', name: 'Nigeria', capitalId: 'ng1',
      admin1: [{ name: 'Federal Capital Territory', capitalId: 'ng1' }, { name: 'Borno State', aliases: ['Borno'], capitalId: 'ng2' }],
      places: [
        place('ng1', 'Abuja', 9.05785, 7.49508, 'Federal Capital Territory', { population: 590400 }),
        place('ng2', 'Maiduguri', 11.84692, 13.15712, 'Borno State', { population: 1112449 }),
        place('ng3', 'Konduga', 11.65, 13.41667, 'Borno State', { population: 20000 }),
      ],
    },
  ])
}

import type { Command } from 'commander'
import { loadGazetteer, defaultGazetteerDir } from '../geo/gazetteer.js'
import { explainGeocode } from '../geo/explain.js'
import { importPlaces } from '../geo/import-places.js'
import type { CliIO } from './io.js'

/** `sitrep geocode NAME --context TEXT` and `sitrep gazetteer import FILE`. */
export function registerGeo(program: Command, io: CliIO) {
  program.command('geocode')
    .description('resolve a place name with the embedded gazetteer and show the candidates and reasons')
    .argument('<name>', 'the place as written, e.g. "Husaybah" or "30 km south of Rutba"')
    .option('--context <text>', 'text around the name: countries and provinces named in it narrow the choice')
    .option('--gazetteer <dir>', 'a gazetteer folder (default: the embedded one)')
    .action((name: string, opts: { context?: string; gazetteer?: string }) => {
      const gaz = loadGazetteer(opts.gazetteer ? { dir: opts.gazetteer } : {})
      io.out(explainGeocode(gaz, name, opts.context))
    })

  const gazetteer = program.command('gazetteer').description('manage the offline gazetteer')
  gazetteer.command('import')
    .description('add places from a GeoNames country dump (IQ.txt format) or a Who\'s On First CSV')
    .argument('<file>', 'the file to import')
    .option('--alternate-names <file>', 'GeoNames alternateNames file for the same country')
    .option('--dir <dir>', 'the gazetteer folder to write into', defaultGazetteerDir())
    .action((file: string, opts: { alternateNames?: string; dir: string }) => {
      const r = importPlaces(file, opts.dir, opts.alternateNames ? { alternateNames: opts.alternateNames } : {})
      io.out(JSON.stringify(r, null, 2))
      if (r.errors.length) { io.err(`${r.errors.length} row(s) could not be imported (listed under "errors")`); io.setExitCode(1) }
    })
}
